/* ChaCha20, Poly1305 and AEAD_CHACHA20_POLY1305: the RFC 8439 section 2
 * examples on every path, both Poly1305 limb representations, and the AVX2
 * path equal to the portable path for lengths 0..1000. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/chacha20.h"
#include "crypto/chacha20_poly1305.h"
#include "crypto/poly1305.h"
#include "tls13.h"

static const uint32_t paths[] = {0, UINT32_MAX};
#define NPATHS (sizeof(paths) / sizeof(paths[0]))

static const char sunscreen[] = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for "
                                "the future, sunscreen would be it.";

static void key_0_to_31(uint8_t key[32], uint8_t first)
{
    for (int i = 0; i < 32; i++)
        key[i] = (uint8_t)(first + i);
}

/* Section 2.3.2. */
static void rfc8439_2_3_2_block(void **state)
{
    uint8_t key[32], nonce[12], out[64];
    (void)state;
    key_0_to_31(key, 0);
    tt_hex("000000090000004a00000000", nonce, 12);
    tls13_chacha20_block(key, 1, nonce, out);
    tt_assert_hex(out, 64, "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                           "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e");
}

/* Section 2.4.2, on every path. */
static void rfc8439_2_4_2_encryption(void **state)
{
    static const char ct[] = "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab"
                             "8f593dabcd62b3571639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e"
                             "52bc514d16ccf806818ce91ab77937365af90bbf74a35be6b40b8eedf2785e42874d";
    tt_count c = {"RFC 8439 2.4.2 (all paths)", 0, 0, 0};
    uint8_t key[32], nonce[12], buf[sizeof(sunscreen)];
    size_t len = strlen(sunscreen);
    (void)state;
    key_0_to_31(key, 0);
    tt_hex("000000000000004a00000000", nonce, 12);
    for (size_t p = 0; p < NPATHS; p++) {
        tls13_cpu_set_mask(paths[p]);
        memcpy(buf, sunscreen, len);
        tls13_chacha20_xor(key, 1, nonce, buf, len);
        c.run++;
        tt_assert_hex(buf, len, ct);
        c.passed++;
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

/* Section 2.5.2, with both limb representations and fed in pieces. */
static void rfc8439_2_5_2_poly1305(void **state)
{
    static const char *msg = "Cryptographic Forum Research Group";
    uint8_t key[32], tag[16];
    (void)state;
    tt_hex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b", key, 32);
    for (int radix26 = 0; radix26 <= 1; radix26++) {
        for (size_t split = 0; split <= strlen(msg); split += 5) {
            tls13_poly1305_ctx ctx;
            if (radix26)
                tls13_poly1305_init_radix26(&ctx, key);
            else
                tls13_poly1305_init(&ctx, key);
            tls13_poly1305_update(&ctx, (const uint8_t *)msg, split);
            tls13_poly1305_update(&ctx, (const uint8_t *)msg + split, strlen(msg) - split);
            tls13_poly1305_final(&ctx, tag);
            tt_assert_hex(tag, 16, "a8061dc1305136c6c22b8baf0c0127a9");
        }
    }
}

/* The two representations agree on keys and messages that push the limbs to
 * their limits: all-ones keys and messages (h near 2^130, r at its clamp). */
static void poly1305_radix26_equals_radix64(void **state)
{
    uint8_t key[32], msg[300], a[16], b[16];
    (void)state;
    for (int pattern = 0; pattern < 4; pattern++) {
        for (int i = 0; i < 32; i++)
            key[i] = pattern == 0 ? 0xff : (uint8_t)(i * (37 + pattern) + pattern);
        for (size_t i = 0; i < sizeof(msg); i++)
            msg[i] = pattern <= 1 ? 0xff : (uint8_t)(i * 11 + pattern);
        for (size_t len = 0; len <= sizeof(msg); len++) {
            tls13_poly1305_ctx x, y;
            tls13_poly1305_init(&x, key);
            tls13_poly1305_init_radix26(&y, key);
            tls13_poly1305_update(&x, msg, len);
            tls13_poly1305_update(&y, msg, len);
            tls13_poly1305_final(&x, a);
            tls13_poly1305_final(&y, b);
            assert_memory_equal(a, b, 16);
        }
    }
}

/* Section 2.6.2. */
static void rfc8439_2_6_2_key_generation(void **state)
{
    uint8_t key[32], nonce[12], out[64];
    (void)state;
    key_0_to_31(key, 0x80);
    tt_hex("000000000001020304050607", nonce, 12);
    tls13_chacha20_block(key, 0, nonce, out);
    tt_assert_hex(out, 32, "8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646");
}

/* Section 2.8.2, seal and open, on every path. */
static void rfc8439_2_8_2_aead(void **state)
{
    static const char ct[] = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca96712"
                             "82fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58"
                             "fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116";
    tt_count c = {"RFC 8439 2.8.2 (all paths)", 0, 0, 0};
    uint8_t key[32], nonce[12], ad[12], buf[sizeof(sunscreen)], tag[16];
    size_t len = strlen(sunscreen);
    tls13_chacha20_poly1305_key k;
    (void)state;
    key_0_to_31(key, 0x80);
    tt_hex("070000004041424344454647", nonce, 12);
    tt_hex("50515253c0c1c2c3c4c5c6c7", ad, 12);
    tls13_chacha20_poly1305_init(&k, key);
    for (size_t p = 0; p < NPATHS; p++) {
        tls13_cpu_set_mask(paths[p]);
        memcpy(buf, sunscreen, len);
        tls13_chacha20_poly1305_seal(&k, nonce, ad, sizeof(ad), buf, len, tag);
        c.run++;
        tt_assert_hex(buf, len, ct);
        tt_assert_hex(tag, 16, "1ae10b594f09e26a7e902ecbd0600691");
        assert_int_equal(tls13_chacha20_poly1305_open(&k, nonce, ad, sizeof(ad), buf, len, tag), TLS13_OK);
        assert_memory_equal(buf, sunscreen, len);
        c.passed++;
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

/* Lengths 0..1000 (every remainder of the 512-byte AVX2 batch below 1024)
 * with odd AAD lengths, in place at odd addresses: AVX2 equals portable. */
static void paths_agree_for_lengths_0_to_1000(void **state)
{
    enum { MAX = 1000 };
    uint8_t *buf = malloc(MAX + 32), *ref = malloc(MAX), *msg = malloc(MAX), ad[33], key[32], nonce[12];
    tls13_chacha20_poly1305_key k;
    (void)state;
    assert_non_null(buf); assert_non_null(ref); assert_non_null(msg);
    for (size_t i = 0; i < MAX; i++)
        msg[i] = (uint8_t)(i * 17 + 3);
    for (size_t i = 0; i < sizeof(ad); i++)
        ad[i] = (uint8_t)(i * 5 + 1);
    key_0_to_31(key, 0x40);
    memset(nonce, 0xa1, sizeof(nonce));
    tls13_chacha20_poly1305_init(&k, key);
    for (size_t len = 0; len <= MAX; len++) {
        size_t adlen = (len * 2 + 1) % sizeof(ad);
        uint8_t *data = buf + 1 + len % 7, reftag[16], tag[16];
        nonce[11] = (uint8_t)len;
        memcpy(ref, msg, len);
        tls13_cpu_set_mask(0);
        tls13_chacha20_poly1305_seal(&k, nonce, ad, adlen, ref, len, reftag);
        tls13_cpu_set_mask(UINT32_MAX);
        memcpy(data, msg, len);
        tls13_chacha20_poly1305_seal(&k, nonce, ad, adlen, data, len, tag);
        assert_memory_equal(data, ref, len);
        assert_memory_equal(tag, reftag, 16);
        assert_int_equal(tls13_chacha20_poly1305_open(&k, nonce, ad, adlen, data, len, tag), TLS13_OK);
        assert_memory_equal(data, msg, len);
    }
    free(buf); free(ref); free(msg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc8439_2_3_2_block),
        cmocka_unit_test(rfc8439_2_4_2_encryption),
        cmocka_unit_test(rfc8439_2_5_2_poly1305),
        cmocka_unit_test(poly1305_radix26_equals_radix64),
        cmocka_unit_test(rfc8439_2_6_2_key_generation),
        cmocka_unit_test(rfc8439_2_8_2_aead),
        cmocka_unit_test(paths_agree_for_lengths_0_to_1000),
    };
    printf("AVX2 available: %s\n", tls13_cpu_has(TLS13_CPU_AVX2) ? "yes" : "no");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
