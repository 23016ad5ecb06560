/*
 * Poly1305 (RFC 8439 section 2.5), streaming.
 *
 * Two limb representations compute the same function: three 64-bit limbs
 * with unsigned __int128 products where the compiler has them (the default
 * there), and five 26-bit limbs with 32x32->64 products everywhere else.
 * tls13_poly1305_init_radix26 selects the latter explicitly so that tests
 * cover it on 64-bit builds too.
 */
#ifndef TLS13_CRYPTO_POLY1305_H
#define TLS13_CRYPTO_POLY1305_H

#include <stddef.h>
#include <stdint.h>

#define TLS13_POLY1305_KEY_SIZE 32
#define TLS13_POLY1305_TAG_SIZE 16

typedef struct tls13_poly1305_ctx {
    int radix26;        /* which representation r and h use */
    uint64_t r64[2], h64[3];
    uint32_t r26[5], h26[5];
    uint8_t s[16];      /* the second half of the key, added at the end */
    uint8_t buf[16];
    size_t buf_len;
} tls13_poly1305_ctx;

/* key is the 32-byte one-time key (r || s). */
void tls13_poly1305_init(tls13_poly1305_ctx *ctx, const uint8_t key[32]);
void tls13_poly1305_init_radix26(tls13_poly1305_ctx *ctx, const uint8_t key[32]);
void tls13_poly1305_update(tls13_poly1305_ctx *ctx, const uint8_t *p, size_t len);
/* Writes the tag and wipes the context. */
void tls13_poly1305_final(tls13_poly1305_ctx *ctx, uint8_t tag[16]);

#endif
