/*
 * The round of Keccak-f[1600], Rnd(A, ir) = iota(chi(pi(rho(theta(A)))))
 * (FIPS 202 sections 3.2-3.3), written once for any lane type that has ^, &,
 * ~ and shifts by a constant: uint64_t in keccak.c, and a vector of four
 * uint64_t in keccak_x4_avx2.c (four independent states at once).
 *
 * Lanes A[x, y] are at index x + 5y. The steps are macros over (x, y),
 * expanded for every lane so that all indices are constants; computing one
 * output row at a time keeps only five rotated lanes live, and a round goes
 * from src to dst so two states alternate without copying.
 */
#ifndef TLS13_CRYPTO_KECCAK_ROUND_H
#define TLS13_CRYPTO_KECCAK_ROUND_H

#include <stdint.h>

/* Rotation offsets of rho (FIPS 202 section 3.2.2, Table 2) at x + 5y. */
static const unsigned tls13_keccak_rho_offsets[25] = {
    0, 1, 62, 28, 27,
    36, 44, 6, 55, 20,
    3, 10, 43, 25, 39,
    41, 45, 15, 21, 8,
    18, 2, 61, 56, 14,
};

/* Round constants of iota, RC[ir] (FIPS 202 section 3.2.5, Algorithm 6). */
static const uint64_t tls13_keccak_round_constants[24] = {
    0x0000000000000001u, 0x0000000000008082u, 0x800000000000808Au, 0x8000000080008000u,
    0x000000000000808Bu, 0x0000000080000001u, 0x8000000080008081u, 0x8000000000008009u,
    0x000000000000008Au, 0x0000000000000088u, 0x0000000080008009u, 0x000000008000000Au,
    0x000000008000808Bu, 0x800000000000008Bu, 0x8000000000008089u, 0x8000000000008003u,
    0x8000000000008002u, 0x8000000000000080u, 0x000000000000800Au, 0x800000008000000Au,
    0x8000000080008081u, 0x8000000000008080u, 0x0000000080000001u, 0x8000000080008008u,
};

#define KECCAK_ROTL(v, n) (((v) << (n)) | ((v) >> ((64 - (n)) & 63)))
/* theta: C[x] = parity of column x; D[x] = C[x-1] ^ rot(C[x+1], 1). */
#define KECCAK_THETA_C(x) c[x] = src[x] ^ src[x + 5] ^ src[x + 10] ^ src[x + 15] ^ src[x + 20]
#define KECCAK_THETA_D(x) d[x] = c[(x + 4) % 5] ^ KECCAK_ROTL(c[(x + 1) % 5], 1)
/* pi moves lane (x, y) to (y, 2x + 3y), so output (X, Y) comes from
 * (X + 3Y, X); theta's D and rho's rotation are applied on the way. */
#define KECCAK_SRC(X, Y) (((X) + 3 * (Y)) % 5 + 5 * (X))
#define KECCAK_RHO_PI(X, Y) \
    KECCAK_ROTL(src[KECCAK_SRC(X, Y)] ^ d[((X) + 3 * (Y)) % 5], tls13_keccak_rho_offsets[KECCAK_SRC(X, Y)])
/* chi along row Y: A[x] = B[x] ^ (~B[x+1] & B[x+2]). */
#define KECCAK_CHI_ROW(LANE, Y)                                                            \
    do {                                                                                   \
        LANE b0 = KECCAK_RHO_PI(0, Y), b1 = KECCAK_RHO_PI(1, Y), b2 = KECCAK_RHO_PI(2, Y); \
        LANE b3 = KECCAK_RHO_PI(3, Y), b4 = KECCAK_RHO_PI(4, Y);                           \
        dst[5 * (Y) + 0] = b0 ^ (~b1 & b2);                                                \
        dst[5 * (Y) + 1] = b1 ^ (~b2 & b3);                                                \
        dst[5 * (Y) + 2] = b2 ^ (~b3 & b4);                                                \
        dst[5 * (Y) + 3] = b3 ^ (~b4 & b0);                                                \
        dst[5 * (Y) + 4] = b4 ^ (~b0 & b1);                                                \
    } while (0)

/* One round from src to dst (arrays of 25 LANE); iota XORs round_constant
 * into lane 0 of every state. */
#define KECCAK_ROUND(LANE, src, dst, round_constant)                                      \
    do {                                                                                  \
        LANE c[5], d[5];                                                                  \
        KECCAK_THETA_C(0); KECCAK_THETA_C(1); KECCAK_THETA_C(2); KECCAK_THETA_C(3);       \
        KECCAK_THETA_C(4);                                                                \
        KECCAK_THETA_D(0); KECCAK_THETA_D(1); KECCAK_THETA_D(2); KECCAK_THETA_D(3);       \
        KECCAK_THETA_D(4);                                                                \
        KECCAK_CHI_ROW(LANE, 0); KECCAK_CHI_ROW(LANE, 1); KECCAK_CHI_ROW(LANE, 2);        \
        KECCAK_CHI_ROW(LANE, 3); KECCAK_CHI_ROW(LANE, 4);                                 \
        dst[0] ^= (round_constant);                                                       \
    } while (0)

#endif
