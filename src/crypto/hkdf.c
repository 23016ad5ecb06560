#include "hkdf.h"

#include <string.h>

#include "tls13.h"
#include "../base/bytes.h"
#include "../base/mem.h"
#include "hmac.h"

void tls13_hkdf_extract(tls13_hash_alg alg, const uint8_t *salt, size_t salt_len,
                        const uint8_t *ikm, size_t ikm_len, uint8_t *prk)
{
    static const uint8_t zeros[TLS13_HASH_MAX_SIZE];
    if (!salt || salt_len == 0) {
        salt = zeros;
        salt_len = tls13_hash_size(alg);
    }
    tls13_hmac(alg, salt, salt_len, ikm, ikm_len, prk);
}

int tls13_hkdf_expand(tls13_hash_alg alg, const uint8_t *prk, size_t prk_len,
                      const uint8_t *info, size_t info_len, uint8_t *out, size_t out_len)
{
    size_t hlen = tls13_hash_size(alg);
    uint8_t t[TLS13_HASH_MAX_SIZE];
    size_t t_len = 0;
    uint8_t counter = 1;

    if (out_len > 255 * hlen)
        return TLS13_ERR_INVALID_ARGUMENT;
    /* T(i) = HMAC(PRK, T(i-1) | info | i) */
    while (out_len > 0) {
        tls13_hmac_ctx ctx;
        size_t take = out_len < hlen ? out_len : hlen;
        tls13_hmac_init(&ctx, alg, prk, prk_len);
        tls13_hmac_update(&ctx, t, t_len);
        tls13_hmac_update(&ctx, info, info_len);
        tls13_hmac_update(&ctx, &counter, 1);
        tls13_hmac_final(&ctx, t);
        t_len = hlen;
        memcpy(out, t, take);
        out += take;
        out_len -= take;
        counter++;
    }
    tls13_wipe(t, sizeof(t));
    return TLS13_OK;
}

int tls13_hkdf_expand_label(tls13_hash_alg alg, const uint8_t *secret, const char *label,
                            const uint8_t *context, size_t context_len, uint8_t *out, size_t out_len)
{
    /* struct { uint16 length; opaque label<7..255> = "tls13 " + Label;
     *          opaque context<0..255>; } HkdfLabel; */
    static const char prefix[] = "tls13 ";
    uint8_t info[2 + 1 + 255 + 1 + 255];
    tls13_writer w;
    size_t label_len = strlen(label);

    if (out_len > 0xffff || label_len + 6 > 255 || context_len > 255)
        return TLS13_ERR_INVALID_ARGUMENT;
    tls13_writer_init(&w, info, sizeof(info));
    tls13_write_u16(&w, (uint16_t)out_len);
    tls13_write_begin_prefixed(&w, 1);
    tls13_write_bytes(&w, (const uint8_t *)prefix, 6);
    tls13_write_bytes(&w, (const uint8_t *)label, label_len);
    tls13_write_end_prefixed(&w);
    tls13_write_begin_prefixed(&w, 1);
    tls13_write_bytes(&w, context, context_len);
    tls13_write_end_prefixed(&w);
    if (!tls13_writer_ok(&w))
        return TLS13_ERR_INTERNAL;
    return tls13_hkdf_expand(alg, secret, tls13_hash_size(alg), info, tls13_writer_len(&w), out, out_len);
}

int tls13_derive_secret(tls13_hash_alg alg, const uint8_t *secret, const char *label,
                        const uint8_t *transcript_hash, uint8_t *out)
{
    size_t hlen = tls13_hash_size(alg);
    return tls13_hkdf_expand_label(alg, secret, label, transcript_hash, hlen, out, hlen);
}
