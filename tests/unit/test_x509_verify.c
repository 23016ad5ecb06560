/* src/x509 chain building and path validation (RFC 5280 section 6, web
 * PKI), trust stores and key/certificate matching, on chains generated with
 * the openssl CLI by tests/x509/make_chains.sh. Needs the signature code of
 * src/crypto. */
#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include "../x509/fixture.h"

#include "crypto/sha2.h"
#include "x509/x509.h"

#define DAY 86400
#define MAX_FILES 16

static int64_t base_time(void)
{
    size_t len;
    uint8_t *der = tx_der("root.pem", &len);
    tls13_cert c;
    int64_t t;
    assert_int_equal(tls13_cert_parse(&c, der, len, NULL, 0), TLS13_OK);
    t = c.not_before + 3600; /* every certificate was made within a few seconds */
    tls13_free(der);
    return t;
}

/* Reads "a b" as the DER certificates of a.pem and b.pem. */
static size_t load_list(const char *names, uint8_t **ders, size_t *lens)
{
    char copy[512], *save = NULL;
    size_t n = 0;
    snprintf(copy, sizeof(copy), "%s", names);
    for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        char file[64];
        assert_true(n < MAX_FILES);
        snprintf(file, sizeof(file), "%s.pem", t);
        ders[n] = tx_der(file, &lens[n]);
        n++;
    }
    return n;
}

static tls13_trust_store *store_of(const char *names)
{
    uint8_t *ders[MAX_FILES];
    size_t lens[MAX_FILES], n = load_list(names, ders, lens);
    tls13_trust_store *store = tls13_trust_store_new();
    assert_non_null(store);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(tls13_trust_store_add_der(store, ders[i], lens[i]), TLS13_OK);
        tls13_free(ders[i]);
    }
    return store;
}

typedef struct verify_case {
    const char *store;
    const char *chain;
    const char *host;
    tls13_x509_purpose purpose;
    int64_t offset;            /* seconds after base_time() */
    tls13_verify_code code;
    int depth;                 /* expected failing depth, or -1 */
    const char *message;       /* a substring of the message */
} verify_case;

static const verify_case cases[] = {
    {"root", "leaf inter", "example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, "certificate chain verified (3 certificates, trust anchor CN=Test Root CA"},
    {"root", "leaf inter root", "api.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf other_root leaf_client inter root", "127.0.0.1", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"other_root root", "leaf root inter", "::1", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf inter", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"inter", "leaf", "example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, "trust anchor CN=Test Intermediate CA"},
    {"root", "leaf inter", "api.example.org", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_HOSTNAME_MISMATCH, 0,
     "certificate for DNS:example.com, DNS:*.example.com, IP:127.0.0.1, IP:::1 does not match host api.example.org: depth 0, subject CN=example.com, O=Example\\, Inc."},
    {"root", "leaf inter", "a.b.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_HOSTNAME_MISMATCH, 0, NULL},
    {"root", "leaf inter", "10.0.0.1", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_HOSTNAME_MISMATCH, 0, "does not match host 10.0.0.1"},
    {"root", "leaf inter", "bad host", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_HOSTNAME_MISMATCH, 0, "is neither a valid DNS name nor an IP address"},
    {"root", "leaf_nosan inter", "nosan.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_HOSTNAME_MISMATCH, 0, "certificate has no subjectAltName"},
    {"root", "leaf", "example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_UNABLE_TO_GET_ISSUER, 0,
     "unable to get local issuer certificate (issuer CN=Test Intermediate CA, O=libtls13 tests is not in the trust store, and the peer sent no intermediate certificates): depth 0, subject CN=example.com"},
    {"other_root", "leaf inter", "example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_UNABLE_TO_GET_ISSUER, 1, "issuer CN=Test Root CA, O=libtls13 tests is not in the trust store"},
    {"root", "selfsigned", "self.example", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_SELF_SIGNED, 0, "self-signed certificate (it is not in the trust store): depth 0, subject CN=self.example"},
    {"selfsigned", "selfsigned", "self.example", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"other_root", "leaf inter root", "example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_SELF_SIGNED_IN_CHAIN, 2, "self-signed certificate in certificate chain"},
    {"root", "leaf_short inter", "short.example.com", TLS13_PURPOSE_SERVER_AUTH, 11 * DAY, TLS13_VERIFY_EXPIRED, 0, "certificate has expired (notAfter "},
    {"root", "leaf inter", "example.com", TLS13_PURPOSE_SERVER_AUTH, -2 * 3600, TLS13_VERIFY_NOT_YET_VALID, 2, "certificate is not yet valid (notBefore "},
    {"root_short", "leaf_rshort", "a.example.com", TLS13_PURPOSE_SERVER_AUTH, 2 * DAY, TLS13_VERIFY_EXPIRED, 1, "subject CN=Short Root CA"},
    {"root", "leaf_notca inter_notca", "a.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_NOT_A_CA, 1, "issuer is not a CA (basicConstraints CA:FALSE): depth 1, subject CN=Not A CA"},
    {"root", "leaf_nobc inter_nobc", "a.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_NOT_A_CA, 1, "issuer is not a CA (no basicConstraints extension)"},
    {"root", "leaf_deep inter2 inter", "deep.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_PATH_LENGTH_EXCEEDED, 2,
     "path length exceeded (pathLenConstraint 0, 1 intermediate CA below): depth 2, subject CN=Test Intermediate CA"},
    {"root", "leaf_ku inter_ku", "a.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_KEY_USAGE, 1,
     "key usage does not allow certificate signing (keyCertSign) (keyUsage: digitalSignature)"},
    {"root", "leaf_ku_bad inter", "ku.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_KEY_USAGE, 0,
     "key usage does not allow digital signatures (digitalSignature) (keyUsage: keyEncipherment)"},
    {"root", "leaf_client inter", "client.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_EXT_KEY_USAGE, 0, "extended key usage does not allow server authentication"},
    {"root", "leaf_client inter", NULL, TLS13_PURPOSE_CLIENT_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf inter", NULL, TLS13_PURPOSE_CLIENT_AUTH, 0, TLS13_VERIFY_EXT_KEY_USAGE, 0, "extended key usage does not allow client authentication"},
    {"root", "leaf_any inter", "any.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf_noext inter", "noext.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf_noext inter", NULL, TLS13_PURPOSE_CLIENT_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf_eku inter_eku", "a.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_EXT_KEY_USAGE, 1, "subject CN=Client-only CA"},
    {"root", "leaf_eku inter_eku", NULL, TLS13_PURPOSE_CLIENT_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "nc_ok inter_nc", "www.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "nc_ok inter_nc", "10.1.2.3", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "nc_dns inter_nc", "www.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_NAME_CONSTRAINTS, 0,
     "name constraints violated (DNS:www.example.org is not permitted by the name constraints of CN=Constrained CA)"},
    {"root", "nc_suffix inter_nc", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_NAME_CONSTRAINTS, 0, "DNS:notexample.com is not permitted"},
    {"root", "nc_excluded inter_nc", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_NAME_CONSTRAINTS, 0, "DNS:x.bad.example.com is excluded"},
    {"root", "nc_excluded_dot inter_nc", "x.bad.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_NAME_CONSTRAINTS, 0, "DNS:x.bad.example.com. is excluded"},
    {"root", "nc_ip inter_nc", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_NAME_CONSTRAINTS, 0, "IP:192.168.1.1 is not permitted"},
    {"root", "nc_ip_excluded inter_nc", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_NAME_CONSTRAINTS, 0, "IP:10.9.1.1 is excluded"},
    {"root", "leaf_sha1 inter", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_WEAK_ALGORITHM, 0, "unsupported or weak algorithm (ecdsa-with-SHA1)"},
    {"rsa_root", "rsa_leaf_sha1 rsa_inter", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_WEAK_ALGORITHM, 0, "unsupported or weak algorithm (sha1WithRSAEncryption)"},
    {"root", "leaf_rsa1024 inter", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_WEAK_ALGORITHM, 0, "RSA key of 1024 bits, at least 2048 required"},
    {"root", "leaf_p521 inter", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_UNSUPPORTED_ALGORITHM, 0, "unsupported public key algorithm (secp521r1"},
    {"root", "leaf_crit inter", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_UNKNOWN_CRITICAL_EXTENSION, 0, "unknown critical extension (OID 1.2.3.4.5): depth 0, subject CN=crit"},
    {"root", "leaf_noncrit inter", "noncrit.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"rsa_root", "rsa_leaf rsa_inter", "rsa.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"rsa_root", "pss_leaf pss_ca", "pss.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"rsa_root", "rsa_leaf_md5 rsa_inter", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_WEAK_ALGORITHM, 0, "unsupported or weak algorithm (md5WithRSAEncryption)"},
    {"rsa_root", "rsa_leaf_salt20 rsa_inter", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_UNSUPPORTED_ALGORITHM, 0, "unsupported signature algorithm (rsassaPss with parameters other than MGF1 and salt length = hash length)"},
    {"rsa_root", "rsa_leaf", "rsa.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_UNABLE_TO_GET_ISSUER, 0, NULL},
    {"root", "leaf_ed inter", "ed.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "ed_leaf ed_ca", "ed.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf_p384 inter", "p384.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    /* Cross-signing: the first candidate leads to an expired root, the second works. */
    {"root root_short", "leaf_cross cross_by_short cross_by_root", "cross.example.com", TLS13_PURPOSE_SERVER_AUTH, 2 * DAY, TLS13_VERIFY_OK, -1, NULL},
    {"root root_short", "leaf_cross cross_by_root cross_by_short", "cross.example.com", TLS13_PURPOSE_SERVER_AUTH, 2 * DAY, TLS13_VERIFY_OK, -1, NULL},
    {"root root_short", "leaf_cross cross_by_short", "cross.example.com", TLS13_PURPOSE_SERVER_AUTH, 2 * DAY, TLS13_VERIFY_EXPIRED, 2, "subject CN=Short Root CA"},
    {"root_short", "leaf_cross cross_by_short", "cross.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    /* A same-named intermediate with another key: skipped by key identifiers, or tried and abandoned. */
    {"root", "leaf inter_twin inter", "example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf_noaki inter_twin inter", "noaki.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf_noaki inter_twin", "noaki.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_BAD_SIGNATURE, 0,
     "bad signature (the certificate was not signed by the key of CN=Test Intermediate CA, O=libtls13 tests)"},
    {"root", "leaf_loop loop_a loop_b", "loop.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_UNABLE_TO_GET_ISSUER, 2, "subject CN=Loop B"},
    {"loop_a0", "leaf_loop loop_a loop_b", "loop.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf_long deep9 deep8 deep7 deep6 deep5 deep4 deep3 deep2 deep1", NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_CHAIN_TOO_LONG, 9, "certificate chain too long"},
    {"root", "leaf_tangle tangle1 tangle2 tangle3 tangle4 tangle5 tangle6 tangle7 tangle8 tangle9 tangle10 tangle11 tangle12",
     NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_CHAIN_TOO_LONG, -1, "gave up"},
    {"tangle12", "leaf_tangle tangle1 tangle2 tangle3 tangle4 tangle5 tangle6 tangle7 tangle8 tangle9 tangle10 tangle11 tangle12",
     NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_BAD_SIGNATURE, 0, NULL},
    {"tangle1", "leaf_tangle tangle2 tangle3 tangle4 tangle5 tangle6 tangle7 tangle8 tangle9 tangle10 tangle11 tangle12",
     NULL, TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"root", "leaf inter inter inter leaf inter", "example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
    {"deep2", "leaf_long deep9 deep8 deep7 deep6 deep5 deep4 deep3", "long.example.com", TLS13_PURPOSE_SERVER_AUTH, 0, TLS13_VERIFY_OK, -1, NULL},
};

static void chains(void **state)
{
    int64_t base = base_time();
    tt_count count = {"chain verification cases", 0, 0, 0};
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const verify_case *t = &cases[i];
        uint8_t *ders[MAX_FILES];
        size_t lens[MAX_FILES], n = load_list(t->chain, ders, lens);
        tls13_trust_store *store = store_of(t->store);
        tls13_verify_result res;
        tls13_public_key key;
        int rc;
        memset(&key, 0, sizeof(key));
        rc = tls13_x509_verify_chain(store, (const uint8_t *const *)ders, lens, n, t->host, t->purpose,
                                     base + t->offset, &key, &res);
        count.run++;
        if (res.code != t->code || (t->code == TLS13_VERIFY_OK) != (rc == TLS13_OK) ||
            (t->code != TLS13_VERIFY_OK && rc != TLS13_ERR_CERT_VERIFY) || res.depth != t->depth ||
            (t->message && !strstr(res.message, t->message)) ||
            (rc == TLS13_OK && !(key.data > ders[0] && key.data < ders[0] + lens[0]))) {
            print_error("case %zu [%s] store [%s]: code %d depth %d: %s\n", i, t->chain, t->store, res.code,
                        res.depth, res.message);
        } else {
            count.passed++;
        }
        for (size_t j = 0; j < n; j++)
            tls13_free(ders[j]);
        tls13_trust_store_free(store);
    }
    tt_count_report(&count);
}

static int verify_ders(tls13_trust_store *store, uint8_t **ders, size_t *lens, size_t n, tls13_verify_result *res)
{
    return tls13_x509_verify_chain(store, (const uint8_t *const *)ders, lens, n, "example.com",
                                   TLS13_PURPOSE_SERVER_AUTH, base_time(), NULL, res);
}

static void bad_signature_and_malformed(void **state)
{
    tls13_trust_store *store = store_of("root");
    uint8_t *ders[40];
    size_t lens[40], n = load_list("leaf inter", ders, lens);
    tls13_verify_result res;
    (void)state;
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_OK);
    /* A flipped bit inside the ECDSA signature's r. */
    ders[0][lens[0] - 40] ^= 0x01;
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(res.code, TLS13_VERIFY_BAD_SIGNATURE);
    assert_int_equal(res.depth, 0);
    assert_non_null(strstr(res.message, "bad signature"));
    ders[0][lens[0] - 40] ^= 0x01;
    /* The intermediate's signature, under the root. */
    ders[1][lens[1] - 40] ^= 0x01;
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(res.code, TLS13_VERIFY_BAD_SIGNATURE);
    assert_int_equal(res.depth, 1);
    ders[1][lens[1] - 40] ^= 0x01;
    /* A bit inside the signed TBS (the subject). */
    ders[0][60] ^= 0x01;
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_ERR_CERT_VERIFY);
    assert_true(res.code == TLS13_VERIFY_BAD_SIGNATURE || res.code == TLS13_VERIFY_MALFORMED ||
                res.code == TLS13_VERIFY_UNABLE_TO_GET_ISSUER);
    ders[0][60] ^= 0x01;
    /* Every byte of a certificate is signed, compared with a signed copy
     * (signatureAlgorithm) or the signature itself: no flip may verify. */
    {
        tt_count count = {"single-byte corruptions rejected", 0, 0, 0};
        for (size_t c = 0; c < 2; c++)
            for (size_t i = 0; i < lens[c]; i += 1 + c * 3) {
                ders[c][i] ^= 0x08;
                count.run++;
                if (verify_ders(store, ders, lens, n, &res) == TLS13_ERR_CERT_VERIFY && res.code != TLS13_VERIFY_OK)
                    count.passed++;
                else
                    print_error("certificate %zu byte %zu: accepted after corruption\n", c, i);
                ders[c][i] ^= 0x08;
            }
        tt_count_report(&count);
    }
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_OK);
    /* Truncated leaf; garbage as the second certificate. */
    lens[0]--;
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(res.code, TLS13_VERIFY_MALFORMED);
    assert_int_equal(res.depth, 0);
    assert_non_null(strstr(res.message, "malformed certificate"));
    lens[0]++;
    lens[1] = 3;
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(res.code, TLS13_VERIFY_MALFORMED);
    assert_int_equal(res.depth, 1);
    assert_int_equal(verify_ders(store, ders, lens, 0, &res), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(res.code, TLS13_VERIFY_NO_CERTIFICATE);
    for (size_t i = 0; i < n; i++)
        tls13_free(ders[i]);
    /* More certificates than anyone needs. */
    n = load_list("leaf inter", ders, lens);
    for (size_t i = n; i < 40; i++) {
        ders[i] = ders[1];
        lens[i] = lens[1];
    }
    assert_int_equal(verify_ders(store, ders, lens, 40, &res), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(res.code, TLS13_VERIFY_CHAIN_TOO_LONG);
    tls13_free(ders[0]);
    tls13_free(ders[1]);
    tls13_trust_store_free(store);
}

static void spki_pins(void **state)
{
    tls13_trust_store *store = store_of("root");
    uint8_t *ders[MAX_FILES], pin[32];
    size_t lens[MAX_FILES], n = load_list("leaf inter", ders, lens);
    tls13_cert inter;
    tls13_verify_result res;
    (void)state;
    assert_int_equal(tls13_cert_parse(&inter, ders[1], lens[1], NULL, 0), TLS13_OK);
    memset(pin, 0x5a, sizeof(pin));
    assert_int_equal(tls13_trust_store_add_pin(store, pin), TLS13_OK);
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(res.code, TLS13_VERIFY_PIN_MISMATCH);
    assert_non_null(strstr(res.message, "pin-sha256 is \""));
    tls13_sha256(inter.spki, inter.spki_len, pin);
    assert_int_equal(tls13_trust_store_add_pin(store, pin), TLS13_OK);
    assert_int_equal(verify_ders(store, ders, lens, n, &res), TLS13_OK);
    for (size_t i = 0; i < n; i++)
        tls13_free(ders[i]);
    tls13_trust_store_free(store);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chains),
        cmocka_unit_test(bad_signature_and_malformed),
        cmocka_unit_test(spki_pins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
