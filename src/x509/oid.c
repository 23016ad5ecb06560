#include "oid.h"

#include <stdio.h>
#include <string.h>

#define OID_MAX_BYTES 12

typedef struct oid_entry {
    tls13_oid id;
    const char *name;
    uint8_t der[OID_MAX_BYTES];
    uint8_t len;
} oid_entry;

/* DER contents of each OID (dotted form in the comment). */
static const oid_entry oid_table[] = {
    {TLS13_OID_MD2_WITH_RSA, "md2WithRSAEncryption", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x02}, 9}, /* 1.2.840.113549.1.1.2 */
    {TLS13_OID_MD5_WITH_RSA, "md5WithRSAEncryption", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04}, 9}, /* 1.2.840.113549.1.1.4 */
    {TLS13_OID_SHA1_WITH_RSA, "sha1WithRSAEncryption", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05}, 9}, /* 1.2.840.113549.1.1.5 */
    {TLS13_OID_SHA256_WITH_RSA, "sha256WithRSAEncryption", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b}, 9}, /* 1.2.840.113549.1.1.11 */
    {TLS13_OID_SHA384_WITH_RSA, "sha384WithRSAEncryption", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c}, 9}, /* 1.2.840.113549.1.1.12 */
    {TLS13_OID_SHA512_WITH_RSA, "sha512WithRSAEncryption", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d}, 9}, /* 1.2.840.113549.1.1.13 */
    {TLS13_OID_RSASSA_PSS, "rsassaPss", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a}, 9}, /* 1.2.840.113549.1.1.10 */
    {TLS13_OID_ECDSA_SHA1, "ecdsa-with-SHA1", {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01}, 7}, /* 1.2.840.10045.4.1 */
    {TLS13_OID_ECDSA_SHA256, "ecdsa-with-SHA256", {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02}, 8}, /* 1.2.840.10045.4.3.2 */
    {TLS13_OID_ECDSA_SHA384, "ecdsa-with-SHA384", {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03}, 8}, /* 1.2.840.10045.4.3.3 */
    {TLS13_OID_ECDSA_SHA512, "ecdsa-with-SHA512", {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04}, 8}, /* 1.2.840.10045.4.3.4 */
    {TLS13_OID_DSA_SHA1, "dsa-with-SHA1", {0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03}, 7}, /* 1.2.840.10040.4.3 */
    {TLS13_OID_DSA_SHA256, "dsa-with-SHA256", {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x02}, 9}, /* 2.16.840.1.101.3.4.3.2 */
    {TLS13_OID_ED25519, "Ed25519", {0x2b, 0x65, 0x70}, 3}, /* 1.3.101.112 */
    {TLS13_OID_ED448, "Ed448", {0x2b, 0x65, 0x71}, 3}, /* 1.3.101.113 */
    {TLS13_OID_RSA_ENCRYPTION, "rsaEncryption", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01}, 9}, /* 1.2.840.113549.1.1.1 */
    {TLS13_OID_EC_PUBLIC_KEY, "id-ecPublicKey", {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01}, 7}, /* 1.2.840.10045.2.1 */
    {TLS13_OID_DSA, "dsaEncryption", {0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01}, 7}, /* 1.2.840.10040.4.1 */
    {TLS13_OID_P256, "prime256v1", {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}, 8}, /* 1.2.840.10045.3.1.7 */
    {TLS13_OID_P384, "secp384r1", {0x2b, 0x81, 0x04, 0x00, 0x22}, 5}, /* 1.3.132.0.34 */
    {TLS13_OID_P521, "secp521r1", {0x2b, 0x81, 0x04, 0x00, 0x23}, 5}, /* 1.3.132.0.35 */
    {TLS13_OID_SECP256K1, "secp256k1", {0x2b, 0x81, 0x04, 0x00, 0x0a}, 5}, /* 1.3.132.0.10 */
    {TLS13_OID_SHA1, "sha1", {0x2b, 0x0e, 0x03, 0x02, 0x1a}, 5}, /* 1.3.14.3.2.26 */
    {TLS13_OID_SHA256, "sha256", {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01}, 9}, /* 2.16.840.1.101.3.4.2.1 */
    {TLS13_OID_SHA384, "sha384", {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02}, 9}, /* 2.16.840.1.101.3.4.2.2 */
    {TLS13_OID_SHA512, "sha512", {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03}, 9}, /* 2.16.840.1.101.3.4.2.3 */
    {TLS13_OID_MGF1, "mgf1", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08}, 9}, /* 1.2.840.113549.1.1.8 */
    {TLS13_OID_CN, "CN", {0x55, 0x04, 0x03}, 3}, /* 2.5.4.3 */
    {TLS13_OID_SURNAME, "SN", {0x55, 0x04, 0x04}, 3}, /* 2.5.4.4 */
    {TLS13_OID_SERIAL_NUMBER, "serialNumber", {0x55, 0x04, 0x05}, 3}, /* 2.5.4.5 */
    {TLS13_OID_C, "C", {0x55, 0x04, 0x06}, 3}, /* 2.5.4.6 */
    {TLS13_OID_L, "L", {0x55, 0x04, 0x07}, 3}, /* 2.5.4.7 */
    {TLS13_OID_ST, "ST", {0x55, 0x04, 0x08}, 3}, /* 2.5.4.8 */
    {TLS13_OID_STREET, "street", {0x55, 0x04, 0x09}, 3}, /* 2.5.4.9 */
    {TLS13_OID_O, "O", {0x55, 0x04, 0x0a}, 3}, /* 2.5.4.10 */
    {TLS13_OID_OU, "OU", {0x55, 0x04, 0x0b}, 3}, /* 2.5.4.11 */
    {TLS13_OID_TITLE, "title", {0x55, 0x04, 0x0c}, 3}, /* 2.5.4.12 */
    {TLS13_OID_GIVEN_NAME, "GN", {0x55, 0x04, 0x2a}, 3}, /* 2.5.4.42 */
    {TLS13_OID_EMAIL, "emailAddress", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01}, 9}, /* 1.2.840.113549.1.9.1 */
    {TLS13_OID_DC, "DC", {0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19}, 10}, /* 0.9.2342.19200300.100.1.25 */
    {TLS13_OID_UID, "UID", {0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01}, 10}, /* 0.9.2342.19200300.100.1.1 */
    {TLS13_OID_EXT_SUBJECT_KEY_ID, "subjectKeyIdentifier", {0x55, 0x1d, 0x0e}, 3}, /* 2.5.29.14 */
    {TLS13_OID_EXT_KEY_USAGE, "keyUsage", {0x55, 0x1d, 0x0f}, 3}, /* 2.5.29.15 */
    {TLS13_OID_EXT_SUBJECT_ALT_NAME, "subjectAltName", {0x55, 0x1d, 0x11}, 3}, /* 2.5.29.17 */
    {TLS13_OID_EXT_BASIC_CONSTRAINTS, "basicConstraints", {0x55, 0x1d, 0x13}, 3}, /* 2.5.29.19 */
    {TLS13_OID_EXT_NAME_CONSTRAINTS, "nameConstraints", {0x55, 0x1d, 0x1e}, 3}, /* 2.5.29.30 */
    {TLS13_OID_EXT_CERT_POLICIES, "certificatePolicies", {0x55, 0x1d, 0x20}, 3}, /* 2.5.29.32 */
    {TLS13_OID_EXT_AUTHORITY_KEY_ID, "authorityKeyIdentifier", {0x55, 0x1d, 0x23}, 3}, /* 2.5.29.35 */
    {TLS13_OID_EXT_EXT_KEY_USAGE, "extendedKeyUsage", {0x55, 0x1d, 0x25}, 3}, /* 2.5.29.37 */
    {TLS13_OID_EKU_ANY, "anyExtendedKeyUsage", {0x55, 0x1d, 0x25, 0x00}, 4}, /* 2.5.29.37.0 */
    {TLS13_OID_EKU_SERVER_AUTH, "serverAuth", {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01}, 8}, /* 1.3.6.1.5.5.7.3.1 */
    {TLS13_OID_EKU_CLIENT_AUTH, "clientAuth", {0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02}, 8}, /* 1.3.6.1.5.5.7.3.2 */
    {TLS13_OID_PBES2, "PBES2", {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d}, 9}, /* 1.2.840.113549.1.5.13 */
};

tls13_oid tls13_oid_lookup(const uint8_t *oid, size_t len)
{
    for (size_t i = 0; i < sizeof(oid_table) / sizeof(oid_table[0]); i++)
        if (oid_table[i].len == len && memcmp(oid_table[i].der, oid, len) == 0)
            return oid_table[i].id;
    return TLS13_OID_UNKNOWN;
}

static const oid_entry *entry_of(tls13_oid id)
{
    for (size_t i = 0; i < sizeof(oid_table) / sizeof(oid_table[0]); i++)
        if (oid_table[i].id == id)
            return &oid_table[i];
    return NULL;
}

const char *tls13_oid_name(tls13_oid id)
{
    const oid_entry *e = entry_of(id);
    return e ? e->name : "unknown";
}

const uint8_t *tls13_oid_der(tls13_oid id, size_t *len)
{
    const oid_entry *e = entry_of(id);
    *len = e ? e->len : 0;
    return e ? e->der : NULL;
}

/* X.690 section 8.19: base-128 arcs, high bit = more bytes follow, no
 * leading 0x80 byte in an arc; the first arc pair is packed as 40*X + Y. */
void tls13_oid_to_text(const uint8_t *oid, size_t len, char *out, size_t out_len)
{
    size_t pos = 0, i = 0;
    int first = 1;
    if (out_len == 0)
        return;
    out[0] = '\0';
    if (len == 0)
        goto invalid;
    while (i < len) {
        uint64_t arc = 0;
        char part[48];
        int n;
        if (oid[i] == 0x80)
            goto invalid;
        do {
            if (arc >> 56)
                goto invalid;
            arc = (arc << 7) | (oid[i] & 0x7f);
        } while ((oid[i++] & 0x80) && i < len);
        if (oid[i - 1] & 0x80)
            goto invalid; /* the last byte still says "more follows" */
        if (first) {
            uint64_t top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
            n = snprintf(part, sizeof(part), "%llu.%llu", (unsigned long long)top,
                         (unsigned long long)(arc - 40 * top));
            first = 0;
        } else {
            n = snprintf(part, sizeof(part), ".%llu", (unsigned long long)arc);
        }
        if (n < 0 || pos + (size_t)n >= out_len) {
            out[pos] = '\0';
            return; /* truncated output, still terminated */
        }
        memcpy(out + pos, part, (size_t)n + 1);
        pos += (size_t)n;
    }
    return;
invalid:
    snprintf(out, out_len, "(invalid OID)");
}

void tls13_oid_describe(const uint8_t *oid, size_t len, char *out, size_t out_len)
{
    tls13_oid id = tls13_oid_lookup(oid, len);
    if (id != TLS13_OID_UNKNOWN)
        snprintf(out, out_len, "%s", tls13_oid_name(id));
    else
        tls13_oid_to_text(oid, len, out, out_len);
}
