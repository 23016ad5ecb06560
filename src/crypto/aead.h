/*
 * The record layer's AEADs (RFC 8446 section 5.2) behind one interface:
 * AES-128-GCM, AES-256-GCM (aes_gcm.h) and ChaCha20-Poly1305
 * (chacha20_poly1305.h). 96-bit nonce, 16-byte tag, in-place seal and open.
 *
 * The key state is allocated once per key (tls13_aead_init); sealing and
 * opening records allocate nothing.
 */
#ifndef TLS13_CRYPTO_AEAD_H
#define TLS13_CRYPTO_AEAD_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_AEAD_NONCE_SIZE 12
#define TLS13_AEAD_TAG_SIZE 16
#define TLS13_AEAD_MAX_KEY_SIZE 32

typedef enum tls13_aead_alg {
    TLS13_AEAD_AES_128_GCM,
    TLS13_AEAD_AES_256_GCM,
    TLS13_AEAD_CHACHA20_POLY1305
} tls13_aead_alg;

typedef struct tls13_aead {
    tls13_aead_alg alg;
    void *state; /* the algorithm's expanded key, wiped and freed by tls13_aead_wipe */
} tls13_aead;

size_t tls13_aead_key_size(tls13_aead_alg alg);
/* TLS13_OK or TLS13_ERR_NO_MEMORY. key is tls13_aead_key_size(alg) bytes. */
int tls13_aead_init(tls13_aead *aead, tls13_aead_alg alg, const uint8_t *key);
/* Encrypts data[0..len) in place and writes the tag. */
void tls13_aead_seal(const tls13_aead *aead, const uint8_t nonce[TLS13_AEAD_NONCE_SIZE],
                     const uint8_t *ad, size_t ad_len, uint8_t *data, size_t len,
                     uint8_t tag[TLS13_AEAD_TAG_SIZE]);
/* Checks the tag (constant time) and decrypts in place: TLS13_OK, or
 * TLS13_ERR_AUTH_FAILED with data wiped (nothing unauthenticated is released). */
int tls13_aead_open(const tls13_aead *aead, const uint8_t nonce[TLS13_AEAD_NONCE_SIZE],
                    const uint8_t *ad, size_t ad_len, uint8_t *data, size_t len,
                    const uint8_t tag[TLS13_AEAD_TAG_SIZE]);
/* Wipes and frees the key state; safe on a zeroed or already wiped struct. */
void tls13_aead_wipe(tls13_aead *aead);

#endif
