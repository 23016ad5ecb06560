/*
 * GHASH (SP 800-38D section 6.4): the universal hash of GCM over GF(2^128).
 *
 * Field elements are held as the 128-bit big-endian integer of their 16-byte
 * encoding (hi = bytes 0..7, lo = bytes 8..15). GCM's bit order makes that
 * integer the bit-reversal of the polynomial, so a carry-less product of two
 * such integers, shifted left by one, is the bit-reversal of the polynomial
 * product (see ghash.c).
 *
 * The portable multiply is constant time: carry-less products are built from
 * ordinary integer multiplies on operands with holes (no table indexed by H
 * or data). The PCLMULQDQ path (ghash_clmul.h) hashes up to eight blocks per
 * reduction with the precomputed powers H^1..H^8.
 */
#ifndef TLS13_CRYPTO_GHASH_H
#define TLS13_CRYPTO_GHASH_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_GHASH_POWERS 8

typedef struct tls13_gf128 {
    uint64_t hi, lo;
} tls13_gf128;

typedef struct tls13_ghash_key {
    tls13_gf128 h;
    /* For the PCLMULQDQ path: pow[i] = H^(i+1) times x, in the form its
     * reduction wants (ghash_clmul.h), as {lo, hi} (an SSE register's lane
     * order); fold[i][0] = hi ^ lo of it, for Karatsuba's middle product
     * (fold[i][1] = 0: a whole register, so PCLMULQDQ can read it from memory). */
    uint64_t pow[TLS13_GHASH_POWERS][2];
    uint64_t fold[TLS13_GHASH_POWERS][2];
} tls13_ghash_key;

/* h is the hash subkey E_K(0^128). */
void tls13_ghash_init(tls13_ghash_key *key, const uint8_t h[16]);
/* y = y * H in GF(2^128), portable constant-time multiply. */
void tls13_gf128_mul(tls13_gf128 *y, const tls13_gf128 *h);
/* Absorbs len bytes into y, the last partial block padded with zeros (GCM
 * pads the AAD and the ciphertext separately: one call for each). */
void tls13_ghash_update(const tls13_ghash_key *key, tls13_gf128 *y, const uint8_t *p, size_t len);
/* Absorbs nblocks whole blocks with the portable multiply. */
void tls13_ghash_blocks_portable(const tls13_ghash_key *key, tls13_gf128 *y, const uint8_t *p, size_t nblocks);

#endif
