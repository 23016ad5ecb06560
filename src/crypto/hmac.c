#include "hmac.h"

#include <string.h>

#include "../base/mem.h"

void tls13_hmac_init(tls13_hmac_ctx *ctx, tls13_hash_alg alg, const uint8_t *key, size_t key_len)
{
    uint8_t pad[TLS13_HASH_MAX_BLOCK];
    size_t block = tls13_hash_block_size(alg);

    /* Keys longer than a block are hashed first (RFC 2104 section 2). */
    memset(pad, 0, sizeof(pad));
    if (key_len > block)
        tls13_hash(alg, key, key_len, pad);
    else if (key_len)
        memcpy(pad, key, key_len);

    for (size_t i = 0; i < block; i++)
        pad[i] ^= 0x36;
    tls13_hash_init(&ctx->inner, alg);
    tls13_hash_update(&ctx->inner, pad, block);
    for (size_t i = 0; i < block; i++)
        pad[i] ^= 0x36 ^ 0x5c;
    tls13_hash_init(&ctx->outer, alg);
    tls13_hash_update(&ctx->outer, pad, block);
    tls13_wipe(pad, sizeof(pad));
}

void tls13_hmac_update(tls13_hmac_ctx *ctx, const void *data, size_t len)
{
    tls13_hash_update(&ctx->inner, data, len);
}

void tls13_hmac_final(tls13_hmac_ctx *ctx, uint8_t *out)
{
    uint8_t inner[TLS13_HASH_MAX_SIZE];
    size_t n = tls13_hash_size(ctx->inner.alg);
    tls13_hash_final(&ctx->inner, inner);
    tls13_hash_update(&ctx->outer, inner, n);
    tls13_hash_final(&ctx->outer, out);
    tls13_wipe(inner, sizeof(inner));
    tls13_wipe(ctx, sizeof(*ctx));
}

void tls13_hmac(tls13_hash_alg alg, const uint8_t *key, size_t key_len,
                const void *msg, size_t msg_len, uint8_t *out)
{
    tls13_hmac_ctx ctx;
    tls13_hmac_init(&ctx, alg, key, key_len);
    tls13_hmac_update(&ctx, msg, msg_len);
    tls13_hmac_final(&ctx, out);
}
