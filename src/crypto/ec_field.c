#include "ec_field_impl.h"

#include "../base/mem.h"

const ec_field ec_p256_p = { EC_MOD_P256_P, EC_LIMBS(256), 32, P256_P, P256_P_RR, P256_P_ONE, P256_P_M0INV };
const ec_field ec_p256_n = { EC_MOD_P256_N, EC_LIMBS(256), 32, P256_N, P256_N_RR, P256_N_ONE, P256_N_M0INV };
const ec_field ec_p384_p = { EC_MOD_P384_P, EC_LIMBS(384), 48, P384_P, P384_P_RR, P384_P_ONE, P384_P_M0INV };
const ec_field ec_p384_n = { EC_MOD_P384_N, EC_LIMBS(384), 48, P384_N, P384_N_RR, P384_N_ONE, P384_N_M0INV };

void ec_fe_mul(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_mul_id(f->id, r, a, b);
}

void ec_fe_sqr(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    fe_sqr_id(f->id, r, a);
}

void ec_fe_add(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_add_id(f->id, r, a, b);
}

void ec_fe_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_sub_id(f->id, r, a, b);
}

void ec_fe_neg(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    static const ec_fe zero;
    ec_fe_sub(f, r, zero, a);
}

void ec_fe_add_sub(const ec_field *f, ec_limb *s, ec_limb *d, const ec_limb *a, const ec_limb *b)
{
    fe_add_sub_id(f->id, s, d, a, b);
}

void ec_fe_sub_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_sub_sub_id(f->id, r, a, b, c);
}

void ec_fe_triple(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    fe_triple_id(f->id, r, a);
}

void ec_fe_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_sub_half_id(f->id, r, a, b);
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

static unsigned exponent_bit(const ec_limb *e, size_t i)
{
    return (unsigned)(e[i / EC_LIMB_BITS] >> (i % EC_LIMB_BITS)) & 1;
}

/* One step of an addition chain: x[dst] = x[src]^(2^squarings) x[mul].
 * Slot 0 holds the input a. */
typedef struct chain_step {
    unsigned char dst, src, squarings, mul;
} chain_step;

/* Addition chains for a^(p-2), the exponents written out from the primes
 * (FIPS 186-5 / SP 800-186 section 3.2.1.3-4); x_k below is a^(2^k - 1).
 *
 * P-256: p - 2 = 2^256 - 2^224 + 2^192 + 2^96 - 3, in bits from the top:
 * 32 ones, 31 zeros, a one, 96 zeros, 94 ones, 0, 1. From x32, 30 and 1:
 * 255 squarings and 13 multiplications (sliding windows: about 50). */
static const chain_step p256_p_chain[] = {
    { 1, 0, 1, 0 },    /* x2 */
    { 2, 1, 2, 1 },    /* x4 */
    { 3, 2, 4, 2 },    /* x8 */
    { 4, 3, 8, 3 },    /* x16 */
    { 5, 4, 8, 3 },    /* x24 */
    { 6, 5, 4, 2 },    /* x28 */
    { 7, 6, 2, 1 },    /* x30 */
    { 8, 7, 2, 1 },    /* x32: bits 255..224 */
    { 9, 8, 32, 0 },   /* bit 192 */
    { 9, 9, 128, 8 },  /* bits 95..64 */
    { 9, 9, 32, 8 },   /* bits 63..32 */
    { 9, 9, 30, 7 },   /* bits 31..2 */
    { 9, 9, 2, 0 },    /* bit 0 */
};

/* P-384: p - 2 = 2^384 - 2^128 - 2^96 + 2^32 - 3, in bits from the top:
 * 255 ones, 0, 32 ones, 64 zeros, 30 ones, 0, 1. From x255, x32, x30 and
 * 1: 385 squarings and 14 multiplications (sliding windows: about 75). */
static const chain_step p384_p_chain[] = {
    { 1, 0, 1, 0 },     /* x2 */
    { 2, 1, 1, 0 },     /* x3 */
    { 3, 2, 3, 2 },     /* x6 */
    { 4, 3, 6, 3 },     /* x12 */
    { 5, 4, 3, 2 },     /* x15 */
    { 6, 5, 15, 5 },    /* x30 */
    { 7, 6, 2, 1 },     /* x32 */
    { 8, 6, 30, 6 },    /* x60 */
    { 9, 8, 60, 8 },    /* x120 */
    { 10, 9, 120, 9 },  /* x240 */
    { 11, 10, 15, 5 },  /* x255: bits 383..129 */
    { 11, 11, 33, 7 },  /* bits 127..96 */
    { 11, 11, 94, 6 },  /* bits 31..2 */
    { 11, 11, 2, 0 },   /* bit 0 */
};

enum { CHAIN_SLOTS = 12 };

/* Inlined per prime with a constant id, so the field operations inline
 * too (and their path check is made once). */
EC_INLINE void inv_chain(ec_modulus_id id, ec_limb *r, const ec_limb *a, const chain_step *steps, size_t nsteps)
{
    ec_fe x[CHAIN_SLOTS];
    size_t n = id == EC_MOD_P256_P ? EC_LIMBS(256) : EC_LIMBS(384);
    for (size_t j = 0; j < n; j++)
        x[0][j] = a[j];
    for (size_t i = 0; i < nsteps; i++) {
        const chain_step *s = &steps[i];
        fe_sqr_id(id, x[s->dst], x[s->src]);
        for (unsigned k = 1; k < s->squarings; k++)
            fe_sqr_id(id, x[s->dst], x[s->dst]);
        fe_mul_id(id, x[s->dst], x[s->dst], x[s->mul]);
    }
    for (size_t j = 0; j < n; j++)
        r[j] = x[steps[nsteps - 1].dst][j];
    tls13_wipe(x, sizeof(x));
}

/* a^(m-2) by sliding windows of up to 5 bits over the exponent, most
 * significant first (HAC algorithm 14.85): a table of the odd powers
 * a^1, a^3, ..., a^31, then one squaring per exponent bit and one
 * multiplication per window. m - 2 is public, so the windows the loop takes
 * depend on the modulus only, never on a; each window starts and ends with a
 * 1 bit, which skips zero runs and needs about bits/6 multiplications
 * instead of bits/4 for fixed windows. Used for the orders n, whose bits
 * have no structure for a short addition chain. */
static void inv_windows(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    enum { WINDOW = 5 };
    ec_fe odd[1 << (WINDOW - 1)], a2, acc, e = { 0 };
    size_t i = f->nlimbs * EC_LIMB_BITS;
    ec_fe_copy(f, e, f->m);
    e[0] -= 2; /* m is odd and > 2: no borrow */
    ec_fe_copy(f, odd[0], a);
    ec_fe_sqr(f, a2, a);
    for (size_t k = 1; k < (size_t)1 << (WINDOW - 1); k++)
        ec_fe_mul(f, odd[k], odd[k - 1], a2);
    ec_fe_copy(f, acc, f->one);
    while (i > 0) {
        size_t low, top = i - 1;
        unsigned value = 0;
        if (!exponent_bit(e, top)) {
            ec_fe_sqr(f, acc, acc);
            i--;
            continue;
        }
        low = top + 1 >= WINDOW ? top + 1 - WINDOW : 0;
        while (!exponent_bit(e, low))
            low++;
        for (size_t j = top + 1; j-- > low;) {
            ec_fe_sqr(f, acc, acc);
            value = (value << 1) | exponent_bit(e, j);
        }
        ec_fe_mul(f, acc, acc, odd[value >> 1]);
        i = low;
    }
    ec_fe_copy(f, r, acc);
    tls13_wipe(odd, sizeof(odd));
    tls13_wipe(a2, sizeof(a2));
    tls13_wipe(acc, sizeof(acc));
}

/* The exponent m - 2 is public: the steps taken depend on the modulus only,
 * never on a. */
void ec_fe_inv(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    switch (f->id) {
    case EC_MOD_P256_P:
        inv_chain(EC_MOD_P256_P, r, a, p256_p_chain, sizeof(p256_p_chain) / sizeof(p256_p_chain[0]));
        break;
    case EC_MOD_P384_P:
        inv_chain(EC_MOD_P384_P, r, a, p384_p_chain, sizeof(p384_p_chain) / sizeof(p384_p_chain[0]));
        break;
    default: inv_windows(f, r, a); break;
    }
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

/* The scalar multiplications' table scans call these for every entry: a
 * constant limb count per case lets the compiler unroll the loop. */
EC_INLINE void cmov_n(ec_limb *r, const ec_limb *a, ec_limb mask, size_t n)
{
    EC_UNROLL
    for (size_t j = 0; j < n; j++)
        r[j] ^= mask & (r[j] ^ a[j]);
}

EC_INLINE void copy_n(ec_limb *r, const ec_limb *a, size_t n)
{
    EC_UNROLL
    for (size_t j = 0; j < n; j++)
        r[j] = a[j];
}

void ec_fe_cmov(const ec_field *f, ec_limb *r, const ec_limb *a, ec_limb mask)
{
    if (f->nlimbs == EC_LIMBS(256))
        cmov_n(r, a, mask, EC_LIMBS(256));
    else
        cmov_n(r, a, mask, EC_LIMBS(384));
}

void ec_fe_copy(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    if (f->nlimbs == EC_LIMBS(256))
        copy_n(r, a, EC_LIMBS(256));
    else
        copy_n(r, a, EC_LIMBS(384));
}

void ec_fe_reduce_once(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    EC_DISPATCH(f->id, sub_if_ge, r, a, 0)
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
