/* GHASH over whole blocks with PCLMULQDQ, eight blocks per reduction. */
#include "ghash_clmul.h"

#ifdef TLS13_X86_64
TLS13_TARGET("pclmul,ssse3")
void tls13_ghash_blocks_clmul(const tls13_ghash_key *key, tls13_gf128 *y, const uint8_t *p, size_t nblocks)
{
    __m128i acc = _mm_set_epi64x((long long)y->hi, (long long)y->lo);
    while (nblocks > 0) {
        size_t n = nblocks < TLS13_GHASH_POWERS ? nblocks : TLS13_GHASH_POWERS;
        acc = tls13_ghash_clmul_group(key, acc, p, n);
        p += 16 * n;
        nblocks -= n;
    }
    y->lo = (uint64_t)_mm_cvtsi128_si64(acc);
    y->hi = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(acc, acc));
}
#endif
