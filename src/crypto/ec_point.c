#include "ec_point.h"

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

/* The formulas below follow the papers' step numbering in order; t0..t4 are
 * its temporaries. The output is written only at the end, so r may alias an
 * input. */

void ec_point_add(const ec_curve *c, ec_point *r, const ec_point *a, const ec_point *b)
{
    const ec_field *f = c->p;
    ec_fe t0, t1, t2, t3, t4, x3, y3, z3;
    ec_fe_mul(f, t0, a->x, b->x);   /* 1 */
    ec_fe_mul(f, t1, a->y, b->y);
    ec_fe_mul(f, t2, a->z, b->z);
    ec_fe_add(f, t3, a->x, a->y);
    ec_fe_add(f, t4, b->x, b->y);   /* 5 */
    ec_fe_mul(f, t3, t3, t4);
    ec_fe_add(f, t4, t0, t1);
    ec_fe_sub(f, t3, t3, t4);
    ec_fe_add(f, t4, a->y, a->z);
    ec_fe_add(f, x3, b->y, b->z);   /* 10 */
    ec_fe_mul(f, t4, t4, x3);
    ec_fe_add(f, x3, t1, t2);
    ec_fe_sub(f, t4, t4, x3);
    ec_fe_add(f, x3, a->x, a->z);
    ec_fe_add(f, y3, b->x, b->z);   /* 15 */
    ec_fe_mul(f, x3, x3, y3);
    ec_fe_add(f, y3, t0, t2);
    ec_fe_sub(f, y3, x3, y3);
    ec_fe_mul(f, z3, c->b, t2);
    ec_fe_sub(f, x3, y3, z3);       /* 20 */
    ec_fe_add(f, z3, x3, x3);
    ec_fe_add(f, x3, x3, z3);
    ec_fe_sub(f, z3, t1, x3);
    ec_fe_add(f, x3, t1, x3);
    ec_fe_mul(f, y3, c->b, y3);     /* 25 */
    ec_fe_add(f, t1, t2, t2);
    ec_fe_add(f, t2, t1, t2);
    ec_fe_sub(f, y3, y3, t2);
    ec_fe_sub(f, y3, y3, t0);
    ec_fe_add(f, t1, y3, y3);       /* 30 */
    ec_fe_add(f, y3, t1, y3);
    ec_fe_add(f, t1, t0, t0);
    ec_fe_add(f, t0, t1, t0);
    ec_fe_sub(f, t0, t0, t2);
    ec_fe_mul(f, t1, t4, y3);       /* 35 */
    ec_fe_mul(f, t2, t0, y3);
    ec_fe_mul(f, y3, x3, z3);
    ec_fe_add(f, y3, y3, t2);
    ec_fe_mul(f, x3, t3, x3);
    ec_fe_sub(f, x3, x3, t1);       /* 40 */
    ec_fe_mul(f, z3, t4, z3);
    ec_fe_mul(f, t1, t3, t0);
    ec_fe_add(f, z3, z3, t1);
    ec_fe_copy(f, r->x, x3);
    ec_fe_copy(f, r->y, y3);
    ec_fe_copy(f, r->z, z3);
}

void ec_point_add_affine(const ec_curve *c, ec_point *r, const ec_point *a, const ec_affine *b)
{
    const ec_field *f = c->p;
    ec_fe t0, t1, t2, t3, t4, x3, y3, z3;
    ec_fe_mul(f, t0, a->x, b->x);   /* 1 */
    ec_fe_mul(f, t1, a->y, b->y);
    ec_fe_add(f, t3, b->x, b->y);
    ec_fe_add(f, t4, a->x, a->y);
    ec_fe_mul(f, t3, t3, t4);       /* 5 */
    ec_fe_add(f, t4, t0, t1);
    ec_fe_sub(f, t3, t3, t4);
    ec_fe_mul(f, t4, b->y, a->z);
    ec_fe_add(f, t4, t4, a->y);
    ec_fe_mul(f, y3, b->x, a->z);   /* 10 */
    ec_fe_add(f, y3, y3, a->x);
    ec_fe_mul(f, z3, c->b, a->z);
    ec_fe_sub(f, x3, y3, z3);
    ec_fe_add(f, z3, x3, x3);
    ec_fe_add(f, x3, x3, z3);       /* 15 */
    ec_fe_sub(f, z3, t1, x3);
    ec_fe_add(f, x3, t1, x3);
    ec_fe_mul(f, y3, c->b, y3);
    ec_fe_add(f, t1, a->z, a->z);
    ec_fe_add(f, t2, t1, a->z);     /* 20 */
    ec_fe_sub(f, y3, y3, t2);
    ec_fe_sub(f, y3, y3, t0);
    ec_fe_add(f, t1, y3, y3);
    ec_fe_add(f, y3, t1, y3);
    ec_fe_add(f, t1, t0, t0);       /* 25 */
    ec_fe_add(f, t0, t1, t0);
    ec_fe_sub(f, t0, t0, t2);
    ec_fe_mul(f, t1, t4, y3);
    ec_fe_mul(f, t2, t0, y3);
    ec_fe_mul(f, y3, x3, z3);       /* 30 */
    ec_fe_add(f, y3, y3, t2);
    ec_fe_mul(f, x3, t3, x3);
    ec_fe_sub(f, x3, x3, t1);
    ec_fe_mul(f, z3, t4, z3);
    ec_fe_mul(f, t1, t3, t0);       /* 35 */
    ec_fe_add(f, z3, z3, t1);
    ec_fe_copy(f, r->x, x3);
    ec_fe_copy(f, r->y, y3);
    ec_fe_copy(f, r->z, z3);
}

void ec_point_double(const ec_curve *c, ec_point *r, const ec_point *a)
{
    const ec_field *f = c->p;
    ec_fe t0, t1, t2, t3, x3, y3, z3;
    ec_fe_sqr(f, t0, a->x);         /* 1 */
    ec_fe_sqr(f, t1, a->y);
    ec_fe_sqr(f, t2, a->z);
    ec_fe_mul(f, t3, a->x, a->y);
    ec_fe_add(f, t3, t3, t3);       /* 5 */
    ec_fe_mul(f, z3, a->x, a->z);
    ec_fe_add(f, z3, z3, z3);
    ec_fe_mul(f, y3, c->b, t2);
    ec_fe_sub(f, y3, y3, z3);
    ec_fe_add(f, x3, y3, y3);       /* 10 */
    ec_fe_add(f, y3, x3, y3);
    ec_fe_sub(f, x3, t1, y3);
    ec_fe_add(f, y3, t1, y3);
    ec_fe_mul(f, y3, x3, y3);
    ec_fe_mul(f, x3, x3, t3);       /* 15 */
    ec_fe_add(f, t3, t2, t2);
    ec_fe_add(f, t2, t2, t3);
    ec_fe_mul(f, z3, c->b, z3);
    ec_fe_sub(f, z3, z3, t2);
    ec_fe_sub(f, z3, z3, t0);       /* 20 */
    ec_fe_add(f, t3, z3, z3);
    ec_fe_add(f, z3, z3, t3);
    ec_fe_add(f, t3, t0, t0);
    ec_fe_add(f, t0, t3, t0);
    ec_fe_sub(f, t0, t0, t2);       /* 25 */
    ec_fe_mul(f, t0, t0, z3);
    ec_fe_add(f, y3, y3, t0);
    ec_fe_mul(f, t0, a->y, a->z);
    ec_fe_add(f, t0, t0, t0);
    ec_fe_mul(f, z3, t0, z3);       /* 30 */
    ec_fe_sub(f, x3, x3, z3);
    ec_fe_mul(f, z3, t0, t1);
    ec_fe_add(f, z3, z3, z3);
    ec_fe_add(f, z3, z3, z3);
    ec_fe_copy(f, r->x, x3);
    ec_fe_copy(f, r->y, y3);
    ec_fe_copy(f, r->z, z3);
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
