#include "record.h"

#include <string.h>

#include "tls13.h"
#include "../base/bytes.h"
#include "../base/mem.h"
#include "key_schedule.h"

int tls13_record_dir_set(tls13_record_dir *d, const tls13_suite *suite, const uint8_t *traffic_secret)
{
    uint8_t key[TLS13_AEAD_MAX_KEY_SIZE];
    int rc;
    size_t hlen = tls13_hash_size(suite->hash);
    if (d->secret != traffic_secret)
        memcpy(d->secret, traffic_secret, hlen);
    tls13_aead_wipe(&d->aead);
    d->active = 0;
    rc = tls13_traffic_key_iv(suite->hash, d->secret, key, suite->key_len, d->iv);
    if (rc == TLS13_OK)
        rc = tls13_aead_init(&d->aead, suite->aead, key);
    tls13_wipe(key, sizeof(key));
    if (rc != TLS13_OK)
        return rc;
    d->suite = suite;
    d->seq = 0;
    d->active = 1;
    return TLS13_OK;
}

int tls13_record_dir_update(tls13_record_dir *d)
{
    int rc = tls13_next_traffic_secret(d->suite->hash, d->secret);
    if (rc != TLS13_OK)
        return rc;
    return tls13_record_dir_set(d, d->suite, d->secret);
}

void tls13_record_dir_wipe(tls13_record_dir *d)
{
    tls13_aead_wipe(&d->aead);
    tls13_wipe(d, sizeof(*d));
}

/* Section 5.3: the 64-bit sequence number, left-padded to the IV length,
 * XORed with the static IV. */
static void record_nonce(const tls13_record_dir *d, uint8_t nonce[TLS13_AEAD_NONCE_SIZE])
{
    uint8_t seq[8];
    memcpy(nonce, d->iv, TLS13_AEAD_NONCE_SIZE);
    tls13_store_be64(seq, d->seq);
    for (size_t i = 0; i < 8; i++)
        nonce[TLS13_AEAD_NONCE_SIZE - 8 + i] ^= seq[i];
}

static void write_header(uint8_t *out, uint8_t type, size_t len)
{
    out[0] = type;
    out[1] = 0x03;
    out[2] = 0x03;
    out[3] = (uint8_t)(len >> 8);
    out[4] = (uint8_t)len;
}

size_t tls13_record_seal(tls13_record_dir *d, uint8_t type, const uint8_t *data, size_t len, uint8_t *out)
{
    uint8_t nonce[TLS13_AEAD_NONCE_SIZE];
    size_t body;
    /* change_cipher_spec is never protected (appendix D.4). */
    if (!d->active || type == TLS13_CT_CHANGE_CIPHER_SPEC) {
        write_header(out, type, len);
        memcpy(out + TLS13_RECORD_HEADER, data, len);
        return TLS13_RECORD_HEADER + len;
    }
    /* Section 5.3: a sequence number must not wrap; the connection must rekey
     * or end first. */
    if (d->seq == UINT64_MAX)
        return 0;
    body = len + 1 + TLS13_AEAD_TAG_SIZE;
    write_header(out, TLS13_CT_APPLICATION_DATA, body);
    memcpy(out + TLS13_RECORD_HEADER, data, len);
    out[TLS13_RECORD_HEADER + len] = type;
    record_nonce(d, nonce);
    tls13_aead_seal(&d->aead, nonce, out, TLS13_RECORD_HEADER, out + TLS13_RECORD_HEADER, len + 1,
                    out + TLS13_RECORD_HEADER + len + 1);
    d->seq++;
    return TLS13_RECORD_HEADER + body;
}

int tls13_record_open(tls13_record_dir *d, uint8_t *record, size_t body_len, uint8_t *type, size_t *len)
{
    uint8_t nonce[TLS13_AEAD_NONCE_SIZE];
    uint8_t *body = record + TLS13_RECORD_HEADER;
    size_t n;
    if (body_len < 1 + TLS13_AEAD_TAG_SIZE || d->seq == UINT64_MAX)
        return TLS13_ERR_AUTH_FAILED;
    n = body_len - TLS13_AEAD_TAG_SIZE;
    /* Section 5.4: TLSInnerPlaintext (content, type and padding) is at most
     * 2^14 + 1 bytes, so padding cannot stretch a full record. */
    if (n > TLS13_MAX_PLAINTEXT + 1)
        return TLS13_ERR_DECODE;
    record_nonce(d, nonce);
    if (tls13_aead_open(&d->aead, nonce, record, TLS13_RECORD_HEADER, body, n, body + n) != TLS13_OK)
        return TLS13_ERR_AUTH_FAILED;
    d->seq++;
    /* Section 5.4: padding is zeros after the content type; scan from the end. */
    while (n > 0 && body[n - 1] == 0)
        n--;
    if (n == 0)
        return TLS13_ERR_PROTOCOL;
    n--;
    *type = body[n];
    *len = n;
    return TLS13_OK;
}
