/*
 * SHA3-256, SHA3-512, SHAKE128 and SHAKE256 (FIPS 202 sections 6.1, 6.2):
 * Keccak sponges (keccak.h) with capacity 2d and a domain suffix.
 */
#ifndef TLS13_CRYPTO_SHA3_H
#define TLS13_CRYPTO_SHA3_H

#include <stddef.h>
#include <stdint.h>

#include "keccak.h"

#define TLS13_SHA3_256_SIZE 32
#define TLS13_SHA3_512_SIZE 64
#define TLS13_SHAKE128_RATE 168
#define TLS13_SHAKE256_RATE 136
/* Domain bits 1111 of SHAKE and the first pad bit (FIPS 202 section 6.2). */
#define TLS13_SHAKE_SUFFIX 0x1f

typedef tls13_keccak tls13_sha3_ctx;

void tls13_sha3_256_init(tls13_sha3_ctx *ctx);
void tls13_sha3_512_init(tls13_sha3_ctx *ctx);
void tls13_shake128_init(tls13_sha3_ctx *ctx);
void tls13_shake256_init(tls13_sha3_ctx *ctx);
void tls13_sha3_update(tls13_sha3_ctx *ctx, const void *data, size_t len);
/* SHA3-256/512: writes the 32- or 64-byte digest and wipes the context. */
void tls13_sha3_final(tls13_sha3_ctx *ctx, uint8_t *out);
/* SHAKE: the next len bytes of output; call as often as needed, then wipe
 * the context with tls13_wipe. */
void tls13_shake_squeeze(tls13_sha3_ctx *ctx, uint8_t *out, size_t len);

void tls13_sha3_256(const void *data, size_t len, uint8_t out[32]);
void tls13_sha3_512(const void *data, size_t len, uint8_t out[64]);
void tls13_shake128(const void *data, size_t len, uint8_t *out, size_t out_len);
void tls13_shake256(const void *data, size_t len, uint8_t *out, size_t out_len);

#endif
