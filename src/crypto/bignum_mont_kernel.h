/* The Montgomery multiplication kernels behind tls13_mont_mul (internal to
 * the bignum module). */
#ifndef TLS13_CRYPTO_BIGNUM_MONT_KERNEL_H
#define TLS13_CRYPTO_BIGNUM_MONT_KERNEL_H

#include "base/cpu.h"
#include "bignum.h"

/* Scratch space a kernel may use: 2n + 2 limbs. */
#define TLS13_MONT_SCRATCH_LIMBS (2 * TLS13_BN_MAX_LIMBS + 2)

#if defined(TLS13_X86_64) && TLS13_LIMB_BITS == 64 && defined(TLS13_BN_ADX_KERNEL)
#define TLS13_BN_HAVE_ADX 1
/* r = a * b * R^-1 mod m (a < R, b < m) with MULX and the two carry chains
 * of ADCX/ADOX; call only when BMI2 and ADX are present. */
void tls13_mont_mul_adx(tls13_limb *r, const tls13_limb *a, const tls13_limb *b, const tls13_limb *m,
                        tls13_limb m0inv, size_t n, tls13_limb *t);
#endif

#endif
