/* AEAD_CHACHA20_POLY1305, RFC 8439 sections 2.6 and 2.8. */
#include "chacha20_poly1305.h"

#include <string.h>

#include "tls13.h"

#include "../base/bytes.h"
#include "../base/cpu.h"
#include "../base/ct.h"
#include "../base/mem.h"
#include "chacha20.h"
#include "chacha20_avx2.h"
#include "poly1305.h"

void tls13_chacha20_poly1305_init(tls13_chacha20_poly1305_key *key, const uint8_t k[32])
{
    memcpy(key->key, k, 32);
}

/* ChaCha20 from counter 1 over data and Poly1305 over the resulting (or, to
 * decrypt, the given) ciphertext; one pass on the AVX2 path. */
static void crypt_and_mac(const tls13_chacha20_poly1305_key *key, const uint8_t nonce[12], tls13_poly1305_ctx *ctx,
                          uint8_t *data, size_t len, int decrypt)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_AVX2) && !ctx->radix26 && ctx->buf_len == 0) {
        tls13_chacha20_xor_avx2(key->key, 1, nonce, data, len, ctx, decrypt);
        return;
    }
#endif
    if (decrypt)
        tls13_poly1305_update(ctx, data, len);
    tls13_chacha20_xor(key->key, 1, nonce, data, len);
    if (!decrypt)
        tls13_poly1305_update(ctx, data, len);
}

/* Section 2.8: the tag over AAD || pad16 || ciphertext || pad16 ||
 * le64(len AAD) || le64(len ciphertext), keyed by the first half of block 0
 * (section 2.6). */
static void aead(const tls13_chacha20_poly1305_key *key, const uint8_t nonce[12], const uint8_t *ad, size_t ad_len,
                 uint8_t *data, size_t len, int decrypt, uint8_t tag[16])
{
    static const uint8_t zeros[16];
    uint8_t block0[64], lengths[16];
    tls13_poly1305_ctx ctx;
    tls13_chacha20_block(key->key, 0, nonce, block0);
    tls13_poly1305_init(&ctx, block0);
    tls13_wipe(block0, sizeof(block0));
    tls13_poly1305_update(&ctx, ad, ad_len);
    tls13_poly1305_update(&ctx, zeros, (16 - ad_len % 16) % 16);
    crypt_and_mac(key, nonce, &ctx, data, len, decrypt);
    tls13_poly1305_update(&ctx, zeros, (16 - len % 16) % 16);
    tls13_store_le64(lengths, (uint64_t)ad_len);
    tls13_store_le64(lengths + 8, (uint64_t)len);
    tls13_poly1305_update(&ctx, lengths, 16);
    tls13_poly1305_final(&ctx, tag);
}

void tls13_chacha20_poly1305_seal(const tls13_chacha20_poly1305_key *key, const uint8_t nonce[12], const uint8_t *ad,
                                  size_t ad_len, uint8_t *data, size_t len, uint8_t tag[16])
{
    aead(key, nonce, ad, ad_len, data, len, 0, tag);
}

int tls13_chacha20_poly1305_open(const tls13_chacha20_poly1305_key *key, const uint8_t nonce[12], const uint8_t *ad,
                                 size_t ad_len, uint8_t *data, size_t len, const uint8_t tag[16])
{
    uint8_t want[16];
    int ok;
    aead(key, nonce, ad, ad_len, data, len, 1, want);
    ok = tls13_ct_memeq(want, tag, 16);
    tls13_wipe(want, sizeof(want));
    if (!ok) {
        tls13_wipe(data, len);
        return TLS13_ERR_AUTH_FAILED;
    }
    return TLS13_OK;
}
