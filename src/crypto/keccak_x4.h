/*
 * Four Keccak-f[1600] sponges side by side, for ML-KEM's many independent
 * short SHAKE computations (matrix entries and noise samples). Lane i of
 * state s is lanes[i][s], the layout of four 64-bit lanes in one AVX2
 * register; without AVX2 the four states are permuted one after another.
 * Only single-block inputs are needed: each sponge absorbs one padded block
 * and then squeezes whole blocks.
 */
#ifndef TLS13_CRYPTO_KECCAK_X4_H
#define TLS13_CRYPTO_KECCAK_X4_H

#include <stddef.h>
#include <stdint.h>

typedef struct tls13_keccak_x4 {
    uint64_t lanes[25][4];
} tls13_keccak_x4;

/* Keccak-p[1600, 24] on all four states. */
void tls13_keccak_x4_f1600(tls13_keccak_x4 *k);
/* Starts four sponges of rate `rate` bytes: state s absorbs the len bytes
 * in[s] (len < rate) and the padding with the suffix byte (keccak.h). */
void tls13_keccak_x4_absorb_block(tls13_keccak_x4 *k, size_t rate, uint8_t suffix, const uint8_t *const in[4], size_t len);
/* Permutes, then writes the next `rate` output bytes of sponge s to out[s]. */
void tls13_keccak_x4_squeeze_block(tls13_keccak_x4 *k, size_t rate, uint8_t *const out[4]);

#endif
