/*
 * Constant-time portable AES: four blocks at once in a bitsliced state of
 * eight 64-bit words (word b holds bit b of all 64 state bytes), so that
 * SubBytes is a Boolean circuit and no memory index or branch depends on
 * the key or the data.
 */
#ifndef TLS13_CRYPTO_AES_BITSLICE_H
#define TLS13_CRYPTO_AES_BITSLICE_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_AES_SLICED_BLOCKS 4

/* The S-box applied to the four bytes of a 32-bit word (SubWord, FIPS 197
 * section 5.2), in constant time. */
uint32_t tls13_aes_subword(uint32_t w);
/* Converts one 16-byte round key to the bitsliced layout (repeated for the
 * four blocks). */
void tls13_aes_slice_round_key(const uint8_t rk[16], uint64_t out[8]);
/* Encrypts up to four blocks (nblocks 1..4); in and out may be equal. */
void tls13_aes_bitslice_encrypt(const uint64_t (*rk_sliced)[8], unsigned rounds, const uint8_t *in, uint8_t *out,
                                size_t nblocks);

#endif
