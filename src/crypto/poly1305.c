/*
 * Poly1305, RFC 8439 section 2.5: h = (h + m + 2^(8*len)) * r mod 2^130 - 5
 * for each 16-byte piece m, then tag = (h + s) mod 2^128.
 *
 * Both representations keep h only partially reduced (a little above 2^130)
 * between blocks and reduce fully once, in constant time, at the end. The
 * clamping of r (top four bits of every 32-bit word and bottom two bits of
 * the upper three cleared) is what lets the products fold 2^130 = 5 without
 * overflow.
 */
#include "poly1305.h"

#include <string.h>

#include "../base/bytes.h"
#include "../base/mem.h"
#include "poly1305_radix64.h"

#define M26 0x3ffffffu

static void blocks_radix26(tls13_poly1305_ctx *ctx, const uint8_t *m, size_t nblocks, uint32_t hibit)
{
    const uint32_t r0 = ctx->r26[0], r1 = ctx->r26[1], r2 = ctx->r26[2], r3 = ctx->r26[3], r4 = ctx->r26[4];
    /* 2^130 = 5 (mod p): limb products that land at 2^130 and above come back times 5. */
    const uint32_t s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;
    uint32_t h0 = ctx->h26[0], h1 = ctx->h26[1], h2 = ctx->h26[2], h3 = ctx->h26[3], h4 = ctx->h26[4];
    for (; nblocks > 0; nblocks--, m += 16) {
        uint64_t d0, d1, d2, d3, d4;
        uint32_t c;
        h0 += tls13_load_le32(m) & M26;
        h1 += (tls13_load_le32(m + 3) >> 2) & M26;
        h2 += (tls13_load_le32(m + 6) >> 4) & M26;
        h3 += (tls13_load_le32(m + 9) >> 6) & M26;
        h4 += (tls13_load_le32(m + 12) >> 8) | hibit;
        d0 = (uint64_t)h0 * r0 + (uint64_t)h1 * s4 + (uint64_t)h2 * s3 + (uint64_t)h3 * s2 + (uint64_t)h4 * s1;
        d1 = (uint64_t)h0 * r1 + (uint64_t)h1 * r0 + (uint64_t)h2 * s4 + (uint64_t)h3 * s3 + (uint64_t)h4 * s2;
        d2 = (uint64_t)h0 * r2 + (uint64_t)h1 * r1 + (uint64_t)h2 * r0 + (uint64_t)h3 * s4 + (uint64_t)h4 * s3;
        d3 = (uint64_t)h0 * r3 + (uint64_t)h1 * r2 + (uint64_t)h2 * r1 + (uint64_t)h3 * r0 + (uint64_t)h4 * s4;
        d4 = (uint64_t)h0 * r4 + (uint64_t)h1 * r3 + (uint64_t)h2 * r2 + (uint64_t)h3 * r1 + (uint64_t)h4 * r0;
        c = (uint32_t)(d0 >> 26); h0 = (uint32_t)d0 & M26;
        d1 += c; c = (uint32_t)(d1 >> 26); h1 = (uint32_t)d1 & M26;
        d2 += c; c = (uint32_t)(d2 >> 26); h2 = (uint32_t)d2 & M26;
        d3 += c; c = (uint32_t)(d3 >> 26); h3 = (uint32_t)d3 & M26;
        d4 += c; c = (uint32_t)(d4 >> 26); h4 = (uint32_t)d4 & M26;
        h0 += c * 5; c = h0 >> 26; h0 &= M26;
        h1 += c;
    }
    ctx->h26[0] = h0; ctx->h26[1] = h1; ctx->h26[2] = h2; ctx->h26[3] = h3; ctx->h26[4] = h4;
}

/* Full reduction mod p and h + s mod 2^128 (section 2.5.1, last steps). */
static void finish_radix26(tls13_poly1305_ctx *ctx, uint8_t tag[16])
{
    uint32_t h0 = ctx->h26[0], h1 = ctx->h26[1], h2 = ctx->h26[2], h3 = ctx->h26[3], h4 = ctx->h26[4];
    uint32_t g0, g1, g2, g3, g4, c, mask, w[4];
    uint64_t f;
    c = h1 >> 26; h1 &= M26; h2 += c;
    c = h2 >> 26; h2 &= M26; h3 += c;
    c = h3 >> 26; h3 &= M26; h4 += c;
    c = h4 >> 26; h4 &= M26; h0 += c * 5;
    c = h0 >> 26; h0 &= M26; h1 += c;
    /* g = h + 5 - 2^130; take g when it did not go negative, i.e. h >= p. */
    g0 = h0 + 5; c = g0 >> 26; g0 &= M26;
    g1 = h1 + c; c = g1 >> 26; g1 &= M26;
    g2 = h2 + c; c = g2 >> 26; g2 &= M26;
    g3 = h3 + c; c = g3 >> 26; g3 &= M26;
    g4 = h4 + c - (1u << 26);
    mask = (g4 >> 31) - 1; /* all-ones when g4 >= 0 */
    h0 = (h0 & ~mask) | (g0 & mask);
    h1 = (h1 & ~mask) | (g1 & mask);
    h2 = (h2 & ~mask) | (g2 & mask);
    h3 = (h3 & ~mask) | (g3 & mask);
    h4 = (h4 & ~mask) | (g4 & mask);
    w[0] = h0 | (h1 << 26);
    w[1] = (h1 >> 6) | (h2 << 20);
    w[2] = (h2 >> 12) | (h3 << 14);
    w[3] = (h3 >> 18) | (h4 << 8);
    f = 0;
    for (int i = 0; i < 4; i++) {
        f += (uint64_t)w[i] + tls13_load_le32(ctx->s + 4 * i);
        tls13_store_le32(tag + 4 * i, (uint32_t)f);
        f >>= 32;
    }
}

#ifdef __SIZEOF_INT128__
typedef tls13_u128 u128;

static void blocks_radix64(tls13_poly1305_ctx *ctx, const uint8_t *m, size_t nblocks, uint64_t hibit)
{
    const uint64_t r0 = ctx->r64[0], r1 = ctx->r64[1], s1 = r1 + (r1 >> 2);
    for (; nblocks > 0; nblocks--, m += 16)
        tls13_poly1305_block64(ctx->h64, r0, r1, s1, m, hibit);
}

static void finish_radix64(tls13_poly1305_ctx *ctx, uint8_t tag[16])
{
    uint64_t h0 = ctx->h64[0], h1 = ctx->h64[1], h2 = ctx->h64[2], g0, g1, g2, mask;
    u128 t;
    /* h < 2p here, so one conditional subtraction of p reduces it fully:
     * h >= p exactly when h + 5 reaches 2^130. */
    t = (u128)h0 + 5;
    g0 = (uint64_t)t;
    t = (u128)h1 + (uint64_t)(t >> 64);
    g1 = (uint64_t)t;
    g2 = h2 + (uint64_t)(t >> 64);
    mask = (uint64_t)0 - (g2 >> 2);
    h0 = (h0 & ~mask) | (g0 & mask);
    h1 = (h1 & ~mask) | (g1 & mask);
    t = (u128)h0 + tls13_load_le64(ctx->s);
    tls13_store_le64(tag, (uint64_t)t);
    t = (u128)h1 + tls13_load_le64(ctx->s + 8) + (uint64_t)(t >> 64);
    tls13_store_le64(tag + 8, (uint64_t)t);
}
#endif

static void blocks(tls13_poly1305_ctx *ctx, const uint8_t *m, size_t nblocks, int full)
{
#ifdef __SIZEOF_INT128__
    if (!ctx->radix26) {
        blocks_radix64(ctx, m, nblocks, (uint64_t)full);
        return;
    }
#endif
    blocks_radix26(ctx, m, nblocks, full ? 1u << 24 : 0);
}

void tls13_poly1305_init_radix26(tls13_poly1305_ctx *ctx, const uint8_t key[32])
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->radix26 = 1;
    /* r clamped (section 2.5.1) and split into 26-bit limbs in one step. */
    ctx->r26[0] = tls13_load_le32(key) & 0x3ffffff;
    ctx->r26[1] = (tls13_load_le32(key + 3) >> 2) & 0x3ffff03;
    ctx->r26[2] = (tls13_load_le32(key + 6) >> 4) & 0x3ffc0ff;
    ctx->r26[3] = (tls13_load_le32(key + 9) >> 6) & 0x3f03fff;
    ctx->r26[4] = (tls13_load_le32(key + 12) >> 8) & 0x00fffff;
    memcpy(ctx->s, key + 16, 16);
}

void tls13_poly1305_init(tls13_poly1305_ctx *ctx, const uint8_t key[32])
{
#ifdef __SIZEOF_INT128__
    memset(ctx, 0, sizeof(*ctx));
    ctx->r64[0] = tls13_load_le64(key) & 0x0ffffffc0fffffffu;
    ctx->r64[1] = tls13_load_le64(key + 8) & 0x0ffffffc0ffffffcu;
    memcpy(ctx->s, key + 16, 16);
#else
    tls13_poly1305_init_radix26(ctx, key);
#endif
}

void tls13_poly1305_update(tls13_poly1305_ctx *ctx, const uint8_t *p, size_t len)
{
    if (ctx->buf_len > 0) {
        size_t take = 16 - ctx->buf_len < len ? 16 - ctx->buf_len : len;
        memcpy(ctx->buf + ctx->buf_len, p, take);
        ctx->buf_len += take;
        p += take;
        len -= take;
        if (ctx->buf_len < 16)
            return;
        blocks(ctx, ctx->buf, 1, 1);
        ctx->buf_len = 0;
    }
    if (len >= 16) {
        blocks(ctx, p, len / 16, 1);
        p += len & ~(size_t)15;
        len &= 15;
    }
    if (len > 0) {
        memcpy(ctx->buf, p, len);
        ctx->buf_len = len;
    }
}

void tls13_poly1305_final(tls13_poly1305_ctx *ctx, uint8_t tag[16])
{
    if (ctx->buf_len > 0) {
        /* A short last piece gets its 0x01 byte here instead of 2^128. */
        memset(ctx->buf + ctx->buf_len, 0, 16 - ctx->buf_len);
        ctx->buf[ctx->buf_len] = 1;
        blocks(ctx, ctx->buf, 1, 0);
    }
#ifdef __SIZEOF_INT128__
    if (!ctx->radix26)
        finish_radix64(ctx, tag);
    else
#endif
        finish_radix26(ctx, tag);
    tls13_wipe(ctx, sizeof(*ctx));
}
