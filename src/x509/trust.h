/*
 * The trust store's internals, shared by trust.c (loading) and verify.c
 * (chain building). An anchor is trusted by its subject and key: its own
 * signature is never checked, its validity period and CA constraints are.
 */
#ifndef TLS13_X509_TRUST_H
#define TLS13_X509_TRUST_H

#include <stddef.h>
#include <stdint.h>

#include "cert.h"
#include "x509.h"

typedef struct tls13_trust_anchor {
    uint8_t *der;      /* owned copy; cert points into it */
    size_t len;
    tls13_cert cert;
} tls13_trust_anchor;

struct tls13_trust_store {
    tls13_trust_anchor *anchors;
    size_t n_anchors, cap_anchors;
    uint8_t (*pins)[32];
    size_t n_pins, cap_pins;
};

/* The anchor with this subject and SubjectPublicKeyInfo, or NULL. */
const tls13_cert *tls13_trust_store_find_key(const tls13_trust_store *store, const tls13_cert *cert);

#endif
