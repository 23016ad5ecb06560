/*
 * TLS 1.3 cipher suites (RFC 8446 appendix B.4): each names an AEAD and the
 * hash of the key schedule and transcript.
 */
#ifndef TLS13_TLS_SUITE_H
#define TLS13_TLS_SUITE_H

#include <stddef.h>
#include <stdint.h>

#include "../crypto/aead.h"
#include "../crypto/hash.h"

typedef struct tls13_suite {
    uint16_t id;
    const char *name;
    tls13_aead_alg aead;
    tls13_hash_alg hash;
    size_t key_len;
} tls13_suite;

/* The suite's parameters, or NULL for a suite libtls13 does not implement. */
const tls13_suite *tls13_suite_find(uint16_t id);

/* Case-insensitive ASCII comparison of two names. */
int tls13_name_equal(const char *a, const char *b);

#endif
