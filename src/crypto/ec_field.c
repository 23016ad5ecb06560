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
