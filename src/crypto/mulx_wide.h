/*
 * 256-bit products with BMI2/ADX, shared by the P-256 field (ec_field_x86.c)
 * and the radix 2^64 field mod 2^255 - 19 (fe25519_64.h): by the intrinsics
 * _mulx_u64 and _addcarryx_u64, and as inline assembly (below). Macros, so
 * that they expand inside each caller's TLS13_TARGET("bmi2,adx") function.
 * x86-64 only; include <immintrin.h> first. Words are unsigned long long,
 * the intrinsics' type.
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

/*
 * The 512-bit product and square of four-limb values as GNU C inline
 * assembly, for the callers' __asm__ statements: mulx, adcx (carry flag
 * only) and adox (overflow flag only) run two carry chains at once, one
 * adding the low halves of a row of products while the other adds the high
 * halves. No compiler emits that from _addcarryx_u64 (gcc 12 and clang 14
 * make one adc chain); with it X25519 measured 11% faster and P-256 ECDH
 * 21% faster (9.6k -> 11.6k ops/s).
 *
 * Operands by name: %[a0]..%[a3] and %[b0]..%[b3] the factors' limbs,
 * %[t0]..%[t7] the product, %[lo] and %[hi] one 128-bit product, %[z] zero
 * (TLS13_MULX_ASM_OUTPUTS declares the last eleven); rdx, mulx's implicit
 * factor, and the flags are clobbered. Every row ends with both flags
 * clear (its sum does not carry out of its top word) and %[z] still zero,
 * and both macros end that way. Only the first row that uses both chains
 * clears them by xor; the rows after it start from the flags the row before
 * left. With gcc's znver1 schedule (fe25519_64.h) X25519 measured 1% faster
 * without those xors; with the generic one about as much slower, and P-256
 * ECDH (generic) the same either way.
 */

/* Row i of a product, for i = 1..3: (r0..r4) += a_i (b0..b3), r4 being new.
 * The carry flag takes the low halves into r0..r3, the overflow flag the
 * high halves into r1..r4; the sum is below 2^(64 (i + 5)), so neither chain
 * carries out of r4. _ROW clears the flags and %[z] first; _ROW_NEXT, for the
 * rows after one, takes them as that row left them. */
#define TLS13_MULX_ASM_ROW(a, r0, r1, r2, r3, r4) \
    "movq " a ", %%rdx\n\t"                       \
    "xorl %k[z], %k[z]\n\t"                       \
    TLS13_MULX_ASM_ROW_BODY(r0, r1, r2, r3, r4)
#define TLS13_MULX_ASM_ROW_NEXT(a, r0, r1, r2, r3, r4) \
    "movq " a ", %%rdx\n\t"                       \
    TLS13_MULX_ASM_ROW_BODY(r0, r1, r2, r3, r4)
#define TLS13_MULX_ASM_ROW_BODY(r0, r1, r2, r3, r4) \
    "mulxq %[b0], %[lo], %[hi]\n\t"               \
    "adcxq %[lo], " r0 "\n\t"                     \
    "adoxq %[hi], " r1 "\n\t"                     \
    "mulxq %[b1], %[lo], %[hi]\n\t"               \
    "adcxq %[lo], " r1 "\n\t"                     \
    "adoxq %[hi], " r2 "\n\t"                     \
    "mulxq %[b2], %[lo], %[hi]\n\t"               \
    "adcxq %[lo], " r2 "\n\t"                     \
    "adoxq %[hi], " r3 "\n\t"                     \
    "mulxq %[b3], %[lo], " r4 "\n\t"              \
    "adcxq %[lo], " r3 "\n\t"                     \
    "adoxq %[z], " r4 "\n\t"                      \
    "adcxq %[z], " r4 "\n\t"

/* (t0..t7) = (a0..a3) (b0..b3), row by row (row 0 has nothing to add to).
 * x25519_ladder_avx2_gen.py emits this and TLS13_MULX_ASM_SQR_WIDE again,
 * instruction for instruction on fixed registers: a change here wants the
 * same change there. */
#define TLS13_MULX_ASM_MUL_WIDE                                           \
    "movq %[a0], %%rdx\n\t"                                               \
    "mulxq %[b0], %[t0], %[t1]\n\t"                                       \
    "mulxq %[b1], %[lo], %[t2]\n\t"                                       \
    "addq %[lo], %[t1]\n\t"                                               \
    "mulxq %[b2], %[lo], %[t3]\n\t"                                       \
    "adcq %[lo], %[t2]\n\t"                                               \
    "mulxq %[b3], %[lo], %[t4]\n\t"                                       \
    "adcq %[lo], %[t3]\n\t"                                               \
    "adcq $0, %[t4]\n\t"                                                  \
    TLS13_MULX_ASM_ROW("%[a1]", "%[t1]", "%[t2]", "%[t3]", "%[t4]", "%[t5]") \
    TLS13_MULX_ASM_ROW_NEXT("%[a2]", "%[t2]", "%[t3]", "%[t4]", "%[t5]", "%[t6]") \
    TLS13_MULX_ASM_ROW_NEXT("%[a3]", "%[t3]", "%[t4]", "%[t5]", "%[t6]", "%[t7]")

/* (t0..t7) = (a0..a3)^2: the six cross products a_i a_j (i < j) once
 * (t1..t6), then doubled in the carry chain while the overflow chain adds
 * the four squares a_i^2 on the diagonal. */
#define TLS13_MULX_ASM_SQR_WIDE                                  \
    "movq %[a0], %%rdx\n\t" /* a0 (a1 a2 a3) at word 1 */        \
    "mulxq %[a1], %[t1], %[t2]\n\t"                              \
    "mulxq %[a2], %[lo], %[t3]\n\t"                              \
    "addq %[lo], %[t2]\n\t"                                      \
    "mulxq %[a3], %[lo], %[t4]\n\t"                              \
    "adcq %[lo], %[t3]\n\t"                                      \
    "adcq $0, %[t4]\n\t"                                         \
    "movq %[a1], %%rdx\n\t" /* a1 (a2 a3) at word 3 */           \
    "xorl %k[z], %k[z]\n\t"                                      \
    "mulxq %[a2], %[lo], %[hi]\n\t"                              \
    "adcxq %[lo], %[t3]\n\t"                                     \
    "adoxq %[hi], %[t4]\n\t"                                     \
    "mulxq %[a3], %[lo], %[t5]\n\t"                              \
    "adcxq %[lo], %[t4]\n\t"                                     \
    "adoxq %[z], %[t5]\n\t"                                      \
    "adcxq %[z], %[t5]\n\t"                                      \
    "movq %[a2], %%rdx\n\t" /* a2 a3 at word 5 */                \
    "mulxq %[a3], %[lo], %[t6]\n\t"                              \
    "addq %[lo], %[t5]\n\t"                                      \
    "adcq $0, %[t6]\n\t"                                         \
    "movq %[a0], %%rdx\n\t" /* doubled, plus the diagonal */     \
    "xorl %k[z], %k[z]\n\t"                                      \
    "mulxq %%rdx, %[t0], %[hi]\n\t"                              \
    "adcxq %[t1], %[t1]\n\t"                                     \
    "adoxq %[hi], %[t1]\n\t"                                     \
    "movq %[a1], %%rdx\n\t"                                      \
    "mulxq %%rdx, %[lo], %[hi]\n\t"                              \
    "adcxq %[t2], %[t2]\n\t"                                     \
    "adoxq %[lo], %[t2]\n\t"                                     \
    "adcxq %[t3], %[t3]\n\t"                                     \
    "adoxq %[hi], %[t3]\n\t"                                     \
    "movq %[a2], %%rdx\n\t"                                      \
    "mulxq %%rdx, %[lo], %[hi]\n\t"                              \
    "adcxq %[t4], %[t4]\n\t"                                     \
    "adoxq %[lo], %[t4]\n\t"                                     \
    "adcxq %[t5], %[t5]\n\t"                                     \
    "adoxq %[hi], %[t5]\n\t"                                     \
    "movq %[a3], %%rdx\n\t"                                      \
    "mulxq %%rdx, %[lo], %[t7]\n\t"                              \
    "adcxq %[t6], %[t6]\n\t"                                     \
    "adoxq %[lo], %[t6]\n\t"                                     \
    "adcxq %[z], %[t7]\n\t"                                      \
    "adoxq %[z], %[t7]\n\t"

#define TLS13_MULX_ASM_OUTPUTS                                                                     \
    [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [t4] "=&r"(t4), [t5] "=&r"(t5), \
        [t6] "=&r"(t6), [t7] "=&r"(t7), [lo] "=&r"(lo), [hi] "=&r"(hi), [z] "=&r"(z)

/* The input operands of TLS13_MULX_ASM_SQR_WIDE (the four limbs of a) and
 * of TLS13_MULX_ASM_MUL_WIDE (those of a and of b), as the operand names
 * above; TLS13_MULX_IN is defined below. */
#define TLS13_MULX_ASM_FACTOR(a) \
    [a0] TLS13_MULX_IN((a)[0]), [a1] TLS13_MULX_IN((a)[1]), [a2] TLS13_MULX_IN((a)[2]), [a3] TLS13_MULX_IN((a)[3])
#define TLS13_MULX_ASM_FACTORS(a, b)                                                                       \
    TLS13_MULX_ASM_FACTOR(a), [b0] TLS13_MULX_IN((b)[0]), [b1] TLS13_MULX_IN((b)[1]), [b2] TLS13_MULX_IN((b)[2]), \
        [b3] TLS13_MULX_IN((b)[3])

/* The factors' constraint. The assembly holds 12 registers itself; gcc puts
 * factors that are already in registers there ("rm"), which measured 4%
 * faster for X25519 than forcing them to memory, while clang then spills
 * more (3% slower), so it gets memory operands. */
#if defined(__clang__)
#define TLS13_MULX_IN "m"
#else
#define TLS13_MULX_IN "rm"
#endif

#endif
