/* Ed25519 (RFC 8032 section 5.1), pure variant, strict verification. */
#ifndef TLS13_CRYPTO_ED25519_H
#define TLS13_CRYPTO_ED25519_H

#include <stddef.h>
#include <stdint.h>

/* The public key of a 32-byte private key (seed). */
void tls13_ed25519_public(uint8_t pub[32], const uint8_t seed[32]);
void tls13_ed25519_sign(uint8_t sig[64], const uint8_t *msg, size_t msg_len,
                        const uint8_t seed[32], const uint8_t pub[32]);
/* TLS13_OK, or TLS13_ERR_BAD_SIGNATURE (also for a non-canonical S or an
 * undecodable R or public key). */
int tls13_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32]);

#endif
