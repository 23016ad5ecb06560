/*
 * AES-NI block encryption (x86-64 only; call only when tls13_cpu_has
 * reports TLS13_CPU_AESNI). The round keys are the byte form of
 * tls13_aes_key, used as they are: AESENC takes FIPS 197's byte order.
 */
#ifndef TLS13_CRYPTO_AES_NI_H
#define TLS13_CRYPTO_AES_NI_H

#include "../base/cpu.h"
#include "aes.h"

#ifdef TLS13_X86_64
void tls13_aes_ni_encrypt_blocks(const tls13_aes_key *key, const uint8_t *in, uint8_t *out, size_t nblocks);
#endif

#endif
