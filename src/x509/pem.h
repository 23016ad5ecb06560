/*
 * PEM (RFC 7468 textual encoding; RFC 1421 headers only to recognise
 * "Proc-Type: 4,ENCRYPTED" keys). A file may hold several blocks; text
 * around them is ignored. Base64 is decoded strictly (RFC 4648 section 4:
 * canonical padding, no stray characters, zero pad bits) and in time that
 * does not depend on the characters' values, because private keys pass
 * through it.
 */
#ifndef TLS13_X509_PEM_H
#define TLS13_X509_PEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TLS13_PEM_MAX_LABEL 48

typedef struct tls13_pem_reader {
    const char *p, *end;
    unsigned blocks;    /* blocks read so far, for messages */
    char err[200];      /* why the last tls13_pem_next failed */
} tls13_pem_reader;

typedef struct tls13_pem_block {
    char label[TLS13_PEM_MAX_LABEL];  /* "CERTIFICATE", "PRIVATE KEY", ... */
    bool encrypted;                    /* had a "Proc-Type: 4,ENCRYPTED" header */
    uint8_t *der;                      /* decoded contents (tls13_alloc) */
    size_t der_len;
} tls13_pem_block;

void tls13_pem_reader_init(tls13_pem_reader *r, const uint8_t *data, size_t len);
/* 1 and the next block in *b (free it with tls13_pem_block_free), 0 when no
 * further BEGIN line exists, or TLS13_ERR_PEM / TLS13_ERR_NO_MEMORY with
 * r->err saying which block is wrong and how. */
int tls13_pem_next(tls13_pem_reader *r, tls13_pem_block *b);
/* Wipes and frees the decoded bytes. */
void tls13_pem_block_free(tls13_pem_block *b);
/* True when data contains a PEM BEGIN line (so it is PEM, not DER). */
bool tls13_pem_detect(const uint8_t *data, size_t len);

/* Strict base64 of in[0..len) (no whitespace) into out (capacity 3*len/4);
 * false on any invalid character, bad padding or non-zero pad bits. */
bool tls13_base64_decode(const char *in, size_t len, uint8_t *out, size_t *out_len);

#endif
