/*
 * AES-128 and AES-256 block encryption (FIPS 197), encryption direction only:
 * GCM and CTR never need the inverse cipher.
 *
 * The key schedule is computed once, in constant time, and kept in two forms:
 * bytes (the round keys as FIPS 197 lays them out, used by AES-NI) and
 * bitsliced (aes_bitslice.c, used by the portable path), so that a key
 * works on whichever path the CPU mask selects at the time of the call.
 */
#ifndef TLS13_CRYPTO_AES_H
#define TLS13_CRYPTO_AES_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_AES_BLOCK 16
#define TLS13_AES_MAX_ROUNDS 14

typedef struct tls13_aes_key {
    unsigned rounds; /* 10 (AES-128) or 14 (AES-256) */
    uint8_t rk[TLS13_AES_MAX_ROUNDS + 1][TLS13_AES_BLOCK];
    /* Round keys in the bitsliced layout of aes_bitslice.c, repeated for the
     * four blocks that one bitsliced state holds. */
    uint64_t rk_sliced[TLS13_AES_MAX_ROUNDS + 1][8];
} tls13_aes_key;

/* key_len is 16 or 32; anything else is a caller bug (TLS13_ERR_INVALID_ARGUMENT). */
int tls13_aes_init(tls13_aes_key *key, const uint8_t *k, size_t key_len);
/* ECB over nblocks whole blocks; in and out may be equal. */
void tls13_aes_encrypt_blocks(const tls13_aes_key *key, const uint8_t *in, uint8_t *out, size_t nblocks);

#endif
