/*
 * Randomness from the operating system: getrandom(2), falling back to
 * /dev/urandom. A failure is always reported; there is no weak fallback.
 */
#ifndef TLS13_BASE_RANDOM_H
#define TLS13_BASE_RANDOM_H

#include <stddef.h>
#include <stdint.h>

/* Fills out with len random bytes. TLS13_OK or TLS13_ERR_RANDOM. */
int tls13_random_bytes(uint8_t *out, size_t len);

/* Tests only: replaces the source process-wide (NULL restores the OS source).
 * The function returns TLS13_OK or an error code. Not thread-safe. */
typedef int (*tls13_random_source_fn)(void *arg, uint8_t *out, size_t len);
void tls13_random_set_source(tls13_random_source_fn fn, void *arg);

#endif
