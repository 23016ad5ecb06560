/* Scalars of P-256 and P-384: private keys and nonces, big-endian bytes in
 * and out, plain limbs below the group order n inside. */
#ifndef TLS13_CRYPTO_EC_SCALAR_H
#define TLS13_CRYPTO_EC_SCALAR_H

#include "ec_point.h"

/* k = the nbytes big-endian bytes at in; all-ones when 0 < k < n, else 0
 * (k is then unusable). Constant time. */
ec_limb ec_scalar_from_bytes(const ec_curve *c, ec_limb *k, const uint8_t *in);

/* r = a^-1 mod m, plain (not Montgomery) form in and out, 0 for a = 0;
 * a < m. Variable time (ec_scalar_inv.c): only for public values or values
 * blinded by a secret random factor. */
void ec_mod_inv_vartime(const ec_field *f, ec_limb *r, const ec_limb *a);
/* r = a^-1 mod m (plain form, 0 for a = 0) for a secret a < m: the
 * variable-time inversion of a times a fresh random factor, faster than
 * the constant-time ec_fe_inv. TLS13_OK or the random source's error. */
int ec_mod_inv_blinded(const ec_field *f, ec_limb *r, const ec_limb *a);

#endif
