/*
 * HKDF (RFC 5869) and the TLS 1.3 wrappers HKDF-Expand-Label and Derive-Secret
 * (RFC 8446 section 7.1).
 */
#ifndef TLS13_CRYPTO_HKDF_H
#define TLS13_CRYPTO_HKDF_H

#include "hash.h"

/* prk receives tls13_hash_size(alg) bytes. A NULL/empty salt means a string of
 * hash-length zeros (RFC 5869 section 2.2). */
void tls13_hkdf_extract(tls13_hash_alg alg, const uint8_t *salt, size_t salt_len,
                        const uint8_t *ikm, size_t ikm_len, uint8_t *prk);
/* TLS13_OK, or TLS13_ERR_INVALID_ARGUMENT when out_len > 255 * HashLen. */
int tls13_hkdf_expand(tls13_hash_alg alg, const uint8_t *prk, size_t prk_len,
                      const uint8_t *info, size_t info_len, uint8_t *out, size_t out_len);
/* HKDF-Expand-Label(Secret, Label, Context, Length); label without the
 * "tls13 " prefix, e.g. "key". The secret is tls13_hash_size(alg) bytes. */
int tls13_hkdf_expand_label(tls13_hash_alg alg, const uint8_t *secret, const char *label,
                            const uint8_t *context, size_t context_len, uint8_t *out, size_t out_len);
/* Derive-Secret(Secret, Label, Messages) given Transcript-Hash(Messages). */
int tls13_derive_secret(tls13_hash_alg alg, const uint8_t *secret, const char *label,
                        const uint8_t *transcript_hash, uint8_t *out);

#endif
