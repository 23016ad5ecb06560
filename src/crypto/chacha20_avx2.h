/*
 * ChaCha20 with AVX2 (x86-64 only; call only when TLS13_CPU_AVX2 is
 * available): eight blocks per iteration, one 256-bit register per state
 * word holding that word of all eight blocks.
 */
#ifndef TLS13_CRYPTO_CHACHA20_AVX2_H
#define TLS13_CRYPTO_CHACHA20_AVX2_H

#include <stddef.h>
#include <stdint.h>

#include "../base/cpu.h"

#ifdef TLS13_X86_64
void tls13_chacha20_xor_avx2(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t *data,
                             size_t len);
#endif

#endif
