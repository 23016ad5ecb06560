/*
 * X.509 for the TLS engine: the contract between src/tls and src/x509.
 * (The X.509 module may add further headers of its own: der.h, pem.h, ...)
 *
 * Certificates are verified as a chain from the peer's leaf to a trust anchor
 * (RFC 5280 section 6, web-PKI profile; RFC 6125 host names). Every failure
 * has its own code and a sentence that names the certificate and the cause.
 */
#ifndef TLS13_X509_X509_H
#define TLS13_X509_X509_H

#include <stddef.h>
#include <stdint.h>

#include "../crypto/signature.h"

/* Why a chain was rejected. Sentences are in tls13_verify_result.message. */
typedef enum tls13_verify_code {
    TLS13_VERIFY_OK = 0,
    TLS13_VERIFY_UNABLE_TO_GET_ISSUER,   /* unable to get local issuer certificate */
    TLS13_VERIFY_SELF_SIGNED,            /* self-signed certificate (not trusted) */
    TLS13_VERIFY_SELF_SIGNED_IN_CHAIN,   /* self-signed certificate in certificate chain */
    TLS13_VERIFY_EXPIRED,                /* certificate has expired */
    TLS13_VERIFY_NOT_YET_VALID,          /* certificate is not yet valid */
    TLS13_VERIFY_HOSTNAME_MISMATCH,
    TLS13_VERIFY_NOT_A_CA,               /* issuer is not a CA (basicConstraints) */
    TLS13_VERIFY_PATH_LENGTH_EXCEEDED,
    TLS13_VERIFY_KEY_USAGE,              /* keyUsage forbids this use */
    TLS13_VERIFY_EXT_KEY_USAGE,          /* extKeyUsage lacks serverAuth/clientAuth */
    TLS13_VERIFY_NAME_CONSTRAINTS,
    TLS13_VERIFY_UNKNOWN_CRITICAL_EXTENSION,
    TLS13_VERIFY_WEAK_ALGORITHM,         /* MD5/SHA-1 signature, RSA < 2048 bits, ... */
    TLS13_VERIFY_UNSUPPORTED_ALGORITHM,
    TLS13_VERIFY_BAD_SIGNATURE,
    TLS13_VERIFY_MALFORMED,              /* the certificate could not be parsed */
    TLS13_VERIFY_CHAIN_TOO_LONG,
    TLS13_VERIFY_PIN_MISMATCH,           /* no certificate in the chain matches a pin */
    TLS13_VERIFY_NO_CERTIFICATE          /* the peer sent an empty chain */
} tls13_verify_code;

typedef struct tls13_verify_result {
    tls13_verify_code code;
    int depth;            /* position of the failing certificate in the chain as built (0 = leaf,
                             1 = its issuer, ...; the same as the peer's order when it sent the chain
                             in order), or -1 when no single certificate is at fault */
    char message[512];    /* the cause, then which certificate, e.g. "certificate has expired (notAfter
                             2025-02-20 12:00:00 UTC, now 2026-11-22 08:00:00 UTC): depth 0, subject
                             CN=example.com"; on success "certificate chain verified (...)" */
} tls13_verify_result;

typedef enum tls13_x509_purpose {
    TLS13_PURPOSE_SERVER_AUTH,  /* we are a client checking a server */
    TLS13_PURPOSE_CLIENT_AUTH   /* we are a server checking a client (mTLS) */
} tls13_x509_purpose;

/* A set of trust anchors (and optional SPKI pins). */
typedef struct tls13_trust_store tls13_trust_store;

tls13_trust_store *tls13_trust_store_new(void);
void tls13_trust_store_free(tls13_trust_store *store);
/* Adds every certificate of a PEM file (or a DER file). TLS13_OK or an error;
 * `err` (may be NULL) receives a sentence naming the file and the problem. */
int tls13_trust_store_load_file(tls13_trust_store *store, const char *path, char *err, size_t err_len);
/* Adds every *.pem / *.crt file of a directory (e.g. /etc/ssl/certs). */
int tls13_trust_store_load_dir(tls13_trust_store *store, const char *path, char *err, size_t err_len);
/* Loads the system bundle: $SSL_CERT_FILE or $SSL_CERT_DIR when set (as
 * OpenSSL does), else the first of /etc/ssl/certs/ca-certificates.crt
 * (Debian), /etc/pki/tls/certs/ca-bundle.crt (Fedora), /etc/ssl/cert.pem
 * (Alpine) that loads, else the directory /etc/ssl/certs. Files of a
 * directory that do not load are skipped. */
int tls13_trust_store_load_system(tls13_trust_store *store, char *err, size_t err_len);
int tls13_trust_store_add_der(tls13_trust_store *store, const uint8_t *der, size_t len);
/* Adds a pin: the SHA-256 of a SubjectPublicKeyInfo. When any pin is set, a
 * validated chain must also contain a certificate with a pinned key. */
int tls13_trust_store_add_pin(tls13_trust_store *store, const uint8_t spki_sha256[32]);
size_t tls13_trust_store_count(const tls13_trust_store *store);

/* Verifies the peer's chain (DER certificates, leaf first, others in any
 * order) for `purpose` at time `now` (seconds since 1970, UTC). `host` is a
 * DNS name or an IPv4/IPv6 literal to match, or NULL for none. On success,
 * *leaf_key points into certs[0]. TLS13_OK, or TLS13_ERR_CERT_VERIFY with
 * *result explaining why. */
int tls13_x509_verify_chain(const tls13_trust_store *store,
                            const uint8_t *const *certs, const size_t *cert_lens, size_t n_certs,
                            const char *host, tls13_x509_purpose purpose, int64_t now,
                            tls13_public_key *leaf_key, tls13_verify_result *result);

/* The public key of a DER certificate (pointing into der). */
int tls13_x509_public_key(const uint8_t *der, size_t len, tls13_public_key *key);
/* One-line descriptions for traces: subject, issuer ("CN=..., O=..."),
 * validity ("2026-01-01 00:00:00 UTC" .. ), and SANs ("DNS:a.example, IP:127.0.0.1"). */
int tls13_x509_describe(const uint8_t *der, size_t len,
                        char *subject, size_t subject_len, char *issuer, size_t issuer_len,
                        char *not_before, size_t nb_len, char *not_after, size_t na_len,
                        char *sans, size_t sans_len);

/* A certificate chain and its private key, for our own side. */
typedef struct tls13_cert_chain {
    uint8_t **certs;      /* DER, leaf first */
    size_t *cert_lens;
    size_t n_certs;
} tls13_cert_chain;

/* Reads every CERTIFICATE block of a PEM file (leaf first, as written). */
int tls13_cert_chain_load_file(tls13_cert_chain *chain, const char *path, char *err, size_t err_len);
void tls13_cert_chain_free(tls13_cert_chain *chain);
/* Reads a private key (PKCS#8, SEC1 "EC PRIVATE KEY", PKCS#1 "RSA PRIVATE
 * KEY"; PEM or DER). Encrypted keys are TLS13_ERR_KEY_ENCRYPTED. */
int tls13_private_key_load_file(tls13_private_key *key, const char *path, char *err, size_t err_len);
int tls13_private_key_parse(tls13_private_key *key, const uint8_t *data, size_t len, char *err, size_t err_len);
/* TLS13_OK when the key is the private half of the certificate's public key,
 * else TLS13_ERR_KEY_MISMATCH. */
int tls13_private_key_matches_cert(const tls13_private_key *key, const uint8_t *cert_der, size_t cert_len);

#endif
