/*
 * Stitched AES-GCM for x86-64: each iteration encrypts eight counter blocks
 * (128 bytes) and, between their AES rounds, multiplies eight ciphertext
 * blocks by H^8..H^1 into one unreduced accumulator. AESENC and PCLMULQDQ
 * are independent, so the out-of-order core runs both streams at once.
 * Decryption hashes the chunk it is about to decrypt; encryption hashes the
 * chunk it produced in the previous iteration (and the last one afterwards).
 */
#include "aes_gcm_x86.h"

#ifdef TLS13_X86_64
#include <immintrin.h>

#include "../base/bytes.h"
#include "../base/mem.h"
#include "aes_ni.h"
#include "ghash_clmul.h"

#define CHUNK 128

#define RK(r) _mm_loadu_si128((const __m128i *)(const void *)aes->rk[r])
#define LOAD(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define STORE(p, v) _mm_storeu_si128((__m128i *)(void *)(p), (v))

#define ROUND8(k)                                                                     \
    do {                                                                              \
        __m128i k_ = (k);                                                             \
        b0 = _mm_aesenc_si128(b0, k_); b1 = _mm_aesenc_si128(b1, k_);                 \
        b2 = _mm_aesenc_si128(b2, k_); b3 = _mm_aesenc_si128(b3, k_);                 \
        b4 = _mm_aesenc_si128(b4, k_); b5 = _mm_aesenc_si128(b5, k_);                 \
        b6 = _mm_aesenc_si128(b6, k_); b7 = _mm_aesenc_si128(b7, k_);                 \
    } while (0)

/* Last round, XOR with the input block at offset 16*i, store in place. */
#define FINISH(b, i) STORE(p + 16 * (i), _mm_xor_si128(_mm_aesenclast_si128((b), last), LOAD(p + 16 * (i))))

/* With eight AES blocks in flight, 16 vector registers hold the GHASH
 * accumulators only if each product is folded in as soon as it is made.
 * GCC's expression forwarding (TER) and reassociation would otherwise defer
 * the 24 XORs into one balanced tree at the end and spill every product. */
#if defined(__GNUC__) && !defined(__clang__)
#define TLS13_KEEP_ORDER __attribute__((optimize("no-tree-ter", "no-tree-reassoc")))
#else
#define TLS13_KEEP_ORDER
#endif

static uint32_t bswap32(uint32_t x)
{
    return (x >> 24) | ((x >> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
}

/* GCTR over the last len < CHUNK bytes, through a stack buffer. */
TLS13_TARGET("aes,sse4.1")
static void ctr_tail(const tls13_aes_key *aes, __m128i j0, uint32_t ctr, uint8_t *p, size_t len)
{
    uint8_t ks[CHUNK] = {0}; /* initialised only to quiet -Wmaybe-uninitialized */
    size_t nblocks = (len + 15) / 16;
    for (size_t b = 0; b < nblocks; b++)
        STORE(ks + 16 * b, _mm_insert_epi32(j0, (int)bswap32(ctr + (uint32_t)b), 3));
    tls13_aes_ni_encrypt_blocks(aes, ks, ks, nblocks);
    for (size_t i = 0; i < len; i++)
        p[i] ^= ks[i];
    tls13_wipe(ks, sizeof(ks));
}

TLS13_TARGET("avx,aes,pclmul") TLS13_KEEP_ORDER
void tls13_aes_gcm_crypt_x86(const tls13_aes_gcm_key *key, const uint8_t j0_bytes[16], tls13_gf128 *yp, uint8_t *data,
                             size_t len, int decrypt)
{
    const tls13_aes_key *aes = &key->aes;
    const tls13_ghash_key *gk = &key->ghash;
    const unsigned rounds = aes->rounds;
    const __m128i j0 = LOAD(j0_bytes);
    uint32_t ctr = tls13_load_be32(j0_bytes + 12) + 1;
    __m128i y = _mm_set_epi64x((long long)yp->hi, (long long)yp->lo);
    uint8_t *p = data;
    const uint8_t *unhashed = NULL; /* encryption: the previous chunk's ciphertext */

    for (; len >= CHUNK; len -= CHUNK, p += CHUNK) {
        const __m128i k0 = RK(0);
        const uint8_t *h = decrypt ? p : unhashed;
        __m128i b0 = _mm_xor_si128(_mm_insert_epi32(j0, (int)bswap32(ctr + 0), 3), k0);
        __m128i b1 = _mm_xor_si128(_mm_insert_epi32(j0, (int)bswap32(ctr + 1), 3), k0);
        __m128i b2 = _mm_xor_si128(_mm_insert_epi32(j0, (int)bswap32(ctr + 2), 3), k0);
        __m128i b3 = _mm_xor_si128(_mm_insert_epi32(j0, (int)bswap32(ctr + 3), 3), k0);
        __m128i b4 = _mm_xor_si128(_mm_insert_epi32(j0, (int)bswap32(ctr + 4), 3), k0);
        __m128i b5 = _mm_xor_si128(_mm_insert_epi32(j0, (int)bswap32(ctr + 5), 3), k0);
        __m128i b6 = _mm_xor_si128(_mm_insert_epi32(j0, (int)bswap32(ctr + 6), 3), k0);
        __m128i b7 = _mm_xor_si128(_mm_insert_epi32(j0, (int)bswap32(ctr + 7), 3), k0);
        __m128i last;
        unsigned r = 1;
        ctr += 8;
        if (h) {
            tls13_ghash_acc acc;
            tls13_ghash_acc_zero(&acc);
            ROUND8(RK(1));
            tls13_ghash_acc_mul(&acc, gk, _mm_xor_si128(y, tls13_ghash_load(h)), 7);
            ROUND8(RK(2));
            tls13_ghash_acc_mul(&acc, gk, tls13_ghash_load(h + 16), 6);
            ROUND8(RK(3));
            tls13_ghash_acc_mul(&acc, gk, tls13_ghash_load(h + 32), 5);
            ROUND8(RK(4));
            tls13_ghash_acc_mul(&acc, gk, tls13_ghash_load(h + 48), 4);
            ROUND8(RK(5));
            tls13_ghash_acc_mul(&acc, gk, tls13_ghash_load(h + 64), 3);
            ROUND8(RK(6));
            tls13_ghash_acc_mul(&acc, gk, tls13_ghash_load(h + 80), 2);
            ROUND8(RK(7));
            tls13_ghash_acc_mul(&acc, gk, tls13_ghash_load(h + 96), 1);
            ROUND8(RK(8));
            tls13_ghash_acc_mul(&acc, gk, tls13_ghash_load(h + 112), 0);
            y = tls13_ghash_acc_reduce(&acc);
            r = 9;
        }
        for (; r < rounds; r++)
            ROUND8(RK(r));
        last = RK(rounds);
        FINISH(b0, 0); FINISH(b1, 1); FINISH(b2, 2); FINISH(b3, 3);
        FINISH(b4, 4); FINISH(b5, 5); FINISH(b6, 6); FINISH(b7, 7);
        if (!decrypt)
            unhashed = p;
    }

    yp->lo = (uint64_t)_mm_cvtsi128_si64(y);
    yp->hi = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(y, y));
    if (decrypt) {
        tls13_ghash_update(gk, yp, p, len);
        ctr_tail(aes, j0, ctr, p, len);
    } else {
        ctr_tail(aes, j0, ctr, p, len);
        if (unhashed)
            tls13_ghash_update(gk, yp, unhashed, CHUNK + len);
        else
            tls13_ghash_update(gk, yp, p, len);
    }
}
#endif
