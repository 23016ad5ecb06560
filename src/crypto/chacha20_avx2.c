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

#define BATCH (8 * TLS13_CHACHA20_BLOCK)

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

/* Transposes eight registers of eight 32-bit words: on return out[j] holds
 * the words that were in lane j of x[0..7]. */
TLS13_TARGET("avx2")
static inline void transpose8(const __m256i x[8], __m256i out[8])
{
    __m256i t[8], u[8];
    for (int i = 0; i < 4; i++) {
        t[2 * i] = _mm256_unpacklo_epi32(x[2 * i], x[2 * i + 1]);
        t[2 * i + 1] = _mm256_unpackhi_epi32(x[2 * i], x[2 * i + 1]);
    }
    /* u[b] (b < 4): words 0..3 of block b (low lane) and b+4 (high lane);
     * u[b+4]: words 4..7 of the same blocks. */
    for (int h = 0; h < 2; h++) {
        u[4 * h + 0] = _mm256_unpacklo_epi64(t[4 * h + 0], t[4 * h + 2]);
        u[4 * h + 1] = _mm256_unpackhi_epi64(t[4 * h + 0], t[4 * h + 2]);
        u[4 * h + 2] = _mm256_unpacklo_epi64(t[4 * h + 1], t[4 * h + 3]);
        u[4 * h + 3] = _mm256_unpackhi_epi64(t[4 * h + 1], t[4 * h + 3]);
    }
    for (int b = 0; b < 4; b++) {
        out[b] = _mm256_permute2x128_si256(u[b], u[b + 4], 0x20);
        out[b + 4] = _mm256_permute2x128_si256(u[b], u[b + 4], 0x31);
    }
}

/* Keystream for blocks counter..counter+7: ks[2j] and ks[2j+1] are the two
 * halves of block j. */
TLS13_TARGET("avx2")
static void keystream8(const uint32_t state[16], uint32_t counter, __m256i ks[16])
{
    const __m256i r16 = ROT16, r8 = ROT8;
    __m256i in[16], x[16], lo[8], hi[8];
    for (int i = 0; i < 16; i++)
        in[i] = _mm256_set1_epi32((int)state[i]);
    in[12] = _mm256_add_epi32(_mm256_set1_epi32((int)counter), _mm256_set_epi32(7, 6, 5, 4, 3, 2, 1, 0));
    for (int i = 0; i < 16; i++)
        x[i] = in[i];
    for (int i = 0; i < 10; i++) {
        QR(x[0], x[4], x[8], x[12]);
        QR(x[1], x[5], x[9], x[13]);
        QR(x[2], x[6], x[10], x[14]);
        QR(x[3], x[7], x[11], x[15]);
        QR(x[0], x[5], x[10], x[15]);
        QR(x[1], x[6], x[11], x[12]);
        QR(x[2], x[7], x[8], x[13]);
        QR(x[3], x[4], x[9], x[14]);
    }
    for (int i = 0; i < 16; i++)
        x[i] = _mm256_add_epi32(x[i], in[i]);
    transpose8(x, lo);
    transpose8(x + 8, hi);
    for (int j = 0; j < 8; j++) {
        ks[2 * j] = lo[j];
        ks[2 * j + 1] = hi[j];
    }
}

TLS13_TARGET("avx2")
void tls13_chacha20_xor_avx2(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t *data,
                             size_t len)
{
    uint32_t state[16];
    __m256i ks[16];
    tls13_chacha20_state(state, key, counter, nonce);
    for (; len >= BATCH; len -= BATCH, data += BATCH, counter += 8) {
        keystream8(state, counter, ks);
        for (int i = 0; i < 16; i++) {
            __m256i *p = (__m256i *)(void *)(data + 32 * i);
            _mm256_storeu_si256(p, _mm256_xor_si256(_mm256_loadu_si256(p), ks[i]));
        }
    }
    if (len > 0) {
        const uint8_t *k = (const uint8_t *)ks;
        keystream8(state, counter, ks);
        for (size_t i = 0; i < len; i++)
            data[i] ^= k[i];
    }
    tls13_wipe(state, sizeof(state));
    tls13_wipe(ks, sizeof(ks));
}
#endif
