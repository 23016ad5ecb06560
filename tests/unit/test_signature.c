/*
 * Signatures by TLS SignatureScheme: Wycheproof vectors for RSA (PKCS#1 v1.5
 * and PSS), ECDSA P-256/P-384 and Ed25519 through tls13_signature_verify
 * (which hashes the message itself), sign/verify round trips for every
 * scheme we sign with, and the scheme/key bookkeeping.
 */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/ct.h"
#include "base/random.h"
#include "crypto/ec.h"
#include "crypto/ed25519.h"
#include "crypto/signature.h"
#include "tls13.h"
#include "rsa_test_keys.h"

/* One Wycheproof file verified with one scheme; RSA files have columns n and
 * e, the others a publicKey. Invalid vectors must fail with any error. */
static void wycheproof(const char *file, uint16_t scheme, tls13_key_type type)
{
    char name[160];
    tt_count c = {name, 0, 0, 0};
    tt_vectors *v = tt_vectors_open(file);
    snprintf(name, sizeof(name), "%s as %s", file, tls13_signature_scheme_name(scheme));
    while (tt_vectors_next(v)) {
        size_t n_len = 0, e_len = 0, msg_len, sig_len;
        int rsa = type == TLS13_KEY_RSA;
        uint8_t *n = tt_vectors_hex(v, rsa ? "n" : "publicKey", &n_len);
        uint8_t *e = rsa ? tt_vectors_hex(v, "e", &e_len) : NULL;
        uint8_t *msg = tt_vectors_hex(v, "msg", &msg_len);
        uint8_t *sig = tt_vectors_hex(v, tt_vectors_has(v, "sigDer") ? "sigDer" : "sig", &sig_len);
        const char *result = tt_vectors_get(v, "result");
        tls13_public_key key = {type, n, n_len, e, e_len};
        int rc;
        c.run++;
        if (rsa && n_len > 0 && n[0] == 0) { /* DER sign byte; keys carry none */
            key.data++;
            key.len--;
        }
        rc = tls13_signature_verify(scheme, &key, msg, msg_len, sig, sig_len);
        if (strcmp(result, "valid") == 0 ? rc == TLS13_OK : rc != TLS13_OK)
            c.passed++;
        else
            printf("%s line %d (tcId %s): %s vector gave %d\n", file, tt_vectors_line(v), tt_vectors_get(v, "tcId"),
                   result, rc);
        free(n), free(e), free(msg), free(sig);
    }
    tt_vectors_close(v);
    tt_count_report(&c);
}

static void wycheproof_rsa(void **state)
{
    (void)state;
    wycheproof("wycheproof/rsa_signature_2048_sha256_test.tsv", TLS13_SIG_RSA_PKCS1_SHA256, TLS13_KEY_RSA);
    wycheproof("wycheproof/rsa_signature_2048_sha384_test.tsv", TLS13_SIG_RSA_PKCS1_SHA384, TLS13_KEY_RSA);
    wycheproof("wycheproof/rsa_signature_2048_sha512_test.tsv", TLS13_SIG_RSA_PKCS1_SHA512, TLS13_KEY_RSA);
    wycheproof("wycheproof/rsa_pss_2048_sha256_mgf1_32_test.tsv", TLS13_SIG_RSA_PSS_RSAE_SHA256, TLS13_KEY_RSA);
    wycheproof("wycheproof/rsa_pss_2048_sha256_mgf1_32_test.tsv", TLS13_SIG_RSA_PSS_PSS_SHA256, TLS13_KEY_RSA);
    wycheproof("wycheproof/rsa_pss_2048_sha384_mgf1_48_test.tsv", TLS13_SIG_RSA_PSS_RSAE_SHA384, TLS13_KEY_RSA);
    wycheproof("wycheproof/rsa_pss_2048_sha384_mgf1_48_test.tsv", TLS13_SIG_RSA_PSS_PSS_SHA384, TLS13_KEY_RSA);
    wycheproof("wycheproof/rsa_pss_4096_sha512_mgf1_64_test.tsv", TLS13_SIG_RSA_PSS_RSAE_SHA512, TLS13_KEY_RSA);
    wycheproof("wycheproof/rsa_pss_4096_sha512_mgf1_64_test.tsv", TLS13_SIG_RSA_PSS_PSS_SHA512, TLS13_KEY_RSA);
}

static void wycheproof_ecdsa_ed25519(void **state)
{
    (void)state;
    wycheproof("wycheproof/ecdsa_secp256r1_sha256_test.tsv", TLS13_SIG_ECDSA_SECP256R1_SHA256, TLS13_KEY_EC_P256);
    wycheproof("wycheproof/ecdsa_secp384r1_sha384_test.tsv", TLS13_SIG_ECDSA_SECP384R1_SHA384, TLS13_KEY_EC_P384);
    wycheproof("wycheproof/ed25519_test.tsv", TLS13_SIG_ED25519, TLS13_KEY_ED25519);
}

static void field(const char *hex, uint8_t *out, size_t cap, size_t *len)
{
    uint8_t *b = tt_hex_alloc(hex, len);
    assert_true(*len <= cap);
    memcpy(out, b, *len);
    free(b);
}

static void rsa_private_key(const struct rsa_test_key *k, tls13_private_key *key)
{
    tls13_rsa_private_key *r = &key->rsa;
    memset(key, 0, sizeof(*key));
    key->type = TLS13_KEY_RSA;
    field(k->n, r->n, sizeof(r->n), &r->n_len);
    field(k->e, r->e, sizeof(r->e), &r->e_len);
    field(k->d, r->d, sizeof(r->d), &r->d_len);
    field(k->p, r->p, sizeof(r->p), &r->p_len);
    field(k->q, r->q, sizeof(r->q), &r->q_len);
    field(k->dp, r->dp, sizeof(r->dp), &r->dp_len);
    field(k->dq, r->dq, sizeof(r->dq), &r->dq_len);
    field(k->qinv, r->qinv, sizeof(r->qinv), &r->qinv_len);
}

static void ec_private_key(tls13_key_type type, tls13_private_key *key)
{
    tls13_ec_curve curve = type == TLS13_KEY_EC_P256 ? TLS13_CURVE_P256 : TLS13_CURVE_P384;
    memset(key, 0, sizeof(*key));
    key->type = type;
    key->secret_len = tls13_ec_scalar_size(curve);
    key->pub_len = tls13_ec_point_size(curve);
    assert_int_equal(tls13_ec_keygen(curve, key->secret, key->pub), TLS13_OK);
}

static void ed25519_private_key(tls13_private_key *key)
{
    memset(key, 0, sizeof(*key));
    key->type = TLS13_KEY_ED25519;
    key->secret_len = 32;
    key->pub_len = 32;
    assert_int_equal(tls13_random_bytes(key->secret, 32), TLS13_OK);
    tls13_ed25519_public(key->pub, key->secret);
}

/* Sign, verify, and fail to verify a changed message or signature. */
static void round_trip(uint16_t scheme, const tls13_private_key *key)
{
    static const uint8_t msg[] = "TLS 1.3, server CertificateVerify";
    uint8_t sig[TLS13_RSA_MAX_BYTES], changed[sizeof(msg)];
    size_t sig_len = 0;
    tls13_public_key pub;
    tls13_private_key_public(key, &pub);
    assert_int_equal(tls13_signature_sign(scheme, key, msg, sizeof(msg), sig, sizeof(sig), &sig_len), TLS13_OK);
    assert_int_equal(tls13_signature_verify(scheme, &pub, msg, sizeof(msg), sig, sig_len), TLS13_OK);
    memcpy(changed, msg, sizeof(msg));
    changed[7] ^= 0x01;
    assert_int_equal(tls13_signature_verify(scheme, &pub, changed, sizeof(changed), sig, sig_len),
                     TLS13_ERR_BAD_SIGNATURE);
    sig[sig_len - 1] ^= 0x40;
    assert_int_not_equal(tls13_signature_verify(scheme, &pub, msg, sizeof(msg), sig, sig_len), TLS13_OK);
}

static void sign_verify_every_scheme(void **state)
{
    static const uint16_t rsa_schemes[] = {TLS13_SIG_RSA_PSS_RSAE_SHA256, TLS13_SIG_RSA_PSS_RSAE_SHA384,
                                           TLS13_SIG_RSA_PSS_RSAE_SHA512, TLS13_SIG_RSA_PSS_PSS_SHA256,
                                           TLS13_SIG_RSA_PSS_PSS_SHA384, TLS13_SIG_RSA_PSS_PSS_SHA512};
    tt_count c = {"sign/verify round trips by scheme", 0, 0, 0};
    tls13_private_key key;
    (void)state;
    for (size_t i = 0; i < sizeof(rsa_test_keys) / sizeof(rsa_test_keys[0]); i++) {
        rsa_private_key(&rsa_test_keys[i], &key);
        for (size_t s = 0; s < sizeof(rsa_schemes) / sizeof(rsa_schemes[0]); s++, c.run++, c.passed++)
            round_trip(rsa_schemes[s], &key);
    }
    ec_private_key(TLS13_KEY_EC_P256, &key);
    round_trip(TLS13_SIG_ECDSA_SECP256R1_SHA256, &key);
    ec_private_key(TLS13_KEY_EC_P384, &key);
    round_trip(TLS13_SIG_ECDSA_SECP384R1_SHA384, &key);
    ed25519_private_key(&key);
    round_trip(TLS13_SIG_ED25519, &key);
    c.run += 3, c.passed += 3;
    tls13_private_key_wipe(&key);
    assert_true(tls13_ct_is_zero(&key, sizeof(key)));
    tt_count_report(&c);
}

/* Keys that do not fit the scheme's algorithm, schemes we do not know or do
 * not support, and signing with PKCS#1 v1.5 (certificates only in TLS 1.3). */
static void mismatches_and_unsupported(void **state)
{
    static const uint8_t msg[] = "m";
    uint8_t sig[TLS13_RSA_MAX_BYTES] = {0};
    size_t sig_len;
    tls13_private_key rsa, ec, ed;
    tls13_public_key rsa_pub, ec_pub, ed_pub;
    (void)state;
    rsa_private_key(&rsa_test_keys[0], &rsa);
    ec_private_key(TLS13_KEY_EC_P256, &ec);
    ed25519_private_key(&ed);
    tls13_private_key_public(&rsa, &rsa_pub);
    tls13_private_key_public(&ec, &ec_pub);
    tls13_private_key_public(&ed, &ed_pub);
    assert_int_equal(tls13_signature_verify(TLS13_SIG_ECDSA_SECP256R1_SHA256, &rsa_pub, msg, 1, sig, 64),
                     TLS13_ERR_BAD_KEY);
    assert_int_equal(tls13_signature_verify(TLS13_SIG_RSA_PSS_RSAE_SHA256, &ec_pub, msg, 1, sig, 256),
                     TLS13_ERR_BAD_KEY);
    assert_int_equal(tls13_signature_verify(TLS13_SIG_ED25519, &ec_pub, msg, 1, sig, 64), TLS13_ERR_BAD_KEY);
    assert_int_equal(tls13_signature_verify(TLS13_SIG_ECDSA_SECP256R1_SHA256, &ed_pub, msg, 1, sig, 64),
                     TLS13_ERR_BAD_KEY);
    assert_int_equal(tls13_signature_verify(TLS13_SIG_ED25519, &ed_pub, msg, 1, sig, 63), TLS13_ERR_BAD_SIGNATURE);
    assert_int_equal(tls13_signature_verify(TLS13_SIG_ECDSA_SECP521R1_SHA512, &ec_pub, msg, 1, sig, 64),
                     TLS13_ERR_UNSUPPORTED);
    assert_int_equal(tls13_signature_verify(0x0201, &rsa_pub, msg, 1, sig, 256), TLS13_ERR_UNSUPPORTED);
    assert_int_equal(tls13_signature_sign(TLS13_SIG_RSA_PKCS1_SHA256, &rsa, msg, 1, sig, sizeof(sig), &sig_len),
                     TLS13_ERR_UNSUPPORTED);
    assert_int_equal(tls13_signature_sign(TLS13_SIG_ED25519, &rsa, msg, 1, sig, sizeof(sig), &sig_len),
                     TLS13_ERR_BAD_KEY);
    assert_int_equal(tls13_signature_sign(TLS13_SIG_ED25519, &ed, msg, 1, sig, 63, &sig_len),
                     TLS13_ERR_BUFFER_TOO_SMALL);
    /* X.509 allows any ECDSA hash with a curve: P-256 key, SHA-384 scheme. */
    assert_int_equal(tls13_signature_sign(TLS13_SIG_ECDSA_SECP384R1_SHA384, &ec, msg, 1, sig, sizeof(sig), &sig_len),
                     TLS13_OK);
    assert_int_equal(tls13_signature_verify(TLS13_SIG_ECDSA_SECP384R1_SHA384, &ec_pub, msg, 1, sig, sig_len),
                     TLS13_OK);
    tls13_private_key_wipe(&rsa);
    tls13_private_key_wipe(&ec);
    tls13_private_key_wipe(&ed);
}

static void schemes_names_and_sizes(void **state)
{
    static const struct {
        uint16_t scheme;
        const char *name;
        tls13_key_type fits; /* the one key type TLS 1.3 allows, or NONE */
    } table[] = {
        {0x0401, "rsa_pkcs1_sha256", TLS13_KEY_NONE},        {0x0501, "rsa_pkcs1_sha384", TLS13_KEY_NONE},
        {0x0601, "rsa_pkcs1_sha512", TLS13_KEY_NONE},        {0x0403, "ecdsa_secp256r1_sha256", TLS13_KEY_EC_P256},
        {0x0503, "ecdsa_secp384r1_sha384", TLS13_KEY_EC_P384}, {0x0603, "ecdsa_secp521r1_sha512", TLS13_KEY_NONE},
        {0x0804, "rsa_pss_rsae_sha256", TLS13_KEY_RSA},      {0x0805, "rsa_pss_rsae_sha384", TLS13_KEY_RSA},
        {0x0806, "rsa_pss_rsae_sha512", TLS13_KEY_RSA},      {0x0807, "ed25519", TLS13_KEY_ED25519},
        {0x0809, "rsa_pss_pss_sha256", TLS13_KEY_NONE},      {0x080a, "rsa_pss_pss_sha384", TLS13_KEY_NONE},
        {0x080b, "rsa_pss_pss_sha512", TLS13_KEY_NONE},      {0x0203, "unknown", TLS13_KEY_NONE},
    };
    static const tls13_key_type types[] = {TLS13_KEY_RSA, TLS13_KEY_EC_P256, TLS13_KEY_EC_P384, TLS13_KEY_ED25519};
    tls13_private_key key;
    tls13_public_key pub;
    (void)state;
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        assert_string_equal(tls13_signature_scheme_name(table[i].scheme), table[i].name);
        for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++)
            assert_int_equal(tls13_signature_scheme_fits_key(table[i].scheme, types[t]), types[t] == table[i].fits);
    }
    for (size_t i = 0; i < sizeof(rsa_test_keys) / sizeof(rsa_test_keys[0]); i++) {
        rsa_private_key(&rsa_test_keys[i], &key);
        tls13_private_key_public(&key, &pub);
        assert_int_equal(pub.type, TLS13_KEY_RSA);
        assert_ptr_equal(pub.rsa_e, key.rsa.e);
        assert_int_equal(tls13_public_key_bits(&pub), rsa_test_keys[i].bits);
    }
    ec_private_key(TLS13_KEY_EC_P384, &key);
    tls13_private_key_public(&key, &pub);
    assert_int_equal(pub.len, 97);
    assert_int_equal(tls13_public_key_bits(&pub), 384);
    pub.type = TLS13_KEY_EC_P256;
    assert_int_equal(tls13_public_key_bits(&pub), 256);
    ed25519_private_key(&key);
    tls13_private_key_public(&key, &pub);
    assert_int_equal(pub.len, 32);
    assert_int_equal(tls13_public_key_bits(&pub), 253);
    tls13_private_key_wipe(&key);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wycheproof_rsa),
        cmocka_unit_test(wycheproof_ecdsa_ed25519),
        cmocka_unit_test(sign_verify_every_scheme),
        cmocka_unit_test(mismatches_and_unsupported),
        cmocka_unit_test(schemes_names_and_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
