/*
 * Keccak-f[1600] and the sponge construction (FIPS 202 sections 3 and 4).
 * SHA-3 and SHAKE (sha3.h) are thin wrappers that choose the rate and the
 * domain-separation suffix.
 */
#ifndef TLS13_CRYPTO_KECCAK_H
#define TLS13_CRYPTO_KECCAK_H

#include <stddef.h>
#include <stdint.h>

typedef struct tls13_keccak {
    uint64_t lanes[25];   /* state A[x, y] at lanes[x + 5y], lane bytes little-endian */
    size_t rate;          /* r / 8 */
    size_t pos;           /* bytes absorbed into, or squeezed from, the current block */
    uint8_t suffix;       /* domain bits followed by the first pad bit, e.g. 0x06 for SHA-3 */
    int squeezing;
} tls13_keccak;

/* Keccak-p[1600, 24] (FIPS 202 section 3.3) on the state in place. */
void tls13_keccak_f1600(uint64_t lanes[25]);

/* An empty sponge with rate `rate` bytes (a multiple of 8 below 200) and
 * suffix byte `suffix`: the message bits M || domain bits || pad10*1
 * (FIPS 202 sections 5.1, 6). */
void tls13_keccak_init(tls13_keccak *k, size_t rate, uint8_t suffix);
/* Absorbs more input; only before the first squeeze. */
void tls13_keccak_absorb(tls13_keccak *k, const uint8_t *in, size_t len);
/* Pads on the first call, then squeezes len more bytes (may be called again). */
void tls13_keccak_squeeze(tls13_keccak *k, uint8_t *out, size_t len);

#endif
