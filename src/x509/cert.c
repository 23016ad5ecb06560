#include "cert.h"

#include <stdio.h>
#include <string.h>

#include "asn1_time.h"
#include "name.h"
#include "tls13.h"

#define MAX_EXTENSIONS 32

/* A BIT STRING holding whole bytes (unused-bits octet 0). */
static bool read_octet_bits(tls13_reader *r, const uint8_t **p, size_t *len)
{
    tls13_reader v;
    uint8_t unused;
    if (!tls13_der_read(r, TLS13_DER_BIT_STRING, &v) || !tls13_read_u8(&v, &unused) || unused != 0) {
        tls13_reader_fail(r);
        return false;
    }
    *p = v.p;
    *len = v.len;
    return true;
}

/* AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
static bool read_alg_id(tls13_reader *r, tls13_reader *oid, tls13_reader *params, bool *has_params)
{
    tls13_reader seq;
    uint8_t tag;
    if (!tls13_der_read(r, TLS13_DER_SEQUENCE, &seq) || !tls13_der_read(&seq, TLS13_DER_OID, oid))
        return false;
    *has_params = tls13_reader_remaining(&seq) > 0;
    if (*has_params) {
        const uint8_t *start = seq.p;
        tls13_reader v;
        if (!tls13_der_read_any(&seq, &tag, &v))
            return false;
        tls13_reader_init(params, start, (size_t)(seq.p - start));
    }
    if (!tls13_reader_done(&seq)) {
        tls13_reader_fail(r);
        return false;
    }
    return true;
}

static bool params_are_null(const tls13_reader *params)
{
    return params->len == 2 && params->p[0] == TLS13_DER_NULL && params->p[1] == 0;
}

/* A hash AlgorithmIdentifier inside PSS parameters: NULL or absent params. */
static tls13_oid read_hash_alg(tls13_reader *r)
{
    tls13_reader oid, params;
    bool has;
    if (!read_alg_id(r, &oid, &params, &has) || (has && !params_are_null(&params)))
        return TLS13_OID_UNKNOWN;
    return tls13_oid_lookup(oid.p, oid.len);
}

static uint16_t pss_scheme(tls13_oid hash)
{
    switch (hash) {
    case TLS13_OID_SHA256: return TLS13_SIG_RSA_PSS_RSAE_SHA256;
    case TLS13_OID_SHA384: return TLS13_SIG_RSA_PSS_RSAE_SHA384;
    case TLS13_OID_SHA512: return TLS13_SIG_RSA_PSS_RSAE_SHA512;
    default: return 0;
    }
}

static size_t hash_len(tls13_oid hash)
{
    return hash == TLS13_OID_SHA256 ? 32 : hash == TLS13_OID_SHA384 ? 48 : hash == TLS13_OID_SHA512 ? 64 : 20;
}

/* RSASSA-PSS-params (RFC 4055 section 3.1). TLS SignatureSchemes fix MGF1
 * with the message hash and a salt as long as the hash; other choices are
 * valid but unsupported (scheme 0). Defaults mean SHA-1: weak. */
static bool parse_pss_params(tls13_reader *params, bool has_params, tls13_sig_alg *alg)
{
    tls13_reader seq, field, mgf, mgf_oid, mgf_params;
    tls13_oid hash = TLS13_OID_SHA1, mgf_hash = TLS13_OID_SHA1;
    uint64_t salt = 20, trailer = 1;
    bool present, has;
    alg->pss = true;
    if (!has_params || !tls13_der_read(params, TLS13_DER_SEQUENCE, &seq) || !tls13_reader_done(params))
        return false;
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(0), &field, &present))
        return false;
    if (present && ((hash = read_hash_alg(&field)) == TLS13_OID_UNKNOWN || !tls13_reader_done(&field)))
        return false;
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(1), &field, &present))
        return false;
    if (present) {
        if (!read_alg_id(&field, &mgf_oid, &mgf_params, &has) || !has || !tls13_reader_done(&field) ||
            tls13_oid_lookup(mgf_oid.p, mgf_oid.len) != TLS13_OID_MGF1)
            return false;
        mgf = mgf_params;
        if ((mgf_hash = read_hash_alg(&mgf)) == TLS13_OID_UNKNOWN || !tls13_reader_done(&mgf))
            return false;
    }
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(2), &field, &present))
        return false;
    if (present && (!tls13_der_read_small_uint(&field, &salt) || !tls13_reader_done(&field)))
        return false;
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(3), &field, &present))
        return false;
    if (present && (!tls13_der_read_small_uint(&field, &trailer) || !tls13_reader_done(&field)))
        return false;
    if (!tls13_reader_done(&seq) || trailer != 1)
        return false;
    alg->weak = hash == TLS13_OID_SHA1 || mgf_hash == TLS13_OID_SHA1;
    if (!alg->weak && mgf_hash == hash && salt == hash_len(hash))
        alg->scheme = pss_scheme(hash);
    return true;
}

static bool parse_sig_alg(tls13_reader *r, tls13_sig_alg *alg)
{
    tls13_reader oid, params;
    bool has;
    memset(alg, 0, sizeof(*alg));
    if (!read_alg_id(r, &oid, &params, &has))
        return false;
    alg->raw_oid = oid.p;
    alg->raw_oid_len = oid.len;
    alg->oid = tls13_oid_lookup(oid.p, oid.len);
    switch (alg->oid) {
    /* RFC 5758 section 3.2 and RFC 8410 section 3: parameters absent. */
    case TLS13_OID_ECDSA_SHA1: alg->weak = true; return !has;
    case TLS13_OID_ECDSA_SHA256: alg->scheme = TLS13_SIG_ECDSA_SECP256R1_SHA256; return !has;
    case TLS13_OID_ECDSA_SHA384: alg->scheme = TLS13_SIG_ECDSA_SECP384R1_SHA384; return !has;
    case TLS13_OID_ECDSA_SHA512: alg->scheme = TLS13_SIG_ECDSA_SECP521R1_SHA512; return !has;
    case TLS13_OID_ED25519: alg->scheme = TLS13_SIG_ED25519; return !has;
    /* RFC 4055 section 5: NULL parameters (absent ones are tolerated, as
     * some old encoders wrote them so). */
    case TLS13_OID_MD2_WITH_RSA: case TLS13_OID_MD5_WITH_RSA: case TLS13_OID_SHA1_WITH_RSA:
        alg->weak = true;
        return !has || params_are_null(&params);
    case TLS13_OID_SHA256_WITH_RSA: alg->scheme = TLS13_SIG_RSA_PKCS1_SHA256; return !has || params_are_null(&params);
    case TLS13_OID_SHA384_WITH_RSA: alg->scheme = TLS13_SIG_RSA_PKCS1_SHA384; return !has || params_are_null(&params);
    case TLS13_OID_SHA512_WITH_RSA: alg->scheme = TLS13_SIG_RSA_PKCS1_SHA512; return !has || params_are_null(&params);
    case TLS13_OID_RSASSA_PSS: return parse_pss_params(&params, has, alg);
    case TLS13_OID_DSA_SHA1: alg->weak = true; return true;
    default: return true; /* unknown: reported by path validation */
    }
}

static bool parse_spki(tls13_reader *r, tls13_cert *c)
{
    tls13_reader whole, seq, oid, params, key, rsa, curve;
    const uint8_t *bits;
    size_t bits_len;
    bool has;
    if (!tls13_der_read_whole(r, TLS13_DER_SEQUENCE, &seq, &whole))
        return false;
    c->spki = whole.p;
    c->spki_len = whole.len;
    if (!read_alg_id(&seq, &oid, &params, &has) || !read_octet_bits(&seq, &bits, &bits_len) ||
        !tls13_reader_done(&seq))
        return false;
    c->key_oid = oid.p;
    c->key_oid_len = oid.len;
    memset(&c->key, 0, sizeof(c->key));
    switch (tls13_oid_lookup(oid.p, oid.len)) {
    case TLS13_OID_RSASSA_PSS: /* RFC 4055 section 1.2: parameters restrict; absent or a PSS-params SEQUENCE */
        c->key_is_pss = true;
        if (has && params.p[0] != TLS13_DER_SEQUENCE)
            return false;
        /* fall through */
    case TLS13_OID_RSA_ENCRYPTION: {
        const uint8_t *n, *e;
        size_t n_len, e_len;
        if (!c->key_is_pss && (!has || !params_are_null(&params)))
            return false;
        tls13_reader_init(&key, bits, bits_len);
        if (!tls13_der_read(&key, TLS13_DER_SEQUENCE, &rsa) || !tls13_reader_done(&key) ||
            !tls13_der_read_uint(&rsa, &n, &n_len) || !tls13_der_read_uint(&rsa, &e, &e_len) ||
            !tls13_reader_done(&rsa) || n_len == 0 || e_len == 0)
            return false;
        c->key.type = TLS13_KEY_RSA;
        c->key.data = n;
        c->key.len = n_len;
        c->key.rsa_e = e;
        c->key.rsa_e_len = e_len;
        return true;
    }
    case TLS13_OID_EC_PUBLIC_KEY: {
        tls13_oid named;
        size_t want;
        /* RFC 5480 section 2.1.1: namedCurve only. */
        if (!has || !tls13_der_read(&params, TLS13_DER_OID, &curve) || !tls13_reader_done(&params))
            return false;
        c->key_oid = curve.p;
        c->key_oid_len = curve.len;
        named = tls13_oid_lookup(curve.p, curve.len);
        if (named == TLS13_OID_P256) {
            c->key.type = TLS13_KEY_EC_P256;
            want = 65;
        } else if (named == TLS13_OID_P384) {
            c->key.type = TLS13_KEY_EC_P384;
            want = 97;
        } else {
            return true; /* another curve: unsupported, reported by validation */
        }
        if (bits_len == 0 || bits[0] != 0x04 || bits_len != want) {
            /* Compressed points (SEC 1 section 2.3.3) are legal but not supported. */
            if (bits_len > 0 && (bits[0] == 0x02 || bits[0] == 0x03)) {
                c->key.type = TLS13_KEY_NONE;
                return true;
            }
            return false;
        }
        c->key.data = bits;
        c->key.len = bits_len;
        return true;
    }
    case TLS13_OID_ED25519: /* RFC 8410 section 3: no parameters, 32-byte key */
        if (has || bits_len != 32)
            return false;
        c->key.type = TLS13_KEY_ED25519;
        c->key.data = bits;
        c->key.len = 32;
        return true;
    default:
        return true; /* unsupported algorithm: reported by validation */
    }
}

static bool parse_basic_constraints(tls13_reader *v, tls13_cert *c)
{
    tls13_reader seq;
    uint64_t len;
    if (!tls13_der_read(v, TLS13_DER_SEQUENCE, &seq))
        return false;
    c->has_basic_constraints = true;
    c->is_ca = false;
    c->path_len = -1;
    if (tls13_der_next_is(&seq, TLS13_DER_BOOLEAN) && !tls13_der_read_bool(&seq, &c->is_ca))
        return false;
    if (tls13_der_next_is(&seq, TLS13_DER_INTEGER)) {
        if (!tls13_der_read_small_uint(&seq, &len))
            return false;
        c->path_len = len > 255 ? 255 : (int)len;
    }
    return tls13_reader_done(&seq);
}

/* keyUsage BIT STRING: bit 0 is the most significant bit of the first byte. */
static bool parse_key_usage(tls13_reader *v, tls13_cert *c)
{
    tls13_reader bits;
    uint8_t unused;
    unsigned value = 0;
    if (!tls13_der_read(v, TLS13_DER_BIT_STRING, &bits) || !tls13_read_u8(&bits, &unused) || unused > 7 ||
        tls13_reader_remaining(&bits) > 2 || (tls13_reader_remaining(&bits) == 0 && unused != 0))
        return false;
    for (size_t i = 0; i < bits.len; i++)
        for (unsigned b = 0; b < 8; b++)
            if (bits.p[i] & (0x80 >> b))
                value |= 1u << (i * 8 + b);
    c->has_key_usage = true;
    c->key_usage = value;
    return true;
}

static bool parse_ext_key_usage(tls13_reader *v, tls13_cert *c)
{
    tls13_reader seq, oid;
    if (!tls13_der_read(v, TLS13_DER_SEQUENCE, &seq) || tls13_reader_remaining(&seq) == 0)
        return false;
    c->has_ext_key_usage = true;
    while (tls13_reader_remaining(&seq) > 0) {
        if (!tls13_der_read(&seq, TLS13_DER_OID, &oid))
            return false;
        switch (tls13_oid_lookup(oid.p, oid.len)) {
        case TLS13_OID_EKU_SERVER_AUTH: c->ext_key_usage |= TLS13_EKU_SERVER_AUTH; break;
        case TLS13_OID_EKU_CLIENT_AUTH: c->ext_key_usage |= TLS13_EKU_CLIENT_AUTH; break;
        case TLS13_OID_EKU_ANY: c->ext_key_usage |= TLS13_EKU_ANY; break;
        default: break;
        }
    }
    return true;
}

/* One GeneralName; DNS names and IP addresses are checked for form because
 * host matching and name constraints rely on them. */
static bool check_general_name(uint8_t tag, const tls13_reader *v, bool in_constraint)
{
    if (tag == TLS13_GN_DNS) {
        for (size_t i = 0; i < v->len; i++)
            if (v->p[i] < 0x21 || v->p[i] > 0x7e)
                return false;
        return in_constraint || v->len > 0;
    }
    if (tag == TLS13_GN_IP)
        return in_constraint ? (v->len == 8 || v->len == 32) : (v->len == 4 || v->len == 16);
    return true;
}

static bool parse_san(tls13_reader *v, tls13_cert *c)
{
    tls13_reader seq, name;
    uint8_t tag;
    if (!tls13_der_read(v, TLS13_DER_SEQUENCE, &seq) || tls13_reader_remaining(&seq) == 0)
        return false;
    c->san = seq.p;
    c->san_len = seq.len;
    while (tls13_reader_remaining(&seq) > 0)
        if (!tls13_der_read_any(&seq, &tag, &name) || !check_general_name(tag, &name, false))
            return false;
    return true;
}

static bool check_subtrees(tls13_reader *subtrees)
{
    tls13_reader st, name;
    uint8_t tag;
    if (tls13_reader_remaining(subtrees) == 0)
        return false;
    while (tls13_reader_remaining(subtrees) > 0) {
        if (!tls13_der_read(subtrees, TLS13_DER_SEQUENCE, &st) || !tls13_der_read_any(&st, &tag, &name) ||
            !check_general_name(tag, &name, true))
            return false;
        /* minimum and maximum: RFC 5280 4.2.1.10 says minimum MUST be zero
         * and maximum absent; we refuse anything else. */
        if (tls13_reader_remaining(&st) != 0)
            return false;
    }
    return true;
}

static bool parse_name_constraints(tls13_reader *v, tls13_cert *c)
{
    tls13_reader seq, sub;
    bool present;
    if (!tls13_der_read(v, TLS13_DER_SEQUENCE, &seq))
        return false;
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(0), &sub, &present))
        return false;
    if (present) {
        c->nc_permitted = sub.p;
        c->nc_permitted_len = sub.len;
        if (!check_subtrees(&sub))
            return false;
    }
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(1), &sub, &present))
        return false;
    if (present) {
        c->nc_excluded = sub.p;
        c->nc_excluded_len = sub.len;
        if (!check_subtrees(&sub))
            return false;
    }
    /* RFC 5280: at least one of the two MUST be present. */
    return tls13_reader_done(&seq) && (c->nc_permitted || c->nc_excluded);
}

static bool parse_aki(tls13_reader *v, tls13_cert *c)
{
    tls13_reader seq, f;
    bool present;
    if (!tls13_der_read(v, TLS13_DER_SEQUENCE, &seq) ||
        !tls13_der_read_optional(&seq, TLS13_DER_CONTEXT(0), &f, &present))
        return false;
    if (present) {
        c->aki = f.p;
        c->aki_len = f.len;
    }
    /* authorityCertIssuer [1] and authorityCertSerialNumber [2] are not used. */
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(1), &f, &present) ||
        !tls13_der_read_optional(&seq, TLS13_DER_CONTEXT(2), &f, &present))
        return false;
    return tls13_reader_done(&seq);
}

static bool parse_ski(tls13_reader *v, tls13_cert *c)
{
    tls13_reader id;
    if (!tls13_der_read(v, TLS13_DER_OCTET_STRING, &id))
        return false;
    c->ski = id.p;
    c->ski_len = id.len;
    return true;
}

static bool parse_extensions(tls13_reader *r, tls13_cert *c, char *why, size_t why_len)
{
    tls13_reader seq, ext, oid, value;
    tls13_reader seen[MAX_EXTENSIONS];
    size_t n_seen = 0;
    if (!tls13_der_read(r, TLS13_DER_SEQUENCE, &seq) || tls13_reader_remaining(&seq) == 0)
        return false;
    while (tls13_reader_remaining(&seq) > 0) {
        bool critical = false, ok;
        if (!tls13_der_read(&seq, TLS13_DER_SEQUENCE, &ext) || !tls13_der_read(&ext, TLS13_DER_OID, &oid))
            return false;
        /* DER omits critical = FALSE; an explicit FALSE is tolerated, as
         * several deployed CAs wrote it. */
        if (tls13_der_next_is(&ext, TLS13_DER_BOOLEAN) && !tls13_der_read_bool(&ext, &critical))
            return false;
        if (!tls13_der_read(&ext, TLS13_DER_OCTET_STRING, &value) || !tls13_reader_done(&ext))
            return false;
        /* RFC 5280 4.2: "A certificate MUST NOT include more than one
         * instance of a particular extension." */
        for (size_t i = 0; i < n_seen; i++)
            if (seen[i].len == oid.len && memcmp(seen[i].p, oid.p, oid.len) == 0) {
                char text[64];
                tls13_oid_describe(oid.p, oid.len, text, sizeof(text));
                if (why)
                    snprintf(why, why_len, "duplicate extension %s", text);
                return false;
            }
        if (n_seen == MAX_EXTENSIONS) {
            if (why)
                snprintf(why, why_len, "more than %d extensions", MAX_EXTENSIONS);
            return false;
        }
        seen[n_seen++] = oid;
        switch (tls13_oid_lookup(oid.p, oid.len)) {
        case TLS13_OID_EXT_BASIC_CONSTRAINTS: ok = parse_basic_constraints(&value, c); break;
        case TLS13_OID_EXT_KEY_USAGE: ok = parse_key_usage(&value, c); break;
        case TLS13_OID_EXT_EXT_KEY_USAGE: ok = parse_ext_key_usage(&value, c); break;
        case TLS13_OID_EXT_SUBJECT_ALT_NAME: ok = parse_san(&value, c); break;
        case TLS13_OID_EXT_NAME_CONSTRAINTS: ok = parse_name_constraints(&value, c); break;
        case TLS13_OID_EXT_AUTHORITY_KEY_ID: ok = parse_aki(&value, c); break;
        case TLS13_OID_EXT_SUBJECT_KEY_ID: ok = parse_ski(&value, c); break;
        case TLS13_OID_EXT_CERT_POLICIES:
            /* Policies are not enforced in the web PKI profile (browsers and
             * OpenSSL's default ignore them too), so a critical one is fine. */
            ok = true;
            tls13_read_rest(&value, &value);
            break;
        default:
            ok = true;
            tls13_read_rest(&value, &value);
            if (critical && !c->unknown_critical) {
                c->unknown_critical = oid.p;
                c->unknown_critical_len = oid.len;
            }
            break;
        }
        if (!ok || !tls13_reader_done(&value)) {
            char text[64];
            tls13_oid_describe(oid.p, oid.len, text, sizeof(text));
            if (why)
                snprintf(why, why_len, "malformed %s extension", text);
            return false;
        }
    }
    return true;
}

#define FAIL(text)                                   \
    do {                                             \
        if (why && !why[0])                          \
            snprintf(why, why_len, "%s", text);      \
        return TLS13_ERR_DECODE;                     \
    } while (0)

int tls13_cert_parse(tls13_cert *c, const uint8_t *der, size_t len, char *why, size_t why_len)
{
    tls13_reader r, cert, tbs, field, outer_alg, inner_alg;
    uint64_t version = 0;
    bool present;
    memset(c, 0, sizeof(*c));
    c->path_len = -1;
    if (why && why_len)
        why[0] = '\0';
    c->der = der;
    c->der_len = len;
    tls13_reader_init(&r, der, len);
    if (!tls13_der_read(&r, TLS13_DER_SEQUENCE, &cert))
        FAIL("not a DER SEQUENCE (truncated, bad length or not a certificate)");
    if (!tls13_reader_done(&r))
        FAIL("trailing bytes after the certificate");
    if (!tls13_der_read_whole(&cert, TLS13_DER_SEQUENCE, &tbs, &c->tbs))
        FAIL("malformed TBSCertificate");
    {
        const uint8_t *alg_start = cert.p;
        if (!parse_sig_alg(&cert, &c->sig_alg))
            FAIL("malformed signatureAlgorithm");
        tls13_reader_init(&outer_alg, alg_start, (size_t)(cert.p - alg_start));
    }
    if (!read_octet_bits(&cert, &c->sig, &c->sig_len) || !tls13_reader_done(&cert))
        FAIL("malformed signatureValue");

    /* version [0] EXPLICIT INTEGER DEFAULT v1 (DER omits v1). */
    if (!tls13_der_read_optional(&tbs, TLS13_DER_CONTEXT_CONSTRUCTED(0), &field, &present))
        FAIL("malformed version");
    if (present && (!tls13_der_read_small_uint(&field, &version) || !tls13_reader_done(&field) ||
                    version < 1 || version > 2))
        FAIL("bad version (must be v2 or v3 when present)");
    c->version = (unsigned)version + 1;
    if (!tls13_der_read(&tbs, TLS13_DER_INTEGER, &field) || field.len == 0 || field.len > 32)
        FAIL("malformed serialNumber");
    c->serial = field.p;
    c->serial_len = field.len;
    {
        /* RFC 5280 4.1.1.2: the TBS signature field MUST equal signatureAlgorithm. */
        const uint8_t *start = tbs.p;
        tls13_sig_alg alg;
        if (!parse_sig_alg(&tbs, &alg))
            FAIL("malformed TBS signature algorithm");
        tls13_reader_init(&inner_alg, start, (size_t)(tbs.p - start));
        if (inner_alg.len != outer_alg.len || memcmp(inner_alg.p, outer_alg.p, inner_alg.len) != 0)
            FAIL("TBS signature algorithm differs from signatureAlgorithm");
    }
    if (!tls13_der_read(&tbs, TLS13_DER_SEQUENCE, &field) || !tls13_x509_name_valid(field.p, field.len))
        FAIL("malformed issuer name");
    c->issuer = field.p;
    c->issuer_len = field.len;
    if (!tls13_der_read(&tbs, TLS13_DER_SEQUENCE, &field) || !tls13_asn1_time_read(&field, &c->not_before) ||
        !tls13_asn1_time_read(&field, &c->not_after) || !tls13_reader_done(&field))
        FAIL("malformed validity (times must be YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ)");
    if (!tls13_der_read(&tbs, TLS13_DER_SEQUENCE, &field) || !tls13_x509_name_valid(field.p, field.len))
        FAIL("malformed subject name");
    c->subject = field.p;
    c->subject_len = field.len;
    if (!parse_spki(&tbs, c))
        FAIL("malformed subjectPublicKeyInfo");
    if (!tls13_der_read_optional(&tbs, TLS13_DER_CONTEXT(1), &field, &present) ||
        (present && c->version < 2) ||
        !tls13_der_read_optional(&tbs, TLS13_DER_CONTEXT(2), &field, &present) || (present && c->version < 2))
        FAIL("malformed unique identifiers");
    if (!tls13_der_read_optional(&tbs, TLS13_DER_CONTEXT_CONSTRUCTED(3), &field, &present))
        FAIL("malformed extensions");
    if (present) {
        if (c->version != 3)
            FAIL("extensions in a certificate that is not v3");
        if (!parse_extensions(&field, c, why, why_len) || !tls13_reader_done(&field))
            FAIL("malformed extensions");
    }
    if (!tls13_reader_done(&tbs))
        FAIL("trailing data in TBSCertificate");
    return TLS13_OK;
}

bool tls13_cert_self_issued(const tls13_cert *c)
{
    return tls13_x509_name_equal(c->issuer, c->issuer_len, c->subject, c->subject_len);
}

void tls13_cert_subject(const tls13_cert *c, tls13_strbuf *out)
{
    tls13_x509_name_format(c->subject, c->subject_len, out);
}

void tls13_cert_issuer(const tls13_cert *c, tls13_strbuf *out)
{
    tls13_x509_name_format(c->issuer, c->issuer_len, out);
}

void tls13_format_ip(const uint8_t *ip, size_t len, tls13_strbuf *out)
{
    size_t best = 0, best_len = 0;
    if (len == 4) {
        tls13_strbuf_printf(out, "%u.%u.%u.%u", ip[0], ip[1], ip[2], ip[3]);
        return;
    }
    if (len != 16) {
        tls13_strbuf_puts(out, "(bad address)");
        return;
    }
    /* RFC 5952 section 4.2: "::" replaces the longest run (first if tied)
     * of at least two zero groups. */
    for (size_t i = 0; i < 8;) {
        size_t j = i;
        while (j < 8 && ip[2 * j] == 0 && ip[2 * j + 1] == 0)
            j++;
        if (j - i > best_len) {
            best = i;
            best_len = j - i;
        }
        i = j > i ? j : i + 1;
    }
    if (best_len < 2)
        best_len = 0;
    for (size_t i = 0; i < 8; i++) {
        if (best_len && i == best) {
            tls13_strbuf_puts(out, "::");
            i += best_len - 1;
            continue;
        }
        if (i > 0 && !(best_len && i == best + best_len))
            tls13_strbuf_putc(out, ':');
        tls13_strbuf_printf(out, "%x", (unsigned)(ip[2 * i] << 8 | ip[2 * i + 1]));
    }
}

/* IA5 text from the certificate, with anything unprintable shown as '?'. */
static void put_printable(tls13_strbuf *out, const tls13_reader *v)
{
    for (size_t i = 0; i < v->len; i++)
        tls13_strbuf_putc(out, v->p[i] >= 0x20 && v->p[i] < 0x7f ? (char)v->p[i] : '?');
}

void tls13_cert_format_sans(const tls13_cert *c, tls13_strbuf *out)
{
    tls13_reader r, v;
    uint8_t tag;
    bool first = true;
    if (!c->san) {
        tls13_strbuf_puts(out, "(none)");
        return;
    }
    tls13_reader_init(&r, c->san, c->san_len);
    while (tls13_reader_remaining(&r) > 0 && tls13_der_read_any(&r, &tag, &v)) {
        if (!first)
            tls13_strbuf_puts(out, ", ");
        first = false;
        if (tag == TLS13_GN_DNS) {
            tls13_strbuf_puts(out, "DNS:");
            tls13_strbuf_put(out, (const char *)v.p, v.len);
        } else if (tag == TLS13_GN_IP) {
            tls13_strbuf_puts(out, "IP:");
            tls13_format_ip(v.p, v.len, out);
        } else if (tag == TLS13_DER_CONTEXT(1)) {
            tls13_strbuf_puts(out, "email:");
            put_printable(out, &v);
        } else if (tag == TLS13_DER_CONTEXT(6)) {
            tls13_strbuf_puts(out, "URI:");
            put_printable(out, &v);
        } else {
            tls13_strbuf_printf(out, "othername(tag 0x%02x)", tag);
        }
    }
}
