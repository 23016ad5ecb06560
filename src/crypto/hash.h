/*
 * One interface over the SHA-2 functions, so HMAC, HKDF, signatures and the
 * TLS transcript pick a hash by value instead of duplicating code per hash.
 */
#ifndef TLS13_CRYPTO_HASH_H
#define TLS13_CRYPTO_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "sha2.h"

typedef enum tls13_hash_alg {
    TLS13_HASH_SHA256,
    TLS13_HASH_SHA384,
    TLS13_HASH_SHA512
} tls13_hash_alg;

#define TLS13_HASH_MAX_SIZE 64
#define TLS13_HASH_MAX_BLOCK 128

typedef struct tls13_hash_ctx {
    tls13_hash_alg alg;
    union {
        tls13_sha256_ctx sha256;
        tls13_sha512_ctx sha512; /* also SHA-384 */
    } u;
} tls13_hash_ctx;

size_t tls13_hash_size(tls13_hash_alg alg);
size_t tls13_hash_block_size(tls13_hash_alg alg);
void tls13_hash_init(tls13_hash_ctx *ctx, tls13_hash_alg alg);
void tls13_hash_update(tls13_hash_ctx *ctx, const void *data, size_t len);
/* Writes tls13_hash_size(alg) bytes and wipes the context. */
void tls13_hash_final(tls13_hash_ctx *ctx, uint8_t *out);
/* The digest so far, leaving the context usable (for transcript hashes). */
void tls13_hash_peek(const tls13_hash_ctx *ctx, uint8_t *out);
void tls13_hash(tls13_hash_alg alg, const void *data, size_t len, uint8_t *out);

#endif
