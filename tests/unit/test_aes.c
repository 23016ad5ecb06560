/* AES-128/256: FIPS 197 examples (key expansion and cipher) on every path,
 * and the AES-NI path equal to the bitsliced path on many blocks. */
#include "test_support.h"

#include <stdio.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/aes.h"
#include "tls13.h"

static const uint32_t paths[] = {0, UINT32_MAX};

/* FIPS 197 Appendix C.1 and C.3. */
static void fips197_appendix_c(void **state)
{
    static const struct {
        const char *key, *ct;
    } ex[] = {
        {"000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"},
        {"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"},
    };
    tt_count c = {"FIPS 197 C.1/C.3 (all paths)", 0, 0, 0};
    (void)state;
    for (size_t p = 0; p < sizeof(paths) / sizeof(paths[0]); p++) {
        tls13_cpu_set_mask(paths[p]);
        for (size_t i = 0; i < sizeof(ex) / sizeof(ex[0]); i++) {
            uint8_t key[32], block[16];
            size_t klen = strlen(ex[i].key) / 2;
            tls13_aes_key k;
            tt_hex(ex[i].key, key, klen);
            tt_hex("00112233445566778899aabbccddeeff", block, 16);
            assert_int_equal(tls13_aes_init(&k, key, klen), TLS13_OK);
            tls13_aes_encrypt_blocks(&k, block, block, 1);
            c.run++;
            tt_assert_hex(block, 16, ex[i].ct);
            c.passed++;
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

/* FIPS 197 Appendix A.1 and A.3: the last round key of the expansion. */
static void fips197_key_expansion(void **state)
{
    uint8_t key[32];
    tls13_aes_key k;
    (void)state;
    tt_hex("2b7e151628aed2a6abf7158809cf4f3c", key, 16);
    assert_int_equal(tls13_aes_init(&k, key, 16), TLS13_OK);
    assert_int_equal(k.rounds, 10);
    tt_assert_hex(k.rk[10], 16, "d014f9a8c9ee2589e13f0cc8b6630ca6");
    tt_hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", key, 32);
    assert_int_equal(tls13_aes_init(&k, key, 32), TLS13_OK);
    assert_int_equal(k.rounds, 14);
    tt_assert_hex(k.rk[14], 16, "fe4890d1e6188d0b046df344706c631e");
    assert_int_equal(tls13_aes_init(&k, key, 24), TLS13_ERR_INVALID_ARGUMENT);
}

/* 1..13 blocks (every remainder of the 4-block bitsliced and AES-NI
 * batches), in place and out of place, both key sizes. */
static void fast_path_equals_bitsliced(void **state)
{
    uint8_t key[32], in[16 * 13], fast[sizeof(in)], slow[sizeof(in)];
    (void)state;
    for (size_t i = 0; i < sizeof(key); i++)
        key[i] = (uint8_t)(i * 37 + 11);
    for (size_t i = 0; i < sizeof(in); i++)
        in[i] = (uint8_t)(i * 101 + 3);
    for (size_t klen = 16; klen <= 32; klen += 16) {
        tls13_aes_key k;
        assert_int_equal(tls13_aes_init(&k, key, klen), TLS13_OK);
        for (size_t n = 1; n <= 13; n++) {
            tls13_cpu_set_mask(0);
            tls13_aes_encrypt_blocks(&k, in, slow, n);
            tls13_cpu_set_mask(UINT32_MAX);
            memcpy(fast, in, 16 * n);
            tls13_aes_encrypt_blocks(&k, fast, fast, n);
            assert_memory_equal(fast, slow, 16 * n);
            for (size_t b = 1; b < n; b++)
                assert_memory_not_equal(slow, slow + 16 * b, 16);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fips197_appendix_c),
        cmocka_unit_test(fips197_key_expansion),
        cmocka_unit_test(fast_path_equals_bitsliced),
    };
    printf("AES-NI available: %s\n", tls13_cpu_has(TLS13_CPU_AESNI) ? "yes" : "no");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
