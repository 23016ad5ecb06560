#include "ec_field_impl.h"

#include "../base/mem.h"
#include "modinv.h"

const ec_field ec_p256_p = { EC_MOD_P256_P, EC_LIMBS(256), 32, P256_P, P256_P_RR, P256_P_ONE, P256_P_M0INV };
const ec_field ec_p256_n = { EC_MOD_P256_N, EC_LIMBS(256), 32, P256_N, P256_N_RR, P256_N_ONE, P256_N_M0INV };
const ec_field ec_p384_p = { EC_MOD_P384_P, EC_LIMBS(384), 48, P384_P, P384_P_RR, P384_P_ONE, P384_P_M0INV };
const ec_field ec_p384_n = { EC_MOD_P384_N, EC_LIMBS(384), 48, P384_N, P384_N_RR, P384_N_ONE, P384_N_M0INV };

void ec_fe_mul(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_mul_id(ec_field_path(f), r, a, b);
}

void ec_fe_sqr(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    fe_sqr_id(ec_field_path(f), r, a);
}

void ec_fe_add(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_add_id(ec_field_path(f), r, a, b);
}

void ec_fe_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_sub_id(ec_field_path(f), r, a, b);
}

void ec_fe_neg(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    static const ec_fe zero;
    ec_fe_sub(f, r, zero, a);
}

void ec_fe_add_sub(const ec_field *f, ec_limb *s, ec_limb *d, const ec_limb *a, const ec_limb *b)
{
    fe_add_sub_id(ec_field_path(f), s, d, a, b);
}

void ec_fe_sub_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_sub_sub_id(ec_field_path(f), r, a, b, c);
}

void ec_fe_triple(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    fe_triple_id(ec_field_path(f), r, a);
}

void ec_fe_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_sub_half_id(ec_field_path(f), r, a, b);
}

void ec_fe_mul_triple(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_mul_triple_id(ec_field_path(f), r, a, b);
}

void ec_fe_sqr_sub_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_sqr_sub_sub_id(ec_field_path(f), r, a, b, c);
}

void ec_fe_mul_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_mul_sub_id(ec_field_path(f), r, a, b, c);
}

void ec_fe_mul_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_mul_sub_half_id(ec_field_path(f), r, a, b, c);
}

void ec_fe_triple_sum_diff(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_triple_sum_diff_id(ec_field_path(f), r, a, b);
}

void ec_fe_sub_mul_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c,
                            const ec_limb *d)
{
    fe_sub_mul_sub_half_id(ec_field_path(f), r, a, b, c, d);
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

/* ec_limb arrays (64- or 32-bit limbs) to 64-bit words and back. */
static void limbs_to_words(uint64_t *w, const ec_limb *a, size_t nwords)
{
    for (size_t i = 0; i < nwords; i++) {
#if EC_LIMB_BITS == 64
        w[i] = a[i];
#else
        w[i] = (uint64_t)a[2 * i] | ((uint64_t)a[2 * i + 1] << 32);
#endif
    }
}

static void words_to_limbs(ec_limb *a, const uint64_t *w, size_t nwords)
{
    for (size_t i = 0; i < nwords; i++) {
#if EC_LIMB_BITS == 64
        a[i] = w[i];
#else
        a[2 * i] = (ec_limb)w[i];
        a[2 * i + 1] = (ec_limb)(w[i] >> 32);
#endif
    }
}

void ec_mod_inv(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    uint64_t w[EC_MAX_BITS / 64] = { 0 }, m[EC_MAX_BITS / 64] = { 0 };
    const size_t nwords = f->nbytes / 8;
    limbs_to_words(w, a, nwords);
    limbs_to_words(m, f->m, nwords);
    tls13_modinv(w, w, m, nwords);
    words_to_limbs(r, w, nwords);
    tls13_wipe(w, sizeof(w));
}

/* The input is a R, whose plain inverse is a^-1 R^-1: a Montgomery
 * multiplication by R^3 (itself R^2 R^2 / R) brings that to a^-1 R. */
void ec_fe_inv(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    ec_fe t, r3;
    ec_mod_inv(f, t, a);
    ec_fe_mul(f, r3, f->rr, f->rr);
    ec_fe_mul(f, r, t, r3);
    tls13_wipe(t, sizeof(t));
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
