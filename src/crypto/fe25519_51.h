/*
 * Field arithmetic mod p = 2^255 - 19 in radix 2^51: five 64-bit limbs,
 * products in unsigned __int128. Needs a compiler with __int128
 * (__SIZEOF_INT128__); fe25519_25.h is the portable fallback.
 *
 * Representation: h = l[0] + 2^51 l[1] + 2^102 l[2] + 2^153 l[3] + 2^204 l[4].
 * "Reduced" (the output of mul, sq, mul_small, sub, carry, frombytes) means
 * every limb < 2^51 + 2^15; not necessarily the canonical residue.
 * Input bounds: mul/sq accept limbs < 2^54 (a sum of up to four reduced
 * elements); sub accepts a sum of up to two reduced elements on either side.
 * Nothing here branches on or indexes memory by limb values.
 */
#ifndef TLS13_CRYPTO_FE25519_51_H
#define TLS13_CRYPTO_FE25519_51_H

#include <stdint.h>

#include "../base/bytes.h"

#ifdef __SIZEOF_INT128__

typedef struct tls13_fe51 {
    uint64_t l[5];
} tls13_fe51;

/* __extension__: -pedantic would otherwise reject the (feature-tested) type. */
__extension__ typedef unsigned __int128 tls13_u128;

#define TLS13_FE51_MASK ((UINT64_C(1) << 51) - 1)

/* gcc -O2 leaves the hot operations out of line in the ladder and the point
 * formulas; forcing them inline measured ~10% faster for X25519. */
#if defined(__GNUC__)
#define TLS13_FE51_INLINE static inline __attribute__((always_inline))
#else
#define TLS13_FE51_INLINE static inline
#endif

/* Carries a wide accumulator c[0..4] (each < 2^115) into h; the carry out of
 * the top limb wraps round times 19 because 2^255 = 19 mod p. */
TLS13_FE51_INLINE void tls13_fe51_carry_wide(tls13_fe51 *h, tls13_u128 c0, tls13_u128 c1, tls13_u128 c2,
                                         tls13_u128 c3, tls13_u128 c4)
{
    uint64_t r0, r1, r2, r3, r4, carry;
    c1 += (uint64_t)(c0 >> 51);
    r0 = (uint64_t)c0 & TLS13_FE51_MASK;
    c2 += (uint64_t)(c1 >> 51);
    r1 = (uint64_t)c1 & TLS13_FE51_MASK;
    c3 += (uint64_t)(c2 >> 51);
    r2 = (uint64_t)c2 & TLS13_FE51_MASK;
    c4 += (uint64_t)(c3 >> 51);
    r3 = (uint64_t)c3 & TLS13_FE51_MASK;
    carry = (uint64_t)(c4 >> 51);
    r4 = (uint64_t)c4 & TLS13_FE51_MASK;
    r0 += carry * 19;
    r1 += r0 >> 51;
    r0 &= TLS13_FE51_MASK;
    h->l[0] = r0; h->l[1] = r1; h->l[2] = r2; h->l[3] = r3; h->l[4] = r4;
}

TLS13_FE51_INLINE void tls13_fe51_mul(tls13_fe51 *h, const tls13_fe51 *f, const tls13_fe51 *g)
{
    const uint64_t f0 = f->l[0], f1 = f->l[1], f2 = f->l[2], f3 = f->l[3], f4 = f->l[4];
    const uint64_t g0 = g->l[0], g1 = g->l[1], g2 = g->l[2], g3 = g->l[3], g4 = g->l[4];
    /* Limb products at position >= 5 wrap round to position - 5, times 19. */
    const uint64_t g1_19 = g1 * 19, g2_19 = g2 * 19, g3_19 = g3 * 19, g4_19 = g4 * 19;
    tls13_u128 c0, c1, c2, c3, c4;
    c0 = (tls13_u128)f0 * g0 + (tls13_u128)f1 * g4_19 + (tls13_u128)f2 * g3_19 + (tls13_u128)f3 * g2_19 +
         (tls13_u128)f4 * g1_19;
    c1 = (tls13_u128)f0 * g1 + (tls13_u128)f1 * g0 + (tls13_u128)f2 * g4_19 + (tls13_u128)f3 * g3_19 +
         (tls13_u128)f4 * g2_19;
    c2 = (tls13_u128)f0 * g2 + (tls13_u128)f1 * g1 + (tls13_u128)f2 * g0 + (tls13_u128)f3 * g4_19 +
         (tls13_u128)f4 * g3_19;
    c3 = (tls13_u128)f0 * g3 + (tls13_u128)f1 * g2 + (tls13_u128)f2 * g1 + (tls13_u128)f3 * g0 +
         (tls13_u128)f4 * g4_19;
    c4 = (tls13_u128)f0 * g4 + (tls13_u128)f1 * g3 + (tls13_u128)f2 * g2 + (tls13_u128)f3 * g1 +
         (tls13_u128)f4 * g0;
    tls13_fe51_carry_wide(h, c0, c1, c2, c3, c4);
}

/* Squaring: the symmetric cross products are computed once and doubled. */
TLS13_FE51_INLINE void tls13_fe51_sq(tls13_fe51 *h, const tls13_fe51 *f)
{
    const uint64_t f0 = f->l[0], f1 = f->l[1], f2 = f->l[2], f3 = f->l[3], f4 = f->l[4];
    const uint64_t f0_2 = f0 * 2, f1_2 = f1 * 2, f3_19 = f3 * 19, f4_19 = f4 * 19;
    tls13_u128 c0, c1, c2, c3, c4;
    c0 = (tls13_u128)f0 * f0 + (tls13_u128)f1_2 * f4_19 + (tls13_u128)(f2 * 2) * f3_19;
    c1 = (tls13_u128)f0_2 * f1 + (tls13_u128)(f2 * 2) * f4_19 + (tls13_u128)f3 * f3_19;
    c2 = (tls13_u128)f0_2 * f2 + (tls13_u128)f1 * f1 + (tls13_u128)(f3 * 2) * f4_19;
    c3 = (tls13_u128)f0_2 * f3 + (tls13_u128)f1_2 * f2 + (tls13_u128)f4 * f4_19;
    c4 = (tls13_u128)f0_2 * f4 + (tls13_u128)f1_2 * f3 + (tls13_u128)f2 * f2;
    tls13_fe51_carry_wide(h, c0, c1, c2, c3, c4);
}

/* h = f * n for a small constant n < 2^20 (the ladder's a24 = 121665). */
TLS13_FE51_INLINE void tls13_fe51_mul_small(tls13_fe51 *h, const tls13_fe51 *f, uint32_t n)
{
    tls13_fe51_carry_wide(h, (tls13_u128)f->l[0] * n, (tls13_u128)f->l[1] * n, (tls13_u128)f->l[2] * n,
                          (tls13_u128)f->l[3] * n, (tls13_u128)f->l[4] * n);
}

/* h = f + g without carrying (see the bounds above). */
TLS13_FE51_INLINE void tls13_fe51_add(tls13_fe51 *h, const tls13_fe51 *f, const tls13_fe51 *g)
{
    /* Written out: gcc -O2 keeps a 5-step loop here, on the hot path. */
    h->l[0] = f->l[0] + g->l[0];
    h->l[1] = f->l[1] + g->l[1];
    h->l[2] = f->l[2] + g->l[2];
    h->l[3] = f->l[3] + g->l[3];
    h->l[4] = f->l[4] + g->l[4];
}

/* h = f - g, computed as f + 4p - g so no limb goes negative, then carried. */
TLS13_FE51_INLINE void tls13_fe51_sub(tls13_fe51 *h, const tls13_fe51 *f, const tls13_fe51 *g)
{
    const uint64_t four_p0 = 4 * (TLS13_FE51_MASK - 18), four_pi = 4 * TLS13_FE51_MASK;
    tls13_fe51_carry_wide(h, f->l[0] + four_p0 - g->l[0], f->l[1] + four_pi - g->l[1], f->l[2] + four_pi - g->l[2],
                          f->l[3] + four_pi - g->l[3], f->l[4] + four_pi - g->l[4]);
}

/* Reduces a sum back to the reduced bound. */
static inline void tls13_fe51_carry(tls13_fe51 *h, const tls13_fe51 *f)
{
    tls13_fe51_carry_wide(h, f->l[0], f->l[1], f->l[2], f->l[3], f->l[4]);
}

/* Decodes 32 little-endian bytes, ignoring bit 255 (RFC 7748 section 5). The
 * result may be >= p; it is still a valid reduced representation. */
static inline void tls13_fe51_frombytes(tls13_fe51 *h, const uint8_t s[32])
{
    uint64_t w0 = tls13_load_le64(s), w1 = tls13_load_le64(s + 8), w2 = tls13_load_le64(s + 16),
             w3 = tls13_load_le64(s + 24);
    h->l[0] = w0 & TLS13_FE51_MASK;
    h->l[1] = ((w0 >> 51) | (w1 << 13)) & TLS13_FE51_MASK;
    h->l[2] = ((w1 >> 38) | (w2 << 26)) & TLS13_FE51_MASK;
    h->l[3] = ((w2 >> 25) | (w3 << 39)) & TLS13_FE51_MASK;
    h->l[4] = (w3 >> 12) & TLS13_FE51_MASK;
}

/* Encodes the canonical residue (0 <= h < p) as 32 little-endian bytes. */
static inline void tls13_fe51_tobytes(uint8_t s[32], const tls13_fe51 *f)
{
    tls13_fe51 h;
    uint64_t q;
    tls13_fe51_carry(&h, f);
    /* Now h < 2^255 + 2^15 < 2p. q = 1 exactly when h >= p, i.e. when
     * h + 19 reaches 2^255; then h - p = h + 19 - 2^255. */
    q = (h.l[0] + 19) >> 51;
    q = (h.l[1] + q) >> 51;
    q = (h.l[2] + q) >> 51;
    q = (h.l[3] + q) >> 51;
    q = (h.l[4] + q) >> 51;
    h.l[0] += 19 * q;
    h.l[1] += h.l[0] >> 51;
    h.l[0] &= TLS13_FE51_MASK;
    h.l[2] += h.l[1] >> 51;
    h.l[1] &= TLS13_FE51_MASK;
    h.l[3] += h.l[2] >> 51;
    h.l[2] &= TLS13_FE51_MASK;
    h.l[4] += h.l[3] >> 51;
    h.l[3] &= TLS13_FE51_MASK;
    h.l[4] &= TLS13_FE51_MASK; /* drops the 2^255 of h + 19 - 2^255 */
    tls13_store_le64(s, h.l[0] | (h.l[1] << 51));
    tls13_store_le64(s + 8, (h.l[1] >> 13) | (h.l[2] << 38));
    tls13_store_le64(s + 16, (h.l[2] >> 26) | (h.l[3] << 25));
    tls13_store_le64(s + 24, (h.l[3] >> 39) | (h.l[4] << 12));
}

/* Small constants (0, 1, ...) as field elements. */
static inline void tls13_fe51_set_u32(tls13_fe51 *h, uint32_t v)
{
    h->l[0] = v; h->l[1] = 0; h->l[2] = 0; h->l[3] = 0; h->l[4] = 0;
}

#endif /* __SIZEOF_INT128__ */
#endif
