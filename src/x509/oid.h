/*
 * Object identifiers used by X.509 and key files, recognised by their DER
 * contents (X.690 section 8.19) so that lookups never decode arcs.
 */
#ifndef TLS13_X509_OID_H
#define TLS13_X509_OID_H

#include <stddef.h>
#include <stdint.h>

typedef enum tls13_oid {
    TLS13_OID_UNKNOWN = 0,
    /* Signature algorithms (RFC 3279, RFC 4055, RFC 5758, RFC 8410). */
    TLS13_OID_MD2_WITH_RSA,
    TLS13_OID_MD5_WITH_RSA,
    TLS13_OID_SHA1_WITH_RSA,
    TLS13_OID_SHA256_WITH_RSA,
    TLS13_OID_SHA384_WITH_RSA,
    TLS13_OID_SHA512_WITH_RSA,
    TLS13_OID_RSASSA_PSS,
    TLS13_OID_ECDSA_SHA1,
    TLS13_OID_ECDSA_SHA256,
    TLS13_OID_ECDSA_SHA384,
    TLS13_OID_ECDSA_SHA512,
    TLS13_OID_DSA_SHA1,
    TLS13_OID_DSA_SHA256,
    TLS13_OID_ED25519,
    TLS13_OID_ED448,
    /* Public key algorithms and curves (RFC 3279, RFC 5480). */
    TLS13_OID_RSA_ENCRYPTION,
    TLS13_OID_EC_PUBLIC_KEY,
    TLS13_OID_DSA,
    TLS13_OID_P256,
    TLS13_OID_P384,
    TLS13_OID_P521,
    TLS13_OID_SECP256K1,
    /* Hashes and MGF1 inside RSASSA-PSS parameters (RFC 4055 section 3.1). */
    TLS13_OID_SHA1,
    TLS13_OID_SHA256,
    TLS13_OID_SHA384,
    TLS13_OID_SHA512,
    TLS13_OID_MGF1,
    /* Name attributes (RFC 5280 appendix A, RFC 4519). */
    TLS13_OID_CN,
    TLS13_OID_SURNAME,
    TLS13_OID_SERIAL_NUMBER,
    TLS13_OID_C,
    TLS13_OID_L,
    TLS13_OID_ST,
    TLS13_OID_STREET,
    TLS13_OID_O,
    TLS13_OID_OU,
    TLS13_OID_TITLE,
    TLS13_OID_GIVEN_NAME,
    TLS13_OID_EMAIL,
    TLS13_OID_DC,
    TLS13_OID_UID,
    /* Certificate extensions (RFC 5280 section 4.2). */
    TLS13_OID_EXT_SUBJECT_KEY_ID,
    TLS13_OID_EXT_KEY_USAGE,
    TLS13_OID_EXT_SUBJECT_ALT_NAME,
    TLS13_OID_EXT_BASIC_CONSTRAINTS,
    TLS13_OID_EXT_NAME_CONSTRAINTS,
    TLS13_OID_EXT_CERT_POLICIES,
    TLS13_OID_EXT_AUTHORITY_KEY_ID,
    TLS13_OID_EXT_EXT_KEY_USAGE,
    /* Extended key usages (RFC 5280 section 4.2.1.12). */
    TLS13_OID_EKU_ANY,
    TLS13_OID_EKU_SERVER_AUTH,
    TLS13_OID_EKU_CLIENT_AUTH,
    /* Encrypted private keys (RFC 8018 appendix A.4). */
    TLS13_OID_PBES2,
    TLS13_OID_COUNT
} tls13_oid;

/* The known OID whose DER contents are oid[0..len), or TLS13_OID_UNKNOWN. */
tls13_oid tls13_oid_lookup(const uint8_t *oid, size_t len);
/* Short name: "sha256WithRSAEncryption", "CN", "prime256v1", ... */
const char *tls13_oid_name(tls13_oid id);
/* The DER contents of id (what tls13_oid_lookup recognises), for writers;
 * NULL and *len = 0 for TLS13_OID_UNKNOWN. */
const uint8_t *tls13_oid_der(tls13_oid id, size_t *len);
/* Dotted decimal ("1.2.3.4") of DER OID contents into out (always
 * terminated); "(invalid OID)" when the encoding is not a valid OID. */
void tls13_oid_to_text(const uint8_t *oid, size_t len, char *out, size_t out_len);
/* The name of a known OID, else its dotted form. */
void tls13_oid_describe(const uint8_t *oid, size_t len, char *out, size_t out_len);

#endif
