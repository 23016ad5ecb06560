/*
 * Field arithmetic mod p = 2^255 - 19 in radix 2^64 (four saturated limbs)
 * with the BMI2 and ADX intrinsics _mulx_u64 and _addcarryx_u64. x86-64
 * only; callers check tls13_cpu_has(TLS13_CPU_BMI2 | TLS13_CPU_ADX) and
 * compile with TLS13_TARGET("bmi2,adx") so these inline into them. (gcc 12
 * turns the carry intrinsics into one adc chain, not the two interleaved
 * adcx/adox chains hand-written assembly uses; that bounds the speed-up.)
 *
 * Elements are any 256-bit value, i.e. kept mod 2p rather than mod p
 * (2^256 = 38 mod p folds carries back): every operation accepts every input
 * and no bounds need tracking. Only tobytes reduces to the canonical residue.
 * Nothing here branches on or indexes memory by limb values.
 */
#ifndef TLS13_CRYPTO_FE25519_64_H
#define TLS13_CRYPTO_FE25519_64_H

#include "../base/cpu.h"

#ifdef TLS13_X86_64
#include <immintrin.h>
#include <stdint.h>

#include "../base/bytes.h"

typedef unsigned long long tls13_u64x; /* the intrinsics' own word type */

typedef struct tls13_fe64 {
    tls13_u64x l[4];
} tls13_fe64;

#define TLS13_FE64_TARGET TLS13_TARGET("bmi2,adx")
/* Forced inline into the ladder: gcc -O2 otherwise calls mul and sq, and
 * inlining measured ~9% faster. */
#define TLS13_FE64_INLINE static inline TLS13_FE64_TARGET __attribute__((always_inline))

/* h = lo + 38 hi (mod p, as 2^256 = 38), for a 512-bit t = lo + 2^256 hi. */
TLS13_FE64_INLINE void tls13_fe64_fold(tls13_fe64 *h, const tls13_u64x t[8])
{
    tls13_u64x hi0, hi1, hi2, hi3, lo0, lo1, lo2, lo3, r0, r1, r2, r3, top;
    unsigned char c;
    /* 38 t[4..7] as five words: lo* + (hi* << 64) */
    lo0 = _mulx_u64(t[4], 38, &hi0);
    lo1 = _mulx_u64(t[5], 38, &hi1);
    lo2 = _mulx_u64(t[6], 38, &hi2);
    lo3 = _mulx_u64(t[7], 38, &hi3);
    c = _addcarryx_u64(0, lo1, hi0, &lo1);
    c = _addcarryx_u64(c, lo2, hi1, &lo2);
    c = _addcarryx_u64(c, lo3, hi2, &lo3);
    top = hi3 + c;
    c = _addcarryx_u64(0, t[0], lo0, &r0);
    c = _addcarryx_u64(c, t[1], lo1, &r1);
    c = _addcarryx_u64(c, t[2], lo2, &r2);
    c = _addcarryx_u64(c, t[3], lo3, &r3);
    top += c; /* < 39: fold it once more, 38 top < 2^11 */
    c = _addcarryx_u64(0, r0, top * 38, &r0);
    c = _addcarryx_u64(c, r1, 0, &r1);
    c = _addcarryx_u64(c, r2, 0, &r2);
    c = _addcarryx_u64(c, r3, 0, &r3);
    /* A last carry leaves r0 < 2^11, so adding 38 cannot carry again. */
    h->l[0] = r0 + 38 * (tls13_u64x)c;
    h->l[1] = r1;
    h->l[2] = r2;
    h->l[3] = r3;
}

/* (c0, c1, c2) += a b: product scanning keeps a three-word column sum, so
 * few values are live at once and the compiler keeps them in registers. */
#define TLS13_FE64_MAC3(a, b, c0, c1, c2)                     \
    do {                                                       \
        tls13_u64x lo_, hi_;                                   \
        unsigned char k_;                                      \
        lo_ = _mulx_u64(a, b, &hi_);                           \
        k_ = _addcarryx_u64(0, c0, lo_, &c0);                  \
        k_ = _addcarryx_u64(k_, c1, hi_, &c1);                 \
        c2 += k_;                                              \
    } while (0)

/* Schoolbook product column by column, then the fold. */
TLS13_FE64_INLINE void tls13_fe64_mul(tls13_fe64 *h, const tls13_fe64 *f, const tls13_fe64 *g)
{
    const tls13_u64x a0 = f->l[0], a1 = f->l[1], a2 = f->l[2], a3 = f->l[3];
    const tls13_u64x b0 = g->l[0], b1 = g->l[1], b2 = g->l[2], b3 = g->l[3];
    tls13_u64x t[8], c0 = 0, c1 = 0, c2 = 0;
    TLS13_FE64_MAC3(a0, b0, c0, c1, c2);
    t[0] = c0; c0 = c1; c1 = c2; c2 = 0;
    TLS13_FE64_MAC3(a0, b1, c0, c1, c2);
    TLS13_FE64_MAC3(a1, b0, c0, c1, c2);
    t[1] = c0; c0 = c1; c1 = c2; c2 = 0;
    TLS13_FE64_MAC3(a0, b2, c0, c1, c2);
    TLS13_FE64_MAC3(a1, b1, c0, c1, c2);
    TLS13_FE64_MAC3(a2, b0, c0, c1, c2);
    t[2] = c0; c0 = c1; c1 = c2; c2 = 0;
    TLS13_FE64_MAC3(a0, b3, c0, c1, c2);
    TLS13_FE64_MAC3(a1, b2, c0, c1, c2);
    TLS13_FE64_MAC3(a2, b1, c0, c1, c2);
    TLS13_FE64_MAC3(a3, b0, c0, c1, c2);
    t[3] = c0; c0 = c1; c1 = c2; c2 = 0;
    TLS13_FE64_MAC3(a1, b3, c0, c1, c2);
    TLS13_FE64_MAC3(a2, b2, c0, c1, c2);
    TLS13_FE64_MAC3(a3, b1, c0, c1, c2);
    t[4] = c0; c0 = c1; c1 = c2; c2 = 0;
    TLS13_FE64_MAC3(a2, b3, c0, c1, c2);
    TLS13_FE64_MAC3(a3, b2, c0, c1, c2);
    t[5] = c0; c0 = c1; c1 = c2;
    TLS13_FE64_MAC3(a3, b3, c0, c1, c2);
    t[6] = c0;
    t[7] = c1;
    tls13_fe64_fold(h, t);
}

/* Squaring: the six cross products once, doubled, plus the four squares. */
TLS13_FE64_INLINE void tls13_fe64_sq(tls13_fe64 *h, const tls13_fe64 *f)
{
    const tls13_u64x a0 = f->l[0], a1 = f->l[1], a2 = f->l[2], a3 = f->l[3];
    tls13_u64x t[8], c0, c1, c2, s0, s1, s2, s3, s4, s5, s6, s7;
    unsigned char k;
    /* cross = sum a_i a_j 2^(64(i+j)), i < j, in t[1..6], by columns */
    c0 = 0; c1 = 0; c2 = 0;
    TLS13_FE64_MAC3(a0, a1, c0, c1, c2);
    t[1] = c0; c0 = c1; c1 = c2; c2 = 0;
    TLS13_FE64_MAC3(a0, a2, c0, c1, c2);
    t[2] = c0; c0 = c1; c1 = c2; c2 = 0;
    TLS13_FE64_MAC3(a0, a3, c0, c1, c2);
    TLS13_FE64_MAC3(a1, a2, c0, c1, c2);
    t[3] = c0; c0 = c1; c1 = c2; c2 = 0;
    TLS13_FE64_MAC3(a1, a3, c0, c1, c2);
    t[4] = c0; c0 = c1; c1 = c2;
    TLS13_FE64_MAC3(a2, a3, c0, c1, c2);
    t[5] = c0;
    t[6] = c1;
    /* doubled */
    t[7] = t[6] >> 63;
    t[6] = (t[6] << 1) | (t[5] >> 63);
    t[5] = (t[5] << 1) | (t[4] >> 63);
    t[4] = (t[4] << 1) | (t[3] >> 63);
    t[3] = (t[3] << 1) | (t[2] >> 63);
    t[2] = (t[2] << 1) | (t[1] >> 63);
    t[1] <<= 1;
    /* plus the squares on the diagonal */
    s0 = _mulx_u64(a0, a0, &s1);
    s2 = _mulx_u64(a1, a1, &s3);
    s4 = _mulx_u64(a2, a2, &s5);
    s6 = _mulx_u64(a3, a3, &s7);
    t[0] = s0;
    k = _addcarryx_u64(0, t[1], s1, &t[1]);
    k = _addcarryx_u64(k, t[2], s2, &t[2]);
    k = _addcarryx_u64(k, t[3], s3, &t[3]);
    k = _addcarryx_u64(k, t[4], s4, &t[4]);
    k = _addcarryx_u64(k, t[5], s5, &t[5]);
    k = _addcarryx_u64(k, t[6], s6, &t[6]);
    _addcarryx_u64(k, t[7], s7, &t[7]);
    tls13_fe64_fold(h, t);
}

/* h = f * n for a small constant n < 2^32. */
TLS13_FE64_INLINE void tls13_fe64_mul_small(tls13_fe64 *h, const tls13_fe64 *f, uint32_t n)
{
    tls13_u64x lo[4], hi[4], top;
    unsigned char c;
    lo[0] = _mulx_u64(f->l[0], n, &hi[0]);
    lo[1] = _mulx_u64(f->l[1], n, &hi[1]);
    lo[2] = _mulx_u64(f->l[2], n, &hi[2]);
    lo[3] = _mulx_u64(f->l[3], n, &hi[3]);
    c = _addcarryx_u64(0, lo[1], hi[0], &lo[1]);
    c = _addcarryx_u64(c, lo[2], hi[1], &lo[2]);
    c = _addcarryx_u64(c, lo[3], hi[2], &lo[3]);
    top = hi[3] + c; /* < 2^32 */
    c = _addcarryx_u64(0, lo[0], top * 38, &lo[0]);
    c = _addcarryx_u64(c, lo[1], 0, &lo[1]);
    c = _addcarryx_u64(c, lo[2], 0, &lo[2]);
    c = _addcarryx_u64(c, lo[3], 0, &lo[3]);
    h->l[0] = lo[0] + 38 * (tls13_u64x)c; /* after a carry lo[0] < 2^38 */
    h->l[1] = lo[1];
    h->l[2] = lo[2];
    h->l[3] = lo[3];
}

TLS13_FE64_INLINE void tls13_fe64_add(tls13_fe64 *h, const tls13_fe64 *f, const tls13_fe64 *g)
{
    tls13_u64x r0, r1, r2, r3;
    unsigned char c;
    c = _addcarryx_u64(0, f->l[0], g->l[0], &r0);
    c = _addcarryx_u64(c, f->l[1], g->l[1], &r1);
    c = _addcarryx_u64(c, f->l[2], g->l[2], &r2);
    c = _addcarryx_u64(c, f->l[3], g->l[3], &r3);
    /* 2^256 = 38: add 38 per carry; a second carry leaves r0 < 38. */
    c = _addcarryx_u64(0, r0, ((tls13_u64x)0 - c) & 38, &r0);
    c = _addcarryx_u64(c, r1, 0, &r1);
    c = _addcarryx_u64(c, r2, 0, &r2);
    c = _addcarryx_u64(c, r3, 0, &r3);
    h->l[0] = r0 + (((tls13_u64x)0 - c) & 38);
    h->l[1] = r1;
    h->l[2] = r2;
    h->l[3] = r3;
}

TLS13_FE64_INLINE void tls13_fe64_sub(tls13_fe64 *h, const tls13_fe64 *f, const tls13_fe64 *g)
{
    tls13_u64x r0, r1, r2, r3;
    unsigned char b;
    b = _subborrow_u64(0, f->l[0], g->l[0], &r0);
    b = _subborrow_u64(b, f->l[1], g->l[1], &r1);
    b = _subborrow_u64(b, f->l[2], g->l[2], &r2);
    b = _subborrow_u64(b, f->l[3], g->l[3], &r3);
    /* A borrow wrapped 2^256 = 38 too many in: take 38 out; a second
     * borrow leaves r0 > 2^64 - 38, so taking 38 again cannot borrow. */
    b = _subborrow_u64(0, r0, ((tls13_u64x)0 - b) & 38, &r0);
    b = _subborrow_u64(b, r1, 0, &r1);
    b = _subborrow_u64(b, r2, 0, &r2);
    b = _subborrow_u64(b, r3, 0, &r3);
    h->l[0] = r0 - (((tls13_u64x)0 - b) & 38);
    h->l[1] = r1;
    h->l[2] = r2;
    h->l[3] = r3;
}

TLS13_FE64_INLINE void tls13_fe64_frombytes(tls13_fe64 *h, const uint8_t s[32])
{
    for (int i = 0; i < 4; i++)
        h->l[i] = tls13_load_le64(s + 8 * i);
    h->l[3] &= 0x7fffffffffffffffULL; /* bit 255 ignored (RFC 7748 section 5) */
}

TLS13_FE64_INLINE void tls13_fe64_tobytes(uint8_t s[32], const tls13_fe64 *f)
{
    tls13_u64x r[4], t[4], top;
    unsigned char c;
    /* f < 2^256: fold bit 255 (2^255 = 19) to get r < 2^255 + 19 < 2p. */
    top = f->l[3] >> 63;
    c = _addcarryx_u64(0, f->l[0], 19 * top, &r[0]);
    c = _addcarryx_u64(c, f->l[1], 0, &r[1]);
    c = _addcarryx_u64(c, f->l[2], 0, &r[2]);
    _addcarryx_u64(c, f->l[3] & 0x7fffffffffffffffULL, 0, &r[3]);
    /* r >= p exactly when r + 19 has bit 255 set; then r - p = r + 19 - 2^255. */
    c = _addcarryx_u64(0, r[0], 19, &t[0]);
    c = _addcarryx_u64(c, r[1], 0, &t[1]);
    c = _addcarryx_u64(c, r[2], 0, &t[2]);
    _addcarryx_u64(c, r[3], 0, &t[3]);
    top = (tls13_u64x)0 - (t[3] >> 63); /* all-ones when r >= p */
    t[3] &= 0x7fffffffffffffffULL;
    for (int i = 0; i < 4; i++)
        tls13_store_le64(s + 8 * i, (t[i] & top) | (r[i] & ~top));
}

TLS13_FE64_INLINE void tls13_fe64_set_u32(tls13_fe64 *h, uint32_t v)
{
    h->l[0] = v; h->l[1] = 0; h->l[2] = 0; h->l[3] = 0;
}

TLS13_FE64_INLINE void tls13_fe64_cswap(tls13_fe64 *f, tls13_fe64 *g, unsigned bit)
{
    const tls13_u64x mask = (tls13_u64x)0 - bit;
    tls13_u64x x0 = mask & (f->l[0] ^ g->l[0]), x1 = mask & (f->l[1] ^ g->l[1]), x2 = mask & (f->l[2] ^ g->l[2]),
               x3 = mask & (f->l[3] ^ g->l[3]);
    f->l[0] ^= x0; f->l[1] ^= x1; f->l[2] ^= x2; f->l[3] ^= x3;
    g->l[0] ^= x0; g->l[1] ^= x1; g->l[2] ^= x2; g->l[3] ^= x3;
}

#endif /* TLS13_X86_64 */
#endif
