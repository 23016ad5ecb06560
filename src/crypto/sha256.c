/* SHA-256, FIPS 180-4 section 6.2, with an optional SHA-NI block function. */
#include "sha2.h"

#include <string.h>

#include "../base/bytes.h"
#include "../base/cpu.h"
#include "../base/mem.h"
#include "md_block.h"

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void blocks_portable(uint32_t h[8], const uint8_t *p, size_t nblocks)
{
    uint32_t w[64];
    for (; nblocks > 0; nblocks--, p += 64) {
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 16; t++)
            w[t] = tls13_load_be32(p + 4 * t);
        for (int t = 16; t < 64; t++) {
            uint32_t s0 = ROR32(w[t - 15], 7) ^ ROR32(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint32_t s1 = ROR32(w[t - 2], 17) ^ ROR32(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        for (int t = 0; t < 64; t++) {
            uint32_t t1 = hh + (ROR32(e, 6) ^ ROR32(e, 11) ^ ROR32(e, 25)) + ((e & f) ^ (~e & g)) + K256[t] + w[t];
            uint32_t t2 = (ROR32(a, 2) ^ ROR32(a, 13) ^ ROR32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d;
        h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    tls13_wipe(w, sizeof(w));
}

#ifdef TLS13_X86_64
#include <immintrin.h>

/* SHA-NI keeps the state as two vectors, ABEF and CDGH; each sha256rnds2 does
 * two rounds, and sha256msg1/msg2 compute the message schedule four words at a
 * time (Intel SHA extensions reference). The 16 groups of four rounds are
 * unrolled so that the schedule stays in registers. */

/* Four rounds with message words w (already including nothing of K). */
#define SHANI_ROUNDS4(w, k)                                                                 \
    do {                                                                                    \
        __m128i m_ = _mm_add_epi32((w), _mm_loadu_si128((const __m128i *)(const void *)(k))); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, m_);                                       \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(m_, 0x0E));              \
    } while (0)

/* w0 = next four schedule words from w0..w3 (oldest first): msg1 adds sigma0,
 * alignr supplies w[t-7..t-4], msg2 adds sigma1. */
#define SHANI_SCHEDULE(w0, w1, w2, w3) \
    (w0) = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32((w0), (w1)), _mm_alignr_epi8((w3), (w2), 4)), (w3))

TLS13_TARGET("sha,sse4.1,ssse3")
static void blocks_shani(uint32_t h[8], const uint8_t *p, size_t nblocks)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)(const void *)&h[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)(const void *)&h[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; nblocks > 0; nblocks--, p += 64) {
        __m128i save_abef = abef, save_cdgh = cdgh;
        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 0)), bswap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16)), bswap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 32)), bswap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 48)), bswap);
        SHANI_ROUNDS4(w0, &K256[0]);
        SHANI_ROUNDS4(w1, &K256[4]);
        SHANI_ROUNDS4(w2, &K256[8]);
        SHANI_ROUNDS4(w3, &K256[12]);
        for (int i = 16; i < 64; i += 16) {
            SHANI_SCHEDULE(w0, w1, w2, w3);
            SHANI_ROUNDS4(w0, &K256[i]);
            SHANI_SCHEDULE(w1, w2, w3, w0);
            SHANI_ROUNDS4(w1, &K256[i + 4]);
            SHANI_SCHEDULE(w2, w3, w0, w1);
            SHANI_ROUNDS4(w2, &K256[i + 8]);
            SHANI_SCHEDULE(w3, w0, w1, w2);
            SHANI_ROUNDS4(w3, &K256[i + 12]);
        }
        abef = _mm_add_epi32(abef, save_abef);
        cdgh = _mm_add_epi32(cdgh, save_cdgh);
    }

    {
        __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
        __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
        _mm_storeu_si128((__m128i *)(void *)&h[0], _mm_blend_epi16(feba, dchg, 0xF0));
        _mm_storeu_si128((__m128i *)(void *)&h[4], _mm_alignr_epi8(dchg, feba, 8));
    }
}
#endif

static void blocks(uint32_t h[8], const uint8_t *p, size_t nblocks)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_SHA | TLS13_CPU_SSE41 | TLS13_CPU_SSSE3)) {
        blocks_shani(h, p, nblocks);
        return;
    }
#endif
    blocks_portable(h, p, nblocks);
}

void tls13_sha256_init(tls13_sha256_ctx *ctx)
{
    static const uint32_t iv[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(ctx->h, iv, sizeof(iv));
    ctx->total = 0;
    ctx->buf_len = 0;
}

/* Adapts the block function to the shared buffering code. */
static void blocks_cb(void *h, const uint8_t *p, size_t nblocks)
{
    blocks(h, p, nblocks);
}

static tls13_md_buffer md_of(tls13_sha256_ctx *ctx)
{
    tls13_md_buffer md = {ctx->buf, &ctx->buf_len, TLS13_SHA256_BLOCK, blocks_cb, ctx->h};
    return md;
}

void tls13_sha256_update(tls13_sha256_ctx *ctx, const void *data, size_t len)
{
    tls13_md_buffer md = md_of(ctx);
    ctx->total += len;
    tls13_md_update(&md, data, len);
}

void tls13_sha256_final(tls13_sha256_ctx *ctx, uint8_t out[TLS13_SHA256_SIZE])
{
    tls13_md_buffer md = md_of(ctx);
    tls13_md_finish(&md, ctx->total, 8);
    for (int i = 0; i < 8; i++)
        tls13_store_be32(out + 4 * i, ctx->h[i]);
    tls13_wipe(ctx, sizeof(*ctx));
}

void tls13_sha256(const void *data, size_t len, uint8_t out[TLS13_SHA256_SIZE])
{
    tls13_sha256_ctx ctx;
    tls13_sha256_init(&ctx);
    tls13_sha256_update(&ctx, data, len);
    tls13_sha256_final(&ctx, out);
}
