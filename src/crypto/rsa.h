/*
 * RSA signatures (RFC 8017): PKCS#1 v1.5 and PSS verification for 1024- to
 * 8192-bit moduli (policy such as "at least 2048 bits" lives in the callers),
 * PSS signing with CRT, blinding and a check of the result before release.
 * Big-endian byte strings throughout; MGF1 uses the same hash as the message.
 */
#ifndef TLS13_CRYPTO_RSA_H
#define TLS13_CRYPTO_RSA_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"
#include "signature.h"

/* TLS13_OK, TLS13_ERR_BAD_SIGNATURE, or TLS13_ERR_BAD_KEY (modulus or
 * exponent unusable: even modulus, e < 3 or even, size out of range). */
int tls13_rsa_verify_pkcs1(tls13_hash_alg hash, const uint8_t *n, size_t n_len, const uint8_t *e, size_t e_len,
                           const uint8_t *digest, const uint8_t *sig, size_t sig_len);
int tls13_rsa_verify_pss(tls13_hash_alg hash, const uint8_t *n, size_t n_len, const uint8_t *e, size_t e_len,
                         const uint8_t *digest, size_t salt_len, const uint8_t *sig, size_t sig_len);
/* RSASSA-PSS with salt length = hash length (RFC 8446 section 4.2.3). */
int tls13_rsa_sign_pss(tls13_hash_alg hash, const tls13_rsa_private_key *key,
                       const uint8_t *digest, uint8_t *sig, size_t sig_cap, size_t *sig_len);

#endif
