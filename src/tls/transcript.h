/*
 * The handshake transcript hash (RFC 8446 section 4.4.1).
 *
 * The hash is fixed by the cipher suite, which a client learns only from the
 * ServerHello, after its ClientHello is hashed: until tls13_transcript_select
 * both SHA-256 and SHA-384 run side by side.
 */
#ifndef TLS13_TLS_TRANSCRIPT_H
#define TLS13_TLS_TRANSCRIPT_H

#include <stddef.h>
#include <stdint.h>

#include "../crypto/hash.h"

typedef struct tls13_transcript {
    tls13_hash_ctx sha256, sha384;
    int selected;          /* 0 until the suite's hash is known */
    tls13_hash_alg alg;
} tls13_transcript;

void tls13_transcript_init(tls13_transcript *t);
/* Adds a whole handshake message (with its 4-byte header). */
void tls13_transcript_add(tls13_transcript *t, const uint8_t *msg, size_t len);
/* Fixes the hash to the negotiated suite's. */
void tls13_transcript_select(tls13_transcript *t, tls13_hash_alg alg);
/* After a HelloRetryRequest (section 4.4.1): the transcript so far (ClientHello1)
 * is replaced by message_hash(254) 00 00 Hash.length Hash(ClientHello1). Call
 * after tls13_transcript_select, before adding the HelloRetryRequest. */
void tls13_transcript_hrr_rewrite(tls13_transcript *t);
/* Transcript-Hash of the messages so far (selected hash). Returns its size. */
size_t tls13_transcript_hash(const tls13_transcript *t, uint8_t *out);

#endif
