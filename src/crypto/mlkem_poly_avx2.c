/*
 * AVX2 versions of the ML-KEM NTT, NTT^-1 and NTT-domain products: sixteen
 * 16-bit coefficients per vector. The NTTs compute exactly what the portable
 * code computes (the same Montgomery and Barrett steps, lane by lane); the
 * products give the same values modulo q, with the bounds promised in
 * mlkem_poly.h. Chosen at run time by mlkem_poly.c.
 */
#include "mlkem_poly_avx2.h"

#ifdef TLS13_X86_64
#include <immintrin.h>

#define Q TLS13_MLKEM_Q

typedef __m256i vec;

/* Montgomery product a b 2^-16 per lane, with b_qinv = b q^-1 mod 2^16:
 * the high half of a b minus the high half of (a b q^-1 mod 2^16) q, which
 * is what tls13_mlkem_montgomery_reduce computes. */
TLS13_TARGET("avx2") static inline vec mont_mul(vec a, vec b, vec b_qinv)
{
    vec m = _mm256_mullo_epi16(a, b_qinv);
    return _mm256_sub_epi16(_mm256_mulhi_epi16(a, b), _mm256_mulhi_epi16(m, _mm256_set1_epi16(Q)));
}

TLS13_TARGET("avx2") static inline vec qinv_of(vec b)
{
    return _mm256_mullo_epi16(b, _mm256_set1_epi16((int16_t)TLS13_MLKEM_Q_INV));
}

/* a - round(a / q) q, as tls13_mlkem_barrett_reduce: the high half of
 * a * 20159 then (+ 2^9) >> 10 is floor((a * 20159 + 2^25) / 2^26). */
TLS13_TARGET("avx2") static inline vec barrett(vec a)
{
    vec t = _mm256_mulhi_epi16(a, _mm256_set1_epi16(20159));
    t = _mm256_srai_epi16(_mm256_add_epi16(t, _mm256_set1_epi16(512)), 10);
    return _mm256_sub_epi16(a, _mm256_mullo_epi16(t, _mm256_set1_epi16(Q)));
}

/* Cooley-Tukey butterfly (Algorithm 9, steps 8-10) on lo, hi. */
TLS13_TARGET("avx2") static inline void ct_butterfly(vec *lo, vec *hi, vec z)
{
    vec t = mont_mul(*hi, z, qinv_of(z));
    *hi = _mm256_sub_epi16(*lo, t);
    *lo = _mm256_add_epi16(*lo, t);
}

/* Gentleman-Sande butterfly (Algorithm 10, steps 8-10) on lo, hi. */
TLS13_TARGET("avx2") static inline void gs_butterfly(vec *lo, vec *hi, vec z)
{
    vec t = *lo;
    *lo = barrett(_mm256_add_epi16(t, *hi));
    *hi = mont_mul(_mm256_sub_epi16(*hi, t), z, qinv_of(z));
}

static inline int64_t rep4(int16_t z)
{
    return (int64_t)((uint64_t)(uint16_t)z * 0x0001000100010001u);
}

static inline int32_t rep2(int16_t z)
{
    return (int32_t)((uint32_t)(uint16_t)z * 0x00010001u);
}

/*
 * The layers with len = 8, 4, 2 pair coefficients inside one vector. Each
 * works on 32 coefficients A = f[32g..], B = f[32g+16..] split into lo and
 * hi halves of its butterflies, with zetas laid out to match:
 *   len 8: lo = [A0-7 | B0-7]           blocks (2g, 2g+1) of 16 coefficients
 *   len 4: lo = [A0-3 B0-3 | A8-11 B8-11] blocks of 8: A 4g, 4g+1; B 4g+2, 4g+3
 *   len 2: lo = [A0-1 A4-5 B0-1 B4-5 | A8-9 A12-13 B8-9 B12-13] blocks of 4
 * first_zeta is the zeta index of the layer's block 0; step is +1 for the
 * NTT and -1 for NTT^-1 (whose zetas run backwards).
 */
typedef enum { SPLIT8, SPLIT4, SPLIT2 } split_kind;

TLS13_TARGET("avx2") static void split(split_kind kind, vec a, vec b, vec *lo, vec *hi)
{
    switch (kind) {
    case SPLIT8:
        *lo = _mm256_permute2x128_si256(a, b, 0x20);
        *hi = _mm256_permute2x128_si256(a, b, 0x31);
        break;
    case SPLIT4:
        *lo = _mm256_unpacklo_epi64(a, b);
        *hi = _mm256_unpackhi_epi64(a, b);
        break;
    case SPLIT2:
        /* dwords 0 2 1 3 in each lane, then as SPLIT4 */
        a = _mm256_shuffle_epi32(a, 0xd8);
        b = _mm256_shuffle_epi32(b, 0xd8);
        *lo = _mm256_unpacklo_epi64(a, b);
        *hi = _mm256_unpackhi_epi64(a, b);
        break;
    }
}

TLS13_TARGET("avx2") static void join(split_kind kind, vec lo, vec hi, vec *a, vec *b)
{
    switch (kind) {
    case SPLIT8:
        *a = _mm256_permute2x128_si256(lo, hi, 0x20);
        *b = _mm256_permute2x128_si256(lo, hi, 0x31);
        break;
    case SPLIT4:
        *a = _mm256_unpacklo_epi64(lo, hi);
        *b = _mm256_unpackhi_epi64(lo, hi);
        break;
    case SPLIT2:
        *a = _mm256_shuffle_epi32(_mm256_unpacklo_epi64(lo, hi), 0xd8);
        *b = _mm256_shuffle_epi32(_mm256_unpackhi_epi64(lo, hi), 0xd8);
        break;
    }
}

/* The zetas for lo's lanes, for group g of a layer whose block b uses
 * zeta index first + step * b. */
TLS13_TARGET("avx2") static vec split_zetas(split_kind kind, size_t g, size_t first, int step)
{
    const int16_t *z = tls13_mlkem_zetas;
#define ZETA(block) z[(size_t)((ptrdiff_t)first + step * (ptrdiff_t)(block))]
    switch (kind) {
    case SPLIT8:
        return _mm256_setr_m128i(_mm_set1_epi16(ZETA(2 * g)), _mm_set1_epi16(ZETA(2 * g + 1)));
    case SPLIT4:
        return _mm256_setr_epi64x(rep4(ZETA(4 * g)), rep4(ZETA(4 * g + 2)), rep4(ZETA(4 * g + 1)), rep4(ZETA(4 * g + 3)));
    default:
        return _mm256_setr_epi32(rep2(ZETA(8 * g)), rep2(ZETA(8 * g + 1)), rep2(ZETA(8 * g + 4)), rep2(ZETA(8 * g + 5)),
                                 rep2(ZETA(8 * g + 2)), rep2(ZETA(8 * g + 3)), rep2(ZETA(8 * g + 6)), rep2(ZETA(8 * g + 7)));
    }
#undef ZETA
}

/* A layer with len >= 16: whole vectors on both sides of each butterfly. */
TLS13_TARGET("avx2") static void wide_layer(int16_t *f, size_t len, int inverse)
{
    size_t first = inverse ? 256 / len - 1 : 128 / len;
    for (size_t block = 0; block < 128 / len; block++) {
        vec z = _mm256_set1_epi16(tls13_mlkem_zetas[inverse ? first - block : first + block]);
        int16_t *lo = f + 2 * len * block, *hi = lo + len;
        for (size_t j = 0; j < len; j += 16) {
            vec l = _mm256_loadu_si256((const vec *)(lo + j)), h = _mm256_loadu_si256((const vec *)(hi + j));
            if (inverse)
                gs_butterfly(&l, &h, z);
            else
                ct_butterfly(&l, &h, z);
            _mm256_storeu_si256((vec *)(lo + j), l);
            _mm256_storeu_si256((vec *)(hi + j), h);
        }
    }
}

TLS13_TARGET("avx2") static void narrow_layer(int16_t *f, split_kind kind, size_t len, int inverse)
{
    size_t first = inverse ? 256 / len - 1 : 128 / len;
    for (size_t g = 0; g < 8; g++) {
        vec a = _mm256_loadu_si256((const vec *)(f + 32 * g)), b = _mm256_loadu_si256((const vec *)(f + 32 * g + 16));
        vec lo, hi, z = split_zetas(kind, g, first, inverse ? -1 : 1);
        split(kind, a, b, &lo, &hi);
        if (inverse)
            gs_butterfly(&lo, &hi, z);
        else
            ct_butterfly(&lo, &hi, z);
        join(kind, lo, hi, &a, &b);
        _mm256_storeu_si256((vec *)(f + 32 * g), a);
        _mm256_storeu_si256((vec *)(f + 32 * g + 16), b);
    }
}

TLS13_TARGET("avx2") static void map_all(int16_t *f, vec scale, int use_scale)
{
    for (size_t j = 0; j < TLS13_MLKEM_N; j += 16) {
        vec v = _mm256_loadu_si256((const vec *)(f + j));
        v = use_scale ? mont_mul(v, scale, qinv_of(scale)) : barrett(v);
        _mm256_storeu_si256((vec *)(f + j), v);
    }
}

TLS13_TARGET("avx2") void tls13_mlkem_poly_ntt_avx2(tls13_mlkem_poly *p)
{
    for (size_t len = 128; len >= 16; len /= 2)
        wide_layer(p->c, len, 0);
    narrow_layer(p->c, SPLIT8, 8, 0);
    narrow_layer(p->c, SPLIT4, 4, 0);
    narrow_layer(p->c, SPLIT2, 2, 0);
    map_all(p->c, _mm256_setzero_si256(), 0);
}

TLS13_TARGET("avx2") void tls13_mlkem_poly_invntt_avx2(tls13_mlkem_poly *p)
{
    narrow_layer(p->c, SPLIT2, 2, 1);
    narrow_layer(p->c, SPLIT4, 4, 1);
    narrow_layer(p->c, SPLIT8, 8, 1);
    for (size_t len = 16; len <= 128; len *= 2)
        wide_layer(p->c, len, 1);
    map_all(p->c, _mm256_set1_epi16(TLS13_MLKEM_INVNTT_SCALE), 1);
}

/* Sixteen coefficients are four groups of two pairs (a0, a1) sharing
 * zetas[64 + group] as +gamma and -gamma (see tls13_mlkem_poly_dot). Per
 * lane: p = a b 2^-16 and s = a swap(b) 2^-16 give
 *   c0 = p_even + (p_odd gamma) 2^-16 (gamma in Montgomery form) and
 *   c1 = s_even + s_odd,
 * each below 2q; three of each sum to less than 2^15, and a final Barrett
 * reduction brings them into (-q, q). */
TLS13_TARGET("avx2") void tls13_mlkem_poly_dot_avx2(tls13_mlkem_poly *r, const tls13_mlkem_poly *a,
                                                     const tls13_mlkem_poly *b, size_t k)
{
    const vec swap_pairs = _mm256_setr_epi8(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13,
                                            2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13);
    for (size_t v = 0; v < TLS13_MLKEM_N / 16; v++) {
        const int16_t *z = tls13_mlkem_zetas + 64 + 4 * v;
        /* gamma in the odd lanes: +z, -z per group of four coefficients. */
        vec gamma = _mm256_setr_epi16(0, z[0], 0, (int16_t)-z[0], 0, z[1], 0, (int16_t)-z[1],
                                      0, z[2], 0, (int16_t)-z[2], 0, z[3], 0, (int16_t)-z[3]);
        vec gamma_qinv = qinv_of(gamma), acc = _mm256_setzero_si256();
        for (size_t m = 0; m < k; m++) {
            vec x = _mm256_loadu_si256((const vec *)(a[m].c + 16 * v));
            vec y = _mm256_loadu_si256((const vec *)(b[m].c + 16 * v));
            vec p = mont_mul(x, y, qinv_of(y));
            vec ys = _mm256_shuffle_epi8(y, swap_pairs);
            vec s = mont_mul(x, ys, qinv_of(ys));
            vec pg = mont_mul(p, gamma, gamma_qinv);
            /* even lanes: p + (pg moved down); odd lanes: s + (s moved up). */
            vec c0 = _mm256_add_epi16(p, _mm256_srli_epi32(pg, 16));
            vec c1 = _mm256_add_epi16(s, _mm256_slli_epi32(s, 16));
            acc = _mm256_add_epi16(acc, _mm256_blend_epi16(c0, c1, 0xAA));
        }
        _mm256_storeu_si256((vec *)(r->c + 16 * v), barrett(acc));
    }
}

#endif
