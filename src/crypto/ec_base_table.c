/*
 * The fixed-base tables for k * G (key generation, signing, and the G half of
 * verification). They depend only on the curve, so they are computed once on
 * first use rather than stored as source constants; pthread_once makes that
 * safe when several threads sign at the same time. The result is public.
 *
 * With EC_BASE_BITS = 7: 37 windows of 64 affine points for P-256 (148 KiB)
 * and 55 for P-384 (330 KiB). The first use builds them in about 8-20
 * million cycles (P-256) and 40-50 million (P-384) on the development
 * machine, 2-4 times the 5-bit tables' time.
 */
#include <pthread.h>

#include "ec_point.h"

#define TABLE_LIMBS(bits) (EC_BASE_WINDOWS(bits) * EC_BASE_ENTRIES * 2 * EC_LIMBS(bits))

static ec_limb p256_table[TABLE_LIMBS(256)];
static ec_limb p384_table[TABLE_LIMBS(384)];
static pthread_once_t p256_once = PTHREAD_ONCE_INIT;
static pthread_once_t p384_once = PTHREAD_ONCE_INIT;

/* Window by window: the multiples jB, j = 1 .. EC_BASE_ENTRIES, of
 * B = 2^(EC_BASE_BITS i) G in Jacobian form, then all of them made affine
 * with one inversion (Montgomery's trick: invert the product of the Z's,
 * then peel off each factor). None is infinity, as j 2^(EC_BASE_BITS i) is
 * never a multiple of the odd prime n for j <= EC_BASE_ENTRIES < n, and no
 * addition jB + B (3 <= j + 1 <= EC_BASE_ENTRIES) has equal inputs. */
static void build(const ec_curve *c, ec_limb *out)
{
    const ec_field *f = c->p;
    size_t L = f->nlimbs;
    ec_point mult[EC_BASE_ENTRIES], base;
    ec_fe prefix[EC_BASE_ENTRIES], inv, zinv;

    ec_point_from_affine(c, &base, &c->g);
    for (size_t w = 0; w < EC_BASE_WINDOWS(c->bits); w++) {
        mult[0] = base;
        ec_point_double(c, &mult[1], &base);
        for (size_t j = 2; j < EC_BASE_ENTRIES; j++)
            (void)ec_point_add(c, &mult[j], &mult[j - 1], &base);
        ec_fe_copy(f, prefix[0], mult[0].z);
        for (size_t j = 1; j < EC_BASE_ENTRIES; j++)
            ec_fe_mul(f, prefix[j], prefix[j - 1], mult[j].z);
        ec_fe_inv(f, inv, prefix[EC_BASE_ENTRIES - 1]);
        for (size_t j = EC_BASE_ENTRIES; j-- > 0;) {
            ec_limb *x = out + (w * EC_BASE_ENTRIES + j) * 2 * L;
            if (j > 0) {
                ec_fe_mul(f, zinv, inv, prefix[j - 1]);
                ec_fe_mul(f, inv, inv, mult[j].z);
            } else {
                ec_fe_copy(f, zinv, inv);
            }
            ec_point_affine_from_zinv(c, x, x + L, &mult[j], zinv);
        }
        /* Next window's base: 2^EC_BASE_BITS B = 2 (EC_BASE_ENTRIES B). */
        ec_point_double(c, &base, &mult[EC_BASE_ENTRIES - 1]);
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
