/*
 * AEAD_CHACHA20_POLY1305 (RFC 8439 section 2.8): 256-bit key, 96-bit nonce,
 * 16-byte tag, in place.
 */
#ifndef TLS13_CRYPTO_CHACHA20_POLY1305_H
#define TLS13_CRYPTO_CHACHA20_POLY1305_H

#include <stddef.h>
#include <stdint.h>

typedef struct tls13_chacha20_poly1305_key {
    uint8_t key[32];
} tls13_chacha20_poly1305_key;

void tls13_chacha20_poly1305_init(tls13_chacha20_poly1305_key *key, const uint8_t k[32]);
void tls13_chacha20_poly1305_seal(const tls13_chacha20_poly1305_key *key, const uint8_t nonce[12], const uint8_t *ad,
                                  size_t ad_len, uint8_t *data, size_t len, uint8_t tag[16]);
/* TLS13_OK, or TLS13_ERR_AUTH_FAILED with data wiped; the tag is compared
 * in constant time, and on a mismatch the (already decrypted, on the
 * one-pass AVX2 path) data is wiped before returning. */
int tls13_chacha20_poly1305_open(const tls13_chacha20_poly1305_key *key, const uint8_t nonce[12], const uint8_t *ad,
                                 size_t ad_len, uint8_t *data, size_t len, const uint8_t tag[16]);

#endif
