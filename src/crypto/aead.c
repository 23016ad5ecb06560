/* The record layer's AEAD interface (aead.h) over AES-GCM and
 * ChaCha20-Poly1305. */
#include "aead.h"

#include "tls13.h"

#include "../base/mem.h"
#include "aes_gcm.h"
#include "chacha20_poly1305.h"

size_t tls13_aead_key_size(tls13_aead_alg alg)
{
    switch (alg) {
    case TLS13_AEAD_AES_128_GCM:
        return 16;
    case TLS13_AEAD_AES_256_GCM:
    case TLS13_AEAD_CHACHA20_POLY1305:
        return 32;
    }
    return 0;
}

static size_t state_size(tls13_aead_alg alg)
{
    return alg == TLS13_AEAD_CHACHA20_POLY1305 ? sizeof(tls13_chacha20_poly1305_key) : sizeof(tls13_aes_gcm_key);
}

int tls13_aead_init(tls13_aead *aead, tls13_aead_alg alg, const uint8_t *key)
{
    size_t key_size = tls13_aead_key_size(alg);
    aead->alg = alg;
    aead->state = NULL;
    if (key_size == 0)
        return TLS13_ERR_INVALID_ARGUMENT;
    aead->state = tls13_alloc(state_size(alg));
    if (!aead->state)
        return TLS13_ERR_NO_MEMORY;
    if (alg == TLS13_AEAD_CHACHA20_POLY1305) {
        tls13_chacha20_poly1305_init(aead->state, key);
        return TLS13_OK;
    }
    /* Cannot fail: the key size comes from tls13_aead_key_size. */
    return tls13_aes_gcm_init(aead->state, key, key_size);
}

void tls13_aead_seal(const tls13_aead *aead, const uint8_t nonce[TLS13_AEAD_NONCE_SIZE], const uint8_t *ad,
                     size_t ad_len, uint8_t *data, size_t len, uint8_t tag[TLS13_AEAD_TAG_SIZE])
{
    if (aead->alg == TLS13_AEAD_CHACHA20_POLY1305)
        tls13_chacha20_poly1305_seal(aead->state, nonce, ad, ad_len, data, len, tag);
    else
        tls13_aes_gcm_seal(aead->state, nonce, ad, ad_len, data, len, tag);
}

int tls13_aead_open(const tls13_aead *aead, const uint8_t nonce[TLS13_AEAD_NONCE_SIZE], const uint8_t *ad,
                    size_t ad_len, uint8_t *data, size_t len, const uint8_t tag[TLS13_AEAD_TAG_SIZE])
{
    if (aead->alg == TLS13_AEAD_CHACHA20_POLY1305)
        return tls13_chacha20_poly1305_open(aead->state, nonce, ad, ad_len, data, len, tag);
    return tls13_aes_gcm_open(aead->state, nonce, ad, ad_len, data, len, tag);
}

void tls13_aead_wipe(tls13_aead *aead)
{
    if (aead->state)
        tls13_free_wiped(aead->state, state_size(aead->alg));
    aead->state = NULL;
}
