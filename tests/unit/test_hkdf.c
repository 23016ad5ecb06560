/* HMAC and HKDF: Wycheproof vectors, and the RFC 8448 section 3 key schedule
 * computed with HKDF-Expand-Label and Derive-Secret. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tls13.h"
#include "base/ct.h"
#include "crypto/hkdf.h"
#include "crypto/hmac.h"

/* Valid vectors must reproduce the tag; invalid ones must fail a
 * constant-time comparison against the (possibly truncated) computed tag. */
static void run_hmac_file(const char *file, tls13_hash_alg alg)
{
    tt_vectors *v = tt_vectors_open(file);
    tt_count c = {file, 0, 0, 0};
    while (tt_vectors_next(v)) {
        size_t klen, mlen, tlen;
        uint8_t *key = tt_vectors_hex(v, "key", &klen);
        uint8_t *msg = tt_vectors_hex(v, "msg", &mlen);
        uint8_t *tag = tt_vectors_hex(v, "tag", &tlen);
        const char *result = tt_vectors_get(v, "result");
        size_t tag_bytes = (size_t)atoi(tt_vectors_get(v, "tagBits")) / 8;
        uint8_t out[TLS13_HASH_MAX_SIZE];
        int match;
        tls13_hmac(alg, key, klen, msg, mlen, out);
        match = tlen == tag_bytes && tag_bytes <= tls13_hash_size(alg) && tls13_ct_memeq(out, tag, tlen);
        c.run++;
        if ((strcmp(result, "valid") == 0) == (match != 0))
            c.passed++;
        else
            printf("%s line %d: %s vector gave %s\n", file, tt_vectors_line(v), result, match ? "match" : "no match");
        free(key); free(msg); free(tag);
    }
    tt_vectors_close(v);
    tt_count_report(&c);
}

static void hmac_sha256_wycheproof(void **s) { (void)s; run_hmac_file("wycheproof/hmac_sha256_test.tsv", TLS13_HASH_SHA256); }
static void hmac_sha384_wycheproof(void **s) { (void)s; run_hmac_file("wycheproof/hmac_sha384_test.tsv", TLS13_HASH_SHA384); }
static void hmac_sha512_wycheproof(void **s) { (void)s; run_hmac_file("wycheproof/hmac_sha512_test.tsv", TLS13_HASH_SHA512); }

static void run_hkdf_file(const char *file, tls13_hash_alg alg)
{
    tt_vectors *v = tt_vectors_open(file);
    tt_count c = {file, 0, 0, 0};
    while (tt_vectors_next(v)) {
        size_t ikm_len, salt_len, info_len, okm_len;
        uint8_t *ikm = tt_vectors_hex(v, "ikm", &ikm_len);
        uint8_t *salt = tt_vectors_hex(v, "salt", &salt_len);
        uint8_t *info = tt_vectors_hex(v, "info", &info_len);
        uint8_t *okm = tt_vectors_hex(v, "okm", &okm_len);
        size_t size = (size_t)atol(tt_vectors_get(v, "size"));
        int valid = strcmp(tt_vectors_get(v, "result"), "valid") == 0;
        uint8_t prk[TLS13_HASH_MAX_SIZE];
        uint8_t *out = malloc(size + 1);
        int rc, ok;
        tls13_hkdf_extract(alg, salt, salt_len, ikm, ikm_len, prk);
        rc = tls13_hkdf_expand(alg, prk, tls13_hash_size(alg), info, info_len, out, size);
        if (valid)
            ok = rc == TLS13_OK && okm_len == size && memcmp(out, okm, size) == 0;
        else
            ok = rc == TLS13_ERR_INVALID_ARGUMENT;
        c.run++;
        if (ok)
            c.passed++;
        else
            printf("%s line %d failed (rc %d)\n", file, tt_vectors_line(v), rc);
        free(ikm); free(salt); free(info); free(okm); free(out);
    }
    tt_vectors_close(v);
    tt_count_report(&c);
}

static void hkdf_sha256_wycheproof(void **s) { (void)s; run_hkdf_file("wycheproof/hkdf_sha256_test.tsv", TLS13_HASH_SHA256); }
static void hkdf_sha384_wycheproof(void **s) { (void)s; run_hkdf_file("wycheproof/hkdf_sha384_test.tsv", TLS13_HASH_SHA384); }

/* RFC 8448 section 3 ("Simple 1-RTT Handshake"), TLS_AES_128_GCM_SHA256. */
static void rfc8448_key_schedule(void **state)
{
    const tls13_hash_alg h = TLS13_HASH_SHA256;
    uint8_t zeros[32] = {0}, empty_hash[32], early[32], derived[32], shared[32], hs[32], master[32];
    uint8_t ch_sh_hash[32], ch_sf_hash[32], ch_cf_hash[32], secret[32], key[16], iv[12], fin[32];
    (void)state;

    tls13_hkdf_extract(h, NULL, 0, zeros, 32, early);
    tt_assert_hex(early, 32, "33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a");
    tls13_hash(h, "", 0, empty_hash);
    assert_int_equal(tls13_derive_secret(h, early, "derived", empty_hash, derived), TLS13_OK);
    tt_assert_hex(derived, 32, "6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba");

    tt_hex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d", shared, 32);
    tls13_hkdf_extract(h, derived, 32, shared, 32, hs);
    tt_assert_hex(hs, 32, "1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac");

    tt_hex("860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8", ch_sh_hash, 32);
    assert_int_equal(tls13_derive_secret(h, hs, "c hs traffic", ch_sh_hash, secret), TLS13_OK);
    tt_assert_hex(secret, 32, "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21");
    assert_int_equal(tls13_hkdf_expand_label(h, secret, "key", NULL, 0, key, 16), TLS13_OK);
    assert_int_equal(tls13_hkdf_expand_label(h, secret, "iv", NULL, 0, iv, 12), TLS13_OK);
    tt_assert_hex(key, 16, "dbfaa693d1762c5b666af5d950258d01");
    tt_assert_hex(iv, 12, "5bd3c71b836e0b76bb73265f");

    assert_int_equal(tls13_derive_secret(h, hs, "s hs traffic", ch_sh_hash, secret), TLS13_OK);
    tt_assert_hex(secret, 32, "b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");
    assert_int_equal(tls13_hkdf_expand_label(h, secret, "key", NULL, 0, key, 16), TLS13_OK);
    assert_int_equal(tls13_hkdf_expand_label(h, secret, "iv", NULL, 0, iv, 12), TLS13_OK);
    assert_int_equal(tls13_hkdf_expand_label(h, secret, "finished", NULL, 0, fin, 32), TLS13_OK);
    tt_assert_hex(key, 16, "3fce516009c21727d0f2e4e86ee403bc");
    tt_assert_hex(iv, 12, "5d313eb2671276ee13000b30");
    tt_assert_hex(fin, 32, "008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8");

    assert_int_equal(tls13_derive_secret(h, hs, "derived", empty_hash, derived), TLS13_OK);
    tt_assert_hex(derived, 32, "43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4");
    tls13_hkdf_extract(h, derived, 32, zeros, 32, master);
    tt_assert_hex(master, 32, "18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919");

    tt_hex("9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13", ch_sf_hash, 32);
    assert_int_equal(tls13_derive_secret(h, master, "c ap traffic", ch_sf_hash, secret), TLS13_OK);
    tt_assert_hex(secret, 32, "9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5");
    assert_int_equal(tls13_derive_secret(h, master, "s ap traffic", ch_sf_hash, secret), TLS13_OK);
    tt_assert_hex(secret, 32, "a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643");
    assert_int_equal(tls13_derive_secret(h, master, "exp master", ch_sf_hash, secret), TLS13_OK);
    tt_assert_hex(secret, 32, "fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50");

    tt_hex("209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d", ch_cf_hash, 32);
    assert_int_equal(tls13_derive_secret(h, master, "res master", ch_cf_hash, secret), TLS13_OK);
    tt_assert_hex(secret, 32, "7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c");
}

static void expand_label_rejects_oversized_inputs(void **state)
{
    uint8_t secret[32] = {0}, out[32], ctx[256] = {0};
    char label[260];
    (void)state;
    memset(label, 'a', sizeof(label) - 1);
    label[sizeof(label) - 1] = 0;
    assert_int_equal(tls13_hkdf_expand_label(TLS13_HASH_SHA256, secret, label, NULL, 0, out, 32),
                     TLS13_ERR_INVALID_ARGUMENT);
    assert_int_equal(tls13_hkdf_expand_label(TLS13_HASH_SHA256, secret, "key", ctx, 256, out, 32),
                     TLS13_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hmac_sha256_wycheproof),
        cmocka_unit_test(hmac_sha384_wycheproof),
        cmocka_unit_test(hmac_sha512_wycheproof),
        cmocka_unit_test(hkdf_sha256_wycheproof),
        cmocka_unit_test(hkdf_sha384_wycheproof),
        cmocka_unit_test(rfc8448_key_schedule),
        cmocka_unit_test(expand_label_rejects_oversized_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
