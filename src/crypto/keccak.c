#include "keccak.h"

#include "base/bytes.h"

/* Rotation offsets of rho (FIPS 202 section 3.2.2, Table 2) at index x + 5y. */
static const unsigned rho_offsets[25] = {
    0, 1, 62, 28, 27,
    36, 44, 6, 55, 20,
    3, 10, 43, 25, 39,
    41, 45, 15, 21, 8,
    18, 2, 61, 56, 14,
};

/* Round constants of iota, RC[ir] (FIPS 202 section 3.2.5, Algorithm 6). */
static const uint64_t round_constants[24] = {
    0x0000000000000001u, 0x0000000000008082u, 0x800000000000808Au, 0x8000000080008000u,
    0x000000000000808Bu, 0x0000000080000001u, 0x8000000080008081u, 0x8000000000008009u,
    0x000000000000008Au, 0x0000000000000088u, 0x0000000080008009u, 0x000000008000000Au,
    0x000000008000808Bu, 0x800000000000008Bu, 0x8000000000008089u, 0x8000000000008003u,
    0x8000000000008002u, 0x8000000000000080u, 0x000000000000800Au, 0x800000008000000Au,
    0x8000000080008081u, 0x8000000000008080u, 0x0000000080000001u, 0x8000000080008008u,
};

static inline uint64_t rotl64(uint64_t v, unsigned n)
{
    return (v << n) | (v >> ((64 - n) & 63));
}

/* The step mappings of FIPS 202 section 3.2 on lanes a[x + 5y]. The steps
 * are written once, as macros over (x, y), and expanded for every lane so
 * that all indices are constants and the compiler keeps the state in
 * registers instead of looping over arrays. */

/* theta: C[x] = parity of column x; D[x] = C[x-1] ^ rot(C[x+1], 1). */
#define THETA_C(x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20]
#define THETA_D(x) d[x] = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1)
/* theta's D applied, rho's rotation, and pi's move of lane (x, y) to
 * (y, 2x + 3y mod 5), in one assignment. */
#define RHO_PI(x, y) b[(y) + 5 * ((2 * (x) + 3 * (y)) % 5)] = rotl64(a[(x) + 5 * (y)] ^ d[x], rho_offsets[(x) + 5 * (y)])
#define RHO_PI_ROW(y) RHO_PI(0, y); RHO_PI(1, y); RHO_PI(2, y); RHO_PI(3, y); RHO_PI(4, y)
/* chi along a row: A[x] = B[x] ^ (~B[x+1] & B[x+2]). */
#define CHI(x, y) a[(x) + 5 * (y)] = b[(x) + 5 * (y)] ^ (~b[((x) + 1) % 5 + 5 * (y)] & b[((x) + 2) % 5 + 5 * (y)])
#define CHI_ROW(y) CHI(0, y); CHI(1, y); CHI(2, y); CHI(3, y); CHI(4, y)

void tls13_keccak_f1600(uint64_t lanes[25])
{
    uint64_t a[25], b[25], c[5], d[5];
    for (int i = 0; i < 25; i++)
        a[i] = lanes[i];
    for (int round = 0; round < 24; round++) {
        THETA_C(0); THETA_C(1); THETA_C(2); THETA_C(3); THETA_C(4);
        THETA_D(0); THETA_D(1); THETA_D(2); THETA_D(3); THETA_D(4);
        RHO_PI_ROW(0); RHO_PI_ROW(1); RHO_PI_ROW(2); RHO_PI_ROW(3); RHO_PI_ROW(4);
        CHI_ROW(0); CHI_ROW(1); CHI_ROW(2); CHI_ROW(3); CHI_ROW(4);
        a[0] ^= round_constants[round]; /* iota */
    }
    for (int i = 0; i < 25; i++)
        lanes[i] = a[i];
}

void tls13_keccak_init(tls13_keccak *k, size_t rate, uint8_t suffix)
{
    for (int i = 0; i < 25; i++)
        k->lanes[i] = 0;
    k->rate = rate;
    k->pos = 0;
    k->suffix = suffix;
    k->squeezing = 0;
}

static inline void xor_byte(tls13_keccak *k, size_t i, uint8_t v)
{
    k->lanes[i / 8] ^= (uint64_t)v << (8 * (i % 8));
}

void tls13_keccak_absorb(tls13_keccak *k, const uint8_t *in, size_t len)
{
    while (len > 0) {
        if (k->pos == 0 && len >= k->rate) {
            /* Whole blocks a lane at a time (every rate here is a multiple of 8). */
            for (size_t i = 0; i < k->rate / 8; i++)
                k->lanes[i] ^= tls13_load_le64(in + 8 * i);
            in += k->rate;
            len -= k->rate;
            tls13_keccak_f1600(k->lanes);
            continue;
        }
        xor_byte(k, k->pos++, *in++);
        len--;
        if (k->pos == k->rate) {
            tls13_keccak_f1600(k->lanes);
            k->pos = 0;
        }
    }
}

void tls13_keccak_squeeze(tls13_keccak *k, uint8_t *out, size_t len)
{
    if (!k->squeezing) {
        /* pad10*1 after the suffix bits; the suffix byte holds the first 1. */
        xor_byte(k, k->pos, k->suffix);
        xor_byte(k, k->rate - 1, 0x80);
        tls13_keccak_f1600(k->lanes);
        k->pos = 0;
        k->squeezing = 1;
    }
    while (len > 0) {
        if (k->pos == k->rate) {
            tls13_keccak_f1600(k->lanes);
            k->pos = 0;
        }
        if (k->pos == 0 && len >= k->rate) {
            for (size_t i = 0; i < k->rate / 8; i++)
                tls13_store_le64(out + 8 * i, k->lanes[i]);
            out += k->rate;
            len -= k->rate;
            k->pos = k->rate;
            continue;
        }
        *out++ = (uint8_t)(k->lanes[k->pos / 8] >> (8 * (k->pos % 8)));
        k->pos++;
        len--;
    }
}
