#include "hmac_drbg.h"

#include <string.h>

#include "hmac.h"
#include "../base/mem.h"

/* Update (section 10.1.2.2): K = HMAC(K, V || 0x00 || input), V = HMAC(K, V),
 * and when there is input, once more with 0x01. */
static void update(tls13_hmac_drbg *d, const tls13_drbg_input *in, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += in[i].len;
    for (uint8_t round = 0; round < 2; round++) {
        tls13_hmac_ctx h;
        tls13_hmac_init(&h, d->alg, d->k, d->len);
        tls13_hmac_update(&h, d->v, d->len);
        tls13_hmac_update(&h, &round, 1);
        for (size_t i = 0; i < n; i++)
            tls13_hmac_update(&h, in[i].data, in[i].len);
        tls13_hmac_final(&h, d->k);
        tls13_hmac(d->alg, d->k, d->len, d->v, d->len, d->v);
        if (total == 0)
            break;
    }
}

void tls13_hmac_drbg_init(tls13_hmac_drbg *d, tls13_hash_alg alg, const tls13_drbg_input *in, size_t n)
{
    d->alg = alg;
    d->len = tls13_hash_size(alg);
    memset(d->k, 0x00, d->len);
    memset(d->v, 0x01, d->len);
    update(d, in, n);
}

void tls13_hmac_drbg_generate(tls13_hmac_drbg *d, uint8_t *out, size_t out_len)
{
    while (out_len > 0) {
        size_t take = out_len < d->len ? out_len : d->len;
        tls13_hmac(d->alg, d->k, d->len, d->v, d->len, d->v);
        memcpy(out, d->v, take);
        out += take;
        out_len -= take;
    }
    update(d, NULL, 0);
}

void tls13_hmac_drbg_wipe(tls13_hmac_drbg *d)
{
    tls13_wipe(d, sizeof(*d));
}
