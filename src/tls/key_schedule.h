/*
 * The TLS 1.3 key schedule (RFC 8446 section 7.1) without PSKs: the early,
 * handshake and master secrets, the traffic secrets derived from them, the
 * traffic keys and IVs (section 7.3), Finished (section 4.4.4), the next
 * application traffic secret for KeyUpdate (section 7.2) and the exporter
 * (section 7.5).
 *
 * Every secret is tls13_hash_size(hash) bytes; buffers are
 * TLS13_HASH_MAX_SIZE so one type serves SHA-256 and SHA-384 suites.
 */
#ifndef TLS13_TLS_KEY_SCHEDULE_H
#define TLS13_TLS_KEY_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>

#include "../crypto/hash.h"

typedef struct tls13_key_schedule {
    tls13_hash_alg hash;
    uint8_t secret[TLS13_HASH_MAX_SIZE]; /* the current stage: early, handshake or master secret */
} tls13_key_schedule;

/* Early Secret = HKDF-Extract(0, 0): no PSK. */
void tls13_ks_init(tls13_key_schedule *ks, tls13_hash_alg hash);
/* Handshake Secret = HKDF-Extract(Derive-Secret(Early, "derived", ""), (EC)DHE). */
int tls13_ks_handshake(tls13_key_schedule *ks, const uint8_t *shared, size_t shared_len);
/* Master Secret = HKDF-Extract(Derive-Secret(Handshake, "derived", ""), 0). */
int tls13_ks_master(tls13_key_schedule *ks);
/* Derive-Secret(current stage secret, label, messages) given the transcript hash. */
int tls13_ks_derive(const tls13_key_schedule *ks, const char *label, const uint8_t *transcript_hash, uint8_t *out);
void tls13_ks_wipe(tls13_key_schedule *ks);

/* [sender]_write_key and [sender]_write_iv (12 bytes) from a traffic secret. */
int tls13_traffic_key_iv(tls13_hash_alg hash, const uint8_t *traffic_secret, uint8_t *key, size_t key_len,
                         uint8_t iv[12]);
/* verify_data = HMAC(HKDF-Expand-Label(base_key, "finished", "", Hash.length), transcript_hash). */
int tls13_finished_verify_data(tls13_hash_alg hash, const uint8_t *base_key, const uint8_t *transcript_hash,
                               uint8_t *verify_data);
/* application_traffic_secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length), in place. */
int tls13_next_traffic_secret(tls13_hash_alg hash, uint8_t *secret);
/* TLS-Exporter(label, context, length) from the exporter_master_secret. */
int tls13_exporter(tls13_hash_alg hash, const uint8_t *exporter_master_secret, const char *label,
                   const uint8_t *context, size_t context_len, uint8_t *out, size_t out_len);

#endif
