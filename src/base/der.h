/*
 * Strict DER (ITU-T X.690 section 10) on top of the bounds-checked reader and
 * writer. Shared by X.509 (certificates, keys) and the crypto layer (ECDSA
 * signatures), so there is one place that decides what "valid DER" means:
 * definite, minimal lengths only; single-byte tags only (X.509 never needs
 * the high-tag-number form); INTEGERs minimally encoded.
 *
 * Readers fail stickily like tls13_reader: a sequence of reads can be checked
 * once at the end.
 */
#ifndef TLS13_BASE_DER_H
#define TLS13_BASE_DER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bytes.h"

/* Universal tags used by X.509 (X.690 section 8, X.680 section 8.4). */
#define TLS13_DER_BOOLEAN 0x01
#define TLS13_DER_INTEGER 0x02
#define TLS13_DER_BIT_STRING 0x03
#define TLS13_DER_OCTET_STRING 0x04
#define TLS13_DER_NULL 0x05
#define TLS13_DER_OID 0x06
#define TLS13_DER_UTF8_STRING 0x0c
#define TLS13_DER_PRINTABLE_STRING 0x13
#define TLS13_DER_T61_STRING 0x14
#define TLS13_DER_IA5_STRING 0x16
#define TLS13_DER_UTC_TIME 0x17
#define TLS13_DER_GENERALIZED_TIME 0x18
#define TLS13_DER_UNIVERSAL_STRING 0x1c
#define TLS13_DER_BMP_STRING 0x1e
#define TLS13_DER_SEQUENCE 0x30
#define TLS13_DER_SET 0x31
/* Context-specific tags [n], primitive and constructed. */
#define TLS13_DER_CONTEXT(n) ((uint8_t)(0x80 | (n)))
#define TLS13_DER_CONTEXT_CONSTRUCTED(n) ((uint8_t)(0xa0 | (n)))

/* Reads one element of any tag: *tag gets the identifier octet, *contents the
 * value. Fails on a high-tag-number form, an indefinite or non-minimal
 * length, or a length past the end. */
bool tls13_der_read_any(tls13_reader *r, uint8_t *tag, tls13_reader *contents);
/* Reads one element that must have `tag`. */
bool tls13_der_read(tls13_reader *r, uint8_t tag, tls13_reader *contents);
/* Like tls13_der_read, but *whole receives the complete encoding (tag,
 * length and value), e.g. the TBSCertificate bytes a signature covers. */
bool tls13_der_read_whole(tls13_reader *r, uint8_t tag, tls13_reader *contents, tls13_reader *whole);
/* True (without consuming) when the next element has `tag`. */
bool tls13_der_next_is(const tls13_reader *r, uint8_t tag);
/* Reads an element of `tag` if it comes next; *present says whether it did.
 * Used for OPTIONAL and DEFAULT fields. */
bool tls13_der_read_optional(tls13_reader *r, uint8_t tag, tls13_reader *contents, bool *present);
/* A non-negative INTEGER, minimally encoded. *mag points at its magnitude
 * without the sign byte (length 0 for the value zero). Negative values fail. */
bool tls13_der_read_uint(tls13_reader *r, const uint8_t **mag, size_t *mag_len);
/* A non-negative INTEGER that fits in 64 bits (versions, pathLenConstraint). */
bool tls13_der_read_small_uint(tls13_reader *r, uint64_t *value);
/* A BOOLEAN: DER allows only 0x00 and 0xff (X.690 section 11.1). */
bool tls13_der_read_bool(tls13_reader *r, bool *value);

/* Writing. tls13_der_begin writes the tag and a one-byte length placeholder
 * and returns the element's start offset; tls13_der_end(w, start) sets the
 * length, moving the value when it needs the long form. Elements nest. */
size_t tls13_der_begin(tls13_writer *w, uint8_t tag);
bool tls13_der_end(tls13_writer *w, size_t start);
/* A non-negative INTEGER from a big-endian magnitude (leading zeros are
 * dropped, a zero byte is added when the top bit is set). */
bool tls13_der_write_uint(tls13_writer *w, const uint8_t *be, size_t len);
/* A primitive element with the given value bytes. */
bool tls13_der_write_element(tls13_writer *w, uint8_t tag, const uint8_t *value, size_t len);

#endif
