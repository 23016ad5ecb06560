#include "hash.h"

size_t tls13_hash_size(tls13_hash_alg alg)
{
    switch (alg) {
    case TLS13_HASH_SHA256: return TLS13_SHA256_SIZE;
    case TLS13_HASH_SHA384: return TLS13_SHA384_SIZE;
    case TLS13_HASH_SHA512: return TLS13_SHA512_SIZE;
    }
    return 0;
}

size_t tls13_hash_block_size(tls13_hash_alg alg)
{
    return alg == TLS13_HASH_SHA256 ? TLS13_SHA256_BLOCK : TLS13_SHA512_BLOCK;
}

void tls13_hash_init(tls13_hash_ctx *ctx, tls13_hash_alg alg)
{
    ctx->alg = alg;
    switch (alg) {
    case TLS13_HASH_SHA256: tls13_sha256_init(&ctx->u.sha256); break;
    case TLS13_HASH_SHA384: tls13_sha384_init(&ctx->u.sha512); break;
    case TLS13_HASH_SHA512: tls13_sha512_init(&ctx->u.sha512); break;
    }
}

void tls13_hash_update(tls13_hash_ctx *ctx, const void *data, size_t len)
{
    if (ctx->alg == TLS13_HASH_SHA256)
        tls13_sha256_update(&ctx->u.sha256, data, len);
    else
        tls13_sha512_update(&ctx->u.sha512, data, len);
}

void tls13_hash_final(tls13_hash_ctx *ctx, uint8_t *out)
{
    switch (ctx->alg) {
    case TLS13_HASH_SHA256: tls13_sha256_final(&ctx->u.sha256, out); break;
    case TLS13_HASH_SHA384: tls13_sha384_final(&ctx->u.sha512, out); break;
    case TLS13_HASH_SHA512: tls13_sha512_final(&ctx->u.sha512, out); break;
    }
}

void tls13_hash_peek(const tls13_hash_ctx *ctx, uint8_t *out)
{
    tls13_hash_ctx copy = *ctx;
    tls13_hash_final(&copy, out);
}

void tls13_hash(tls13_hash_alg alg, const void *data, size_t len, uint8_t *out)
{
    tls13_hash_ctx ctx;
    tls13_hash_init(&ctx, alg);
    tls13_hash_update(&ctx, data, len);
    tls13_hash_final(&ctx, out);
}
