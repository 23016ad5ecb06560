/*
 * Scalars mod L = 2^252 + 27742317777372353535851937790883648493, the order
 * of the Ed25519 base point (RFC 8032 section 5.1). 32-byte little-endian
 * values; everything but tls13_sc_is_canonical runs in constant time.
 */
#ifndef TLS13_CRYPTO_SC25519_H
#define TLS13_CRYPTO_SC25519_H

#include <stdint.h>

/* out = in mod L for a 512-bit little-endian in (a SHA-512 digest). */
void tls13_sc_reduce64(uint8_t out[32], const uint8_t in[64]);
/* out = (a b + c) mod L, for a b + c < 2^512 (true when a or b is reduced). */
void tls13_sc_muladd(uint8_t out[32], const uint8_t a[32], const uint8_t b[32], const uint8_t c[32]);
/* 1 when s < L (RFC 8032 section 5.1.7 step 1 rejects S >= L), else 0. */
int tls13_sc_is_canonical(const uint8_t s[32]);

#endif
