/* X25519 (RFC 7748 section 5). */
#ifndef TLS13_CRYPTO_X25519_H
#define TLS13_CRYPTO_X25519_H

#include <stdint.h>

#define TLS13_X25519_SIZE 32

/* out = X25519(scalar, point); the scalar is clamped here. Returns
 * TLS13_ERR_ZERO_SHARED_SECRET when the result is all zeros (a low-order
 * point; RFC 8446 section 7.4.2 requires aborting), else TLS13_OK. */
int tls13_x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32]);
/* pub = X25519(scalar, 9), the public key of a private scalar. */
void tls13_x25519_public(uint8_t pub[32], const uint8_t scalar[32]);
/* A fresh key pair from tls13_random_bytes. TLS13_OK or TLS13_ERR_RANDOM. */
int tls13_x25519_keygen(uint8_t priv[32], uint8_t pub[32]);

#endif
