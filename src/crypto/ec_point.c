#include "ec_point.h"

#include "ec_field_impl.h"
#include "tls13.h"
#include "../base/mem.h"

void ec_point_set_infinity(const ec_curve *c, ec_point *r)
{
    for (size_t j = 0; j < EC_MAX_LIMBS; j++)
        r->x[j] = r->z[j] = 0;
    ec_fe_copy(c->p, r->y, c->p->one);
}

void ec_point_from_affine(const ec_curve *c, ec_point *r, const ec_affine *a)
{
    ec_fe_copy(c->p, r->x, a->x);
    ec_fe_copy(c->p, r->y, a->y);
    ec_fe_copy(c->p, r->z, c->p->one);
}

/* The field operations of the formulas. With 64-bit limbs they are
 * inlined, so each curve's formulas become straight-line code with its prime
 * folded in; with 32-bit limbs (8 or 12 of them) that code would be too
 * large to copy into every formula, so they are calls -- as they are under
 * AddressSanitizer, where the inlined code takes minutes to compile. The
 * arithmetic is the same source either way. */
#if defined(__SANITIZE_ADDRESS__)
#define EC_INLINE_FORMULAS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EC_INLINE_FORMULAS 0
#endif
#endif
#ifndef EC_INLINE_FORMULAS
#define EC_INLINE_FORMULAS (EC_LIMB_BITS == 64)
#endif

#if EC_INLINE_FORMULAS
#define pt_mul fe_mul_id
#define pt_sqr fe_sqr_id
#define pt_add fe_add_id
#define pt_sub fe_sub_id
#else
static const ec_field *field_of(ec_modulus_id id)
{
    return id == EC_MOD_P256_P ? &ec_p256_p : &ec_p384_p;
}
#define pt_mul(id, r, a, b) ec_fe_mul(field_of(id), r, a, b)
#define pt_sqr(id, r, a) ec_fe_sqr(field_of(id), r, a)
#define pt_add(id, r, a, b) ec_fe_add(field_of(id), r, a, b)
#define pt_sub(id, r, a, b) ec_fe_sub(field_of(id), r, a, b)
#endif

EC_INLINE void pt_copy(ec_modulus_id id, ec_limb *r, const ec_limb *a)
{
    size_t n = id == EC_MOD_P256_P ? EC_LIMBS(256) : EC_LIMBS(384);
    for (size_t j = 0; j < n; j++)
        r[j] = a[j];
}

/* The formulas below follow the papers' step numbering in order; t0..t4 are
 * its temporaries. The output is written only at the end, so r may alias an
 * input. */

EC_INLINE void point_add(ec_modulus_id id, const ec_limb *b, ec_point *r, const ec_point *p1, const ec_point *p2)
{
    ec_fe t0, t1, t2, t3, t4, x3, y3, z3;
    pt_mul(id, t0, p1->x, p2->x);   /* 1 */
    pt_mul(id, t1, p1->y, p2->y);
    pt_mul(id, t2, p1->z, p2->z);
    pt_add(id, t3, p1->x, p1->y);
    pt_add(id, t4, p2->x, p2->y);   /* 5 */
    pt_mul(id, t3, t3, t4);
    pt_add(id, t4, t0, t1);
    pt_sub(id, t3, t3, t4);
    pt_add(id, t4, p1->y, p1->z);
    pt_add(id, x3, p2->y, p2->z);   /* 10 */
    pt_mul(id, t4, t4, x3);
    pt_add(id, x3, t1, t2);
    pt_sub(id, t4, t4, x3);
    pt_add(id, x3, p1->x, p1->z);
    pt_add(id, y3, p2->x, p2->z);   /* 15 */
    pt_mul(id, x3, x3, y3);
    pt_add(id, y3, t0, t2);
    pt_sub(id, y3, x3, y3);
    pt_mul(id, z3, b, t2);
    pt_sub(id, x3, y3, z3);       /* 20 */
    pt_add(id, z3, x3, x3);
    pt_add(id, x3, x3, z3);
    pt_sub(id, z3, t1, x3);
    pt_add(id, x3, t1, x3);
    pt_mul(id, y3, b, y3);     /* 25 */
    pt_add(id, t1, t2, t2);
    pt_add(id, t2, t1, t2);
    pt_sub(id, y3, y3, t2);
    pt_sub(id, y3, y3, t0);
    pt_add(id, t1, y3, y3);       /* 30 */
    pt_add(id, y3, t1, y3);
    pt_add(id, t1, t0, t0);
    pt_add(id, t0, t1, t0);
    pt_sub(id, t0, t0, t2);
    pt_mul(id, t1, t4, y3);       /* 35 */
    pt_mul(id, t2, t0, y3);
    pt_mul(id, y3, x3, z3);
    pt_add(id, y3, y3, t2);
    pt_mul(id, x3, t3, x3);
    pt_sub(id, x3, x3, t1);       /* 40 */
    pt_mul(id, z3, t4, z3);
    pt_mul(id, t1, t3, t0);
    pt_add(id, z3, z3, t1);
    pt_copy(id, r->x, x3);
    pt_copy(id, r->y, y3);
    pt_copy(id, r->z, z3);
}

EC_INLINE void point_add_affine(ec_modulus_id id, const ec_limb *b, ec_point *r, const ec_point *p1,
                                  const ec_affine *p2)
{
    ec_fe t0, t1, t2, t3, t4, x3, y3, z3;
    pt_mul(id, t0, p1->x, p2->x);   /* 1 */
    pt_mul(id, t1, p1->y, p2->y);
    pt_add(id, t3, p2->x, p2->y);
    pt_add(id, t4, p1->x, p1->y);
    pt_mul(id, t3, t3, t4);       /* 5 */
    pt_add(id, t4, t0, t1);
    pt_sub(id, t3, t3, t4);
    pt_mul(id, t4, p2->y, p1->z);
    pt_add(id, t4, t4, p1->y);
    pt_mul(id, y3, p2->x, p1->z);   /* 10 */
    pt_add(id, y3, y3, p1->x);
    pt_mul(id, z3, b, p1->z);
    pt_sub(id, x3, y3, z3);
    pt_add(id, z3, x3, x3);
    pt_add(id, x3, x3, z3);       /* 15 */
    pt_sub(id, z3, t1, x3);
    pt_add(id, x3, t1, x3);
    pt_mul(id, y3, b, y3);
    pt_add(id, t1, p1->z, p1->z);
    pt_add(id, t2, t1, p1->z);     /* 20 */
    pt_sub(id, y3, y3, t2);
    pt_sub(id, y3, y3, t0);
    pt_add(id, t1, y3, y3);
    pt_add(id, y3, t1, y3);
    pt_add(id, t1, t0, t0);       /* 25 */
    pt_add(id, t0, t1, t0);
    pt_sub(id, t0, t0, t2);
    pt_mul(id, t1, t4, y3);
    pt_mul(id, t2, t0, y3);
    pt_mul(id, y3, x3, z3);       /* 30 */
    pt_add(id, y3, y3, t2);
    pt_mul(id, x3, t3, x3);
    pt_sub(id, x3, x3, t1);
    pt_mul(id, z3, t4, z3);
    pt_mul(id, t1, t3, t0);       /* 35 */
    pt_add(id, z3, z3, t1);
    pt_copy(id, r->x, x3);
    pt_copy(id, r->y, y3);
    pt_copy(id, r->z, z3);
}

EC_INLINE void point_double(ec_modulus_id id, const ec_limb *b, ec_point *r, const ec_point *a)
{
    ec_fe t0, t1, t2, t3, x3, y3, z3;
    pt_sqr(id, t0, a->x);         /* 1 */
    pt_sqr(id, t1, a->y);
    pt_sqr(id, t2, a->z);
    pt_mul(id, t3, a->x, a->y);
    pt_add(id, t3, t3, t3);       /* 5 */
    pt_mul(id, z3, a->x, a->z);
    pt_add(id, z3, z3, z3);
    pt_mul(id, y3, b, t2);
    pt_sub(id, y3, y3, z3);
    pt_add(id, x3, y3, y3);       /* 10 */
    pt_add(id, y3, x3, y3);
    pt_sub(id, x3, t1, y3);
    pt_add(id, y3, t1, y3);
    pt_mul(id, y3, x3, y3);
    pt_mul(id, x3, x3, t3);       /* 15 */
    pt_add(id, t3, t2, t2);
    pt_add(id, t2, t2, t3);
    pt_mul(id, z3, b, z3);
    pt_sub(id, z3, z3, t2);
    pt_sub(id, z3, z3, t0);       /* 20 */
    pt_add(id, t3, z3, z3);
    pt_add(id, z3, z3, t3);
    pt_add(id, t3, t0, t0);
    pt_add(id, t0, t3, t0);
    pt_sub(id, t0, t0, t2);       /* 25 */
    pt_mul(id, t0, t0, z3);
    pt_add(id, y3, y3, t0);
    pt_mul(id, t0, a->y, a->z);
    pt_add(id, t0, t0, t0);
    pt_mul(id, z3, t0, z3);       /* 30 */
    pt_sub(id, x3, x3, z3);
    pt_mul(id, z3, t0, t1);
    pt_add(id, z3, z3, z3);
    pt_add(id, z3, z3, z3);
    pt_copy(id, r->x, x3);
    pt_copy(id, r->y, y3);
    pt_copy(id, r->z, z3);
}

/* Each curve gets its own inlined copy of the formulas, with its prime
 * folded into the field arithmetic. */
void ec_point_add(const ec_curve *c, ec_point *r, const ec_point *a, const ec_point *b)
{
    if (c->id == TLS13_CURVE_P256)
        point_add(EC_MOD_P256_P, c->b, r, a, b);
    else
        point_add(EC_MOD_P384_P, c->b, r, a, b);
}

void ec_point_add_affine(const ec_curve *c, ec_point *r, const ec_point *a, const ec_affine *b)
{
    if (c->id == TLS13_CURVE_P256)
        point_add_affine(EC_MOD_P256_P, c->b, r, a, b);
    else
        point_add_affine(EC_MOD_P384_P, c->b, r, a, b);
}

void ec_point_double(const ec_curve *c, ec_point *r, const ec_point *a)
{
    if (c->id == TLS13_CURVE_P256)
        point_double(EC_MOD_P256_P, c->b, r, a);
    else
        point_double(EC_MOD_P384_P, c->b, r, a);
}

void ec_point_neg(const ec_curve *c, ec_point *r, const ec_point *a)
{
    ec_fe_copy(c->p, r->x, a->x);
    ec_fe_neg(c->p, r->y, a->y);
    ec_fe_copy(c->p, r->z, a->z);
}

void ec_point_cmov(const ec_curve *c, ec_point *r, const ec_point *a, ec_limb mask)
{
    ec_fe_cmov(c->p, r->x, a->x, mask);
    ec_fe_cmov(c->p, r->y, a->y, mask);
    ec_fe_cmov(c->p, r->z, a->z, mask);
}

ec_limb ec_point_is_infinity(const ec_curve *c, const ec_point *a)
{
    return ec_fe_is_zero(c->p, a->z);
}

int ec_point_to_affine(const ec_curve *c, ec_limb *x, ec_limb *y, const ec_point *a)
{
    const ec_field *f = c->p;
    ec_fe zinv;
    ec_limb inf = ec_point_is_infinity(c, a);
    ec_fe_inv(f, zinv, a->z);
    ec_fe_mul(f, x, a->x, zinv);
    ec_fe_mul(f, y, a->y, zinv);
    ec_fe_from_mont(f, x, x);
    ec_fe_from_mont(f, y, y);
    tls13_wipe(zinv, sizeof(zinv));
    return inf ? TLS13_ERR_BAD_KEY : TLS13_OK;
}

int ec_point_encode(const ec_curve *c, uint8_t *out, const ec_point *a)
{
    ec_fe x, y;
    int rc = ec_point_to_affine(c, x, y, a);
    out[0] = 0x04;
    ec_fe_to_bytes(c->p, out + 1, x);
    ec_fe_to_bytes(c->p, out + 1 + c->nbytes, y);
    tls13_wipe(x, sizeof(x));
    tls13_wipe(y, sizeof(y));
    return rc;
}

int ec_point_decode(const ec_curve *c, ec_point *r, const uint8_t *in, size_t len)
{
    const ec_field *f = c->p;
    ec_fe lhs, rhs, t;
    if (len != 1 + 2 * c->nbytes || in[0] != 0x04)
        return TLS13_ERR_BAD_KEY;
    ec_fe_from_bytes(f, r->x, in + 1);
    ec_fe_from_bytes(f, r->y, in + 1 + c->nbytes);
    if (!ec_fe_lt_modulus(f, r->x) || !ec_fe_lt_modulus(f, r->y))
        return TLS13_ERR_BAD_KEY;
    ec_fe_to_mont(f, r->x, r->x);
    ec_fe_to_mont(f, r->y, r->y);
    ec_fe_copy(f, r->z, f->one);
    /* y^2 == x^3 - 3x + b */
    ec_fe_sqr(f, lhs, r->y);
    ec_fe_sqr(f, rhs, r->x);
    ec_fe_mul(f, rhs, rhs, r->x);
    ec_fe_add(f, t, r->x, r->x);
    ec_fe_add(f, t, t, r->x);
    ec_fe_sub(f, rhs, rhs, t);
    ec_fe_add(f, rhs, rhs, c->b);
    return ec_fe_equal(f, lhs, rhs) ? TLS13_OK : TLS13_ERR_BAD_KEY;
}
