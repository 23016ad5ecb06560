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

/* One round Rnd(A, ir) = iota(chi(pi(rho(theta(A))))) (FIPS 202 section
 * 3.3) from src into dst, lanes A[x, y] at index x + 5y. The steps are
 * written once, as macros over (x, y), and expanded for every lane so that
 * all indices are constants; computing one output row at a time keeps only
 * five rotated lanes live, and alternating between two states avoids any
 * copying. */

/* theta: C[x] = parity of column x; D[x] = C[x-1] ^ rot(C[x+1], 1). */
#define THETA_C(x) c[x] = src[x] ^ src[x + 5] ^ src[x + 10] ^ src[x + 15] ^ src[x + 20]
#define THETA_D(x) d[x] = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1)
/* pi moves lane (x, y) to (y, 2x + 3y), so output (X, Y) comes from
 * (X + 3Y, X); theta's D and rho's rotation are applied on the way. */
#define SRC(X, Y) (((X) + 3 * (Y)) % 5 + 5 * (X))
#define RHO_PI(X, Y) rotl64(src[SRC(X, Y)] ^ d[((X) + 3 * (Y)) % 5], rho_offsets[SRC(X, Y)])
/* chi along row Y: A[x] = B[x] ^ (~B[x+1] & B[x+2]). */
#define CHI_ROW(Y)                                                                  \
    do {                                                                            \
        uint64_t b0 = RHO_PI(0, Y), b1 = RHO_PI(1, Y), b2 = RHO_PI(2, Y);           \
        uint64_t b3 = RHO_PI(3, Y), b4 = RHO_PI(4, Y);                              \
        dst[5 * (Y) + 0] = b0 ^ (~b1 & b2);                                         \
        dst[5 * (Y) + 1] = b1 ^ (~b2 & b3);                                         \
        dst[5 * (Y) + 2] = b2 ^ (~b3 & b4);                                         \
        dst[5 * (Y) + 3] = b3 ^ (~b4 & b0);                                         \
        dst[5 * (Y) + 4] = b4 ^ (~b0 & b1);                                         \
    } while (0)

static inline void keccak_round(const uint64_t *src, uint64_t *dst, uint64_t round_constant)
{
    uint64_t c[5], d[5];
    THETA_C(0); THETA_C(1); THETA_C(2); THETA_C(3); THETA_C(4);
    THETA_D(0); THETA_D(1); THETA_D(2); THETA_D(3); THETA_D(4);
    CHI_ROW(0); CHI_ROW(1); CHI_ROW(2); CHI_ROW(3); CHI_ROW(4);
    dst[0] ^= round_constant; /* iota */
}

void tls13_keccak_f1600(uint64_t lanes[25])
{
    uint64_t other[25];
    for (int round = 0; round < 24; round += 2) {
        keccak_round(lanes, other, round_constants[round]);
        keccak_round(other, lanes, round_constants[round + 1]);
    }
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

/* XORs n bytes into the state from byte offset pos: whole lanes where the
 * offset is lane-aligned, single bytes at the edges. */
static void xor_bytes(tls13_keccak *k, size_t pos, const uint8_t *in, size_t n)
{
    for (; n > 0 && pos % 8 != 0; n--)
        xor_byte(k, pos++, *in++);
    for (; n >= 8; n -= 8, pos += 8, in += 8)
        k->lanes[pos / 8] ^= tls13_load_le64(in);
    for (; n > 0; n--)
        xor_byte(k, pos++, *in++);
}

/* Copies n bytes of the state out from byte offset pos, likewise. */
static void extract_bytes(const tls13_keccak *k, size_t pos, uint8_t *out, size_t n)
{
    for (; n > 0 && pos % 8 != 0; n--, pos++)
        *out++ = (uint8_t)(k->lanes[pos / 8] >> (8 * (pos % 8)));
    for (; n >= 8; n -= 8, pos += 8, out += 8)
        tls13_store_le64(out, k->lanes[pos / 8]);
    for (; n > 0; n--, pos++)
        *out++ = (uint8_t)(k->lanes[pos / 8] >> (8 * (pos % 8)));
}

void tls13_keccak_absorb(tls13_keccak *k, const uint8_t *in, size_t len)
{
    while (len > 0) {
        size_t take = k->rate - k->pos < len ? k->rate - k->pos : len;
        xor_bytes(k, k->pos, in, take);
        k->pos += take;
        in += take;
        len -= take;
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
        size_t take;
        if (k->pos == k->rate) {
            tls13_keccak_f1600(k->lanes);
            k->pos = 0;
        }
        take = k->rate - k->pos < len ? k->rate - k->pos : len;
        extract_bytes(k, k->pos, out, take);
        k->pos += take;
        out += take;
        len -= take;
    }
}
