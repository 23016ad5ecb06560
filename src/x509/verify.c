/*
 * tls13_x509_verify_chain: chain building and path validation.
 *
 * Building (RFC 4158 in spirit): a depth-first search from the leaf. At each
 * step every candidate issuer is tried -- trust anchors and the peer's other
 * certificates whose subject is the current issuer name (and whose subject
 * key identifier agrees with the authority key identifier when both are
 * present) -- so that cross-signed alternatives, extra certificates and any
 * order work. A certificate is never used twice in one path (loops), paths
 * are at most TLS13_X509_MAX_PATH long, and the total work is bounded.
 *
 * Validation (RFC 5280 section 6, web-PKI profile) runs on each complete
 * path; the first path that passes wins. When none passes, the error of the
 * first complete path is reported, or, if no path reached an anchor, why
 * the first one stopped.
 */
#include "x509.h"

#include <stdio.h>
#include <string.h>

#include "asn1_time.h"
#include "base/mem.h"
#include "cert.h"
#include "crypto/sha2.h"
#include "hostname.h"
#include "name.h"
#include "strbuf.h"
#include "trust.h"
#include "tls13.h"

#define TLS13_X509_MAX_PEER_CERTS 32
#define TLS13_X509_MAX_PATH 10      /* leaf + 8 intermediates + anchor */
#define TLS13_X509_MAX_ATTEMPTS 64  /* complete paths validated per call */
#define TLS13_X509_MAX_STEPS 1024   /* partial paths explored per call (a peer can send a
                                       tangle of same-named CAs; this bounds the search) */
#define MIN_RSA_BITS 2048

typedef struct path_elem {
    const tls13_cert *cert;
    int peer_index;   /* position in the peer's list, -1 for a store certificate */
} path_elem;

typedef struct search {
    const tls13_trust_store *store;
    const tls13_cert *peer;
    size_t n_peer;
    const tls13_host *host;
    tls13_x509_purpose purpose;
    int64_t now;
    path_elem path[TLS13_X509_MAX_PATH];
    size_t attempts, steps;
    bool have_path_error, have_dead_end, gave_up;
    tls13_verify_result path_error, dead_end;
} search;

/* Sets the result: the cause, then which certificate. */
static void set_result(tls13_verify_result *res, tls13_verify_code code, int depth, const tls13_cert *c,
                       const char *cause)
{
    tls13_strbuf s;
    res->code = code;
    res->depth = depth;
    tls13_strbuf_init(&s, res->message, sizeof(res->message));
    tls13_strbuf_puts(&s, cause);
    if (c) {
        tls13_strbuf_printf(&s, ": depth %d, subject ", depth);
        tls13_cert_subject(c, &s);
    }
}

static bool key_ids_compatible(const tls13_cert *child, const tls13_cert *issuer)
{
    if (!child->aki || !issuer->ski)
        return true;
    return child->aki_len == issuer->ski_len && memcmp(child->aki, issuer->ski, child->aki_len) == 0;
}

static bool issued_by_name(const tls13_cert *child, const tls13_cert *issuer)
{
    return tls13_x509_name_equal(child->issuer, child->issuer_len, issuer->subject, issuer->subject_len) &&
           key_ids_compatible(child, issuer);
}

static size_t rsa_bits(const tls13_public_key *k)
{
    size_t bits = k->len * 8;
    for (uint8_t top = k->data[0]; bits > 0 && !(top & 0x80); top <<= 1)
        bits--;
    return bits;
}

static const char *key_type_name(const tls13_cert *c)
{
    switch (c->key.type) {
    case TLS13_KEY_RSA: return "RSA";
    case TLS13_KEY_EC_P256: return "EC P-256";
    case TLS13_KEY_EC_P384: return "EC P-384";
    case TLS13_KEY_ED25519: return "Ed25519";
    default: return "unsupported";
    }
}

/* Algorithm policy for a certificate's own key: RSA >= 2048 bits, curves
 * P-256, P-384 and Ed25519 only. */
static bool check_key_policy(const tls13_cert *c, int depth, tls13_verify_result *res)
{
    char cause[200], oid[64];
    if (c->key.type == TLS13_KEY_NONE) {
        tls13_oid_describe(c->key_oid, c->key_oid_len, oid, sizeof(oid));
        snprintf(cause, sizeof(cause), "unsupported public key algorithm (%s; supported: RSA, EC P-256/P-384, Ed25519)",
                 oid);
        set_result(res, TLS13_VERIFY_UNSUPPORTED_ALGORITHM, depth, c, cause);
        return false;
    }
    if (c->key.type == TLS13_KEY_RSA && rsa_bits(&c->key) < MIN_RSA_BITS) {
        snprintf(cause, sizeof(cause), "unsupported or weak algorithm (RSA key of %zu bits, at least %d required)",
                 rsa_bits(&c->key), MIN_RSA_BITS);
        set_result(res, TLS13_VERIFY_WEAK_ALGORITHM, depth, c, cause);
        return false;
    }
    return true;
}

/* The SignatureScheme that verifies `child` with `issuer`'s key, or 0 with
 * *code/cause set. */
static uint16_t scheme_for(const tls13_cert *child, const tls13_cert *issuer, tls13_verify_code *code, char *cause,
                           size_t cause_len)
{
    const tls13_sig_alg *a = &child->sig_alg;
    char name[64];
    bool fits;
    tls13_oid_describe(a->raw_oid, a->raw_oid_len, name, sizeof(name));
    if (a->weak) {
        *code = TLS13_VERIFY_WEAK_ALGORITHM;
        snprintf(cause, cause_len, "unsupported or weak algorithm (%s%s)", name, a->pss ? " with SHA-1" : "");
        return 0;
    }
    if (a->scheme == 0 || a->scheme == TLS13_SIG_ECDSA_SECP521R1_SHA512) {
        *code = TLS13_VERIFY_UNSUPPORTED_ALGORITHM;
        snprintf(cause, cause_len, "unsupported signature algorithm (%s%s)", name,
                 a->pss ? " with parameters other than MGF1 and salt length = hash length" : "");
        return 0;
    }
    switch (a->scheme) {
    case TLS13_SIG_ECDSA_SECP256R1_SHA256:
    case TLS13_SIG_ECDSA_SECP384R1_SHA384:
        fits = issuer->key.type == TLS13_KEY_EC_P256 || issuer->key.type == TLS13_KEY_EC_P384;
        break;
    case TLS13_SIG_ED25519:
        fits = issuer->key.type == TLS13_KEY_ED25519;
        break;
    case TLS13_SIG_RSA_PKCS1_SHA256: case TLS13_SIG_RSA_PKCS1_SHA384: case TLS13_SIG_RSA_PKCS1_SHA512:
        fits = issuer->key.type == TLS13_KEY_RSA && !issuer->key_is_pss;
        break;
    default: /* RSASSA-PSS: an id-RSASSA-PSS key uses the rsa_pss_pss_* codepoints */
        fits = issuer->key.type == TLS13_KEY_RSA;
        if (fits && issuer->key_is_pss)
            return (uint16_t)(a->scheme + (TLS13_SIG_RSA_PSS_PSS_SHA256 - TLS13_SIG_RSA_PSS_RSAE_SHA256));
        break;
    }
    if (!fits) {
        *code = TLS13_VERIFY_BAD_SIGNATURE;
        snprintf(cause, cause_len, "bad signature (%s does not fit the issuer's %s key)", name, key_type_name(issuer));
        return 0;
    }
    return a->scheme;
}

static bool check_signature(const tls13_cert *child, const tls13_cert *issuer, int depth, tls13_verify_result *res)
{
    char cause[200];
    tls13_verify_code code = TLS13_VERIFY_BAD_SIGNATURE;
    uint16_t scheme = scheme_for(child, issuer, &code, cause, sizeof(cause));
    int rc;
    if (scheme == 0) {
        set_result(res, code, depth, child, cause);
        return false;
    }
    rc = tls13_signature_verify(scheme, &issuer->key, child->tbs.p, child->tbs.len, child->sig, child->sig_len);
    if (rc == TLS13_OK)
        return true;
    if (rc == TLS13_ERR_UNSUPPORTED) {
        snprintf(cause, sizeof(cause), "unsupported signature algorithm (%s)", tls13_signature_scheme_name(scheme));
        set_result(res, TLS13_VERIFY_UNSUPPORTED_ALGORITHM, depth, child, cause);
    } else {
        tls13_strbuf s;
        tls13_strbuf_init(&s, cause, sizeof(cause));
        tls13_strbuf_puts(&s, "bad signature (the certificate was not signed by the key of ");
        tls13_cert_subject(issuer, &s);
        tls13_strbuf_puts(&s, ")");
        set_result(res, TLS13_VERIFY_BAD_SIGNATURE, depth, child, cause);
    }
    return false;
}

static bool check_validity(const tls13_cert *c, int depth, int64_t now, tls13_verify_result *res)
{
    char cause[200], t1[40], t2[40];
    tls13_asn1_time_format(now, t2, sizeof(t2));
    if (now < c->not_before) {
        tls13_asn1_time_format(c->not_before, t1, sizeof(t1));
        snprintf(cause, sizeof(cause), "certificate is not yet valid (notBefore %s, now %s)", t1, t2);
        set_result(res, TLS13_VERIFY_NOT_YET_VALID, depth, c, cause);
        return false;
    }
    if (now > c->not_after) {
        tls13_asn1_time_format(c->not_after, t1, sizeof(t1));
        snprintf(cause, sizeof(cause), "certificate has expired (notAfter %s, now %s)", t1, t2);
        set_result(res, TLS13_VERIFY_EXPIRED, depth, c, cause);
        return false;
    }
    return true;
}

static void format_key_usage(unsigned ku, tls13_strbuf *s)
{
    static const char *const names[] = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
                                        "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    bool first = true;
    for (unsigned i = 0; i < 9; i++)
        if (ku & (1u << i)) {
            tls13_strbuf_puts(s, first ? "" : ", ");
            tls13_strbuf_puts(s, names[i]);
            first = false;
        }
    if (first)
        tls13_strbuf_puts(s, "none");
}

static bool check_key_usage(const tls13_cert *c, int depth, unsigned need, const char *what,
                            tls13_verify_result *res)
{
    char cause[200];
    tls13_strbuf s;
    if (!c->has_key_usage || (c->key_usage & need))
        return true;
    tls13_strbuf_init(&s, cause, sizeof(cause));
    tls13_strbuf_printf(&s, "key usage does not allow %s (keyUsage: ", what);
    format_key_usage(c->key_usage, &s);
    tls13_strbuf_puts(&s, ")");
    set_result(res, TLS13_VERIFY_KEY_USAGE, depth, c, cause);
    return false;
}

static bool check_ext_key_usage(const tls13_cert *c, int depth, tls13_x509_purpose purpose, tls13_verify_result *res)
{
    unsigned need = purpose == TLS13_PURPOSE_SERVER_AUTH ? TLS13_EKU_SERVER_AUTH : TLS13_EKU_CLIENT_AUTH;
    if (!c->has_ext_key_usage || (c->ext_key_usage & (need | TLS13_EKU_ANY)))
        return true;
    set_result(res, TLS13_VERIFY_EXT_KEY_USAGE, depth, c,
               purpose == TLS13_PURPOSE_SERVER_AUTH ? "extended key usage does not allow server authentication"
                                                    : "extended key usage does not allow client authentication");
    return false;
}

/* RFC 5280 4.2.1.10 for dNSName: "example.com" covers the name and its
 * subdomains, ".example.com" only subdomains; case-insensitive. A trailing
 * dot (the absolute form, RFC 6125 section 6.2.1) is dropped from both, as
 * host matching drops it: otherwise "www.evil.com." would escape an excluded
 * "evil.com" and still match the host www.evil.com. */
static bool dns_within(const uint8_t *name, size_t n, const uint8_t *base, size_t b)
{
    size_t off;
    if (n > 0 && name[n - 1] == '.')
        n--;
    if (b > 1 && base[b - 1] == '.')
        b--;
    if (b == 0)
        return true;
    if (n < b)
        return false;
    off = n - b;
    for (size_t i = 0; i < b; i++) {
        uint8_t x = name[off + i], y = base[i];
        if (x >= 'A' && x <= 'Z') x = (uint8_t)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (uint8_t)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    if (base[0] == '.')
        return off > 0;
    return off == 0 || name[off - 1] == '.';
}

static bool ip_within(const uint8_t *ip, size_t n, const uint8_t *base, size_t b)
{
    if (b != 2 * n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((ip[i] & base[n + i]) != (base[i] & base[n + i]))
            return false;
    return true;
}

/* Does any subtree of this name's type contain it? *any_of_type says
 * whether the subtrees constrain this type at all. */
static bool subtrees_contain(const uint8_t *trees, size_t len, uint8_t tag, const tls13_reader *name,
                             bool *any_of_type)
{
    tls13_reader r, st, base;
    uint8_t t;
    *any_of_type = false;
    if (!trees)
        return false;
    tls13_reader_init(&r, trees, len);
    while (tls13_reader_remaining(&r) > 0 && tls13_der_read(&r, TLS13_DER_SEQUENCE, &st) &&
           tls13_der_read_any(&st, &t, &base)) {
        if (t != tag)
            continue;
        if (tag == TLS13_GN_IP && base.len != 2 * name->len)
            continue; /* an IPv4 range says nothing about IPv6 names */
        *any_of_type = true;
        if (tag == TLS13_GN_DNS ? dns_within(name->p, name->len, base.p, base.len)
                                : ip_within(name->p, name->len, base.p, base.len))
            return true;
    }
    return false;
}

/* The names of `c` against the constraints of CA `ca`. */
static bool check_name_constraints(const tls13_cert *ca, const tls13_cert *c, int depth, tls13_verify_result *res)
{
    tls13_reader r, v;
    uint8_t tag;
    if (!c->san)
        return true;
    tls13_reader_init(&r, c->san, c->san_len);
    while (tls13_reader_remaining(&r) > 0 && tls13_der_read_any(&r, &tag, &v)) {
        bool constrained, in_permitted, in_excluded, dummy;
        const char *why = NULL;
        if (tag != TLS13_GN_DNS && tag != TLS13_GN_IP)
            continue;
        in_permitted = subtrees_contain(ca->nc_permitted, ca->nc_permitted_len, tag, &v, &constrained);
        in_excluded = subtrees_contain(ca->nc_excluded, ca->nc_excluded_len, tag, &v, &dummy);
        if (in_excluded)
            why = "excluded";
        else if (constrained && !in_permitted)
            why = "not permitted";
        if (why) {
            char cause[300];
            tls13_strbuf s;
            tls13_strbuf_init(&s, cause, sizeof(cause));
            tls13_strbuf_puts(&s, "name constraints violated (");
            if (tag == TLS13_GN_DNS) {
                tls13_strbuf_puts(&s, "DNS:");
                tls13_strbuf_put(&s, (const char *)v.p, v.len);
            } else {
                tls13_strbuf_puts(&s, "IP:");
                tls13_format_ip(v.p, v.len, &s);
            }
            tls13_strbuf_printf(&s, " is %s by the name constraints of ", why);
            tls13_cert_subject(ca, &s);
            tls13_strbuf_puts(&s, ")");
            set_result(res, TLS13_VERIFY_NAME_CONSTRAINTS, depth, c, cause);
            return false;
        }
    }
    return true;
}

static bool check_host(const tls13_cert *leaf, const tls13_host *host, const char *host_text,
                       tls13_verify_result *res)
{
    char cause[400];
    tls13_strbuf s;
    if (tls13_cert_matches_host(leaf, host))
        return true;
    tls13_strbuf_init(&s, cause, sizeof(cause));
    if (host->kind == TLS13_HOST_INVALID) {
        tls13_strbuf_printf(&s, "host \"%.253s\" is neither a valid DNS name nor an IP address", host_text);
    } else if (!leaf->san) {
        tls13_strbuf_printf(&s, "certificate has no subjectAltName, so it matches no host (the subject's CN is not "
                                "used for host names) and does not match host %.253s", host_text);
    } else {
        tls13_strbuf_puts(&s, "certificate for ");
        tls13_cert_format_sans(leaf, &s);
        tls13_strbuf_printf(&s, " does not match host %.253s", host_text);
    }
    set_result(res, TLS13_VERIFY_HOSTNAME_MISMATCH, 0, leaf, cause);
    return false;
}

static void base64_encode(const uint8_t *in, size_t len, char *out)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t o = 0;
    for (size_t i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < len ? (uint32_t)in[i + 1] << 8 : 0) | (i + 2 < len ? in[i + 2] : 0);
        out[o++] = tab[v >> 18];
        out[o++] = tab[(v >> 12) & 63];
        out[o++] = i + 1 < len ? tab[(v >> 6) & 63] : '=';
        out[o++] = i + 2 < len ? tab[v & 63] : '=';
    }
    out[o] = '\0';
}

static bool check_pins(const tls13_trust_store *store, const path_elem *path, size_t n, tls13_verify_result *res)
{
    uint8_t h[32];
    char b64[48], cause[200];
    if (store->n_pins == 0)
        return true;
    for (size_t i = 0; i < n; i++) {
        tls13_sha256(path[i].cert->spki, path[i].cert->spki_len, h);
        for (size_t p = 0; p < store->n_pins; p++)
            if (memcmp(h, store->pins[p], 32) == 0)
                return true;
    }
    tls13_sha256(path[0].cert->spki, path[0].cert->spki_len, h);
    base64_encode(h, 32, b64);
    snprintf(cause, sizeof(cause),
             "public key pin mismatch (no certificate of the %zu in the chain has a pinned key; the leaf's pin-sha256 is \"%s\")",
             n, b64);
    set_result(res, TLS13_VERIFY_PIN_MISMATCH, 0, path[0].cert, cause);
    return false;
}

/* RFC 5280 section 6.1 on one complete path: path[n-1] is the anchor. */
static bool validate(search *s, size_t n, tls13_verify_result *res)
{
    const path_elem *p = s->path;
    size_t anchor = n - 1;
    /* The certificates checked as the peer's: all but the anchor, except
     * that a leaf which is itself the anchor is still a leaf. */
    size_t peer_part = n == 1 ? 1 : anchor;
    /* Extensions we cannot process. The anchor's are its owner's business. */
    for (size_t i = 0; i < peer_part; i++)
        if (p[i].cert->unknown_critical) {
            char oid[64], cause[120];
            tls13_oid_to_text(p[i].cert->unknown_critical, p[i].cert->unknown_critical_len, oid, sizeof(oid));
            snprintf(cause, sizeof(cause), "unknown critical extension (OID %s)", oid);
            set_result(res, TLS13_VERIFY_UNKNOWN_CRITICAL_EXTENSION, (int)i, p[i].cert, cause);
            return false;
        }
    /* Issuers: CA, keyCertSign, path length (6.1.4 (k), (l), (m), (n)). */
    for (size_t i = 1; i < n; i++) {
        const tls13_cert *c = p[i].cert;
        size_t below = 0;
        /* A v1 anchor without basicConstraints is accepted as a CA (old roots). */
        if (c->has_basic_constraints ? !c->is_ca : i != anchor) {
            set_result(res, TLS13_VERIFY_NOT_A_CA, (int)i, c,
                       c->has_basic_constraints ? "issuer is not a CA (basicConstraints CA:FALSE)"
                                                : "issuer is not a CA (no basicConstraints extension)");
            return false;
        }
        if (!check_key_usage(c, (int)i, TLS13_KU_KEY_CERT_SIGN, "certificate signing (keyCertSign)", res))
            return false;
        for (size_t j = 1; j < i; j++)
            if (!tls13_cert_self_issued(p[j].cert))
                below++;
        if (c->path_len >= 0 && below > (size_t)c->path_len) {
            char cause[160];
            snprintf(cause, sizeof(cause), "path length exceeded (pathLenConstraint %d, %zu intermediate CA%s below)",
                     c->path_len, below, below == 1 ? "" : "s");
            set_result(res, TLS13_VERIFY_PATH_LENGTH_EXCEEDED, (int)i, c, cause);
            return false;
        }
    }
    /* The leaf signs the handshake (RFC 8446 section 4.4.3). */
    if (!check_key_usage(p[0].cert, 0, TLS13_KU_DIGITAL_SIGNATURE, "digital signatures (digitalSignature)", res))
        return false;
    /* EKU: on the leaf and, as in the web PKI, on intermediates too. */
    for (size_t i = 0; i < peer_part; i++)
        if (!check_ext_key_usage(p[i].cert, (int)i, s->purpose, res))
            return false;
    /* Name constraints of every CA over the certificates below it
     * (self-issued intermediates are exempt, RFC 5280 6.1.3 (b)). */
    for (size_t i = 1; i < n; i++) {
        if (!p[i].cert->nc_permitted && !p[i].cert->nc_excluded)
            continue;
        for (size_t j = 0; j < i; j++)
            if ((j == 0 || !tls13_cert_self_issued(p[j].cert)) &&
                !check_name_constraints(p[i].cert, p[j].cert, (int)j, res))
                return false;
    }
    if (s->host && !check_host(p[0].cert, s->host, s->host->name[0] ? s->host->name : "", res))
        return false;
    /* From the anchor down: algorithms, signatures, validity. */
    for (size_t k = n; k-- > 0;) {
        const tls13_cert *c = p[k].cert;
        if (!check_key_policy(c, (int)k, res))
            return false;
        if (k < anchor && !check_signature(c, p[k + 1].cert, (int)k, res))
            return false;
        if (!check_validity(c, (int)k, s->now, res))
            return false;
    }
    if (!check_pins(s->store, p, n, res))
        return false;
    {
        char msg[300];
        tls13_strbuf b;
        tls13_strbuf_init(&b, msg, sizeof(msg));
        tls13_strbuf_printf(&b, "certificate chain verified (%zu certificate%s, trust anchor ", n, n == 1 ? "" : "s");
        tls13_cert_subject(p[anchor].cert, &b);
        tls13_strbuf_puts(&b, ")");
        set_result(res, TLS13_VERIFY_OK, -1, NULL, msg);
    }
    return true;
}

/* Records why the search stopped at path[n-1]: no issuer to try. */
static void dead_end(search *s, size_t n)
{
    const tls13_cert *top = s->path[n - 1].cert;
    tls13_verify_result *res = &s->dead_end;
    if (s->have_dead_end)
        return;
    s->have_dead_end = true;
    if (tls13_cert_self_issued(top)) {
        if (n == 1)
            set_result(res, TLS13_VERIFY_SELF_SIGNED, 0, top,
                       "self-signed certificate (it is not in the trust store)");
        else
            set_result(res, TLS13_VERIFY_SELF_SIGNED_IN_CHAIN, (int)(n - 1), top,
                       "self-signed certificate in certificate chain (the root is not in the trust store)");
    } else {
        char cause[400];
        tls13_strbuf b;
        tls13_strbuf_init(&b, cause, sizeof(cause));
        tls13_strbuf_puts(&b, "unable to get local issuer certificate (issuer ");
        tls13_cert_issuer(top, &b);
        tls13_strbuf_puts(&b, " is not in the trust store");
        if (n == 1 && s->n_peer == 1)
            tls13_strbuf_puts(&b, ", and the peer sent no intermediate certificates");
        tls13_strbuf_puts(&b, ")");
        set_result(res, TLS13_VERIFY_UNABLE_TO_GET_ISSUER, (int)(n - 1), top, cause);
    }
}

static bool in_path(const search *s, size_t n, const tls13_cert *c)
{
    for (size_t i = 0; i < n; i++)
        if (s->path[i].cert == c)
            return true;
    return false;
}

/* Tries every way to extend path[0..n); true when a valid path is found. */
static bool extend(search *s, size_t n, tls13_verify_result *res)
{
    const tls13_cert *top = s->path[n - 1].cert;
    const tls13_cert *anchor = s->path[n - 1].peer_index < 0 ? top : tls13_trust_store_find_key(s->store, top);
    bool tried = false;
    if (++s->steps > TLS13_X509_MAX_STEPS || s->attempts >= TLS13_X509_MAX_ATTEMPTS) {
        s->gave_up = true;
        return false;
    }
    if (anchor) {
        tls13_verify_result r;
        s->path[n - 1].cert = anchor; /* the store's copy is what we trust */
        s->attempts++;
        if (validate(s, n, &r)) {
            *res = r;
            return true;
        }
        if (!s->have_path_error) {
            s->path_error = r;
            s->have_path_error = true;
        }
        return false;
    }
    if (n == TLS13_X509_MAX_PATH) {
        if (!s->have_dead_end) {
            char cause[120];
            snprintf(cause, sizeof(cause), "certificate chain too long (more than %d certificates before a trust anchor)",
                     TLS13_X509_MAX_PATH);
            set_result(&s->dead_end, TLS13_VERIFY_CHAIN_TOO_LONG, (int)(n - 1), top, cause);
            s->have_dead_end = true;
        }
        return false;
    }
    for (size_t i = 0; i < s->store->n_anchors; i++) {
        const tls13_cert *a = &s->store->anchors[i].cert;
        if (!issued_by_name(top, a) || in_path(s, n, a))
            continue;
        tried = true;
        s->path[n].cert = a;
        s->path[n].peer_index = -1;
        if (extend(s, n + 1, res))
            return true;
    }
    for (size_t i = 0; i < s->n_peer; i++) {
        const tls13_cert *c = &s->peer[i], *same = tls13_trust_store_find_key(s->store, c);
        if (!issued_by_name(top, c) || in_path(s, n, c))
            continue;
        tried = true;
        /* A peer copy of an anchor already tried above adds nothing. */
        if (same && issued_by_name(top, same))
            continue;
        s->path[n].cert = c;
        s->path[n].peer_index = (int)i;
        if (extend(s, n + 1, res))
            return true;
    }
    if (!tried)
        dead_end(s, n);
    return false;
}

int tls13_x509_verify_chain(const tls13_trust_store *store,
                            const uint8_t *const *certs, const size_t *cert_lens, size_t n_certs,
                            const char *host, tls13_x509_purpose purpose, int64_t now,
                            tls13_public_key *leaf_key, tls13_verify_result *result)
{
    tls13_cert *peer;
    search *s;
    tls13_host parsed_host;
    tls13_verify_result local;
    tls13_verify_result *res = result ? result : &local;
    static const tls13_trust_store empty_store;
    size_t n_peer = 0;
    int rc = TLS13_ERR_CERT_VERIFY;
    if (!store)
        store = &empty_store; /* no anchors: every chain ends "unable to get local issuer" */
    if (n_certs == 0) {
        set_result(res, TLS13_VERIFY_NO_CERTIFICATE, -1, NULL, "the peer sent no certificate");
        return TLS13_ERR_CERT_VERIFY;
    }
    if (n_certs > TLS13_X509_MAX_PEER_CERTS) {
        char cause[100];
        snprintf(cause, sizeof(cause), "certificate chain too long (the peer sent %zu certificates, at most %d accepted)",
                 n_certs, TLS13_X509_MAX_PEER_CERTS);
        set_result(res, TLS13_VERIFY_CHAIN_TOO_LONG, -1, NULL, cause);
        return TLS13_ERR_CERT_VERIFY;
    }
    peer = tls13_calloc(n_certs, sizeof(*peer));
    s = tls13_calloc(1, sizeof(*s));
    if (!peer || !s) {
        tls13_free(peer);
        tls13_free(s);
        return TLS13_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < n_certs; i++) {
        char why[200], cause[300];
        if (tls13_cert_parse(&peer[n_peer], certs[i], cert_lens[i], why, sizeof(why)) != TLS13_OK) {
            snprintf(cause, sizeof(cause), "malformed certificate (%s): certificate %zu of the peer's chain", why, i);
            set_result(res, TLS13_VERIFY_MALFORMED, (int)i, NULL, cause);
            goto out;
        }
        /* A certificate sent twice is one candidate, not two. */
        bool repeated = false;
        for (size_t j = 0; j < n_peer && !repeated; j++)
            repeated = peer[j].der_len == cert_lens[i] && memcmp(peer[j].der, certs[i], cert_lens[i]) == 0;
        if (!repeated)
            n_peer++;
    }
    if (host) {
        tls13_host_parse(host, &parsed_host);
        if (parsed_host.kind != TLS13_HOST_DNS)
            snprintf(parsed_host.name, sizeof(parsed_host.name), "%.253s", host); /* for messages */
    }
    s->store = store;
    s->peer = peer;
    s->n_peer = n_peer;
    s->host = host ? &parsed_host : NULL;
    s->purpose = purpose;
    s->now = now;
    s->path[0].cert = &peer[0];
    s->path[0].peer_index = 0;
    if (extend(s, 1, res)) {
        if (leaf_key)
            *leaf_key = peer[0].key;
        rc = TLS13_OK;
    } else if (s->have_path_error) {
        *res = s->path_error;
    } else if (s->have_dead_end && !s->gave_up) {
        *res = s->dead_end;
    } else {
        set_result(res, TLS13_VERIFY_CHAIN_TOO_LONG, -1, NULL,
                   "certificate chain too long (the search for a path to a trust anchor gave up: too many "
                   "alternative issuers)");
    }
out:
    tls13_free(peer);
    tls13_free(s);
    return rc;
}
