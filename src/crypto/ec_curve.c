/* The curves P-256 and P-384 (FIPS 186-5 / SP 800-186 section 3.2.1.3-4):
 * b and the base point G, already in Montgomery form (times R = 2^256 or
 * 2^384 mod p) so no conversion runs at start-up. */
#include "ec_point.h"

static const ec_curve p256 = {
    TLS13_CURVE_P256, &ec_p256_p, &ec_p256_n, 256, 32,
    { EC_L(0xd89cdf62, 0x29c4bddf), EC_L(0xacf005cd, 0x78843090), EC_L(0xe5a220ab, 0xf7212ed6),
      EC_L(0xdc30061d, 0x04874834) },
    { { EC_L(0x79e730d4, 0x18a9143c), EC_L(0x75ba95fc, 0x5fedb601), EC_L(0x79fb732b, 0x77622510),
        EC_L(0x18905f76, 0xa53755c6) },
      { EC_L(0xddf25357, 0xce95560a), EC_L(0x8b4ab8e4, 0xba19e45c), EC_L(0xd2e88688, 0xdd21f325),
        EC_L(0x8571ff18, 0x25885d85) } }
};

static const ec_curve p384 = {
    TLS13_CURVE_P384, &ec_p384_p, &ec_p384_n, 384, 48,
    { EC_L(0x08118871, 0x9d412dcc), EC_L(0xf729add8, 0x7a4c32ec), EC_L(0x77f2209b, 0x1920022e),
      EC_L(0xe3374bee, 0x94938ae2), EC_L(0xb62b21f4, 0x1f022094), EC_L(0xcd08114b, 0x604fbff9) },
    { { EC_L(0x3dd07566, 0x49c0b528), EC_L(0x20e378e2, 0xa0d6ce38), EC_L(0x879c3afc, 0x541b4d6e),
        EC_L(0x64548684, 0x59a30eff), EC_L(0x812ff723, 0x614ede2b), EC_L(0x4d3aadc2, 0x299e1513) },
      { EC_L(0x23043dad, 0x4b03a4fe), EC_L(0xa1bfa8bf, 0x7bb4a9ac), EC_L(0x8bade756, 0x2e83b050),
        EC_L(0xc6c35219, 0x68f4ffd9), EC_L(0xdd800226, 0x3969a840), EC_L(0x2b78abc2, 0x5a15c5e9) } }
};

const ec_curve *ec_curve_get(tls13_ec_curve id)
{
    switch (id) {
    case TLS13_CURVE_P256: return &p256;
    case TLS13_CURVE_P384: return &p384;
    }
    return NULL;
}
