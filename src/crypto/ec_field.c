#include "ec_field.h"

#include "../base/mem.h"

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

const ec_field ec_p256_p = { EC_MOD_P256_P, EC_LIMBS(256), 32, P256_P, P256_P_RR, P256_P_ONE, P256_P_M0INV };
const ec_field ec_p256_n = { EC_MOD_P256_N, EC_LIMBS(256), 32, P256_N, P256_N_RR, P256_N_ONE, P256_N_M0INV };
const ec_field ec_p384_p = { EC_MOD_P384_P, EC_LIMBS(384), 48, P384_P, P384_P_RR, P384_P_ONE, P384_P_M0INV };
const ec_field ec_p384_n = { EC_MOD_P384_N, EC_LIMBS(384), 48, P384_N, P384_N_RR, P384_N_ONE, P384_N_M0INV };

/* The core routines are written once for any limb count n and inlined into
 * one instance per modulus, where n and the modulus are compile-time
 * constants: the compiler then unrolls the loops and folds the special limbs
 * of the primes (P-256's p has limbs 2^64-1 and 0, and -p^-1 = 1). */
#if defined(__GNUC__) || defined(__clang__)
#define EC_INLINE static inline __attribute__((always_inline))
#define EC_UNROLL _Pragma("GCC unroll 12")
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

/* Montgomery multiplication, coarsely integrated operand scanning (Koc,
 * Acar, Kaliski 1996, "CIOS"): for each limb of b, t += a * b[i], then add
 * the multiple q * m that clears t's low limb and shift it out. With a, b < m
 * the result stays below 2m, so one conditional subtraction reduces it. */
EC_INLINE void mont_mul(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *m, ec_limb m0inv,
                        size_t n)
{
    ec_limb t[EC_MAX_LIMBS + 2];
    EC_UNROLL
    for (size_t j = 0; j < n + 2; j++)
        t[j] = 0;
    EC_UNROLL
    for (size_t i = 0; i < n; i++) {
        ec_dlimb c = 0;
        ec_limb q;
        EC_UNROLL
        for (size_t j = 0; j < n; j++) {
            c += (ec_dlimb)a[j] * b[i] + t[j];
            t[j] = (ec_limb)c;
            c >>= EC_LIMB_BITS;
        }
        c += t[n];
        t[n] = (ec_limb)c;
        t[n + 1] = (ec_limb)(c >> EC_LIMB_BITS);
        q = (ec_limb)(t[0] * m0inv);
        c = ((ec_dlimb)q * m[0] + t[0]) >> EC_LIMB_BITS;
        EC_UNROLL
        for (size_t j = 1; j < n; j++) {
            c += (ec_dlimb)q * m[j] + t[j];
            t[j - 1] = (ec_limb)c;
            c >>= EC_LIMB_BITS;
        }
        c += t[n];
        t[n - 1] = (ec_limb)c;
        t[n] = t[n + 1] + (ec_limb)(c >> EC_LIMB_BITS);
    }
    sub_if_ge(r, t, t[n], m, n);
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

/* Each public operation dispatches on the (public) modulus to its instance. */
#define EC_DISPATCH(f, op, ...)                                                              \
    switch ((f)->id) {                                                                       \
    case EC_MOD_P256_P: op(__VA_ARGS__, p256_p, EC_LIMBS(256)); break;                       \
    case EC_MOD_P256_N: op(__VA_ARGS__, p256_n, EC_LIMBS(256)); break;                       \
    case EC_MOD_P384_P: op(__VA_ARGS__, p384_p, EC_LIMBS(384)); break;                       \
    case EC_MOD_P384_N: op(__VA_ARGS__, p384_n, EC_LIMBS(384)); break;                       \
    }

void ec_fe_mul(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    switch (f->id) {
    case EC_MOD_P256_P: mont_mul(r, a, b, p256_p, P256_P_M0INV, EC_LIMBS(256)); break;
    case EC_MOD_P256_N: mont_mul(r, a, b, p256_n, P256_N_M0INV, EC_LIMBS(256)); break;
    case EC_MOD_P384_P: mont_mul(r, a, b, p384_p, P384_P_M0INV, EC_LIMBS(384)); break;
    case EC_MOD_P384_N: mont_mul(r, a, b, p384_n, P384_N_M0INV, EC_LIMBS(384)); break;
    }
}

void ec_fe_sqr(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    ec_fe_mul(f, r, a, a);
}

void ec_fe_add(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    EC_DISPATCH(f, mod_add, r, a, b)
}

void ec_fe_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    EC_DISPATCH(f, mod_sub, r, a, b)
}

void ec_fe_neg(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    static const ec_fe zero;
    ec_fe_sub(f, r, zero, a);
}

void ec_fe_to_mont(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    ec_fe_mul(f, r, a, f->rr);
}

void ec_fe_from_mont(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    static const ec_fe one = { 1 };
    ec_fe_mul(f, r, a, one);
}

/* a^(m-2) by fixed 4-bit windows of the public exponent, most significant
 * first: 15 multiplications for the table, then per window 4 squarings and
 * one multiplication. */
void ec_fe_inv(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    ec_fe pw[16], acc, e = { 0 };
    size_t bits = f->nlimbs * EC_LIMB_BITS;
    ec_fe_copy(f, e, f->m);
    e[0] -= 2; /* m is odd and > 2: no borrow */
    ec_fe_copy(f, pw[0], f->one);
    ec_fe_copy(f, pw[1], a);
    for (size_t i = 2; i < 16; i++)
        ec_fe_mul(f, pw[i], pw[i - 1], a);
    ec_fe_copy(f, acc, f->one);
    for (size_t pos = bits; pos > 0; pos -= 4) {
        size_t bit = pos - 4;
        unsigned nibble = (unsigned)(e[bit / EC_LIMB_BITS] >> (bit % EC_LIMB_BITS)) & 15;
        for (int k = 0; k < 4; k++)
            ec_fe_sqr(f, acc, acc);
        ec_fe_mul(f, acc, acc, pw[nibble]);
    }
    ec_fe_copy(f, r, acc);
    tls13_wipe(pw, sizeof(pw));
    tls13_wipe(acc, sizeof(acc));
}

ec_limb ec_fe_is_zero(const ec_field *f, const ec_limb *a)
{
    ec_limb x = 0;
    for (size_t j = 0; j < f->nlimbs; j++)
        x |= a[j];
    return (ec_limb)(((x | ((ec_limb)0 - x)) >> (EC_LIMB_BITS - 1)) - 1);
}

ec_limb ec_fe_equal(const ec_field *f, const ec_limb *a, const ec_limb *b)
{
    ec_limb x = 0;
    for (size_t j = 0; j < f->nlimbs; j++)
        x |= a[j] ^ b[j];
    return (ec_limb)(((x | ((ec_limb)0 - x)) >> (EC_LIMB_BITS - 1)) - 1);
}

ec_limb ec_fe_lt_modulus(const ec_field *f, const ec_limb *a)
{
    ec_limb borrow = 0;
    for (size_t j = 0; j < f->nlimbs; j++) {
        ec_dlimb x = (ec_dlimb)a[j] - f->m[j] - borrow;
        borrow = (ec_limb)(x >> EC_LIMB_BITS) & 1;
    }
    return (ec_limb)0 - borrow;
}

void ec_fe_cmov(const ec_field *f, ec_limb *r, const ec_limb *a, ec_limb mask)
{
    for (size_t j = 0; j < f->nlimbs; j++)
        r[j] ^= mask & (r[j] ^ a[j]);
}

void ec_fe_copy(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    for (size_t j = 0; j < f->nlimbs; j++)
        r[j] = a[j];
}

void ec_fe_reduce_once(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    EC_DISPATCH(f, sub_if_ge, r, a, 0)
}

void ec_fe_from_bytes(const ec_field *f, ec_limb *r, const uint8_t *in)
{
    for (size_t j = 0; j < f->nlimbs; j++)
        r[j] = 0;
    for (size_t i = 0; i < f->nbytes; i++) {
        size_t bit = 8 * (f->nbytes - 1 - i);
        r[bit / EC_LIMB_BITS] |= (ec_limb)in[i] << (bit % EC_LIMB_BITS);
    }
}

void ec_fe_to_bytes(const ec_field *f, uint8_t *out, const ec_limb *a)
{
    for (size_t i = 0; i < f->nbytes; i++) {
        size_t bit = 8 * (f->nbytes - 1 - i);
        out[i] = (uint8_t)(a[bit / EC_LIMB_BITS] >> (bit % EC_LIMB_BITS));
    }
}
