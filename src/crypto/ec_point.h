/*
 * Points of the prime-order short Weierstrass curves y^2 = x^3 - 3x + b
 * (P-256, P-384) in projective coordinates (X:Y:Z), x = X/Z, y = Y/Z, with
 * the point at infinity (0:1:0). Additions and doublings use the complete
 * formulas of Renes, Costello and Batina, "Complete addition formulas for
 * prime order elliptic curves" (EUROCRYPT 2016), algorithms 4-6 for a = -3:
 * one code path for every input, including doubling and infinity, so there
 * is no exceptional case to branch on. Coordinates are in Montgomery form.
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
/* r = a + b (RCB algorithm 4); r may alias a or b. */
void ec_point_add(const ec_curve *c, ec_point *r, const ec_point *a, const ec_point *b);
/* r = a + b for an affine b (RCB algorithm 5); b must not be infinity. */
void ec_point_add_affine(const ec_curve *c, ec_point *r, const ec_point *a, const ec_affine *b);
/* r = 2a (RCB algorithm 6). */
void ec_point_double(const ec_curve *c, ec_point *r, const ec_point *a);
/* r = -a. */
void ec_point_neg(const ec_curve *c, ec_point *r, const ec_point *a);
/* r = mask ? a : r. */
void ec_point_cmov(const ec_curve *c, ec_point *r, const ec_point *a, ec_limb mask);
/* All-ones when a is the point at infinity (Z = 0). */
ec_limb ec_point_is_infinity(const ec_curve *c, const ec_point *a);

/* Affine coordinates in plain (not Montgomery) form. TLS13_OK, or
 * TLS13_ERR_BAD_KEY for the point at infinity. Constant time. */
int ec_point_to_affine(const ec_curve *c, ec_limb *x, ec_limb *y, const ec_point *a);
/* SEC 1 section 2.3.3 uncompressed encoding 04||X||Y (1 + 2 * nbytes). */
int ec_point_encode(const ec_curve *c, uint8_t *out, const ec_point *a);
/* SEC 1 section 3.2.2.1 public-key validation of an uncompressed point:
 * length, the 04 prefix, coordinates below p, and the curve equation (the
 * encoding cannot express infinity; the cofactor is 1, so no order check).
 * TLS13_OK or TLS13_ERR_BAD_KEY (compressed points included: unsupported). */
int ec_point_decode(const ec_curve *c, ec_point *r, const uint8_t *in, size_t len);

/* Scalars are plain limbs below n (ec_scalar_from_bytes in ec_scalar.h). */

/* r = k * a, constant time in k and a: fixed 5-bit signed windows with a
 * table of 1a..16a read by a full masked scan. */
void ec_scalar_mul(const ec_curve *c, ec_point *r, const ec_limb *k, const ec_point *a);
/* r = k * G from the precomputed fixed-base tables, constant time in k. */
void ec_scalar_mul_base(const ec_curve *c, ec_point *r, const ec_limb *k);
/* r = u1 * G + u2 * a for public u1, u2, a (ECDSA verification): variable
 * time, direct table indexing and skipped zero digits. */
void ec_double_scalar_mul_public(const ec_curve *c, ec_point *r, const ec_limb *u1, const ec_limb *u2,
                                 const ec_point *a);

/* Fixed-base tables (ec_base_table.c): for window i = 0 .. EC_BASE_WINDOWS-1
 * and j = 1 .. 16, the affine point j * 2^(5i) * G, stored as x then y, each
 * nlimbs limbs, entries consecutive. Built once, on first use (thread-safe). */
#define EC_WINDOW_BITS 5
#define EC_WINDOW_ENTRIES 16
/* Signed 5-bit digits of a scalar below 2^bits need ceil((bits + 1) / 5)
 * windows: the recoding can carry into bit `bits`. */
#define EC_WINDOWS(bits) (((bits) + EC_WINDOW_BITS) / EC_WINDOW_BITS)
const ec_limb *ec_base_table(const ec_curve *c);

#endif
