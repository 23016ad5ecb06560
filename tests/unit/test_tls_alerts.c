/* Protocol violations get the alert RFC 8446 section 6 names, and the
 * connection then fails cleanly: truncated or malformed messages
 * (decode_error), messages out of order (unexpected_message), record rules
 * (record_overflow, bad_record_mac, CCS, zero-length, interleaving, the key
 * change boundary), ServerHello checks (illegal_parameter), bad Finished
 * (decrypt_error), ClientHello checks. */
#define _POSIX_C_SOURCE 200809L
#include "tls_pair.h"

#include "tls/alert.h"
#include "tls/conn.h"
#include "tls/messages.h"
#include "tls/record.h"

static tls13_config *server_cfg, *client_cfg;

static int setup(void **state)
{
    (void)state;
    server_cfg = tp_server_config("ec256");
    client_cfg = tp_client_config();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tls13_config_free(server_cfg);
    tls13_config_free(client_cfg);
    return 0;
}

/* The bytes a fresh client sends first (its ClientHello record). */
static size_t client_hello_record(tls13_conn **client, uint8_t *buf, size_t cap)
{
    const uint8_t *out;
    size_t len;
    *client = tls13_conn_new(client_cfg, "localhost");
    assert_int_equal(tls13_conn_output(*client, &out, &len), TLS13_OK);
    assert_true(len <= cap && len > 9);
    memcpy(buf, out, len);
    tls13_conn_output_done(*client, len);
    return len;
}

/* Feeds bytes to a fresh server and checks the alert it sends. */
static void expect_server_alert(const uint8_t *in, size_t len, int alert, const char *why)
{
    tls13_conn *s = tls13_conn_new(server_cfg, NULL);
    size_t used;
    int rc = tls13_conn_feed(s, in, len, &used);
    const uint8_t *out;
    size_t out_len;
    if (rc == TLS13_OK || tls13_conn_alert_sent(s) != alert) {
        printf("%s: rc %d, alert %d (%s), wanted %s\n", why, rc, tls13_conn_alert_sent(s),
               tls13_conn_error_text(s), tls13_alert_name(alert));
        fail();
    }
    printf("%s -> %s: %s\n", why, tls13_alert_name(alert), tls13_conn_error_text(s));
    /* The alert is the last record of the output: in plaintext before the
     * server's handshake keys, else protected (2 bytes + type + tag). The
     * records are walked from the start: a byte of ciphertext can look like
     * a record type. */
    tls13_conn_output(s, &out, &out_len);
    {
        size_t last = 0, rec_len = 0;
        for (size_t at = 0; at < out_len; at += 5 + rec_len) {
            assert_true(out_len - at >= 5);
            rec_len = (size_t)out[at + 3] << 8 | out[at + 4];
            assert_true(out_len - at - 5 >= rec_len);
            last = at;
        }
        assert_true(out_len > 0);
        if (out[last] == TLS13_CT_ALERT) {
            assert_int_equal(rec_len, 2);
            assert_int_equal(out[last + 6], alert);
        } else {
            assert_int_equal(out[last], TLS13_CT_APPLICATION_DATA);
            assert_int_equal(rec_len, 2 + 1 + 16);
        }
    }
    /* The connection stays failed. */
    assert_int_equal(tls13_conn_feed(s, in, len, &used), rc);
    assert_int_equal(tls13_conn_write(s, "x", 1), rc);
    tls13_conn_free(s);
}

/* Rewrites the ClientHello record: the message body at ch + 9. */
static void test_client_hello_violations(void **state)
{
    uint8_t rec[4096], bad[4096];
    tls13_conn *c;
    size_t n = client_hello_record(&c, rec, sizeof(rec));
    size_t body = 9, ext_off, p;
    (void)state;
    tls13_conn_free(c);

    /* Truncated by one byte (lengths adjusted so the record framing is fine). */
    memcpy(bad, rec, n);
    bad[3] = (uint8_t)((n - 6) >> 8); bad[4] = (uint8_t)(n - 6);
    bad[7] = (uint8_t)((n - 10) >> 8); bad[8] = (uint8_t)(n - 10);
    expect_server_alert(bad, n - 1, TLS13_ALERT_DECODE_ERROR, "truncated ClientHello");

    /* Locate the extensions: version 2, random 32, session id, suites, compression. */
    p = body + 2 + 32;
    p += 1 + rec[p];
    p += 2 + ((size_t)rec[p] << 8 | rec[p + 1]);
    /* compression methods [1, 0] -> [1, 1] */
    memcpy(bad, rec, n);
    bad[p + 1] = 1;
    expect_server_alert(bad, n, TLS13_ALERT_ILLEGAL_PARAMETER, "compression method 1");
    p += 1 + rec[p];
    ext_off = p + 2;

    /* The first extension's type renamed to the second's: a duplicate. */
    {
        size_t first = ext_off, second = ext_off + 4 + ((size_t)rec[ext_off + 2] << 8 | rec[ext_off + 3]);
        memcpy(bad, rec, n);
        bad[first] = rec[second];
        bad[first + 1] = rec[second + 1];
        expect_server_alert(bad, n, TLS13_ALERT_ILLEGAL_PARAMETER, "duplicate extension");
    }
    /* supported_versions renamed to an unknown extension: TLS 1.2 only. */
    for (size_t q = ext_off; q + 4 <= n;) {
        uint16_t type = (uint16_t)(rec[q] << 8 | rec[q + 1]);
        size_t len = (size_t)rec[q + 2] << 8 | rec[q + 3];
        if (type == TLS13_EXT_SUPPORTED_VERSIONS) {
            memcpy(bad, rec, n);
            bad[q] = 0xfa;
            bad[q + 1] = 0xfa;
            expect_server_alert(bad, n, TLS13_ALERT_PROTOCOL_VERSION, "no supported_versions");
        }
        if (type == TLS13_EXT_SUPPORTED_GROUPS) {
            /* The first listed group (X25519MLKEM768, which has a key share)
             * renamed to ffdhe2048: a share for an unlisted group. */
            memcpy(bad, rec, n);
            bad[q + 6] = 0x01;
            bad[q + 7] = 0x00;
            expect_server_alert(bad, n, TLS13_ALERT_ILLEGAL_PARAMETER, "key share for a group not in supported_groups");
        }
        if (type == TLS13_EXT_SIGNATURE_ALGORITHMS) {
            memcpy(bad, rec, n);
            bad[q] = 0xfa;
            bad[q + 1] = 0xfb;
            expect_server_alert(bad, n, TLS13_ALERT_MISSING_EXTENSION, "no signature_algorithms");
        }
        q += 4 + len;
    }
    /* Finished where a ClientHello is expected. */
    {
        static const uint8_t fin[] = {22, 3, 3, 0, 36, 20, 0, 0, 32, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                                      15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
        expect_server_alert(fin, sizeof(fin), TLS13_ALERT_UNEXPECTED_MESSAGE, "Finished before ClientHello");
    }
    /* Handshake data after the ClientHello in its record: the read key
     * changes after the ClientHello (section 5.1). */
    memcpy(bad, rec, n);
    memcpy(bad + n, "\x14\x00\x00\x00", 4);
    bad[3] = (uint8_t)((n - 1) >> 8); bad[4] = (uint8_t)(n - 1);
    expect_server_alert(bad, n + 4, TLS13_ALERT_UNEXPECTED_MESSAGE, "data after ClientHello at a key change");
}

static void test_record_violations(void **state)
{
    uint8_t rec[4096], bad[8192];
    tls13_conn *c;
    size_t n = client_hello_record(&c, rec, sizeof(rec)), half;
    static uint8_t huge[5 + 16385];
    (void)state;
    tls13_conn_free(c);

    /* A plaintext record over 2^14 and a ciphertext over 2^14 + 256. */
    memset(huge, 0, sizeof(huge));
    huge[0] = 22; huge[1] = 3; huge[2] = 1; huge[3] = 0x40; huge[4] = 0x01;
    expect_server_alert(huge, 5, TLS13_ALERT_RECORD_OVERFLOW, "plaintext record of 2^14 + 1");
    huge[0] = 23; huge[3] = 0x41; huge[4] = 0x01;
    expect_server_alert(huge, 5, TLS13_ALERT_RECORD_OVERFLOW, "ciphertext record of 2^14 + 257");
    /* Zero-length handshake record. */
    expect_server_alert((const uint8_t *)"\x16\x03\x01\x00\x00", 5, TLS13_ALERT_UNEXPECTED_MESSAGE,
                        "empty handshake record");
    /* Application data in plaintext before any key. */
    expect_server_alert((const uint8_t *)"\x17\x03\x03\x00\x01\x00", 6, TLS13_ALERT_UNEXPECTED_MESSAGE,
                        "application data before keys");
    /* change_cipher_spec before the ClientHello. */
    expect_server_alert((const uint8_t *)"\x14\x03\x03\x00\x01\x01", 6, TLS13_ALERT_UNEXPECTED_MESSAGE,
                        "change_cipher_spec before ClientHello");
    /* An unknown record type. */
    expect_server_alert((const uint8_t *)"\x63\x03\x03\x00\x01\x01", 6, TLS13_ALERT_UNEXPECTED_MESSAGE,
                        "record type 99");
    /* The ClientHello split over two records is fine ... */
    half = (n - 5) / 2;
    memcpy(bad, rec, 5 + half);
    bad[3] = (uint8_t)(half >> 8); bad[4] = (uint8_t)half;
    memcpy(bad + 5 + half, rec, 5);
    bad[5 + half + 3] = (uint8_t)((n - 5 - half) >> 8); bad[5 + half + 4] = (uint8_t)(n - 5 - half);
    memcpy(bad + 10 + half, rec + 5 + half, n - 5 - half);
    {
        tls13_conn *s = tls13_conn_new(server_cfg, NULL);
        size_t used;
        assert_int_equal(tls13_conn_feed(s, bad, n + 5, &used), TLS13_OK);
        assert_int_equal(used, n + 5);
        assert_int_equal(s->state, TLS13_ST_SERVER_WAIT_FINISHED);
        tls13_conn_free(s);
    }
    /* ... but an alert between the two halves is not. */
    {
        uint8_t inter[8192];
        memcpy(inter, bad, 5 + half);
        memcpy(inter + 5 + half, "\x15\x03\x03\x00\x02\x01\x5a", 7);
        memcpy(inter + 12 + half, bad + 5 + half, n - half);
        expect_server_alert(inter, n + 12, TLS13_ALERT_UNEXPECTED_MESSAGE, "alert inside a fragmented ClientHello");
        memcpy(inter + 5 + half, "\x14\x03\x03\x00\x01\x01", 6);
        memcpy(inter + 11 + half, bad + 5 + half, n - half);
        expect_server_alert(inter, n + 11, TLS13_ALERT_UNEXPECTED_MESSAGE, "CCS inside a fragmented ClientHello");
    }
    /* A malformed change_cipher_spec. */
    memcpy(bad, rec, n);
    memcpy(bad + n, "\x14\x03\x03\x00\x01\x02", 6);
    {
        tls13_conn *s = tls13_conn_new(server_cfg, NULL);
        size_t used;
        assert_int_equal(tls13_conn_feed(s, bad, n + 6, &used), TLS13_ERR_PROTOCOL);
        assert_int_equal(tls13_conn_alert_sent(s), TLS13_ALERT_UNEXPECTED_MESSAGE);
        tls13_conn_free(s);
    }
}

/* Runs a handshake where `patch` may rewrite the server's first flight (the
 * plaintext ServerHello record comes first) before the client sees it. */
static int client_sees(void (*patch)(uint8_t *buf, size_t len), tls13_conn **client, tls13_conn **server)
{
    const uint8_t *out;
    size_t len, used;
    uint8_t *copy;
    int rc;
    *client = tls13_conn_new(client_cfg, "localhost");
    *server = tls13_conn_new(server_cfg, NULL);
    assert_int_equal(tp_move(*client, *server), TLS13_OK);
    tls13_conn_output(*server, &out, &len);
    copy = malloc(len);
    memcpy(copy, out, len);
    tls13_conn_output_done(*server, len);
    patch(copy, len);
    rc = tls13_conn_feed(*client, copy, len, &used);
    free(copy);
    return rc;
}

/* Offsets in the ServerHello record: header 5, message header 4, version 2. */
#define SH_RANDOM 11
#define SH_SUITE (11 + 32 + 1 + 32)

static void patch_suite(uint8_t *b, size_t n) { (void)n; b[SH_SUITE + 1] = 0x05; }
static void patch_sentinel(uint8_t *b, size_t n) { (void)n; memcpy(b + SH_RANDOM + 24, "DOWNGRD\x01", 8); }
static void patch_session_id(uint8_t *b, size_t n) { (void)n; b[SH_RANDOM + 33] ^= 1; }
static void patch_version(uint8_t *b, size_t n) { (void)n; b[9] = 0x02; }
static void patch_compression(uint8_t *b, size_t n) { (void)n; b[SH_SUITE + 2] = 1; }
/* The first protected record (EncryptedExtensions) gets a flipped bit. */
static void patch_mac(uint8_t *b, size_t n)
{
    size_t p = 5 + ((size_t)b[3] << 8 | b[4]);
    while (p < n && b[p] != TLS13_CT_APPLICATION_DATA)
        p += 5 + ((size_t)b[p + 3] << 8 | b[p + 4]);
    assert_true(p + 10 < n);
    b[p + 10] ^= 0x01;
}

static void expect_client_alert(void (*patch)(uint8_t *, size_t), int alert, const char *why)
{
    tls13_conn *c, *s;
    int rc = client_sees(patch, &c, &s);
    if (rc == TLS13_OK || tls13_conn_alert_sent(c) != alert) {
        printf("%s: rc %d alert %d: %s\n", why, rc, tls13_conn_alert_sent(c), tls13_conn_error_text(c));
        fail();
    }
    printf("%s -> %s: %s\n", why, tls13_alert_name(alert), tls13_conn_error_text(c));
    /* The server learns why. */
    tp_move(c, s);
    assert_int_equal(tls13_conn_alert_received(s), alert);
    tls13_conn_free(c);
    tls13_conn_free(s);
}

static void test_server_hello_violations(void **state)
{
    tls13_conn *c, *s;
    (void)state;
    expect_client_alert(patch_suite, TLS13_ALERT_ILLEGAL_PARAMETER, "unoffered cipher suite");
    client_sees(patch_suite, &c, &s);
    assert_string_equal(tls13_conn_error_text(c), "the server chose cipher suite 0x1305, which we did not offer");
    tls13_conn_free(c);
    tls13_conn_free(s);
    expect_client_alert(patch_sentinel, TLS13_ALERT_ILLEGAL_PARAMETER, "TLS 1.2 downgrade sentinel");
    expect_client_alert(patch_session_id, TLS13_ALERT_ILLEGAL_PARAMETER, "session id not echoed");
    expect_client_alert(patch_version, TLS13_ALERT_ILLEGAL_PARAMETER, "legacy_version 0x0203");
    expect_client_alert(patch_compression, TLS13_ALERT_ILLEGAL_PARAMETER, "compression 1");
    expect_client_alert(patch_mac, TLS13_ALERT_BAD_RECORD_MAC, "modified EncryptedExtensions record");
}

/* The client's Finished computed with a wrong key: the server answers
 * decrypt_error (section 4.4.4). */
static void test_bad_finished(void **state)
{
    tls13_conn *c = tls13_conn_new(client_cfg, "localhost"), *s = tls13_conn_new(server_cfg, NULL);
    const uint8_t *out;
    size_t len, used, off = 0;
    (void)state;
    assert_int_equal(tp_move(c, s), TLS13_OK);
    tls13_conn_output(s, &out, &len);
    /* Feed the ServerHello record only, then spoil the finished base key. */
    assert_int_equal(tls13_conn_feed(c, out, 5 + ((size_t)out[3] << 8 | out[4]), &used), TLS13_OK);
    off = used;
    c->client_hs_secret[0] ^= 1;
    assert_int_equal(tls13_conn_feed(c, out + off, len - off, &used), TLS13_OK);
    tls13_conn_output_done(s, len);
    assert_int_equal(tp_move(c, s), TLS13_ERR_PROTOCOL);
    assert_int_equal(tls13_conn_alert_sent(s), TLS13_ALERT_DECRYPT_ERROR);
    printf("bad Finished -> decrypt_error: %s\n", tls13_conn_error_text(s));
    tls13_conn_free(c);
    tls13_conn_free(s);
}

/* After the handshake: a ServerHello is unexpected, CCS too. */
static void test_after_handshake(void **state)
{
    tls13_conn *c = tls13_conn_new(client_cfg, "localhost"), *s = tls13_conn_new(server_cfg, NULL);
    size_t used;
    (void)state;
    assert_int_equal(tp_handshake(c, s), TLS13_OK);
    assert_int_equal(tls13_conn_feed(c, (const uint8_t *)"\x14\x03\x03\x00\x01\x01", 6, &used), TLS13_ERR_PROTOCOL);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_UNEXPECTED_MESSAGE);
    tls13_conn_free(c);
    tls13_conn_free(s);
}

/* A HelloRetryRequest written by hand (section 4.1.4): selected group,
 * cookie; the record is plaintext. */
static size_t make_hrr(const tls13_conn *c, uint16_t group, int with_group, int with_cookie, uint8_t *out)
{
    tls13_writer w;
    tls13_writer_init(&w, out, 512);
    tls13_write_u8(&w, TLS13_CT_HANDSHAKE);
    tls13_write_u16(&w, 0x0303);
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_handshake_begin(&w, TLS13_HS_SERVER_HELLO);
    tls13_write_u16(&w, 0x0303);
    tls13_write_bytes(&w, tls13_hrr_random, 32);
    tls13_write_begin_prefixed(&w, 1);
    tls13_write_bytes(&w, c->session_id, c->session_id_len);
    tls13_write_end_prefixed(&w);
    tls13_write_u16(&w, TLS13_AES_128_GCM_SHA256);
    tls13_write_u8(&w, 0);
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_u16(&w, TLS13_EXT_SUPPORTED_VERSIONS);
    tls13_write_u16(&w, 2);
    tls13_write_u16(&w, 0x0304);
    if (with_group) {
        tls13_write_u16(&w, TLS13_EXT_KEY_SHARE);
        tls13_write_u16(&w, 2);
        tls13_write_u16(&w, group);
    }
    if (with_cookie) {
        tls13_write_u16(&w, TLS13_EXT_COOKIE);
        tls13_write_u16(&w, 6);
        tls13_write_u16(&w, 4);
        tls13_write_bytes(&w, (const uint8_t *)"\xde\xad\xbe\xef", 4);
    }
    tls13_write_end_prefixed(&w);
    tls13_write_end_prefixed(&w);
    tls13_write_end_prefixed(&w);
    assert_true(tls13_writer_ok(&w));
    return tls13_writer_len(&w);
}

static int find_bytes(const uint8_t *hay, size_t n, const char *needle, size_t m)
{
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(hay + i, needle, m) == 0)
            return 1;
    return 0;
}

static void test_hello_retry_request_rules(void **state)
{
    uint8_t rec[4096], hrr[512];
    const uint8_t *out;
    size_t len, used, n;
    tls13_conn *c;
    (void)state;
    /* secp256r1 with a cookie: the second ClientHello echoes the cookie and
     * carries exactly one share, for secp256r1, after a CCS. */
    client_hello_record(&c, rec, sizeof(rec));
    n = make_hrr(c, TLS13_GROUP_SECP256R1, 1, 1, hrr);
    assert_int_equal(tls13_conn_feed(c, hrr, n, &used), TLS13_OK);
    assert_int_equal(tls13_conn_output(c, &out, &len), TLS13_OK);
    assert_memory_equal(out, "\x14\x03\x03\x00\x01\x01", 6);
    assert_int_equal(out[6], TLS13_CT_HANDSHAKE);
    assert_int_equal(out[8], 0x03); /* legacy_record_version 0x0303 after the first ClientHello */
    assert_true(find_bytes(out, len, "\x00\x2c\x00\x06\x00\x04\xde\xad\xbe\xef", 10));
    assert_true(find_bytes(out, len, "\x00\x33\x00\x47\x00\x45\x00\x17\x00\x41\x04", 11));
    tls13_conn_output_done(c, len);
    /* A second HelloRetryRequest. */
    assert_int_equal(tls13_conn_feed(c, hrr, n, &used), TLS13_ERR_PROTOCOL);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_UNEXPECTED_MESSAGE);
    tls13_conn_free(c);

    /* A group we already sent a share for, one we never offered, no change. */
    client_hello_record(&c, rec, sizeof(rec));
    n = make_hrr(c, TLS13_GROUP_X25519, 1, 0, hrr);
    assert_int_equal(tls13_conn_feed(c, hrr, n, &used), TLS13_ERR_PROTOCOL);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_ILLEGAL_PARAMETER);
    printf("HRR for a shared group -> %s\n", tls13_conn_error_text(c));
    tls13_conn_free(c);
    client_hello_record(&c, rec, sizeof(rec));
    n = make_hrr(c, 0x001e /* x448 */, 1, 0, hrr);
    assert_int_equal(tls13_conn_feed(c, hrr, n, &used), TLS13_ERR_PROTOCOL);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_ILLEGAL_PARAMETER);
    printf("HRR for an unoffered group -> %s\n", tls13_conn_error_text(c));
    tls13_conn_free(c);
    client_hello_record(&c, rec, sizeof(rec));
    n = make_hrr(c, 0, 0, 0, hrr);
    assert_int_equal(tls13_conn_feed(c, hrr, n, &used), TLS13_ERR_PROTOCOL);
    assert_int_equal(tls13_conn_alert_sent(c), TLS13_ALERT_ILLEGAL_PARAMETER);
    tls13_conn_free(c);
}

/* Mutated handshakes: single-byte changes anywhere in the ClientHello (fed
 * to a server) and in the server's plaintext ServerHello (fed to a client)
 * must end in success or a clean failure with an alert, never a crash or a
 * hang (run under ASan in CI). */
static void test_mutations(void **state)
{
    uint8_t rec[4096], bad[4096];
    tls13_conn *c;
    size_t n = client_hello_record(&c, rec, sizeof(rec)), used;
    uint32_t x = 12345;
    int failed = 0, passed = 0;
    (void)state;
    tls13_conn_free(c);
    for (int i = 0; i < 200; i++) {
        tls13_conn *s = tls13_conn_new(server_cfg, NULL);
        size_t pos;
        int rc;
        x = x * 1103515245u + 12345u;
        pos = 5 + (x >> 8) % (n - 5);
        memcpy(bad, rec, n);
        bad[pos] ^= (uint8_t)(1u << ((x >> 4) & 7));
        rc = tls13_conn_feed(s, bad, n, &used);
        if (rc != TLS13_OK) {
            assert_true(tls13_conn_error_text(s)[0] != '\0');
            failed++;
        } else {
            passed++;
        }
        tls13_conn_free(s);
    }
    printf("ClientHello mutations: %d accepted, %d rejected with an error\n", passed, failed);
    assert_true(failed > 0);
    failed = passed = 0;
    for (int i = 0; i < 200; i++) {
        tls13_conn *s = tls13_conn_new(server_cfg, NULL);
        const uint8_t *out;
        size_t len, sh_len, pos;
        int rc;
        c = tls13_conn_new(client_cfg, "localhost");
        assert_int_equal(tp_move(c, s), TLS13_OK);
        tls13_conn_output(s, &out, &len);
        sh_len = 5 + ((size_t)out[3] << 8 | out[4]);
        memcpy(bad, out, sh_len);
        x = x * 1103515245u + 12345u;
        pos = 5 + (x >> 8) % (sh_len - 5);
        bad[pos] ^= (uint8_t)(1u << ((x >> 4) & 7));
        rc = tls13_conn_feed(c, bad, sh_len, &used);
        if (rc != TLS13_OK)
            failed++;
        else
            passed++;
        tls13_conn_free(c);
        tls13_conn_free(s);
    }
    printf("ServerHello mutations: %d accepted, %d rejected with an error\n", passed, failed);
    assert_true(failed > 0);
}

/* The client has the server's ServerHello (and CCS); `msg` is then sent as
 * the server's first protected handshake message, sealed with the real
 * server handshake key. Returns the client's alert. */
static int client_gets_encrypted(const uint8_t *msg, size_t msg_len, tls13_conn **client_out)
{
    static const char *const protos[] = {"h2"};
    tls13_config *ccfg = tp_client_config();
    tls13_conn *c, *s = tls13_conn_new(server_cfg, NULL);
    tls13_record_dir dir;
    const uint8_t *out;
    uint8_t rec[512];
    size_t len, used, n, pre;
    tls13_config_set_alpn(ccfg, protos, 1);
    c = tls13_conn_new(ccfg, "localhost");
    assert_int_equal(tp_move(c, s), TLS13_OK);
    tls13_conn_output(s, &out, &len);
    pre = 5 + ((size_t)out[3] << 8 | out[4]);
    if (out[pre] == TLS13_CT_CHANGE_CIPHER_SPEC)
        pre += 6;
    assert_int_equal(tls13_conn_feed(c, out, pre, &used), TLS13_OK);
    memset(&dir, 0, sizeof(dir));
    assert_int_equal(tls13_record_dir_set(&dir, s->suite, s->server_hs_secret), TLS13_OK);
    n = tls13_record_seal(&dir, TLS13_CT_HANDSHAKE, msg, msg_len, rec);
    tls13_conn_feed(c, rec, n, &used);
    tls13_record_dir_wipe(&dir);
    tls13_conn_free(s);
    *client_out = c; /* done_encrypted frees it and its configuration */
    return tls13_conn_alert_sent(c);
}

static void done_encrypted(tls13_conn *c)
{
    tls13_config *cfg = (tls13_config *)c->cfg;
    printf("  %s\n", tls13_conn_error_text(c));
    tls13_conn_free(c);
    tls13_config_free(cfg);
}

static void test_encrypted_extensions_rules(void **state)
{
    /* ALPN "h3", which we did not offer. */
    static const uint8_t alpn_h3[] = {8, 0, 0, 11, 0, 9, 0, 16, 0, 5, 0, 3, 2, 'h', '3'};
    /* ALPN with two protocols. */
    static const uint8_t alpn_two[] = {8, 0, 0, 14, 0, 12, 0, 16, 0, 8, 0, 6, 2, 'h', '2', 2, 'h', '3'};
    /* key_share does not belong in EncryptedExtensions. */
    static const uint8_t key_share[] = {8, 0, 0, 8, 0, 6, 0, 51, 0, 2, 0, 29};
    /* The same extension twice. */
    static const uint8_t dup[] = {8, 0, 0, 10, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0};
    /* Truncated. */
    static const uint8_t truncated[] = {8, 0, 0, 3, 0, 6, 0};
    /* Certificate before EncryptedExtensions. */
    static const uint8_t cert[] = {11, 0, 0, 4, 0, 0, 0, 0};
    static const struct { const uint8_t *msg; size_t len; int alert; const char *what; } cases[] = {
        {alpn_h3, sizeof(alpn_h3), TLS13_ALERT_ILLEGAL_PARAMETER, "ALPN not offered"},
        {alpn_two, sizeof(alpn_two), TLS13_ALERT_DECODE_ERROR, "two ALPN protocols"},
        {key_share, sizeof(key_share), TLS13_ALERT_UNSUPPORTED_EXTENSION, "key_share in EncryptedExtensions"},
        {dup, sizeof(dup), TLS13_ALERT_ILLEGAL_PARAMETER, "duplicate extension"},
        {truncated, sizeof(truncated), TLS13_ALERT_DECODE_ERROR, "truncated EncryptedExtensions"},
        {cert, sizeof(cert), TLS13_ALERT_UNEXPECTED_MESSAGE, "Certificate before EncryptedExtensions"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        tls13_conn *c;
        int alert = client_gets_encrypted(cases[i].msg, cases[i].len, &c);
        printf("%s -> %s\n", cases[i].what, tls13_alert_name(alert));
        assert_int_equal(alert, cases[i].alert);
        done_encrypted(c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_client_hello_violations),
        cmocka_unit_test(test_record_violations),
        cmocka_unit_test(test_server_hello_violations),
        cmocka_unit_test(test_bad_finished),
        cmocka_unit_test(test_after_handshake),
        cmocka_unit_test(test_hello_retry_request_rules),
        cmocka_unit_test(test_mutations),
        cmocka_unit_test(test_encrypted_extensions_rules),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
