/* Keccak-f[1600] on four states with AVX2 (keccak_x4.h); call only when the
 * CPU has AVX2. */
#ifndef TLS13_CRYPTO_KECCAK_X4_AVX2_H
#define TLS13_CRYPTO_KECCAK_X4_AVX2_H

#include "base/cpu.h"
#include "keccak_x4.h"

#ifdef TLS13_X86_64
void tls13_keccak_x4_f1600_avx2(tls13_keccak_x4 *k);
#endif

#endif
