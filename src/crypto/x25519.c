/* X25519 (RFC 7748 section 5): the Montgomery ladder on Curve25519. */
#include "x25519.h"

#include <string.h>

#include "tls13.h"
#include "../base/ct.h"
#include "../base/mem.h"
#include "../base/cpu.h"
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

/* The ladder on the selected portable backend (fe25519.h)... */
#define TLS13_LADDER_NAME ladder_generic
#define TLS13_LADDER_ATTR
#define TLS13_LADDER_FE tls13_fe
#define TLS13_LADDER_OP(op) tls13_fe_##op
#include "fe25519_ladder.h"

#ifdef TLS13_X86_64
/* ... and on radix 2^64 with mulx/adx, chosen at run time: about 67% faster
 * than radix 2^51 with gcc 12 on this project's AMD EPYC
 * (bench/bench_curve25519.c, x25519 vs x25519_portable: 21.1k vs 12.6k ops/s). */
#include "fe25519_64.h"
#define TLS13_LADDER_NAME ladder_bmi2_adx
#define TLS13_LADDER_ATTR TLS13_FE64_TARGET
#define TLS13_LADDER_FE tls13_fe64
#define TLS13_LADDER_OP(op) tls13_fe64_##op
#include "fe25519_ladder.h"
#endif

/* out = u-coordinate of [k]P for P with u-coordinate u: the ladder's
 * (X2 : Z2), divided out. */
static void ladder(uint8_t out[32], const uint8_t k[32], const uint8_t u[32])
{
    uint8_t xs[32], zs[32];
    tls13_fe x, z;
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_BMI2 | TLS13_CPU_ADX))
        ladder_bmi2_adx(xs, zs, k, u);
    else
#endif
        ladder_generic(xs, zs, k, u);
    tls13_wipe_stack(); /* the ladder's spilled temporaries */
    tls13_fe_frombytes(&x, xs);
    tls13_fe_frombytes(&z, zs);
    tls13_fe_invert(&z, &z); /* 0 stays 0: a low-order point gives u = 0 */
    tls13_fe_mul(&x, &x, &z);
    tls13_fe_tobytes(out, &x);
    tls13_wipe(xs, sizeof(xs));
    tls13_wipe(zs, sizeof(zs));
    tls13_wipe(&x, sizeof(x));
    tls13_wipe(&z, sizeof(z));
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
