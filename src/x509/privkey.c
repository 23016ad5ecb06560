/*
 * Private key files: PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5208,
 * RFC 5958) holding RSA, EC or Ed25519 keys (RFC 8410), SEC 1 ECPrivateKey
 * (RFC 5915, "EC PRIVATE KEY") and PKCS#1 RSAPrivateKey (RFC 8017 appendix
 * A.1.2, "RSA PRIVATE KEY"), as PEM or DER. Encrypted keys are recognised
 * and refused with a sentence saying how to decrypt them. Every buffer that
 * held key bytes is wiped.
 */
#include "x509.h"

#include <stdio.h>
#include <string.h>

#include "base/der.h"
#include "base/mem.h"
#include "crypto/ec.h"
#include "crypto/ed25519.h"
#include "file.h"
#include "oid.h"
#include "pem.h"
#include "tls13.h"

#define ENCRYPTED_HINT "encrypted private keys are not supported; decrypt it first " \
                       "(openssl pkey -in encrypted.pem -out plain.pem)"

static int key_error(char *err, size_t err_len, int rc, const char *why)
{
    if (err && err_len)
        snprintf(err, err_len, "%s", why);
    return rc;
}

/* Copies a big-endian INTEGER magnitude into a fixed field. */
static bool read_field(tls13_reader *r, uint8_t *dst, size_t cap, size_t *len)
{
    const uint8_t *mag;
    size_t n;
    if (!tls13_der_read_uint(r, &mag, &n) || n > cap)
        return false;
    memcpy(dst, mag, n);
    *len = n;
    return true;
}

static int parse_pkcs1(tls13_private_key *key, tls13_reader *in, char *err, size_t err_len)
{
    tls13_reader seq;
    tls13_rsa_private_key *k = &key->rsa;
    uint64_t version;
    if (!tls13_der_read(in, TLS13_DER_SEQUENCE, &seq) || !tls13_reader_done(in) ||
        !tls13_der_read_small_uint(&seq, &version))
        return key_error(err, err_len, TLS13_ERR_DECODE, "malformed RSAPrivateKey");
    if (version != 0)
        return key_error(err, err_len, TLS13_ERR_UNSUPPORTED, "multi-prime RSA keys are not supported");
    if (!read_field(&seq, k->n, sizeof(k->n), &k->n_len) || !read_field(&seq, k->e, sizeof(k->e), &k->e_len) ||
        !read_field(&seq, k->d, sizeof(k->d), &k->d_len) || !read_field(&seq, k->p, sizeof(k->p), &k->p_len) ||
        !read_field(&seq, k->q, sizeof(k->q), &k->q_len) || !read_field(&seq, k->dp, sizeof(k->dp), &k->dp_len) ||
        !read_field(&seq, k->dq, sizeof(k->dq), &k->dq_len) ||
        !read_field(&seq, k->qinv, sizeof(k->qinv), &k->qinv_len) || !tls13_reader_done(&seq))
        return key_error(err, err_len, TLS13_ERR_DECODE,
                         "malformed RSAPrivateKey (or a modulus above 4096 bits)");
    if (k->n_len == 0 || k->e_len == 0 || k->p_len == 0 || k->q_len == 0)
        return key_error(err, err_len, TLS13_ERR_DECODE, "RSAPrivateKey has a zero component");
    key->type = TLS13_KEY_RSA;
    return TLS13_OK;
}

static tls13_key_type curve_type(const tls13_reader *oid)
{
    switch (tls13_oid_lookup(oid->p, oid->len)) {
    case TLS13_OID_P256: return TLS13_KEY_EC_P256;
    case TLS13_OID_P384: return TLS13_KEY_EC_P384;
    default: return TLS13_KEY_NONE;
    }
}

/* ECPrivateKey (RFC 5915 section 3). `outer` is the curve named by the
 * PKCS#8 algorithm, or NONE for a bare SEC 1 key. */
static int parse_sec1(tls13_private_key *key, tls13_reader *in, tls13_key_type outer, char *err, size_t err_len)
{
    tls13_reader seq, d, field, oid;
    uint64_t version;
    bool present;
    tls13_key_type type = outer;
    size_t scalar;
    if (!tls13_der_read(in, TLS13_DER_SEQUENCE, &seq) || !tls13_reader_done(in) ||
        !tls13_der_read_small_uint(&seq, &version) || version != 1 ||
        !tls13_der_read(&seq, TLS13_DER_OCTET_STRING, &d) ||
        !tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(0), &field, &present))
        return key_error(err, err_len, TLS13_ERR_DECODE, "malformed ECPrivateKey");
    if (present) {
        tls13_key_type named;
        if (!tls13_der_read(&field, TLS13_DER_OID, &oid) || !tls13_reader_done(&field))
            return key_error(err, err_len, TLS13_ERR_DECODE, "ECPrivateKey parameters are not a named curve");
        named = curve_type(&oid);
        if (named == TLS13_KEY_NONE) {
            char name[48], why[96];
            tls13_oid_describe(oid.p, oid.len, name, sizeof(name));
            snprintf(why, sizeof(why), "unsupported curve %s (only P-256 and P-384)", name);
            return key_error(err, err_len, TLS13_ERR_UNSUPPORTED, why);
        }
        if (outer != TLS13_KEY_NONE && named != outer)
            return key_error(err, err_len, TLS13_ERR_DECODE, "ECPrivateKey curve differs from the PKCS#8 algorithm");
        type = named;
    }
    if (type == TLS13_KEY_NONE)
        return key_error(err, err_len, TLS13_ERR_DECODE, "ECPrivateKey does not name its curve");
    scalar = type == TLS13_KEY_EC_P256 ? 32 : 48;
    if (d.len == 0 || d.len > scalar)
        return key_error(err, err_len, TLS13_ERR_DECODE, "EC private scalar has the wrong length");
    /* SEC 1 section 2.3.7 fixes the length; shorter encodings are padded. */
    memset(key->secret, 0, scalar - d.len);
    memcpy(key->secret + scalar - d.len, d.p, d.len);
    key->secret_len = scalar;
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(1), &field, &present) || !tls13_reader_done(&seq))
        return key_error(err, err_len, TLS13_ERR_DECODE, "malformed ECPrivateKey");
    if (present) {
        tls13_reader bits;
        uint8_t unused;
        if (!tls13_der_read(&field, TLS13_DER_BIT_STRING, &bits) || !tls13_reader_done(&field) ||
            !tls13_read_u8(&bits, &unused) || unused != 0 || bits.len != 2 * scalar + 1 || bits.p[0] != 0x04)
            return key_error(err, err_len, TLS13_ERR_DECODE, "ECPrivateKey public key is not an uncompressed point");
        memcpy(key->pub, bits.p, bits.len);
        key->pub_len = bits.len;
    }
    key->type = type;
    return TLS13_OK;
}

/* CurvePrivateKey (RFC 8410 section 7) and the optional [1] publicKey. */
static int parse_ed25519(tls13_private_key *key, tls13_reader *in, tls13_reader *rest, char *err, size_t err_len)
{
    tls13_reader seed, field;
    bool present;
    if (!tls13_der_read(in, TLS13_DER_OCTET_STRING, &seed) || !tls13_reader_done(in) || seed.len != 32)
        return key_error(err, err_len, TLS13_ERR_DECODE, "malformed Ed25519 private key");
    memcpy(key->secret, seed.p, 32);
    key->secret_len = 32;
    if (!tls13_der_read_optional(rest, TLS13_DER_CONTEXT(1), &field, &present))
        return key_error(err, err_len, TLS13_ERR_DECODE, "malformed OneAsymmetricKey publicKey");
    if (present) {
        uint8_t unused;
        if (!tls13_read_u8(&field, &unused) || unused != 0 || field.len != 32)
            return key_error(err, err_len, TLS13_ERR_DECODE, "malformed Ed25519 public key");
        memcpy(key->pub, field.p, 32);
        key->pub_len = 32;
    }
    key->type = TLS13_KEY_ED25519;
    return TLS13_OK;
}

static int parse_pkcs8(tls13_private_key *key, tls13_reader *in, char *err, size_t err_len)
{
    tls13_reader seq, alg, oid, params, pk, attrs;
    uint64_t version;
    bool present, has_params;
    int rc;
    if (!tls13_der_read(in, TLS13_DER_SEQUENCE, &seq) || !tls13_reader_done(in) ||
        !tls13_der_read_small_uint(&seq, &version) || version > 1 ||
        !tls13_der_read(&seq, TLS13_DER_SEQUENCE, &alg) || !tls13_der_read(&alg, TLS13_DER_OID, &oid) ||
        !tls13_der_read(&seq, TLS13_DER_OCTET_STRING, &pk) ||
        !tls13_der_read_optional(&seq, TLS13_DER_CONTEXT_CONSTRUCTED(0), &attrs, &present))
        return key_error(err, err_len, TLS13_ERR_DECODE, "malformed PKCS#8 PrivateKeyInfo");
    has_params = tls13_reader_remaining(&alg) > 0;
    tls13_read_rest(&alg, &params);
    switch (tls13_oid_lookup(oid.p, oid.len)) {
    case TLS13_OID_RSA_ENCRYPTION:
    case TLS13_OID_RSASSA_PSS:
        rc = parse_pkcs1(key, &pk, err, err_len);
        break;
    case TLS13_OID_EC_PUBLIC_KEY: {
        tls13_reader curve;
        tls13_key_type type;
        if (!tls13_der_read(&params, TLS13_DER_OID, &curve) || !tls13_reader_done(&params))
            return key_error(err, err_len, TLS13_ERR_DECODE, "PKCS#8 EC key without a named curve");
        type = curve_type(&curve);
        if (type == TLS13_KEY_NONE) {
            char name[48], why[96];
            tls13_oid_describe(curve.p, curve.len, name, sizeof(name));
            snprintf(why, sizeof(why), "unsupported curve %s (only P-256 and P-384)", name);
            return key_error(err, err_len, TLS13_ERR_UNSUPPORTED, why);
        }
        rc = parse_sec1(key, &pk, type, err, err_len);
        break;
    }
    case TLS13_OID_ED25519:
        if (has_params)
            return key_error(err, err_len, TLS13_ERR_DECODE, "Ed25519 key with algorithm parameters");
        rc = parse_ed25519(key, &pk, &seq, err, err_len);
        break;
    default: {
        char name[48], why[96];
        tls13_oid_describe(oid.p, oid.len, name, sizeof(name));
        snprintf(why, sizeof(why), "unsupported private key algorithm %s", name);
        return key_error(err, err_len, TLS13_ERR_UNSUPPORTED, why);
    }
    }
    if (rc != TLS13_OK)
        return rc;
    /* A v2 OneAsymmetricKey may end with [1] publicKey; RSA and EC keys
     * carry their public half inside already. */
    if (!tls13_der_read_optional(&seq, TLS13_DER_CONTEXT(1), &attrs, &present) || !tls13_reader_done(&seq))
        return key_error(err, err_len, TLS13_ERR_DECODE, "trailing data in PKCS#8 PrivateKeyInfo");
    return TLS13_OK;
}

/* DER without a label: the first elements tell the formats apart. */
static int parse_der(tls13_private_key *key, const uint8_t *der, size_t len, char *err, size_t err_len)
{
    tls13_reader r, seq, peek;
    uint64_t version;
    tls13_reader_init(&r, der, len);
    peek = r;
    if (!tls13_der_read(&peek, TLS13_DER_SEQUENCE, &seq))
        return key_error(err, err_len, TLS13_ERR_DECODE, "not a PEM or DER private key");
    /* EncryptedPrivateKeyInfo (RFC 5958 section 3) starts with an AlgorithmIdentifier. */
    if (tls13_der_next_is(&seq, TLS13_DER_SEQUENCE))
        return key_error(err, err_len, TLS13_ERR_KEY_ENCRYPTED, "the key is an EncryptedPrivateKeyInfo: " ENCRYPTED_HINT);
    if (!tls13_der_read_small_uint(&seq, &version))
        return key_error(err, err_len, TLS13_ERR_DECODE, "not a PKCS#8, SEC 1 or PKCS#1 private key");
    if (tls13_der_next_is(&seq, TLS13_DER_SEQUENCE))
        return parse_pkcs8(key, &r, err, err_len);
    if (version == 1 && tls13_der_next_is(&seq, TLS13_DER_OCTET_STRING))
        return parse_sec1(key, &r, TLS13_KEY_NONE, err, err_len);
    if (tls13_der_next_is(&seq, TLS13_DER_INTEGER))
        return parse_pkcs1(key, &r, err, err_len);
    return key_error(err, err_len, TLS13_ERR_DECODE, "not a PKCS#8, SEC 1 or PKCS#1 private key");
}

static int parse_pem(tls13_private_key *key, const uint8_t *data, size_t len, char *err, size_t err_len)
{
    tls13_pem_reader r;
    tls13_pem_block b;
    int rc;
    tls13_pem_reader_init(&r, data, len);
    while ((rc = tls13_pem_next(&r, &b)) == 1) {
        tls13_reader in;
        if (strcmp(b.label, "ENCRYPTED PRIVATE KEY") == 0 || b.encrypted) {
            char why[256];
            snprintf(why, sizeof(why), "the %s is encrypted: " ENCRYPTED_HINT, b.label);
            tls13_pem_block_free(&b);
            return key_error(err, err_len, TLS13_ERR_KEY_ENCRYPTED, why);
        }
        tls13_reader_init(&in, b.der, b.der_len);
        if (strcmp(b.label, "PRIVATE KEY") == 0)
            rc = parse_pkcs8(key, &in, err, err_len);
        else if (strcmp(b.label, "EC PRIVATE KEY") == 0)
            rc = parse_sec1(key, &in, TLS13_KEY_NONE, err, err_len);
        else if (strcmp(b.label, "RSA PRIVATE KEY") == 0)
            rc = parse_pkcs1(key, &in, err, err_len);
        else {
            tls13_pem_block_free(&b); /* certificates, EC PARAMETERS, ... */
            continue;
        }
        tls13_pem_block_free(&b);
        return rc;
    }
    if (rc < 0)
        return key_error(err, err_len, rc, r.err);
    return key_error(err, err_len, TLS13_ERR_PEM,
                     "no PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY block found");
}

/* Files may omit the public half (SEC 1 [1] is optional, PKCS#8 v1 has no
 * publicKey); signing needs it, so it is computed once here. This also
 * rejects an EC scalar that is zero or not below the group order. */
static int complete_public(tls13_private_key *key, char *err, size_t err_len)
{
    if (key->pub_len != 0)
        return TLS13_OK;
    if (key->type == TLS13_KEY_ED25519) {
        tls13_ed25519_public(key->pub, key->secret);
        key->pub_len = 32;
    } else if (key->type == TLS13_KEY_EC_P256 || key->type == TLS13_KEY_EC_P384) {
        tls13_ec_curve curve = key->type == TLS13_KEY_EC_P256 ? TLS13_CURVE_P256 : TLS13_CURVE_P384;
        if (tls13_ec_public_from_private(curve, key->secret, key->pub) != TLS13_OK)
            return key_error(err, err_len, TLS13_ERR_BAD_KEY, "invalid EC private key (zero or not below the group order)");
        key->pub_len = tls13_ec_point_size(curve);
    }
    return TLS13_OK;
}

int tls13_private_key_parse(tls13_private_key *key, const uint8_t *data, size_t len, char *err, size_t err_len)
{
    int rc;
    memset(key, 0, sizeof(*key));
    if (err && err_len)
        err[0] = '\0';
    rc = tls13_pem_detect(data, len) ? parse_pem(key, data, len, err, err_len)
                                     : parse_der(key, data, len, err, err_len);
    if (rc == TLS13_OK)
        rc = complete_public(key, err, err_len);
    if (rc != TLS13_OK)
        tls13_wipe(key, sizeof(*key));
    return rc;
}

int tls13_private_key_load_file(tls13_private_key *key, const char *path, char *err, size_t err_len)
{
    uint8_t *data;
    size_t len;
    char why[256];
    int rc = tls13_x509_read_file(path, &data, &len, err, err_len);
    if (rc != TLS13_OK) {
        memset(key, 0, sizeof(*key));
        return rc;
    }
    rc = tls13_private_key_parse(key, data, len, why, sizeof(why));
    tls13_free_wiped(data, len);
    if (rc != TLS13_OK && err && err_len)
        snprintf(err, err_len, "%s: %s", path, why);
    return rc;
}
