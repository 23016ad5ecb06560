/*
 * AES-GCM (SP 800-38D) with 96-bit nonces and 16-byte tags, as TLS 1.3 uses
 * it (RFC 8446 section 5.3, RFC 5116 AEAD_AES_128_GCM / AEAD_AES_256_GCM).
 *
 * Paths: portable (bitsliced AES, constant-time GHASH); AES-NI and/or
 * PCLMULQDQ in separate CTR and GHASH passes; and on x86-64 with AES-NI,
 * PCLMULQDQ and AVX a stitched loop (aes_gcm_x86.c) that runs eight counter
 * blocks through AES while hashing eight ciphertext blocks. The key holds both forms, so it works on whichever path the CPU
 * mask selects at the time of each call.
 */
#ifndef TLS13_CRYPTO_AES_GCM_H
#define TLS13_CRYPTO_AES_GCM_H

#include <stddef.h>
#include <stdint.h>

#include "aes.h"
#include "ghash.h"

#define TLS13_GCM_NONCE_SIZE 12
#define TLS13_GCM_TAG_SIZE 16

typedef struct tls13_aes_gcm_key {
    tls13_aes_key aes;
    tls13_ghash_key ghash;
} tls13_aes_gcm_key;

/* key_len 16 (AES-128-GCM) or 32 (AES-256-GCM): TLS13_OK or
 * TLS13_ERR_INVALID_ARGUMENT. */
int tls13_aes_gcm_init(tls13_aes_gcm_key *key, const uint8_t *k, size_t key_len);
/* Encrypts data in place and writes the tag. */
void tls13_aes_gcm_seal(const tls13_aes_gcm_key *key, const uint8_t nonce[TLS13_GCM_NONCE_SIZE], const uint8_t *ad,
                        size_t ad_len, uint8_t *data, size_t len, uint8_t tag[TLS13_GCM_TAG_SIZE]);
/* Decrypts in place and checks the tag in constant time: TLS13_OK, or
 * TLS13_ERR_AUTH_FAILED with data wiped. */
int tls13_aes_gcm_open(const tls13_aes_gcm_key *key, const uint8_t nonce[TLS13_GCM_NONCE_SIZE], const uint8_t *ad,
                       size_t ad_len, uint8_t *data, size_t len, const uint8_t tag[TLS13_GCM_TAG_SIZE]);
/* Any IV length >= 1 byte (section 7.1: other lengths are hashed into J0);
 * TLS13_ERR_INVALID_ARGUMENT for an empty IV. TLS uses the 96-bit calls above;
 * these exist for the specification's test cases that use other lengths. */
int tls13_aes_gcm_seal_iv(const tls13_aes_gcm_key *key, const uint8_t *iv, size_t iv_len, const uint8_t *ad,
                          size_t ad_len, uint8_t *data, size_t len, uint8_t tag[TLS13_GCM_TAG_SIZE]);
int tls13_aes_gcm_open_iv(const tls13_aes_gcm_key *key, const uint8_t *iv, size_t iv_len, const uint8_t *ad,
                          size_t ad_len, uint8_t *data, size_t len, const uint8_t tag[TLS13_GCM_TAG_SIZE]);

#endif
