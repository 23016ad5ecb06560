/*
 * ECDSA internals exposed for tests: the RFC 6979 nonce generator and
 * signing with caller-chosen extra entropy. tls13_ecdsa_sign calls the
 * latter with fresh random bytes (the hedge of RFC 6979 section 3.6); with
 * none (extra_len 0) signatures are the plain RFC 6979 ones, which the
 * appendix A.2 vectors check.
 */
#ifndef TLS13_CRYPTO_ECDSA_INTERNAL_H
#define TLS13_CRYPTO_ECDSA_INTERNAL_H

#include "ec.h"
#include "hmac_drbg.h"

/* RFC 6979 section 3.2 steps a-g for private key `priv` (scalar size, valid)
 * and message digest `digest`, with `extra` appended to the seed (k',
 * section 3.6). */
void tls13_ecdsa_nonce_init(tls13_hmac_drbg *drbg, tls13_ec_curve curve, tls13_hash_alg hash, const uint8_t *priv,
                            const uint8_t *digest, size_t digest_len, const uint8_t *extra, size_t extra_len);
/* Step h: the next candidate k in [1, n-1] (scalar-size big-endian bytes). */
void tls13_ecdsa_nonce_next(tls13_hmac_drbg *drbg, tls13_ec_curve curve, uint8_t *k);

int tls13_ecdsa_sign_with_entropy(tls13_ec_curve curve, tls13_hash_alg hash, const uint8_t *priv,
                                  const uint8_t *digest, size_t digest_len, const uint8_t *extra, size_t extra_len,
                                  uint8_t *sig, size_t sig_cap, size_t *sig_len);

#endif
