/*
 * Field arithmetic mod p = 2^255 - 19 in radix 2^64 (four saturated limbs)
 * with the BMI2 and ADX intrinsics _mulx_u64 and _addcarryx_u64. x86-64
 * only; callers check tls13_cpu_has(TLS13_CPU_BMI2 | TLS13_CPU_ADX) and
 * compile with TLS13_TARGET("bmi2,adx") so these inline into them. (gcc 12
 * turns the carry intrinsics into one adc chain, not the two interleaved
 * adcx/adox chains hand-written assembly uses; that bounds the speed-up.)
 *
 * Elements are 256-bit values, not reduced mod p. Two ranges matter:
 *   - "reduced": below B = 2^255 + 2^38. mul, sq, mul_small_add, frombytes
 *     and set_u32 give reduced elements;
 *   - any 256-bit value: what add and sub give.
 * mul, sq, mul_small_add, cswap and tobytes accept any 256-bit value; add and
 * sub need reduced inputs, which lets each fold its carry with one addition
 * or one borrow chain. The ladder (fe25519_ladder.h) only adds and subtracts
 * products, squares and its starting values. Only tobytes reduces to the
 * canonical residue.
 * Nothing here branches on or indexes memory by limb values.
 */
#ifndef TLS13_CRYPTO_FE25519_64_H
#define TLS13_CRYPTO_FE25519_64_H

#include "../base/cpu.h"

#ifdef TLS13_X86_64
#include <immintrin.h>
#include <stdint.h>

#include "../base/bytes.h"
#include "mulx_wide.h"

typedef unsigned long long tls13_u64x; /* the intrinsics' own word type */

typedef struct tls13_fe64 {
    tls13_u64x l[4];
} tls13_fe64;

/* For gcc, also scheduling before register allocation with the register
 * pressure in view, and one allocation region for the whole function: the
 * ladder measured 2% faster (103.8k -> 102.0k cycles per X25519). */
#define TLS13_FE64_TARGET TLS13_TARGET("bmi2,adx") TLS13_NO_SLP_AND("schedule-insns", "sched-pressure", "ira-region=one")
/* Forced inline into the ladder: gcc -O2 otherwise calls mul and sq, and
 * inlining measured ~9% faster. */
#define TLS13_FE64_INLINE static inline TLS13_FE64_TARGET __attribute__((always_inline))

/* (t0..t4) += (u0..u4), the carry out of t4 dropped (the callers' sums fit). */
#define TLS13_FE64_ACC5(t0, t1, t2, t3, t4, u0, u1, u2, u3, u4) \
    do {                                                         \
        unsigned char k_ = 0;                                    \
        TLS13_MULX_ADC(k_, t0, u0, t0);                          \
        TLS13_MULX_ADC(k_, t1, u1, t1);                          \
        TLS13_MULX_ADC(k_, t2, u2, t2);                          \
        TLS13_MULX_ADC(k_, t3, u3, t3);                          \
        TLS13_MULX_ADC(k_, t4, u4, t4);                          \
    } while (0)

/* h = (t0..t3) + 2^256 top (mod p), reduced, for top < 2^32: the bits from
 * 255 up, s = 2 top + bit 255 < 2^33 + 1, come back as 19 s < 2^38 (2^255 =
 * 19 mod p), added to a value below 2^255, so the sum neither carries out
 * nor reaches B = 2^255 + 2^38. */
TLS13_FE64_INLINE void tls13_fe64_fold_top(tls13_fe64 *h, tls13_u64x t0, tls13_u64x t1, tls13_u64x t2,
                                           tls13_u64x t3, tls13_u64x top)
{
    unsigned char c = 0;
    const tls13_u64x s = (top << 1) | (t3 >> 63);
    t3 &= 0x7fffffffffffffffULL;
    TLS13_MULX_ADC(c, t0, 19 * s, t0);
    TLS13_MULX_ADC(c, t1, 0, t1);
    TLS13_MULX_ADC(c, t2, 0, t2);
    TLS13_MULX_ADC(c, t3, 0, t3);
    h->l[0] = t0;
    h->l[1] = t1;
    h->l[2] = t2;
    h->l[3] = t3;
}

/* h = lo + 38 hi (mod p), for a 512-bit t = lo + 2^256 hi: 38 hi is five
 * words, whose top (< 39 with the carry) is folded once more. */
TLS13_FE64_INLINE void tls13_fe64_fold(tls13_fe64 *h, tls13_u64x t0, tls13_u64x t1, tls13_u64x t2, tls13_u64x t3,
                                       tls13_u64x t4, tls13_u64x t5, tls13_u64x t6, tls13_u64x t7)
{
    tls13_u64x v0, v1, v2, v3, top;
    TLS13_MULX_ROW(38, t4, t5, t6, t7, v0, v1, v2, v3, top);
    TLS13_FE64_ACC5(t0, t1, t2, t3, top, v0, v1, v2, v3, 0);
    tls13_fe64_fold_top(h, t0, t1, t2, t3, top);
}

#if defined(__clang__)
/* Schoolbook product row by row (operand scanning), then the fold. clang
 * keeps the four products of a row in registers; with product scanning
 * (below) its ladder measured 13% slower. */
TLS13_FE64_INLINE void tls13_fe64_mul(tls13_fe64 *h, const tls13_fe64 *f, const tls13_fe64 *g)
{
    const tls13_u64x b0 = g->l[0], b1 = g->l[1], b2 = g->l[2], b3 = g->l[3];
    tls13_u64x t0, t1, t2, t3, t4, t5, t6, t7, u0, u1, u2, u3;
    TLS13_MULX_ROW(f->l[0], b0, b1, b2, b3, t0, t1, t2, t3, t4);
    TLS13_MULX_ROW(f->l[1], b0, b1, b2, b3, u0, u1, u2, u3, t5);
    TLS13_FE64_ACC5(t1, t2, t3, t4, t5, u0, u1, u2, u3, 0);
    TLS13_MULX_ROW(f->l[2], b0, b1, b2, b3, u0, u1, u2, u3, t6);
    TLS13_FE64_ACC5(t2, t3, t4, t5, t6, u0, u1, u2, u3, 0);
    TLS13_MULX_ROW(f->l[3], b0, b1, b2, b3, u0, u1, u2, u3, t7);
    TLS13_FE64_ACC5(t3, t4, t5, t6, t7, u0, u1, u2, u3, 0);
    tls13_fe64_fold(h, t0, t1, t2, t3, t4, t5, t6, t7);
}
#else
/* (c0, c1, c2) += x y: one product into a three-word column accumulator,
 * whose top word only collects carries and cannot overflow. */
#define TLS13_FE64_MAC(c0, c1, c2, x, y)                 \
    do {                                                 \
        tls13_u64x hi_, lo_ = _mulx_u64((x), (y), &hi_); \
        unsigned char k_ = 0;                            \
        TLS13_MULX_ADC(k_, c0, lo_, c0);                 \
        TLS13_MULX_ADC(k_, c1, hi_, c1);                 \
        TLS13_MULX_ADC(k_, c2, 0, c2);                   \
    } while (0)

/* Schoolbook product column by column (product scanning), then the fold.
 * Each product is added as soon as it is made, so only one 128-bit product
 * is live at a time: gcc 12 gives every 128-bit product a pair of adjacent
 * registers until after register allocation, and with the row form's four
 * products at once it runs short of pairs and spills (its ladder measured
 * 2% slower that way). The accumulator rotates through (c0, c1, c2) as each
 * column's low word is taken out. */
TLS13_FE64_INLINE void tls13_fe64_mul(tls13_fe64 *h, const tls13_fe64 *f, const tls13_fe64 *g)
{
    const tls13_u64x *a = f->l, *b = g->l;
    tls13_u64x t0, t1, t2, t3, t4, t5, c0, c1 = 0, c2 = 0;
    unsigned char k = 0;
    t0 = _mulx_u64(a[0], b[0], &c0);
    TLS13_FE64_MAC(c0, c1, c2, a[0], b[1]);
    TLS13_FE64_MAC(c0, c1, c2, a[1], b[0]);
    t1 = c0;
    c0 = 0;
    TLS13_FE64_MAC(c1, c2, c0, a[1], b[1]);
    TLS13_FE64_MAC(c1, c2, c0, a[0], b[2]);
    TLS13_FE64_MAC(c1, c2, c0, a[2], b[0]);
    t2 = c1;
    c1 = 0;
    TLS13_FE64_MAC(c2, c0, c1, a[2], b[1]);
    TLS13_FE64_MAC(c2, c0, c1, a[1], b[2]);
    TLS13_FE64_MAC(c2, c0, c1, a[0], b[3]);
    TLS13_FE64_MAC(c2, c0, c1, a[3], b[0]);
    t3 = c2;
    c2 = 0;
    TLS13_FE64_MAC(c0, c1, c2, a[3], b[1]);
    TLS13_FE64_MAC(c0, c1, c2, a[1], b[3]);
    TLS13_FE64_MAC(c0, c1, c2, a[2], b[2]);
    t4 = c0;
    c0 = 0;
    TLS13_FE64_MAC(c1, c2, c0, a[2], b[3]);
    TLS13_FE64_MAC(c1, c2, c0, a[3], b[2]);
    t5 = c1;
    {
        /* the top column: a 3 b 3 plus (c2, c0), which cannot carry out */
        tls13_u64x hi, lo = _mulx_u64(a[3], b[3], &hi);
        TLS13_MULX_ADC(k, c2, lo, c2);
        TLS13_MULX_ADC(k, c0, hi, c0);
    }
    tls13_fe64_fold(h, t0, t1, t2, t3, t4, t5, c2, c0);
}
#endif

/* Squaring: the 512-bit square (mulx_wide.h), then the fold. */
TLS13_FE64_INLINE void tls13_fe64_sq(tls13_fe64 *h, const tls13_fe64 *f)
{
    tls13_u64x t0, t1, t2, t3, t4, t5, t6, t7;
    TLS13_MULX_SQR_WIDE(f->l[0], f->l[1], f->l[2], f->l[3], t0, t1, t2, t3, t4, t5, t6, t7);
    tls13_fe64_fold(h, t0, t1, t2, t3, t4, t5, t6, t7);
}

/* h = f n + g for a small constant n < 2^31 (the ladder's a24 step, whose
 * sum needs no fold of its own): the row's top word plus the carry of g's
 * addition is below 2^32. */
TLS13_FE64_INLINE void tls13_fe64_mul_small_add(tls13_fe64 *h, const tls13_fe64 *f, uint32_t n, const tls13_fe64 *g)
{
    tls13_u64x t0, t1, t2, t3, top;
    TLS13_MULX_ROW((tls13_u64x)n, f->l[0], f->l[1], f->l[2], f->l[3], t0, t1, t2, t3, top);
    TLS13_FE64_ACC5(t0, t1, t2, t3, top, g->l[0], g->l[1], g->l[2], g->l[3], 0);
    tls13_fe64_fold_top(h, t0, t1, t2, t3, top);
}

/* h = f + g for reduced f and g. Their sum is below 2^256 + 2^39, so when it
 * carries out (2^256 = 38 mod p), what is left is below 2^39 and takes the
 * 38 in its low word without a further carry. */
TLS13_FE64_INLINE void tls13_fe64_add(tls13_fe64 *h, const tls13_fe64 *f, const tls13_fe64 *g)
{
    tls13_u64x r0, r1, r2, r3;
    unsigned char c = 0;
    TLS13_MULX_ADC(c, f->l[0], g->l[0], r0);
    TLS13_MULX_ADC(c, f->l[1], g->l[1], r1);
    TLS13_MULX_ADC(c, f->l[2], g->l[2], r2);
    TLS13_MULX_ADC(c, f->l[3], g->l[3], r3);
    h->l[0] = r0 + (((tls13_u64x)0 - c) & 38);
    h->l[1] = r1;
    h->l[2] = r2;
    h->l[3] = r3;
}

/* h = f - g for reduced f and g. A borrow wrapped 2^256 = 38 mod p too many
 * in: take 38 out. The wrapped difference is then at least 2^256 - B >
 * 2^254, so taking 38 from it cannot borrow again. */
TLS13_FE64_INLINE void tls13_fe64_sub(tls13_fe64 *h, const tls13_fe64 *f, const tls13_fe64 *g)
{
    tls13_u64x r0, r1, r2, r3;
    unsigned char b;
    b = _subborrow_u64(0, f->l[0], g->l[0], &r0);
    b = _subborrow_u64(b, f->l[1], g->l[1], &r1);
    b = _subborrow_u64(b, f->l[2], g->l[2], &r2);
    b = _subborrow_u64(b, f->l[3], g->l[3], &r3);
    b = _subborrow_u64(0, r0, ((tls13_u64x)0 - b) & 38, &r0);
    b = _subborrow_u64(b, r1, 0, &r1);
    b = _subborrow_u64(b, r2, 0, &r2);
    (void)_subborrow_u64(b, r3, 0, &r3);
    h->l[0] = r0;
    h->l[1] = r1;
    h->l[2] = r2;
    h->l[3] = r3;
}

TLS13_FE64_INLINE void tls13_fe64_frombytes(tls13_fe64 *h, const uint8_t s[32])
{
    for (int i = 0; i < 4; i++)
        h->l[i] = tls13_load_le64(s + 8 * i);
    h->l[3] &= 0x7fffffffffffffffULL; /* bit 255 ignored (RFC 7748 section 5) */
}

TLS13_FE64_INLINE void tls13_fe64_tobytes(uint8_t s[32], const tls13_fe64 *f)
{
    tls13_u64x r[4], t[4], top;
    unsigned char c;
    /* f < 2^256: fold bit 255 (2^255 = 19) to get r < 2^255 + 19 < 2p. */
    top = f->l[3] >> 63;
    c = _addcarryx_u64(0, f->l[0], 19 * top, &r[0]);
    c = _addcarryx_u64(c, f->l[1], 0, &r[1]);
    c = _addcarryx_u64(c, f->l[2], 0, &r[2]);
    _addcarryx_u64(c, f->l[3] & 0x7fffffffffffffffULL, 0, &r[3]);
    /* r >= p exactly when r + 19 has bit 255 set; then r - p = r + 19 - 2^255. */
    c = _addcarryx_u64(0, r[0], 19, &t[0]);
    c = _addcarryx_u64(c, r[1], 0, &t[1]);
    c = _addcarryx_u64(c, r[2], 0, &t[2]);
    _addcarryx_u64(c, r[3], 0, &t[3]);
    top = (tls13_u64x)0 - (t[3] >> 63); /* all-ones when r >= p */
    t[3] &= 0x7fffffffffffffffULL;
    for (int i = 0; i < 4; i++)
        tls13_store_le64(s + 8 * i, (t[i] & top) | (r[i] & ~top));
}

TLS13_FE64_INLINE void tls13_fe64_set_u32(tls13_fe64 *h, uint32_t v)
{
    h->l[0] = v; h->l[1] = 0; h->l[2] = 0; h->l[3] = 0;
}

TLS13_FE64_INLINE void tls13_fe64_cswap(tls13_fe64 *f, tls13_fe64 *g, unsigned bit)
{
    const tls13_u64x mask = (tls13_u64x)0 - bit;
    tls13_u64x x0 = mask & (f->l[0] ^ g->l[0]), x1 = mask & (f->l[1] ^ g->l[1]), x2 = mask & (f->l[2] ^ g->l[2]),
               x3 = mask & (f->l[3] ^ g->l[3]);
    f->l[0] ^= x0; f->l[1] ^= x1; f->l[2] ^= x2; f->l[3] ^= x3;
    g->l[0] ^= x0; g->l[1] ^= x1; g->l[2] ^= x2; g->l[3] ^= x3;
}

#endif /* TLS13_X86_64 */
#endif
