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

/* ... and, with AVX2 too, the same ladder with each step's four squares on
 * the vector unit, as two two-lane radix 2^25.5 squares, interleaved with
 * the integer unit's five radix 2^64 products: x25519_ladder_avx2_gen.py
 * generates the loop and explains it. X25519 measured 9.8% faster than on
 * ladder_bmi2_adx (88.1k -> 79.5k TSC cycles, AMD EPYC, gcc 12). The loop's
 * state is a context of radix 2^64 elements and the vector unit's buffers;
 * this function fills it, and after the loop selects and encodes (X2 : Z2)
 * as ladder_bmi2_adx does. Not inlined, for the caller's tls13_wipe_stack,
 * which reaches the context too. */
#include "x25519_ladder_avx2.h"

typedef union ladder_avx2_context {
    uint8_t b[TLS13_LADDER_AVX2_SIZE];
    __m128i align; /* the loop's vector loads and stores need 16 bytes */
} ladder_avx2_context;

static void ladder_avx2_put(ladder_avx2_context *c, size_t field, const tls13_fe64 *h)
{
    memcpy(c->b + field, h->l, 32);
}

static void ladder_avx2_get(tls13_fe64 *h, const ladder_avx2_context *c, size_t field)
{
    memcpy(h->l, c->b + field, 32);
}

/* Both lanes of a vector constant. */
static void ladder_avx2_put_pair(ladder_avx2_context *c, size_t field, uint64_t v)
{
    memcpy(c->b + field, &v, 8);
    memcpy(c->b + field + 8, &v, 8);
}

static TLS13_FE64_TARGET TLS13_NOINLINE void ladder_avx2(uint8_t x_out[32], uint8_t z_out[32], const uint8_t k[32],
                                                        const uint8_t u[32])
{
    ladder_avx2_context c;
    tls13_fe64 x1, x2, z2, x3, z3;
    uint32_t count = 254, swap = 0; /* bits 254 down to 3, as in fe25519_ladder.h */
    memset(&c, 0, sizeof(c));
    memcpy(c.b + TLS13_LADDER_AVX2_K, k, 32);
    memcpy(c.b + TLS13_LADDER_AVX2_COUNT, &count, 4);
    memcpy(c.b + TLS13_LADDER_AVX2_SWAP, &swap, 4);
    ladder_avx2_put_pair(&c, TLS13_LADDER_AVX2_M26, (1u << 26) - 1);
    ladder_avx2_put_pair(&c, TLS13_LADDER_AVX2_M25, (1u << 25) - 1);
    ladder_avx2_put_pair(&c, TLS13_LADDER_AVX2_N19, 19);
    tls13_fe64_frombytes(&x1, u); /* bit 255 ignored, non-canonical u accepted */
    tls13_fe64_set_u32(&x2, 1);
    tls13_fe64_set_u32(&z2, 0);
    tls13_fe64_set_u32(&z3, 1);
    ladder_avx2_put(&c, TLS13_LADDER_AVX2_X1, &x1);
    ladder_avx2_put(&c, TLS13_LADDER_AVX2_X2, &x2);
    ladder_avx2_put(&c, TLS13_LADDER_AVX2_Z2, &z2);
    ladder_avx2_put(&c, TLS13_LADDER_AVX2_X3, &x1);
    ladder_avx2_put(&c, TLS13_LADDER_AVX2_Z3, &z3);
/* The loop is one string of about 30k characters, past C99's 4095 that
 * clang's -pedantic checks; it is assembler text, not a C string. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
    __asm__ volatile(TLS13_LADDER_AVX2_LOOP
                     :
                     : "D"(c.b + TLS13_LADDER_AVX2_BIAS)
                     : "rax", "rbx", "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "xmm0",
                       "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
                       "xmm12", "xmm13", "xmm14", "xmm15", "memory", "cc");
#pragma GCC diagnostic pop
    ladder_avx2_get(&x2, &c, TLS13_LADDER_AVX2_X2);
    ladder_avx2_get(&z2, &c, TLS13_LADDER_AVX2_Z2);
    ladder_avx2_get(&x3, &c, TLS13_LADDER_AVX2_X3);
    ladder_avx2_get(&z3, &c, TLS13_LADDER_AVX2_Z3);
    memcpy(&swap, c.b + TLS13_LADDER_AVX2_SWAP, 4);
    /* [k / 8]u is (x3 : z3) when the last bit left the points exchanged. */
    tls13_fe64_cmov(&x2, &x3, swap);
    tls13_fe64_cmov(&z2, &z3, swap);
    tls13_fe64_tobytes(x_out, &x2);
    tls13_fe64_tobytes(z_out, &z2);
    ladder_bmi2_adx_double3(x_out, z_out);
}
#endif

/* out = u-coordinate of [k]P for P with u-coordinate u: the ladder's
 * (X2 : Z2), divided out. */
static void ladder(uint8_t out[32], const uint8_t k[32], const uint8_t u[32])
{
    uint8_t xs[32], zs[32];
    tls13_fe x, z;
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_BMI2 | TLS13_CPU_ADX | TLS13_CPU_AVX2))
        ladder_avx2(xs, zs, k, u);
    else if (tls13_cpu_has(TLS13_CPU_BMI2 | TLS13_CPU_ADX))
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
