/* RFC 8448 section 3 (simple 1-RTT handshake) through the engine, with the
 * RFC's randomness and keys injected (tls13_random_set_source):
 *  - our client, started from the RFC's ClientHello and x25519 key, consumes
 *    the RFC's server records and produces the RFC's client Finished,
 *    application data and close_notify records;
 *  - our server, fed the RFC's ClientHello with the RFC's server random and
 *    key, produces the RFC's ServerHello and EncryptedExtensions.
 * The RFC's certificate is RSA-1024, below the X.509 policy: the client
 * verifies it with verify mode NONE, and the RSA-PSS CertificateVerify (random
 * salt) is checked by verification, not by bytes. */
#define _POSIX_C_SOURCE 200809L
#include "rfc8448_vectors.h"
#include "tls_pair.h"

#include "base/random.h"
#include "crypto/keyshare.h"
#include "crypto/signature.h"
#include "tls/conn.h"
#include "tls/messages.h"
#include "tls/record.h"

/* A random source replaying fixed bytes in order, then (for the ECDSA
 * signature's hedged nonce, which needs no particular value) a counter. */
typedef struct replay {
    uint8_t bytes[128];
    size_t len, pos;
} replay;

static int replay_source(void *arg, uint8_t *out, size_t len)
{
    replay *r = arg;
    for (size_t i = 0; i < len; i++, r->pos++)
        out[i] = r->pos < r->len ? r->bytes[r->pos] : (uint8_t)(r->pos * 131 + 17);
    return TLS13_OK;
}

static void replay_add(replay *r, const char *hex)
{
    size_t n;
    uint8_t *b = rfc_hex(hex, &n);
    memcpy(r->bytes + r->len, b, n);
    r->len += n;
    free(b);
}

static void feed_all(tls13_conn *c, const char *record_hex)
{
    size_t n, used;
    uint8_t *rec = rfc_hex(record_hex, &n);
    int rc = tls13_conn_feed(c, rec, n, &used);
    if (rc != TLS13_OK)
        fail_msg("feed: %s", tls13_conn_error_text(c));
    assert_int_equal(used, n);
    free(rec);
}

static void expect_output(tls13_conn *c, const char *record_hex)
{
    const uint8_t *out;
    size_t len, n;
    uint8_t *want = rfc_hex(record_hex, &n);
    assert_int_equal(tls13_conn_output(c, &out, &len), TLS13_OK);
    assert_int_equal(len, n);
    assert_memory_equal(out, want, n);
    tls13_conn_output_done(c, len);
    free(want);
}

static void test_client(void **state)
{
    replay r = {{0}, 0, 0};
    tls13_config *cfg = tls13_config_new(TLS13_CLIENT);
    tls13_conn *c;
    tls13_keyshare *ks;
    uint8_t share[32], payload[50], got[64];
    size_t share_len, ch_len, n;
    uint8_t *ch = rfc_hex(RFC8448_CLIENT_HELLO, &ch_len), *pub = rfc_hex(RFC8448_CLIENT_PUB, &n);
    (void)state;
    replay_add(&r, RFC8448_CLIENT_PRIV);
    tls13_random_set_source(replay_source, &r);
    assert_int_equal(tls13_keyshare_generate(TLS13_GROUP_X25519, &ks, share, sizeof(share), &share_len), TLS13_OK);
    tls13_random_set_source(NULL, NULL);
    assert_int_equal(share_len, 32);
    assert_memory_equal(share, pub, 32);

    tls13_config_set_verify(cfg, TLS13_VERIFY_NONE);
    c = tls13_conn_new(cfg, "server");
    assert_int_equal(tls13_client_start_with_hello(c, ch, ch_len, ks, TLS13_GROUP_X25519), TLS13_OK);
    feed_all(c, RFC8448_SERVER_HELLO_RECORD);
    assert_int_equal(c->state, TLS13_ST_CLIENT_WAIT_ENCRYPTED_EXTENSIONS);
    feed_all(c, RFC8448_SERVER_FLIGHT_RECORD);
    assert_true(tls13_conn_handshake_done(c));
    assert_int_equal(tls13_conn_cipher_suite(c), TLS13_AES_128_GCM_SHA256);
    assert_int_equal(tls13_conn_group(c), TLS13_GROUP_X25519);
    assert_int_equal(tls13_conn_signature_scheme(c), TLS13_SIG_RSA_PSS_RSAE_SHA256); /* it verified */
    assert_int_equal(tls13_conn_peer_cert_count(c), 1);
    expect_output(c, RFC8448_CLIENT_FINISHED_RECORD);

    /* After the handshake: the ticket is ignored, application data flows. */
    feed_all(c, RFC8448_TICKET_RECORD);
    feed_all(c, RFC8448_SERVER_APP_RECORD);
    for (int i = 0; i < 50; i++)
        payload[i] = (uint8_t)i;
    assert_int_equal(tls13_conn_read(c, got, sizeof(got)), 50);
    assert_memory_equal(got, payload, 50);
    assert_int_equal(tls13_conn_write(c, payload, 50), 50);
    expect_output(c, RFC8448_CLIENT_APP_RECORD);
    assert_int_equal(tls13_conn_close(c), TLS13_OK);
    expect_output(c, RFC8448_CLIENT_ALERT_RECORD);
    feed_all(c, RFC8448_SERVER_ALERT_RECORD);
    assert_int_equal(tls13_conn_read(c, got, sizeof(got)), TLS13_ERR_CLOSED);
    tls13_conn_free(c);
    tls13_config_free(cfg);
    free(ch);
    free(pub);
}

/* A changed byte in the RFC's CertificateVerify signature is decrypt_error:
 * the client really verified it. */
static void test_client_rejects_modified_signature(void **state)
{
    replay r = {{0}, 0, 0};
    tls13_config *cfg = tls13_config_new(TLS13_CLIENT);
    tls13_conn *c;
    tls13_keyshare *ks;
    tls13_record_dir sdir;
    uint8_t share[32], type, *flight, *secret, *ch;
    size_t share_len, n, len, flen, ch_len, used;
    (void)state;
    replay_add(&r, RFC8448_CLIENT_PRIV);
    tls13_random_set_source(replay_source, &r);
    assert_int_equal(tls13_keyshare_generate(TLS13_GROUP_X25519, &ks, share, sizeof(share), &share_len), TLS13_OK);
    tls13_random_set_source(NULL, NULL);
    tls13_config_set_verify(cfg, TLS13_VERIFY_NONE);
    c = tls13_conn_new(cfg, "server");
    ch = rfc_hex(RFC8448_CLIENT_HELLO, &ch_len);
    assert_int_equal(tls13_client_start_with_hello(c, ch, ch_len, ks, TLS13_GROUP_X25519), TLS13_OK);
    feed_all(c, RFC8448_SERVER_HELLO_RECORD);
    /* Decrypt the flight, flip a signature byte, encrypt it again. */
    flight = rfc_hex(RFC8448_SERVER_FLIGHT_RECORD, &flen);
    secret = rfc_hex(RFC8448_S_HS_TRAFFIC, &n);
    memset(&sdir, 0, sizeof(sdir));
    assert_int_equal(tls13_record_dir_set(&sdir, tls13_suite_find(TLS13_AES_128_GCM_SHA256), secret), TLS13_OK);
    assert_int_equal(tls13_record_open(&sdir, flight, flen - 5, &type, &len), TLS13_OK);
    flight[5 + 40 + 445 + 20] ^= 1; /* inside the CertificateVerify signature */
    {
        uint8_t *plain = malloc(len), *rec = malloc(len + TLS13_RECORD_OVERHEAD);
        memcpy(plain, flight + 5, len);
        assert_int_equal(tls13_record_dir_set(&sdir, tls13_suite_find(TLS13_AES_128_GCM_SHA256), secret), TLS13_OK);
        n = tls13_record_seal(&sdir, TLS13_CT_HANDSHAKE, plain, len, rec);
        assert_int_equal(tls13_conn_feed(c, rec, n, &used), TLS13_ERR_BAD_SIGNATURE);
        assert_int_equal(tls13_conn_alert_sent(c), 51 /* decrypt_error */);
        printf("%s\n", tls13_conn_error_text(c));
        free(plain);
        free(rec);
    }
    tls13_record_dir_wipe(&sdir);
    tls13_conn_free(c);
    tls13_config_free(cfg);
    free(flight);
    free(secret);
    free(ch);
}

static void test_server(void **state)
{
    replay r = {{0}, 0, 0};
    tls13_config *cfg = tp_server_config("ec256");
    tls13_conn *s = tls13_conn_new(cfg, NULL);
    tls13_record_dir sdir;
    const uint8_t *out;
    uint8_t *ch, *secret, *rec, type;
    size_t ch_len, n, len, used, sh_len, plain_len;
    (void)state;
    /* The key share is generated before the server random. */
    replay_add(&r, RFC8448_SERVER_PRIV);
    replay_add(&r, RFC8448_SERVER_RANDOM);
    ch = rfc_hex("16 03 01 00 c4 " RFC8448_CLIENT_HELLO, &ch_len);
    tls13_random_set_source(replay_source, &r);
    assert_int_equal(tls13_conn_feed(s, ch, ch_len, &used), TLS13_OK);
    tls13_random_set_source(NULL, NULL);
    assert_true(r.pos >= r.len);
    assert_int_equal(tls13_conn_output(s, &out, &len), TLS13_OK);
    /* ServerHello, byte for byte (no CCS: the client's session id is empty). */
    rec = rfc_hex(RFC8448_SERVER_HELLO_RECORD, &sh_len);
    assert_true(len > sh_len);
    assert_memory_equal(out, rec, sh_len);
    free(rec);
    /* EncryptedExtensions under the RFC's server handshake key: the RFC's
     * record_size_limit and server_name; the RFC server also lists its
     * supported_groups, which ours does not send. */
    secret = rfc_hex(RFC8448_S_HS_TRAFFIC, &n);
    memset(&sdir, 0, sizeof(sdir));
    assert_int_equal(tls13_record_dir_set(&sdir, tls13_suite_find(TLS13_AES_128_GCM_SHA256), secret), TLS13_OK);
    n = 5 + ((size_t)out[sh_len + 3] << 8 | out[sh_len + 4]);
    rec = malloc(n);
    memcpy(rec, out + sh_len, n);
    assert_int_equal(tls13_record_open(&sdir, rec, n - 5, &type, &plain_len), TLS13_OK);
    assert_int_equal(type, TLS13_CT_HANDSHAKE);
    {
        /* The RFC's EncryptedExtensions with its supported_groups (4 + 20
         * bytes after the 6 bytes of headers) taken out. */
        uint8_t *rfc_ee = rfc_hex(RFC8448_ENCRYPTED_EXTENSIONS, &n);
        static const uint8_t headers[6] = {8, 0, 0, 12, 0, 10};
        assert_int_equal(n, 40);
        assert_int_equal(plain_len, 16);
        assert_memory_equal(rec + 5, headers, 6);
        assert_memory_equal(rec + 5 + 6, rfc_ee + 6 + 24, 10);
        free(rfc_ee);
    }
    tls13_record_dir_wipe(&sdir);
    free(rec);
    free(secret);
    free(ch);
    tls13_conn_free(s);
    tls13_config_free(cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_client),
        cmocka_unit_test(test_client_rejects_modified_signature),
        cmocka_unit_test(test_server),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
