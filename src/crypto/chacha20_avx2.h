/*
 * ChaCha20 with AVX2 (x86-64 only; call only when TLS13_CPU_AVX2 is
 * available): eight blocks per iteration, one 256-bit register per state
 * word holding that word of all eight blocks; optionally stitched with
 * Poly1305 for the AEAD.
 */
#ifndef TLS13_CRYPTO_CHACHA20_AVX2_H
#define TLS13_CRYPTO_CHACHA20_AVX2_H

#include <stddef.h>
#include <stdint.h>

#include "../base/cpu.h"

#include "poly1305.h"

#ifdef TLS13_X86_64
/* XORs the keystream from block `counter` into data in place. With mac
 * non-NULL it also absorbs the ciphertext into that Poly1305 context (the
 * output when encrypting, the input when decrypting), in the same pass; the
 * context must use 64-bit limbs and hold no buffered partial block. */
void tls13_chacha20_xor_avx2(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t *data,
                             size_t len, tls13_poly1305_ctx *mac, int decrypt);
#endif

#endif
