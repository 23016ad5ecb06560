/*
 * The Merkle–Damgård plumbing SHA-256 and SHA-512 share: buffering input into
 * whole blocks, and the final padding (FIPS 180-4 section 5.1): 0x80, zeros,
 * then the message length in bits, big-endian, in the block's last
 * `len_bytes` bytes (8 for SHA-256, 16 for SHA-512).
 */
#ifndef TLS13_CRYPTO_MD_BLOCK_H
#define TLS13_CRYPTO_MD_BLOCK_H

#include <stddef.h>
#include <stdint.h>

/* Compresses nblocks whole blocks at p into the chaining state. */
typedef void (*tls13_md_blocks_fn)(void *state, const uint8_t *p, size_t nblocks);

typedef struct tls13_md_buffer {
    uint8_t *buf;      /* one block */
    size_t *buf_len;   /* bytes waiting in buf */
    size_t block;      /* block size */
    tls13_md_blocks_fn blocks;
    void *state;
} tls13_md_buffer;

void tls13_md_update(const tls13_md_buffer *md, const uint8_t *p, size_t len);
void tls13_md_finish(const tls13_md_buffer *md, uint64_t total_bytes, size_t len_bytes);

#endif
