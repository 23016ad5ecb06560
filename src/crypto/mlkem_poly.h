/*
 * Polynomials of ML-KEM (FIPS 203 sections 4.2-4.3): 256 coefficients modulo
 * q = 3329 held in int16_t, the NTT, multiplication in the NTT domain,
 * compression and byte encoding, and the two samplers.
 *
 * Reductions are lazy: coefficients are kept in (-q, q) or a small multiple
 * of it between operations; the comments on each function state the bounds
 * it needs and gives. Nothing here branches on or indexes memory by a
 * coefficient, except the rejection sampler, whose input (rho) is public.
 */
#ifndef TLS13_CRYPTO_MLKEM_POLY_H
#define TLS13_CRYPTO_MLKEM_POLY_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_MLKEM_N 256
#define TLS13_MLKEM_Q 3329
/* q^-1 mod 2^16, for Montgomery reduction. */
#define TLS13_MLKEM_Q_INV 62209
/* 2^32 / 128 mod q: the 1/128 of NTT^-1 (Algorithm 10, step 14) and the
 * 2^16 that undoes the 2^-16 left by the products, in one Montgomery
 * multiplication. */
#define TLS13_MLKEM_INVNTT_SCALE 1441
/* Bytes of ByteEncode_12 of one polynomial. */
#define TLS13_MLKEM_POLY_BYTES 384

typedef struct tls13_mlkem_poly {
    int16_t c[TLS13_MLKEM_N];
} tls13_mlkem_poly;

/* zeta^BitRev7(i) * 2^16 mod q for zeta = 17, centred (section 4.3). */
extern const int16_t tls13_mlkem_zetas[128];

/* a * 2^-16 mod q, in (-q, q) for |a| < q * 2^15 (Montgomery reduction). */
int16_t tls13_mlkem_montgomery_reduce(int32_t a);
/* a mod q, in [-(q-1)/2, (q-1)/2] for any int16_t (Barrett reduction). */
int16_t tls13_mlkem_barrett_reduce(int16_t a);

/* NTT (FIPS 203 Algorithm 9): input |c| < q, output |c| <= (q-1)/2. */
void tls13_mlkem_poly_ntt(tls13_mlkem_poly *p);
/* NTT^-1 (Algorithm 10) of a polynomial that carries the factor 2^-16 left
 * by tls13_mlkem_poly_dot (the scaling removes it): input |c| < q, output
 * |c| < q. */
void tls13_mlkem_poly_invntt(tls13_mlkem_poly *p);
/* r = sum over i < k of a[i] x b[i] in the NTT domain (MultiplyNTTs,
 * Algorithms 11 and 12), times 2^-16. Inputs |c| < 4096 and k <= 3; output
 * |c| < q. */
void tls13_mlkem_poly_dot(tls13_mlkem_poly *r, const tls13_mlkem_poly *a, const tls13_mlkem_poly *b, size_t k);
/* Multiplies by 2^16 (undoes the factor tls13_mlkem_poly_dot leaves). */
void tls13_mlkem_poly_tomont(tls13_mlkem_poly *p);

/* r = a + b and r = a - b, coefficient-wise, without reduction. */
void tls13_mlkem_poly_add(tls13_mlkem_poly *r, const tls13_mlkem_poly *a, const tls13_mlkem_poly *b);
void tls13_mlkem_poly_sub(tls13_mlkem_poly *r, const tls13_mlkem_poly *a, const tls13_mlkem_poly *b);
/* Every coefficient to its representative in [0, q). */
void tls13_mlkem_poly_canonical(tls13_mlkem_poly *p);

/* Compress_d (section 4.2.1) of one coefficient in [0, q), d <= 11. */
uint16_t tls13_mlkem_compress(uint16_t x, unsigned d);
/* Decompress_d of one d-bit value. */
uint16_t tls13_mlkem_decompress(uint16_t y, unsigned d);
/* ByteEncode_d(Compress_d(p)) into 32 * d bytes for d in 1..8 or 10; p
 * canonical. d = 1 gives the message bits of section 5.3. */
void tls13_mlkem_poly_compress(uint8_t *out, const tls13_mlkem_poly *p, unsigned d);
/* Decompress_d(ByteDecode_d(in)) from 32 * d bytes, d as above. */
void tls13_mlkem_poly_decompress(tls13_mlkem_poly *p, const uint8_t *in, unsigned d);
/* ByteEncode_12 of a canonical polynomial. */
void tls13_mlkem_poly_encode12(uint8_t out[TLS13_MLKEM_POLY_BYTES], const tls13_mlkem_poly *p);
/* ByteDecode_12; returns all-ones when every coefficient is below q (the
 * modulus check of section 7.2), else zero. */
uint32_t tls13_mlkem_poly_decode12(tls13_mlkem_poly *p, const uint8_t in[TLS13_MLKEM_POLY_BYTES]);

/* SampleNTT (Algorithm 7): p[t] from SHAKE128(rho || ji[t][0] || ji[t][1])
 * for t < n (entry A[i][j] uses j, i). Four at a time share a four-way
 * Keccak. */
void tls13_mlkem_poly_sample_ntt_many(tls13_mlkem_poly *p, size_t n, const uint8_t rho[32], const uint8_t ji[][2]);
/* SamplePolyCBD_2(PRF_2(sigma, first_nonce + t)) into p[t] for t < n
 * (Algorithm 8, eta = 2), four at a time likewise. */
void tls13_mlkem_poly_sample_cbd2_many(tls13_mlkem_poly *p, size_t n, const uint8_t sigma[32], uint8_t first_nonce);

#endif
