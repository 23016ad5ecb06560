/*
 * A parsed X.509 v3 certificate (RFC 5280 section 4.1). Every field points
 * into the caller's DER, which must outlive the structure. Parsing checks
 * structure and encodings strictly; policy (validity dates, key sizes,
 * critical extensions we do not know) is left to path validation so that it
 * can say precisely what is wrong.
 */
#ifndef TLS13_X509_CERT_H
#define TLS13_X509_CERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/bytes.h"
#include "base/der.h"
#include "crypto/signature.h"
#include "oid.h"
#include "strbuf.h"

/* keyUsage bits (RFC 5280 section 4.2.1.3), bit 0 = digitalSignature. */
#define TLS13_KU_DIGITAL_SIGNATURE 0x001
#define TLS13_KU_NON_REPUDIATION 0x002
#define TLS13_KU_KEY_ENCIPHERMENT 0x004
#define TLS13_KU_DATA_ENCIPHERMENT 0x008
#define TLS13_KU_KEY_AGREEMENT 0x010
#define TLS13_KU_KEY_CERT_SIGN 0x020
#define TLS13_KU_CRL_SIGN 0x040
#define TLS13_KU_ENCIPHER_ONLY 0x080
#define TLS13_KU_DECIPHER_ONLY 0x100

/* extKeyUsage purposes we act on. */
#define TLS13_EKU_SERVER_AUTH 0x1
#define TLS13_EKU_CLIENT_AUTH 0x2
#define TLS13_EKU_ANY 0x4

/* GeneralName tags (RFC 5280 section 4.2.1.6). */
#define TLS13_GN_DNS TLS13_DER_CONTEXT(2)
#define TLS13_GN_IP TLS13_DER_CONTEXT(7)

/* How the certificate is signed, and what that means for policy. */
typedef struct tls13_sig_alg {
    tls13_oid oid;           /* TLS13_OID_ECDSA_SHA256, ..., or UNKNOWN */
    const uint8_t *raw_oid;  /* for messages about unknown algorithms */
    size_t raw_oid_len;
    bool weak;               /* MD2/MD5/SHA-1 based */
    uint16_t scheme;         /* TLS SignatureScheme to verify with, 0 when none */
    bool pss;                /* RSASSA-PSS: scheme is the rsae variant; a PSS key switches it */
} tls13_sig_alg;

typedef struct tls13_cert {
    const uint8_t *der;      /* the whole Certificate */
    size_t der_len;
    tls13_reader tbs;        /* the signed TBSCertificate, tag and length included */
    tls13_sig_alg sig_alg;
    const uint8_t *sig;      /* signatureValue bits (whole bytes) */
    size_t sig_len;
    unsigned version;        /* 1, 2 or 3 */
    const uint8_t *serial;
    size_t serial_len;
    const uint8_t *issuer, *subject; /* Name contents, inside the SEQUENCE */
    size_t issuer_len, subject_len;
    int64_t not_before, not_after;   /* seconds since 1970 UTC */
    const uint8_t *spki;     /* the whole SubjectPublicKeyInfo (for pins and anchors) */
    size_t spki_len;
    tls13_public_key key;    /* type NONE when the algorithm is not supported */
    const uint8_t *key_oid;  /* curve OID (EC) or algorithm OID, for messages */
    size_t key_oid_len;
    bool key_is_pss;         /* id-RSASSA-PSS key (RFC 4055): PSS signatures only */

    /* Extensions (RFC 5280 section 4.2). */
    bool has_basic_constraints, is_ca;
    int path_len;            /* -1: no pathLenConstraint */
    bool has_key_usage;
    unsigned key_usage;      /* TLS13_KU_* */
    bool has_ext_key_usage;
    unsigned ext_key_usage;  /* TLS13_EKU_* */
    const uint8_t *san;      /* GeneralNames contents, or NULL */
    size_t san_len;
    const uint8_t *nc_permitted, *nc_excluded; /* GeneralSubtrees contents, or NULL */
    size_t nc_permitted_len, nc_excluded_len;
    const uint8_t *ski, *aki; /* key identifiers, or NULL */
    size_t ski_len, aki_len;
    const uint8_t *unknown_critical; /* OID contents of the first critical extension we do not process */
    size_t unknown_critical_len;
} tls13_cert;

/* Parses a DER certificate; exactly one Certificate, no trailing bytes.
 * TLS13_OK or TLS13_ERR_DECODE with why[] (may be NULL) saying what is wrong. */
int tls13_cert_parse(tls13_cert *cert, const uint8_t *der, size_t len, char *why, size_t why_len);
/* True when issuer and subject names are the same (RFC 5280: self-issued). */
bool tls13_cert_self_issued(const tls13_cert *cert);
/* Appends "CN=..., O=..." of the subject or issuer. */
void tls13_cert_subject(const tls13_cert *cert, tls13_strbuf *out);
void tls13_cert_issuer(const tls13_cert *cert, tls13_strbuf *out);
/* Appends the SANs we understand: "DNS:a.example, IP:127.0.0.1" (other
 * kinds as "email:...", "URI:..." or "othername"). "(none)" when absent. */
void tls13_cert_format_sans(const tls13_cert *cert, tls13_strbuf *out);
/* Appends an IP address of 4 or 16 bytes (IPv6 per RFC 5952). */
void tls13_format_ip(const uint8_t *ip, size_t len, tls13_strbuf *out);

#endif
