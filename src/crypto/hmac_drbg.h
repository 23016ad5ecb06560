/*
 * HMAC_DRBG (NIST SP 800-90A Rev. 1 section 10.1.2), without reseeding or
 * prediction resistance: the generator RFC 6979 section 3.2 runs to derive
 * deterministic ECDSA nonces (entropy = the private key, nonce = the reduced
 * digest, personalization = the hedge's extra randomness, section 3.6).
 */
#ifndef TLS13_CRYPTO_HMAC_DRBG_H
#define TLS13_CRYPTO_HMAC_DRBG_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

typedef struct tls13_hmac_drbg {
    tls13_hash_alg alg;
    size_t len; /* output size of the hash */
    uint8_t k[TLS13_HASH_MAX_SIZE];
    uint8_t v[TLS13_HASH_MAX_SIZE];
} tls13_hmac_drbg;

/* One piece of seed material; the pieces are used concatenated. */
typedef struct tls13_drbg_input {
    const uint8_t *data;
    size_t len;
} tls13_drbg_input;

/* Instantiate (section 10.1.2.3): K = 0x00.., V = 0x01.., then Update with
 * the concatenation of the n inputs. */
void tls13_hmac_drbg_init(tls13_hmac_drbg *d, tls13_hash_alg alg, const tls13_drbg_input *in, size_t n);
/* Generate (section 10.1.2.5) without additional input: out_len bytes from
 * V = HMAC(K, V) blocks, then Update with no input. */
void tls13_hmac_drbg_generate(tls13_hmac_drbg *d, uint8_t *out, size_t out_len);
void tls13_hmac_drbg_wipe(tls13_hmac_drbg *d);

#endif
