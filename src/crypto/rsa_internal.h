/* Pieces shared by RSA verification (rsa.c) and signing (rsa_sign.c). */
#ifndef TLS13_CRYPTO_RSA_INTERNAL_H
#define TLS13_CRYPTO_RSA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "bignum.h"
#include "hash.h"

#define TLS13_RSA_MIN_BITS 1024
#define TLS13_RSA_MAX_BITS 8192

/* A checked public key: arithmetic modulo n and the exponent e. */
typedef struct tls13_rsa_public {
    tls13_mont n;
    size_t bits;  /* of the modulus */
    size_t bytes; /* k in RFC 8017: the length of signatures */
    const uint8_t *e;
    size_t e_len;
} tls13_rsa_public;

/* Checks n and e (odd n of min_bits..max_bits bits, odd e with 3 <= e < n;
 * leading zero bytes are ignored) and sets up *pub, which points at e.
 * verify_only: pub->n lacks R^2 mod n (a saving when only
 * tls13_rsa_public_op_vartime follows). TLS13_OK or TLS13_ERR_BAD_KEY. */
int tls13_rsa_public_init(tls13_rsa_public *pub, const uint8_t *n, size_t n_len, const uint8_t *e, size_t e_len,
                          size_t min_bits, size_t max_bits, int verify_only);
/* r = x^e mod n, for x < n (RSAVP1, RFC 8017 section 5.2.2), in time
 * independent of x (the signer's check of its own result). */
void tls13_rsa_public_op(const tls13_rsa_public *pub, tls13_limb *r, const tls13_limb *x);
/* The same for a public x (a signature being verified), entering
 * Montgomery form by division; works with verify_only keys. */
void tls13_rsa_public_op_vartime(const tls13_rsa_public *pub, tls13_limb *r, const tls13_limb *x);
/* EMSA-PSS-ENCODE (RFC 8017 section 9.1.1) of mHash with the given salt
 * into em[0..ceil(em_bits / 8)). TLS13_OK, or TLS13_ERR_BAD_KEY when the
 * modulus is too short for the hash and salt. */
int tls13_rsa_pss_encode(tls13_hash_alg hash, const uint8_t *digest, const uint8_t *salt, size_t salt_len,
                         uint8_t *em, size_t em_bits);

#endif
