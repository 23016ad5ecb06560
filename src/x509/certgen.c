/*
 * Development certificates (tls13_cert_generate, used by tls13-mkcert): a fresh
 * ECDSA P-256 key and an X.509 v3 certificate for it (RFC 5280 section 4),
 * written with the DER writer and signed by the issuer's ECDSA key (or
 * self-signed). The profile is the one browsers and OpenSSL accept for a local
 * CA and its leaves (CA/Browser Forum baseline requirements, section 7.1).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tls13.h"
#include "../base/der.h"
#include "../base/mem.h"
#include "../base/random.h"
#include "../crypto/ec.h"
#include "../crypto/sha2.h"
#include "cert.h"
#include "hostname.h"
#include "oid.h"
#include "pem.h"
#include "x509.h"

#define CERT_MAX 4096    /* our certificates are < 1 KiB */
#define KEY_ID_SIZE 20   /* RFC 7093 section 2 method 1: 160 leftmost bits of SHA-256 */
#define SERIAL_SIZE 16
#define COMMON_NAME_MAX 64 /* ub-common-name, RFC 5280 appendix A.1 */

static int fail(char *err, size_t err_len, int status, const char *fmt, ...)
{
    va_list ap;
    if (err && err_len) {
        va_start(ap, fmt);
        vsnprintf(err, err_len, fmt, ap);
        va_end(ap);
    }
    return status;
}

/* ---- PEM output (RFC 7468): base64 (RFC 4648 section 4) between BEGIN/END
 * lines. (Reading PEM is the X.509 module's, pem.h.) */

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* A NUL-terminated PEM block of `label`, 64 characters a line (RFC 7468 section 2). */
static char *pem_encode(const char *label, const uint8_t *der, size_t len)
{
    size_t b64_len = (len + 2) / 3 * 4;
    size_t cap = 2 * (strlen(label) + 20) + b64_len + b64_len / 64 + 2;
    size_t n, col = 0;
    char *out = tls13_alloc(cap);
    if (!out)
        return NULL;
    n = (size_t)snprintf(out, cap, "-----BEGIN %s-----\n", label);
    for (size_t i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)der[i] << 16;
        size_t left = len - i;
        if (left > 1)
            v |= (uint32_t)der[i + 1] << 8;
        if (left > 2)
            v |= der[i + 2];
        out[n++] = B64[(v >> 18) & 63];
        out[n++] = B64[(v >> 12) & 63];
        out[n++] = left > 1 ? B64[(v >> 6) & 63] : '=';
        out[n++] = left > 2 ? B64[v & 63] : '=';
        col += 4;
        if (col == 64 || i + 3 >= len) {
            out[n++] = '\n';
            col = 0;
        }
    }
    snprintf(out + n, cap - n, "-----END %s-----\n", label);
    return out;
}

/* ---- Certificate fields ---------------------------------------------- */

/* RFC 5280 section 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
static void write_time(tls13_writer *w, int64_t t)
{
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t secs = t - days * 86400;
    /* Civil date from a day count (proleptic Gregorian; 400-year eras of
     * 146097 days, years starting on 1 March so leap days fall last). */
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int day = (int)(doy - (153 * mp + 2) / 5 + 1);
    int month = (int)(mp < 10 ? mp + 3 : mp - 9);
    int year = (int)(yoe + era * 400 + (month <= 2));
    char s[20];
    int n;
    if (year >= 1950 && year < 2050)
        n = snprintf(s, sizeof s, "%02d%02d%02d%02d%02d%02dZ", year % 100, month, day, (int)(secs / 3600),
                     (int)(secs / 60 % 60), (int)(secs % 60));
    else
        n = snprintf(s, sizeof s, "%04d%02d%02d%02d%02d%02dZ", year, month, day, (int)(secs / 3600),
                     (int)(secs / 60 % 60), (int)(secs % 60));
    tls13_der_write_element(w, year >= 1950 && year < 2050 ? TLS13_DER_UTC_TIME : TLS13_DER_GENERALIZED_TIME,
                            (const uint8_t *)s, (size_t)n);
}

/* An OBJECT IDENTIFIER element, its contents from oid.c's table. */
static void write_oid(tls13_writer *w, tls13_oid id)
{
    size_t len;
    const uint8_t *der = tls13_oid_der(id, &len);
    tls13_der_write_element(w, TLS13_DER_OID, der, len);
}

/* Name ::= SEQUENCE OF SET OF { type, value }: one RDN, CN as UTF8String. */
static void write_name(tls13_writer *w, const char *common_name)
{
    size_t name = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    size_t rdn = tls13_der_begin(w, TLS13_DER_SET);
    size_t atv = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    write_oid(w, TLS13_OID_CN);
    tls13_der_write_element(w, TLS13_DER_UTF8_STRING, (const uint8_t *)common_name, strlen(common_name));
    tls13_der_end(w, atv);
    tls13_der_end(w, rdn);
    tls13_der_end(w, name);
}

static void write_algorithm(tls13_writer *w, tls13_oid id)
{
    /* RFC 5758 section 3.2: ecdsa-with-SHA* have absent parameters. */
    size_t alg = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    write_oid(w, id);
    tls13_der_end(w, alg);
}

/* SubjectPublicKeyInfo for a P-256 point (RFC 5480 section 2). */
static void write_spki(tls13_writer *w, const uint8_t *pub, size_t pub_len)
{
    size_t spki = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    size_t alg = tls13_der_begin(w, TLS13_DER_SEQUENCE), bits;
    write_oid(w, TLS13_OID_EC_PUBLIC_KEY);
    write_oid(w, TLS13_OID_P256);
    tls13_der_end(w, alg);
    bits = tls13_der_begin(w, TLS13_DER_BIT_STRING);
    tls13_write_u8(w, 0); /* no unused bits */
    tls13_write_bytes(w, pub, pub_len);
    tls13_der_end(w, bits);
    tls13_der_end(w, spki);
}

/* Extension ::= SEQUENCE { extnID, critical DEFAULT FALSE, extnValue OCTET STRING }.
 * Returns the offsets the caller closes with ext_end. */
typedef struct ext_marks { size_t ext, value; } ext_marks;

static ext_marks ext_begin(tls13_writer *w, tls13_oid id, bool critical)
{
    static const uint8_t der_true = 0xff;
    ext_marks m;
    m.ext = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    write_oid(w, id);
    if (critical) /* DER omits a DEFAULT value (X.690 section 11.5) */
        tls13_der_write_element(w, TLS13_DER_BOOLEAN, &der_true, 1);
    m.value = tls13_der_begin(w, TLS13_DER_OCTET_STRING);
    return m;
}

static void ext_end(tls13_writer *w, ext_marks m)
{
    tls13_der_end(w, m.value);
    tls13_der_end(w, m.ext);
}

/* A DNS name as RFC 5280 section 4.2.1.6 and the CA/B baseline require:
 * LDH labels, an optional leading "*." wildcard label. */
static bool valid_dns_name(const char *name)
{
    size_t label = 0, len = strlen(name);
    const char *p = name;
    if (len == 0 || len > 253)
        return false;
    if (p[0] == '*' && p[1] == '.')
        p += 2;
    for (; *p; p++) {
        char c = *p;
        if (c == '.') {
            if (label == 0 || p[-1] == '-')
                return false;
            label = 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   (c == '-' && label > 0) || c == '_') {
            if (++label > 63)
                return false;
        } else {
            return false;
        }
    }
    return label > 0 && p[-1] != '-';
}

/* GeneralNames: dNSName [2] IA5String, iPAddress [7] OCTET STRING (4 or 16 octets). */
static int write_sans(tls13_writer *w, const tls13_cert_spec *spec, char *err, size_t err_len)
{
    size_t seq = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    for (size_t i = 0; i < spec->n_names; i++) {
        const char *name = spec->names[i];
        uint8_t ip[16];
        if (!name)
            return fail(err, err_len, TLS13_ERR_INVALID_ARGUMENT, "subjectAltName %zu is NULL", i);
        /* The same strict literal syntax the verifier matches hosts with. */
        if (tls13_parse_ipv4(name, ip))
            tls13_der_write_element(w, TLS13_DER_CONTEXT(7), ip, 4);
        else if (tls13_parse_ipv6(name, ip))
            tls13_der_write_element(w, TLS13_DER_CONTEXT(7), ip, 16);
        else if (valid_dns_name(name))
            tls13_der_write_element(w, TLS13_DER_CONTEXT(2), (const uint8_t *)name, strlen(name));
        else
            return fail(err, err_len, TLS13_ERR_INVALID_ARGUMENT,
                        "\"%s\" is neither a DNS name nor an IP address", name);
    }
    tls13_der_end(w, seq);
    return TLS13_OK;
}

/* RFC 7093 section 2, method 1: the leftmost 160 bits of the SHA-256 of the
 * subjectPublicKey BIT STRING's value. */
static void key_id_of(const uint8_t *pub, size_t pub_len, uint8_t id[KEY_ID_SIZE])
{
    uint8_t digest[TLS13_SHA256_SIZE];
    tls13_sha256(pub, pub_len, digest);
    memcpy(id, digest, KEY_ID_SIZE);
}

/* ---- The issuer ------------------------------------------------------- */

typedef struct issuer {
    tls13_private_key key;
    tls13_ec_curve curve;
    tls13_pem_block pem;    /* the issuer certificate, DER in pem.der */
    const uint8_t *subject; /* its subject Name's contents, inside pem.der (NULL: self-signed) */
    size_t subject_len;
    uint8_t key_id[KEY_ID_SIZE];
    size_t key_id_len;
} issuer;

/* Reads the issuer's certificate and key through the X.509 module. Our
 * issuer field repeats its subject, and our authorityKeyIdentifier its
 * subjectKeyIdentifier when it has one (RFC 5280 section 4.2.1.1), so that
 * path building finds it. */
static int load_issuer(issuer *is, const char *cert_pem, const char *key_pem, char *err, size_t err_len)
{
    tls13_pem_reader pr;
    tls13_cert cert;
    char why[256] = "";
    int rc;
    tls13_pem_reader_init(&pr, (const uint8_t *)cert_pem, strlen(cert_pem));
    while ((rc = tls13_pem_next(&pr, &is->pem)) == 1 && strcmp(is->pem.label, "CERTIFICATE") != 0)
        tls13_pem_block_free(&is->pem);
    if (rc != 1) {
        memset(&is->pem, 0, sizeof is->pem);
        return fail(err, err_len, TLS13_ERR_PEM, "the issuer certificate: %s",
                    rc == 0 ? "no CERTIFICATE block in the PEM text" : pr.err);
    }
    rc = tls13_cert_parse(&cert, is->pem.der, is->pem.der_len, why, sizeof why);
    if (rc != TLS13_OK)
        return fail(err, err_len, rc, "the issuer certificate cannot be parsed: %s", why);
    if (!cert.has_basic_constraints || !cert.is_ca)
        return fail(err, err_len, TLS13_ERR_INVALID_ARGUMENT, "the issuer certificate is not a CA (no basicConstraints CA:TRUE)");
    is->subject = cert.subject;
    is->subject_len = cert.subject_len;
    rc = tls13_private_key_parse(&is->key, (const uint8_t *)key_pem, strlen(key_pem), why, sizeof why);
    if (rc != TLS13_OK)
        return fail(err, err_len, rc, "the issuer key could not be read: %s", why[0] ? why : tls13_status_text(rc));
    if (is->key.type == TLS13_KEY_EC_P256)
        is->curve = TLS13_CURVE_P256;
    else if (is->key.type == TLS13_KEY_EC_P384)
        is->curve = TLS13_CURVE_P384;
    else
        return fail(err, err_len, TLS13_ERR_UNSUPPORTED, "the issuer key must be an ECDSA P-256 or P-384 key");
    rc = tls13_private_key_matches_cert(&is->key, is->pem.der, is->pem.der_len);
    if (rc != TLS13_OK)
        return fail(err, err_len, rc, "the issuer key does not belong to the issuer certificate");
    if (cert.ski && cert.ski_len > 0 && cert.ski_len <= KEY_ID_SIZE) {
        memcpy(is->key_id, cert.ski, cert.ski_len);
        is->key_id_len = cert.ski_len;
    } else {
        key_id_of(is->key.pub, is->key.pub_len, is->key_id);
        is->key_id_len = KEY_ID_SIZE;
    }
    return TLS13_OK;
}

/* ---- Assembly ---------------------------------------------------------- */

static int write_tbs(tls13_writer *w, const tls13_cert_spec *spec, const issuer *is, const uint8_t *pub,
                     size_t pub_len, const uint8_t *own_key_id, char *err, size_t err_len)
{
    static const uint8_t version_v3 = 2;
    static const uint8_t der_true = 0xff;
    /* KeyUsage named bits (RFC 5280 section 4.2.1.3), DER with trailing zero
     * bits removed: digitalSignature(0) = 07 80; keyCertSign(5), cRLSign(6) = 01 06. */
    static const uint8_t ku_leaf[] = {0x07, 0x80}, ku_ca[] = {0x01, 0x06};
    uint8_t serial[SERIAL_SIZE];
    size_t tbs, mark, inner, exts, list;
    ext_marks m;
    int rc;

    /* RFC 5280 section 4.1.2.2: positive, at most 20 octets; the top bits
     * fixed so that it is exactly 16 octets with no sign byte. */
    rc = tls13_random_bytes(serial, sizeof serial);
    if (rc != TLS13_OK)
        return fail(err, err_len, rc, "no randomness for the serial number");
    serial[0] = (uint8_t)((serial[0] & 0x3f) | 0x40);

    tbs = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    mark = tls13_der_begin(w, TLS13_DER_CONTEXT_CONSTRUCTED(0));
    tls13_der_write_uint(w, &version_v3, 1);
    tls13_der_end(w, mark);
    tls13_der_write_uint(w, serial, sizeof serial);
    write_algorithm(w, is->curve == TLS13_CURVE_P384 ? TLS13_OID_ECDSA_SHA384 : TLS13_OID_ECDSA_SHA256);
    if (is->subject) {
        mark = tls13_der_begin(w, TLS13_DER_SEQUENCE);
        tls13_write_bytes(w, is->subject, is->subject_len);
        tls13_der_end(w, mark);
    } else {
        write_name(w, spec->common_name);
    }
    mark = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    write_time(w, spec->not_before);
    write_time(w, spec->not_after);
    tls13_der_end(w, mark);
    write_name(w, spec->common_name);
    write_spki(w, pub, pub_len);

    exts = tls13_der_begin(w, TLS13_DER_CONTEXT_CONSTRUCTED(3));
    list = tls13_der_begin(w, TLS13_DER_SEQUENCE);

    m = ext_begin(w, TLS13_OID_EXT_BASIC_CONSTRAINTS, true);
    inner = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    if (spec->is_ca) /* cA DEFAULT FALSE: present only when true */
        tls13_der_write_element(w, TLS13_DER_BOOLEAN, &der_true, 1);
    tls13_der_end(w, inner);
    ext_end(w, m);

    m = ext_begin(w, TLS13_OID_EXT_KEY_USAGE, true);
    tls13_der_write_element(w, TLS13_DER_BIT_STRING, spec->is_ca ? ku_ca : ku_leaf, 2);
    ext_end(w, m);

    if (!spec->is_ca) {
        m = ext_begin(w, TLS13_OID_EXT_EXT_KEY_USAGE, false);
        inner = tls13_der_begin(w, TLS13_DER_SEQUENCE);
        write_oid(w, TLS13_OID_EKU_SERVER_AUTH);
        write_oid(w, TLS13_OID_EKU_CLIENT_AUTH);
        tls13_der_end(w, inner);
        ext_end(w, m);
    }

    if (spec->n_names > 0) {
        m = ext_begin(w, TLS13_OID_EXT_SUBJECT_ALT_NAME, false);
        rc = write_sans(w, spec, err, err_len);
        if (rc != TLS13_OK)
            return rc;
        ext_end(w, m);
    }

    m = ext_begin(w, TLS13_OID_EXT_SUBJECT_KEY_ID, false);
    tls13_der_write_element(w, TLS13_DER_OCTET_STRING, own_key_id, KEY_ID_SIZE);
    ext_end(w, m);

    /* AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING } */
    m = ext_begin(w, TLS13_OID_EXT_AUTHORITY_KEY_ID, false);
    inner = tls13_der_begin(w, TLS13_DER_SEQUENCE);
    tls13_der_write_element(w, TLS13_DER_CONTEXT(0), is->subject ? is->key_id : own_key_id,
                            is->subject ? is->key_id_len : KEY_ID_SIZE);
    tls13_der_end(w, inner);
    ext_end(w, m);

    tls13_der_end(w, list);
    tls13_der_end(w, exts);
    tls13_der_end(w, tbs);
    if (!tls13_writer_ok(w))
        return fail(err, err_len, TLS13_ERR_BUFFER_TOO_SMALL, "the certificate does not fit in %d bytes", CERT_MAX);
    return TLS13_OK;
}

/* Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } */
static int sign_certificate(const issuer *is, const uint8_t *tbs, size_t tbs_len, uint8_t *out, size_t cap,
                            size_t *out_len, char *err, size_t err_len)
{
    tls13_hash_alg hash = is->curve == TLS13_CURVE_P384 ? TLS13_HASH_SHA384 : TLS13_HASH_SHA256;
    uint8_t digest[TLS13_HASH_MAX_SIZE], sig[TLS13_ECDSA_MAX_SIG];
    size_t sig_len, cert, bits;
    tls13_writer w;
    int rc;
    tls13_hash(hash, tbs, tbs_len, digest);
    rc = tls13_ecdsa_sign(is->curve, hash, is->key.secret, digest, tls13_hash_size(hash), sig, sizeof sig, &sig_len);
    if (rc != TLS13_OK)
        return fail(err, err_len, rc, "signing the certificate failed: %s", tls13_status_text(rc));
    tls13_writer_init(&w, out, cap);
    cert = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    tls13_write_bytes(&w, tbs, tbs_len);
    write_algorithm(&w, is->curve == TLS13_CURVE_P384 ? TLS13_OID_ECDSA_SHA384 : TLS13_OID_ECDSA_SHA256);
    bits = tls13_der_begin(&w, TLS13_DER_BIT_STRING);
    tls13_write_u8(&w, 0);
    tls13_write_bytes(&w, sig, sig_len);
    tls13_der_end(&w, bits);
    tls13_der_end(&w, cert);
    if (!tls13_writer_ok(&w))
        return fail(err, err_len, TLS13_ERR_BUFFER_TOO_SMALL, "the certificate does not fit in %zu bytes", cap);
    *out_len = tls13_writer_len(&w);
    return TLS13_OK;
}

/* PKCS#8 PrivateKeyInfo (RFC 5208 section 5) around an RFC 5915 ECPrivateKey
 * (curve named in the outer AlgorithmIdentifier, so [0] is omitted). */
static size_t write_private_key(uint8_t *out, size_t cap, const uint8_t *priv, const uint8_t *pub, size_t pub_len)
{
    static const uint8_t zero = 0, one = 1;
    tls13_writer w;
    size_t info, alg, octets, ec, pubkey, bits;
    tls13_writer_init(&w, out, cap);
    info = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    tls13_der_write_element(&w, TLS13_DER_INTEGER, &zero, 1);
    alg = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    write_oid(&w, TLS13_OID_EC_PUBLIC_KEY);
    write_oid(&w, TLS13_OID_P256);
    tls13_der_end(&w, alg);
    octets = tls13_der_begin(&w, TLS13_DER_OCTET_STRING);
    ec = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    tls13_der_write_element(&w, TLS13_DER_INTEGER, &one, 1);
    tls13_der_write_element(&w, TLS13_DER_OCTET_STRING, priv, 32);
    pubkey = tls13_der_begin(&w, TLS13_DER_CONTEXT_CONSTRUCTED(1));
    bits = tls13_der_begin(&w, TLS13_DER_BIT_STRING);
    tls13_write_u8(&w, 0);
    tls13_write_bytes(&w, pub, pub_len);
    tls13_der_end(&w, bits);
    tls13_der_end(&w, pubkey);
    tls13_der_end(&w, ec);
    tls13_der_end(&w, octets);
    tls13_der_end(&w, info);
    return tls13_writer_ok(&w) ? tls13_writer_len(&w) : 0;
}

static int check_spec(const tls13_cert_spec *spec, char *err, size_t err_len)
{
    if (!spec->common_name || !spec->common_name[0] || strlen(spec->common_name) > COMMON_NAME_MAX)
        return fail(err, err_len, TLS13_ERR_INVALID_ARGUMENT, "the common name must have 1 to %d characters",
                    COMMON_NAME_MAX);
    if (spec->n_names > 0 && !spec->names)
        return fail(err, err_len, TLS13_ERR_INVALID_ARGUMENT, "names is NULL but n_names is %zu", spec->n_names);
    if (spec->not_after <= spec->not_before)
        return fail(err, err_len, TLS13_ERR_INVALID_ARGUMENT, "not_after must be later than not_before");
    /* Representable as UTCTime/GeneralizedTime: years 0001 to 9999. */
    if (spec->not_before < -62135596800LL || spec->not_after > 253402300799LL)
        return fail(err, err_len, TLS13_ERR_INVALID_ARGUMENT, "validity outside the years 1 to 9999");
    return TLS13_OK;
}

int tls13_cert_generate(const tls13_cert_spec *spec, const char *issuer_cert_pem, const char *issuer_key_pem,
                        char **cert_pem, char **key_pem, char *err, size_t err_len)
{
    uint8_t priv[32], pub[65], key_id[KEY_ID_SIZE], tbs_buf[CERT_MAX], cert_buf[CERT_MAX], key_der[160];
    size_t cert_len = 0, key_len;
    tls13_writer w;
    issuer *is;
    int rc;

    if (err && err_len)
        err[0] = '\0';
    if (cert_pem)
        *cert_pem = NULL;
    if (key_pem)
        *key_pem = NULL;
    if (!spec || !cert_pem || !key_pem || (!issuer_cert_pem) != (!issuer_key_pem))
        return fail(err, err_len, TLS13_ERR_INVALID_ARGUMENT,
                    "spec and outputs are required; give both the issuer certificate and key, or neither");
    rc = check_spec(spec, err, err_len);
    if (rc != TLS13_OK)
        return rc;
    is = tls13_calloc(1, sizeof *is);
    if (!is)
        return fail(err, err_len, TLS13_ERR_NO_MEMORY, "out of memory");

    rc = tls13_ec_keygen(TLS13_CURVE_P256, priv, pub);
    if (rc != TLS13_OK) {
        fail(err, err_len, rc, "key generation failed: %s", tls13_status_text(rc));
        goto done;
    }
    key_id_of(pub, sizeof pub, key_id);
    if (issuer_cert_pem) {
        rc = load_issuer(is, issuer_cert_pem, issuer_key_pem, err, err_len);
        if (rc != TLS13_OK)
            goto done;
    } else { /* self-signed: the new key signs */
        is->curve = TLS13_CURVE_P256;
        is->key.type = TLS13_KEY_EC_P256;
        memcpy(is->key.secret, priv, sizeof priv);
        is->key.secret_len = sizeof priv;
    }

    tls13_writer_init(&w, tbs_buf, sizeof tbs_buf);
    rc = write_tbs(&w, spec, is, pub, sizeof pub, key_id, err, err_len);
    if (rc == TLS13_OK)
        rc = sign_certificate(is, tbs_buf, tls13_writer_len(&w), cert_buf, sizeof cert_buf, &cert_len, err, err_len);
    if (rc != TLS13_OK)
        goto done;

    key_len = write_private_key(key_der, sizeof key_der, priv, pub, sizeof pub);
    *cert_pem = pem_encode("CERTIFICATE", cert_buf, cert_len);
    *key_pem = key_len ? pem_encode("PRIVATE KEY", key_der, key_len) : NULL;
    if (!*cert_pem || !*key_pem) {
        tls13_free_pem(*cert_pem);
        tls13_free_pem(*key_pem);
        *cert_pem = *key_pem = NULL;
        rc = fail(err, err_len, key_len ? TLS13_ERR_NO_MEMORY : TLS13_ERR_INTERNAL, "could not encode the PEM output");
    }
done:
    tls13_pem_block_free(&is->pem);
    tls13_free_wiped(is, sizeof *is); /* holds the issuer's private key */
    tls13_wipe(priv, sizeof priv);
    tls13_wipe(key_der, sizeof key_der);
    return rc;
}

/* The key PEM holds the private key: wipe whatever we hand out. */
void tls13_free_pem(char *pem)
{
    if (pem)
        tls13_free_wiped(pem, strlen(pem) + 1);
}
