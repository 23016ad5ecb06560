/* HMAC (RFC 2104 / FIPS 198-1) over the SHA-2 family. */
#ifndef TLS13_CRYPTO_HMAC_H
#define TLS13_CRYPTO_HMAC_H

#include "hash.h"

typedef struct tls13_hmac_ctx {
    tls13_hash_ctx inner;
    tls13_hash_ctx outer;
} tls13_hmac_ctx;

void tls13_hmac_init(tls13_hmac_ctx *ctx, tls13_hash_alg alg, const uint8_t *key, size_t key_len);
void tls13_hmac_update(tls13_hmac_ctx *ctx, const void *data, size_t len);
/* Writes tls13_hash_size(alg) bytes and wipes the context. */
void tls13_hmac_final(tls13_hmac_ctx *ctx, uint8_t *out);
void tls13_hmac(tls13_hash_alg alg, const uint8_t *key, size_t key_len,
                const void *msg, size_t msg_len, uint8_t *out);

#endif
