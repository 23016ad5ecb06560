/* src/crypto/ec*: P-256 / P-384 field and point arithmetic, public-key
 * validation, ECDH (Wycheproof), key generation. The limb width under test
 * is printed: 64-bit in the default and sanitizer builds, 32-bit in the
 * portable build (-DTLS13_PORTABLE=ON). */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/random.h"
#include "crypto/ec.h"
#include "crypto/ec_point.h"
#include "crypto/ec_scalar.h"
#include "tls13.h"

static const tls13_ec_curve curves[] = { TLS13_CURVE_P256, TLS13_CURVE_P384 };

/* Wycheproof private keys are minimal two's-complement integers: strip the
 * sign byte and left-pad to the scalar size. False if it does not fit. */
static bool fit_scalar(const uint8_t *in, size_t len, uint8_t *out, size_t size)
{
    while (len > 0 && in[0] == 0) {
        in++;
        len--;
    }
    if (len > size)
        return false;
    memset(out, 0, size - len);
    memcpy(out + size - len, in, len);
    return true;
}

static void ecdh_wycheproof(const char *file, tls13_ec_curve curve)
{
    tt_count count = { file, 0, 0, 0 };
    tt_vectors *v = tt_vectors_open(file);
    size_t size = tls13_ec_scalar_size(curve);
    unsigned compressed = 0;
    char ids[512] = "";
    while (tt_vectors_next(v)) {
        size_t pub_len, priv_len, shared_len;
        uint8_t *pub = tt_vectors_hex(v, "public", &pub_len);
        uint8_t *priv = tt_vectors_hex(v, "private", &priv_len);
        uint8_t *shared = tt_vectors_hex(v, "shared", &shared_len);
        const char *result = tt_vectors_get(v, "result");
        uint8_t d[TLS13_EC_MAX_SCALAR], out[TLS13_EC_MAX_SCALAR];
        bool ok = false;
        int rc;
        count.run++;
        assert_true(fit_scalar(priv, priv_len, d, size));
        rc = tls13_ecdh(curve, d, pub, pub_len, out);
        if (strcmp(result, "valid") == 0)
            ok = rc == TLS13_OK && shared_len == size && memcmp(out, shared, size) == 0;
        else
            ok = rc == TLS13_ERR_BAD_KEY; /* invalid, and acceptable: strict */
        if (pub_len > 0 && (pub[0] == 0x02 || pub[0] == 0x03) && rc == TLS13_ERR_BAD_KEY) {
            /* Compressed points (SEC 1 section 2.3.3) are not supported. */
            compressed++;
            snprintf(ids + strlen(ids), sizeof(ids) - strlen(ids), " %s(%s)", tt_vectors_get(v, "tcId"), result);
        }
        if (ok)
            count.passed++;
        else
            printf("%s line %d: tcId %s result %s rc %d\n", file, tt_vectors_line(v), tt_vectors_get(v, "tcId"),
                   result, rc);
        free(pub);
        free(priv);
        free(shared);
    }
    tt_vectors_close(v);
    printf("%s: %u compressed points rejected as unsupported, tcId:%s\n", file, compressed, ids);
    tt_count_report(&count);
}

static void ecdh_p256_wycheproof(void **state)
{
    (void)state;
    printf("limb width: %d bits\n", EC_LIMB_BITS);
    ecdh_wycheproof("wycheproof/ecdh_secp256r1_ecpoint_test.tsv", TLS13_CURVE_P256);
}

static void ecdh_p384_wycheproof(void **state)
{
    (void)state;
    ecdh_wycheproof("wycheproof/ecdh_secp384r1_ecpoint_test.tsv", TLS13_CURVE_P384);
}

/* Affine equality of two Jacobian points (both not infinity). */
static bool same_point(const ec_curve *c, const ec_point *a, const ec_point *b)
{
    uint8_t ea[TLS13_EC_MAX_POINT], eb[TLS13_EC_MAX_POINT];
    if (ec_point_encode(c, ea, a) != TLS13_OK || ec_point_encode(c, eb, b) != TLS13_OK)
        return false;
    return memcmp(ea, eb, 1 + 2 * c->nbytes) == 0;
}

/* Jacobian r against projective want, through ec_proj_to_point. */
static bool same_as_proj(const ec_curve *c, const ec_point *r, const ec_proj *want)
{
    ec_point w;
    ec_proj_to_point(c, &w, want);
    return same_point(c, r, &w);
}

/* The cases the Jacobian additions do not cover: P + P is flagged by the
 * mask (and the _public variants double), P + (-P) is infinity, infinity
 * inputs are taken care of by the _public variants; doubling is right for
 * infinity too. */
static void point_formulas_exceptional(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        ec_point g, g2, g2b, g3, g3b, g6, inf, t, neg;
        ec_point_from_affine(c, &g, &c->g);
        ec_point_set_infinity(c, &inf);
        ec_point_double(c, &g2, &g);
        assert_true(ec_point_add(c, &t, &g, &g) != 0);
        assert_true(ec_point_add_affine(c, &t, &g, &c->g) != 0);
        ec_point_add_public(c, &g2b, &g, &g);
        assert_true(same_point(c, &g2, &g2b));
        ec_point_add_affine_public(c, &g2b, &g, &c->g);
        assert_true(same_point(c, &g2, &g2b));
        /* 3G three ways (G + 2G's Z differs from 2G + G's in sign), and
         * 6G = 2(3G) = 3G + 3G = (2G + 2G) + 2G */
        assert_true(ec_point_add(c, &g3, &g2, &g) == 0);
        assert_true(ec_point_add_affine(c, &g3b, &g2, &c->g) == 0);
        assert_true(same_point(c, &g3, &g3b));
        assert_true(ec_point_add(c, &g3b, &g, &g2) == 0);
        assert_true(same_point(c, &g3, &g3b));
        assert_memory_not_equal(g3.z, g3b.z, c->p->nlimbs * sizeof(ec_limb));
        ec_point_double(c, &g6, &g3);
        ec_point_add_public(c, &t, &g3, &g3b); /* same point, different Z */
        assert_true(same_point(c, &g6, &t));
        ec_point_add_public(c, &g3b, &g2, &g2);
        assert_true(ec_point_add(c, &g3b, &g3b, &g2) == 0);
        assert_true(same_point(c, &g6, &g3b));
        /* co-Z: 2(3G) with 3G moved to its Z, then 3G + 6G on that Z */
        {
            const ec_point_ops *ops = ec_point_ops_for(c);
            ec_point base, sum, g9;
            ops->dbl_co_z(&t, &base, &g3);
            assert_true(same_point(c, &t, &g6));
            assert_true(same_point(c, &base, &g3));
            assert_memory_equal(base.z, t.z, c->p->nlimbs * sizeof(ec_limb));
            ops->add_co_z(&sum, &base, &base, &t);
            assert_true(ec_point_add(c, &g9, &g6, &g3) == 0);
            assert_true(same_point(c, &sum, &g9));
            assert_true(same_point(c, &base, &g3));
            assert_memory_equal(base.z, sum.z, c->p->nlimbs * sizeof(ec_limb));
            assert_memory_not_equal(base.z, t.z, c->p->nlimbs * sizeof(ec_limb));
        }
        assert_true(ec_point_add(c, &t, &g3, &g3) != 0);
        ec_point_add_public(c, &t, &g, &inf);
        assert_true(same_point(c, &t, &g));
        ec_point_add_public(c, &t, &inf, &g);
        assert_true(same_point(c, &t, &g));
        ec_point_add_affine_public(c, &t, &inf, &c->g);
        assert_true(same_point(c, &t, &g));
        ec_point_neg(c, &neg, &g3);
        assert_true(ec_point_add(c, &t, &g6, &neg) == 0); /* 6G - 3G */
        assert_true(same_point(c, &t, &g3));
        assert_true(ec_point_add(c, &t, &g3, &neg) == 0);
        assert_true(ec_point_is_infinity(c, &t));
        ec_point_add_public(c, &t, &g3, &neg);
        assert_true(ec_point_is_infinity(c, &t));
        ec_point_neg(c, &neg, &g);
        ec_point_add_public(c, &t, &neg, &g);
        assert_true(ec_point_is_infinity(c, &t));
        ec_point_add_affine_public(c, &t, &neg, &c->g);
        assert_true(ec_point_is_infinity(c, &t));
        ec_point_add_public(c, &t, &inf, &inf);
        assert_true(ec_point_is_infinity(c, &t));
        ec_point_double(c, &t, &inf);
        assert_true(ec_point_is_infinity(c, &t));
        ec_point_double(c, &t, &t);
        assert_true(ec_point_is_infinity(c, &t));
    }
}

/* The complete additions on the inputs the Jacobian ones get wrong, each
 * checked against the Jacobian result: a + a, a + (-a), infinity on
 * either side and on both, and a general sum; for the mixed form, whose b
 * is affine, the same with a projective a. Also the conversions and the
 * doubling of a projective point, infinity included, and doublings of the
 * converted infinity. */
static void point_complete_additions(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        const ec_point_ops *ops = ec_point_ops_for(c);
        ec_point g, g2, g3, g5, g6, inf, neg3, t;
        ec_proj pg, pg2, pg3, pneg3, pinf, pneg, s;
        ec_affine neg_g;
        ec_point_from_affine(c, &g, &c->g);
        ec_point_set_infinity(c, &inf);
        ec_point_double(c, &g2, &g);
        assert_true(ec_point_add(c, &g3, &g2, &g) == 0);
        assert_true(ec_point_add(c, &g5, &g3, &g2) == 0);
        ec_point_neg(c, &neg3, &g3);
        ec_point_to_proj(c, &pg, &g);
        ec_point_to_proj(c, &pg2, &g2);
        ec_point_to_proj(c, &pg3, &g3);
        ec_point_to_proj(c, &pneg3, &neg3);
        ec_point_to_proj(c, &pinf, &inf);
        assert_true(ec_fe_is_zero(c->p, pinf.x) && ec_fe_is_zero(c->p, pinf.z) && !ec_fe_is_zero(c->p, pinf.y));
        ec_proj_to_point(c, &t, &pinf);
        assert_true(ec_point_is_infinity(c, &t) && !ec_fe_is_zero(c->p, t.y));
        ec_point_double(c, &t, &t);
        assert_true(ec_point_is_infinity(c, &t) && !ec_fe_is_zero(c->p, t.y));
        ec_proj_to_point(c, &t, &pg3);
        assert_true(same_point(c, &t, &g3));

        /* Jacobian + projective, projective out */
        ops->add_complete(&s, &g, &pg, c->b); /* G + G */
        assert_true(same_as_proj(c, &g2, &s));
        ops->add_complete(&s, &g3, &pg3, c->b); /* 3G + 3G, Z != 1 */
        ec_point_double(c, &g6, &g3);
        assert_true(same_as_proj(c, &g6, &s));
        ops->add_complete(&s, &g3, &pneg3, c->b); /* 3G - 3G */
        assert_true(ec_fe_is_zero(c->p, s.z) && !ec_fe_is_zero(c->p, s.y));
        ec_proj_to_point(c, &t, &s);
        ops->add_complete(&s, &t, &pg2, c->b); /* infinity + 2G */
        assert_true(same_as_proj(c, &g2, &s));
        ops->add_complete(&s, &g3, &pinf, c->b);
        assert_true(same_as_proj(c, &g3, &s));
        ops->add_complete(&s, &inf, &pinf, c->b);
        assert_true(ec_fe_is_zero(c->p, s.z) && !ec_fe_is_zero(c->p, s.y));
        ops->add_complete(&s, &g3, &pg2, c->b); /* 5G */
        assert_true(same_as_proj(c, &g5, &s));

        /* doubling a projective point into Jacobian coordinates */
        ops->dbl_proj(&t, &pg3);
        assert_true(same_point(c, &t, &g6));
        ops->dbl_proj(&t, &pinf);
        assert_true(ec_point_is_infinity(c, &t) && !ec_fe_is_zero(c->p, t.y));

        /* projective + affine */
        ops->add_complete_affine(&s, &pg, &c->g, c->b); /* G + G */
        assert_true(same_as_proj(c, &g2, &s));
        ops->add_complete_affine(&s, &pinf, &c->g, c->b); /* infinity + G */
        assert_true(same_as_proj(c, &g, &s));
        ops->add_complete_affine(&s, &pg2, &c->g, c->b); /* 3G */
        assert_true(same_as_proj(c, &g3, &s));
        ec_fe_copy(c->p, neg_g.x, c->g.x);
        ec_fe_neg(c->p, neg_g.y, c->g.y);
        ops->add_complete_affine(&s, &pg, &neg_g, c->b); /* G - G */
        assert_true(ec_fe_is_zero(c->p, s.z) && !ec_fe_is_zero(c->p, s.y));
        ops->add_complete_affine(&pneg, &s, &neg_g, c->b); /* infinity - G */
        ec_point_neg(c, &t, &g);
        assert_true(same_as_proj(c, &t, &pneg));
    }
}

/*
 * A reference for k * P: projective coordinates (x = X/Z, y = Y/Z) with the
 * complete addition of Renes, Costello and Batina, "Complete addition
 * formulas for prime order elliptic curves" (EUROCRYPT 2016), algorithm 4
 * for a = -3, correct for every pair of inputs (doubling and infinity
 * included), through the exported field functions. k * P is the sum of the
 * precomputed 2^i P over the set bits of k: no windows, no tables, no
 * Jacobian doublings. The library's complete additions use the same
 * algorithm, regrouped around its fused operations (ec_point.c); this is
 * the paper's own sequence of steps, transcribed separately, and the
 * known-answer tests (Wycheproof, public_from_private_known) hold both to
 * outside values.
 */
typedef struct ref_point {
    ec_fe x, y, z;
} ref_point;

static void ref_add(const ec_curve *c, ref_point *r, const ref_point *p1, const ref_point *p2)
{
    const ec_field *f = c->p;
    ec_fe t0, t1, t2, t3, t4, x3, y3, z3;
    ec_fe_mul(f, t0, p1->x, p2->x);
    ec_fe_mul(f, t1, p1->y, p2->y);
    ec_fe_mul(f, t2, p1->z, p2->z);
    ec_fe_add(f, t3, p1->x, p1->y);
    ec_fe_add(f, t4, p2->x, p2->y);
    ec_fe_mul(f, t3, t3, t4);
    ec_fe_add(f, t4, t0, t1);
    ec_fe_sub(f, t3, t3, t4);
    ec_fe_add(f, t4, p1->y, p1->z);
    ec_fe_add(f, x3, p2->y, p2->z);
    ec_fe_mul(f, t4, t4, x3);
    ec_fe_add(f, x3, t1, t2);
    ec_fe_sub(f, t4, t4, x3);
    ec_fe_add(f, x3, p1->x, p1->z);
    ec_fe_add(f, y3, p2->x, p2->z);
    ec_fe_mul(f, x3, x3, y3);
    ec_fe_add(f, y3, t0, t2);
    ec_fe_sub(f, y3, x3, y3);
    ec_fe_mul(f, z3, c->b, t2);
    ec_fe_sub(f, x3, y3, z3);
    ec_fe_add(f, z3, x3, x3);
    ec_fe_add(f, x3, x3, z3);
    ec_fe_sub(f, z3, t1, x3);
    ec_fe_add(f, x3, t1, x3);
    ec_fe_mul(f, y3, c->b, y3);
    ec_fe_add(f, t1, t2, t2);
    ec_fe_add(f, t2, t1, t2);
    ec_fe_sub(f, y3, y3, t2);
    ec_fe_sub(f, y3, y3, t0);
    ec_fe_add(f, t1, y3, y3);
    ec_fe_add(f, y3, t1, y3);
    ec_fe_add(f, t1, t0, t0);
    ec_fe_add(f, t0, t1, t0);
    ec_fe_sub(f, t0, t0, t2);
    ec_fe_mul(f, t1, t4, y3);
    ec_fe_mul(f, t2, t0, y3);
    ec_fe_mul(f, y3, x3, z3);
    ec_fe_add(f, y3, y3, t2);
    ec_fe_mul(f, x3, t3, x3);
    ec_fe_sub(f, x3, x3, t1);
    ec_fe_mul(f, z3, t4, z3);
    ec_fe_mul(f, t1, t3, t0);
    ec_fe_add(f, z3, z3, t1);
    ec_fe_copy(f, r->x, x3);
    ec_fe_copy(f, r->y, y3);
    ec_fe_copy(f, r->z, z3);
}

/* pow2[i] = 2^i P for i < bits, P given in affine Montgomery form. */
static void ref_powers(const ec_curve *c, ref_point *pow2, const ec_limb *x, const ec_limb *y)
{
    ec_fe_copy(c->p, pow2[0].x, x);
    ec_fe_copy(c->p, pow2[0].y, y);
    ec_fe_copy(c->p, pow2[0].z, c->p->one);
    for (size_t i = 1; i < c->bits; i++)
        ref_add(c, &pow2[i], &pow2[i - 1], &pow2[i - 1]);
}

/* acc += k * P */
static void ref_mul_add(const ec_curve *c, ref_point *acc, const ec_limb *k, const ref_point *pow2)
{
    for (size_t i = 0; i < c->bits; i++)
        if ((k[i / EC_LIMB_BITS] >> (i % EC_LIMB_BITS)) & 1)
            ref_add(c, acc, acc, &pow2[i]);
}

static void ref_infinity(const ec_curve *c, ref_point *r)
{
    memset(r, 0, sizeof(*r));
    ec_fe_copy(c->p, r->y, c->p->one);
}

/* The uncompressed encoding of a reference point, or all zeros for
 * infinity; the same for a Jacobian point. */
static void ref_encode(const ec_curve *c, uint8_t *out, const ref_point *a)
{
    ec_fe zinv, t;
    memset(out, 0, 1 + 2 * c->nbytes);
    if (ec_fe_is_zero(c->p, a->z))
        return;
    ec_fe_inv(c->p, zinv, a->z);
    out[0] = 4;
    ec_fe_mul(c->p, t, a->x, zinv);
    ec_fe_from_mont(c->p, t, t);
    ec_fe_to_bytes(c->p, out + 1, t);
    ec_fe_mul(c->p, t, a->y, zinv);
    ec_fe_from_mont(c->p, t, t);
    ec_fe_to_bytes(c->p, out + 1 + c->nbytes, t);
}

static void point_encode_or_zero(const ec_curve *c, uint8_t *out, const ec_point *a)
{
    if (ec_point_encode(c, out, a) != TLS13_OK)
        memset(out, 0, 1 + 2 * c->nbytes);
}

/* r = a - b, a + b on plain limbs (no wrap for the values used). */
static void scalar_sub(const ec_curve *c, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    ec_limb borrow = 0;
    for (size_t j = 0; j < c->n->nlimbs; j++) {
        ec_limb v = a[j], d = v - b[j] - borrow;
        borrow = (ec_limb)((v < b[j]) | ((v == b[j]) & borrow));
        r[j] = d;
    }
}

static void scalar_sub_small(const ec_curve *c, ec_limb *r, const ec_limb *a, ec_limb s)
{
    ec_fe b = { 0 };
    b[0] = s;
    scalar_sub(c, r, a, b);
}

static void scalar_add_small(const ec_curve *c, ec_limb *r, const ec_limb *a, ec_limb s)
{
    ec_limb carry = s;
    for (size_t j = 0; j < c->n->nlimbs; j++) {
        r[j] = a[j] + carry;
        carry = r[j] < carry;
    }
}

static void scalar_shr1(const ec_curve *c, ec_limb *r, const ec_limb *a)
{
    size_t L = c->n->nlimbs;
    for (size_t j = 0; j < L; j++)
        r[j] = (a[j] >> 1) | (j + 1 < L ? a[j + 1] << (EC_LIMB_BITS - 1) : 0);
}

static bool slow_tests(void)
{
    const char *v = getenv("TLS13_SLOW_TESTS");
    return v && strcmp(v, "1") == 0;
}

/* The edge scalars: small values around the window sizes (5 for variable
 * base, EC_BASE_BITS for fixed base), n minus those, n minus small even
 * values, around (n-1)/2, 2^j and 2^j - 1 for every j, n - 2^j,
 * repeated-digit patterns and random values; all in [1, n-1].
 * Without TLS13_SLOW_TESTS, j runs over the ends, multiples of 10 and odd
 * multiples of 7 only (window boundaries of both widths), to keep the
 * sanitizer and portable runs short.
 * Returns the count written to ks. */
#define EDGE_MAX (4 * EC_MAX_BITS + 64)
static size_t edge_scalars(const ec_curve *c, ec_fe *ks)
{
    static const ec_limb small[] = { 1, 2, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129 };
    static const uint8_t patterns[] = { 0xff, 0x84, 0x42, 0x21, 0x10, 0x08, 0x55, 0xaa, 0x81 };
    size_t count = 0;
    ec_fe half;
    ec_limb pat_ok;
    uint8_t bytes[TLS13_EC_MAX_SCALAR];
    for (size_t i = 0; i < sizeof(small) / sizeof(small[0]); i++) {
        memset(ks[count], 0, sizeof(ks[count]));
        ks[count++][0] = small[i];
        scalar_sub_small(c, ks[count++], c->n->m, small[i]);
    }
    /* n + 2d for a digit d in -16 .. -1: the last addition of the 5-bit
     * window loop would add two equal points if d were the scalar's own
     * last digit (for these n it never is; the additions are complete
     * anyway). */
    for (ec_limb m = 1; m <= 16; m++)
        scalar_sub_small(c, ks[count++], c->n->m, 2 * m);
    scalar_sub_small(c, half, c->n->m, 1);
    scalar_shr1(c, half, half); /* (n-1)/2 */
    ec_fe_copy(c->n, ks[count++], half);
    scalar_add_small(c, ks[count++], half, 1); /* (n+1)/2 */
    scalar_sub_small(c, ks[count++], half, 1);
    scalar_add_small(c, ks[count++], half, 2);
    for (size_t j = 0; j < c->bits; j++) {
        ec_fe pow;
        if (!slow_tests() && !(j < 6 || j + 6 > c->bits || j % 10 == 0 || j % 14 == 7))
            continue;
        memset(pow, 0, sizeof(pow));
        pow[j / EC_LIMB_BITS] = (ec_limb)1 << (j % EC_LIMB_BITS);
        ec_fe_copy(c->n, ks[count++], pow); /* 2^j < n for j < bits */
        if (j > 0)
            scalar_sub_small(c, ks[count++], pow, 1);
        scalar_sub(c, ks[count++], c->n->m, pow);
    }
    for (size_t i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++) {
        memset(bytes, patterns[i], c->nbytes);
        ec_fe_from_bytes(c->n, ks[count], bytes);
        pat_ok = ec_fe_lt_modulus(c->n, ks[count]);
        if (!pat_ok)
            ec_fe_reduce_once(c->n, ks[count], ks[count]);
        count++;
    }
    for (int i = 0; i < 8; i++) {
        tls13_random_bytes(bytes, c->nbytes);
        ec_fe_from_bytes(c->n, ks[count], bytes);
        ec_fe_reduce_once(c->n, ks[count], ks[count]);
        if (!ec_fe_is_zero(c->n, ks[count]))
            count++;
    }
    assert_true(count <= EDGE_MAX);
    return count;
}
/* The scalar multiplications against the reference on the edge scalars:
 * the secret paths fixed base k G and variable base k Q (Q a random public
 * key) for every scalar; variable base k G and the public double
 * multiplication u1 G + u2 Q (u1 or u2 zero, or both set) in turns, to save
 * time -- they share the code under test with the paths above or branch on
 * their exceptional cases. */
static void scalar_mul_edge_scalars(void **state)
{
    static ref_point gpow[EC_MAX_BITS], qpow[EC_MAX_BITS];
    static ec_fe ks[EDGE_MAX];
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        tt_count count = { curves[i] == TLS13_CURVE_P256 ? "P-256 edge scalars" : "P-384 edge scalars", 0, 0, 0 };
        size_t plen = 1 + 2 * c->nbytes, nk = edge_scalars(c, ks);
        uint8_t d[TLS13_EC_MAX_SCALAR], pub[TLS13_EC_MAX_POINT], want[TLS13_EC_MAX_POINT], got[TLS13_EC_MAX_POINT];
        ec_point q, g, r;
        ec_fe zero = { 0 };
        assert_int_equal(tls13_ec_keygen(curves[i], d, pub), TLS13_OK);
        assert_int_equal(ec_point_decode(c, &q, pub, plen), TLS13_OK);
        ec_point_from_affine(c, &g, &c->g);
        ref_powers(c, gpow, c->g.x, c->g.y);
        ref_powers(c, qpow, q.x, q.y);
        for (size_t t = 0; t < nk; t++) {
            const ec_limb *k = ks[t], *k2 = ks[(t + 1) % nk];
            ref_point kg, kq, sum;
            bool ok = true;
            ref_infinity(c, &kg);
            ref_mul_add(c, &kg, k, gpow);
            ref_infinity(c, &kq);
            ref_mul_add(c, &kq, k, qpow);
            ref_encode(c, want, &kg);
            ec_scalar_mul_base(c, &r, k);
            point_encode_or_zero(c, got, &r);
            ok &= memcmp(want, got, plen) == 0;
            if (t % 4 == 0) {
                ec_double_scalar_mul_public(c, &r, k, zero, &q);
                point_encode_or_zero(c, got, &r);
                ok &= memcmp(want, got, plen) == 0;
            }
            if (t % 8 == 1) {
                ec_scalar_mul(c, &r, k, &g);
                point_encode_or_zero(c, got, &r);
                ok &= memcmp(want, got, plen) == 0;
            }
            ref_encode(c, want, &kq);
            ec_scalar_mul(c, &r, k, &q);
            point_encode_or_zero(c, got, &r);
            ok &= memcmp(want, got, plen) == 0;
            if (t % 4 == 2) {
                ec_double_scalar_mul_public(c, &r, zero, k, &q);
                point_encode_or_zero(c, got, &r);
                ok &= memcmp(want, got, plen) == 0;
            }
            if (t % 4 == 3) {
                sum = kg;
                ref_mul_add(c, &sum, k2, qpow);
                ref_encode(c, want, &sum);
                ec_double_scalar_mul_public(c, &r, k, k2, &q);
                point_encode_or_zero(c, got, &r);
                ok &= memcmp(want, got, plen) == 0;
            }
            count.run++;
            if (ok)
                count.passed++;
            else
                printf("%s: scalar %zu differs\n", count.name, t);
        }
        tt_count_report(&count);
    }
}

/* The public double multiplication where its final addition is exceptional:
 * u1 G + u2 G with u1 + u2 = n (infinity) and u1 = u2 (a doubling), and
 * u1 G + u2 (-G). */
static void double_scalar_mul_exceptional(void **state)
{
    static ec_fe ks[EDGE_MAX];
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        size_t nk = edge_scalars(c, ks), cases = 0;
        ec_point g, ng, r, want;
        ec_fe u2, twice;
        ec_point_from_affine(c, &g, &c->g);
        ec_point_neg(c, &ng, &g);
        for (size_t t = 0; t < nk; t += 7) {
            const ec_limb *u1 = ks[t];
            scalar_sub(c, u2, c->n->m, u1);
            ec_double_scalar_mul_public(c, &r, u1, u2, &g);
            assert_true(ec_point_is_infinity(c, &r));
            ec_double_scalar_mul_public(c, &r, u1, u1, &ng);
            assert_true(ec_point_is_infinity(c, &r));
            ec_fe_to_mont(c->n, twice, u1);
            ec_fe_add(c->n, twice, twice, twice);
            ec_fe_from_mont(c->n, twice, twice);
            ec_scalar_mul_base(c, &want, twice);
            ec_double_scalar_mul_public(c, &r, u1, u1, &g);
            assert_true(same_point(c, &r, &want));
            cases++;
        }
        printf("%s: %zu exceptional double multiplications\n", c->id == TLS13_CURVE_P256 ? "P-256" : "P-384", cases);
        assert_true(cases > 0);
    }
}

/* Field inversion and the byte / Montgomery conversions round-trip. */
static void field_inverse(void **state)
{
    const ec_field *fields[] = { &ec_p256_p, &ec_p256_n, &ec_p384_p, &ec_p384_n };
    (void)state;
    for (size_t i = 0; i < 4; i++) {
        const ec_field *f = fields[i];
        uint8_t in[48], out[48];
        ec_fe a, inv, prod;
        tls13_random_bytes(in, f->nbytes);
        in[0] &= 0x7f;
        ec_fe_from_bytes(f, a, in);
        ec_fe_to_mont(f, a, a);
        ec_fe_inv(f, inv, a);
        ec_fe_mul(f, prod, a, inv);
        assert_true(ec_fe_equal(f, prod, f->one));
        ec_fe_from_mont(f, a, a);
        ec_fe_to_bytes(f, out, a);
        assert_memory_equal(in, out, f->nbytes);
        memset(a, 0, sizeof(a));
        ec_fe_inv(f, inv, a);
        assert_true(ec_fe_is_zero(f, inv));
    }
}

/* The plain-form inversion against a a^-1 = 1 for the four moduli, on
 * edge values (1, 2, m-1, m-2, powers of two and their predecessors) and
 * random ones; 0 maps to 0. */
static void mod_inverse_plain(void **state)
{
    const ec_field *fields[] = { &ec_p256_p, &ec_p256_n, &ec_p384_p, &ec_p384_n };
    (void)state;
    for (size_t i = 0; i < 4; i++) {
        const ec_field *f = fields[i];
        tt_count count = { "ec_mod_inv", 0, 0, 0 };
        size_t bits = 8 * f->nbytes;
        ec_fe a, inv, am, prod;
        for (size_t t = 0; t < 2 * bits + 36; t++) {
            memset(a, 0, sizeof(a));
            if (t < 2 * bits) {
                size_t j = t / 2; /* 2^j, 2^j - 1 (j > 0) */
                a[j / EC_LIMB_BITS] = (ec_limb)1 << (j % EC_LIMB_BITS);
                if (t % 2) {
                    if (j == 0)
                        continue;
                    for (size_t l = 0; l < f->nlimbs; l++) {
                        ec_limb old = a[l];
                        a[l] = old - 1;
                        if (old != 0)
                            break;
                    }
                }
            } else if (t < 2 * bits + 4) {
                ec_limb sub = (ec_limb)(t - 2 * bits + 1); /* m - 1 .. m - 4 */
                ec_fe_copy(f, a, f->m);
                a[0] -= sub; /* the low limb of each m exceeds 4 */
            } else {
                uint8_t in[48];
                tls13_random_bytes(in, f->nbytes);
                ec_fe_from_bytes(f, a, in);
                ec_fe_reduce_once(f, a, a);
                if (ec_fe_is_zero(f, a))
                    continue;
            }
            ec_mod_inv(f, inv, a);
            ec_fe_to_mont(f, am, a);
            ec_fe_to_mont(f, inv, inv);
            ec_fe_mul(f, prod, am, inv);
            count.run++;
            if (ec_fe_equal(f, prod, f->one))
                count.passed++;
        }
        tt_count_report(&count);
        memset(a, 0, sizeof(a));
        ec_mod_inv(f, inv, a);
        assert_true(ec_fe_is_zero(f, inv));
    }
}

/* FIPS 186-5 key pairs from RFC 6979 appendix A.2.5 / A.2.6. */
static void public_from_private_known(void **state)
{
    static const struct { tls13_ec_curve curve; const char *d, *q; } keys[] = {
        { TLS13_CURVE_P256, "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721",
          "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
          "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299" },
        { TLS13_CURVE_P384, "6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d896d5724e4c70a825f872c9ea60d2edf5",
          "04ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64def8f0ea9055866064a254515480bc13"
          "8015d9b72d7d57244ea8ef9ac0c621896708a59367f9dfb9f54ca84b3f1c9db1288b231c3ae0d4fe7344fd2533264720" },
    };
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        size_t size = tls13_ec_scalar_size(keys[i].curve);
        uint8_t d[TLS13_EC_MAX_SCALAR], q[TLS13_EC_MAX_POINT];
        tt_hex(keys[i].d, d, size);
        assert_int_equal(tls13_ec_public_from_private(keys[i].curve, d, q), TLS13_OK);
        tt_assert_hex(q, 1 + 2 * size, keys[i].q);
        assert_int_equal(tls13_ec_validate_public(keys[i].curve, q, 1 + 2 * size), TLS13_OK);
    }
}

/* 0 and n are not private keys; n - 1 is. */
static void private_key_range(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        uint8_t d[TLS13_EC_MAX_SCALAR], q[TLS13_EC_MAX_POINT], x[TLS13_EC_MAX_SCALAR];
        memset(d, 0, sizeof(d));
        assert_int_equal(tls13_ec_public_from_private(curves[i], d, q), TLS13_ERR_BAD_KEY);
        ec_fe_to_bytes(c->n, d, c->n->m);
        assert_int_equal(tls13_ec_public_from_private(curves[i], d, q), TLS13_ERR_BAD_KEY);
        memset(d, 0xff, c->nbytes);
        assert_int_equal(tls13_ec_public_from_private(curves[i], d, q), TLS13_ERR_BAD_KEY);
        ec_fe_to_bytes(c->n, d, c->n->m);
        d[c->nbytes - 1] -= 1;
        assert_int_equal(tls13_ec_public_from_private(curves[i], d, q), TLS13_OK);
        /* (n-1) G = -G: same x as G. */
        assert_int_equal(tls13_ec_keygen(curves[i], x, q), TLS13_OK);
        memset(d, 0, sizeof(d));
        assert_int_equal(tls13_ecdh(curves[i], d, q, 1 + 2 * c->nbytes, x), TLS13_ERR_BAD_KEY);
    }
}

/* keygen and public_from_private agree; ECDH is symmetric. */
static void keygen_and_ecdh_agree(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        size_t size = tls13_ec_scalar_size(curves[i]), plen = tls13_ec_point_size(curves[i]);
        uint8_t da[TLS13_EC_MAX_SCALAR], qa[TLS13_EC_MAX_POINT], db[TLS13_EC_MAX_SCALAR], qb[TLS13_EC_MAX_POINT];
        uint8_t q2[TLS13_EC_MAX_POINT], sa[TLS13_EC_MAX_SCALAR], sb[TLS13_EC_MAX_SCALAR];
        assert_int_equal(plen, 1 + 2 * size);
        for (int trial = 0; trial < 4; trial++) {
            assert_int_equal(tls13_ec_keygen(curves[i], da, qa), TLS13_OK);
            assert_int_equal(tls13_ec_keygen(curves[i], db, qb), TLS13_OK);
            assert_memory_not_equal(da, db, size);
            assert_int_equal(tls13_ec_public_from_private(curves[i], da, q2), TLS13_OK);
            assert_memory_equal(qa, q2, plen);
            assert_int_equal(tls13_ec_validate_public(curves[i], qa, plen), TLS13_OK);
            assert_int_equal(tls13_ecdh(curves[i], da, qb, plen, sa), TLS13_OK);
            assert_int_equal(tls13_ecdh(curves[i], db, qa, plen, sb), TLS13_OK);
            assert_memory_equal(sa, sb, size);
        }
    }
}

/* Malformed encodings: wrong length, prefix, coordinate = p, off-curve. */
static void validate_rejects(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        size_t plen = tls13_ec_point_size(curves[i]);
        uint8_t d[TLS13_EC_MAX_SCALAR], q[TLS13_EC_MAX_POINT], bad[TLS13_EC_MAX_POINT];
        assert_int_equal(tls13_ec_keygen(curves[i], d, q), TLS13_OK);
        assert_int_equal(tls13_ec_validate_public(curves[i], q, plen - 1), TLS13_ERR_BAD_KEY);
        assert_int_equal(tls13_ec_validate_public(curves[i], q, 0), TLS13_ERR_BAD_KEY);
        assert_int_equal(tls13_ec_validate_public(curves[i], (const uint8_t *)"\x00", 1), TLS13_ERR_BAD_KEY);
        memcpy(bad, q, plen);
        bad[0] = 0x06; /* hybrid form */
        assert_int_equal(tls13_ec_validate_public(curves[i], bad, plen), TLS13_ERR_BAD_KEY);
        bad[0] = 0x02;
        assert_int_equal(tls13_ec_validate_public(curves[i], bad, 1 + c->nbytes), TLS13_ERR_BAD_KEY);
        memcpy(bad, q, plen);
        bad[plen - 1] ^= 1;
        assert_int_equal(tls13_ec_validate_public(curves[i], bad, plen), TLS13_ERR_BAD_KEY);
        memcpy(bad, q, plen);
        ec_fe_to_bytes(c->p, bad + 1, c->p->m);
        assert_int_equal(tls13_ec_validate_public(curves[i], bad, plen), TLS13_ERR_BAD_KEY);
        memcpy(bad, q, plen);
        ec_fe_to_bytes(c->p, bad + 1 + c->nbytes, c->p->m);
        assert_int_equal(tls13_ec_validate_public(curves[i], bad, plen), TLS13_ERR_BAD_KEY);
    }
    assert_int_equal(tls13_ec_scalar_size((tls13_ec_curve)7), 0);
}

/* A random source that replays fixed blocks, one per call. */
struct replay {
    const uint8_t *blocks[3];
    size_t next;
};

static int replay_source(void *arg, uint8_t *out, size_t len)
{
    struct replay *r = arg;
    memcpy(out, r->blocks[r->next < 3 ? r->next : 2], len);
    r->next++;
    return TLS13_OK;
}

/* Key generation rejects n and 0 and takes the next draw (FIPS 186-5
 * appendix A.2.2), and draws nothing else. */
static void keygen_rejection_sampling(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        uint8_t n[TLS13_EC_MAX_SCALAR], zero[TLS13_EC_MAX_SCALAR] = { 0 }, good[TLS13_EC_MAX_SCALAR];
        uint8_t d[TLS13_EC_MAX_SCALAR], q[TLS13_EC_MAX_POINT], q2[TLS13_EC_MAX_POINT];
        struct replay r = { { n, zero, good }, 0 };
        ec_fe_to_bytes(c->n, n, c->n->m);
        memset(good, 0x5a, sizeof(good));
        tls13_random_set_source(replay_source, &r);
        assert_int_equal(tls13_ec_keygen(curves[i], d, q), TLS13_OK);
        tls13_random_set_source(NULL, NULL);
        assert_int_equal(r.next, 3); /* n, 0, good */
        assert_memory_equal(d, good, c->nbytes);
        assert_int_equal(tls13_ec_public_from_private(curves[i], good, q2), TLS13_OK);
        assert_memory_equal(q, q2, 1 + 2 * c->nbytes);
    }
}

/* A source that always fails, counting its calls. */
static int failing_source(void *arg, uint8_t *out, size_t len)
{
    unsigned *calls = arg;
    (*calls)++;
    memset(out, 0x5a, len);
    return TLS13_ERR_RANDOM;
}

/* When the random source fails, key generation reports it and leaves no
 * private key behind; ECDH needs no randomness (its inversion is by
 * division steps, constant time), so it still gives the shared secret. */
static void random_failure(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        uint8_t d[TLS13_EC_MAX_SCALAR], zero[TLS13_EC_MAX_SCALAR] = { 0 }, q[TLS13_EC_MAX_POINT];
        uint8_t s1[TLS13_EC_MAX_SCALAR], s2[TLS13_EC_MAX_SCALAR];
        unsigned calls = 0;
        tls13_random_set_source(failing_source, &calls);
        assert_int_equal(tls13_ec_keygen(curves[i], d, q), TLS13_ERR_RANDOM);
        tls13_random_set_source(NULL, NULL);
        assert_int_equal(calls, 1);
        assert_memory_equal(d, zero, c->nbytes);
        assert_int_equal(tls13_ec_keygen(curves[i], d, q), TLS13_OK);
        assert_int_equal(tls13_ecdh(curves[i], d, q, 1 + 2 * c->nbytes, s1), TLS13_OK);
        calls = 0;
        tls13_random_set_source(failing_source, &calls);
        assert_int_equal(tls13_ecdh(curves[i], d, q, 1 + 2 * c->nbytes, s2), TLS13_OK);
        tls13_random_set_source(NULL, NULL);
        assert_int_equal(calls, 0);
        assert_memory_equal(s1, s2, c->nbytes);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(field_inverse),
        cmocka_unit_test(mod_inverse_plain),
        cmocka_unit_test(point_formulas_exceptional),
        cmocka_unit_test(point_complete_additions),
        cmocka_unit_test(scalar_mul_edge_scalars),
        cmocka_unit_test(double_scalar_mul_exceptional),
        cmocka_unit_test(public_from_private_known),
        cmocka_unit_test(private_key_range),
        cmocka_unit_test(keygen_and_ecdh_agree),
        cmocka_unit_test(keygen_rejection_sampling),
        cmocka_unit_test(random_failure),
        cmocka_unit_test(validate_rejects),
        cmocka_unit_test(ecdh_p256_wycheproof),
        cmocka_unit_test(ecdh_p384_wycheproof),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
