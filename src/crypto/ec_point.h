/*
 * Points of the prime-order short Weierstrass curves y^2 = x^3 - 3x + b
 * (P-256, P-384) in Jacobian coordinates (X:Y:Z), x = X/Z^2, y = Y/Z^3; the
 * point at infinity is any (X:Y:0). Coordinates are in Montgomery form.
 *
 * Doubling (ec_point_double) is correct for every input: the curves have no
 * point of order 2 (prime order n > 2), so 2P is infinity only for P
 * infinity, and the formula keeps Z = 0 at 0.
 *
 * The scalar multiplications of secret scalars add with the complete
 * formulas of Renes, Costello and Batina (EUROCRYPT 2016), in homogeneous
 * projective coordinates (ec_proj): one formula gives the right sum for
 * every pair of points, equal, opposite or infinity included, so no input
 * needs a case of its own. The Jacobian additions below are not complete:
 * they fail when the two inputs are the same point (they return (0:0:0))
 * or when either is infinity (they return some point with Z = 0); P + (-P)
 * comes out right (Z = 0). Only public inputs reach them, through the
 * _public variants, which branch, and the table builds, whose inputs are
 * never exceptional (ec_base_table.c, ec_scalar_mul.c).
 */
#ifndef TLS13_CRYPTO_EC_POINT_H
#define TLS13_CRYPTO_EC_POINT_H

#include <stddef.h>
#include <stdint.h>

#include "ec.h"
#include "ec_field.h"

typedef struct ec_point {
    ec_fe x, y, z;
} ec_point;

/* Homogeneous projective coordinates (X:Y:Z), x = X/Z, y = Y/Z; infinity
 * is (0:Y:0) with Y != 0. The form of the complete additions. */
typedef struct ec_proj {
    ec_fe x, y, z;
} ec_proj;

/* An affine point (Z = 1), as stored in the fixed-base tables. */
typedef struct ec_affine {
    ec_fe x, y;
} ec_affine;

typedef struct ec_curve {
    tls13_ec_curve id;
    const ec_field *p;   /* the coordinate field */
    const ec_field *n;   /* scalars modulo the group order */
    size_t bits;         /* of p and of n */
    size_t nbytes;       /* scalar and coordinate size */
    ec_fe b;             /* Montgomery form */
    ec_affine g;         /* the base point, Montgomery form */
} ec_curve;

/* NULL for an unknown curve id. */
const ec_curve *ec_curve_get(tls13_ec_curve id);

void ec_point_set_infinity(const ec_curve *c, ec_point *r);
void ec_point_from_affine(const ec_curve *c, ec_point *r, const ec_affine *a);
/* r = 2a, for every a (4M + 4S); r may alias a. */
void ec_point_double(const ec_curve *c, ec_point *r, const ec_point *a);
/* r = a + b (12M + 4S) for a, b not infinity and a != b (see above); r may
 * alias a or b. Returns all-ones when a == b, where r is wrong, else 0: the
 * public variant uses it. */
ec_limb ec_point_add(const ec_curve *c, ec_point *r, const ec_point *a, const ec_point *b);
/* The same with an affine b (8M + 3S). */
ec_limb ec_point_add_affine(const ec_curve *c, ec_point *r, const ec_point *a, const ec_affine *b);
/* r = a + b for any a, b: branches on the inputs, so for public points only. */
void ec_point_add_public(const ec_curve *c, ec_point *r, const ec_point *a, const ec_point *b);
void ec_point_add_affine_public(const ec_curve *c, ec_point *r, const ec_point *a, const ec_affine *b);
/* The doubling and the additions as compiled for one curve and one field
 * path (portable, or BMI2/ADX): a loop that calls them many times takes
 * them from here once instead of choosing the path per call. Outputs may
 * alias inputs unless said otherwise. */
typedef struct ec_point_ops {
    void (*dbl)(ec_point *r, const ec_point *a);
    ec_limb (*add)(ec_point *r, const ec_point *a, const ec_point *b);
    ec_limb (*add_affine)(ec_point *r, const ec_point *a, const ec_affine *b);
    /* Co-Z (Meloni 2007): r = 2a and a_same_z = a with r's Z (4M + 4S);
     * r = a + b for a, b of the same Z, not infinity, a != +-b, and
     * a_same_z = a with r's Z (5M + 2S). a_same_z may alias a, r may
     * alias b. */
    void (*dbl_co_z)(ec_point *r, ec_point *a_same_z, const ec_point *a);
    void (*add_co_z)(ec_point *r, ec_point *a_same_z, const ec_point *a, const ec_point *b);
    /* r = 2a, Jacobian, for every projective a (6M + 3S). */
    void (*dbl_proj)(ec_point *r, const ec_proj *a);
    /* Complete: r = a + b, projective, for every Jacobian a and projective
     * b, through the projective form of a (14M + 2 m_b + 1S, m_b a
     * product by the curve's b); r = a + b for every projective a and
     * every affine point b (11M + 2 m_b). curve_b is b in Montgomery form. */
    void (*add_complete)(ec_proj *r, const ec_point *a, const ec_proj *b, const ec_limb *curve_b);
    void (*add_complete_affine)(ec_proj *r, const ec_proj *a, const ec_affine *b, const ec_limb *curve_b);
} ec_point_ops;
const ec_point_ops *ec_point_ops_for(const ec_curve *c);
/* r = -a. */
void ec_point_neg(const ec_curve *c, ec_point *r, const ec_point *a);
/* All-ones when a is the point at infinity (Z = 0). */
ec_limb ec_point_is_infinity(const ec_curve *c, const ec_point *a);
/* The same point in the other coordinates (2M + 1S); infinity stays
 * infinity. */
void ec_point_to_proj(const ec_curve *c, ec_proj *r, const ec_point *a);
void ec_proj_to_point(const ec_curve *c, ec_point *r, const ec_proj *a);

/* Affine coordinates in plain (not Montgomery) form, with one field
 * inversion. TLS13_OK, or TLS13_ERR_BAD_KEY for the point at infinity.
 * Constant time. */
int ec_point_to_affine(const ec_curve *c, ec_limb *x, ec_limb *y, const ec_point *a);
/* x = X / Z^2, y = Y / Z^3 in Montgomery form, from zinv = Z^-1 (Montgomery
 * form); x and y must not alias a. */
void ec_point_affine_from_zinv(const ec_curve *c, ec_limb *x, ec_limb *y, const ec_point *a, const ec_limb *zinv);
/* SEC 1 section 2.3.3 uncompressed encoding 04||X||Y (1 + 2 * nbytes). */
int ec_point_encode(const ec_curve *c, uint8_t *out, const ec_point *a);
/* SEC 1 section 3.2.2.1 public-key validation of an uncompressed point:
 * length, the 04 prefix, coordinates below p, and the curve equation (the
 * encoding cannot express infinity; the cofactor is 1, so no order check).
 * TLS13_OK or TLS13_ERR_BAD_KEY (compressed points included: unsupported). */
int ec_point_decode(const ec_curve *c, ec_point *r, const uint8_t *in, size_t len);

/* Scalars are plain limbs below n (ec_scalar_from_bytes in ec_scalar.h). */

/* r = k * a for 0 < k < n and a not infinity, constant time in k and a:
 * signed 5-bit windows, a table of 1a..16a read by a full masked scan,
 * complete additions. */
void ec_scalar_mul(const ec_curve *c, ec_point *r, const ec_limb *k, const ec_point *a);
/* r = k * G (0 < k < n) from the precomputed fixed-base tables, constant
 * time in k. */
void ec_scalar_mul_base(const ec_curve *c, ec_point *r, const ec_limb *k);
/* r = u1 * G + u2 * a for public u1, u2 < n and a (ECDSA verification):
 * variable time, direct table indexing, skipped zero digits. */
void ec_double_scalar_mul_public(const ec_curve *c, ec_point *r, const ec_limb *u1, const ec_limb *u2,
                                 const ec_point *a);

/* Fixed-base tables (ec_base_table.c): for window i = 0 .. EC_BASE_WINDOWS-1
 * and j = 1 .. EC_BASE_ENTRIES, the affine point j * 2^(EC_BASE_BITS i) * G,
 * stored as x then y, each nlimbs limbs, entries consecutive. Built once,
 * on first use (thread-safe). */
#define EC_BASE_BITS 7
#define EC_BASE_ENTRIES (1 << (EC_BASE_BITS - 1))
/* Signed w-bit digits (Booth recoding) of a scalar below 2^b need
 * floor(b / w) + 1 windows: the top digit's sign bit (bit w W - 1) must be
 * clear. */
#define EC_BOOTH_WINDOWS(bits, w) ((bits) / (w) + 1)
#define EC_BASE_WINDOWS(bits) EC_BOOTH_WINDOWS(bits, EC_BASE_BITS)
const ec_limb *ec_base_table(const ec_curve *c);

#endif
