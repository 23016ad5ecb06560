/* AES-NI block encryption: four independent blocks per iteration so that
 * AESENC's latency is hidden behind its throughput. */
#include "aes_ni.h"

#ifdef TLS13_X86_64
#include <immintrin.h>

/* Round keys are read from the key state each time (an L1 hit) rather than
 * copied to the stack, where they would need wiping. */
#define RK(r) _mm_loadu_si128((const __m128i *)(const void *)key->rk[r])

TLS13_TARGET("aes,sse2")
void tls13_aes_ni_encrypt_blocks(const tls13_aes_key *key, const uint8_t *in, uint8_t *out, size_t nblocks)
{
    unsigned rounds = key->rounds;
    for (; nblocks >= 4; nblocks -= 4, in += 64, out += 64) {
        __m128i b0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(in + 0)), RK(0));
        __m128i b1 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(in + 16)), RK(0));
        __m128i b2 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(in + 32)), RK(0));
        __m128i b3 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)(in + 48)), RK(0));
        for (unsigned r = 1; r < rounds; r++) {
            b0 = _mm_aesenc_si128(b0, RK(r));
            b1 = _mm_aesenc_si128(b1, RK(r));
            b2 = _mm_aesenc_si128(b2, RK(r));
            b3 = _mm_aesenc_si128(b3, RK(r));
        }
        _mm_storeu_si128((__m128i *)(void *)(out + 0), _mm_aesenclast_si128(b0, RK(rounds)));
        _mm_storeu_si128((__m128i *)(void *)(out + 16), _mm_aesenclast_si128(b1, RK(rounds)));
        _mm_storeu_si128((__m128i *)(void *)(out + 32), _mm_aesenclast_si128(b2, RK(rounds)));
        _mm_storeu_si128((__m128i *)(void *)(out + 48), _mm_aesenclast_si128(b3, RK(rounds)));
    }
    for (; nblocks > 0; nblocks--, in += 16, out += 16) {
        __m128i b = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(const void *)in), RK(0));
        for (unsigned r = 1; r < rounds; r++)
            b = _mm_aesenc_si128(b, RK(r));
        _mm_storeu_si128((__m128i *)(void *)out, _mm_aesenclast_si128(b, RK(rounds)));
    }
}
#endif
