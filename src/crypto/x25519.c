/* X25519 (RFC 7748 section 5): the Montgomery ladder on Curve25519. */
#include "x25519.h"

#include <string.h>

#include "tls13.h"
#include "../base/ct.h"
#include "../base/mem.h"
#include "../base/random.h"
#include "fe25519.h"
#include "ge25519.h"

/* RFC 7748 section 5: clear the three low bits (a multiple of the cofactor
 * 8), clear bit 255 and set bit 254. */
static void clamp(uint8_t k[32], const uint8_t scalar[32])
{
    memcpy(k, scalar, 32);
    k[0] &= 248;
    k[31] &= 127;
    k[31] |= 64;
}

/* out = u-coordinate of [k]P for P with u-coordinate u, in constant time:
 * every step does the same field operations and swaps by mask. */
static void ladder(uint8_t out[32], const uint8_t k[32], const uint8_t u[32])
{
    tls13_fe x1, x2, z2, x3, z3, a, aa, b, bb, e, c, d, da, cb;
    unsigned swap = 0;
    tls13_fe_frombytes(&x1, u); /* bit 255 ignored, non-canonical u accepted */
    tls13_fe_set_u32(&x2, 1);
    tls13_fe_set_u32(&z2, 0);
    x3 = x1;
    tls13_fe_set_u32(&z3, 1);
    for (int t = 254; t >= 0; t--) {
        unsigned bit = (k[t >> 3] >> (t & 7)) & 1;
        swap ^= bit;
        tls13_fe_cswap(&x2, &x3, swap);
        tls13_fe_cswap(&z2, &z3, swap);
        swap = bit;
        tls13_fe_add(&a, &x2, &z2);
        tls13_fe_sq(&aa, &a);
        tls13_fe_sub(&b, &x2, &z2);
        tls13_fe_sq(&bb, &b);
        tls13_fe_sub(&e, &aa, &bb);
        tls13_fe_add(&c, &x3, &z3);
        tls13_fe_sub(&d, &x3, &z3);
        tls13_fe_mul(&da, &d, &a);
        tls13_fe_mul(&cb, &c, &b);
        tls13_fe_add(&x3, &da, &cb);
        tls13_fe_sq(&x3, &x3);
        tls13_fe_sub(&z3, &da, &cb);
        tls13_fe_sq(&z3, &z3);
        tls13_fe_mul(&z3, &z3, &x1);
        tls13_fe_mul(&x2, &aa, &bb);
        tls13_fe_mul_small(&z2, &e, 121665); /* a24 = (486662 - 2) / 4 */
        tls13_fe_add(&z2, &z2, &aa);
        tls13_fe_mul(&z2, &z2, &e);
    }
    tls13_fe_cswap(&x2, &x3, swap);
    tls13_fe_cswap(&z2, &z3, swap);
    tls13_fe_invert(&z2, &z2);
    tls13_fe_mul(&x2, &x2, &z2);
    tls13_fe_tobytes(out, &x2);
    tls13_wipe(&x2, sizeof(x2));
    tls13_wipe(&z2, sizeof(z2));
    tls13_wipe(&x3, sizeof(x3));
    tls13_wipe(&z3, sizeof(z3));
    tls13_wipe(&a, sizeof(a));
    tls13_wipe(&aa, sizeof(aa));
    tls13_wipe(&b, sizeof(b));
    tls13_wipe(&bb, sizeof(bb));
    tls13_wipe(&e, sizeof(e));
    tls13_wipe(&c, sizeof(c));
    tls13_wipe(&d, sizeof(d));
    tls13_wipe(&da, sizeof(da));
    tls13_wipe(&cb, sizeof(cb));
}

int tls13_x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32])
{
    uint8_t k[32];
    clamp(k, scalar);
    ladder(out, k, point);
    tls13_wipe(k, sizeof(k));
    /* RFC 8446 section 7.4.2: an all-zero result (a low-order peer point)
     * must abort the handshake. */
    return tls13_ct_is_zero(out, 32) ? TLS13_ERR_ZERO_SHARED_SECRET : TLS13_OK;
}

/* [k]9 through Ed25519's fixed-base table: the Edwards base point B maps to
 * u = 9 under u = (1 + y)/(1 - y) (RFC 7748 section 4.1), the map commutes
 * with scalar multiplication, and the table walk costs a fraction of a
 * ladder. A clamped k is below 2^255, as the table walk needs. */
void tls13_x25519_public(uint8_t pub[32], const uint8_t scalar[32])
{
    uint8_t k[32];
    tls13_ge_p3 P;
    clamp(k, scalar);
    tls13_ge_scalarmult_base(&P, k);
    tls13_ge_p3_to_montgomery_u(pub, &P);
    tls13_wipe(k, sizeof(k));
    tls13_wipe(&P, sizeof(P));
}

int tls13_x25519_keygen(uint8_t priv[32], uint8_t pub[32])
{
    int rc = tls13_random_bytes(priv, 32);
    if (rc != TLS13_OK) {
        tls13_wipe(priv, 32);
        return rc;
    }
    tls13_x25519_public(pub, priv);
    return TLS13_OK;
}
