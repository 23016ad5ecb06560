/*
 * Field arithmetic mod p = 2^255 - 19 in radix 2^64 (four saturated limbs)
 * on BMI2 and ADX. x86-64 only; callers check
 * tls13_cpu_has(TLS13_CPU_BMI2 | TLS13_CPU_ADX) and compile with
 * TLS13_FE64_TARGET so these inline into them.
 *
 * mul, sq and cmov are GNU C inline assembly, the rest intrinsics. The
 * products are mulx_wide.h's two-carry-chain assembly, with which X25519
 * measured 11% faster (102.0k -> 90.8k cycles, gcc 12, with a cmov-based
 * swap). cmov takes the same time whichever way the (secret) bit goes, as
 * the mask form it replaced did, and measured 3% faster.
 * add, sub and mul_small_add stay in C, where the compiler schedules them
 * among their neighbours; as inline assembly each measured slower.
 *
 * Elements are 256-bit values, not reduced mod p. Two ranges matter:
 *   - "reduced": below B = 2^255 + 2^38. mul, sq, mul_small_add, frombytes
 *     and set_u32 give reduced elements;
 *   - any 256-bit value: what add and sub give.
 * mul, sq, mul_small_add, cmov and tobytes accept any 256-bit value; add and
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
 * ladder measured 2% faster with the intrinsics mul and sq (103.8k -> 102.0k
 * cycles per X25519), and still 0.4% with the assembly ones (91.2k -> 90.8k);
 * the C add, sub and mul_small_add are what it schedules now.
 * tune=znver1 schedules them for the project's AMD EPYC (Zen 1) instead of
 * the generic model; it changes no instruction's meaning, only their order,
 * and X25519 measured 1.1% faster (89.7k -> 88.7k cycles, gcc 12; znver2
 * and znver3 measured 0.5%). */
#define TLS13_FE64_TARGET TLS13_TARGET("bmi2,adx,tune=znver1") TLS13_NO_SLP_AND("schedule-insns", "sched-pressure", "ira-region=one")
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
 * nor reaches B = 2^255 + 2^38. The assembly's TLS13_FE64_ASM_FOLD ends the
 * same way. */
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

/* (t0..t3) = (t0..t7) mod p, reduced, in assembly after
 * TLS13_MULX_ASM_MUL_WIDE or _SQR_WIDE (mulx_wide.h, whose operand names it
 * uses; both end with the carry and overflow flags clear and %[z] zero, so
 * the fold starts without an xor): 38 (t4..t7) added to (t0..t3) in the
 * same two chains (2^256 = 38 mod p; the sum is below 2^256 (1 + 38), so
 * its fifth word, kept in t4, is below 39), then tls13_fe64_fold_top's step
 * on that word and bit 255: btr moves bit 255 into the carry flag, adc makes
 * s = 2 t4 + bit 255, and 19 s goes into t0. As C after the assembly
 * product, the fold measured 6% slower for X25519. */
#define TLS13_FE64_ASM_FOLD                       \
    "movl $38, %%edx\n\t"                         \
    "mulxq %[t4], %[lo], %[hi]\n\t"               \
    "adcxq %[lo], %[t0]\n\t"                      \
    "adoxq %[hi], %[t1]\n\t"                      \
    "mulxq %[t5], %[lo], %[hi]\n\t"               \
    "adcxq %[lo], %[t1]\n\t"                      \
    "adoxq %[hi], %[t2]\n\t"                      \
    "mulxq %[t6], %[lo], %[hi]\n\t"               \
    "adcxq %[lo], %[t2]\n\t"                      \
    "adoxq %[hi], %[t3]\n\t"                      \
    "mulxq %[t7], %[lo], %[t4]\n\t"               \
    "adcxq %[lo], %[t3]\n\t"                      \
    "adoxq %[z], %[t4]\n\t"                       \
    "adcxq %[z], %[t4]\n\t"                       \
    "btrq $63, %[t3]\n\t"                         \
    "adcq %[t4], %[t4]\n\t"                       \
    "imulq $19, %[t4], %[t4]\n\t"                 \
    "addq %[t4], %[t0]\n\t"                       \
    "adcq $0, %[t1]\n\t"                          \
    "adcq $0, %[t2]\n\t"                          \
    "adcq $0, %[t3]\n\t"

TLS13_FE64_INLINE void tls13_fe64_mul(tls13_fe64 *h, const tls13_fe64 *f, const tls13_fe64 *g)
{
    tls13_u64x t0, t1, t2, t3, t4, t5, t6, t7, lo, hi, z;
    __asm__(TLS13_MULX_ASM_MUL_WIDE TLS13_FE64_ASM_FOLD
            : TLS13_MULX_ASM_OUTPUTS
            : TLS13_MULX_ASM_FACTORS(f->l, g->l)
            : "rdx", "cc");
    h->l[0] = t0;
    h->l[1] = t1;
    h->l[2] = t2;
    h->l[3] = t3;
}

TLS13_FE64_INLINE void tls13_fe64_sq(tls13_fe64 *h, const tls13_fe64 *f)
{
    tls13_u64x t0, t1, t2, t3, t4, t5, t6, t7, lo, hi, z;
    __asm__(TLS13_MULX_ASM_SQR_WIDE TLS13_FE64_ASM_FOLD
            : TLS13_MULX_ASM_OUTPUTS
            : TLS13_MULX_ASM_FACTOR(f->l)
            : "rdx", "cc");
    h->l[0] = t0;
    h->l[1] = t1;
    h->l[2] = t2;
    h->l[3] = t3;
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

/* h = g when bit is 1, unchanged when bit is 0: four cmovs on one test of
 * bit, which take the same time whichever way the (secret) bit goes. */
TLS13_FE64_INLINE void tls13_fe64_cmov(tls13_fe64 *h, const tls13_fe64 *g, unsigned bit)
{
    tls13_u64x a0 = h->l[0], a1 = h->l[1], a2 = h->l[2], a3 = h->l[3];
    __asm__("testl %[bit], %[bit]\n\t"
            "cmovnzq %[b0], %[a0]\n\t"
            "cmovnzq %[b1], %[a1]\n\t"
            "cmovnzq %[b2], %[a2]\n\t"
            "cmovnzq %[b3], %[a3]\n\t"
            : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3)
            : [b0] "rm"(g->l[0]), [b1] "rm"(g->l[1]), [b2] "rm"(g->l[2]), [b3] "rm"(g->l[3]), [bit] "r"(bit)
            : "cc");
    h->l[0] = a0;
    h->l[1] = a1;
    h->l[2] = a2;
    h->l[3] = a3;
}

#endif /* TLS13_X86_64 */
#endif
