/* AES-GCM, SP 800-38D section 7 (96-bit IV: J0 = IV || 0^31 || 1). */
#include "aes_gcm.h"

#include <string.h>

#include "tls13.h"

#include "../base/bytes.h"
#include "../base/cpu.h"
#include "../base/ct.h"
#include "../base/mem.h"
#include "aes_gcm_x86.h"

int tls13_aes_gcm_init(tls13_aes_gcm_key *key, const uint8_t *k, size_t key_len)
{
    uint8_t h[16] = {0};
    int rc = tls13_aes_init(&key->aes, k, key_len);
    if (rc != TLS13_OK)
        return rc;
    tls13_aes_encrypt_blocks(&key->aes, h, h, 1); /* H = E_K(0^128), section 6.4 */
    tls13_ghash_init(&key->ghash, h);
    tls13_wipe(h, sizeof(h));
    return TLS13_OK;
}

/* GCTR (section 6.5) from J0 + 1, four blocks per AES call (the bitsliced
 * width), hashing the ciphertext: after encrypting, before decrypting. */
static void crypt_generic(const tls13_aes_gcm_key *key, const uint8_t j0[16], tls13_gf128 *y, uint8_t *data,
                          size_t len, int decrypt)
{
    uint8_t ks[64];
    uint32_t ctr = tls13_load_be32(j0 + 12);
    while (len > 0) {
        size_t n = len < sizeof(ks) ? len : sizeof(ks), nblocks = (n + 15) / 16;
        for (size_t b = 0; b < nblocks; b++) {
            memcpy(ks + 16 * b, j0, 12);
            tls13_store_be32(ks + 16 * b + 12, ++ctr); /* inc32 */
        }
        tls13_aes_encrypt_blocks(&key->aes, ks, ks, nblocks);
        if (decrypt)
            tls13_ghash_update(&key->ghash, y, data, n);
        for (size_t i = 0; i < n; i++)
            data[i] ^= ks[i];
        if (!decrypt)
            tls13_ghash_update(&key->ghash, y, data, n);
        data += n;
        len -= n;
    }
    tls13_wipe(ks, sizeof(ks));
}

/* J0 (section 7.1 step 2): IV || 0^31 || 1 for a 96-bit IV, otherwise
 * GHASH(IV || 0-pad || [0]_64 || [len(IV)]_64). */
static void derive_j0(const tls13_aes_gcm_key *key, const uint8_t *iv, size_t iv_len, uint8_t j0[16])
{
    if (iv_len == 12) {
        memcpy(j0, iv, 12);
        tls13_store_be32(j0 + 12, 1);
    } else {
        tls13_gf128 y = {0, 0};
        uint8_t lengths[16] = {0};
        tls13_store_be64(lengths + 8, (uint64_t)iv_len * 8);
        tls13_ghash_update(&key->ghash, &y, iv, iv_len);
        tls13_ghash_update(&key->ghash, &y, lengths, 16);
        tls13_store_be64(j0, y.hi);
        tls13_store_be64(j0 + 8, y.lo);
    }
}

/* Everything but the tag comparison: returns the tag in `tag`. */
static void gcm(const tls13_aes_gcm_key *key, const uint8_t *iv, size_t iv_len, const uint8_t *ad, size_t ad_len,
                uint8_t *data, size_t len, int decrypt, uint8_t tag[16])
{
    uint8_t j0[16], lengths[16];
    tls13_gf128 y = {0, 0};
    derive_j0(key, iv, iv_len, j0);
    tls13_ghash_update(&key->ghash, &y, ad, ad_len);
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_AES_GCM_X86_FEATURES))
        tls13_aes_gcm_crypt_x86(key, j0, &y, data, len, decrypt);
    else
#endif
        crypt_generic(key, j0, &y, data, len, decrypt);
    /* The lengths block: len(A) || len(C) in bits, 64-bit big-endian each. */
    tls13_store_be64(lengths, (uint64_t)ad_len * 8);
    tls13_store_be64(lengths + 8, (uint64_t)len * 8);
    tls13_ghash_update(&key->ghash, &y, lengths, 16);
    /* T = E_K(J0) xor S (section 7.1 step 6). */
    tls13_aes_encrypt_blocks(&key->aes, j0, tag, 1);
    tls13_store_be64(j0, y.hi);
    tls13_store_be64(j0 + 8, y.lo);
    for (int i = 0; i < 16; i++)
        tag[i] ^= j0[i];
    tls13_wipe(&y, sizeof(y));
    tls13_wipe(j0, sizeof(j0));
}

int tls13_aes_gcm_seal_iv(const tls13_aes_gcm_key *key, const uint8_t *iv, size_t iv_len, const uint8_t *ad,
                          size_t ad_len, uint8_t *data, size_t len, uint8_t tag[TLS13_GCM_TAG_SIZE])
{
    if (iv_len == 0)
        return TLS13_ERR_INVALID_ARGUMENT;
    gcm(key, iv, iv_len, ad, ad_len, data, len, 0, tag);
    return TLS13_OK;
}

int tls13_aes_gcm_open_iv(const tls13_aes_gcm_key *key, const uint8_t *iv, size_t iv_len, const uint8_t *ad,
                          size_t ad_len, uint8_t *data, size_t len, const uint8_t tag[TLS13_GCM_TAG_SIZE])
{
    uint8_t want[16];
    int ok;
    if (iv_len == 0)
        return TLS13_ERR_INVALID_ARGUMENT;
    gcm(key, iv, iv_len, ad, ad_len, data, len, 1, want);
    ok = tls13_ct_memeq(want, tag, 16);
    tls13_wipe(want, sizeof(want));
    if (!ok) {
        tls13_wipe(data, len);
        return TLS13_ERR_AUTH_FAILED;
    }
    return TLS13_OK;
}

void tls13_aes_gcm_seal(const tls13_aes_gcm_key *key, const uint8_t nonce[TLS13_GCM_NONCE_SIZE], const uint8_t *ad,
                        size_t ad_len, uint8_t *data, size_t len, uint8_t tag[TLS13_GCM_TAG_SIZE])
{
    gcm(key, nonce, TLS13_GCM_NONCE_SIZE, ad, ad_len, data, len, 0, tag);
}

int tls13_aes_gcm_open(const tls13_aes_gcm_key *key, const uint8_t nonce[TLS13_GCM_NONCE_SIZE], const uint8_t *ad,
                       size_t ad_len, uint8_t *data, size_t len, const uint8_t tag[TLS13_GCM_TAG_SIZE])
{
    return tls13_aes_gcm_open_iv(key, nonce, TLS13_GCM_NONCE_SIZE, ad, ad_len, data, len, tag);
}
