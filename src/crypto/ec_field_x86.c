#include "ec_field_x86.h"

#ifdef EC_FIELD_X86
#include <immintrin.h>

#include "mulx_wide.h"

int ec_field_x86_enabled(void)
{
    return tls13_cpu_has(EC_FIELD_X86_FEATURES);
}

/* The intrinsics' own word type; values are copied in and out of ec_limb
 * (same width) so no pointer is cast between the two types. */
typedef unsigned long long u64x;

#define X86_FN TLS13_TARGET("bmi2,adx") TLS13_NO_SLP
#define ADC TLS13_MULX_ADC
#define SBB(c, x, y, out) ((c) = _subborrow_u64((c), (x), (y), &(out)))

/* p's limbs, little-endian: 2^64-1, 2^32-1, 0, 2^64-2^32+1. */
#define P0 0xffffffffffffffffull
#define P1 0x00000000ffffffffull
#define P3 0xffffffff00000001ull

/* r = (t0..t3) + carry 2^256 - p if that is >= 0, else (t0..t3); the value
 * is below 2p. */
static inline X86_FN void final_subtract_regs(u64x r[4], u64x t0, u64x t1, u64x t2, u64x t3, u64x carry)
{
    u64x d0, d1, d2, d3, dtop, keep;
    unsigned char b = 0;
    SBB(b, t0, P0, d0);
    SBB(b, t1, P1, d1);
    SBB(b, t2, 0, d2);
    SBB(b, t3, P3, d3);
    SBB(b, carry, 0, dtop);
    (void)dtop;
    keep = (u64x)0 - b; /* the subtraction borrowed: t < p */
    r[0] = d0 ^ (keep & (t0 ^ d0));
    r[1] = d1 ^ (keep & (t1 ^ d1));
    r[2] = d2 ^ (keep & (t2 ^ d2));
    r[3] = d3 ^ (keep & (t3 ^ d3));
}

static inline X86_FN void p256_store(ec_limb *r, const u64x x[4])
{
    r[0] = (ec_limb)x[0];
    r[1] = (ec_limb)x[1];
    r[2] = (ec_limb)x[2];
    r[3] = (ec_limb)x[3];
}

static inline X86_FN void p256_load(u64x x[4], const ec_limb *a)
{
    x[0] = (u64x)a[0];
    x[1] = (u64x)a[1];
    x[2] = (u64x)a[2];
    x[3] = (u64x)a[3];
}

/* p's limbs 1 and 3 as memory operands for the assembly below (limb 0 is
 * the immediate -1, limb 2 is zero). */
static const u64x p256_p1_p3[2] = { P1, P3 };
#define P256_ASM_CONSTANTS [p1] "m"(p256_p1_p3[0]), [p3] "m"(p256_p1_p3[1])

/* One Montgomery reduction step, in assembly after mulx_wide.h's
 * TLS13_MULX_ASM_MUL_WIDE or _SQR_WIDE, on a window (q, w1, w2, w3) of the
 * product. Since -p^-1 = 1 mod 2^64, the step's multiplier is q itself, and
 *   q p = q 2^256 - q 2^224 + q 2^192 + q 2^96 - q = q P3 2^192 + q 2^96 - q,
 * whose -q cancels the window's q exactly. So the rest adds q 2^32 (words
 * 1-2, by shifts) and q P3 (words 3-4, one mulx): one multiplication, not
 * four, and none by -p^-1. The window moves up a word to (w1, w2, w3, top),
 * whose new top word, the high half of q P3 plus a carry, is at most
 * 2^64 - 2^32 + 1, so no carry leaves it; the product's own high half is
 * added after all four steps. q's register is free afterwards. */
#define P256_ASM_REDUCE_STEP(q, w1, w2, w3, top) \
    "movq " q ", %%rdx\n\t"                      \
    "mulxq %[p3], %[lo], " top "\n\t"            \
    "shlq $32, " q "\n\t"                        \
    "shrq $32, %%rdx\n\t"                        \
    "addq " q ", " w1 "\n\t"                     \
    "adcq %%rdx, " w2 "\n\t"                     \
    "adcq %[lo], " w3 "\n\t"                     \
    "adcq $0, " top "\n\t"

/* (t4..t7) = (t0..t7) 2^-256 mod p, below p: four reduction steps, the
 * window (hi, t0, t1, t2) they leave plus the high half (t4..t7), below 2p
 * for a product of values below p, with its carry in t3; then p is taken
 * off unless that borrows (the difference is kept by cmov, no branch):
 * final_subtract_regs's work, which as C after the assembly measured 4%
 * slower for P-256 ECDH. */
#define P256_ASM_REDUCE                                              \
    P256_ASM_REDUCE_STEP("%[t0]", "%[t1]", "%[t2]", "%[t3]", "%[hi]") \
    P256_ASM_REDUCE_STEP("%[t1]", "%[t2]", "%[t3]", "%[hi]", "%[t0]") \
    P256_ASM_REDUCE_STEP("%[t2]", "%[t3]", "%[hi]", "%[t0]", "%[t1]") \
    P256_ASM_REDUCE_STEP("%[t3]", "%[hi]", "%[t0]", "%[t1]", "%[t2]") \
    "movl $0, %k[t3]\n\t"                                            \
    "addq %[hi], %[t4]\n\t"                                          \
    "adcq %[t0], %[t5]\n\t"                                          \
    "adcq %[t1], %[t6]\n\t"                                          \
    "adcq %[t2], %[t7]\n\t"                                          \
    "adcq $0, %[t3]\n\t"                                             \
    "movq %[t4], %[hi]\n\t"                                          \
    "movq %[t5], %[t0]\n\t"                                          \
    "movq %[t6], %[t1]\n\t"                                          \
    "movq %[t7], %[t2]\n\t"                                          \
    "subq $-1, %[hi]\n\t"                                            \
    "sbbq %[p1], %[t0]\n\t"                                          \
    "sbbq $0, %[t1]\n\t"                                             \
    "sbbq %[p3], %[t2]\n\t"                                          \
    "sbbq $0, %[t3]\n\t"                                             \
    "cmovncq %[hi], %[t4]\n\t"                                       \
    "cmovncq %[t0], %[t5]\n\t"                                       \
    "cmovncq %[t1], %[t6]\n\t"                                       \
    "cmovncq %[t2], %[t7]\n\t"

/* Montgomery multiplication, a b 2^-256 mod p: the 512-bit product, then
 * the reduction (separated operand scanning). */
static inline X86_FN __attribute__((always_inline)) void p256_mul_regs(u64x r[4], const ec_limb *a,
                                                                       const ec_limb *b)
{
    u64x t0, t1, t2, t3, t4, t5, t6, t7, lo, hi, z;
    __asm__(TLS13_MULX_ASM_MUL_WIDE P256_ASM_REDUCE
            : TLS13_MULX_ASM_OUTPUTS
            : TLS13_MULX_ASM_FACTORS(a, b), P256_ASM_CONSTANTS
            : "rdx", "cc");
    r[0] = t4;
    r[1] = t5;
    r[2] = t6;
    r[3] = t7;
}

static inline X86_FN __attribute__((always_inline)) void p256_sqr_regs(u64x r[4], const ec_limb *a)
{
    u64x t0, t1, t2, t3, t4, t5, t6, t7, lo, hi, z;
    __asm__(TLS13_MULX_ASM_SQR_WIDE P256_ASM_REDUCE
            : TLS13_MULX_ASM_OUTPUTS
            : TLS13_MULX_ASM_FACTOR(a), P256_ASM_CONSTANTS
            : "rdx", "cc");
    r[0] = t4;
    r[1] = t5;
    r[2] = t6;
    r[3] = t7;
}

/* The linear operations on values in registers, so that the fused
 * operations below chain them without a pass through memory. */
static inline X86_FN void p256_add_regs(u64x r[4], const u64x a[4], const u64x b[4])
{
    u64x s0, s1, s2, s3, c4, zero = 0;
    unsigned char k = 0;
    ADC(k, a[0], b[0], s0);
    ADC(k, a[1], b[1], s1);
    ADC(k, a[2], b[2], s2);
    ADC(k, a[3], b[3], s3);
    ADC(k, zero, 0, c4);
    final_subtract_regs(r, s0, s1, s2, s3, c4);
}

/* a - b, plus p when that borrowed (masked, no branch). */
static inline X86_FN void p256_sub_regs(u64x r[4], const u64x a[4], const u64x b[4])
{
    u64x d0, d1, d2, d3, mask;
    unsigned char k = 0;
    SBB(k, a[0], b[0], d0);
    SBB(k, a[1], b[1], d1);
    SBB(k, a[2], b[2], d2);
    SBB(k, a[3], b[3], d3);
    mask = (u64x)0 - k;
    k = 0;
    ADC(k, d0, mask & P0, r[0]);
    ADC(k, d1, mask & P1, r[1]);
    ADC(k, d2, 0, r[2]);
    ADC(k, d3, mask & P3, r[3]);
}

/* a / 2: a + p when a is odd (p is odd, so the sum is even), then one bit
 * down, the sum's carry entering at the top. */
static inline X86_FN void p256_half_regs(u64x r[4], const u64x a[4])
{
    u64x odd = (u64x)0 - (a[0] & 1), s0, s1, s2, s3, c4, zero = 0;
    unsigned char k = 0;
    ADC(k, a[0], odd & P0, s0);
    ADC(k, a[1], odd & P1, s1);
    ADC(k, a[2], 0, s2);
    ADC(k, a[3], odd & P3, s3);
    ADC(k, zero, 0, c4);
    r[0] = (s0 >> 1) | (s1 << 63);
    r[1] = (s1 >> 1) | (s2 << 63);
    r[2] = (s2 >> 1) | (s3 << 63);
    r[3] = (s3 >> 1) | (c4 << 63);
}

X86_FN void ec_p256p_add_x86(ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    u64x x[4], y[4];
    p256_load(x, a);
    p256_load(y, b);
    p256_add_regs(x, x, y);
    p256_store(r, x);
}

X86_FN void ec_p256p_sub_x86(ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    u64x x[4], y[4];
    p256_load(x, a);
    p256_load(y, b);
    p256_sub_regs(x, x, y);
    p256_store(r, x);
}

X86_FN void ec_p256p_mul_x86(ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    u64x x[4];
    p256_mul_regs(x, a, b);
    p256_store(r, x);
}

X86_FN void ec_p256p_sqr_x86(ec_limb *r, const ec_limb *a)
{
    u64x x[4];
    p256_sqr_regs(x, a);
    p256_store(r, x);
}

/* A product or square and the linear operation that consumes it, in one
 * call: the product stays in registers. Every input is read before r is
 * written. */
X86_FN void ec_p256p_sqr_sub_sub_x86(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    u64x x[4], y[4];
    p256_sqr_regs(x, a);
    p256_load(y, b);
    p256_sub_regs(x, x, y);
    p256_load(y, c);
    p256_sub_regs(x, x, y);
    p256_store(r, x);
}

X86_FN void ec_p256p_mul_sub_x86(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    u64x x[4], y[4];
    p256_mul_regs(x, a, b);
    p256_load(y, c);
    p256_sub_regs(x, x, y);
    p256_store(r, x);
}

/* 3 (a + b)(a - b) and (a - b) c - d / 2: the doubling's alpha and Y3, each
 * with its linear operands computed in the same call. */
X86_FN void ec_p256p_triple_sum_diff_x86(ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    u64x x[4], y[4], s[4];
    ec_limb sum[4], diff[4];
    p256_load(x, a);
    p256_load(y, b);
    p256_add_regs(s, x, y);
    p256_sub_regs(x, x, y);
    p256_store(sum, s);
    p256_store(diff, x);
    p256_mul_regs(x, sum, diff);
    p256_add_regs(y, x, x);
    p256_add_regs(y, y, x);
    p256_store(r, y);
}

X86_FN void ec_p256p_sub_mul_sub_half_x86(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c,
                                          const ec_limb *d)
{
    u64x x[4], y[4];
    ec_limb diff[4];
    p256_load(x, a);
    p256_load(y, b);
    p256_sub_regs(x, x, y);
    p256_store(diff, x);
    p256_mul_regs(x, diff, c);
    p256_load(y, d);
    p256_half_regs(y, y);
    p256_sub_regs(x, x, y);
    p256_store(r, x);
}

/* ---- P-384 ---- */

/* p's limbs, little-endian; p = 2^384 - c with c = 2^128 + 2^96 - 2^32 + 1,
 * whose limbs are C0, C1, 1. */
static const u64x p384[6] = { 0x00000000ffffffffull, 0xffffffff00000000ull, 0xfffffffffffffffeull,
                              0xffffffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull };
/* Read at run time: gcc would turn multiplications by these constants into
 * shifts, which clobber the flags and, placed inside an adc chain, make gcc
 * save and restore the carry (setb / add $0xff) around them. */
static const volatile u64x p384_c[2] = { 0xffffffff00000001ull, 0x00000000ffffffffull };

/* (u0..u6) = x (b[0..5]), the products first, then one adc chain. */
#define MUL_ROW6(x, b, u0, u1, u2, u3, u4, u5, u6)               \
    do {                                                         \
        u64x h0_, h1_, h2_, h3_, h4_, h5_, l1_, l2_, l3_, l4_, l5_; \
        unsigned char k_ = 0;                                    \
        (u0) = _mulx_u64((x), (b)[0], &h0_);                     \
        l1_ = _mulx_u64((x), (b)[1], &h1_);                      \
        l2_ = _mulx_u64((x), (b)[2], &h2_);                      \
        l3_ = _mulx_u64((x), (b)[3], &h3_);                      \
        l4_ = _mulx_u64((x), (b)[4], &h4_);                      \
        l5_ = _mulx_u64((x), (b)[5], &h5_);                      \
        ADC(k_, l1_, h0_, u1);                                   \
        ADC(k_, l2_, h1_, u2);                                   \
        ADC(k_, l3_, h2_, u3);                                   \
        ADC(k_, l4_, h3_, u4);                                   \
        ADC(k_, l5_, h4_, u5);                                   \
        ADC(k_, h5_, 0, u6);                                     \
    } while (0)

/* (l0 v1 v2 v3) = q c = q (C0 + C1 2^64 + 2^128), the reduction step's
 * subtrahend. */
#define P384_Q_TIMES_C(q, c0, c1, l0, v1, v2, v3) \
    do {                                          \
        u64x h0_, l1_, h1_;                       \
        unsigned char k_ = 0;                     \
        (l0) = _mulx_u64((q), (c0), &h0_);        \
        l1_ = _mulx_u64((q), (c1), &h1_);         \
        ADC(k_, l1_, h0_, v1);                    \
        ADC(k_, (q), h1_, v2);                    \
        ADC(k_, 0, 0, v3);                        \
    } while (0)

/* r = t - p if t = (t0..t6) >= p, else t (t < 2p). */
static inline X86_FN void p384_final_subtract(ec_limb *r, const u64x t[7])
{
    u64x d[6], dtop, keep;
    unsigned char b = 0;
    _Pragma("GCC unroll 6") for (int j = 0; j < 6; j++) {
        u64x x;
        SBB(b, t[j], p384[j], x);
        d[j] = x;
    }
    SBB(b, t[6], 0, dtop);
    (void)dtop;
    keep = (u64x)0 - b;
    _Pragma("GCC unroll 6") for (int j = 0; j < 6; j++)
        r[j] = (ec_limb)(d[j] ^ (keep & (t[j] ^ d[j])));
}

/* Coarsely integrated operand scanning (Koc, Acar, Kaliski 1996, "CIOS"):
 * a row a[i] b, then one reduction step, six times. The reduction step:
 * -p^-1 = 2^32 + 1 mod 2^64, so
 * q = t0 + (t0 << 32), and t + q p = t - q c + q 2^384: two multiplications
 * (q C0, q C1) and a subtraction instead of six multiplications. Computed
 * mod 2^512 over (t0..t7); the true value is below 2^448, so the
 * intermediate borrow is repaid by the q 2^384 added after it. */
X86_FN void ec_p384p_mul_x86(ec_limb *r, const ec_limb *a, const ec_limb *b_)
{
    u64x b[6] = { b_[0], b_[1], b_[2], b_[3], b_[4], b_[5] };
    u64x c0 = p384_c[0], c1 = p384_c[1], t[7];
    u64x t0, t1, t2, t3, t4, t5, t6, t7 = 0, u0, u1, u2, u3, u4, u5, u6, q, l0, v1, v2, v3;
    unsigned char k;
    MUL_ROW6((u64x)a[0], b, t0, t1, t2, t3, t4, t5, t6);
    _Pragma("GCC unroll 6") for (int i = 0; i < 6; i++) {
        q = t0 + (t0 << 32);
        P384_Q_TIMES_C(q, c0, c1, l0, v1, v2, v3);
        /* (t0..t7) - q c, shifted down one limb (limb 0 becomes 0) */
        k = 0;
        SBB(k, t0, l0, t0);
        SBB(k, t1, v1, t0);
        SBB(k, t2, v2, t1);
        SBB(k, t3, v3, t2);
        SBB(k, t4, 0, t3);
        SBB(k, t5, 0, t4);
        SBB(k, t6, 0, t5);
        SBB(k, t7, 0, t6);
        /* + q 2^384 */
        k = 0;
        ADC(k, t5, q, t5);
        ADC(k, t6, 0, t6);
        if (i < 5) {
            MUL_ROW6((u64x)a[i + 1], b, u0, u1, u2, u3, u4, u5, u6);
            k = 0;
            ADC(k, t0, u0, t0);
            ADC(k, t1, u1, t1);
            ADC(k, t2, u2, t2);
            ADC(k, t3, u3, t3);
            ADC(k, t4, u4, t4);
            ADC(k, t5, u5, t5);
            ADC(k, t6, u6, t6);
            t7 = k;
        }
    }
    t[0] = t0;
    t[1] = t1;
    t[2] = t2;
    t[3] = t3;
    t[4] = t4;
    t[5] = t5;
    t[6] = t6;
    p384_final_subtract(r, t);
}

/* (acc[lo..lo+n]) += x (y[0..n)), acc[lo+n] fresh (0 on entry): one row of
 * the square's cross products. n <= 5. */
static inline X86_FN __attribute__((always_inline)) void add_row(u64x *acc, size_t lo, u64x x, const u64x *y,
                                                                 size_t n)
{
    u64x l[5], h[5], u, v;
    unsigned char k = 0;
    _Pragma("GCC unroll 5") for (size_t j = 0; j < n; j++) {
        u64x hj;
        l[j] = _mulx_u64(x, y[j], &hj);
        h[j] = hj;
    }
    /* u = x y as n + 1 limbs (l[0..n-1], h[n-1]), then added to acc; the
     * second chain ends in the fresh top limb */
    _Pragma("GCC unroll 5") for (size_t j = 1; j < n; j++) {
        ADC(k, l[j], h[j - 1], u);
        l[j] = u;
    }
    ADC(k, h[n - 1], 0, v);
    h[n - 1] = v;
    k = 0;
    _Pragma("GCC unroll 5") for (size_t j = 0; j < n; j++) {
        ADC(k, acc[lo + j], l[j], u);
        acc[lo + j] = u;
    }
    ADC(k, h[n - 1], 0, u);
    acc[lo + n] = u;
}

/* Cross products a[i] a[j] (i < j) row by row, doubled, plus the squares;
 * then six reduction steps on the low half (the step of the multiplication
 * above, on a window of six limbs whose new top limb is q minus the borrow)
 * and the high half added (separated operand scanning). */
X86_FN void ec_p384p_sqr_x86(ec_limb *r, const ec_limb *a_)
{
    u64x a[6] = { a_[0], a_[1], a_[2], a_[3], a_[4], a_[5] };
    u64x c0 = p384_c[0], c1 = p384_c[1], t[12] = { 0 }, w[7], u;
    unsigned char k;
    _Pragma("GCC unroll 5") for (size_t i = 0; i < 5; i++)
        add_row(t, 2 * i + 1, a[i], a + i + 1, 5 - i);
    /* double limbs 1..10 into 1..11 */
    k = 0;
    _Pragma("GCC unroll 11") for (size_t j = 1; j < 12; j++) {
        ADC(k, t[j], t[j], u);
        t[j] = u;
    }
    /* plus the squares */
    {
        u64x sq[12];
        _Pragma("GCC unroll 6") for (size_t j = 0; j < 6; j++) {
            u64x hi;
            sq[2 * j] = _mulx_u64(a[j], a[j], &hi);
            sq[2 * j + 1] = hi;
        }
        k = 0;
        _Pragma("GCC unroll 12") for (size_t j = 0; j < 12; j++) {
            ADC(k, t[j], sq[j], u);
            t[j] = u;
        }
    }
    /* reduce the window (t0..t5): each step subtracts q c and puts q, less
     * the borrow, on top (the window stays below 2^384 + 2^320) */
    _Pragma("GCC unroll 6") for (size_t i = 0; i < 6; i++) {
        u64x q = t[0] + (t[0] << 32), l0, v1, v2, v3, x;
        P384_Q_TIMES_C(q, c0, c1, l0, v1, v2, v3);
        k = 0;
        SBB(k, t[0], l0, x);
        SBB(k, t[1], v1, t[0]);
        SBB(k, t[2], v2, t[1]);
        SBB(k, t[3], v3, t[2]);
        SBB(k, t[4], 0, t[3]);
        SBB(k, t[5], 0, t[4]);
        SBB(k, q, 0, t[5]);
        (void)x;
    }
    k = 0;
    _Pragma("GCC unroll 6") for (size_t j = 0; j < 6; j++) {
        ADC(k, t[j], t[j + 6], u);
        w[j] = u;
    }
    w[6] = k;
    p384_final_subtract(r, w);
}

X86_FN void ec_p384p_add_x86(ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    u64x t[7], zero = 0;
    unsigned char k = 0;
    _Pragma("GCC unroll 6") for (int j = 0; j < 6; j++) {
        u64x x;
        ADC(k, (u64x)a[j], (u64x)b[j], x);
        t[j] = x;
    }
    ADC(k, zero, 0, t[6]);
    p384_final_subtract(r, t);
}

X86_FN void ec_p384p_sub_x86(ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    u64x d[6], mask;
    unsigned char k = 0;
    _Pragma("GCC unroll 6") for (int j = 0; j < 6; j++) {
        u64x x;
        SBB(k, (u64x)a[j], (u64x)b[j], x);
        d[j] = x;
    }
    mask = (u64x)0 - k;
    k = 0;
    _Pragma("GCC unroll 6") for (int j = 0; j < 6; j++) {
        u64x x;
        ADC(k, d[j], mask & p384[j], x);
        r[j] = (ec_limb)x;
    }
}
#endif
