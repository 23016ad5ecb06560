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
#define pt_sub_half fe_sub_half_id
#define pt_sqr_sub_sub fe_sqr_sub_sub_id
#define pt_mul_sub fe_mul_sub_id
#define pt_triple_sum_diff fe_triple_sum_diff_id
#define pt_sub_mul_sub_half fe_sub_mul_sub_half_id
#else
#define pt_mul(id, r, a, b) ec_fe_mul(field_of(id), r, a, b)
#define pt_sqr(id, r, a) ec_fe_sqr(field_of(id), r, a)
#define pt_add(id, r, a, b) ec_fe_add(field_of(id), r, a, b)
#define pt_sub(id, r, a, b) ec_fe_sub(field_of(id), r, a, b)
#define pt_sub_half(id, r, a, b) ec_fe_sub_half(field_of(id), r, a, b)
#define pt_sqr_sub_sub(id, r, a, b, c) ec_fe_sqr_sub_sub(field_of(id), r, a, b, c)
#define pt_mul_sub(id, r, a, b, c) ec_fe_mul_sub(field_of(id), r, a, b, c)
#define pt_triple_sum_diff(id, r, a, b) ec_fe_triple_sum_diff(field_of(id), r, a, b)
#define pt_sub_mul_sub_half(id, r, a, b, c, d) ec_fe_sub_mul_sub_half(field_of(id), r, a, b, c, d)
#endif

static const ec_field *field_of(ec_path id)
{
    return (id & ~EC_X86) == EC_MOD_P256_P ? &ec_p256_p : &ec_p384_p;
}

EC_INLINE void pt_copy(ec_path id, ec_limb *r, const ec_limb *a)
{
    size_t n = ec_path_limbs(id);
    for (size_t j = 0; j < n; j++)
        r[j] = a[j];
}

/* The outputs are written only at the end, so they may alias an input
 * (not each other). */

/* Doubling for a = -3 (Cohen, Miyaji, Ono, "Efficient elliptic curve
 * exponentiation using mixed coordinates", ASIACRYPT 1998; dbl-2001-b of
 * the Explicit-Formulas Database), written with Y' = 2 Y1 to drop the
 * factors 4 and 8:
 *   delta = Z1^2, gamma = Y'^2 (= 4 Y1^2), beta = X1 gamma (= 4 X1 Y1^2),
 *   alpha = 3 (X1 - delta)(X1 + delta)   [= 3 X1^2 + a Z1^4],
 *   X3 = alpha^2 - 2 beta, Z3 = Y' Z1 (= 2 Y1 Z1),
 *   Y3 = alpha (beta - X3) - gamma^2 / 2   [gamma^2 / 2 = 8 Y1^4].
 * 4M + 4S and ten additions, subtractions or halvings, most of them fused
 * into the products they follow.
 *
 * With a_same_z non-NULL it also receives a rescaled to Z3 (Meloni's DBLU,
 * "New point addition formulae for ECC applications", WAIFI 2007):
 * lambda = Z3 / Z1 = Y', so a = (X1 lambda^2, Y1 lambda^3, Z3) = (beta,
 * gamma^2 / 2, Z3), for one more halving. */
EC_INLINE void point_double_co_z(ec_path id, ec_point *r, ec_point *a_same_z, const ec_point *a)
{
    ec_fe y2, delta, gamma, beta, alpha, x3, y3, z3;
    /* in an order that puts an independent operation after each one whose
     * result the next needs (measured: about 2% faster than the order of
     * the formulas) */
    pt_sqr(id, delta, a->z);
    pt_add(id, y2, a->y, a->y);
    pt_sqr(id, gamma, y2);
    pt_triple_sum_diff(id, alpha, a->x, delta);
    pt_mul(id, beta, a->x, gamma);
    pt_sqr(id, gamma, gamma);
    pt_sqr_sub_sub(id, x3, alpha, beta, beta);
    pt_mul(id, z3, y2, a->z);
    pt_sub_mul_sub_half(id, y3, beta, x3, alpha, gamma);
    if (a_same_z) {
        pt_copy(id, a_same_z->x, beta);
        pt_sub_half(id, a_same_z->y, gamma, gamma); /* gamma - gamma / 2 */
        pt_copy(id, a_same_z->z, z3);
    }
    pt_copy(id, r->x, x3);
    pt_copy(id, r->y, y3);
    pt_copy(id, r->z, z3);
}

EC_INLINE void point_double(ec_path id, ec_point *r, const ec_point *a)
{
    point_double_co_z(id, r, NULL, a);
}

/* Co-Z addition (Meloni 2007, ZADDU): for a and b with the same Z, neither
 * infinity and a != +-b, r = a + b and a_same_z = a rescaled to r's Z
 * (5M + 2S). With H = X1 - X2, C = H^2, W1 = X1 C, W2 = X2 C and
 * A1 = Y1 (W1 - W2) = Y1 H^3:
 *   X3 = (Y1 - Y2)^2 - W1 - W2, Y3 = (Y1 - Y2)(W1 - X3) - A1, Z3 = Z H,
 *   a = (W1, A1, Z3).
 * The same sum as add_finish with H and R negated, which the Jacobian
 * scaling by -1 absorbs. */
EC_INLINE void point_add_co_z(ec_path id, ec_point *r, ec_point *a_same_z, const ec_point *a, const ec_point *b)
{
    ec_fe h, c, w1, w2, dy, a1, t, x3, y3, z3;
    pt_sub(id, h, a->x, b->x);
    pt_sub(id, dy, a->y, b->y);
    pt_sqr(id, c, h);
    pt_mul(id, z3, a->z, h);
    pt_mul(id, w1, a->x, c);
    pt_mul(id, w2, b->x, c);
    pt_sub(id, t, w1, w2);
    pt_sqr_sub_sub(id, x3, dy, w1, w2);
    pt_mul(id, a1, a->y, t);
    pt_sub(id, t, w1, x3);
    pt_mul_sub(id, y3, dy, t, a1);
    pt_copy(id, a_same_z->x, w1);
    pt_copy(id, a_same_z->y, a1);
    pt_copy(id, a_same_z->z, z3);
    pt_copy(id, r->x, x3);
    pt_copy(id, r->y, y3);
    pt_copy(id, r->z, z3);
}

/* The common end of both additions (add-1998-cmo-2 in the Explicit-Formulas
 * Database; Cohen, Miyaji, Ono 1998): with U1 = X1 Z2^2, S1 = Y1 Z2^3, U2 =
 * X2 Z1^2, S2 = Y2 Z1^3 and z = Z1 Z2,
 *   H = U2 - U1, R = S2 - S1,
 *   X3 = R^2 - H^3 - 2 U1 H^2, Y3 = R (U1 H^2 - X3) - S1 H^3, Z3 = z H.
 * H = 0 means the inputs have the same x: for P + (-P) (R != 0) the result
 * has Z3 = 0, infinity, as it should; for P + P (R = 0) it is (0:0:0), and
 * the returned mask says so. */
EC_INLINE ec_limb add_finish(ec_path id, ec_point *r, const ec_limb *u1, const ec_limb *s1, const ec_limb *u2,
                             const ec_limb *s2, const ec_limb *z)
{
    ec_fe h, rr, hh, hhh, hhhs1, v, x3, y3, z3;
    ec_limb same;
    /* ordered as in the doubling: an independent operation after each one
     * whose result the next needs */
    pt_sub(id, h, u2, u1);
    pt_sqr(id, hh, h);
    pt_sub(id, rr, s2, s1);
    pt_mul(id, hhh, hh, h);
    pt_mul(id, v, u1, hh);
    pt_sqr_sub_sub(id, x3, rr, hhh, v);
    pt_mul(id, hhhs1, hhh, s1);
    pt_sub(id, x3, x3, v);
    pt_mul(id, z3, z, h);
    pt_sub(id, y3, v, x3);
    pt_mul_sub(id, y3, y3, rr, hhhs1);
    same = ec_fe_is_zero(field_of(id), h) & ec_fe_is_zero(field_of(id), rr);
    pt_copy(id, r->x, x3);
    pt_copy(id, r->y, y3);
    pt_copy(id, r->z, z3);
    return same;
}

EC_INLINE ec_limb point_add(ec_path id, ec_point *r, const ec_point *a, const ec_point *b)
{
    ec_fe z1z1, z2z2, u1, u2, s1, s2, z;
    pt_sqr(id, z1z1, a->z);
    pt_sqr(id, z2z2, b->z);
    pt_mul(id, u1, a->x, z2z2);
    pt_mul(id, u2, b->x, z1z1);
    pt_mul(id, s1, b->z, z2z2);
    pt_mul(id, s1, s1, a->y);
    pt_mul(id, s2, a->z, z1z1);
    pt_mul(id, s2, s2, b->y);
    pt_mul(id, z, a->z, b->z);
    return add_finish(id, r, u1, s1, u2, s2, z);
}

/* Z2 = 1: U1 = X1, S1 = Y1, z = Z1. */
EC_INLINE ec_limb point_add_affine(ec_path id, ec_point *r, const ec_point *a, const ec_affine *b)
{
    ec_fe z1z1, u2, s2;
    pt_sqr(id, z1z1, a->z);
    pt_mul(id, u2, b->x, z1z1);
    pt_mul(id, s2, a->z, z1z1);
    pt_mul(id, s2, s2, b->y);
    return add_finish(id, r, a->x, a->y, u2, s2, a->z);
}

/*
 * The complete addition for a = -3 of Renes, Costello and Batina, "Complete
 * addition formulas for prime order elliptic curves" (EUROCRYPT 2016),
 * algorithm 4, in projective coordinates (add-2015-rcb-3 of the
 * Explicit-Formulas Database): on a curve of odd order it gives a + b for
 * every pair of points, infinity (0:Y:0) and a == b included, with no
 * case distinction (the paper's Theorem 1). 12M and two multiplications by
 * the curve's b. With z2 NULL, b is the affine point (x2, y2) (Z2 = 1,
 * algorithm 5: Z1 Z2, Y1 Z2 + Y2 Z1 and X1 Z2 + X2 Z1 without their
 * products, 11M); that form has no way to say infinity for b.
 */
EC_INLINE void proj_add(ec_path id, ec_proj *r, const ec_proj *a, const ec_limb *x2, const ec_limb *y2,
                        const ec_limb *z2, const ec_limb *curve_b)
{
    ec_fe t0, t1, t2, d, e, f, ng, ng3, bp, bm, c3, h, h3, ni, s, u, w, x3, y3, z3;
    /* In the algorithm's own terms, with A = X1 X2, B = Y1 Y2, C = Z1 Z2,
     * D = X1 Y2 + X2 Y1, E = Y1 Z2 + Y2 Z1, F = X1 Z2 + X2 Z1,
     * G = F - b C, H = b F - 3C - A and I = 3A - 3C:
     *   X3 = D (B + 3G) - 3 E H, Y3 = (B + 3G)(B - 3G) + 3 I H,
     *   Z3 = E (B - 3G) + D I,
     * and D, E, F each as one product less two (Karatsuba). Written with
     * -G and -I so that every product that is followed by a sum or a
     * difference is one fused operation, a b - c. */
    pt_mul(id, t0, a->x, x2);
    pt_mul(id, t1, a->y, y2);
    pt_add(id, s, a->x, a->y);
    pt_add(id, u, x2, y2);
    pt_add(id, w, t0, t1);
    pt_mul_sub(id, d, s, u, w);
    if (z2) {
        pt_mul(id, t2, a->z, z2);
        pt_add(id, s, a->y, a->z);
        pt_add(id, u, y2, z2);
        pt_add(id, w, t1, t2);
        pt_mul_sub(id, e, s, u, w);
        pt_add(id, s, a->x, a->z);
        pt_add(id, u, x2, z2);
        pt_add(id, w, t0, t2);
        pt_mul_sub(id, f, s, u, w);
    } else {
        pt_copy(id, t2, a->z);
        pt_mul(id, e, y2, a->z);
        pt_add(id, e, e, a->y);
        pt_mul(id, f, x2, a->z);
        pt_add(id, f, f, a->x);
    }
    pt_mul_sub(id, ng, curve_b, t2, f); /* -G */
    pt_add(id, s, ng, ng);
    pt_add(id, ng3, s, ng);
    pt_sub(id, bp, t1, ng3); /* B + 3G */
    pt_add(id, bm, t1, ng3); /* B - 3G */
    pt_add(id, s, t2, t2);
    pt_add(id, c3, s, t2);
    pt_add(id, w, c3, t0);
    pt_mul_sub(id, h, curve_b, f, w); /* H */
    pt_add(id, s, h, h);
    pt_add(id, h3, s, h);
    pt_add(id, s, t0, t0);
    pt_add(id, s, s, t0);
    pt_sub(id, ni, c3, s); /* -I */
    pt_mul(id, s, e, h3);
    pt_mul_sub(id, x3, d, bp, s);
    pt_mul(id, s, ni, h3);
    pt_mul_sub(id, y3, bp, bm, s);
    pt_mul(id, s, d, ni);
    pt_mul_sub(id, z3, e, bm, s);
    pt_copy(id, r->x, x3);
    pt_copy(id, r->y, y3);
    pt_copy(id, r->z, z3);
}

/* Jacobian (X:Y:Z) is projective (X Z : Y : Z^3): x = X Z / Z^3 = X / Z^2
 * and y = Y / Z^3. Infinity (X:Y:0), Y != 0, becomes (0:Y:0). */
EC_INLINE void jacobian_to_proj(ec_path id, ec_proj *r, const ec_point *a)
{
    ec_fe zz, x, z;
    pt_sqr(id, zz, a->z);
    pt_mul(id, x, a->x, a->z);
    pt_mul(id, z, zz, a->z);
    pt_copy(id, r->x, x);
    pt_copy(id, r->y, a->y);
    pt_copy(id, r->z, z);
}

/* Projective (X:Y:Z) is Jacobian (X Z : Y Z^2 : Z): x = X Z / Z^2 and
 * y = Y Z^2 / Z^3. That maps infinity (0:Y:0) to (0:0:0), which the
 * formulas would keep at (0:0:0), so Y becomes 1 there. */
EC_INLINE void proj_to_jacobian(ec_path id, ec_point *r, const ec_proj *a)
{
    const ec_field *f = field_of(id);
    ec_fe zz, x, y;
    pt_sqr(id, zz, a->z);
    pt_mul(id, x, a->x, a->z);
    pt_mul(id, y, a->y, zz);
    ec_fe_cmov(f, y, f->one, ec_fe_is_zero(f, a->z));
    pt_copy(id, r->x, x);
    pt_copy(id, r->y, y);
    pt_copy(id, r->z, a->z);
}

/* r = 2a for a projective, in Jacobian coordinates: point_double on a's
 * Jacobian form (X Z : Y Z^2 : Z), with the powers of Z that form brings
 * in cancelled by Jacobian scaling (by Z^2): 6M + 3S, where converting
 * first (2M + 1S) and doubling (4M + 4S) would take 6M + 5S.
 *   gamma = (2Y)^2, alpha = 3 (X - Z)(X + Z), beta = X Z gamma,
 *   X3 = alpha^2 - 2 beta, Z3 = 2Y Z,
 *   Y3 = alpha (beta - X3) - (Z gamma)^2 / 2.
 * Infinity (0:Y:0) would come out as (0:0:0), so Y3 becomes 1 there. */
EC_INLINE void proj_double_to_jacobian(ec_path id, ec_point *r, const ec_proj *a)
{
    const ec_field *f = field_of(id);
    ec_fe y2, gamma, alpha, xz, beta, zg, x3, y3, z3;
    pt_add(id, y2, a->y, a->y);
    pt_sqr(id, gamma, y2);
    pt_triple_sum_diff(id, alpha, a->x, a->z);
    pt_mul(id, xz, a->x, a->z);
    pt_mul(id, beta, xz, gamma);
    pt_mul(id, zg, a->z, gamma);
    pt_sqr(id, zg, zg);
    pt_sqr_sub_sub(id, x3, alpha, beta, beta);
    pt_mul(id, z3, y2, a->z);
    pt_sub_mul_sub_half(id, y3, beta, x3, alpha, zg);
    ec_fe_cmov(f, y3, f->one, ec_fe_is_zero(f, a->z));
    pt_copy(id, r->x, x3);
    pt_copy(id, r->y, y3);
    pt_copy(id, r->z, z3);
}

/* r = a + b for a Jacobian and b projective, r projective: the
 * variable-base loop doubles in Jacobian coordinates (complete for these
 * curves) and adds with the complete formula. */
EC_INLINE void point_add_complete(ec_path id, ec_proj *r, const ec_point *a, const ec_proj *b,
                                  const ec_limb *curve_b)
{
    ec_proj pa;
    jacobian_to_proj(id, &pa, a);
    proj_add(id, r, &pa, b->x, b->y, b->z, curve_b);
}

/* Each curve and field path (ec_field_impl.h) gets its own copy of the
 * formulas, with its prime folded into the field arithmetic and no path
 * check inside: choosing the path per field operation measured 2% of a
 * P-256 ECDH. */
#define FORMULAS_FOR(path, sfx)                                                                        \
    static void point_double_##sfx(ec_point *r, const ec_point *a)                                    \
    {                                                                                                  \
        point_double(path, r, a);                                                                      \
    }                                                                                                  \
    static ec_limb point_add_##sfx(ec_point *r, const ec_point *a, const ec_point *b)                 \
    {                                                                                                  \
        return point_add(path, r, a, b);                                                               \
    }                                                                                                  \
    static ec_limb point_add_affine_##sfx(ec_point *r, const ec_point *a, const ec_affine *b)         \
    {                                                                                                  \
        return point_add_affine(path, r, a, b);                                                        \
    }                                                                                                  \
    static void point_double_co_z_##sfx(ec_point *r, ec_point *a_same_z, const ec_point *a)           \
    {                                                                                                  \
        point_double_co_z(path, r, a_same_z, a);                                                       \
    }                                                                                                  \
    static void point_add_co_z_##sfx(ec_point *r, ec_point *a_same_z, const ec_point *a,              \
                                     const ec_point *b)                                                \
    {                                                                                                  \
        point_add_co_z(path, r, a_same_z, a, b);                                                       \
    }                                                                                                  \
    static void proj_double_##sfx(ec_point *r, const ec_proj *a)                                      \
    {                                                                                                  \
        proj_double_to_jacobian(path, r, a);                                                           \
    }                                                                                                  \
    static void point_add_complete_##sfx(ec_proj *r, const ec_point *a, const ec_proj *b,             \
                                         const ec_limb *curve_b)                                       \
    {                                                                                                  \
        point_add_complete(path, r, a, b, curve_b);                                                    \
    }                                                                                                  \
    static void proj_add_affine_##sfx(ec_proj *r, const ec_proj *a, const ec_affine *b,               \
                                      const ec_limb *curve_b)                                          \
    {                                                                                                  \
        proj_add(path, r, a, b->x, b->y, NULL, curve_b);                                               \
    }                                                                                                  \
    static const ec_point_ops ops_##sfx = { point_double_##sfx,      point_add_##sfx,                \
                                            point_add_affine_##sfx,  point_double_co_z_##sfx,        \
                                            point_add_co_z_##sfx,    proj_double_##sfx,              \
                                            point_add_complete_##sfx, proj_add_affine_##sfx };
FORMULAS_FOR(EC_MOD_P256_P, p256)
FORMULAS_FOR(EC_MOD_P384_P, p384)
#ifdef EC_FIELD_X86
FORMULAS_FOR((EC_MOD_P256_P | EC_X86), p256_x86)
FORMULAS_FOR((EC_MOD_P384_P | EC_X86), p384_x86)
#endif

const ec_point_ops *ec_point_ops_for(const ec_curve *c)
{
    switch (ec_field_path(c->p)) {
#ifdef EC_FIELD_X86
    case EC_MOD_P256_P | EC_X86: return &ops_p256_x86;
    case EC_MOD_P384_P | EC_X86: return &ops_p384_x86;
#endif
    case EC_MOD_P256_P: return &ops_p256;
    default: return &ops_p384;
    }
}

void ec_point_double(const ec_curve *c, ec_point *r, const ec_point *a)
{
    ec_point_ops_for(c)->dbl(r, a);
}

ec_limb ec_point_add(const ec_curve *c, ec_point *r, const ec_point *a, const ec_point *b)
{
    return ec_point_ops_for(c)->add(r, a, b);
}

ec_limb ec_point_add_affine(const ec_curve *c, ec_point *r, const ec_point *a, const ec_affine *b)
{
    return ec_point_ops_for(c)->add_affine(r, a, b);
}

void ec_point_add_public(const ec_curve *c, ec_point *r, const ec_point *a, const ec_point *b)
{
    ec_point t;
    if (ec_point_is_infinity(c, a))
        *r = *b;
    else if (ec_point_is_infinity(c, b))
        *r = *a;
    else if (ec_point_add(c, &t, a, b))
        ec_point_double(c, r, a);
    else
        *r = t;
}

void ec_point_add_affine_public(const ec_curve *c, ec_point *r, const ec_point *a, const ec_affine *b)
{
    ec_point t;
    if (ec_point_is_infinity(c, a))
        ec_point_from_affine(c, r, b);
    else if (ec_point_add_affine(c, &t, a, b))
        ec_point_double(c, r, a);
    else
        *r = t;
}

void ec_point_neg(const ec_curve *c, ec_point *r, const ec_point *a)
{
    ec_fe_copy(c->p, r->x, a->x);
    ec_fe_neg(c->p, r->y, a->y);
    ec_fe_copy(c->p, r->z, a->z);
}

ec_limb ec_point_is_infinity(const ec_curve *c, const ec_point *a)
{
    return ec_fe_is_zero(c->p, a->z);
}

void ec_point_to_proj(const ec_curve *c, ec_proj *r, const ec_point *a)
{
    jacobian_to_proj(ec_field_path(c->p), r, a);
}

void ec_proj_to_point(const ec_curve *c, ec_point *r, const ec_proj *a)
{
    proj_to_jacobian(ec_field_path(c->p), r, a);
}

void ec_point_affine_from_zinv(const ec_curve *c, ec_limb *x, ec_limb *y, const ec_point *a, const ec_limb *zinv)
{
    const ec_field *f = c->p;
    ec_fe zinv2;
    ec_fe_sqr(f, zinv2, zinv);
    ec_fe_mul(f, x, a->x, zinv2);
    ec_fe_mul(f, zinv2, zinv2, zinv);
    ec_fe_mul(f, y, a->y, zinv2);
    tls13_wipe(zinv2, sizeof(zinv2));
}

int ec_point_to_affine(const ec_curve *c, ec_limb *x, ec_limb *y, const ec_point *a)
{
    ec_fe zinv;
    ec_limb inf = ec_point_is_infinity(c, a);
    ec_fe_inv(c->p, zinv, a->z);
    ec_point_affine_from_zinv(c, x, y, a, zinv);
    ec_fe_from_mont(c->p, x, x);
    ec_fe_from_mont(c->p, y, y);
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
