/* src/crypto/ecdsa.c: ECDSA P-256/SHA-256 and P-384/SHA-384 -- Wycheproof
 * verification, RFC 6979 appendix A.2.5 / A.2.6 deterministic signatures
 * (exact k, r, s), hedged signing round trips, strict DER. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/random.h"
#include "crypto/ec.h"
#include "crypto/ecdsa_internal.h"
#include "crypto/hash.h"
#include "tls13.h"

static void ecdsa_wycheproof(const char *file, tls13_ec_curve curve, tls13_hash_alg hash, const char *hash_name)
{
    tt_count count = { file, 0, 0, 0 };
    tt_vectors *v = tt_vectors_open(file);
    unsigned acceptable = 0;
    while (tt_vectors_next(v)) {
        size_t pub_len, msg_len, sig_len;
        uint8_t *pub = tt_vectors_hex(v, "publicKey", &pub_len);
        uint8_t *msg = tt_vectors_hex(v, "msg", &msg_len);
        uint8_t *sig = tt_vectors_hex(v, "sigDer", &sig_len);
        const char *result = tt_vectors_get(v, "result");
        uint8_t digest[TLS13_HASH_MAX_SIZE];
        int rc;
        bool ok;
        count.run++;
        assert_string_equal(tt_vectors_get(v, "hash"), hash_name);
        tls13_hash(hash, msg, msg_len, digest);
        rc = tls13_ecdsa_verify(curve, pub, pub_len, digest, tls13_hash_size(hash), sig, sig_len);
        if (strcmp(result, "valid") == 0) {
            ok = rc == TLS13_OK;
        } else {
            /* invalid, and acceptable (the strict outcome: reject) */
            ok = rc == TLS13_ERR_BAD_SIGNATURE || rc == TLS13_ERR_BAD_KEY;
            if (strcmp(result, "acceptable") == 0) {
                acceptable++;
                printf("%s: tcId %s acceptable (%s) rejected\n", file, tt_vectors_get(v, "tcId"),
                       tt_vectors_get(v, "flags"));
            }
        }
        if (ok)
            count.passed++;
        else
            printf("%s line %d: tcId %s %s (%s) rc %d\n", file, tt_vectors_line(v), tt_vectors_get(v, "tcId"),
                   result, tt_vectors_get(v, "flags"), rc);
        free(pub);
        free(msg);
        free(sig);
    }
    tt_vectors_close(v);
    tt_count_report(&count);
}

static void ecdsa_p256_wycheproof(void **state)
{
    (void)state;
    ecdsa_wycheproof("wycheproof/ecdsa_secp256r1_sha256_test.tsv", TLS13_CURVE_P256, TLS13_HASH_SHA256, "SHA-256");
}

static void ecdsa_p384_wycheproof(void **state)
{
    (void)state;
    ecdsa_wycheproof("wycheproof/ecdsa_secp384r1_sha384_test.tsv", TLS13_CURVE_P384, TLS13_HASH_SHA384, "SHA-384");
}

/* RFC 6979 appendix A.2.5 (P-256) and A.2.6 (P-384). */
struct rfc6979_case {
    tls13_ec_curve curve;
    tls13_hash_alg hash;
    const char *key, *pub, *msg, *k, *r, *s;
};
#define P256_KEY "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"
#define P256_PUB "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6" \
                 "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"
#define P384_KEY "6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d896d5724e4c70a825f872c9ea60d2edf5"
#define P384_PUB "04ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64def8f0ea9055866064a254515480bc13" \
                 "8015d9b72d7d57244ea8ef9ac0c621896708a59367f9dfb9f54ca84b3f1c9db1288b231c3ae0d4fe7344fd2533264720"
static const struct rfc6979_case rfc6979[] = {
    { TLS13_CURVE_P256, TLS13_HASH_SHA256, P256_KEY, P256_PUB, "sample",
      "a6e3c57dd01abe90086538398355dd4c3b17aa873382b0f24d6129493d8aad60",
      "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
      "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8" },
    { TLS13_CURVE_P256, TLS13_HASH_SHA256, P256_KEY, P256_PUB, "test",
      "d16b6ae827f17175e040871a1c7ec3500192c4c92677336ec2537acaee0008e0",
      "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
      "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083" },
    { TLS13_CURVE_P384, TLS13_HASH_SHA384, P384_KEY, P384_PUB, "sample",
      "94ed910d1a099dad3254e9242ae85abde4ba15168eaf0ca87a555fd56d10fbca2907e3e83ba95368623b8c4686915cf9",
      "94edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c81a648152e44acf96e36dd1e80fabe46",
      "99ef4aeb15f178cea1fe40db2603138f130e740a19624526203b6351d0a3a94fa329c145786e679e7b82c71a38628ac8" },
    { TLS13_CURVE_P384, TLS13_HASH_SHA384, P384_KEY, P384_PUB, "test",
      "015ee46a5bf88773ed9123a5ab0807962d193719503c527b031b4c2d225092ada71f4a459bc0da98adb95837db8312ea",
      "8203b63d3c853e8d77227fb377bcf7b7b772e97892a80f36ab775d509d7a5feb0542a7f0812998da8f1dd3ca3cf023db",
      "ddd0760448d42d8a43af45af836fce4de8be06b485e9b61b827c2f13173923e06a739f040649a667bf3b828246baa5a5" },
};

/* The DER encoding of (r, s) as the RFC gives them, built by hand here so
 * the test does not depend on the code under test. */
static size_t der_of(const uint8_t *r, const uint8_t *s, size_t size, uint8_t *out)
{
    size_t len = 0, body = 0;
    const uint8_t *ints[2] = { r, s };
    uint8_t tmp[2][TLS13_EC_MAX_SCALAR + 3];
    size_t tlen[2];
    for (int i = 0; i < 2; i++) {
        const uint8_t *p = ints[i];
        size_t n = size;
        while (n > 1 && p[0] == 0) {
            p++;
            n--;
        }
        tlen[i] = 0;
        tmp[i][tlen[i]++] = 0x02;
        tmp[i][tlen[i]++] = (uint8_t)(n + (p[0] >= 0x80));
        if (p[0] >= 0x80)
            tmp[i][tlen[i]++] = 0;
        memcpy(tmp[i] + tlen[i], p, n);
        tlen[i] += n;
        body += tlen[i];
    }
    out[len++] = 0x30;
    if (body >= 0x80)
        out[len++] = 0x81;
    out[len++] = (uint8_t)body;
    for (int i = 0; i < 2; i++) {
        memcpy(out + len, tmp[i], tlen[i]);
        len += tlen[i];
    }
    return len;
}

static void rfc6979_vectors(void **state)
{
    tt_count count = { "RFC 6979 A.2.5/A.2.6", 0, 0, 0 };
    (void)state;
    for (size_t i = 0; i < sizeof(rfc6979) / sizeof(rfc6979[0]); i++) {
        const struct rfc6979_case *t = &rfc6979[i];
        size_t size = tls13_ec_scalar_size(t->curve), dlen = tls13_hash_size(t->hash);
        uint8_t d[TLS13_EC_MAX_SCALAR], q[TLS13_EC_MAX_POINT], pub[TLS13_EC_MAX_POINT], k[TLS13_EC_MAX_SCALAR];
        uint8_t r[TLS13_EC_MAX_SCALAR], s[TLS13_EC_MAX_SCALAR], digest[TLS13_HASH_MAX_SIZE];
        uint8_t want[TLS13_ECDSA_MAX_SIG], sig[TLS13_ECDSA_MAX_SIG];
        size_t want_len, sig_len;
        tls13_hmac_drbg drbg;
        count.run++;
        tt_hex(t->key, d, size);
        tt_hex(t->pub, pub, 1 + 2 * size);
        tt_hex(t->r, r, size);
        tt_hex(t->s, s, size);
        tls13_hash(t->hash, t->msg, strlen(t->msg), digest);
        assert_int_equal(tls13_ec_public_from_private(t->curve, d, q), TLS13_OK);
        assert_memory_equal(q, pub, 1 + 2 * size);
        tls13_ecdsa_nonce_init(&drbg, t->curve, t->hash, d, digest, dlen, NULL, 0);
        tls13_ecdsa_nonce_next(&drbg, t->curve, k);
        tt_assert_hex(k, size, t->k);
        want_len = der_of(r, s, size, want);
        assert_int_equal(tls13_ecdsa_sign_with_entropy(t->curve, t->hash, d, digest, dlen, NULL, 0, sig,
                                                       sizeof(sig), &sig_len), TLS13_OK);
        assert_int_equal(sig_len, want_len);
        assert_memory_equal(sig, want, want_len);
        assert_int_equal(tls13_ecdsa_verify(t->curve, pub, 1 + 2 * size, digest, dlen, sig, sig_len), TLS13_OK);
        /* The hedged signature is different every time and still valid. */
        assert_int_equal(tls13_ecdsa_sign(t->curve, t->hash, d, digest, dlen, sig, sizeof(sig), &sig_len), TLS13_OK);
        assert_false(sig_len == want_len && memcmp(sig, want, want_len) == 0);
        assert_int_equal(tls13_ecdsa_verify(t->curve, pub, 1 + 2 * size, digest, dlen, sig, sig_len), TLS13_OK);
        count.passed++;
    }
    tt_count_report(&count);
}

/* Sign, verify, and flip one bit of the digest, the signature or the key. */
static void round_trip_and_bit_flips(void **state)
{
    static const struct { tls13_ec_curve curve; tls13_hash_alg hash; } cases[] = {
        { TLS13_CURVE_P256, TLS13_HASH_SHA256 }, { TLS13_CURVE_P384, TLS13_HASH_SHA384 },
        { TLS13_CURVE_P256, TLS13_HASH_SHA512 }, { TLS13_CURVE_P384, TLS13_HASH_SHA256 },
    };
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        tls13_ec_curve curve = cases[i].curve;
        size_t plen = tls13_ec_point_size(curve), dlen = tls13_hash_size(cases[i].hash);
        uint8_t d[TLS13_EC_MAX_SCALAR], q[TLS13_EC_MAX_POINT], q2[TLS13_EC_MAX_POINT];
        uint8_t digest[TLS13_HASH_MAX_SIZE], sig[TLS13_ECDSA_MAX_SIG], bad[TLS13_ECDSA_MAX_SIG];
        size_t sig_len, small, used;
        assert_int_equal(tls13_ec_keygen(curve, d, q), TLS13_OK);
        tls13_hash(cases[i].hash, "round trip", 10, digest);
        assert_int_equal(tls13_ecdsa_sign(curve, cases[i].hash, d, digest, dlen, sig, sizeof(sig), &sig_len),
                         TLS13_OK);
        assert_true(sig_len <= TLS13_ECDSA_MAX_SIG);
        assert_int_equal(tls13_ecdsa_verify(curve, q, plen, digest, dlen, sig, sig_len), TLS13_OK);
        /* Only the leftmost bits(n) bits of the digest count (FIPS 186-5
         * section 6.4.1 step 3): a SHA-512 digest for P-256 is truncated. */
        used = dlen < tls13_ec_scalar_size(curve) ? dlen : tls13_ec_scalar_size(curve);
        for (size_t bit = 0; bit < 8 * used; bit += 7) {
            digest[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            assert_int_equal(tls13_ecdsa_verify(curve, q, plen, digest, dlen, sig, sig_len), TLS13_ERR_BAD_SIGNATURE);
            digest[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        }
        for (size_t bit = 0; bit < 8 * sig_len; bit += 5) {
            int rc;
            memcpy(bad, sig, sig_len);
            bad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            rc = tls13_ecdsa_verify(curve, q, plen, digest, dlen, bad, sig_len);
            assert_int_equal(rc, TLS13_ERR_BAD_SIGNATURE);
        }
        for (size_t bit = 8; bit < 8 * plen; bit += 11) {
            int rc;
            memcpy(q2, q, plen);
            q2[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            rc = tls13_ecdsa_verify(curve, q2, plen, digest, dlen, sig, sig_len);
            assert_true(rc == TLS13_ERR_BAD_KEY || rc == TLS13_ERR_BAD_SIGNATURE);
        }
        /* A different valid key does not verify it either. */
        assert_int_equal(tls13_ec_keygen(curve, d, q2), TLS13_OK);
        assert_int_equal(tls13_ecdsa_verify(curve, q2, plen, digest, dlen, sig, sig_len), TLS13_ERR_BAD_SIGNATURE);
        /* Output buffer too small. */
        for (small = 0; small < sig_len; small += 13)
            assert_int_equal(tls13_ecdsa_sign(curve, cases[i].hash, d, digest, dlen, bad, small, &sig_len),
                             TLS13_ERR_BUFFER_TOO_SMALL);
    }
}

/* Non-DER and out-of-range signatures around a valid P-256 one. */
static void strict_der(void **state)
{
    const struct rfc6979_case *t = &rfc6979[0];
    uint8_t pub[65], digest[32], r[32], s[32], sig[80], bad[90], n[32];
    size_t len;
    (void)state;
    tt_hex(t->pub, pub, 65);
    tt_hex(t->r, r, 32);
    tt_hex(t->s, s, 32);
    tt_hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", n, 32);
    tls13_hash(TLS13_HASH_SHA256, "sample", 6, digest);
    len = der_of(r, s, 32, sig);
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, sig, len), TLS13_OK);
    /* trailing byte after the SEQUENCE */
    memcpy(bad, sig, len);
    bad[len] = 0;
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, len + 1), TLS13_ERR_BAD_SIGNATURE);
    /* trailing byte inside the SEQUENCE */
    bad[1] = (uint8_t)(sig[1] + 1);
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, len + 1), TLS13_ERR_BAD_SIGNATURE);
    /* wrong outer tag (SET), wrong INTEGER tag (OCTET STRING) */
    memcpy(bad, sig, len);
    bad[0] = 0x31;
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, len), TLS13_ERR_BAD_SIGNATURE);
    memcpy(bad, sig, len);
    bad[2] = 0x04;
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, len), TLS13_ERR_BAD_SIGNATURE);
    /* non-minimal length of the SEQUENCE (0x81 xx for a short length) */
    bad[0] = 0x30;
    bad[1] = 0x81;
    memcpy(bad + 2, sig + 1, len - 1);
    bad[2] = sig[1];
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, len + 1), TLS13_ERR_BAD_SIGNATURE);
    /* non-minimal INTEGER: an extra leading zero byte on r */
    {
        size_t rl = sig[3], pos = 0;
        bad[pos++] = 0x30;
        bad[pos++] = (uint8_t)(sig[1] + 1);
        bad[pos++] = 0x02;
        bad[pos++] = (uint8_t)(rl + 1);
        bad[pos++] = 0x00;
        memcpy(bad + pos, sig + 4, len - 4);
        pos += len - 4;
        assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, pos), TLS13_ERR_BAD_SIGNATURE);
    }
    /* r = 0, s = 0, r = n, s = n, r = n + r: all out of range */
    {
        uint8_t zero[32] = { 0 }, rn[33], s33[33] = { 0 };
        assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, der_of(zero, s, 32, bad)),
                         TLS13_ERR_BAD_SIGNATURE);
        assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, der_of(r, zero, 32, bad)),
                         TLS13_ERR_BAD_SIGNATURE);
        assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, der_of(n, s, 32, bad)),
                         TLS13_ERR_BAD_SIGNATURE);
        assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, der_of(r, n, 32, bad)),
                         TLS13_ERR_BAD_SIGNATURE);
        /* 33-byte magnitude: r + 2^256 */
        rn[0] = 1;
        memcpy(rn + 1, r, 32);
        memcpy(s33 + 1, s, 32);
        assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, bad, der_of(rn, s33, 33, bad)),
                         TLS13_ERR_BAD_SIGNATURE);
    }
    /* empty signature, invalid key, bad private key when signing */
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, sig, 0), TLS13_ERR_BAD_SIGNATURE);
    pub[64] ^= 1;
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, pub, 65, digest, 32, sig, len), TLS13_ERR_BAD_KEY);
    assert_int_equal(tls13_ecdsa_sign(TLS13_CURVE_P256, TLS13_HASH_SHA256, n, digest, 32, bad, sizeof(bad), &len),
                     TLS13_ERR_BAD_KEY);
}

static const uint8_t *hedge_bytes;

static int fixed_source(void *arg, uint8_t *out, size_t len)
{
    (void)arg;
    memcpy(out, hedge_bytes, len);
    return TLS13_OK;
}

/* tls13_ecdsa_sign draws k' = scalar-size random bytes and signs with them as
 * RFC 6979 section 3.6 extra data: with the random source fixed, it equals
 * the internal function given those bytes, and differs from the unhedged
 * signature. */
static void hedge_is_rfc6979_extra_data(void **state)
{
    const struct rfc6979_case *t = &rfc6979[2];
    uint8_t d[48], digest[48], extra[48], sig[TLS13_ECDSA_MAX_SIG], want[TLS13_ECDSA_MAX_SIG];
    uint8_t plain[TLS13_ECDSA_MAX_SIG];
    size_t sig_len, want_len, plain_len;
    (void)state;
    tt_hex(t->key, d, 48);
    tls13_hash(TLS13_HASH_SHA384, t->msg, strlen(t->msg), digest);
    memset(extra, 0xc3, sizeof(extra));
    hedge_bytes = extra;
    tls13_random_set_source(fixed_source, NULL);
    assert_int_equal(tls13_ecdsa_sign(t->curve, t->hash, d, digest, 48, sig, sizeof(sig), &sig_len), TLS13_OK);
    tls13_random_set_source(NULL, NULL);
    assert_int_equal(tls13_ecdsa_sign_with_entropy(t->curve, t->hash, d, digest, 48, extra, 48, want, sizeof(want),
                                                   &want_len), TLS13_OK);
    assert_int_equal(sig_len, want_len);
    assert_memory_equal(sig, want, want_len);
    assert_int_equal(tls13_ecdsa_sign_with_entropy(t->curve, t->hash, d, digest, 48, NULL, 0, plain, sizeof(plain),
                                                   &plain_len), TLS13_OK);
    assert_false(plain_len == want_len && memcmp(plain, want, want_len) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc6979_vectors),
        cmocka_unit_test(round_trip_and_bit_flips),
        cmocka_unit_test(strict_der),
        cmocka_unit_test(hedge_is_rfc6979_extra_data),
        cmocka_unit_test(ecdsa_p256_wycheproof),
        cmocka_unit_test(ecdsa_p384_wycheproof),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
