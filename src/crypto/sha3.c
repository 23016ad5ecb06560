#include "sha3.h"

#include "base/mem.h"

/* SHA-3 appends the bits 01 (FIPS 202 section 6.1); the next bit set is
 * pad10*1's first 1. SHAKE's suffix is TLS13_SHAKE_SUFFIX. */
#define SHA3_SUFFIX 0x06

/* Rate = 200 - 2 * digest size for SHA3-d (capacity c = 2d). */
void tls13_sha3_256_init(tls13_sha3_ctx *ctx)
{
    tls13_keccak_init(ctx, 200 - 2 * TLS13_SHA3_256_SIZE, SHA3_SUFFIX);
}

void tls13_sha3_512_init(tls13_sha3_ctx *ctx)
{
    tls13_keccak_init(ctx, 200 - 2 * TLS13_SHA3_512_SIZE, SHA3_SUFFIX);
}

void tls13_shake128_init(tls13_sha3_ctx *ctx)
{
    tls13_keccak_init(ctx, TLS13_SHAKE128_RATE, TLS13_SHAKE_SUFFIX);
}

void tls13_shake256_init(tls13_sha3_ctx *ctx)
{
    tls13_keccak_init(ctx, TLS13_SHAKE256_RATE, TLS13_SHAKE_SUFFIX);
}

void tls13_sha3_update(tls13_sha3_ctx *ctx, const void *data, size_t len)
{
    tls13_keccak_absorb(ctx, data, len);
}

void tls13_sha3_final(tls13_sha3_ctx *ctx, uint8_t *out)
{
    tls13_keccak_squeeze(ctx, out, (200 - ctx->rate) / 2);
    tls13_wipe(ctx, sizeof(*ctx));
}

void tls13_shake_squeeze(tls13_sha3_ctx *ctx, uint8_t *out, size_t len)
{
    tls13_keccak_squeeze(ctx, out, len);
}

void tls13_sha3_256(const void *data, size_t len, uint8_t out[32])
{
    tls13_sha3_ctx ctx;
    tls13_sha3_256_init(&ctx);
    tls13_sha3_update(&ctx, data, len);
    tls13_sha3_final(&ctx, out);
}

void tls13_sha3_512(const void *data, size_t len, uint8_t out[64])
{
    tls13_sha3_ctx ctx;
    tls13_sha3_512_init(&ctx);
    tls13_sha3_update(&ctx, data, len);
    tls13_sha3_final(&ctx, out);
}

static void shake(tls13_sha3_ctx *ctx, const void *data, size_t len, uint8_t *out, size_t out_len)
{
    tls13_sha3_update(ctx, data, len);
    tls13_shake_squeeze(ctx, out, out_len);
    tls13_wipe(ctx, sizeof(*ctx));
}

void tls13_shake128(const void *data, size_t len, uint8_t *out, size_t out_len)
{
    tls13_sha3_ctx ctx;
    tls13_shake128_init(&ctx);
    shake(&ctx, data, len, out, out_len);
}

void tls13_shake256(const void *data, size_t len, uint8_t *out, size_t out_len)
{
    tls13_sha3_ctx ctx;
    tls13_shake256_init(&ctx);
    shake(&ctx, data, len, out, out_len);
}
