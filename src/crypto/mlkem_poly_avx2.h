/* AVX2 versions of the ML-KEM polynomial kernels (same contracts as the
 * portable functions in mlkem_poly.h); call only when the CPU has AVX2. */
#ifndef TLS13_CRYPTO_MLKEM_POLY_AVX2_H
#define TLS13_CRYPTO_MLKEM_POLY_AVX2_H

#include "base/cpu.h"
#include "mlkem_poly.h"

#ifdef TLS13_X86_64
void tls13_mlkem_poly_ntt_avx2(tls13_mlkem_poly *p);
void tls13_mlkem_poly_invntt_avx2(tls13_mlkem_poly *p);
void tls13_mlkem_poly_dot_avx2(tls13_mlkem_poly *r, const tls13_mlkem_poly *a, const tls13_mlkem_poly *b, size_t k);
#endif

#endif
