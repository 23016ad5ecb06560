/*
 * Record protection (RFC 8446 section 5): one direction's traffic key, IV and
 * 64-bit sequence number; sealing TLSInnerPlaintext into TLSCiphertext and
 * opening it again. Framing (reading headers, buffering) is the connection's
 * job (conn.c); this file only transforms one record in place and allocates
 * nothing once the key is installed.
 */
#ifndef TLS13_TLS_RECORD_H
#define TLS13_TLS_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "../crypto/aead.h"
#include "suite.h"

enum {
    TLS13_CT_CHANGE_CIPHER_SPEC = 20,
    TLS13_CT_ALERT = 21,
    TLS13_CT_HANDSHAKE = 22,
    TLS13_CT_APPLICATION_DATA = 23
};

#define TLS13_RECORD_HEADER 5
#define TLS13_MAX_PLAINTEXT 16384                       /* 2^14 */
#define TLS13_MAX_CIPHERTEXT (TLS13_MAX_PLAINTEXT + 256) /* 2^14 + 256 */
/* Our sealed records: content type byte, no padding, the tag. */
#define TLS13_RECORD_OVERHEAD (TLS13_RECORD_HEADER + 1 + TLS13_AEAD_TAG_SIZE)

typedef struct tls13_record_dir {
    int active;                               /* 0: records pass in plaintext */
    const tls13_suite *suite;
    tls13_aead aead;
    uint8_t iv[TLS13_AEAD_NONCE_SIZE];
    uint64_t seq;
    uint8_t secret[TLS13_HASH_MAX_SIZE];      /* the traffic secret, for KeyUpdate */
} tls13_record_dir;

/* Installs the keys derived from a traffic secret; the sequence number restarts at 0. */
int tls13_record_dir_set(tls13_record_dir *d, const tls13_suite *suite, const uint8_t *traffic_secret);
/* KeyUpdate: derives the next traffic secret and installs it. */
int tls13_record_dir_update(tls13_record_dir *d);
void tls13_record_dir_wipe(tls13_record_dir *d);

/* Writes a complete record for `len` bytes of `type` (len <= 2^14) at out,
 * which has room for len + TLS13_RECORD_OVERHEAD bytes; data may not overlap
 * out. Unprotected directions write a plaintext record. Returns the record
 * length, or 0 when the sequence number is exhausted. */
size_t tls13_record_seal(tls13_record_dir *d, uint8_t type, const uint8_t *data, size_t len, uint8_t *out);

/* Opens a protected record in place: record points at the 5-byte header,
 * followed by body_len bytes. On success *type is the inner content type and
 * the plaintext is record[5 .. 5 + *len). Returns TLS13_OK,
 * TLS13_ERR_AUTH_FAILED (bad_record_mac), TLS13_ERR_DECODE (record_overflow:
 * plaintext over 2^14) or TLS13_ERR_PROTOCOL (no non-zero content type:
 * unexpected_message). */
int tls13_record_open(tls13_record_dir *d, uint8_t *record, size_t body_len, uint8_t *type, size_t *len);

#endif
