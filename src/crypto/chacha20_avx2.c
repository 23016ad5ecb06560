/*
 * ChaCha20, eight blocks at once with AVX2. The state is "vertical": x[i]
 * holds word i of blocks n..n+7 (only word 12, the counter, differs), so a
 * quarter round on eight blocks is the scalar quarter round on registers.
 * At the end an 8x8 transpose of 32-bit words turns the registers back into
 * eight consecutive 64-byte blocks.
 */
#include "chacha20_avx2.h"

#ifdef TLS13_X86_64
#include <immintrin.h>

#include "../base/mem.h"
#include "chacha20.h"
#include "poly1305_radix64.h"

#define BATCH (8 * TLS13_CHACHA20_BLOCK)
/* Up to two blocks, one scalar block at a time costs less than eight. */
#define SHORT_TAIL (2 * TLS13_CHACHA20_BLOCK)

TLS13_TARGET("avx2")
static inline __m256i rotl(__m256i x, int n)
{
    return _mm256_or_si256(_mm256_slli_epi32(x, n), _mm256_srli_epi32(x, 32 - n));
}

/* Rotations by whole bytes are one shuffle. */
#define ROT16 _mm256_set_epi8(13, 12, 15, 14, 9, 8, 11, 10, 5, 4, 7, 6, 1, 0, 3, 2, \
                              13, 12, 15, 14, 9, 8, 11, 10, 5, 4, 7, 6, 1, 0, 3, 2)
#define ROT8 _mm256_set_epi8(14, 13, 12, 15, 10, 9, 8, 11, 6, 5, 4, 7, 2, 1, 0, 3, \
                             14, 13, 12, 15, 10, 9, 8, 11, 6, 5, 4, 7, 2, 1, 0, 3)

#define QR(a, b, c, d)                                                                     \
    do {                                                                                   \
        a = _mm256_add_epi32(a, b); d = _mm256_shuffle_epi8(_mm256_xor_si256(d, a), r16); \
        c = _mm256_add_epi32(c, d); b = rotl(_mm256_xor_si256(b, c), 12);                 \
        a = _mm256_add_epi32(a, b); d = _mm256_shuffle_epi8(_mm256_xor_si256(d, a), r8);  \
        c = _mm256_add_epi32(c, d); b = rotl(_mm256_xor_si256(b, c), 7);                  \
    } while (0)

/* 8x8 transpose of 32-bit words, in place on eight named registers: on
 * return register j holds the words that were in lane j of the inputs,
 * i.e. eight consecutive state words of block j. */
#define TRANSPOSE8(a, b, c, d, e, f, g, h)                                                  \
    do {                                                                                     \
        __m256i t0_ = _mm256_unpacklo_epi32(a, b), t1_ = _mm256_unpackhi_epi32(a, b);        \
        __m256i t2_ = _mm256_unpacklo_epi32(c, d), t3_ = _mm256_unpackhi_epi32(c, d);        \
        __m256i t4_ = _mm256_unpacklo_epi32(e, f), t5_ = _mm256_unpackhi_epi32(e, f);        \
        __m256i t6_ = _mm256_unpacklo_epi32(g, h), t7_ = _mm256_unpackhi_epi32(g, h);        \
        /* u0_..u3_: words 0..3 of blocks 0..3 (low lane) and 4..7 (high lane). */          \
        __m256i u0_ = _mm256_unpacklo_epi64(t0_, t2_), u1_ = _mm256_unpackhi_epi64(t0_, t2_); \
        __m256i u2_ = _mm256_unpacklo_epi64(t1_, t3_), u3_ = _mm256_unpackhi_epi64(t1_, t3_); \
        __m256i u4_ = _mm256_unpacklo_epi64(t4_, t6_), u5_ = _mm256_unpackhi_epi64(t4_, t6_); \
        __m256i u6_ = _mm256_unpacklo_epi64(t5_, t7_), u7_ = _mm256_unpackhi_epi64(t5_, t7_); \
        a = _mm256_permute2x128_si256(u0_, u4_, 0x20);                                       \
        b = _mm256_permute2x128_si256(u1_, u5_, 0x20);                                       \
        c = _mm256_permute2x128_si256(u2_, u6_, 0x20);                                       \
        d = _mm256_permute2x128_si256(u3_, u7_, 0x20);                                       \
        e = _mm256_permute2x128_si256(u0_, u4_, 0x31);                                       \
        f = _mm256_permute2x128_si256(u1_, u5_, 0x31);                                       \
        g = _mm256_permute2x128_si256(u2_, u6_, 0x31);                                       \
        h = _mm256_permute2x128_si256(u3_, u7_, 0x31);                                       \
    } while (0)

/* Keystream for blocks counter..counter+7: ks[2j] and ks[2j+1] are the two
 * halves of block j. Named registers rather than arrays, so that the
 * compiler keeps the state in registers (it spills only what does not fit).
 * With absorb non-NULL, the 32 Poly1305 blocks there are hashed into h as
 * well, three per double round: scalar multiplies and vector rounds use
 * different execution units, so the MAC comes almost for free. */
/* Sixteen state registers plus temporaries do not fit in 16 ymm registers.
 * GCC's pressure-aware scheduler before register allocation orders the
 * rounds so that fewer of them spill (about 10% faster here). */
#if defined(__GNUC__) && !defined(__clang__)
#define TLS13_LOW_PRESSURE __attribute__((optimize("schedule-insns", "sched-pressure", "no-tree-ter")))
#else
#define TLS13_LOW_PRESSURE
#endif

TLS13_TARGET("avx2") TLS13_LOW_PRESSURE
static void keystream8(const uint32_t s[16], uint32_t counter, __m256i ks[16], const uint8_t *absorb,
                       tls13_poly1305_ctx *mac)
{
    uint64_t h[3] = {0, 0, 0}, r0 = 0, r1 = 0, s1 = 0;
    const __m256i r16 = ROT16, r8 = ROT8;
    const __m256i ctr = _mm256_add_epi32(_mm256_set1_epi32((int)counter), _mm256_set_epi32(7, 6, 5, 4, 3, 2, 1, 0));
    __m256i x0 = _mm256_set1_epi32((int)s[0]), x1 = _mm256_set1_epi32((int)s[1]);
    __m256i x2 = _mm256_set1_epi32((int)s[2]), x3 = _mm256_set1_epi32((int)s[3]);
    __m256i x4 = _mm256_set1_epi32((int)s[4]), x5 = _mm256_set1_epi32((int)s[5]);
    __m256i x6 = _mm256_set1_epi32((int)s[6]), x7 = _mm256_set1_epi32((int)s[7]);
    __m256i x8 = _mm256_set1_epi32((int)s[8]), x9 = _mm256_set1_epi32((int)s[9]);
    __m256i x10 = _mm256_set1_epi32((int)s[10]), x11 = _mm256_set1_epi32((int)s[11]);
    __m256i x12 = ctr, x13 = _mm256_set1_epi32((int)s[13]);
    __m256i x14 = _mm256_set1_epi32((int)s[14]), x15 = _mm256_set1_epi32((int)s[15]);
    if (absorb) {
        h[0] = mac->h64[0]; h[1] = mac->h64[1]; h[2] = mac->h64[2];
        r0 = mac->r64[0]; r1 = mac->r64[1]; s1 = r1 + (r1 >> 2);
    }
    for (int i = 0; i < 10; i++) {
        if (absorb) {
            tls13_poly1305_block64(h, r0, r1, s1, absorb + 48 * i, 1);
            tls13_poly1305_block64(h, r0, r1, s1, absorb + 48 * i + 16, 1);
            tls13_poly1305_block64(h, r0, r1, s1, absorb + 48 * i + 32, 1);
        }
        QR(x0, x4, x8, x12);
        QR(x1, x5, x9, x13);
        QR(x2, x6, x10, x14);
        QR(x3, x7, x11, x15);
        QR(x0, x5, x10, x15);
        QR(x1, x6, x11, x12);
        QR(x2, x7, x8, x13);
        QR(x3, x4, x9, x14);
    }
    if (absorb) {
        tls13_poly1305_block64(h, r0, r1, s1, absorb + 480, 1);
        tls13_poly1305_block64(h, r0, r1, s1, absorb + 496, 1);
        mac->h64[0] = h[0]; mac->h64[1] = h[1]; mac->h64[2] = h[2];
    }
#define ADD(x, i) x = _mm256_add_epi32(x, _mm256_set1_epi32((int)s[i]))
    ADD(x0, 0); ADD(x1, 1); ADD(x2, 2); ADD(x3, 3); ADD(x4, 4); ADD(x5, 5); ADD(x6, 6); ADD(x7, 7);
    ADD(x8, 8); ADD(x9, 9); ADD(x10, 10); ADD(x11, 11); ADD(x13, 13); ADD(x14, 14); ADD(x15, 15);
#undef ADD
    x12 = _mm256_add_epi32(x12, ctr);
    TRANSPOSE8(x0, x1, x2, x3, x4, x5, x6, x7);
    TRANSPOSE8(x8, x9, x10, x11, x12, x13, x14, x15);
    ks[0] = x0; ks[1] = x8; ks[2] = x1; ks[3] = x9; ks[4] = x2; ks[5] = x10; ks[6] = x3; ks[7] = x11;
    ks[8] = x4; ks[9] = x12; ks[10] = x5; ks[11] = x13; ks[12] = x6; ks[13] = x14; ks[14] = x7; ks[15] = x15;
}

TLS13_TARGET("avx2")
void tls13_chacha20_xor_avx2(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t *data,
                             size_t len, tls13_poly1305_ctx *mac, int decrypt)
{
    uint32_t state[16];
    __m256i ks[16];
    const uint8_t *unhashed = NULL; /* encryption: the previous batch's ciphertext */
    tls13_chacha20_state(state, key, counter, nonce);
    for (; len >= BATCH; len -= BATCH, data += BATCH, counter += 8) {
        keystream8(state, counter, ks, mac ? (decrypt ? data : unhashed) : NULL, mac);
        for (int i = 0; i < 16; i++) {
            __m256i *p = (__m256i *)(void *)(data + 32 * i);
            _mm256_storeu_si256(p, _mm256_xor_si256(_mm256_loadu_si256(p), ks[i]));
        }
        if (mac && !decrypt)
            unhashed = data;
    }
    if (mac && decrypt)
        tls13_poly1305_update(mac, data, len);
    if (len > 0 && len <= SHORT_TAIL) {
        tls13_chacha20_xor_portable(key, counter, nonce, data, len);
    } else if (len > 0) {
        const uint8_t *k = (const uint8_t *)ks;
        keystream8(state, counter, ks, NULL, NULL);
        for (size_t i = 0; i < len; i++)
            data[i] ^= k[i];
    }
    if (mac && !decrypt)
        tls13_poly1305_update(mac, unhashed ? unhashed : data, (unhashed ? BATCH : 0) + len);
    tls13_wipe(state, sizeof(state));
    tls13_wipe(ks, sizeof(ks));
}
#endif
