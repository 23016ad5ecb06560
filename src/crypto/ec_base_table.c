/*
 * The fixed-base tables for k * G (key generation, signing, and the G half of
 * verification). They depend only on the curve, so they are computed once on
 * first use rather than stored as source constants; pthread_once makes that
 * safe when several threads sign at the same time. The result is public.
 */
#include <pthread.h>

#include "ec_point.h"

#define P256_TABLE_LIMBS (EC_WINDOWS(256) * EC_WINDOW_ENTRIES * 2 * EC_LIMBS(256))
#define P384_TABLE_LIMBS (EC_WINDOWS(384) * EC_WINDOW_ENTRIES * 2 * EC_LIMBS(384))

static ec_limb p256_table[P256_TABLE_LIMBS];
static ec_limb p384_table[P384_TABLE_LIMBS];
static pthread_once_t p256_once = PTHREAD_ONCE_INIT;
static pthread_once_t p384_once = PTHREAD_ONCE_INIT;

/* Window by window: the 16 multiples of B = 2^(5i) G in projective form, then
 * all 16 made affine with one inversion (Montgomery's trick: invert the
 * product of the Z's, then peel off each factor). None is infinity, as
 * j * 2^(5i) is never a multiple of the odd prime n for j <= 16. */
static void build(const ec_curve *c, ec_limb *out)
{
    const ec_field *f = c->p;
    size_t L = f->nlimbs;
    ec_point mult[EC_WINDOW_ENTRIES], base;
    ec_fe prefix[EC_WINDOW_ENTRIES], inv, zinv, t;

    ec_point_from_affine(c, &base, &c->g);
    for (size_t w = 0; w < EC_WINDOWS(c->bits); w++) {
        mult[0] = base;
        for (size_t j = 1; j < EC_WINDOW_ENTRIES; j++)
            ec_point_add(c, &mult[j], &mult[j - 1], &base);
        ec_fe_copy(f, prefix[0], mult[0].z);
        for (size_t j = 1; j < EC_WINDOW_ENTRIES; j++)
            ec_fe_mul(f, prefix[j], prefix[j - 1], mult[j].z);
        ec_fe_inv(f, inv, prefix[EC_WINDOW_ENTRIES - 1]);
        for (size_t j = EC_WINDOW_ENTRIES; j-- > 0;) {
            ec_limb *x = out + (w * EC_WINDOW_ENTRIES + j) * 2 * L;
            if (j > 0) {
                ec_fe_mul(f, zinv, inv, prefix[j - 1]);
                ec_fe_mul(f, inv, inv, mult[j].z);
            } else {
                ec_fe_copy(f, zinv, inv);
            }
            ec_fe_mul(f, t, mult[j].x, zinv);
            ec_fe_copy(f, x, t);
            ec_fe_mul(f, t, mult[j].y, zinv);
            ec_fe_copy(f, x + L, t);
        }
        /* Next window's base: 2^5 B = 2 * (16 B). */
        ec_point_double(c, &base, &mult[EC_WINDOW_ENTRIES - 1]);
    }
}

static void build_p256(void)
{
    build(ec_curve_get(TLS13_CURVE_P256), p256_table);
}

static void build_p384(void)
{
    build(ec_curve_get(TLS13_CURVE_P384), p384_table);
}

const ec_limb *ec_base_table(const ec_curve *c)
{
    if (c->id == TLS13_CURVE_P256) {
        pthread_once(&p256_once, build_p256);
        return p256_table;
    }
    pthread_once(&p384_once, build_p384);
    return p384_table;
}
