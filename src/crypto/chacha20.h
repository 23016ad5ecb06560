/*
 * ChaCha20 (RFC 8439 section 2.3-2.4): 256-bit key, 32-bit block counter,
 * 96-bit nonce. Portable 32-bit code, and on x86-64 with AVX2 eight blocks
 * in parallel (chacha20_avx2.c).
 */
#ifndef TLS13_CRYPTO_CHACHA20_H
#define TLS13_CRYPTO_CHACHA20_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_CHACHA20_KEY_SIZE 32
#define TLS13_CHACHA20_NONCE_SIZE 12
#define TLS13_CHACHA20_BLOCK 64

/* The block function (section 2.3): 64 bytes of keystream for one counter. */
void tls13_chacha20_block(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t out[64]);
/* XORs len bytes of keystream, starting at block `counter`, into data in place
 * (section 2.4). */
void tls13_chacha20_xor(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t *data, size_t len);

/* The same on the portable path only (the AVX2 path uses it for short tails). */
void tls13_chacha20_xor_portable(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t *data,
                                 size_t len);

/* The initial state (section 2.3): constants, key, counter, nonce. */
void tls13_chacha20_state(uint32_t state[16], const uint8_t key[32], uint32_t counter, const uint8_t nonce[12]);

#endif
