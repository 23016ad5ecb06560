/*
 * GHASH with PCLMULQDQ (x86-64 only; needs TLS13_GHASH_CLMUL_FEATURES).
 *
 * The building blocks are inline so that the stitched AES-GCM loop
 * (aes_gcm_x86.c) interleaves them with its AES rounds: products are
 * accumulated unreduced (lo, hi and Karatsuba middle) over up to eight
 * blocks, X_1*H^n + ... + X_n*H^1, and reduced once.
 */
#ifndef TLS13_CRYPTO_GHASH_CLMUL_H
#define TLS13_CRYPTO_GHASH_CLMUL_H

#include "../base/cpu.h"
#include "ghash.h"

#define TLS13_GHASH_CLMUL_FEATURES (TLS13_CPU_PCLMUL | TLS13_CPU_SSSE3)

#ifdef TLS13_X86_64
#include <immintrin.h>

void tls13_ghash_blocks_clmul(const tls13_ghash_key *key, tls13_gf128 *y, const uint8_t *p, size_t nblocks);

typedef struct tls13_ghash_acc {
    __m128i lo, hi, mid;
} tls13_ghash_acc;

/* A block as the big-endian 128-bit integer of ghash.h. */
TLS13_TARGET("ssse3")
static inline __m128i tls13_ghash_load(const uint8_t *p)
{
    const __m128i reverse = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    return _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), reverse);
}

TLS13_TARGET("sse2")
static inline void tls13_ghash_acc_zero(tls13_ghash_acc *acc)
{
    acc->lo = acc->hi = acc->mid = _mm_setzero_si128();
}

/* acc += x * H^(i+1), Karatsuba with the precomputed hi ^ lo of the power. */
TLS13_TARGET("pclmul,sse2")
static inline void tls13_ghash_acc_mul(tls13_ghash_acc *acc, const tls13_ghash_key *key, __m128i x, int i)
{
    __m128i h = _mm_loadu_si128((const __m128i *)(const void *)key->pow[i]);
    __m128i hf = _mm_loadu_si128((const __m128i *)(const void *)key->fold[i]);
    __m128i xf = _mm_xor_si128(x, _mm_shuffle_epi32(x, 0x4E));
    acc->lo = _mm_xor_si128(acc->lo, _mm_clmulepi64_si128(x, h, 0x00));
    acc->hi = _mm_xor_si128(acc->hi, _mm_clmulepi64_si128(x, h, 0x11));
    acc->mid = _mm_xor_si128(acc->mid, _mm_clmulepi64_si128(xf, hf, 0x00));
}

/*
 * Reduction of the accumulated 256-bit product. The powers are stored
 * multiplied by x (ghash.c), so the carry-less product already carries the
 * factor that the portable code gets by shifting left by one. Read as a
 * polynomial in z (bit k = z^k), the product is then congruent to z^128 times
 * the wanted result modulo P*(z) = z^128 + z^127 + z^126 + z^121 + 1, the
 * reciprocal of GCM's polynomial. Two 64-bit Montgomery steps divide by z^128:
 * P* = 1 mod z^64, so adding d0 * P* clears the low word d0, and after
 * dropping it what remains is d0 * (z^57 + z^62 + z^63) (one PCLMULQDQ with
 * 0xC2 << 56) plus d0 moved up by 64 bits (the word swap).
 */
TLS13_TARGET("pclmul,sse2")
static inline __m128i tls13_ghash_acc_reduce(const tls13_ghash_acc *acc)
{
    const __m128i p = _mm_cvtsi64_si128((long long)0xC200000000000000u);
    __m128i mid = _mm_xor_si128(acc->mid, _mm_xor_si128(acc->lo, acc->hi));
    __m128i lo = _mm_xor_si128(acc->lo, _mm_slli_si128(mid, 8));
    __m128i hi = _mm_xor_si128(acc->hi, _mm_srli_si128(mid, 8));
    lo = _mm_xor_si128(_mm_shuffle_epi32(lo, 0x4E), _mm_clmulepi64_si128(lo, p, 0x00));
    lo = _mm_xor_si128(_mm_shuffle_epi32(lo, 0x4E), _mm_clmulepi64_si128(lo, p, 0x00));
    return _mm_xor_si128(hi, lo);
}

/* y = (y + X_0) H^n + X_1 H^(n-1) + ... + X_(n-1) H for n <= 8 blocks at p. */
TLS13_TARGET("pclmul,ssse3")
static inline __m128i tls13_ghash_clmul_group(const tls13_ghash_key *key, __m128i y, const uint8_t *p, size_t n)
{
    tls13_ghash_acc acc;
    tls13_ghash_acc_zero(&acc);
    tls13_ghash_acc_mul(&acc, key, _mm_xor_si128(y, tls13_ghash_load(p)), (int)n - 1);
    for (size_t i = 1; i < n; i++)
        tls13_ghash_acc_mul(&acc, key, tls13_ghash_load(p + 16 * i), (int)(n - 1 - i));
    return tls13_ghash_acc_reduce(&acc);
}
#endif

#endif
