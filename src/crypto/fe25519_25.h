/*
 * Field arithmetic mod p = 2^255 - 19 in radix 2^25.5: ten 32-bit limbs of
 * alternately 26 and 25 bits, 64-bit products. Portable C99; the fallback for
 * compilers without __int128 and the backend of the portable build
 * (-DTLS13_PORTABLE=ON). Tests run it in every build (tests/unit/test_x25519.c).
 *
 * Representation: limb i sits at bit offset ceil(25.5 i), so
 * offset(i) + offset(j) = offset(i + j) + 1 exactly when i and j are both odd
 * (such products are doubled), and offset(i + 10) = offset(i) + 255 (products
 * past the top wrap round times 19, as 2^255 = 19 mod p).
 * "Reduced" (the output of mul, sq, mul_small, sub, carry, frombytes): even
 * limbs < 2^26, odd limbs < 2^25 + 2^18. Input bounds as in fe25519_51.h: mul
 * and sq accept a sum of up to four reduced elements, sub a sum of up to two on
 * either side. Nothing here branches on or indexes memory by limb values.
 */
#ifndef TLS13_CRYPTO_FE25519_25_H
#define TLS13_CRYPTO_FE25519_25_H

#include <stdint.h>

#include "../base/bytes.h"

typedef struct tls13_fe25 {
    uint32_t l[10];
} tls13_fe25;

#define TLS13_FE25_MASK26 ((UINT32_C(1) << 26) - 1)
#define TLS13_FE25_MASK25 ((UINT32_C(1) << 25) - 1)

static inline int tls13_fe25_width(int i)
{
    return (i & 1) ? 25 : 26;
}

/* Carries ten accumulators (each < 2^63.5) into h. */
static inline void tls13_fe25_carry_wide(tls13_fe25 *h, uint64_t c[10])
{
    for (int i = 0; i < 9; i++) {
        int w = tls13_fe25_width(i);
        c[i + 1] += c[i] >> w;
        c[i] &= ((uint64_t)1 << w) - 1;
    }
    c[0] += (c[9] >> 25) * 19;
    c[9] &= TLS13_FE25_MASK25;
    c[1] += c[0] >> 26;
    c[0] &= TLS13_FE25_MASK26;
    for (int i = 0; i < 10; i++)
        h->l[i] = (uint32_t)c[i];
}

static inline void tls13_fe25_mul(tls13_fe25 *h, const tls13_fe25 *f, const tls13_fe25 *g)
{
    /* c[k] = sum over i of f_i g_(k-i), where a negative k - i wraps round
     * as 19 g_(k-i+10), and odd i with odd k - i (only when k is even) is
     * doubled. gw[9 + j] = g_j for j >= 0 and 19 g_(j+10) for j < 0 (64-bit:
     * 19 g reaches 2^32 for a sum of four reduced elements); fd holds f with
     * its odd limbs doubled (below 2^28). */
    uint64_t gw[19];
    uint32_t fd[10];
    uint64_t c[10];
    for (int j = 0; j < 10; j++) {
        gw[9 + j] = g->l[j];
        fd[j] = f->l[j] << (j & 1);
    }
    for (int j = 1; j < 10; j++)
        gw[j - 1] = 19 * (uint64_t)g->l[j];
    for (int k = 0; k < 10; k++) {
        const uint32_t *fk = (k & 1) ? f->l : fd;
        uint64_t acc = 0;
        for (int i = 0; i < 10; i++)
            acc += fk[i] * gw[9 + k - i];
        c[k] = acc;
    }
    tls13_fe25_carry_wide(h, c);
}

/* The portable backend squares with the general product (one code path to
 * get right; speed is the 64-bit backend's job). */
static inline void tls13_fe25_sq(tls13_fe25 *h, const tls13_fe25 *f)
{
    tls13_fe25_mul(h, f, f);
}

/* h = f * n for a small constant n < 2^20. */
static inline void tls13_fe25_mul_small(tls13_fe25 *h, const tls13_fe25 *f, uint32_t n)
{
    uint64_t c[10];
    for (int i = 0; i < 10; i++)
        c[i] = (uint64_t)f->l[i] * n;
    tls13_fe25_carry_wide(h, c);
}

static inline void tls13_fe25_add(tls13_fe25 *h, const tls13_fe25 *f, const tls13_fe25 *g)
{
    for (int i = 0; i < 10; i++)
        h->l[i] = f->l[i] + g->l[i];
}

/* h = f - g, computed as f + 4p - g so no limb goes negative, then carried. */
static inline void tls13_fe25_sub(tls13_fe25 *h, const tls13_fe25 *f, const tls13_fe25 *g)
{
    uint64_t c[10];
    for (int i = 0; i < 10; i++) {
        uint64_t four_p = 4 * (((uint64_t)1 << tls13_fe25_width(i)) - 1);
        if (i == 0)
            four_p = 4 * (((uint64_t)1 << 26) - 19);
        c[i] = (uint64_t)f->l[i] + four_p - g->l[i];
    }
    tls13_fe25_carry_wide(h, c);
}

static inline void tls13_fe25_carry(tls13_fe25 *h, const tls13_fe25 *f)
{
    uint64_t c[10];
    for (int i = 0; i < 10; i++)
        c[i] = f->l[i];
    tls13_fe25_carry_wide(h, c);
}

/* Bit offset of limb i: ceil(25.5 i). */
static inline int tls13_fe25_offset(int i)
{
    return (51 * i + 1) / 2;
}

/* Decodes 32 little-endian bytes, ignoring bit 255 (RFC 7748 section 5). */
static inline void tls13_fe25_frombytes(tls13_fe25 *h, const uint8_t s[32])
{
    uint64_t w[4];
    for (int k = 0; k < 4; k++)
        w[k] = tls13_load_le64(s + 8 * k);
    for (int i = 0; i < 10; i++) {
        int off = tls13_fe25_offset(i), word = off / 64, shift = off % 64;
        uint64_t bits = w[word] >> shift;
        if (shift + tls13_fe25_width(i) > 64) /* the limb straddles two words */
            bits |= w[word + 1] << (64 - shift);
        h->l[i] = (uint32_t)bits & ((UINT32_C(1) << tls13_fe25_width(i)) - 1);
    }
}

/* Encodes the canonical residue (0 <= h < p) as 32 little-endian bytes. */
static inline void tls13_fe25_tobytes(uint8_t s[32], const tls13_fe25 *f)
{
    tls13_fe25 h;
    uint64_t c[10], w[4] = {0, 0, 0, 0};
    uint32_t q;
    tls13_fe25_carry(&h, f);
    /* h < 2^255 + 2^18 < 2p: q = 1 exactly when h + 19 reaches 2^255, and
     * then h - p = h + 19 - 2^255. */
    q = (h.l[0] + 19) >> 26;
    for (int i = 1; i < 10; i++)
        q = (h.l[i] + q) >> tls13_fe25_width(i);
    for (int i = 0; i < 10; i++)
        c[i] = h.l[i];
    c[0] += 19 * (uint64_t)q;
    for (int i = 0; i < 9; i++) {
        int width = tls13_fe25_width(i);
        c[i + 1] += c[i] >> width;
        c[i] &= ((uint64_t)1 << width) - 1;
    }
    c[9] &= TLS13_FE25_MASK25; /* drops the 2^255 of h + 19 - 2^255 */
    for (int i = 0; i < 10; i++) {
        int off = tls13_fe25_offset(i), word = off / 64, shift = off % 64;
        w[word] |= c[i] << shift;
        if (shift + tls13_fe25_width(i) > 64)
            w[word + 1] |= c[i] >> (64 - shift);
    }
    for (int k = 0; k < 4; k++)
        tls13_store_le64(s + 8 * k, w[k]);
}

static inline void tls13_fe25_set_u32(tls13_fe25 *h, uint32_t v)
{
    for (int i = 0; i < 10; i++)
        h->l[i] = 0;
    h->l[0] = v;
}

#endif
