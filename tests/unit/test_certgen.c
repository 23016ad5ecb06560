/* src/x509/certgen.c (tls13_cert_generate): what it writes is read back with
 * the X.509 module's strict parser, field by field, and the signatures are
 * checked with ECDSA. OpenSSL's view of the same certificates is
 * tests/interop/example_mkcert.sh. */
#include "test_support.h"

#include <string.h>

#include "tls13.h"
#include "base/mem.h"
#include "base/random.h"
#include "crypto/ec.h"
#include "crypto/hash.h"
#include "x509/cert.h"
#include "x509/hostname.h"
#include "x509/pem.h"
#include "x509/strbuf.h"
#include "x509/x509.h"

#define T0 1764547200LL /* 2025-12-01 00:00:00 UTC */

typedef struct generated {
    char *cert_pem, *key_pem;
    tls13_pem_block der;
    tls13_cert cert;
} generated;

static void generate(const tls13_cert_spec *spec, const generated *issuer, generated *g)
{
    char err[256] = "";
    tls13_pem_reader r;
    int rc;
    memset(g, 0, sizeof *g);
    rc = tls13_cert_generate(spec, issuer ? issuer->cert_pem : NULL, issuer ? issuer->key_pem : NULL, &g->cert_pem,
                             &g->key_pem, err, sizeof err);
    if (rc != TLS13_OK)
        fail_msg("tls13_cert_generate: %d: %s", rc, err);
    tls13_pem_reader_init(&r, (const uint8_t *)g->cert_pem, strlen(g->cert_pem));
    assert_int_equal(tls13_pem_next(&r, &g->der), 1);
    assert_string_equal(g->der.label, "CERTIFICATE");
    rc = tls13_cert_parse(&g->cert, g->der.der, g->der.der_len, err, sizeof err);
    if (rc != TLS13_OK)
        fail_msg("tls13_cert_parse of our certificate: %s", err);
}

static void release(generated *g)
{
    tls13_pem_block_free(&g->der);
    tls13_free_pem(g->cert_pem);
    tls13_free_pem(g->key_pem);
}

/* The certificate's signature, checked with the signer's public key. */
static void assert_signed_by(const generated *g, const tls13_cert *signer)
{
    uint8_t digest[TLS13_SHA256_SIZE];
    const uint8_t *tbs = g->cert.tbs.p;
    assert_int_equal(g->cert.sig_alg.oid, TLS13_OID_ECDSA_SHA256);
    tls13_hash(TLS13_HASH_SHA256, tbs, g->cert.tbs.len, digest);
    assert_int_equal(signer->key.type, TLS13_KEY_EC_P256);
    assert_int_equal(tls13_ecdsa_verify(TLS13_CURVE_P256, signer->key.data, signer->key.len, digest, sizeof digest,
                                        g->cert.sig, g->cert.sig_len),
                     TLS13_OK);
}

static void assert_key_file_matches(const generated *g)
{
    tls13_private_key key;
    char err[256] = "";
    int rc = tls13_private_key_parse(&key, (const uint8_t *)g->key_pem, strlen(g->key_pem), err, sizeof err);
    if (rc != TLS13_OK)
        fail_msg("tls13_private_key_parse of our key: %s", err);
    assert_non_null(strstr(g->key_pem, "-----BEGIN PRIVATE KEY-----\n")); /* PKCS#8 */
    assert_int_equal(key.type, TLS13_KEY_EC_P256);
    assert_int_equal(tls13_private_key_matches_cert(&key, g->der.der, g->der.der_len), TLS13_OK);
    tls13_wipe(&key, sizeof key);
}

static void subject_text(const tls13_cert *c, char *out, size_t cap)
{
    tls13_strbuf s;
    tls13_strbuf_init(&s, out, cap);
    tls13_cert_subject(c, &s);
}

static tls13_cert_spec ca_spec(void)
{
    tls13_cert_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.common_name = "Test CA";
    spec.is_ca = 1;
    spec.not_before = T0;
    spec.not_after = T0 + 3650LL * 86400;
    return spec;
}

static void self_signed_ca(void **state)
{
    tls13_cert_spec spec = ca_spec();
    generated ca;
    char subject[128];
    (void)state;
    generate(&spec, NULL, &ca);
    assert_int_equal(ca.cert.version, 3);
    assert_true(ca.cert.has_basic_constraints && ca.cert.is_ca);
    assert_int_equal(ca.cert.path_len, -1);
    assert_true(ca.cert.has_key_usage);
    assert_int_equal(ca.cert.key_usage, TLS13_KU_KEY_CERT_SIGN | TLS13_KU_CRL_SIGN);
    assert_false(ca.cert.has_ext_key_usage);
    assert_null(ca.cert.san);
    assert_null(ca.cert.unknown_critical);
    assert_true(ca.cert.not_before == spec.not_before && ca.cert.not_after == spec.not_after);
    assert_true(tls13_cert_self_issued(&ca.cert));
    subject_text(&ca.cert, subject, sizeof subject);
    assert_string_equal(subject, "CN=Test CA");
    /* Serial: 16 octets, positive (RFC 5280 section 4.1.2.2). */
    assert_int_equal(ca.cert.serial_len, 16);
    assert_true(ca.cert.serial[0] != 0 && !(ca.cert.serial[0] & 0x80));
    /* Key identifiers: 160 bits, the same for a self-signed certificate. */
    assert_non_null(ca.cert.ski);
    assert_non_null(ca.cert.aki);
    assert_int_equal(ca.cert.ski_len, 20);
    assert_int_equal(ca.cert.aki_len, 20);
    assert_memory_equal(ca.cert.ski, ca.cert.aki, 20);
    assert_signed_by(&ca, &ca.cert);
    assert_key_file_matches(&ca);
    release(&ca);
}

static void leaf_signed_by_ca(void **state)
{
    static const char *const names[] = {"localhost", "127.0.0.1", "::1", "*.example.test"};
    tls13_cert_spec spec = ca_spec(), leaf_spec;
    generated ca, leaf;
    tls13_host host;
    char subject[128], sans[256];
    tls13_strbuf s;
    (void)state;
    generate(&spec, NULL, &ca);
    memset(&leaf_spec, 0, sizeof leaf_spec);
    leaf_spec.common_name = "localhost";
    leaf_spec.names = names;
    leaf_spec.n_names = 4;
    leaf_spec.not_before = T0;
    leaf_spec.not_after = T0 + 825LL * 86400;
    generate(&leaf_spec, &ca, &leaf);

    assert_true(leaf.cert.has_basic_constraints && !leaf.cert.is_ca);
    assert_int_equal(leaf.cert.key_usage, TLS13_KU_DIGITAL_SIGNATURE);
    assert_true(leaf.cert.has_ext_key_usage);
    assert_int_equal(leaf.cert.ext_key_usage, TLS13_EKU_SERVER_AUTH | TLS13_EKU_CLIENT_AUTH);
    assert_int_equal(leaf.cert.issuer_len, ca.cert.subject_len);
    assert_memory_equal(leaf.cert.issuer, ca.cert.subject, ca.cert.subject_len);
    subject_text(&leaf.cert, subject, sizeof subject);
    assert_string_equal(subject, "CN=localhost");
    tls13_strbuf_init(&s, sans, sizeof sans);
    tls13_cert_format_sans(&leaf.cert, &s);
    assert_string_equal(sans, "DNS:localhost, IP:127.0.0.1, IP:::1, DNS:*.example.test");
    /* The names match as a verifier matches them (RFC 6125). */
    tls13_host_parse("localhost", &host);
    assert_true(tls13_cert_matches_host(&leaf.cert, &host));
    tls13_host_parse("::1", &host);
    assert_true(tls13_cert_matches_host(&leaf.cert, &host));
    tls13_host_parse("www.example.test", &host);
    assert_true(tls13_cert_matches_host(&leaf.cert, &host));
    tls13_host_parse("other.test", &host);
    assert_false(tls13_cert_matches_host(&leaf.cert, &host));
    /* authorityKeyIdentifier = the CA's subjectKeyIdentifier; its own differs. */
    assert_int_equal(leaf.cert.aki_len, ca.cert.ski_len);
    assert_memory_equal(leaf.cert.aki, ca.cert.ski, ca.cert.ski_len);
    assert_memory_not_equal(leaf.cert.ski, ca.cert.ski, 20);
    assert_memory_not_equal(leaf.cert.serial, ca.cert.serial, 16);
    assert_signed_by(&leaf, &ca.cert);
    assert_key_file_matches(&leaf);
    release(&leaf);
    release(&ca);
}

/* UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 section
 * 4.1.2.5), around the epoch and leap days; the parser converts back. */
static void validity_encodings(void **state)
{
    static const int64_t pairs[][2] = {
        {-1, 0},                                  /* 1969-12-31 23:59:59 (UTCTime 69...) */
        {-631152000, 951825600},                  /* 1950-01-01, 2000-02-29 12:00:00 */
        {2524607999, 2524608000},                 /* 2049-12-31 23:59:59 | 2050-01-01 (GeneralizedTime) */
        {1709251199, 253402300799},               /* 2024-02-29 23:59:59, 9999-12-31 23:59:59 */
        {-62135596800, -2208988800},              /* 0001-01-01, 1900-01-01 (GeneralizedTime) */
    };
    tls13_cert_spec spec = ca_spec();
    tt_count count = {"certgen validity", 0, 0, 0};
    (void)state;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        generated g;
        spec.not_before = pairs[i][0];
        spec.not_after = pairs[i][1];
        generate(&spec, NULL, &g);
        count.run++;
        if (g.cert.not_before == spec.not_before && g.cert.not_after == spec.not_after)
            count.passed++;
        else
            print_error("validity %lld..%lld read back as %lld..%lld\n", (long long)spec.not_before,
                        (long long)spec.not_after, (long long)g.cert.not_before, (long long)g.cert.not_after);
        release(&g);
    }
    tt_count_report(&count);
}

static void assert_fails(const tls13_cert_spec *spec, const char *issuer_cert, const char *issuer_key, int status,
                         const char *reason)
{
    char *cert = (char *)1, *key = (char *)1, err[256] = "";
    int rc = tls13_cert_generate(spec, issuer_cert, issuer_key, &cert, &key, err, sizeof err);
    if (rc != status || !strstr(err, reason))
        fail_msg("expected %d \"%s\", got %d \"%s\"", status, reason, rc, err);
    assert_null(cert);
    assert_null(key);
}

static void bad_input_named(void **state)
{
    static const char *const bad_names[] = {"localhost", "bad name!"};
    static const char *const empty_label[] = {"a..example"};
    tls13_cert_spec spec = ca_spec(), leaf;
    generated ca, other_ca, not_ca;
    (void)state;
    leaf = spec;
    leaf.is_ca = 0;
    leaf.common_name = "x";

    spec.common_name = NULL;
    assert_fails(&spec, NULL, NULL, TLS13_ERR_INVALID_ARGUMENT, "common name");
    spec.common_name = "Test CA";
    spec.not_after = spec.not_before;
    assert_fails(&spec, NULL, NULL, TLS13_ERR_INVALID_ARGUMENT, "not_after must be later");
    spec = ca_spec();
    leaf.names = bad_names;
    leaf.n_names = 2;
    assert_fails(&leaf, NULL, NULL, TLS13_ERR_INVALID_ARGUMENT, "\"bad name!\" is neither a DNS name nor an IP address");
    leaf.names = empty_label;
    leaf.n_names = 1;
    assert_fails(&leaf, NULL, NULL, TLS13_ERR_INVALID_ARGUMENT, "\"a..example\" is neither");
    leaf.n_names = 0;

    generate(&spec, NULL, &ca);
    generate(&spec, NULL, &other_ca);
    generate(&leaf, &ca, &not_ca);
    assert_fails(&leaf, ca.cert_pem, NULL, TLS13_ERR_INVALID_ARGUMENT, "both the issuer certificate and key");
    assert_fails(&leaf, "no PEM here", ca.key_pem, TLS13_ERR_PEM, "the issuer certificate: ");
    assert_fails(&leaf, ca.cert_pem, other_ca.key_pem, TLS13_ERR_KEY_MISMATCH, "does not belong to the issuer certificate");
    assert_fails(&leaf, not_ca.cert_pem, not_ca.key_pem, TLS13_ERR_INVALID_ARGUMENT, "is not a CA");
    assert_fails(&leaf, ca.cert_pem, "garbage", TLS13_ERR_DECODE, "the issuer key could not be read: ");
    release(&not_ca);
    release(&other_ca);
    release(&ca);
}

static int broken_random(void *arg, uint8_t *out, size_t len)
{
    (void)arg;
    (void)out;
    (void)len;
    return TLS13_ERR_RANDOM;
}

static void random_failure_reported(void **state)
{
    tls13_cert_spec spec = ca_spec();
    char *cert = NULL, *key = NULL, err[256] = "";
    int rc;
    (void)state;
    tls13_random_set_source(broken_random, NULL);
    rc = tls13_cert_generate(&spec, NULL, NULL, &cert, &key, err, sizeof err);
    tls13_random_set_source(NULL, NULL);
    assert_int_equal(rc, TLS13_ERR_RANDOM);
    assert_true(err[0] != '\0');
    assert_null(cert);
    assert_null(key);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(self_signed_ca),
        cmocka_unit_test(leaf_signed_by_ca),
        cmocka_unit_test(validity_encodings),
        cmocka_unit_test(bad_input_named),
        cmocka_unit_test(random_failure_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
