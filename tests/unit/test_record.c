/* Record protection (src/tls/record.c): the RFC 8448 section 3 records open
 * with the RFC's traffic secrets to the RFC's plaintexts and seal back to the
 * same bytes; padding, tampering and length rules (RFC 8446 section 5). */
#include "rfc8448_vectors.h"

#include "tls13.h"
#include "crypto/hash.h"
#include "tls/key_schedule.h"
#include "tls/messages.h"
#include "tls/record.h"
#include "tls/transcript.h"

static void set_dir(tls13_record_dir *d, const char *secret_hex)
{
    size_t n;
    uint8_t *secret = rfc_hex(secret_hex, &n);
    memset(d, 0, sizeof(*d));
    assert_int_equal(tls13_record_dir_set(d, tls13_suite_find(TLS13_AES_128_GCM_SHA256), secret), TLS13_OK);
    free(secret);
}

/* Opens one RFC record; returns the plaintext (in the record buffer). */
static uint8_t *open_rfc(tls13_record_dir *d, const char *record_hex, uint8_t **buf, uint8_t want_type, size_t *len)
{
    size_t n;
    uint8_t type = 0;
    *buf = rfc_hex(record_hex, &n);
    assert_int_equal(tls13_record_open(d, *buf, n - TLS13_RECORD_HEADER, &type, len), TLS13_OK);
    assert_int_equal(type, want_type);
    return *buf + TLS13_RECORD_HEADER;
}

static void assert_rfc_bytes(const uint8_t *p, size_t len, const char *hex)
{
    size_t n;
    uint8_t *want = rfc_hex(hex, &n);
    assert_int_equal(len, n);
    assert_memory_equal(p, want, n);
    free(want);
}

/* The server's encrypted flight is EncryptedExtensions, Certificate,
 * CertificateVerify and Finished; the Finished values recomputed over the
 * transcript match the server's and the client's Finished records. */
static void test_rfc8448_handshake_records(void **state)
{
    tls13_record_dir server_hs, client_hs;
    uint8_t *rec, *rec2, *ch, *sh, *c_secret, *s_secret, th[32], vd[32];
    size_t len, len2, n, ee_len, cert_len, cv_len, ch_len, sh_len;
    const uint8_t *p;
    tls13_transcript t;
    (void)state;

    set_dir(&server_hs, RFC8448_S_HS_TRAFFIC);
    p = open_rfc(&server_hs, RFC8448_SERVER_FLIGHT_RECORD, &rec, TLS13_CT_HANDSHAKE, &len);
    ee_len = 4 + ((size_t)p[1] << 16 | (size_t)p[2] << 8 | p[3]);
    assert_rfc_bytes(p, ee_len, RFC8448_ENCRYPTED_EXTENSIONS);
    cert_len = 4 + ((size_t)p[ee_len + 1] << 16 | (size_t)p[ee_len + 2] << 8 | p[ee_len + 3]);
    assert_rfc_bytes(p + ee_len, cert_len, RFC8448_CERTIFICATE);
    assert_int_equal(p[ee_len + cert_len], TLS13_HS_CERTIFICATE_VERIFY);
    cv_len = 4 + ((size_t)p[ee_len + cert_len + 2] << 8 | p[ee_len + cert_len + 3]);
    assert_int_equal(cv_len, 4 + 2 + 2 + 128); /* rsa_pss_rsae_sha256 with the RSA-1024 key */
    assert_int_equal(ee_len + cert_len + cv_len + 36, len);
    assert_rfc_bytes(p + ee_len + cert_len + cv_len, 36, RFC8448_SERVER_FINISHED);

    ch = rfc_hex(RFC8448_CLIENT_HELLO, &ch_len);
    sh = rfc_hex(RFC8448_SERVER_HELLO, &sh_len);
    s_secret = rfc_hex(RFC8448_S_HS_TRAFFIC, &n);
    c_secret = rfc_hex(RFC8448_C_HS_TRAFFIC, &n);
    tls13_transcript_init(&t);
    tls13_transcript_select(&t, TLS13_HASH_SHA256);
    tls13_transcript_add(&t, ch, ch_len);
    tls13_transcript_add(&t, sh, sh_len);
    tls13_transcript_add(&t, p, ee_len + cert_len + cv_len);
    tls13_transcript_hash(&t, th);
    assert_int_equal(tls13_finished_verify_data(TLS13_HASH_SHA256, s_secret, th, vd), TLS13_OK);
    assert_memory_equal(vd, p + ee_len + cert_len + cv_len + 4, 32);
    tls13_transcript_add(&t, p + ee_len + cert_len + cv_len, 36);

    set_dir(&client_hs, RFC8448_C_HS_TRAFFIC);
    p = open_rfc(&client_hs, RFC8448_CLIENT_FINISHED_RECORD, &rec2, TLS13_CT_HANDSHAKE, &len2);
    assert_int_equal(len2, 36);
    assert_int_equal(p[0], TLS13_HS_FINISHED);
    tls13_transcript_hash(&t, th);
    assert_int_equal(tls13_finished_verify_data(TLS13_HASH_SHA256, c_secret, th, vd), TLS13_OK);
    assert_memory_equal(vd, p + 4, 32);
    assert_int_equal(client_hs.seq, 1);
    free(rec); free(rec2); free(ch); free(sh); free(s_secret); free(c_secret);
    tls13_record_dir_wipe(&server_hs);
    tls13_record_dir_wipe(&client_hs);
}

/* Application keys: sequence numbers advance per record (the ticket is the
 * server's record 0), and sealing the RFC's payload reproduces its record. */
static void test_rfc8448_application_records(void **state)
{
    tls13_record_dir server_ap, client_ap, seal_dir;
    uint8_t *rec, payload[50], out[128];
    size_t len, n, want_len;
    const uint8_t *p;
    uint8_t *want;
    (void)state;
    for (int i = 0; i < 50; i++)
        payload[i] = (uint8_t)i;

    set_dir(&server_ap, RFC8448_S_AP_TRAFFIC);
    p = open_rfc(&server_ap, RFC8448_TICKET_RECORD, &rec, TLS13_CT_HANDSHAKE, &len);
    assert_int_equal(p[0], TLS13_HS_NEW_SESSION_TICKET);
    free(rec);
    p = open_rfc(&server_ap, RFC8448_SERVER_APP_RECORD, &rec, TLS13_CT_APPLICATION_DATA, &len);
    assert_int_equal(len, 50);
    assert_memory_equal(p, payload, 50);
    free(rec);
    p = open_rfc(&server_ap, RFC8448_SERVER_ALERT_RECORD, &rec, TLS13_CT_ALERT, &len);
    assert_int_equal(len, 2);
    assert_int_equal(p[0], 1);
    assert_int_equal(p[1], 0); /* close_notify */
    free(rec);

    set_dir(&client_ap, RFC8448_C_AP_TRAFFIC);
    p = open_rfc(&client_ap, RFC8448_CLIENT_APP_RECORD, &rec, TLS13_CT_APPLICATION_DATA, &len);
    assert_memory_equal(p, payload, 50);
    free(rec);
    p = open_rfc(&client_ap, RFC8448_CLIENT_ALERT_RECORD, &rec, TLS13_CT_ALERT, &len);
    assert_int_equal(len, 2);
    free(rec);

    set_dir(&seal_dir, RFC8448_C_AP_TRAFFIC);
    n = tls13_record_seal(&seal_dir, TLS13_CT_APPLICATION_DATA, payload, 50, out);
    want = rfc_hex(RFC8448_CLIENT_APP_RECORD, &want_len);
    assert_int_equal(n, want_len);
    assert_memory_equal(out, want, n);
    free(want);
    n = tls13_record_seal(&seal_dir, TLS13_CT_ALERT, (const uint8_t *)"\x01\x00", 2, out);
    want = rfc_hex(RFC8448_CLIENT_ALERT_RECORD, &want_len);
    assert_int_equal(n, want_len);
    assert_memory_equal(out, want, n);
    free(want);
    tls13_record_dir_wipe(&server_ap);
    tls13_record_dir_wipe(&client_ap);
    tls13_record_dir_wipe(&seal_dir);
}

/* Builds a protected record of an arbitrary inner plaintext (content type and
 * padding included) with the writer's key, for the reader to open. */
static size_t seal_inner(tls13_record_dir *d, const uint8_t *inner, size_t inner_len, uint8_t *out)
{
    /* tls13_record_seal appends the content type; seal inner[0..n-1] with
     * type inner[n-1] to place exactly `inner` under the AEAD. */
    return tls13_record_seal(d, inner[inner_len - 1], inner, inner_len - 1, out);
}

static void test_padding_and_errors(void **state)
{
    static const char *const suites_secret = RFC8448_C_AP_TRAFFIC;
    tls13_record_dir w, r;
    uint8_t inner[64], rec[128], type;
    size_t n, len;
    static uint8_t big[TLS13_MAX_PLAINTEXT + 2 + TLS13_RECORD_OVERHEAD];
    static uint8_t bigrec[sizeof(big) + TLS13_RECORD_OVERHEAD];
    (void)state;

    /* "hi", type 23, three zero bytes of padding: the type is found from the end. */
    set_dir(&w, suites_secret);
    set_dir(&r, suites_secret);
    memcpy(inner, "hi\x17\x00\x00\x00", 6);
    n = seal_inner(&w, inner, 6, rec);
    assert_int_equal(tls13_record_open(&r, rec, n - 5, &type, &len), TLS13_OK);
    assert_int_equal(type, TLS13_CT_APPLICATION_DATA);
    assert_int_equal(len, 2);
    assert_memory_equal(rec + 5, "hi", 2);

    /* All zeros: no content type. */
    memset(inner, 0, 8);
    n = seal_inner(&w, inner, 8, rec);
    assert_int_equal(tls13_record_open(&r, rec, n - 5, &type, &len), TLS13_ERR_PROTOCOL);

    /* A flipped bit anywhere (header included: it is the additional data). */
    memcpy(inner, "abc\x17", 4);
    for (size_t pos = 0; pos < 5 + 4 + 16; pos += 3) {
        tls13_record_dir w2, r2;
        if (pos >= 3 && pos < 5)
            continue; /* the length field: the framing, not the AEAD, catches it */
        set_dir(&w2, suites_secret);
        set_dir(&r2, suites_secret);
        n = seal_inner(&w2, inner, 4, rec);
        rec[pos] ^= 0x40;
        assert_int_equal(tls13_record_open(&r2, rec, n - 5, &type, &len), TLS13_ERR_AUTH_FAILED);
        tls13_record_dir_wipe(&w2);
        tls13_record_dir_wipe(&r2);
    }

    /* Out-of-order: the reader expects the next sequence number. */
    {
        tls13_record_dir w3, r3;
        uint8_t rec1[64], rec2[64];
        size_t n1, n2;
        set_dir(&w3, suites_secret);
        set_dir(&r3, suites_secret);
        n1 = seal_inner(&w3, inner, 4, rec1);
        n2 = seal_inner(&w3, inner, 4, rec2);
        assert_int_equal(tls13_record_open(&r3, rec2, n2 - 5, &type, &len), TLS13_ERR_AUTH_FAILED);
        (void)n1;
        tls13_record_dir_wipe(&w3);
        tls13_record_dir_wipe(&r3);
    }

    /* More than 2^14 bytes of plaintext: record_overflow, even though the
     * ciphertext is under 2^14 + 256. */
    {
        tls13_record_dir w4, r4;
        set_dir(&w4, suites_secret);
        set_dir(&r4, suites_secret);
        memset(big, 'x', TLS13_MAX_PLAINTEXT + 1);
        n = tls13_record_seal(&w4, TLS13_CT_APPLICATION_DATA, big, TLS13_MAX_PLAINTEXT + 1, bigrec);
        assert_int_equal(tls13_record_open(&r4, bigrec, n - 5, &type, &len), TLS13_ERR_DECODE);
        tls13_record_dir_wipe(&w4);
        tls13_record_dir_wipe(&r4);
    }

    /* Too short to hold a tag. */
    assert_int_equal(tls13_record_open(&r, rec, 10, &type, &len), TLS13_ERR_AUTH_FAILED);
    tls13_record_dir_wipe(&w);
    tls13_record_dir_wipe(&r);
}

/* Section 5.3: the nonce is the IV XOR the 64-bit sequence number; a
 * record sealed at sequence 2^32 + 5 opens only there. */
static void test_nonce_sequence(void **state)
{
    tls13_record_dir w, r;
    uint8_t rec[64], copy[64], type;
    size_t n, len;
    (void)state;
    set_dir(&w, RFC8448_S_AP_TRAFFIC);
    set_dir(&r, RFC8448_S_AP_TRAFFIC);
    w.seq = ((uint64_t)1 << 32) + 5;
    n = tls13_record_seal(&w, TLS13_CT_APPLICATION_DATA, (const uint8_t *)"seq", 3, rec);
    memcpy(copy, rec, n); /* a failed open wipes the record */
    r.seq = 5;
    assert_int_equal(tls13_record_open(&r, copy, n - 5, &type, &len), TLS13_ERR_AUTH_FAILED);
    r.seq = ((uint64_t)1 << 32) + 5;
    assert_int_equal(tls13_record_open(&r, rec, n - 5, &type, &len), TLS13_OK);
    /* The last sequence number is never used: the key must change first. */
    w.seq = UINT64_MAX;
    assert_int_equal(tls13_record_seal(&w, TLS13_CT_APPLICATION_DATA, (const uint8_t *)"x", 1, rec), 0);
    tls13_record_dir_wipe(&w);
    tls13_record_dir_wipe(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc8448_handshake_records),
        cmocka_unit_test(test_rfc8448_application_records),
        cmocka_unit_test(test_padding_and_errors),
        cmocka_unit_test(test_nonce_sequence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
