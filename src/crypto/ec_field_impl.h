/*
 * The arithmetic behind ec_field.h, as always-inline functions of a
 * compile-time modulus, for the two files that need it at full speed:
 * ec_field.c (the exported element operations) and ec_point.c (the point
 * formulas, which inline their field operations so that each curve gets
 * straight-line code with its prime folded in). Internal to src/crypto/ec*.
 */
#ifndef TLS13_CRYPTO_EC_FIELD_IMPL_H
#define TLS13_CRYPTO_EC_FIELD_IMPL_H

#include "ec_field.h"
#include "ec_field_x86.h"

/*
 * The modulus constants (FIPS 186-5 / SP 800-186 section 3.2.1.3-4) and the
 * Montgomery constants derived from them. Each is a macro so the arrays the
 * arithmetic is specialised with and the ec_field records share one spelling.
 */
#define P256_P { EC_L(0xffffffff, 0xffffffff), EC_L(0x00000000, 0xffffffff), EC_L(0x00000000, 0x00000000), \
                 EC_L(0xffffffff, 0x00000001) }
#define P256_P_RR { EC_L(0x00000000, 0x00000003), EC_L(0xfffffffb, 0xffffffff), EC_L(0xffffffff, 0xfffffffe), \
                    EC_L(0x00000004, 0xfffffffd) }
#define P256_P_ONE { EC_L(0x00000000, 0x00000001), EC_L(0xffffffff, 0x00000000), EC_L(0xffffffff, 0xffffffff), \
                     EC_L(0x00000000, 0xfffffffe) }
#define P256_N { EC_L(0xf3b9cac2, 0xfc632551), EC_L(0xbce6faad, 0xa7179e84), EC_L(0xffffffff, 0xffffffff), \
                 EC_L(0xffffffff, 0x00000000) }
#define P256_N_RR { EC_L(0x83244c95, 0xbe79eea2), EC_L(0x4699799c, 0x49bd6fa6), EC_L(0x2845b239, 0x2b6bec59), \
                    EC_L(0x66e12d94, 0xf3d95620) }
#define P256_N_ONE { EC_L(0x0c46353d, 0x039cdaaf), EC_L(0x43190552, 0x58e8617b), EC_L(0x00000000, 0x00000000), \
                     EC_L(0x00000000, 0xffffffff) }
#define P384_P { EC_L(0x00000000, 0xffffffff), EC_L(0xffffffff, 0x00000000), EC_L(0xffffffff, 0xfffffffe), \
                 EC_L(0xffffffff, 0xffffffff), EC_L(0xffffffff, 0xffffffff), EC_L(0xffffffff, 0xffffffff) }
#define P384_P_RR { EC_L(0xfffffffe, 0x00000001), EC_L(0x00000002, 0x00000000), EC_L(0xfffffffe, 0x00000000), \
                    EC_L(0x00000002, 0x00000000), EC_L(0x00000000, 0x00000001), EC_L(0x00000000, 0x00000000) }
#define P384_P_ONE { EC_L(0xffffffff, 0x00000001), EC_L(0x00000000, 0xffffffff), EC_L(0x00000000, 0x00000001), \
                     EC_L(0x00000000, 0x00000000), EC_L(0x00000000, 0x00000000), EC_L(0x00000000, 0x00000000) }
#define P384_N { EC_L(0xecec196a, 0xccc52973), EC_L(0x581a0db2, 0x48b0a77a), EC_L(0xc7634d81, 0xf4372ddf), \
                 EC_L(0xffffffff, 0xffffffff), EC_L(0xffffffff, 0xffffffff), EC_L(0xffffffff, 0xffffffff) }
#define P384_N_RR { EC_L(0x2d319b24, 0x19b409a9), EC_L(0xff3d81e5, 0xdf1aa419), EC_L(0xbc3e483a, 0xfcb82947), \
                    EC_L(0xd40d4917, 0x4aab1cc5), EC_L(0x3fb05b7a, 0x28266895), EC_L(0x0c84ee01, 0x2b39bf21) }
#define P384_N_ONE { EC_L(0x1313e695, 0x333ad68d), EC_L(0xa7e5f24d, 0xb74f5885), EC_L(0x389cb27e, 0x0bc8d220), \
                     EC_L(0x00000000, 0x00000000), EC_L(0x00000000, 0x00000000), EC_L(0x00000000, 0x00000000) }
/* -m^-1 mod 2^64; its low half is -m^-1 mod 2^32. */
#define P256_P_M0INV ((ec_limb)EC_L64(0x00000000, 0x00000001))
#define P256_N_M0INV ((ec_limb)EC_L64(0xccd1c8aa, 0xee00bc4f))
#define P384_P_M0INV ((ec_limb)EC_L64(0x00000001, 0x00000001))
#define P384_N_M0INV ((ec_limb)EC_L64(0x6ed46089, 0xe88fdc45))
#define EC_L64(hi, lo) (((uint64_t)(hi) << 32) | (uint64_t)(lo))

static const ec_limb p256_p[EC_MAX_LIMBS] = P256_P;
static const ec_limb p384_p[EC_MAX_LIMBS] = P384_P;
static const ec_limb p256_n[EC_MAX_LIMBS] = P256_N;
static const ec_limb p384_n[EC_MAX_LIMBS] = P384_N;

/* The core routines are written once for any limb count n and inlined into
 * one instance per modulus, where n and the modulus are compile-time
 * constants: the compiler then unrolls the loops and folds the special limbs
 * of the primes (P-256's p has limbs 2^64-1 and 0, and -p^-1 = 1). */
#if defined(__GNUC__) || defined(__clang__)
#define EC_INLINE static inline __attribute__((always_inline))
#if EC_LIMB_BITS == 64
#define EC_UNROLL _Pragma("GCC unroll 12")
#else
/* 8 or 12 limbs: full unrolling costs more in code size than it gains. */
#define EC_UNROLL
#endif
#else
#define EC_INLINE static inline
#define EC_UNROLL
#endif

/* r = t - m if (hi:t) >= m, else t; (hi:t) < 2m. */
EC_INLINE void sub_if_ge(ec_limb *r, const ec_limb *t, ec_limb hi, const ec_limb *m, size_t n)
{
    ec_limb d[EC_MAX_LIMBS], borrow = 0, keep;
    EC_UNROLL
    for (size_t j = 0; j < n; j++) {
        ec_dlimb x = (ec_dlimb)t[j] - m[j] - borrow;
        d[j] = (ec_limb)x;
        borrow = (ec_limb)(x >> EC_LIMB_BITS) & 1;
    }
    /* (hi:t) < m exactly when the subtraction borrowed out of the top word. */
    keep = (ec_limb)0 - (borrow & ~hi & 1);
    EC_UNROLL
    for (size_t j = 0; j < n; j++)
        r[j] = d[j] ^ (keep & (t[j] ^ d[j]));
}

/* A three-limb accumulator (hi:acc) for product scanning. */
EC_INLINE void mac(ec_dlimb *acc, ec_limb *hi, ec_limb x, ec_limb y)
{
    ec_dlimb p = (ec_dlimb)x * y;
    *acc += p;
    *hi += (ec_limb)(*acc < p);
}

/* Returns the low limb and shifts the accumulator down by one limb. */
EC_INLINE ec_limb acc_shift(ec_dlimb *acc, ec_limb *hi)
{
    ec_limb low = (ec_limb)*acc;
    *acc = (*acc >> EC_LIMB_BITS) | ((ec_dlimb)*hi << EC_LIMB_BITS);
    *hi = 0;
    return low;
}

/* Montgomery multiplication by finely integrated product scanning (Koc,
 * Acar, Kaliski, "Analyzing and comparing Montgomery multiplication
 * algorithms", 1996, "FIPS"): column by column, the accumulator collects
 * a[j] b[i-j] and q[j] m[i-j]; in the low columns q[i] is chosen to clear the
 * column (q[i] = column * -m^-1), in the high ones the column is the result.
 * Columns stay in registers, and products by constant zero limbs of m fold
 * away. With a, b < m the result is below 2m: one conditional subtraction
 * reduces it. */
EC_INLINE void mont_mul(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *m, ec_limb m0inv,
                        size_t n)
{
    ec_limb q[EC_MAX_LIMBS], t[EC_MAX_LIMBS], hi = 0;
    ec_dlimb acc = 0;
    EC_UNROLL
    for (size_t i = 0; i < n; i++) {
        EC_UNROLL
        for (size_t j = 0; j < i; j++) {
            mac(&acc, &hi, a[j], b[i - j]);
            mac(&acc, &hi, q[j], m[i - j]);
        }
        mac(&acc, &hi, a[i], b[0]);
        q[i] = (ec_limb)((ec_limb)acc * m0inv);
        mac(&acc, &hi, q[i], m[0]);
        acc_shift(&acc, &hi);
    }
    EC_UNROLL
    for (size_t i = n; i < 2 * n; i++) {
        EC_UNROLL
        for (size_t j = i - n + 1; j < n; j++) {
            mac(&acc, &hi, a[j], b[i - j]);
            mac(&acc, &hi, q[j], m[i - j]);
        }
        t[i - n] = acc_shift(&acc, &hi);
    }
    sub_if_ge(r, t, (ec_limb)acc, m, n);
}

EC_INLINE void mod_add(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *m, size_t n)
{
    ec_limb s[EC_MAX_LIMBS];
    ec_dlimb c = 0;
    EC_UNROLL
    for (size_t j = 0; j < n; j++) {
        c += (ec_dlimb)a[j] + b[j];
        s[j] = (ec_limb)c;
        c >>= EC_LIMB_BITS;
    }
    sub_if_ge(r, s, (ec_limb)c, m, n);
}

EC_INLINE void mod_sub(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *m, size_t n)
{
    ec_limb d[EC_MAX_LIMBS], borrow = 0, mask;
    ec_dlimb c = 0;
    EC_UNROLL
    for (size_t j = 0; j < n; j++) {
        ec_dlimb x = (ec_dlimb)a[j] - b[j] - borrow;
        d[j] = (ec_limb)x;
        borrow = (ec_limb)(x >> EC_LIMB_BITS) & 1;
    }
    /* Add m back when a < b. */
    mask = (ec_limb)0 - borrow;
    EC_UNROLL
    for (size_t j = 0; j < n; j++) {
        c += (ec_dlimb)d[j] + (m[j] & mask);
        r[j] = (ec_limb)c;
        c >>= EC_LIMB_BITS;
    }
}

/* r = a / 2 mod m: a + m when a is odd (m is odd), then one bit down with
 * the carry of that sum. */
EC_INLINE void mod_half(ec_limb *r, const ec_limb *a, const ec_limb *m, size_t n)
{
    ec_limb odd = (ec_limb)0 - (a[0] & 1), s[EC_MAX_LIMBS];
    ec_dlimb c = 0;
    EC_UNROLL
    for (size_t j = 0; j < n; j++) {
        c += (ec_dlimb)a[j] + (m[j] & odd);
        s[j] = (ec_limb)c;
        c >>= EC_LIMB_BITS;
    }
    EC_UNROLL
    for (size_t j = 0; j + 1 < n; j++)
        r[j] = (s[j] >> 1) | (s[j + 1] << (EC_LIMB_BITS - 1));
    r[n - 1] = (s[n - 1] >> 1) | ((ec_limb)c << (EC_LIMB_BITS - 1));
}

/* Squaring: the cross products a[i] a[j] (i < j) once, doubled, plus the
 * squares on the diagonal -- n(n-1)/2 + n multiplications instead of n^2 --
 * then Montgomery reduction one limb at a time on the 2n-limb square
 * (separated operand scanning). */
EC_INLINE void mont_sqr(ec_limb *r, const ec_limb *a, const ec_limb *m, ec_limb m0inv, size_t n)
{
    ec_limb t[2 * EC_MAX_LIMBS], top = 0, prev = 0;
    ec_dlimb c;
    EC_UNROLL
    for (size_t j = 0; j < 2 * n; j++)
        t[j] = 0;
    EC_UNROLL
    for (size_t i = 0; i + 1 < n; i++) {
        c = 0;
        EC_UNROLL
        for (size_t j = i + 1; j < n; j++) {
            c += (ec_dlimb)a[i] * a[j] + t[i + j];
            t[i + j] = (ec_limb)c;
            c >>= EC_LIMB_BITS;
        }
        t[i + n] = (ec_limb)c;
    }
    /* Double the cross products (shift left by one bit) and add the
     * diagonal squares. */
    c = 0;
    EC_UNROLL
    for (size_t i = 0; i < 2 * n; i++) {
        ec_limb doubled = (ec_limb)(t[i] << 1) | (ec_limb)(prev >> (EC_LIMB_BITS - 1));
        prev = t[i];
        ec_dlimb sq = (ec_dlimb)a[i / 2] * a[i / 2];
        ec_limb diag = (i & 1) ? (ec_limb)(sq >> EC_LIMB_BITS) : (ec_limb)sq;
        c += (ec_dlimb)doubled + diag;
        t[i] = (ec_limb)c;
        c >>= EC_LIMB_BITS;
    }
    /* Reduce: add q m at limb i to clear it; `top` holds the carry out of
     * the highest limb (the sum stays below 2mR). */
    EC_UNROLL
    for (size_t i = 0; i < n; i++) {
        ec_limb q = (ec_limb)(t[i] * m0inv);
        c = 0;
        EC_UNROLL
        for (size_t j = 0; j < n; j++) {
            c += (ec_dlimb)q * m[j] + t[i + j];
            t[i + j] = (ec_limb)c;
            c >>= EC_LIMB_BITS;
        }
        c += (ec_dlimb)t[i + n] + top;
        t[i + n] = (ec_limb)c;
        top = (ec_limb)(c >> EC_LIMB_BITS);
    }
    sub_if_ge(r, t + n, top, m, n);
}

/* The primes p have a BMI2/ADX path (ec_field_x86.h), chosen at run time;
 * elsewhere the condition is the constant 0 and folds away. */
#ifdef EC_FIELD_X86
#define EC_FIELD_USE_X86() ec_field_x86_enabled()
#else
#define EC_FIELD_USE_X86() 0
#define ec_p256p_mul_x86(r, a, b) ((void)0)
#define ec_p256p_sqr_x86(r, a) ((void)0)
#define ec_p256p_add_x86(r, a, b) ((void)0)
#define ec_p256p_sub_x86(r, a, b) ((void)0)
#define ec_p256p_sqr_sub_sub_x86(r, a, b, c) ((void)0)
#define ec_p256p_mul_sub_x86(r, a, b, c) ((void)0)
#define ec_p256p_triple_sum_diff_x86(r, a, b) ((void)0)
#define ec_p256p_sub_mul_sub_half_x86(r, a, b, c, d) ((void)0)
#define ec_p384p_mul_x86(r, a, b) ((void)0)
#define ec_p384p_sqr_x86(r, a) ((void)0)
#define ec_p384p_add_x86(r, a, b) ((void)0)
#define ec_p384p_sub_x86(r, a, b) ((void)0)
#endif

/* The operations below take a path: a modulus id, with EC_X86 added for
 * the BMI2/ADX code of the primes p. Inlined with a constant path every
 * switch and check folds away. ec_field_path picks the path at run time:
 * once per call of ec_field.c's operations, and once per scalar
 * multiplication for the point formulas (ec_point_ops_for). */
#define EC_X86 0x10u
typedef unsigned ec_path;

EC_INLINE ec_path ec_field_path(const ec_field *f)
{
    if ((f->id == EC_MOD_P256_P || f->id == EC_MOD_P384_P) && EC_FIELD_USE_X86())
        return (ec_path)f->id | EC_X86;
    return (ec_path)f->id;
}

/* The limb count of a path's modulus. */
EC_INLINE size_t ec_path_limbs(ec_path id)
{
    ec_path m = id & ~EC_X86;
    return m == EC_MOD_P256_P || m == EC_MOD_P256_N ? EC_LIMBS(256) : EC_LIMBS(384);
}
EC_INLINE void fe_mul_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    switch (id) {
    case EC_MOD_P256_P | EC_X86: ec_p256p_mul_x86(r, a, b); break;
    case EC_MOD_P256_P: mont_mul(r, a, b, p256_p, P256_P_M0INV, EC_LIMBS(256)); break;
    case EC_MOD_P256_N: mont_mul(r, a, b, p256_n, P256_N_M0INV, EC_LIMBS(256)); break;
    case EC_MOD_P384_P | EC_X86: ec_p384p_mul_x86(r, a, b); break;
    case EC_MOD_P384_P: mont_mul(r, a, b, p384_p, P384_P_M0INV, EC_LIMBS(384)); break;
    default: mont_mul(r, a, b, p384_n, P384_N_M0INV, EC_LIMBS(384)); break; /* P-384 n */
    }
}

/* With six 64-bit limbs the separate squaring measured slower than the
 * multiplication (about 88 vs 82 ns here: its reduction pass stores and
 * reloads the 12-limb square, which the interleaved multiplication keeps
 * in registers), so P-384 squares with mont_mul there. */
#if EC_LIMB_BITS == 64
#define P384_SQR(r, a, m, m0inv) mont_mul(r, a, a, m, m0inv, EC_LIMBS(384))
#else
#define P384_SQR(r, a, m, m0inv) mont_sqr(r, a, m, m0inv, EC_LIMBS(384))
#endif
/* The same holds for P-256's n under gcc (no zero limbs to fold in the
 * reduction): squaring 99.6 vs multiplication 92.6 cycles with 64-bit
 * limbs. Not under clang 14, whose code for mont_mul is twice as slow
 * (206 vs 97 cycles). */
#if EC_LIMB_BITS == 64 && !defined(__clang__)
#define P256_N_SQR(r, a, m, m0inv) mont_mul(r, a, a, m, m0inv, EC_LIMBS(256))
#else
#define P256_N_SQR(r, a, m, m0inv) mont_sqr(r, a, m, m0inv, EC_LIMBS(256))
#endif

EC_INLINE void fe_sqr_id(ec_path id, ec_limb *r, const ec_limb *a)
{
    switch (id) {
    case EC_MOD_P256_P | EC_X86: ec_p256p_sqr_x86(r, a); break;
    case EC_MOD_P256_P: mont_sqr(r, a, p256_p, P256_P_M0INV, EC_LIMBS(256)); break;
    case EC_MOD_P256_N: P256_N_SQR(r, a, p256_n, P256_N_M0INV); break;
    case EC_MOD_P384_P | EC_X86: ec_p384p_sqr_x86(r, a); break;
    case EC_MOD_P384_P: P384_SQR(r, a, p384_p, P384_P_M0INV); break;
    default: P384_SQR(r, a, p384_n, P384_N_M0INV); break; /* P-384 n */
    }
}

#define EC_DISPATCH(id, op, ...)                                                             \
    switch ((id) & ~EC_X86) {                                                                \
    case EC_MOD_P256_P: op(__VA_ARGS__, p256_p, EC_LIMBS(256)); break;                       \
    case EC_MOD_P256_N: op(__VA_ARGS__, p256_n, EC_LIMBS(256)); break;                       \
    case EC_MOD_P384_P: op(__VA_ARGS__, p384_p, EC_LIMBS(384)); break;                       \
    default: op(__VA_ARGS__, p384_n, EC_LIMBS(384)); break; /* P-384 n */                   \
    }

EC_INLINE void fe_add_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    if (id == (EC_MOD_P256_P | EC_X86)) {
        ec_p256p_add_x86(r, a, b);
        return;
    }
    if (id == (EC_MOD_P384_P | EC_X86)) {
        ec_p384p_add_x86(r, a, b);
        return;
    }
    EC_DISPATCH(id, mod_add, r, a, b)
}

EC_INLINE void fe_sub_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    if (id == (EC_MOD_P256_P | EC_X86)) {
        ec_p256p_sub_x86(r, a, b);
        return;
    }
    if (id == (EC_MOD_P384_P | EC_X86)) {
        ec_p384p_sub_x86(r, a, b);
        return;
    }
    EC_DISPATCH(id, mod_sub, r, a, b)
}

/* The fused operations (ec_field.h), as the separate operations. The four
 * the point formulas call (sqr_sub_sub, mul_sub, triple_sum_diff,
 * sub_mul_sub_half) are one call of the BMI2/ADX path for P-256's p, where
 * the chained values stay in registers; the others are their building
 * blocks. Temporaries keep outputs free to alias inputs. */
EC_INLINE void fe_add_sub_id(ec_path id, ec_limb *s, ec_limb *d, const ec_limb *a, const ec_limb *b)
{
    ec_fe sum = { 0 };
    size_t n = ec_path_limbs(id);
    fe_add_id(id, sum, a, b);
    fe_sub_id(id, d, a, b);
    EC_UNROLL
    for (size_t j = 0; j < n; j++)
        s[j] = sum[j];
}

EC_INLINE void fe_sub_sub_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    ec_fe t;
    fe_sub_id(id, t, a, b);
    fe_sub_id(id, r, t, c);
}

EC_INLINE void fe_triple_id(ec_path id, ec_limb *r, const ec_limb *a)
{
    ec_fe t;
    fe_add_id(id, t, a, a);
    fe_add_id(id, r, t, a);
}

EC_INLINE void fe_sub_half_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    ec_fe t;
    EC_DISPATCH(id, mod_half, t, b)
    fe_sub_id(id, r, a, t);
}

EC_INLINE void fe_mul_triple_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    ec_fe t;
    fe_mul_id(id, t, a, b);
    fe_triple_id(id, r, t);
}

EC_INLINE void fe_sqr_sub_sub_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    ec_fe t;
    if (id == (EC_MOD_P256_P | EC_X86)) {
        ec_p256p_sqr_sub_sub_x86(r, a, b, c);
        return;
    }
    fe_sqr_id(id, t, a);
    fe_sub_sub_id(id, r, t, b, c);
}

EC_INLINE void fe_mul_sub_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    ec_fe t;
    if (id == (EC_MOD_P256_P | EC_X86)) {
        ec_p256p_mul_sub_x86(r, a, b, c);
        return;
    }
    fe_mul_id(id, t, a, b);
    fe_sub_id(id, r, t, c);
}

EC_INLINE void fe_mul_sub_half_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    ec_fe t;
    fe_mul_id(id, t, a, b);
    fe_sub_half_id(id, r, t, c);
}

EC_INLINE void fe_triple_sum_diff_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    ec_fe s, d;
    if (id == (EC_MOD_P256_P | EC_X86)) {
        ec_p256p_triple_sum_diff_x86(r, a, b);
        return;
    }
    fe_add_sub_id(id, s, d, a, b);
    fe_mul_triple_id(id, r, s, d);
}

EC_INLINE void fe_sub_mul_sub_half_id(ec_path id, ec_limb *r, const ec_limb *a, const ec_limb *b,
                                      const ec_limb *c, const ec_limb *d)
{
    ec_fe t;
    if (id == (EC_MOD_P256_P | EC_X86)) {
        ec_p256p_sub_mul_sub_half_x86(r, a, b, c, d);
        return;
    }
    fe_sub_id(id, t, a, b);
    fe_mul_sub_half_id(id, r, t, c, d);
}

#endif
