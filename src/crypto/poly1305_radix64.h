/*
 * One Poly1305 block with three 64-bit limbs (h0 + h1 2^64 + h2 2^128) and
 * unsigned __int128 products, inline so that the stitched ChaCha20 path
 * (chacha20_avx2.c) can interleave it with its vector rounds: the integer
 * multiplier and the vector units then work at the same time.
 * Only where the compiler has __int128 (guarded by __SIZEOF_INT128__).
 */
#ifndef TLS13_CRYPTO_POLY1305_RADIX64_H
#define TLS13_CRYPTO_POLY1305_RADIX64_H

#include <stdint.h>

#include "../base/bytes.h"

#ifdef __SIZEOF_INT128__
/* __extension__: -pedantic knows __int128 is not ISO C; it is feature-tested above. */
__extension__ typedef unsigned __int128 tls13_u128;

/* h = (h + m + hibit 2^128) r mod 2^130 - 5, partially reduced (h2 <= 4 on
 * return). s1 = r1 + r1/4: r1 is a multiple of 4 after clamping, so
 * h1 r1 2^128 = h1 (r1/4) 2^130 = h1 s1 (mod p). */
static inline void tls13_poly1305_block64(uint64_t h[3], uint64_t r0, uint64_t r1, uint64_t s1, const uint8_t *m,
                                          uint64_t hibit)
{
    /* The additions carry by comparison in 64-bit words: GCC 12 compiles
     * mixed 64/128-bit additions through the stack, tripling the latency. */
    uint64_t m0 = tls13_load_le64(m), m1 = tls13_load_le64(m + 8);
    uint64_t h0 = h[0] + m0, c0 = h0 < m0;
    uint64_t h1 = h[1] + c0, c1 = h1 < c0;
    uint64_t h2, d2, c, lo0, lo1;
    tls13_u128 d0, d1;
    h1 += m1;
    c1 += h1 < m1;
    h2 = h[2] + c1 + hibit;
    /* h2 stays below 8, so h2*r0 and h2*s1 fit in 64 bits. */
    d0 = (tls13_u128)h0 * r0 + (tls13_u128)h1 * s1;
    d1 = (tls13_u128)h0 * r1 + (tls13_u128)h1 * r0;
    d1 += h2 * s1;
    d2 = h2 * r0;
    d1 += (uint64_t)(d0 >> 64);
    d2 += (uint64_t)(d1 >> 64);
    lo0 = (uint64_t)d0;
    lo1 = (uint64_t)d1;
    /* Bits from 2^130 up come back times 5: (d2 >> 2) * 5 = (d2 & ~3) + (d2 >> 2). */
    c = (d2 & ~(uint64_t)3) + (d2 >> 2);
    h0 = lo0 + c;
    c = h0 < c;
    h1 = lo1 + c;
    c = h1 < c;
    h[0] = h0;
    h[1] = h1;
    h[2] = (d2 & 3) + c;
}
#endif

#endif
