/*
 * Constant-time modular inversion for odd moduli of up to 384 bits, by the
 * division steps ("divsteps") of Bernstein and Yang, "Fast constant-time gcd
 * computation and modular inversion" (2019), section 11.
 *
 * It replaces Fermat's a^(m-2): about 4.4k-5.1k TSC cycles for 2^255 - 19
 * and 8.3k for P-384 p on this project's AMD EPYC (2026-12, the range being
 * the machine's fast and slow states), where the addition chains took 10.5k
 * (2^255 - 19), 14.7k (P-256 p) and 50k (P-384 p). It needs no randomness,
 * as a blinded variable-time inversion would.
 */
#ifndef TLS13_CRYPTO_MODINV_H
#define TLS13_CRYPTO_MODINV_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_MODINV_MAX_WORDS 6

/* r = a^-1 mod m, for m odd, nwords 64-bit little-endian words of each
 * (1 <= nwords <= TLS13_MODINV_MAX_WORDS, nwords * 64 >= 46), 0 <= a < m and
 * gcd(a, m) = 1; a = 0 gives 0. The time depends on nwords only, never on a
 * (m is public). r may alias a. */
void tls13_modinv(uint64_t *r, const uint64_t *a, const uint64_t *m, size_t nwords);

#endif
