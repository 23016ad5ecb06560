#include "key_schedule.h"

#include <string.h>

#include "tls13.h"
#include "../base/mem.h"
#include "../crypto/hkdf.h"
#include "../crypto/hmac.h"

void tls13_ks_init(tls13_key_schedule *ks, tls13_hash_alg hash)
{
    static const uint8_t zeros[TLS13_HASH_MAX_SIZE];
    ks->hash = hash;
    tls13_hkdf_extract(hash, NULL, 0, zeros, tls13_hash_size(hash), ks->secret);
}

/* The step between stages: Extract(Derive-Secret(secret, "derived", ""), ikm). */
static int next_stage(tls13_key_schedule *ks, const uint8_t *ikm, size_t ikm_len)
{
    uint8_t empty_hash[TLS13_HASH_MAX_SIZE], derived[TLS13_HASH_MAX_SIZE];
    size_t hlen = tls13_hash_size(ks->hash);
    int rc;
    tls13_hash(ks->hash, "", 0, empty_hash);
    rc = tls13_derive_secret(ks->hash, ks->secret, "derived", empty_hash, derived);
    if (rc == TLS13_OK)
        tls13_hkdf_extract(ks->hash, derived, hlen, ikm, ikm_len, ks->secret);
    tls13_wipe(derived, sizeof(derived));
    return rc;
}

int tls13_ks_handshake(tls13_key_schedule *ks, const uint8_t *shared, size_t shared_len)
{
    return next_stage(ks, shared, shared_len);
}

int tls13_ks_master(tls13_key_schedule *ks)
{
    static const uint8_t zeros[TLS13_HASH_MAX_SIZE];
    return next_stage(ks, zeros, tls13_hash_size(ks->hash));
}

int tls13_ks_derive(const tls13_key_schedule *ks, const char *label, const uint8_t *transcript_hash, uint8_t *out)
{
    return tls13_derive_secret(ks->hash, ks->secret, label, transcript_hash, out);
}

void tls13_ks_wipe(tls13_key_schedule *ks)
{
    tls13_wipe(ks->secret, sizeof(ks->secret));
}

int tls13_traffic_key_iv(tls13_hash_alg hash, const uint8_t *traffic_secret, uint8_t *key, size_t key_len,
                         uint8_t iv[12])
{
    int rc = tls13_hkdf_expand_label(hash, traffic_secret, "key", NULL, 0, key, key_len);
    if (rc == TLS13_OK)
        rc = tls13_hkdf_expand_label(hash, traffic_secret, "iv", NULL, 0, iv, 12);
    return rc;
}

int tls13_finished_verify_data(tls13_hash_alg hash, const uint8_t *base_key, const uint8_t *transcript_hash,
                               uint8_t *verify_data)
{
    uint8_t finished_key[TLS13_HASH_MAX_SIZE];
    size_t hlen = tls13_hash_size(hash);
    int rc = tls13_hkdf_expand_label(hash, base_key, "finished", NULL, 0, finished_key, hlen);
    if (rc == TLS13_OK)
        tls13_hmac(hash, finished_key, hlen, transcript_hash, hlen, verify_data);
    tls13_wipe(finished_key, sizeof(finished_key));
    return rc;
}

int tls13_next_traffic_secret(tls13_hash_alg hash, uint8_t *secret)
{
    uint8_t next[TLS13_HASH_MAX_SIZE];
    size_t hlen = tls13_hash_size(hash);
    int rc = tls13_hkdf_expand_label(hash, secret, "traffic upd", NULL, 0, next, hlen);
    if (rc == TLS13_OK)
        memcpy(secret, next, hlen);
    tls13_wipe(next, sizeof(next));
    return rc;
}

int tls13_exporter(tls13_hash_alg hash, const uint8_t *exporter_master_secret, const char *label,
                   const uint8_t *context, size_t context_len, uint8_t *out, size_t out_len)
{
    /* TLS-Exporter(label, context_value, key_length) =
     *   HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter", Hash(context_value), key_length) */
    uint8_t empty_hash[TLS13_HASH_MAX_SIZE], context_hash[TLS13_HASH_MAX_SIZE], derived[TLS13_HASH_MAX_SIZE];
    size_t hlen = tls13_hash_size(hash);
    int rc;
    tls13_hash(hash, "", 0, empty_hash);
    tls13_hash(hash, context, context_len, context_hash);
    rc = tls13_derive_secret(hash, exporter_master_secret, label, empty_hash, derived);
    if (rc == TLS13_OK)
        rc = tls13_hkdf_expand_label(hash, derived, "exporter", context_hash, hlen, out, out_len);
    tls13_wipe(derived, sizeof(derived));
    return rc;
}
