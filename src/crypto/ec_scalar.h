/* Scalars of P-256 and P-384: private keys and nonces, big-endian bytes in
 * and out, plain limbs below the group order n inside. */
#ifndef TLS13_CRYPTO_EC_SCALAR_H
#define TLS13_CRYPTO_EC_SCALAR_H

#include "ec_point.h"

/* k = the nbytes big-endian bytes at in; all-ones when 0 < k < n, else 0
 * (k is then unusable). Constant time. */
ec_limb ec_scalar_from_bytes(const ec_curve *c, ec_limb *k, const uint8_t *in);

#endif
