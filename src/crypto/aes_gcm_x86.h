/*
 * The stitched AES-NI + PCLMULQDQ (+ AVX encoding) body of AES-GCM (x86-64 only; needs
 * TLS13_AES_GCM_X86_FEATURES): GCTR over data in place from counter
 * J0 + 1, with the ciphertext absorbed into the GHASH state y.
 */
#ifndef TLS13_CRYPTO_AES_GCM_X86_H
#define TLS13_CRYPTO_AES_GCM_X86_H

#include "../base/cpu.h"
#include "aes_gcm.h"

/* AVX for its three-operand, unaligned-memory-operand encoding: with only
 * 16 registers, eight AES blocks plus the GHASH accumulators fit only when
 * the powers of H are read straight from memory. */
#define TLS13_AES_GCM_X86_FEATURES \
    (TLS13_CPU_AESNI | TLS13_CPU_PCLMUL | TLS13_CPU_AVX | TLS13_CPU_SSSE3 | TLS13_CPU_SSE41)

#ifdef TLS13_X86_64
void tls13_aes_gcm_crypt_x86(const tls13_aes_gcm_key *key, const uint8_t j0[16], tls13_gf128 *y, uint8_t *data,
                             size_t len, int decrypt);
#endif

#endif
