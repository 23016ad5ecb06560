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

/* Affine equality of two projective points (both not infinity). */
static bool same_point(const ec_curve *c, const ec_point *a, const ec_point *b)
{
    uint8_t ea[TLS13_EC_MAX_POINT], eb[TLS13_EC_MAX_POINT];
    if (ec_point_encode(c, ea, a) != TLS13_OK || ec_point_encode(c, eb, b) != TLS13_OK)
        return false;
    return memcmp(ea, eb, 1 + 2 * c->nbytes) == 0;
}

/* The complete formulas agree with each other on the cases other formulas
 * get wrong: P + P, P + (-P), P + infinity, infinity + infinity. */
static void point_formulas_complete(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        ec_point g, g2, g2b, g3, g3b, inf, t, neg;
        ec_point_from_affine(c, &g, &c->g);
        ec_point_set_infinity(c, &inf);
        ec_point_double(c, &g2, &g);
        ec_point_add(c, &g2b, &g, &g);
        assert_true(same_point(c, &g2, &g2b));
        ec_point_add_affine(c, &g2b, &g, &c->g);
        assert_true(same_point(c, &g2, &g2b));
        ec_point_add(c, &g3, &g2, &g);
        ec_point_add_affine(c, &g3b, &g2, &c->g);
        assert_true(same_point(c, &g3, &g3b));
        ec_point_double(c, &t, &g3); /* 6G = 2(3G) = 3(2G) */
        ec_point_add(c, &g3b, &g2, &g2);
        ec_point_add(c, &g3b, &g3b, &g2);
        assert_true(same_point(c, &t, &g3b));
        ec_point_add(c, &t, &g, &inf);
        assert_true(same_point(c, &t, &g));
        ec_point_add(c, &t, &inf, &g);
        assert_true(same_point(c, &t, &g));
        ec_point_add_affine(c, &t, &inf, &c->g);
        assert_true(same_point(c, &t, &g));
        ec_point_neg(c, &neg, &g);
        ec_point_add(c, &t, &g, &neg);
        assert_true(ec_point_is_infinity(c, &t));
        ec_point_add(c, &t, &inf, &inf);
        assert_true(ec_point_is_infinity(c, &t));
        ec_point_double(c, &t, &inf);
        assert_true(ec_point_is_infinity(c, &t));
    }
}

/* k * G by the fixed-base tables, by the variable-base ladder and by the
 * public double-scalar path all agree, including scalars whose signed digits
 * hit the edges (all ones, n - 1, small values). */
static void scalar_mul_paths_agree(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        const ec_curve *c = ec_curve_get(curves[i]);
        uint8_t kb[TLS13_EC_MAX_SCALAR];
        ec_point g, a, b, d;
        ec_fe k, zero = { 0 }, nm1;
        ec_point_from_affine(c, &g, &c->g);
        ec_fe_copy(c->n, nm1, c->n->m);
        nm1[0] -= 1;
        for (int trial = 0; trial < 8; trial++) {
            switch (trial) {
            case 0: memset(kb, 0, c->nbytes); kb[c->nbytes - 1] = 1; ec_fe_from_bytes(c->n, k, kb); break;
            case 1: memset(kb, 0, c->nbytes); kb[c->nbytes - 1] = 31; ec_fe_from_bytes(c->n, k, kb); break;
            case 2: memset(kb, 0, c->nbytes); kb[c->nbytes - 1] = 16; ec_fe_from_bytes(c->n, k, kb); break;
            case 3: ec_fe_copy(c->n, k, nm1); break;
            default:
                tls13_random_bytes(kb, c->nbytes);
                kb[0] &= 0x7f;
                ec_fe_from_bytes(c->n, k, kb);
            }
            ec_scalar_mul_base(c, &a, k);
            ec_scalar_mul(c, &b, k, &g);
            assert_true(same_point(c, &a, &b));
            ec_double_scalar_mul_public(c, &d, k, zero, &g);
            assert_true(same_point(c, &a, &d));
            ec_double_scalar_mul_public(c, &d, zero, k, &g);
            assert_true(same_point(c, &a, &d));
        }
        /* (n - 1) G = -G */
        ec_scalar_mul_base(c, &a, nm1);
        ec_point_neg(c, &b, &g);
        assert_true(same_point(c, &a, &b));
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
 * appendix A.2.2). */
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
        assert_int_equal(r.next, 3);
        assert_memory_equal(d, good, c->nbytes);
        assert_int_equal(tls13_ec_public_from_private(curves[i], good, q2), TLS13_OK);
        assert_memory_equal(q, q2, 1 + 2 * c->nbytes);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(field_inverse),
        cmocka_unit_test(point_formulas_complete),
        cmocka_unit_test(scalar_mul_paths_agree),
        cmocka_unit_test(public_from_private_known),
        cmocka_unit_test(private_key_range),
        cmocka_unit_test(keygen_and_ecdh_agree),
        cmocka_unit_test(keygen_rejection_sampling),
        cmocka_unit_test(validate_rejects),
        cmocka_unit_test(ecdh_p256_wycheproof),
        cmocka_unit_test(ecdh_p384_wycheproof),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
