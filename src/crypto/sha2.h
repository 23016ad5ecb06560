/*
 * SHA-256, SHA-384 and SHA-512 (FIPS 180-4). Streaming and one-shot.
 * SHA-256 has an x86-64 SHA-NI path chosen at run time (see base/cpu.h).
 * Contexts are plain data: copying one forks the hash (used for transcripts).
 */
#ifndef TLS13_CRYPTO_SHA2_H
#define TLS13_CRYPTO_SHA2_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_SHA256_SIZE 32
#define TLS13_SHA384_SIZE 48
#define TLS13_SHA512_SIZE 64
#define TLS13_SHA256_BLOCK 64
#define TLS13_SHA512_BLOCK 128

typedef struct tls13_sha256_ctx {
    uint32_t h[8];
    uint64_t total;     /* bytes hashed so far */
    uint8_t buf[TLS13_SHA256_BLOCK];
    size_t buf_len;
} tls13_sha256_ctx;

typedef struct tls13_sha512_ctx {
    uint64_t h[8];
    uint64_t total;     /* bytes hashed so far (2^64 bytes is beyond any use here) */
    uint8_t buf[TLS13_SHA512_BLOCK];
    size_t buf_len;
} tls13_sha512_ctx;

void tls13_sha256_init(tls13_sha256_ctx *ctx);
void tls13_sha256_update(tls13_sha256_ctx *ctx, const void *data, size_t len);
/* Writes the digest and wipes the context. */
void tls13_sha256_final(tls13_sha256_ctx *ctx, uint8_t out[TLS13_SHA256_SIZE]);
void tls13_sha256(const void *data, size_t len, uint8_t out[TLS13_SHA256_SIZE]);

/* SHA-384 is SHA-512 with other initial values, truncated. */
void tls13_sha384_init(tls13_sha512_ctx *ctx);
void tls13_sha384_final(tls13_sha512_ctx *ctx, uint8_t out[TLS13_SHA384_SIZE]);
void tls13_sha384(const void *data, size_t len, uint8_t out[TLS13_SHA384_SIZE]);

void tls13_sha512_init(tls13_sha512_ctx *ctx);
void tls13_sha512_update(tls13_sha512_ctx *ctx, const void *data, size_t len);
void tls13_sha512_final(tls13_sha512_ctx *ctx, uint8_t out[TLS13_SHA512_SIZE]);
void tls13_sha512(const void *data, size_t len, uint8_t out[TLS13_SHA512_SIZE]);

#endif
