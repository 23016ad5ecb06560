/*
 * Signatures behind one interface, by TLS SignatureScheme (RFC 8446 section
 * 4.2.3): ECDSA P-256/P-384 (ec.h), RSA PKCS#1 v1.5 and PSS (rsa.h), Ed25519
 * (ed25519.h). Used by the handshake (CertificateVerify) and by X.509
 * (certificate signatures).
 */
#ifndef TLS13_CRYPTO_SIGNATURE_H
#define TLS13_CRYPTO_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_SIG_RSA_PKCS1_SHA256 0x0401
#define TLS13_SIG_RSA_PKCS1_SHA384 0x0501
#define TLS13_SIG_RSA_PKCS1_SHA512 0x0601
#define TLS13_SIG_ECDSA_SECP256R1_SHA256 0x0403
#define TLS13_SIG_ECDSA_SECP384R1_SHA384 0x0503
#define TLS13_SIG_ECDSA_SECP521R1_SHA512 0x0603 /* recognised, not supported */
#define TLS13_SIG_RSA_PSS_RSAE_SHA256 0x0804
#define TLS13_SIG_RSA_PSS_RSAE_SHA384 0x0805
#define TLS13_SIG_RSA_PSS_RSAE_SHA512 0x0806
#define TLS13_SIG_ED25519 0x0807
#define TLS13_SIG_RSA_PSS_PSS_SHA256 0x0809
#define TLS13_SIG_RSA_PSS_PSS_SHA384 0x080a
#define TLS13_SIG_RSA_PSS_PSS_SHA512 0x080b

typedef enum tls13_key_type {
    TLS13_KEY_NONE,
    TLS13_KEY_RSA,
    TLS13_KEY_EC_P256,
    TLS13_KEY_EC_P384,
    TLS13_KEY_ED25519
} tls13_key_type;

/* A public key as found in a certificate. It points into memory the caller
 * owns (usually the certificate's DER). */
typedef struct tls13_public_key {
    tls13_key_type type;
    const uint8_t *data; /* EC: uncompressed point 04||X||Y; Ed25519: 32 bytes;
                            RSA: modulus n, big-endian, no leading zero byte */
    size_t len;
    const uint8_t *rsa_e; /* RSA public exponent, big-endian */
    size_t rsa_e_len;
} tls13_public_key;

/* RSA private key components, big-endian, as in PKCS#1 RSAPrivateKey.
 * Signing supports moduli up to 4096 bits. */
#define TLS13_RSA_MAX_BYTES 512
typedef struct tls13_rsa_private_key {
    uint8_t n[TLS13_RSA_MAX_BYTES], d[TLS13_RSA_MAX_BYTES];
    uint8_t p[TLS13_RSA_MAX_BYTES / 2], q[TLS13_RSA_MAX_BYTES / 2];
    uint8_t dp[TLS13_RSA_MAX_BYTES / 2], dq[TLS13_RSA_MAX_BYTES / 2], qinv[TLS13_RSA_MAX_BYTES / 2];
    uint8_t e[8];
    size_t n_len, d_len, p_len, q_len, dp_len, dq_len, qinv_len, e_len;
} tls13_rsa_private_key;

/* A private key; wipe with tls13_private_key_wipe. */
typedef struct tls13_private_key {
    tls13_key_type type;
    uint8_t secret[48];  /* EC: scalar d, big-endian (32 or 48 bytes); Ed25519: seed */
    size_t secret_len;
    uint8_t pub[97];     /* EC: uncompressed point; Ed25519: public key */
    size_t pub_len;
    tls13_rsa_private_key rsa;
} tls13_private_key;

void tls13_private_key_wipe(tls13_private_key *key);
/* The public half of a private key (pointing into *key). */
void tls13_private_key_public(const tls13_private_key *key, tls13_public_key *pub);

/* Verifies `sig` over `msg` (the message itself; the scheme says how to hash
 * it). For ECDSA schemes the hash comes from the scheme and the curve from
 * the key, as in X.509; TLS CertificateVerify additionally requires them to
 * match (tls13_signature_scheme_fits_key). TLS13_OK, TLS13_ERR_BAD_SIGNATURE,
 * TLS13_ERR_BAD_KEY or TLS13_ERR_UNSUPPORTED. */
int tls13_signature_verify(uint16_t scheme, const tls13_public_key *key,
                           const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len);
/* Signs msg; *sig_len receives the length. */
int tls13_signature_sign(uint16_t scheme, const tls13_private_key *key,
                         const uint8_t *msg, size_t msg_len, uint8_t *sig, size_t sig_cap, size_t *sig_len);
/* True when `scheme` may be used with a key of this type in TLS 1.3
 * (curve and scheme match; RSA keys use rsa_pss_rsae_*). */
int tls13_signature_scheme_fits_key(uint16_t scheme, tls13_key_type type);
/* "ecdsa_secp256r1_sha256", ... or "unknown". */
const char *tls13_signature_scheme_name(uint16_t scheme);
/* Size in bits of the key (RSA modulus, curve order). */
size_t tls13_public_key_bits(const tls13_public_key *key);

#endif
