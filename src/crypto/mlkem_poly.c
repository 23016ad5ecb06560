#include "mlkem_poly.h"

#include <string.h>

#include "base/bytes.h"
#include "base/cpu.h"
#include "base/mem.h"
#include "keccak_x4.h"
#include "mlkem_poly_avx2.h"
#include "sha3.h"

#define Q TLS13_MLKEM_Q
/* 2^32 mod q, multiplies by 2^16 through a Montgomery reduction. */
#define MONT_R2 1353

/* zeta^BitRev7(i) * 2^16 mod q for zeta = 17 (section 4.3), centred, so that
 * a Montgomery multiplication by an entry multiplies by zeta^BitRev7(i). */
const int16_t tls13_mlkem_zetas[128] = {
    -1044, -758, -359, -1517, 1493, 1422, 287, 202,
    -171, 622, 1577, 182, 962, -1202, -1474, 1468,
    573, -1325, 264, 383, -829, 1458, -1602, -130,
    -681, 1017, 732, 608, -1542, 411, -205, -1571,
    1223, 652, -552, 1015, -1293, 1491, -282, -1544,
    516, -8, -320, -666, -1618, -1162, 126, 1469,
    -853, -90, -271, 830, 107, -1421, -247, -951,
    -398, 961, -1508, -725, 448, -1065, 677, -1275,
    -1103, 430, 555, 843, -1251, 871, 1550, 105,
    422, 587, 177, -235, -291, -460, 1574, 1653,
    -246, 778, 1159, -147, -777, 1483, -602, 1119,
    -1590, 644, -872, 349, 418, 329, -156, -75,
    817, 1097, 603, 610, 1322, -1285, -1465, 384,
    -1215, -136, 1218, -1335, -874, 220, -1187, -1659,
    -1185, -1530, -1278, 794, -1510, -854, -870, 478,
    -108, -308, 996, 991, 958, -1460, 1522, 1628,
};

/* C99 leaves the right shift of a negative value and the conversion of an
 * out-of-range value to int16_t implementation-defined; gcc and clang (the
 * supported compilers) shift arithmetically and convert modulo 2^16. */
int16_t tls13_mlkem_montgomery_reduce(int32_t a)
{
    /* t = a * q^-1 mod 2^16, so a - t * q is divisible by 2^16. */
    int16_t t = (int16_t)(uint16_t)((uint32_t)a * TLS13_MLKEM_Q_INV);
    return (int16_t)((a - (int32_t)t * Q) >> 16);
}

int16_t tls13_mlkem_barrett_reduce(int16_t a)
{
    /* t = floor((a * 20159 + 2^25) / 2^26) ~ round(a / q), with 20159 =
     * round(2^26 / q), computed as the high half of a * 20159, then
     * (+ 2^9) >> 10 (the same value: nested floors), a form compilers turn
     * into SIMD multiply-high instructions. */
    int16_t hi = (int16_t)(((int32_t)a * 20159) >> 16);
    int16_t t = (int16_t)((hi + 512) >> 10);
    return (int16_t)(a - t * Q);
}

/* a b 2^-16 mod q, the Montgomery reduction of a b written with the high
 * and low halves of 16 x 16-bit products: (a b - m q) / 2^16 is the high
 * half of a b minus the high half of m q, as their low halves are equal.
 * The same value as tls13_mlkem_montgomery_reduce(a * b), in a form
 * compilers turn into SIMD multiply-high instructions. */
static inline int16_t fqmul(int16_t a, int16_t b)
{
    int32_t ab = (int32_t)a * b;
    int16_t m = (int16_t)((int16_t)ab * (int16_t)TLS13_MLKEM_Q_INV);
    return (int16_t)((ab >> 16) - (((int32_t)m * TLS13_MLKEM_Q) >> 16));
}

/* One layer of the NTT's butterflies (Algorithm 9, steps 5-10). Called with
 * a constant len so that, once inlined, every loop has a known trip count
 * and the compiler can vectorise it. */
static inline void ntt_layer(int16_t *f, size_t len, size_t *k)
{
    for (size_t start = 0; start < TLS13_MLKEM_N; start += 2 * len) {
        int16_t zeta = tls13_mlkem_zetas[(*k)++];
        int16_t *lo = f + start, *hi = f + start + len;
        for (size_t j = 0; j < len; j++) {
            int16_t t = fqmul(zeta, hi[j]);
            hi[j] = (int16_t)(lo[j] - t);
            lo[j] = (int16_t)(lo[j] + t);
        }
    }
}

static void ntt_portable(tls13_mlkem_poly *p)
{
    size_t k = 1;
    /* Each layer grows the bound by q: after 7 layers |f| < 8q < 2^15. */
    ntt_layer(p->c, 128, &k);
    ntt_layer(p->c, 64, &k);
    ntt_layer(p->c, 32, &k);
    ntt_layer(p->c, 16, &k);
    ntt_layer(p->c, 8, &k);
    ntt_layer(p->c, 4, &k);
    ntt_layer(p->c, 2, &k);
    for (size_t j = 0; j < TLS13_MLKEM_N; j++)
        p->c[j] = tls13_mlkem_barrett_reduce(p->c[j]);
}

/* One layer of NTT^-1 (Algorithm 10, steps 5-10). The sum is reduced at
 * once so every input stays below q and the difference below 2q. */
static inline void invntt_layer(int16_t *f, size_t len, size_t *k)
{
    for (size_t start = 0; start < TLS13_MLKEM_N; start += 2 * len) {
        int16_t zeta = tls13_mlkem_zetas[(*k)--];
        int16_t *lo = f + start, *hi = f + start + len;
        for (size_t j = 0; j < len; j++) {
            int16_t t = lo[j];
            lo[j] = tls13_mlkem_barrett_reduce((int16_t)(t + hi[j]));
            hi[j] = fqmul(zeta, (int16_t)(hi[j] - t));
        }
    }
}

static void invntt_portable(tls13_mlkem_poly *p)
{
    size_t k = 127;
    invntt_layer(p->c, 2, &k);
    invntt_layer(p->c, 4, &k);
    invntt_layer(p->c, 8, &k);
    invntt_layer(p->c, 16, &k);
    invntt_layer(p->c, 32, &k);
    invntt_layer(p->c, 64, &k);
    invntt_layer(p->c, 128, &k);
    for (size_t j = 0; j < TLS13_MLKEM_N; j++)
        p->c[j] = fqmul(p->c[j], TLS13_MLKEM_INVNTT_SCALE);
}

static void dot_portable(tls13_mlkem_poly *r, const tls13_mlkem_poly *a, const tls13_mlkem_poly *b, size_t k)
{
    /* Pair i is a0 + a1 X modulo X^2 - gamma_i with gamma_i =
     * zeta^(2 BitRev7(i) + 1) (Algorithm 12): gamma_{2i} = zetas[64 + i] and
     * gamma_{2i+1} = -zetas[64 + i], so four coefficients share one table
     * entry. The sums over k stay below 3 * 2 * 4096^2 < q * 2^15, so one
     * Montgomery reduction per output suffices. */
    int32_t acc[TLS13_MLKEM_N] = {0};
    for (size_t m = 0; m < k; m++) {
        const int16_t *x = a[m].c, *y = b[m].c;
        for (size_t i = 0; i < TLS13_MLKEM_N; i += 4) {
            int32_t zeta = tls13_mlkem_zetas[64 + i / 4];
            /* a1 b1 2^-16 times gamma 2^16 is a1 b1 gamma, as the final
             * reduction expects. */
            int32_t hi0 = tls13_mlkem_montgomery_reduce((int32_t)x[i + 1] * y[i + 1]);
            int32_t hi1 = tls13_mlkem_montgomery_reduce((int32_t)x[i + 3] * y[i + 3]);
            acc[i] += (int32_t)x[i] * y[i] + hi0 * zeta;
            acc[i + 1] += (int32_t)x[i] * y[i + 1] + (int32_t)x[i + 1] * y[i];
            acc[i + 2] += (int32_t)x[i + 2] * y[i + 2] - hi1 * zeta;
            acc[i + 3] += (int32_t)x[i + 2] * y[i + 3] + (int32_t)x[i + 3] * y[i + 2];
        }
    }
    for (size_t i = 0; i < TLS13_MLKEM_N; i++)
        r->c[i] = tls13_mlkem_montgomery_reduce(acc[i]);
}

/* The AVX2 kernels when the CPU has AVX2 (and TLS13_FORCE_PORTABLE is not
 * set); the tests run both. */
void tls13_mlkem_poly_ntt(tls13_mlkem_poly *p)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_AVX2)) {
        tls13_mlkem_poly_ntt_avx2(p);
        return;
    }
#endif
    ntt_portable(p);
}

void tls13_mlkem_poly_invntt(tls13_mlkem_poly *p)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_AVX2)) {
        tls13_mlkem_poly_invntt_avx2(p);
        return;
    }
#endif
    invntt_portable(p);
}

void tls13_mlkem_poly_dot(tls13_mlkem_poly *r, const tls13_mlkem_poly *a, const tls13_mlkem_poly *b, size_t k)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_AVX2)) {
        tls13_mlkem_poly_dot_avx2(r, a, b, k);
        return;
    }
#endif
    dot_portable(r, a, b, k);
}

void tls13_mlkem_poly_tomont(tls13_mlkem_poly *p)
{
    for (size_t j = 0; j < TLS13_MLKEM_N; j++)
        p->c[j] = fqmul(p->c[j], MONT_R2);
}

void tls13_mlkem_poly_add(tls13_mlkem_poly *r, const tls13_mlkem_poly *a, const tls13_mlkem_poly *b)
{
    for (size_t j = 0; j < TLS13_MLKEM_N; j++)
        r->c[j] = (int16_t)(a->c[j] + b->c[j]);
}

void tls13_mlkem_poly_sub(tls13_mlkem_poly *r, const tls13_mlkem_poly *a, const tls13_mlkem_poly *b)
{
    for (size_t j = 0; j < TLS13_MLKEM_N; j++)
        r->c[j] = (int16_t)(a->c[j] - b->c[j]);
}

void tls13_mlkem_poly_canonical(tls13_mlkem_poly *p)
{
    for (size_t j = 0; j < TLS13_MLKEM_N; j++) {
        int16_t v = tls13_mlkem_barrett_reduce(p->c[j]);
        /* Add q where negative, by a mask from the sign bit. */
        p->c[j] = (int16_t)(v + ((int16_t)-(int16_t)((uint16_t)v >> 15) & Q));
    }
}

uint16_t tls13_mlkem_compress(uint16_t x, unsigned d)
{
    /* round(2^d x / q) = floor((2^d x + (q-1)/2) / q) for odd q, and the
     * division is a multiplication by ceil(2^32 / q) and a shift, exact for
     * every numerator below 2^11 q (checked exhaustively by the tests), so
     * no division instruction sees the secret. */
    uint64_t num = ((uint64_t)x << d) + (Q - 1) / 2;
    return (uint16_t)(((num * 1290168u) >> 32) & ((1u << d) - 1));
}

uint16_t tls13_mlkem_decompress(uint16_t y, unsigned d)
{
    /* round(q y / 2^d) */
    return (uint16_t)(((uint32_t)y * Q + (1u << (d - 1))) >> d);
}

/* ByteEncode_d / ByteDecode_d (Algorithms 5 and 6): coefficient i occupies
 * bits d*i .. d*i + d - 1 of the little-endian bit string. Groups of
 * 8 / gcd(8, d) coefficients fill whole bytes (at most 40 bits), so each
 * group goes through one 64-bit word. */
static inline void pack_bits_d(uint8_t *out, const uint16_t v[TLS13_MLKEM_N], unsigned d)
{
    unsigned per_group = d % 2 ? 8 : d % 4 ? 4 : d % 8 ? 2 : 1;
    for (size_t i = 0; i < TLS13_MLKEM_N; i += per_group) {
        uint64_t word = 0;
        for (unsigned c = 0; c < per_group; c++)
            word |= (uint64_t)v[i + c] << (d * c);
        for (unsigned b = 0; b < per_group * d / 8; b++)
            *out++ = (uint8_t)(word >> (8 * b));
    }
}

static inline void unpack_bits_d(uint16_t v[TLS13_MLKEM_N], const uint8_t *in, unsigned d)
{
    unsigned per_group = d % 2 ? 8 : d % 4 ? 4 : d % 8 ? 2 : 1;
    for (size_t i = 0; i < TLS13_MLKEM_N; i += per_group) {
        uint64_t word = 0;
        for (unsigned b = 0; b < per_group * d / 8; b++)
            word |= (uint64_t)*in++ << (8 * b);
        for (unsigned c = 0; c < per_group; c++)
            v[i + c] = (uint16_t)((word >> (d * c)) & ((1u << d) - 1));
    }
}

/* The same code, expanded by the compiler for each d that ML-KEM-768 uses
 * (constant loop bounds); other d take the general path, which holds for
 * every d whose groups fit 64 bits: 1..8, 10, 12. */
static void pack_bits(uint8_t *out, const uint16_t v[TLS13_MLKEM_N], unsigned d)
{
    switch (d) {
    case 1: pack_bits_d(out, v, 1); break;
    case 4: pack_bits_d(out, v, 4); break;
    case 10: pack_bits_d(out, v, 10); break;
    case 12: pack_bits_d(out, v, 12); break;
    default: pack_bits_d(out, v, d); break;
    }
}

static void unpack_bits(uint16_t v[TLS13_MLKEM_N], const uint8_t *in, unsigned d)
{
    switch (d) {
    case 1: unpack_bits_d(v, in, 1); break;
    case 4: unpack_bits_d(v, in, 4); break;
    case 10: unpack_bits_d(v, in, 10); break;
    case 12: unpack_bits_d(v, in, 12); break;
    default: unpack_bits_d(v, in, d); break;
    }
}

void tls13_mlkem_poly_compress(uint8_t *out, const tls13_mlkem_poly *p, unsigned d)
{
    uint16_t v[TLS13_MLKEM_N];
    for (size_t i = 0; i < TLS13_MLKEM_N; i++)
        v[i] = tls13_mlkem_compress((uint16_t)p->c[i], d);
    pack_bits(out, v, d);
    tls13_wipe(v, sizeof(v));
}

void tls13_mlkem_poly_decompress(tls13_mlkem_poly *p, const uint8_t *in, unsigned d)
{
    uint16_t v[TLS13_MLKEM_N];
    unpack_bits(v, in, d);
    for (size_t i = 0; i < TLS13_MLKEM_N; i++)
        p->c[i] = (int16_t)tls13_mlkem_decompress(v[i], d);
    tls13_wipe(v, sizeof(v));
}

void tls13_mlkem_poly_encode12(uint8_t out[TLS13_MLKEM_POLY_BYTES], const tls13_mlkem_poly *p)
{
    pack_bits(out, (const uint16_t *)p->c, 12);
}

uint32_t tls13_mlkem_poly_decode12(tls13_mlkem_poly *p, const uint8_t in[TLS13_MLKEM_POLY_BYTES])
{
    uint16_t v[TLS13_MLKEM_N];
    uint32_t all_below_q = UINT32_MAX;
    unpack_bits(v, in, 12);
    for (size_t i = 0; i < TLS13_MLKEM_N; i++) {
        /* v - q borrows (sets the top bit) exactly when v < q. */
        all_below_q &= (uint32_t)0 - (((uint32_t)v[i] - Q) >> 31);
        p->c[i] = (int16_t)v[i];
    }
    tls13_wipe(v, sizeof(v));
    return all_below_q;
}

/* SampleNTT's loop (Algorithm 7, steps 5-14) over len bytes of XOF output:
 * each three bytes give two 12-bit candidates, kept when below q, appended
 * to out[0..n) until there are 256. A candidate is stored and kept by
 * advancing n (A is public, but this avoids a mispredicted branch per
 * candidate); out has room for the one written past the end. */
static size_t reject_sample(int16_t out[TLS13_MLKEM_N + 1], size_t n, const uint8_t *buf, size_t len)
{
    for (size_t pos = 0; pos + 3 <= len && n < TLS13_MLKEM_N; pos += 3) {
        uint16_t d1 = (uint16_t)(buf[pos] | ((buf[pos + 1] & 0x0f) << 8));
        uint16_t d2 = (uint16_t)((buf[pos + 1] >> 4) | (buf[pos + 2] << 4));
        out[n] = (int16_t)d1;
        n += d1 < Q;
        out[n] = (int16_t)d2;
        n += d2 < Q;
    }
    return n;
}

/* Three SHAKE128 blocks give 336 candidates, enough for 256 accepted ones
 * with overwhelming probability; more blocks follow when not. */
#define SAMPLE_NTT_BLOCKS 3
#define XOF_INPUT 34   /* rho || j || i */

static void sample_ntt_one(tls13_mlkem_poly *p, const uint8_t rho[32], const uint8_t ji[2])
{
    uint8_t buf[SAMPLE_NTT_BLOCKS * TLS13_SHAKE128_RATE];
    int16_t out[TLS13_MLKEM_N + 1];
    tls13_sha3_ctx xof;
    size_t n;
    tls13_shake128_init(&xof);
    tls13_sha3_update(&xof, rho, 32);
    tls13_sha3_update(&xof, ji, 2);
    tls13_shake_squeeze(&xof, buf, sizeof(buf));
    n = reject_sample(out, 0, buf, sizeof(buf));
    while (n < TLS13_MLKEM_N) {
        tls13_shake_squeeze(&xof, buf, TLS13_SHAKE128_RATE);
        n = reject_sample(out, n, buf, TLS13_SHAKE128_RATE);
    }
    memcpy(p->c, out, sizeof(p->c));
}

/* Four entries at once with the four-way Keccak. */
static void sample_ntt_x4(tls13_mlkem_poly p[4], const uint8_t rho[32], const uint8_t ji[4][2])
{
    uint8_t in[4][XOF_INPUT], buf[4][SAMPLE_NTT_BLOCKS * TLS13_SHAKE128_RATE];
    int16_t out[4][TLS13_MLKEM_N + 1];
    const uint8_t *inputs[4];
    uint8_t *outputs[4];
    size_t n[4];
    tls13_keccak_x4 xof;
    int more;
    for (size_t s = 0; s < 4; s++) {
        memcpy(in[s], rho, 32);
        in[s][32] = ji[s][0];
        in[s][33] = ji[s][1];
        inputs[s] = in[s];
    }
    tls13_keccak_x4_absorb_block(&xof, TLS13_SHAKE128_RATE, TLS13_SHAKE_SUFFIX, inputs, XOF_INPUT);
    for (size_t b = 0; b < SAMPLE_NTT_BLOCKS; b++) {
        for (size_t s = 0; s < 4; s++)
            outputs[s] = buf[s] + b * TLS13_SHAKE128_RATE;
        tls13_keccak_x4_squeeze_block(&xof, TLS13_SHAKE128_RATE, outputs);
    }
    for (size_t s = 0; s < 4; s++)
        n[s] = reject_sample(out[s], 0, buf[s], sizeof(buf[s]));
    do {
        more = 0;
        for (size_t s = 0; s < 4; s++)
            more |= n[s] < TLS13_MLKEM_N;
        if (!more)
            break;
        for (size_t s = 0; s < 4; s++)
            outputs[s] = buf[s];
        tls13_keccak_x4_squeeze_block(&xof, TLS13_SHAKE128_RATE, outputs);
        for (size_t s = 0; s < 4; s++)
            n[s] = reject_sample(out[s], n[s], buf[s], TLS13_SHAKE128_RATE);
    } while (more);
    for (size_t s = 0; s < 4; s++)
        memcpy(p[s].c, out[s], sizeof(p[s].c));
}

void tls13_mlkem_poly_sample_ntt_many(tls13_mlkem_poly *p, size_t n, const uint8_t rho[32], const uint8_t ji[][2])
{
    size_t t = 0;
    for (; t + 4 <= n; t += 4)
        sample_ntt_x4(p + t, rho, ji + t);
    for (; t < n; t++)
        sample_ntt_one(p + t, rho, ji[t]);
}

/* SamplePolyCBD_2 (Algorithm 8, eta = 2) of 128 PRF bytes: each coefficient
 * is (x0 + x1) - (x2 + x3) of four consecutive bits. */
static void cbd2(tls13_mlkem_poly *p, const uint8_t buf[128])
{
    for (size_t w = 0; w < 128 / 4; w++) {
        uint32_t bits = tls13_load_le32(buf + 4 * w);
        /* Pairwise bit sums: each 2-bit field holds x_{2m} + x_{2m+1}. */
        uint32_t sums = (bits & 0x55555555u) + ((bits >> 1) & 0x55555555u);
        for (size_t m = 0; m < 8; m++) {
            int16_t a = (int16_t)((sums >> (4 * m)) & 3);
            int16_t b = (int16_t)((sums >> (4 * m + 2)) & 3);
            p->c[8 * w + m] = (int16_t)(a - b);
        }
    }
}

/* PRF_2(s, b) = SHAKE256(s || b, 128 bytes) (section 4.1). */
static void sample_cbd2_one(tls13_mlkem_poly *p, const uint8_t sigma[32], uint8_t nonce)
{
    uint8_t buf[128];
    tls13_sha3_ctx prf;
    tls13_shake256_init(&prf);
    tls13_sha3_update(&prf, sigma, 32);
    tls13_sha3_update(&prf, &nonce, 1);
    tls13_shake_squeeze(&prf, buf, sizeof(buf));
    tls13_wipe(&prf, sizeof(prf));
    cbd2(p, buf);
    tls13_wipe(buf, sizeof(buf));
}

static void sample_cbd2_x4(tls13_mlkem_poly p[4], const uint8_t sigma[32], uint8_t first_nonce)
{
    uint8_t in[4][33], buf[4][TLS13_SHAKE256_RATE];
    const uint8_t *inputs[4];
    uint8_t *outputs[4];
    tls13_keccak_x4 prf;
    for (size_t s = 0; s < 4; s++) {
        memcpy(in[s], sigma, 32);
        in[s][32] = (uint8_t)(first_nonce + s);
        inputs[s] = in[s];
        outputs[s] = buf[s];
    }
    /* One block of SHAKE256 output (136 bytes) covers the 128 needed. */
    tls13_keccak_x4_absorb_block(&prf, TLS13_SHAKE256_RATE, TLS13_SHAKE_SUFFIX, inputs, sizeof(in[0]));
    tls13_keccak_x4_squeeze_block(&prf, TLS13_SHAKE256_RATE, outputs);
    for (size_t s = 0; s < 4; s++)
        cbd2(&p[s], buf[s]);
    tls13_wipe(&prf, sizeof(prf));
    tls13_wipe(in, sizeof(in));
    tls13_wipe(buf, sizeof(buf));
}

void tls13_mlkem_poly_sample_cbd2_many(tls13_mlkem_poly *p, size_t n, const uint8_t sigma[32], uint8_t first_nonce)
{
    size_t t = 0;
    for (; t + 4 <= n; t += 4)
        sample_cbd2_x4(p + t, sigma, (uint8_t)(first_nonce + t));
    for (; t < n; t++)
        sample_cbd2_one(p + t, sigma, (uint8_t)(first_nonce + t));
}
