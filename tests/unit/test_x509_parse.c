/* src/x509: times, base64/PEM, names, certificate parsing (strict DER),
 * against certificates generated at test time by tests/x509/make_chains.sh. */
#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include "../x509/fixture.h"

#include "base/der.h"
#include "x509/name.h"
#include "x509/x509.h"

typedef struct time_case {
    uint8_t tag;
    const char *text;
    int valid;
    int64_t seconds;
} time_case;

static void times_rfc5280(void **state)
{
    static const time_case cases[] = {
        {TLS13_DER_UTC_TIME, "700101000000Z", 1, 0},
        {TLS13_DER_UTC_TIME, "500101000000Z", 1, -631152000},      /* YY >= 50 is 19YY */
        {TLS13_DER_UTC_TIME, "491231235959Z", 1, 2524607999},      /* YY < 50 is 20YY */
        {TLS13_DER_GENERALIZED_TIME, "20500101000000Z", 1, 2524608000},
        {TLS13_DER_UTC_TIME, "000229120000Z", 1, 951825600},       /* 2000 is a leap year */
        {TLS13_DER_GENERALIZED_TIME, "20240229235959Z", 1, 1709251199},
        {TLS13_DER_GENERALIZED_TIME, "19691231235959Z", 1, -1},
        {TLS13_DER_GENERALIZED_TIME, "99991231235959Z", 1, 253402300799},
        {TLS13_DER_GENERALIZED_TIME, "21000229000000Z", 0, 0},     /* 2100 is not */
        {TLS13_DER_UTC_TIME, "230229000000Z", 0, 0},
        {TLS13_DER_UTC_TIME, "7001010000Z", 0, 0},                 /* seconds missing */
        {TLS13_DER_UTC_TIME, "700101000000", 0, 0},                /* no Z */
        {TLS13_DER_UTC_TIME, "700101000000+0000", 0, 0},
        {TLS13_DER_GENERALIZED_TIME, "19700101000000.5Z", 0, 0},   /* fraction */
        {TLS13_DER_UTC_TIME, "700101000060Z", 0, 0},
        {TLS13_DER_UTC_TIME, "700101240000Z", 0, 0},
        {TLS13_DER_UTC_TIME, "701301000000Z", 0, 0},
        {TLS13_DER_UTC_TIME, "700100000000Z", 0, 0},
        {TLS13_DER_UTC_TIME, "70010100000 Z", 0, 0},
        {TLS13_DER_UTC_TIME, "20500101000000Z", 0, 0},             /* GeneralizedTime text in a UTCTime */
        {TLS13_DER_GENERALIZED_TIME, "500101000000Z", 0, 0},
        {TLS13_DER_OCTET_STRING, "700101000000Z", 0, 0},
    };
    tt_count count = {"asn1 times", 0, 0, 0};
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t t = 12345;
        bool ok = tls13_asn1_time_parse(cases[i].tag, (const uint8_t *)cases[i].text, strlen(cases[i].text), &t);
        count.run++;
        if (ok == (cases[i].valid != 0) && (!ok || t == cases[i].seconds))
            count.passed++;
        else
            print_error("time %s: got ok=%d t=%lld\n", cases[i].text, ok, (long long)t);
    }
    tt_count_report(&count);
}

static void time_format_and_calendar(void **state)
{
    char buf[40];
    (void)state;
    tls13_asn1_time_format(0, buf, sizeof(buf));
    assert_string_equal(buf, "1970-01-01 00:00:00 UTC");
    tls13_asn1_time_format(1740052800, buf, sizeof(buf));
    assert_string_equal(buf, "2025-02-20 12:00:00 UTC");
    tls13_asn1_time_format(-1, buf, sizeof(buf));
    assert_string_equal(buf, "1969-12-31 23:59:59 UTC");
    /* Every day from 1600 to 2400 round-trips through the calendar. */
    for (int64_t d = tls13_days_from_civil(1600, 1, 1); d < tls13_days_from_civil(2400, 1, 1); d++) {
        int64_t y;
        unsigned m, day;
        tls13_civil_from_days(d, &y, &m, &day);
        if (tls13_days_from_civil(y, m, day) != d)
            fail_msg("calendar round trip failed at day %lld", (long long)d);
    }
}

static bool b64(const char *in, const char *want)
{
    uint8_t out[64];
    size_t n;
    if (!tls13_base64_decode(in, strlen(in), out, &n))
        return want == NULL;
    return want && n == strlen(want) && memcmp(out, want, n) == 0;
}

static void base64_strict(void **state)
{
    (void)state;
    assert_true(b64("TWFu", "Man"));
    assert_true(b64("TWE=", "Ma"));
    assert_true(b64("TQ==", "M"));
    assert_true(b64("+/+/", "\xfb\xff\xbf"));
    assert_true(b64("TWE", NULL));   /* length not a multiple of 4 */
    assert_true(b64("TW=u", NULL));  /* padding inside */
    assert_true(b64("TR==", NULL));  /* non-zero pad bits */
    assert_true(b64("TWF=", NULL));
    assert_true(b64("T@==", NULL));
    assert_true(b64("TW-u", NULL));  /* base64url is not PEM */
    assert_true(b64("====", NULL));
    assert_true(b64("T===", NULL));
    assert_true(b64("", NULL));
}

static int pem_all(const char *text, unsigned *blocks, char *err, size_t err_len)
{
    tls13_pem_reader r;
    tls13_pem_block b;
    int rc;
    *blocks = 0;
    tls13_pem_reader_init(&r, (const uint8_t *)text, strlen(text));
    while ((rc = tls13_pem_next(&r, &b)) == 1) {
        (*blocks)++;
        tls13_pem_block_free(&b);
    }
    snprintf(err, err_len, "%s", r.err);
    return rc;
}

static void pem_blocks_and_errors(void **state)
{
    char err[256];
    unsigned n;
    (void)state;
    assert_int_equal(pem_all("Subject: junk before\n-----BEGIN A-----\nTWFu\n-----END A-----\n"
                             "between\r\n-----BEGIN B B-----\r\nTW\r\nE=\r\n-----END B B-----\r\ntrailer", &n, err, sizeof(err)), 0);
    assert_int_equal(n, 2);
    assert_int_equal(pem_all("no pem here", &n, err, sizeof(err)), 0);
    assert_int_equal(n, 0);
    assert_int_equal(pem_all("-----BEGIN CERTIFICATE-----\nTWFu\n-----END PRIVATE KEY-----\n", &n, err, sizeof(err)),
                     TLS13_ERR_PEM);
    assert_non_null(strstr(err, "BEGIN CERTIFICATE ends with END PRIVATE KEY"));
    assert_int_equal(pem_all("-----BEGIN CERTIFICATE-----\nTWFu\n", &n, err, sizeof(err)), TLS13_ERR_PEM);
    assert_non_null(strstr(err, "no matching -----END"));
    assert_int_equal(pem_all("-----BEGIN A-----\nTWFu\n-----BEGIN A-----\nTWFu\n-----END A-----\n", &n, err, sizeof(err)),
                     TLS13_ERR_PEM);
    assert_non_null(strstr(err, "PEM block 1 (A): no matching -----END line before the next -----BEGIN line"));
    assert_int_equal(pem_all("-----BEGIN A-----\nTWFu\n-----END A-----\n-----BEGIN CERTIFICATE-----\nTW!u\n-----END CERTIFICATE-----\n",
                             &n, err, sizeof(err)), TLS13_ERR_PEM);
    assert_non_null(strstr(err, "PEM block 2 (CERTIFICATE): invalid base64"));
    assert_int_equal(pem_all("-----BEGIN A-----\n\n-----END A-----\n", &n, err, sizeof(err)), TLS13_ERR_PEM);
    assert_non_null(strstr(err, "empty body"));
    assert_int_equal(pem_all("-----BEGIN A----\nTWFu\n-----END A-----\n", &n, err, sizeof(err)), TLS13_ERR_PEM);
    assert_non_null(strstr(err, "malformed BEGIN line"));
    /* RFC 1421 headers are skipped; Proc-Type ENCRYPTED is flagged. */
    {
        static const char enc[] = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                                  "DEK-Info: AES-128-CBC,00\n\nTWFu\n-----END RSA PRIVATE KEY-----\n";
        tls13_pem_reader r;
        tls13_pem_block b;
        tls13_pem_reader_init(&r, (const uint8_t *)enc, strlen(enc));
        assert_int_equal(tls13_pem_next(&r, &b), 1);
        assert_true(b.encrypted);
        assert_string_equal(b.label, "RSA PRIVATE KEY");
        tls13_pem_block_free(&b);
    }
}

static void name_text(const uint8_t *der, size_t len, const char *want)
{
    char buf[200];
    tls13_strbuf s;
    tls13_strbuf_init(&s, buf, sizeof(buf));
    assert_true(tls13_x509_name_valid(der, len));
    tls13_x509_name_format(der, len, &s);
    assert_string_equal(buf, want);
}

static void names_rfc4514_text(void **state)
{
    /* SET { SEQ { CN, UTF8String "#a,b+ " } } */
    static const uint8_t escaped[] = {0x31, 0x0f, 0x30, 0x0d, 0x06, 0x03, 0x55, 0x04, 0x03,
                                      0x0c, 0x06, '#', 'a', ',', 'b', '+', ' '};
    /* SET { CN=a, O=b } (multi-valued), then SET { 1.2.3.4 = BOOLEAN TRUE } */
    static const uint8_t multi[] = {0x31, 0x14, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13, 0x01, 'a',
                                    0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x13, 0x01, 'b',
                                    0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x01, 0x01, 0xff};
    /* BMPString "é" and a control character in a PrintableString. */
    static const uint8_t bmp[] = {0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x03, 0x1e, 0x02, 0x00, 0xe9,
                                  0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x0b, 0x13, 0x01, 0x01};
    static const uint8_t bad[] = {0x31, 0x00};
    (void)state;
    name_text(escaped, sizeof(escaped), "CN=\\#a\\,b\\+\\ ");
    name_text(multi, sizeof(multi), "CN=a+O=b, 1.2.3.4=#0101FF");
    name_text(bmp, sizeof(bmp), "CN=\xc3\xa9, OU=\\01");
    assert_false(tls13_x509_name_valid(bad, sizeof(bad)));
}

static void parse_ok(const char *file, tls13_cert *c, uint8_t **der)
{
    size_t len;
    char why[200];
    *der = tx_der(file, &len);
    if (tls13_cert_parse(c, *der, len, why, sizeof(why)) != TLS13_OK)
        fail_msg("%s: %s", file, why);
}

static void text_of(void (*fn)(const tls13_cert *, tls13_strbuf *), const tls13_cert *c, const char *want)
{
    char buf[300];
    tls13_strbuf s;
    tls13_strbuf_init(&s, buf, sizeof(buf));
    fn(c, &s);
    assert_string_equal(buf, want);
}

static void cert_fields(void **state)
{
    tls13_cert c;
    uint8_t *der;
    char oid[40];
    (void)state;
    parse_ok("leaf.pem", &c, &der);
    assert_int_equal(c.version, 3);
    text_of(tls13_cert_subject, &c, "CN=example.com, O=Example\\, Inc.");
    text_of(tls13_cert_issuer, &c, "CN=Test Intermediate CA, O=libtls13 tests");
    text_of(tls13_cert_format_sans, &c, "DNS:example.com, DNS:*.example.com, IP:127.0.0.1, IP:::1");
    assert_int_equal(c.key.type, TLS13_KEY_EC_P256);
    assert_int_equal(c.key.len, 65);
    assert_int_equal(c.key.data[0], 0x04);
    assert_int_equal(c.sig_alg.oid, TLS13_OID_ECDSA_SHA256);
    assert_int_equal(c.sig_alg.scheme, TLS13_SIG_ECDSA_SECP256R1_SHA256);
    assert_false(c.sig_alg.weak);
    assert_true(c.has_basic_constraints);
    assert_false(c.is_ca);
    assert_true(c.has_key_usage);
    assert_int_equal(c.key_usage, TLS13_KU_DIGITAL_SIGNATURE);
    assert_true(c.has_ext_key_usage);
    assert_int_equal(c.ext_key_usage, TLS13_EKU_SERVER_AUTH);
    assert_non_null(c.aki);
    assert_non_null(c.ski);
    assert_null(c.unknown_critical);
    assert_int_equal(c.not_after - c.not_before, 90 * 86400);
    assert_false(tls13_cert_self_issued(&c));
    tls13_free(der);

    parse_ok("inter.pem", &c, &der);
    assert_true(c.is_ca);
    assert_int_equal(c.path_len, 0);
    assert_int_equal(c.key_usage, TLS13_KU_KEY_CERT_SIGN | TLS13_KU_CRL_SIGN);
    tls13_free(der);

    parse_ok("root.pem", &c, &der);
    assert_true(tls13_cert_self_issued(&c));
    assert_int_equal(c.path_len, -1);
    tls13_free(der);

    parse_ok("rsa_leaf.pem", &c, &der);
    assert_int_equal(c.sig_alg.oid, TLS13_OID_RSASSA_PSS);
    assert_int_equal(c.sig_alg.scheme, TLS13_SIG_RSA_PSS_RSAE_SHA256);
    tls13_free(der);
    parse_ok("rsa_inter.pem", &c, &der);
    assert_int_equal(c.sig_alg.scheme, TLS13_SIG_RSA_PKCS1_SHA256);
    assert_int_equal(c.key.type, TLS13_KEY_RSA);
    assert_int_equal(c.key.len, 256);
    assert_int_equal(c.key.rsa_e_len, 3); /* 65537 */
    tls13_free(der);
    parse_ok("rsa_leaf_sha1.pem", &c, &der);
    assert_int_equal(c.sig_alg.oid, TLS13_OID_SHA1_WITH_RSA);
    assert_true(c.sig_alg.weak);
    tls13_free(der);
    parse_ok("leaf_sha1.pem", &c, &der);
    assert_int_equal(c.sig_alg.oid, TLS13_OID_ECDSA_SHA1);
    assert_true(c.sig_alg.weak);
    tls13_free(der);
    parse_ok("leaf_p521.pem", &c, &der);
    assert_int_equal(c.key.type, TLS13_KEY_NONE);
    tls13_oid_describe(c.key_oid, c.key_oid_len, oid, sizeof(oid));
    assert_string_equal(oid, "secp521r1");
    tls13_free(der);
    parse_ok("leaf_p384.pem", &c, &der);
    assert_int_equal(c.key.type, TLS13_KEY_EC_P384);
    assert_int_equal(c.sig_alg.scheme, TLS13_SIG_ECDSA_SECP384R1_SHA384);
    tls13_free(der);
    parse_ok("leaf_ed.pem", &c, &der);
    assert_int_equal(c.key.type, TLS13_KEY_ED25519);
    assert_int_equal(c.key.len, 32);
    tls13_free(der);
    parse_ok("ed_leaf.pem", &c, &der);
    assert_int_equal(c.sig_alg.scheme, TLS13_SIG_ED25519);
    tls13_free(der);
    parse_ok("leaf_crit.pem", &c, &der);
    assert_non_null(c.unknown_critical);
    tls13_oid_to_text(c.unknown_critical, c.unknown_critical_len, oid, sizeof(oid));
    assert_string_equal(oid, "1.2.3.4.5");
    tls13_free(der);
    parse_ok("leaf_noncrit.pem", &c, &der);
    assert_null(c.unknown_critical);
    tls13_free(der);
    parse_ok("inter_nc.pem", &c, &der);
    assert_non_null(c.nc_permitted);
    assert_non_null(c.nc_excluded);
    tls13_free(der);
    parse_ok("leaf_ipv6.pem", &c, &der);
    text_of(tls13_cert_format_sans, &c, "IP:2001:db8::1, DNS:10.0.0.1");
    tls13_free(der);
}

static void describe_and_public_key(void **state)
{
    size_t len;
    uint8_t *der = tx_der("leaf.pem", &len);
    char subject[100], issuer[100], nb[40], na[40], sans[200];
    tls13_public_key key;
    (void)state;
    assert_int_equal(tls13_x509_describe(der, len, subject, sizeof(subject), issuer, sizeof(issuer), nb, sizeof(nb),
                                         na, sizeof(na), sans, sizeof(sans)), TLS13_OK);
    assert_string_equal(subject, "CN=example.com, O=Example\\, Inc.");
    assert_string_equal(issuer, "CN=Test Intermediate CA, O=libtls13 tests");
    assert_non_null(strstr(nb, " UTC"));
    assert_int_equal(strlen(na), strlen("2026-01-01 00:00:00 UTC"));
    assert_string_equal(sans, "DNS:example.com, DNS:*.example.com, IP:127.0.0.1, IP:::1");
    /* A short buffer is truncated with "..." and stays terminated. */
    assert_int_equal(tls13_x509_describe(der, len, subject, 10, NULL, 0, NULL, 0, NULL, 0, NULL, 0), TLS13_OK);
    assert_string_equal(subject, "CN=exa...");
    assert_int_equal(tls13_x509_public_key(der, len, &key), TLS13_OK);
    assert_int_equal(key.type, TLS13_KEY_EC_P256);
    assert_true(key.data > der && key.data + key.len <= der + len);
    assert_int_equal(tls13_x509_public_key(der, len - 1, &key), TLS13_ERR_DECODE);
    tls13_free(der);
}

/* Rebuilds a certificate with other extensions (the signature no longer
 * matches; parsing does not care). */
static size_t with_extensions(const uint8_t *der, size_t len, const uint8_t *exts, size_t exts_len,
                              uint8_t *out, size_t cap)
{
    tls13_reader r, cert, tbs, tbs_whole, elem;
    tls13_writer w;
    size_t outer, tbs_pos, ext_pos, seq_pos;
    uint8_t tag;
    tls13_reader_init(&r, der, len);
    assert_true(tls13_der_read(&r, TLS13_DER_SEQUENCE, &cert));
    assert_true(tls13_der_read_whole(&cert, TLS13_DER_SEQUENCE, &tbs, &tbs_whole));
    tls13_writer_init(&w, out, cap);
    outer = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    tbs_pos = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    while (tls13_reader_remaining(&tbs) > 0) {
        const uint8_t *start = tbs.p;
        assert_true(tls13_der_read_any(&tbs, &tag, &elem));
        if (tag == TLS13_DER_CONTEXT_CONSTRUCTED(3))
            break;
        tls13_write_bytes(&w, start, (size_t)(tbs.p - start));
    }
    ext_pos = tls13_der_begin(&w, TLS13_DER_CONTEXT_CONSTRUCTED(3));
    seq_pos = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    tls13_write_bytes(&w, exts, exts_len);
    tls13_der_end(&w, seq_pos);
    tls13_der_end(&w, ext_pos);
    tls13_der_end(&w, tbs_pos);
    tls13_write_bytes(&w, cert.p, cert.len); /* signatureAlgorithm, signatureValue */
    tls13_der_end(&w, outer);
    assert_true(tls13_writer_ok(&w));
    return tls13_writer_len(&w);
}

static int parse_exts(const uint8_t *der, size_t len, const uint8_t *exts, size_t exts_len, char *why, size_t why_len)
{
    static uint8_t buf[4096];
    tls13_cert c;
    size_t n = with_extensions(der, len, exts, exts_len, buf, sizeof(buf));
    return tls13_cert_parse(&c, buf, n, why, why_len);
}

static void malformed_der_rejected(void **state)
{
    static uint8_t buf[4096];
    /* basicConstraints CA:TRUE, and the same again. */
    static const uint8_t bc[] = {0x30, 0x0c, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x04, 0x05, 0x30, 0x03, 0x01, 0x01, 0xff};
    static const uint8_t bc_dup[] = {0x30, 0x0c, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x04, 0x05, 0x30, 0x03, 0x01, 0x01, 0xff,
                                     0x30, 0x0c, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x04, 0x05, 0x30, 0x03, 0x01, 0x01, 0xff};
    /* BOOLEAN 0x01 is BER, not DER. */
    static const uint8_t bc_ber[] = {0x30, 0x0c, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x04, 0x05, 0x30, 0x03, 0x01, 0x01, 0x01};
    /* explicit critical FALSE (tolerated) */
    static const uint8_t bc_false[] = {0x30, 0x0f, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x01, 0x01, 0x00, 0x04, 0x05,
                                       0x30, 0x03, 0x01, 0x01, 0xff};
    /* SAN with a 5-byte IP address */
    static const uint8_t san_bad_ip[] = {0x30, 0x0e, 0x06, 0x03, 0x55, 0x1d, 0x11, 0x04, 0x07, 0x30, 0x05, 0x87, 0x03, 1, 2, 3};
    /* extension value with trailing bytes */
    static const uint8_t bc_trailing[] = {0x30, 0x0e, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x04, 0x07, 0x30, 0x03, 0x01, 0x01,
                                          0xff, 0x05, 0x00};
    size_t len, n;
    uint8_t *der = tx_der("leaf.pem", &len);
    tls13_cert c;
    char why[200];
    tt_count count = {"malformed certificates", 0, 0, 0};
    (void)state;
    assert_int_equal(parse_exts(der, len, bc, sizeof(bc), why, sizeof(why)), TLS13_OK);
    assert_int_equal(parse_exts(der, len, bc_false, sizeof(bc_false), why, sizeof(why)), TLS13_OK);
    assert_int_equal(parse_exts(der, len, bc_dup, sizeof(bc_dup), why, sizeof(why)), TLS13_ERR_DECODE);
    assert_string_equal(why, "duplicate extension basicConstraints");
    assert_int_equal(parse_exts(der, len, bc_ber, sizeof(bc_ber), why, sizeof(why)), TLS13_ERR_DECODE);
    assert_string_equal(why, "malformed basicConstraints extension");
    assert_int_equal(parse_exts(der, len, san_bad_ip, sizeof(san_bad_ip), why, sizeof(why)), TLS13_ERR_DECODE);
    assert_int_equal(parse_exts(der, len, bc_trailing, sizeof(bc_trailing), why, sizeof(why)), TLS13_ERR_DECODE);
    assert_int_equal(parse_exts(der, len, NULL, 0, why, sizeof(why)), TLS13_ERR_DECODE); /* empty Extensions */

    /* Every truncation fails. */
    for (size_t cut = 0; cut < len; cut++) {
        count.run++;
        if (tls13_cert_parse(&c, der, cut, NULL, 0) == TLS13_ERR_DECODE)
            count.passed++;
    }
    /* Trailing bytes. */
    memcpy(buf, der, len);
    buf[len] = 0;
    count.run++;
    if (tls13_cert_parse(&c, buf, len + 1, why, sizeof(why)) == TLS13_ERR_DECODE &&
        strcmp(why, "trailing bytes after the certificate") == 0)
        count.passed++;
    /* The outer length in a longer form than needed (0x82 -> 0x83 00 ..). */
    assert_int_equal(der[1], 0x82);
    buf[0] = 0x30;
    buf[1] = 0x83;
    buf[2] = 0x00;
    memcpy(buf + 3, der + 2, len - 2);
    n = len + 1;
    count.run++;
    if (tls13_cert_parse(&c, buf, n, NULL, 0) == TLS13_ERR_DECODE)
        count.passed++;
    /* An outer length one larger than the data. */
    memcpy(buf, der, len);
    buf[3]++;
    count.run++;
    if (tls13_cert_parse(&c, buf, len, NULL, 0) == TLS13_ERR_DECODE)
        count.passed++;
    /* Every single-byte corruption either fails or still parses, never
     * crashes (ASan watches); the count of failures must be substantial. */
    {
        unsigned rejected = 0;
        for (size_t i = 0; i < len; i++) {
            memcpy(buf, der, len);
            buf[i] ^= 0x80;
            if (tls13_cert_parse(&c, buf, len, NULL, 0) != TLS13_OK)
                rejected++;
        }
        assert_true(rejected > len / 4);
    }
    tt_count_report(&count);
    tls13_free(der);
}

static void system_store_parses(void **state)
{
    static const char path[] = "/etc/ssl/certs/ca-certificates.crt";
    uint8_t *data;
    size_t len;
    tls13_pem_reader r;
    tls13_pem_block b;
    int rc;
    tt_count count = {"system CA bundle certificates", 0, 0, 0};
    (void)state;
    if (tls13_x509_read_file(path, &data, &len, NULL, 0) != TLS13_OK) {
        print_message("skipped: %s is absent (Debian: apt-get install ca-certificates)\n", path);
        skip();
    }
    tls13_pem_reader_init(&r, data, len);
    while ((rc = tls13_pem_next(&r, &b)) == 1) {
        tls13_cert c;
        char why[200];
        count.run++;
        if (tls13_cert_parse(&c, b.der, b.der_len, why, sizeof(why)) == TLS13_OK)
            count.passed++;
        else
            print_error("certificate %u of %s: %s\n", count.run, path, why);
        tls13_pem_block_free(&b);
    }
    assert_int_equal(rc, 0);
    tls13_free(data);
    tt_count_report(&count);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(times_rfc5280),
        cmocka_unit_test(time_format_and_calendar),
        cmocka_unit_test(base64_strict),
        cmocka_unit_test(pem_blocks_and_errors),
        cmocka_unit_test(names_rfc4514_text),
        cmocka_unit_test(cert_fields),
        cmocka_unit_test(describe_and_public_key),
        cmocka_unit_test(malformed_der_rejected),
        cmocka_unit_test(system_store_parses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
