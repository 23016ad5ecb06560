/* The TLS 1.3 key schedule (src/tls/key_schedule.c) and transcript against
 * RFC 8448 section 3 (simple 1-RTT handshake, TLS_AES_128_GCM_SHA256). */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "tls13.h"
#include "crypto/hmac.h"
#include "tls/key_schedule.h"
#include "tls/transcript.h"

/* RFC 8448 values are printed with spaces; strip them. */
static uint8_t *hex_spaced(const char *s, size_t *len)
{
    char *compact = malloc(strlen(s) + 1);
    size_t n = 0;
    uint8_t *out;
    for (; *s; s++)
        if (*s != ' ' && *s != '\n')
            compact[n++] = *s;
    compact[n] = '\0';
    out = tt_hex_alloc(compact, len);
    free(compact);
    return out;
}

static void expect(const uint8_t *got, size_t len, const char *want_spaced)
{
    size_t n;
    uint8_t *want = hex_spaced(want_spaced, &n);
    assert_int_equal(n, len);
    assert_memory_equal(got, want, len);
    free(want);
}

static const char ecdhe[] = "8b d4 05 4f b5 5b 9d 63 fd fb ac f9 f0 4b 9f 0d 35 e6 d6 3f 53 75 63 ef d4 62 72 90 0f 89 49 2d";
/* Transcript hashes through ServerHello and through the server Finished. */
static const char hello_hash[] = "86 0c 06 ed c0 78 58 ee 8e 78 f0 e7 42 8c 58 ed d6 b4 3f 2c a3 e6 e9 5f 02 ed 06 3c f0 e1 ca d8";
static const char finished_hash[] = "96 08 10 2a 0f 1c cc 6d b6 25 0b 7b 7e 41 7b 1a 00 0e aa da 3d aa e4 77 7a 76 86 c9 ff 83 df 13";

static const char rfc_client_hello[] =
    "01 00 00 c0 03 03 cb 34 ec b1 e7 81 63 ba 1c 38 c6 da cb 19 6a 6d ff a2 1a 8d 99 12 ec 18 a2 ef 62 83"
    "02 4d ec e7 00 00 06 13 01 13 03 13 02 01 00 00 91 00 00 00 0b 00 09 00 00 06 73 65 72 76 65 72 ff 01"
    "00 01 00 00 0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00 23 00 00 00 33 00"
    "26 00 24 00 1d 00 20 99 38 1d e5 60 e4 bd 43 d2 3d 8e 43 5a 7d ba fe b3 c0 6e 51 c1 3c ae 4d 54 13 69"
    "1e 52 9a af 2c 00 2b 00 03 02 03 04 00 0d 00 20 00 1e 04 03 05 03 06 03 02 03 08 04 08 05 08 06 04 01"
    "05 01 06 01 02 01 04 02 05 02 06 02 02 02 00 2d 00 02 01 01 00 1c 00 02 40 01";
static const char rfc_server_hello[] =
    "02 00 00 56 03 03 a6 af 06 a4 12 18 60 dc 5e 6e 60 24 9c d3 4c 95 93 0c 8a c5 cb 14 34 da c1 55 77 2e"
    "d3 e2 69 28 00 13 01 00 00 2e 00 33 00 24 00 1d 00 20 c9 82 88 76 11 20 95 fe 66 76 2b db f7 c6 72 e1"
    "56 d6 cc 25 3b 83 3d f1 dd 69 b1 b0 4e 75 1f 0f 00 2b 00 02 03 04";

static void test_rfc8448_secrets(void **state)
{
    tls13_key_schedule ks;
    uint8_t shared[32], th[32], out[32], key[16], iv[12];
    size_t n;
    uint8_t *b = hex_spaced(ecdhe, &n);
    (void)state;
    memcpy(shared, b, 32);
    free(b);

    tls13_ks_init(&ks, TLS13_HASH_SHA256);
    expect(ks.secret, 32, "33 ad 0a 1c 60 7e c0 3b 09 e6 cd 98 93 68 0c e2 10 ad f3 00 aa 1f 26 60 e1 b2 2e 10 f1 70 f9 2a");
    assert_int_equal(tls13_ks_handshake(&ks, shared, 32), TLS13_OK);
    expect(ks.secret, 32, "1d c8 26 e9 36 06 aa 6f dc 0a ad c1 2f 74 1b 01 04 6a a6 b9 9f 69 1e d2 21 a9 f0 ca 04 3f be ac");

    b = hex_spaced(hello_hash, &n);
    memcpy(th, b, 32);
    free(b);
    assert_int_equal(tls13_ks_derive(&ks, "c hs traffic", th, out), TLS13_OK);
    expect(out, 32, "b3 ed db 12 6e 06 7f 35 a7 80 b3 ab f4 5e 2d 8f 3b 1a 95 07 38 f5 2e 96 00 74 6a 0e 27 a5 5a 21");
    assert_int_equal(tls13_traffic_key_iv(TLS13_HASH_SHA256, out, key, 16, iv), TLS13_OK);
    expect(key, 16, "db fa a6 93 d1 76 2c 5b 66 6a f5 d9 50 25 8d 01");
    expect(iv, 12, "5b d3 c7 1b 83 6e 0b 76 bb 73 26 5f");
    assert_int_equal(tls13_ks_derive(&ks, "s hs traffic", th, out), TLS13_OK);
    expect(out, 32, "b6 7b 7d 69 0c c1 6c 4e 75 e5 42 13 cb 2d 37 b4 e9 c9 12 bc de d9 10 5d 42 be fd 59 d3 91 ad 38");
    assert_int_equal(tls13_traffic_key_iv(TLS13_HASH_SHA256, out, key, 16, iv), TLS13_OK);
    expect(key, 16, "3f ce 51 60 09 c2 17 27 d0 f2 e4 e8 6e e4 03 bc");
    expect(iv, 12, "5d 31 3e b2 67 12 76 ee 13 00 0b 30");

    assert_int_equal(tls13_ks_master(&ks), TLS13_OK);
    expect(ks.secret, 32, "18 df 06 84 3d 13 a0 8b f2 a4 49 84 4c 5f 8a 47 80 01 bc 4d 4c 62 79 84 d5 a4 1d a8 d0 40 29 19");
    b = hex_spaced(finished_hash, &n);
    memcpy(th, b, 32);
    free(b);
    assert_int_equal(tls13_ks_derive(&ks, "c ap traffic", th, out), TLS13_OK);
    expect(out, 32, "9e 40 64 6c e7 9a 7f 9d c0 5a f8 88 9b ce 65 52 87 5a fa 0b 06 df 00 87 f7 92 eb b7 c1 75 04 a5");
    assert_int_equal(tls13_ks_derive(&ks, "s ap traffic", th, out), TLS13_OK);
    expect(out, 32, "a1 1a f9 f0 55 31 f8 56 ad 47 11 6b 45 a9 50 32 82 04 b4 f4 4b fb 6b 3a 4b 4f 1f 3f cb 63 16 43");
    assert_int_equal(tls13_traffic_key_iv(TLS13_HASH_SHA256, out, key, 16, iv), TLS13_OK);
    expect(key, 16, "9f 02 28 3b 6c 9c 07 ef c2 6b b9 f2 ac 92 e3 56");
    expect(iv, 12, "cf 78 2b 88 dd 83 54 9a ad f1 e9 84");
    assert_int_equal(tls13_ks_derive(&ks, "exp master", th, out), TLS13_OK);
    expect(out, 32, "fe 22 f8 81 17 6e da 18 eb 8f 44 52 9e 67 92 c5 0c 9a 3f 89 45 2f 68 d8 ae 31 1b 43 09 d3 cf 50");
    tls13_ks_wipe(&ks);
}

/* The transcript through ServerHello hashes to the RFC's value, whichever
 * hash is selected after the ClientHello was added. */
static void test_rfc8448_transcript(void **state)
{
    tls13_transcript t;
    uint8_t th[64];
    size_t n1, n2;
    uint8_t *ch = hex_spaced(rfc_client_hello, &n1), *sh = hex_spaced(rfc_server_hello, &n2);
    (void)state;
    assert_int_equal(n1, 196);
    assert_int_equal(n2, 90);
    tls13_transcript_init(&t);
    tls13_transcript_add(&t, ch, n1);
    tls13_transcript_select(&t, TLS13_HASH_SHA256);
    tls13_transcript_add(&t, sh, n2);
    assert_int_equal(tls13_transcript_hash(&t, th), 32);
    expect(th, 32, hello_hash);
    free(ch);
    free(sh);
}

/* Section 4.4.1: after a HelloRetryRequest ClientHello1 is replaced by
 * message_hash || 00 00 Hash.length || Hash(ClientHello1); checked against
 * the construction written out by hand, for both hashes. */
static void test_hrr_message_hash(void **state)
{
    static const uint8_t ch1[] = {1, 0, 0, 3, 0xaa, 0xbb, 0xcc};
    static const uint8_t hrr[] = {2, 0, 0, 2, 0x11, 0x22};
    tls13_hash_alg algs[2] = {TLS13_HASH_SHA256, TLS13_HASH_SHA384};
    (void)state;
    for (int i = 0; i < 2; i++) {
        tls13_transcript t;
        tls13_hash_ctx h;
        uint8_t got[64], want[64], inner[64], header[4] = {254, 0, 0, 0};
        size_t hlen = tls13_hash_size(algs[i]);
        tls13_transcript_init(&t);
        tls13_transcript_add(&t, ch1, sizeof(ch1));
        tls13_transcript_select(&t, algs[i]);
        tls13_transcript_hrr_rewrite(&t);
        tls13_transcript_add(&t, hrr, sizeof(hrr));
        assert_int_equal(tls13_transcript_hash(&t, got), hlen);
        tls13_hash(algs[i], ch1, sizeof(ch1), inner);
        header[3] = (uint8_t)hlen;
        tls13_hash_init(&h, algs[i]);
        tls13_hash_update(&h, header, 4);
        tls13_hash_update(&h, inner, hlen);
        tls13_hash_update(&h, hrr, sizeof(hrr));
        tls13_hash_final(&h, want);
        assert_memory_equal(got, want, hlen);
    }
}

/* Finished (section 4.4.4): verify_data = HMAC(finished_key, transcript
 * hash); the RFC prints the server's finished_key ("expanded"), so any
 * transcript hash checks the derivation. */
static void test_finished_key(void **state)
{
    uint8_t secret[32], th[32], vd[32], want[32], fk[32];
    size_t n;
    uint8_t *b = hex_spaced("b6 7b 7d 69 0c c1 6c 4e 75 e5 42 13 cb 2d 37 b4 e9 c9 12 bc de d9 10 5d 42 be fd 59 d3 91 ad 38", &n);
    (void)state;
    memcpy(secret, b, 32);
    free(b);
    b = hex_spaced("00 8d 3b 66 f8 16 ea 55 9f 96 b5 37 e8 85 c3 1f c0 68 bf 49 2c 65 2f 01 f2 88 a1 d8 cd c1 9f c8", &n);
    memcpy(fk, b, 32);
    free(b);
    for (int i = 0; i < 32; i++)
        th[i] = (uint8_t)(i * 7 + 1);
    assert_int_equal(tls13_finished_verify_data(TLS13_HASH_SHA256, secret, th, vd), TLS13_OK);
    tls13_hmac(TLS13_HASH_SHA256, fk, 32, th, 32, want);
    assert_memory_equal(vd, want, 32);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc8448_secrets),
        cmocka_unit_test(test_rfc8448_transcript),
        cmocka_unit_test(test_hrr_message_hash),
        cmocka_unit_test(test_finished_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
