/* In-process client <-> server handshakes over a memory pipe: every suite x
 * group x certificate type, HelloRetryRequest, mTLS, ALPN, SNI chain choice,
 * KeyUpdate, close_notify, large writes, certificate failures. */
#define _POSIX_C_SOURCE 200809L
#include "tls_pair.h"

#include <time.h>

#include "crypto/keyshare.h"
#include "crypto/signature.h"
#include "tls/alert.h"
#include "tls/conn.h"

typedef struct trace_buf {
    char text[16384];
} trace_buf;

static void collect(void *arg, const char *line)
{
    trace_buf *t = arg;
    size_t n = strlen(t->text);
    snprintf(t->text + n, sizeof(t->text) - n, "%s\n", line);
}

static void test_matrix(void **state)
{
    static const uint16_t suites[] = {TLS13_AES_128_GCM_SHA256, TLS13_AES_256_GCM_SHA384,
                                      TLS13_CHACHA20_POLY1305_SHA256};
    static const uint16_t groups[] = {TLS13_GROUP_X25519MLKEM768, TLS13_GROUP_X25519, TLS13_GROUP_SECP256R1,
                                      TLS13_GROUP_SECP384R1};
    static const struct { const char *kind; uint16_t scheme; } certs[] = {
        {"ec256", TLS13_SIG_ECDSA_SECP256R1_SHA256},
        {"ec384", TLS13_SIG_ECDSA_SECP384R1_SHA384},
        {"rsa", TLS13_SIG_RSA_PSS_RSAE_SHA256},
        {"ed25519", TLS13_SIG_ED25519},
    };
    tt_count count = {"suite x group x certificate handshakes", 0, 0, 0};
    (void)state;
    for (size_t k = 0; k < 4; k++) {
        tls13_config *scfg = tp_server_config(certs[k].kind);
        for (size_t s = 0; s < 3; s++) {
            for (size_t g = 0; g < 4; g++) {
                tls13_config *ccfg = tp_client_config();
                tls13_conn *client, *server;
                int rc;
                assert_int_equal(tls13_config_set_cipher_suites(ccfg, &suites[s], 1), TLS13_OK);
                assert_int_equal(tls13_config_set_groups(ccfg, &groups[g], 1), TLS13_OK);
                client = tls13_conn_new(ccfg, "localhost");
                server = tls13_conn_new(scfg, NULL);
                count.run++;
                rc = tp_handshake(client, server);
                if (rc != TLS13_OK) {
                    printf("%s / %s / %s: %s | client: %s | server: %s\n", tls13_cipher_suite_name(suites[s]),
                           tls13_group_name(groups[g]), certs[k].kind, tls13_status_text(rc),
                           tls13_conn_error_text(client), tls13_conn_error_text(server));
                } else if (tls13_conn_cipher_suite(client) == suites[s] && tls13_conn_group(client) == groups[g] &&
                           tls13_conn_group(server) == groups[g] && tls13_conn_cipher_suite(server) == suites[s] &&
                           tls13_conn_signature_scheme(client) == certs[k].scheme &&
                           tls13_conn_version(client) == 0x0304 && tls13_conn_peer_cert_count(client) == 2) {
                    tp_transfer(client, server, 1000);
                    tp_transfer(server, client, 1000);
                    count.passed++;
                } else {
                    printf("%s / %s / %s: negotiated %04x %04x %04x\n", tls13_cipher_suite_name(suites[s]),
                           tls13_group_name(groups[g]), certs[k].kind, tls13_conn_cipher_suite(client),
                           tls13_conn_group(client), tls13_conn_signature_scheme(client));
                }
                tls13_conn_free(client);
                tls13_conn_free(server);
                tls13_config_free(ccfg);
            }
        }
        tls13_config_free(scfg);
    }
    tt_count_report(&count);
}

/* The default client sends X25519MLKEM768 and x25519 shares; a server that
 * accepts only secp256r1 asks for a retry (section 4.1.4). */
static void test_hello_retry_request(void **state)
{
    static const uint16_t server_groups[] = {TLS13_GROUP_SECP384R1, TLS13_GROUP_SECP256R1};
    tls13_config *scfg = tp_server_config("ec256"), *ccfg = tp_client_config();
    trace_buf ct = {""}, st = {""};
    tls13_conn *client, *server;
    (void)state;
    assert_int_equal(tls13_config_set_groups(scfg, server_groups, 2), TLS13_OK);
    tls13_config_set_trace(ccfg, collect, &ct);
    tls13_config_set_trace(scfg, collect, &st);
    client = tls13_conn_new(ccfg, "localhost");
    server = tls13_conn_new(scfg, NULL);
    assert_int_equal(tp_handshake(client, server), TLS13_OK);
    assert_int_equal(tls13_conn_group(client), TLS13_GROUP_SECP384R1);
    assert_non_null(strstr(ct.text, "< HelloRetryRequest: TLS_AES_128_GCM_SHA256, group secp384r1"));
    assert_non_null(strstr(st.text, "> HelloRetryRequest"));
    assert_non_null(strstr(ct.text, "> ClientHello: TLS 1.3, 3 suites, groups X25519MLKEM768,x25519,secp256r1,secp384r1, key shares X25519MLKEM768+x25519, SNI localhost"));
    assert_non_null(strstr(ct.text, "key share secp384r1, SNI localhost"));
    tp_transfer(client, server, 100);
    tls13_conn_free(client);
    tls13_conn_free(server);
    tls13_config_free(ccfg);
    tls13_config_free(scfg);
}

static int mtls(tls13_verify_mode mode, const char *client_cert, const char *trust, tls13_conn **client_out,
                tls13_conn **server_out, tls13_config **cfgs)
{
    tls13_config *scfg = tp_server_config("ec256"), *ccfg = tp_client_config();
    char chain[64], key[64];
    tls13_config_set_verify(scfg, mode);
    assert_int_equal(tls13_config_load_trust_file(scfg, tp_path(trust)), TLS13_OK);
    if (client_cert) {
        snprintf(chain, sizeof(chain), "%s.pem", client_cert);
        snprintf(key, sizeof(key), "%s.key", client_cert);
        assert_int_equal(tls13_config_add_certificate(ccfg, tp_path(chain), tp_path(key)), TLS13_OK);
    }
    *client_out = tls13_conn_new(ccfg, "localhost");
    *server_out = tls13_conn_new(scfg, NULL);
    cfgs[0] = ccfg;
    cfgs[1] = scfg;
    return tp_handshake(*client_out, *server_out);
}

static void mtls_done(tls13_conn *c, tls13_conn *s, tls13_config **cfgs)
{
    tls13_conn_free(c);
    tls13_conn_free(s);
    tls13_config_free(cfgs[0]);
    tls13_config_free(cfgs[1]);
}

static void test_mtls(void **state)
{
    tls13_conn *c, *s;
    tls13_config *cfgs[2];
    (void)state;
    /* Required and sent. */
    assert_int_equal(mtls(TLS13_VERIFY_REQUIRED, "client", "ca.pem", &c, &s, cfgs), TLS13_OK);
    assert_int_equal(tls13_conn_peer_cert_count(s), 2);
    assert_int_equal(tls13_conn_signature_scheme(s), TLS13_SIG_ECDSA_SECP256R1_SHA256);
    tp_transfer(c, s, 10);
    mtls_done(c, s, cfgs);
    /* Required, none: certificate_required. */
    assert_int_equal(mtls(TLS13_VERIFY_REQUIRED, NULL, "ca.pem", &c, &s, cfgs), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(tls13_conn_alert_sent(s), TLS13_ALERT_CERTIFICATE_REQUIRED);
    assert_non_null(strstr(tls13_conn_error_text(s), "the client sent no certificate"));
    mtls_done(c, s, cfgs);
    /* Optional, none: fine. */
    assert_int_equal(mtls(TLS13_VERIFY_OPTIONAL, NULL, "ca.pem", &c, &s, cfgs), TLS13_OK);
    assert_int_equal(tls13_conn_peer_cert_count(s), 0);
    tp_transfer(s, c, 10);
    mtls_done(c, s, cfgs);
    /* Optional, sent by another CA: unknown_ca. */
    assert_int_equal(mtls(TLS13_VERIFY_OPTIONAL, "client-other", "ca.pem", &c, &s, cfgs), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(tls13_conn_alert_sent(s), TLS13_ALERT_UNKNOWN_CA);
    assert_non_null(strstr(tls13_conn_error_text(s), "certificate verify failed: "));
    mtls_done(c, s, cfgs);
}

static int alpn_pair(const char *const *cp, size_t cn, const char *const *sp, size_t sn, tls13_conn **c,
                     tls13_conn **s, tls13_config **cfgs)
{
    cfgs[0] = tp_client_config();
    cfgs[1] = tp_server_config("ec256");
    assert_int_equal(tls13_config_set_alpn(cfgs[0], cp, cn), TLS13_OK);
    assert_int_equal(tls13_config_set_alpn(cfgs[1], sp, sn), TLS13_OK);
    *c = tls13_conn_new(cfgs[0], "localhost");
    *s = tls13_conn_new(cfgs[1], NULL);
    return tp_handshake(*c, *s);
}

static void test_alpn(void **state)
{
    static const char *const client_protos[] = {"h2", "http/1.1"};
    static const char *const server_protos[] = {"http/1.1", "h2"};
    static const char *const other[] = {"imap"};
    tls13_conn *c, *s;
    tls13_config *cfgs[2];
    (void)state;
    /* The server's order decides. */
    assert_int_equal(alpn_pair(client_protos, 2, server_protos, 2, &c, &s, cfgs), TLS13_OK);
    assert_string_equal(tls13_conn_alpn(c), "http/1.1");
    assert_string_equal(tls13_conn_alpn(s), "http/1.1");
    mtls_done(c, s, cfgs);
    assert_int_equal(alpn_pair(client_protos, 2, other, 1, &c, &s, cfgs), TLS13_ERR_HANDSHAKE_FAILURE);
    assert_int_equal(tls13_conn_alert_sent(s), TLS13_ALERT_NO_APPLICATION_PROTOCOL);
    assert_int_equal(tls13_conn_alert_received(c), TLS13_ALERT_NO_APPLICATION_PROTOCOL);
    assert_string_equal(tls13_conn_error_text(c), "received fatal alert no_application_protocol from the server");
    assert_null(tls13_conn_alpn(c));
    mtls_done(c, s, cfgs);
}

/* Two chains: the SNI picks the one whose SAN names it. */
static void test_sni_chooses_chain(void **state)
{
    static const struct { const char *sni; uint16_t scheme; } cases[] = {
        {"rsa.example", TLS13_SIG_RSA_PSS_RSAE_SHA256},
        {"ec256.example", TLS13_SIG_ECDSA_SECP256R1_SHA256},
        {"127.0.0.1", TLS13_SIG_ECDSA_SECP256R1_SHA256}, /* no SNI for IP literals: the first chain */
    };
    tls13_config *scfg = tls13_config_new(TLS13_SERVER);
    (void)state;
    assert_int_equal(tls13_config_add_certificate(scfg, tp_path("server-ec256.pem"), tp_path("server-ec256.key")), 0);
    assert_int_equal(tls13_config_add_certificate(scfg, tp_path("server-rsa.pem"), tp_path("server-rsa.key")), 0);
    for (size_t i = 0; i < 3; i++) {
        tls13_config *ccfg = tp_client_config();
        tls13_conn *c = tls13_conn_new(ccfg, cases[i].sni), *s = tls13_conn_new(scfg, NULL);
        assert_int_equal(tp_handshake(c, s), TLS13_OK);
        assert_int_equal(tls13_conn_signature_scheme(c), cases[i].scheme);
        if (i < 2)
            assert_string_equal(tls13_conn_server_name(s), cases[i].sni);
        else
            assert_null(tls13_conn_server_name(s));
        tls13_conn_free(c);
        tls13_conn_free(s);
        tls13_config_free(ccfg);
    }
    tls13_config_free(scfg);
}

static void test_key_update_close_and_large_writes(void **state)
{
    tls13_config *scfg = tp_server_config("ec256"), *ccfg = tp_client_config();
    tls13_conn *c = tls13_conn_new(ccfg, "localhost"), *s = tls13_conn_new(scfg, NULL);
    uint8_t before_c[48], before_s[48], buf[16];
    (void)state;
    assert_int_equal(tp_handshake(c, s), TLS13_OK);
    /* TLS-Exporter (section 7.5): both sides agree; label and context matter. */
    {
        uint8_t e1[32], e2[32], e3[32], e4[32];
        assert_int_equal(tls13_conn_export(c, "EXPORTER-test", (const uint8_t *)"ctx", 3, e1, 32), TLS13_OK);
        assert_int_equal(tls13_conn_export(s, "EXPORTER-test", (const uint8_t *)"ctx", 3, e2, 32), TLS13_OK);
        assert_int_equal(tls13_conn_export(s, "EXPORTER-other", (const uint8_t *)"ctx", 3, e3, 32), TLS13_OK);
        assert_int_equal(tls13_conn_export(s, "EXPORTER-test", NULL, 0, e4, 32), TLS13_OK);
        assert_memory_equal(e1, e2, 32);
        assert_memory_not_equal(e1, e3, 32);
        assert_memory_not_equal(e1, e4, 32);
    }
    memcpy(before_c, c->wr.secret, 48);
    memcpy(before_s, s->wr.secret, 48);
    /* KeyUpdate(update_requested): the server rotates its read key, answers
     * and rotates its write key; data keeps flowing both ways. */
    assert_int_equal(tls13_conn_key_update(c, 1), TLS13_OK);
    tp_transfer(c, s, 300);
    assert_memory_not_equal(before_c, c->wr.secret, 48);
    tp_transfer(s, c, 300);
    assert_memory_not_equal(before_s, s->wr.secret, 48);
    assert_memory_equal(c->rd.secret, s->wr.secret, 48);
    assert_memory_equal(s->rd.secret, c->wr.secret, 48);
    /* Large writes split into 2^14-byte records, more than the output holds. */
    tp_transfer(c, s, 200000);
    tp_transfer(s, c, 70000);
    /* close_notify */
    assert_int_equal(tls13_conn_close(c), TLS13_OK);
    assert_int_equal(tls13_conn_write(c, "x", 1), TLS13_ERR_STATE);
    assert_int_equal(tp_move(c, s), TLS13_OK);
    assert_int_equal(tls13_conn_read(s, buf, sizeof(buf)), TLS13_ERR_CLOSED);
    tls13_conn_free(c);
    tls13_conn_free(s);
    tls13_config_free(ccfg);
    tls13_config_free(scfg);
}

/* Limits a hostile peer must not get past after the handshake: a run of
 * KeyUpdates gets one reply and ends at the limit (section 4.6.3), padding
 * cannot stretch TLSInnerPlaintext past 2^14 + 1 bytes (section 5.4), and the
 * generation-0 traffic secrets are gone once installed (section 7.2). */
static void test_post_handshake_limits(void **state)
{
    tls13_config *scfg = tp_server_config("ec256"), *ccfg = tp_client_config();
    tls13_conn *c = tls13_conn_new(ccfg, "localhost"), *s = tls13_conn_new(scfg, NULL);
    static uint8_t inner[TLS13_MAX_PLAINTEXT + 201], record[TLS13_MAX_PLAINTEXT + 512];
    uint8_t zero[TLS13_HASH_MAX_SIZE] = {0};
    const uint8_t *out;
    size_t len, used, n;
    (void)state;
    assert_int_equal(tp_handshake(c, s), TLS13_OK);
    assert_memory_equal(c->client_ap_secret, zero, sizeof(zero));
    assert_memory_equal(c->server_ap_secret, zero, sizeof(zero));
    assert_memory_equal(s->client_ap_secret, zero, sizeof(zero));
    assert_memory_equal(s->server_ap_secret, zero, sizeof(zero));

    /* Ten requests in one flight: the server answers with one KeyUpdate. */
    for (int i = 0; i < 10; i++)
        assert_int_equal(tls13_conn_key_update(c, 1), TLS13_OK);
    assert_int_equal(tp_move(c, s), TLS13_OK);
    assert_int_equal(tls13_conn_output(s, &out, &len), TLS13_OK);
    assert_int_equal(len, 5 + 5 + 1 + 16); /* one record: header, KeyUpdate, type, tag */
    assert_int_equal(tp_move(s, c), TLS13_OK);
    tp_transfer(c, s, 100); /* data resets the count */
    tp_transfer(s, c, 100);
    for (int i = 0; i < TLS13_MAX_KEY_UPDATES_IN_ROW; i++)
        assert_int_equal(tls13_conn_key_update(c, 0), TLS13_OK);
    assert_int_equal(tp_move(c, s), TLS13_OK);
    assert_int_equal(tls13_conn_key_update(c, 0), TLS13_OK);
    assert_int_equal(tp_move(c, s), TLS13_ERR_PROTOCOL);
    assert_int_equal(tls13_conn_alert_sent(s), TLS13_ALERT_UNEXPECTED_MESSAGE);
    tls13_conn_free(c);
    tls13_conn_free(s);

    /* 2^14 bytes of data plus 200 bytes of padding: record_overflow. */
    c = tls13_conn_new(ccfg, "localhost");
    s = tls13_conn_new(scfg, NULL);
    assert_int_equal(tp_handshake(c, s), TLS13_OK);
    memset(inner, 'A', TLS13_MAX_PLAINTEXT);
    inner[TLS13_MAX_PLAINTEXT] = TLS13_CT_APPLICATION_DATA;
    /* Sealed as "type 0": the sealer appends the type byte, here one more zero. */
    n = tls13_record_seal(&c->wr, 0, inner, sizeof(inner), record);
    record[0] = TLS13_CT_APPLICATION_DATA;
    assert_int_equal(tls13_conn_feed(s, record, n, &used), TLS13_ERR_PROTOCOL);
    assert_int_equal(tls13_conn_alert_sent(s), TLS13_ALERT_RECORD_OVERFLOW);
    tls13_conn_free(c);
    tls13_conn_free(s);
    tls13_config_free(ccfg);
    tls13_config_free(scfg);
}

/* Every handshake message split over many records (as a peer with a small
 * record_size_limit would need): reassembly on both sides. */
static void test_tiny_records(void **state)
{
    tls13_config *scfg = tp_server_config("rsa"), *ccfg = tp_client_config();
    tls13_conn *c = tls13_conn_new(ccfg, "localhost"), *s = tls13_conn_new(scfg, NULL);
    (void)state;
    c->max_fragment = 64;
    s->max_fragment = 64;
    assert_int_equal(tp_handshake(c, s), TLS13_OK);
    assert_int_equal(tls13_conn_signature_scheme(c), TLS13_SIG_RSA_PSS_RSAE_SHA256);
    tp_transfer(c, s, 1000);
    tp_transfer(s, c, 1000);
    tls13_conn_free(c);
    tls13_conn_free(s);
    tls13_config_free(ccfg);
    tls13_config_free(scfg);
}

static void test_certificate_failures(void **state)
{
    tls13_config *scfg = tp_server_config("ec256");
    tls13_config *ccfg;
    tls13_conn *c, *s;
    (void)state;
    /* Host name mismatch. */
    ccfg = tp_client_config();
    c = tls13_conn_new(ccfg, "www.example.org");
    s = tls13_conn_new(scfg, NULL);
    assert_int_equal(tp_handshake(c, s), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_BAD_CERTIFICATE);
    assert_int_equal(tls13_conn_alert_received(s), TLS13_ALERT_BAD_CERTIFICATE);
    assert_non_null(strstr(tls13_conn_error_text(c), "certificate verify failed: "));
    printf("host mismatch: %s\n", tls13_conn_error_text(c));
    tls13_conn_free(c);
    tls13_conn_free(s);
    /* No name to check: a verifying client refuses rather than accept any
     * trusted certificate. */
    c = tls13_conn_new(ccfg, NULL);
    s = tls13_conn_new(scfg, NULL);
    assert_int_equal(tp_handshake(c, s), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_CERTIFICATE_UNKNOWN);
    assert_non_null(strstr(tls13_conn_error_text(c), "no server name to check the certificate against"));
    tls13_conn_free(c);
    tls13_conn_free(s);
    /* Expired: verify two years from now. */
    tls13_config_set_time(ccfg, (int64_t)time(NULL) + 2 * 365 * 86400);
    c = tls13_conn_new(ccfg, "localhost");
    s = tls13_conn_new(scfg, NULL);
    assert_int_equal(tp_handshake(c, s), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_CERTIFICATE_EXPIRED);
    assert_non_null(strstr(tls13_conn_error_text(c), "certificate verify failed: "));
    printf("expired: %s\n", tls13_conn_error_text(c));
    tls13_conn_free(c);
    tls13_conn_free(s);
    tls13_config_free(ccfg);
    /* Unknown CA: the client trusts only other-ca. */
    ccfg = tls13_config_new(TLS13_CLIENT);
    assert_int_equal(tls13_config_load_trust_file(ccfg, tp_path("other-ca.pem")), TLS13_OK);
    c = tls13_conn_new(ccfg, "localhost");
    s = tls13_conn_new(scfg, NULL);
    assert_int_equal(tp_handshake(c, s), TLS13_ERR_CERT_VERIFY);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_UNKNOWN_CA);
    tls13_conn_free(c);
    tls13_conn_free(s);
    tls13_config_free(ccfg);
    tls13_config_free(scfg);
}

static void keylog_collect(void *arg, const char *line)
{
    collect(arg, line);
}

/* The trace and key log lines the API documents. */
static void test_trace_and_keylog(void **state)
{
    static const char *const protos[] = {"h2", "http/1.1"};
    tls13_config *scfg = tp_server_config("ec256"), *ccfg = tp_client_config();
    trace_buf ct = {""}, kl = {""};
    tls13_conn *c, *s;
    int lines = 0;
    (void)state;
    tls13_config_set_trace(ccfg, collect, &ct);
    tls13_config_set_keylog(ccfg, keylog_collect, &kl);
    tls13_config_set_alpn(ccfg, protos, 2);
    tls13_config_set_alpn(scfg, protos + 1, 1);
    c = tls13_conn_new(ccfg, "localhost");
    s = tls13_conn_new(scfg, NULL);
    assert_int_equal(tp_handshake(c, s), TLS13_OK);
    printf("%s%s", ct.text, kl.text);
    assert_non_null(strstr(ct.text, "> ClientHello: TLS 1.3, 3 suites, groups X25519MLKEM768,x25519,secp256r1,secp384r1, key shares X25519MLKEM768+x25519, SNI localhost, ALPN h2,http/1.1\n"));
    assert_non_null(strstr(ct.text, "< ServerHello: TLS_AES_128_GCM_SHA256, key share X25519MLKEM768\n"));
    assert_non_null(strstr(ct.text, "< Certificate: 2 certificates"));
    assert_non_null(strstr(ct.text, "certificate verify ok\n"));
    assert_non_null(strstr(ct.text, "< CertificateVerify: ecdsa_secp256r1_sha256\n"));
    assert_non_null(strstr(ct.text, "negotiated TLS 1.3 / TLS_AES_128_GCM_SHA256 / X25519MLKEM768, ALPN http/1.1\n"));
    for (const char *p = kl.text; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    assert_int_equal(lines, 5);
    assert_true(strncmp(kl.text, "CLIENT_HANDSHAKE_TRAFFIC_SECRET ", 32) == 0);
    assert_non_null(strstr(kl.text, "\nSERVER_HANDSHAKE_TRAFFIC_SECRET "));
    assert_non_null(strstr(kl.text, "\nCLIENT_TRAFFIC_SECRET_0 "));
    assert_non_null(strstr(kl.text, "\nSERVER_TRAFFIC_SECRET_0 "));
    assert_non_null(strstr(kl.text, "\nEXPORTER_SECRET "));
    /* "<LABEL> <64 hex client random> <64 hex secret>" */
    assert_int_equal(strchr(kl.text, '\n') - kl.text, 31 + 1 + 64 + 1 + 64);
    tls13_conn_free(c);
    tls13_conn_free(s);
    tls13_config_free(ccfg);
    tls13_config_free(scfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matrix),
        cmocka_unit_test(test_hello_retry_request),
        cmocka_unit_test(test_mtls),
        cmocka_unit_test(test_alpn),
        cmocka_unit_test(test_sni_chooses_chain),
        cmocka_unit_test(test_key_update_close_and_large_writes),
        cmocka_unit_test(test_post_handshake_limits),
        cmocka_unit_test(test_tiny_records),
        cmocka_unit_test(test_certificate_failures),
        cmocka_unit_test(test_trace_and_keylog),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
