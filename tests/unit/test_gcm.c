/* AES-GCM: the GCM specification's test cases (McGrew and Viega, "The
 * Galois/Counter Mode of Operation", test cases 1-6 and 13-18) on every path,
 * the fast path equal to the portable path for lengths 0..1000 with odd AAD
 * lengths, in place on unaligned buffers, and a failed open wiping. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/aes_gcm.h"
#include "tls13.h"

/* Portable; AES-NI without PCLMUL (AES-NI CTR, portable GHASH); PCLMUL
 * without AES-NI; both but no AVX (AES-NI CTR and PCLMUL GHASH in separate
 * passes); everything (the stitched loop). */
static const uint32_t paths[] = {
    0,
    TLS13_CPU_AESNI | TLS13_CPU_SSSE3 | TLS13_CPU_SSE41,
    TLS13_CPU_PCLMUL | TLS13_CPU_SSSE3 | TLS13_CPU_SSE41,
    TLS13_CPU_AESNI | TLS13_CPU_PCLMUL | TLS13_CPU_SSSE3 | TLS13_CPU_SSE41,
    UINT32_MAX,
};
#define NPATHS (sizeof(paths) / sizeof(paths[0]))

#define P64 "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525" \
            "b16aedf5aa0de657ba637b391aafd255"
#define P60 "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525" \
            "b16aedf5aa0de657ba637b39"
#define A20 "feedfacedeadbeeffeedfacedeadbeefabaddad2"
#define K128 "feffe9928665731c6d6a8f9467308308"
#define IV60 "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b5254" \
             "16aedbf5a0de6a57a637b39b"

static const struct tc {
    int n;
    const char *key, *iv, *pt, *ad, *ct, *tag;
} cases[] = {
    {1, "00000000000000000000000000000000", "000000000000000000000000", "", "", "",
     "58e2fccefa7e3061367f1d57a4e7455a"},
    {2, "00000000000000000000000000000000", "000000000000000000000000", "00000000000000000000000000000000", "",
     "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"},
    {3, K128, "cafebabefacedbaddecaf888", P64, "",
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa05"
     "1ba30b396a0aac973d58e091473f5985",
     "4d5c2af327cd64a62cf35abd2ba6fab4"},
    {4, K128, "cafebabefacedbaddecaf888", P60, A20,
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa05"
     "1ba30b396a0aac973d58e091",
     "5bc94fbc3221a5db94fae95ae7121a47"},
    {5, K128, "cafebabefacedbad", P60, A20,
     "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b42"
     "4989b5e1ebac0f07c23f4598",
     "3612d2e79e3b0785561be14aaca2fccb"},
    {6, K128, IV60, P60, A20,
     "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6f"
     "d62875d2aca417034c34aee5",
     "619cc5aefffe0bfa462af43c1699d050"},
    {13, "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000", "", "",
     "", "530f8afbc74536b9a963b4f1c4cb738b"},
    {14, "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000",
     "00000000000000000000000000000000", "", "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"},
    {15, K128 K128, "cafebabefacedbaddecaf888", P64, "",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
     "c5f61e6393ba7a0abcc9f662898015ad",
     "b094dac5d93471bdec1a502270e3cc6c"},
    {16, K128 K128, "cafebabefacedbaddecaf888", P60, A20,
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
     "c5f61e6393ba7a0abcc9f662",
     "76fc6ece0f4e1768cddf8853bb2d551b"},
    {17, K128 K128, "cafebabefacedbad", P60, A20,
     "c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d79bba9de0feb582d33934a4f0954cc2363bc73f78"
     "62ac430e64abe499f47c9b1f",
     "3a337dbf46a792c45e454913fe2ea8f2"},
    {18, K128 K128, IV60, P60, A20,
     "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cde"
     "a2418997200ef82e44ae7e3f",
     "a44a8266ee1c8eb0c8b5d4cf5ae9f19a"},
};

static void gcm_spec_test_cases(void **state)
{
    tt_count c = {"GCM spec test cases 1-6, 13-18 (all paths)", 0, 0, 0};
    (void)state;
    for (size_t p = 0; p < NPATHS; p++) {
        tls13_cpu_set_mask(paths[p]);
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
            const struct tc *t = &cases[i];
            size_t klen, ivlen, ptlen, adlen, ctlen;
            uint8_t *key = tt_hex_alloc(t->key, &klen), *iv = tt_hex_alloc(t->iv, &ivlen);
            uint8_t *pt = tt_hex_alloc(t->pt, &ptlen), *ad = tt_hex_alloc(t->ad, &adlen);
            uint8_t *ct = tt_hex_alloc(t->ct, &ctlen);
            uint8_t tag[16], want[16];
            tls13_aes_gcm_key k;
            int ok;
            tt_hex(t->tag, want, 16);
            assert_int_equal(tls13_aes_gcm_init(&k, key, klen), TLS13_OK);
            assert_int_equal(tls13_aes_gcm_seal_iv(&k, iv, ivlen, ad, adlen, pt, ptlen, tag), TLS13_OK);
            ok = ptlen == ctlen && memcmp(pt, ct, ctlen) == 0 && memcmp(tag, want, 16) == 0;
            ok = ok && tls13_aes_gcm_open_iv(&k, iv, ivlen, ad, adlen, pt, ptlen, tag) == TLS13_OK;
            /* The same case back through the 96-bit interface when it applies. */
            if (ok && ivlen == 12) {
                tls13_aes_gcm_seal(&k, iv, ad, adlen, pt, ptlen, tag);
                ok = memcmp(pt, ct, ctlen) == 0 && memcmp(tag, want, 16) == 0 &&
                     tls13_aes_gcm_open(&k, iv, ad, adlen, pt, ptlen, tag) == TLS13_OK;
            }
            c.run++;
            if (ok)
                c.passed++;
            else
                printf("GCM test case %d failed on cpu mask %x\n", t->n, (unsigned)paths[p]);
            free(key); free(iv); free(pt); free(ad); free(ct);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

/* Every length 0..1000 with AAD lengths cycling through odd values, in place
 * at an odd address: each path's ciphertext and tag equal the portable
 * path's, and each opens back to the plaintext. */
static void paths_agree_for_lengths_0_to_1000(void **state)
{
    enum { MAX = 1000 };
    uint8_t *buf = malloc(MAX + 64), *ref = malloc(MAX), *msg = malloc(MAX), ad[40], key[32], nonce[12];
    (void)state;
    assert_non_null(buf); assert_non_null(ref); assert_non_null(msg);
    for (size_t i = 0; i < MAX; i++)
        msg[i] = (uint8_t)(i * 29 + 1);
    for (size_t i = 0; i < sizeof(ad); i++)
        ad[i] = (uint8_t)(i * 7 + 5);
    for (size_t i = 0; i < sizeof(key); i++)
        key[i] = (uint8_t)(i * 13 + 9);
    memset(nonce, 0x5c, sizeof(nonce));
    for (size_t klen = 16; klen <= 32; klen += 16) {
        tls13_aes_gcm_key k;
        assert_int_equal(tls13_aes_gcm_init(&k, key, klen), TLS13_OK);
        for (size_t len = 0; len <= MAX; len++) {
            size_t adlen = (len * 2 + 1) % sizeof(ad);
            uint8_t *data = buf + 1 + len % 15;
            uint8_t reftag[16], tag[16];
            nonce[0] = (uint8_t)len;
            memcpy(ref, msg, len);
            tls13_cpu_set_mask(0);
            tls13_aes_gcm_seal(&k, nonce, ad, adlen, ref, len, reftag);
            for (size_t p = 1; p < NPATHS; p++) {
                tls13_cpu_set_mask(paths[p]);
                memcpy(data, msg, len);
                tls13_aes_gcm_seal(&k, nonce, ad, adlen, data, len, tag);
                assert_memory_equal(data, ref, len);
                assert_memory_equal(tag, reftag, 16);
                assert_int_equal(tls13_aes_gcm_open(&k, nonce, ad, adlen, data, len, tag), TLS13_OK);
                assert_memory_equal(data, msg, len);
            }
            tls13_cpu_set_mask(0);
            assert_int_equal(tls13_aes_gcm_open(&k, nonce, ad, adlen, ref, len, reftag), TLS13_OK);
            assert_memory_equal(ref, msg, len);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
    free(buf); free(ref); free(msg);
}

/* A flipped bit anywhere (ciphertext, tag, AAD) fails on every path and
 * leaves the buffer zeroed. */
static void failed_open_wipes_the_buffer(void **state)
{
    uint8_t key[16] = {1}, nonce[12] = {2}, ad[13] = {3}, data[300], tag[16], zero[300] = {0};
    (void)state;
    for (size_t p = 0; p < NPATHS; p++) {
        tls13_aes_gcm_key k;
        tls13_cpu_set_mask(paths[p]);
        assert_int_equal(tls13_aes_gcm_init(&k, key, 16), TLS13_OK);
        for (int where = 0; where < 3; where++) {
            memset(data, 0x77, sizeof(data));
            tls13_aes_gcm_seal(&k, nonce, ad, sizeof(ad), data, sizeof(data), tag);
            if (where == 0) data[299] ^= 0x80;
            if (where == 1) tag[0] ^= 1;
            if (where == 2) ad[12] ^= 4;
            assert_int_equal(tls13_aes_gcm_open(&k, nonce, ad, sizeof(ad), data, sizeof(data), tag),
                             TLS13_ERR_AUTH_FAILED);
            assert_memory_equal(data, zero, sizeof(data));
            if (where == 2) ad[12] ^= 4;
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gcm_spec_test_cases),
        cmocka_unit_test(paths_agree_for_lengths_0_to_1000),
        cmocka_unit_test(failed_open_wipes_the_buffer),
    };
    printf("AES-NI: %s, PCLMULQDQ: %s\n", tls13_cpu_has(TLS13_CPU_AESNI) ? "yes" : "no",
           tls13_cpu_has(TLS13_CPU_PCLMUL) ? "yes" : "no");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
