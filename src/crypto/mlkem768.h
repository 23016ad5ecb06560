/* ML-KEM-768 (FIPS 203). */
#ifndef TLS13_CRYPTO_MLKEM768_H
#define TLS13_CRYPTO_MLKEM768_H

#include <stdint.h>

#define TLS13_MLKEM768_EK_SIZE 1184
#define TLS13_MLKEM768_DK_SIZE 2400
#define TLS13_MLKEM768_CT_SIZE 1088
#define TLS13_MLKEM768_SS_SIZE 32

/* ML-KEM.KeyGen with fresh randomness. TLS13_OK or TLS13_ERR_RANDOM. */
int tls13_mlkem768_keygen(uint8_t ek[1184], uint8_t dk[2400]);
/* ML-KEM.KeyGen_internal from the 64-byte seed d || z. */
void tls13_mlkem768_keygen_from_seed(const uint8_t seed[64], uint8_t ek[1184], uint8_t dk[2400]);
/* ML-KEM.Encaps: TLS13_ERR_BAD_KEY when ek fails the modulus check (FIPS 203
 * section 7.2). */
int tls13_mlkem768_encaps(const uint8_t ek[1184], uint8_t ct[1088], uint8_t ss[32]);
/* Deterministic encapsulation with a given m, for tests. */
int tls13_mlkem768_encaps_with_m(const uint8_t ek[1184], const uint8_t m[32], uint8_t ct[1088], uint8_t ss[32]);
/* ML-KEM.Decaps with implicit rejection: a bad ciphertext yields a pseudo-
 * random ss, not an error. TLS13_ERR_BAD_KEY when dk fails its hash check. */
int tls13_mlkem768_decaps(const uint8_t dk[2400], const uint8_t ct[1088], uint8_t ss[32]);

#endif
