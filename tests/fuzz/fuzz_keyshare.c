/* libFuzzer: peer key shares and the arithmetic behind them, differentially.
 *
 * Every operation runs twice, on the CPU's fast paths (BMI2/ADX fields,
 * the AVX2 X25519 ladder, AVX2 ML-KEM) and on the portable C ones
 * (tls13_cpu_set_mask(0)); any difference in status or output aborts. The
 * first byte picks the operation, the rest is its input, zero-padded when
 * short:
 *   0  X25519 of a scalar and a hostile u-coordinate; and the fixed-base
 *      public key (Edwards table) against the ladder on u = 9
 *   1  P-256 and 2  P-384 ECDH of a scalar and a hostile peer share (any
 *      length); the public key of the scalar, and DH symmetry with a second
 *      scalar when both are valid
 *   3  ECDSA verification of a hostile signature over a digest, under the
 *      public key of a scalar (P-256 or P-384 by the next byte)
 *   4  ML-KEM-768: key generation from a seed, decapsulation of a hostile
 *      ciphertext, encapsulation to a hostile encapsulation key
 *   5  the key-share interface: a server's response to a hostile client
 *      share of each group (random keys, so the secret is not compared)
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tls13.h"
#include "base/cpu.h"
#include "crypto/ec.h"
#include "crypto/keyshare.h"
#include "crypto/mlkem768.h"
#include "crypto/x25519.h"

/* The input from `offset`, `len` bytes, zero-padded past its end. */
static void take(uint8_t *out, size_t len, const uint8_t *data, size_t size, size_t offset)
{
    memset(out, 0, len);
    if (offset < size)
        memcpy(out, data + offset, size - offset < len ? size - offset : len);
}

static void same(int rc_fast, int rc_portable, const void *fast, const void *portable, size_t len)
{
    if (rc_fast != rc_portable || (len && memcmp(fast, portable, len) != 0))
        abort();
}

static void fast_paths(int on)
{
    tls13_cpu_set_mask(on ? UINT32_MAX : 0);
}

static void fuzz_x25519(const uint8_t *data, size_t size)
{
    static const uint8_t nine[32] = {9};
    uint8_t k[32], u[32], out[2][32], pub[2][32], base[32];
    int rc[2];
    take(k, 32, data, size, 0);
    take(u, 32, data, size, 32);
    for (int p = 0; p < 2; p++) {
        fast_paths(p == 0);
        rc[p] = tls13_x25519(out[p], k, u);
        tls13_x25519_public(pub[p], k);
    }
    same(rc[0], rc[1], out[0], out[1], 32);
    same(0, 0, pub[0], pub[1], 32);
    if (tls13_x25519(base, k, nine) != TLS13_OK || memcmp(base, pub[0], 32) != 0)
        abort();
}

static void fuzz_ecdh(tls13_ec_curve curve, const uint8_t *data, size_t size)
{
    const size_t n = tls13_ec_scalar_size(curve), pn = tls13_ec_point_size(curve);
    const size_t peer_len = size > n ? size - n : 0;
    uint8_t a[TLS13_EC_MAX_SCALAR], b[TLS13_EC_MAX_SCALAR];
    uint8_t pub_a[2][TLS13_EC_MAX_POINT], pub_b[TLS13_EC_MAX_POINT];
    uint8_t shared[2][TLS13_EC_MAX_SCALAR], ab[TLS13_EC_MAX_SCALAR], ba[TLS13_EC_MAX_SCALAR];
    int rc[2], rc_pub[2];
    take(a, n, data, size, 0);
    for (int p = 0; p < 2; p++) {
        fast_paths(p == 0);
        memset(shared[p], 0, n);
        memset(pub_a[p], 0, pn);
        rc[p] = tls13_ecdh(curve, a, data + (size > n ? n : size), peer_len, shared[p]);
        rc_pub[p] = tls13_ec_public_from_private(curve, a, pub_a[p]);
    }
    same(rc[0], rc[1], shared[0], shared[1], n);
    same(rc_pub[0], rc_pub[1], pub_a[0], pub_a[1], pn);
    /* a (b G) = b (a G), b the bytes after a */
    take(b, n, data, size, n);
    if (rc_pub[0] == TLS13_OK && tls13_ec_public_from_private(curve, b, pub_b) == TLS13_OK) {
        if (tls13_ecdh(curve, a, pub_b, pn, ab) != TLS13_OK || tls13_ecdh(curve, b, pub_a[0], pn, ba) != TLS13_OK ||
            memcmp(ab, ba, n) != 0)
            abort();
    }
}

static void fuzz_ecdsa_verify(const uint8_t *data, size_t size)
{
    const tls13_ec_curve curve = size > 0 && (data[0] & 1) ? TLS13_CURVE_P384 : TLS13_CURVE_P256;
    const size_t n = tls13_ec_scalar_size(curve), pn = tls13_ec_point_size(curve);
    uint8_t priv[TLS13_EC_MAX_SCALAR], pub[TLS13_EC_MAX_POINT], digest[TLS13_EC_MAX_SCALAR];
    const size_t sig_at = 1 + 2 * n, sig_len = size > sig_at ? size - sig_at : 0;
    int rc[2];
    take(priv, n, data, size, 1);
    take(digest, n, data, size, 1 + n);
    if (tls13_ec_public_from_private(curve, priv, pub) != TLS13_OK)
        return;
    for (int p = 0; p < 2; p++) {
        fast_paths(p == 0);
        rc[p] = tls13_ecdsa_verify(curve, pub, pn, digest, n, data + (size > sig_at ? sig_at : size), sig_len);
    }
    same(rc[0], rc[1], NULL, NULL, 0);
}

static void fuzz_mlkem(const uint8_t *data, size_t size)
{
    static uint8_t ek[2][1184], dk[2][2400], ct[2][1088], hostile_ct[1088], hostile_ek[1184];
    uint8_t seed[64], m[32], ss[2][32], ss_enc[2][32];
    int rc[2], rc_enc[2];
    take(seed, 64, data, size, 0);
    take(m, 32, data, size, 64);
    take(hostile_ct, sizeof(hostile_ct), data, size, 96);
    take(hostile_ek, sizeof(hostile_ek), data, size, 96);
    for (int p = 0; p < 2; p++) {
        fast_paths(p == 0);
        tls13_mlkem768_keygen_from_seed(seed, ek[p], dk[p]);
        rc[p] = tls13_mlkem768_decaps(dk[p], hostile_ct, ss[p]);
        memset(ct[p], 0, sizeof(ct[p]));
        memset(ss_enc[p], 0, 32);
        rc_enc[p] = tls13_mlkem768_encaps_with_m(hostile_ek, m, ct[p], ss_enc[p]);
    }
    same(0, 0, ek[0], ek[1], sizeof(ek[0]));
    same(0, 0, dk[0], dk[1], sizeof(dk[0]));
    same(rc[0], rc[1], ss[0], ss[1], 32);
    same(rc_enc[0], rc_enc[1], ct[0], ct[1], sizeof(ct[0]));
    same(rc_enc[0], rc_enc[1], ss_enc[0], ss_enc[1], 32);
}

static void fuzz_respond(const uint8_t *data, size_t size)
{
    static const uint16_t groups[] = {TLS13_GROUP_X25519, TLS13_GROUP_SECP256R1, TLS13_GROUP_SECP384R1,
                                      TLS13_GROUP_X25519MLKEM768};
    uint8_t share[TLS13_KEYSHARE_MAX_SHARE], secret[TLS13_KEYSHARE_MAX_SECRET];
    size_t share_len, secret_len;
    fast_paths(1);
    for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
        (void)tls13_keyshare_respond(groups[i], data, size, share, sizeof(share), &share_len, secret,
                                     sizeof(secret), &secret_len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    switch (data[0] % 6) {
    case 0: fuzz_x25519(data + 1, size - 1); break;
    case 1: fuzz_ecdh(TLS13_CURVE_P256, data + 1, size - 1); break;
    case 2: fuzz_ecdh(TLS13_CURVE_P384, data + 1, size - 1); break;
    case 3: fuzz_ecdsa_verify(data + 1, size - 1); break;
    case 4: fuzz_mlkem(data + 1, size - 1); break;
    default: fuzz_respond(data + 1, size - 1); break;
    }
    fast_paths(1);
    return 0;
}
