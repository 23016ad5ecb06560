/*
 * 256-bit products by the BMI2/ADX intrinsics _mulx_u64 and _addcarryx_u64,
 * shared by the P-256 field (ec_field_x86.c) and the radix 2^64 field mod
 * 2^255 - 19 (fe25519_64.h). Macros, so that they expand inside each
 * caller's TLS13_TARGET("bmi2,adx") function. x86-64 only; include
 * <immintrin.h> first. Words are unsigned long long, the intrinsics' type.
 *
 * gcc keeps a carry in the flags only between adjacent carry intrinsics;
 * any statement in between (even a flag-neutral mulx) makes it save and
 * restore the carry with setb / movzbl. So every macro here computes its
 * products first and then runs whole adc chains.
 */
#ifndef TLS13_CRYPTO_MULX_WIDE_H
#define TLS13_CRYPTO_MULX_WIDE_H

#define TLS13_MULX_ADC(c, x, y, out) ((c) = _addcarryx_u64((c), (x), (y), &(out)))

/* (u0..u4) = x (b0..b3): the four products, then one adc chain. */
#define TLS13_MULX_ROW(x, b0, b1, b2, b3, u0, u1, u2, u3, u4)                     \
    do {                                                                          \
        unsigned long long h0_, h1_, h2_, h3_, l1_, l2_, l3_;                     \
        unsigned char k_ = 0;                                                     \
        (u0) = _mulx_u64((x), (b0), &h0_);                                        \
        l1_ = _mulx_u64((x), (b1), &h1_);                                         \
        l2_ = _mulx_u64((x), (b2), &h2_);                                         \
        l3_ = _mulx_u64((x), (b3), &h3_);                                         \
        TLS13_MULX_ADC(k_, l1_, h0_, u1);                                         \
        TLS13_MULX_ADC(k_, l2_, h1_, u2);                                         \
        TLS13_MULX_ADC(k_, l3_, h2_, u3);                                         \
        TLS13_MULX_ADC(k_, h3_, 0, u4);                                           \
    } while (0)

/* (t0..t7) = (a0..a3)^2: the six cross products a_i a_j (i < j) once,
 * doubled, plus the four squares on the diagonal. */
#define TLS13_MULX_SQR_WIDE(a0, a1, a2, a3, t0, t1, t2, t3, t4, t5, t6, t7)       \
    do {                                                                          \
        unsigned long long h01_, l02_, h02_, l03_, h03_, l12_, h12_, l13_, h13_;  \
        unsigned long long l23_, h23_, v4_, v5_, s0h_, s1l_, s1h_, s2l_, s2h_;    \
        unsigned long long s3l_, s3h_, zero_ = 0;                                 \
        const unsigned long long a0_ = (a0), a1_ = (a1), a2_ = (a2), a3_ = (a3);  \
        unsigned char k_ = 0;                                                     \
        /* cross products: a0 (a1 a2 a3) at limb 1, a1 (a2 a3) at 3, a2 a3 at 5 */\
        (t1) = _mulx_u64(a0_, a1_, &h01_);                                        \
        l02_ = _mulx_u64(a0_, a2_, &h02_);                                        \
        l03_ = _mulx_u64(a0_, a3_, &h03_);                                        \
        TLS13_MULX_ADC(k_, l02_, h01_, t2);                                       \
        TLS13_MULX_ADC(k_, l03_, h02_, t3);                                       \
        TLS13_MULX_ADC(k_, h03_, 0, t4);                                          \
        l12_ = _mulx_u64(a1_, a2_, &h12_);                                        \
        l13_ = _mulx_u64(a1_, a3_, &h13_);                                        \
        k_ = 0;                                                                   \
        TLS13_MULX_ADC(k_, l13_, h12_, v4_);                                      \
        TLS13_MULX_ADC(k_, h13_, 0, v5_);                                         \
        l23_ = _mulx_u64(a2_, a3_, &h23_);                                        \
        /* limbs 3..6: each has two operands */                                   \
        k_ = 0;                                                                   \
        TLS13_MULX_ADC(k_, t3, l12_, t3);                                         \
        TLS13_MULX_ADC(k_, t4, v4_, t4);                                          \
        TLS13_MULX_ADC(k_, v5_, l23_, t5);                                        \
        TLS13_MULX_ADC(k_, h23_, 0, t6);                                          \
        /* doubled */                                                             \
        k_ = 0;                                                                   \
        TLS13_MULX_ADC(k_, t1, t1, t1);                                           \
        TLS13_MULX_ADC(k_, t2, t2, t2);                                           \
        TLS13_MULX_ADC(k_, t3, t3, t3);                                           \
        TLS13_MULX_ADC(k_, t4, t4, t4);                                           \
        TLS13_MULX_ADC(k_, t5, t5, t5);                                           \
        TLS13_MULX_ADC(k_, t6, t6, t6);                                           \
        TLS13_MULX_ADC(k_, zero_, 0, t7);                                         \
        /* plus the squares on the diagonal */                                    \
        (t0) = _mulx_u64(a0_, a0_, &s0h_);                                        \
        s1l_ = _mulx_u64(a1_, a1_, &s1h_);                                        \
        s2l_ = _mulx_u64(a2_, a2_, &s2h_);                                        \
        s3l_ = _mulx_u64(a3_, a3_, &s3h_);                                        \
        k_ = 0;                                                                   \
        TLS13_MULX_ADC(k_, t1, s0h_, t1);                                         \
        TLS13_MULX_ADC(k_, t2, s1l_, t2);                                         \
        TLS13_MULX_ADC(k_, t3, s1h_, t3);                                         \
        TLS13_MULX_ADC(k_, t4, s2l_, t4);                                         \
        TLS13_MULX_ADC(k_, t5, s2h_, t5);                                         \
        TLS13_MULX_ADC(k_, t6, s3l_, t6);                                         \
        TLS13_MULX_ADC(k_, t7, s3h_, t7);                                         \
    } while (0)

#endif
