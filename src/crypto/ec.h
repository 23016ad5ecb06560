/*
 * NIST P-256 and P-384 (FIPS 186-5, SEC 1): ECDH and ECDSA over shared
 * constant-time field and point code. Scalars are big-endian; public keys are
 * uncompressed points 04||X||Y (SEC 1 section 2.3.3).
 */
#ifndef TLS13_CRYPTO_EC_H
#define TLS13_CRYPTO_EC_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

typedef enum tls13_ec_curve {
    TLS13_CURVE_P256,
    TLS13_CURVE_P384
} tls13_ec_curve;

#define TLS13_EC_MAX_SCALAR 48
#define TLS13_EC_MAX_POINT 97
/* DER ECDSA-Sig-Value for P-384: SEQUENCE { INTEGER r, INTEGER s }. */
#define TLS13_ECDSA_MAX_SIG 104

size_t tls13_ec_scalar_size(tls13_ec_curve curve);   /* 32 or 48 */
size_t tls13_ec_point_size(tls13_ec_curve curve);    /* 65 or 97 */

/* A fresh key pair. */
int tls13_ec_keygen(tls13_ec_curve curve, uint8_t *priv, uint8_t *pub);
/* pub = priv * G; TLS13_ERR_BAD_KEY when priv is 0 or >= the group order. */
int tls13_ec_public_from_private(tls13_ec_curve curve, const uint8_t *priv, uint8_t *pub);
/* TLS13_OK when pub is an uncompressed point on the curve, coordinates in
 * range, not the point at infinity; else TLS13_ERR_BAD_KEY. */
int tls13_ec_validate_public(tls13_ec_curve curve, const uint8_t *pub, size_t pub_len);
/* ECDH: the X coordinate of priv * peer (scalar-size bytes). Invalid peer
 * points are TLS13_ERR_BAD_KEY. */
int tls13_ecdh(tls13_ec_curve curve, const uint8_t *priv, const uint8_t *peer, size_t peer_len, uint8_t *shared_x);
/* ECDSA over a message digest made with `hash` (RFC 6979 deterministic nonce
 * from `hash`, hedged with fresh randomness); DER output. */
int tls13_ecdsa_sign(tls13_ec_curve curve, tls13_hash_alg hash, const uint8_t *priv,
                     const uint8_t *digest, size_t digest_len, uint8_t *sig, size_t sig_cap, size_t *sig_len);
/* Strict DER (minimal INTEGERs, no trailing bytes), 0 < r, s < n.
 * TLS13_OK, TLS13_ERR_BAD_SIGNATURE or TLS13_ERR_BAD_KEY. */
int tls13_ecdsa_verify(tls13_ec_curve curve, const uint8_t *pub, size_t pub_len,
                       const uint8_t *digest, size_t digest_len, const uint8_t *sig, size_t sig_len);

#endif
