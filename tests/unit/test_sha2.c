/* SHA-256/384/512: FIPS 180-4 examples on every code path this CPU has. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/hash.h"

struct example {
    tls13_hash_alg alg;
    const char *msg;      /* repeated `repeat` times */
    size_t repeat;
    const char *digest;
};

static const char abc56[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char abc112[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                             "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

static const struct example examples[] = {
    {TLS13_HASH_SHA256, "abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {TLS13_HASH_SHA256, abc56, 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {TLS13_HASH_SHA256, "", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {TLS13_HASH_SHA256, "a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    {TLS13_HASH_SHA384, "abc", 1, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                                  "8086072ba1e7cc2358baeca134c825a7"},
    {TLS13_HASH_SHA384, abc112, 1, "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712"
                                   "fcc7c71a557e2db966c3e9fa91746039"},
    {TLS13_HASH_SHA384, "a", 1000000, "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b"
                                      "07b8b3dc38ecc4ebae97ddd87f3d8985"},
    {TLS13_HASH_SHA512, "abc", 1, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"},
    {TLS13_HASH_SHA512, abc112, 1, "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                                   "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"},
    {TLS13_HASH_SHA512, "a", 1000000, "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
                                      "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"},
};

/* The feature sets to test: portable, then whatever the CPU offers. */
static const uint32_t paths[] = {0, UINT32_MAX};

static void fips_examples_on_every_path(void **state)
{
    tt_count c = {"FIPS 180-4 examples (all paths)", 0, 0, 0};
    (void)state;
    for (size_t p = 0; p < sizeof(paths) / sizeof(paths[0]); p++) {
        tls13_cpu_set_mask(paths[p]);
        for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
            const struct example *e = &examples[i];
            uint8_t out[TLS13_HASH_MAX_SIZE], want[TLS13_HASH_MAX_SIZE];
            size_t n = tls13_hash_size(e->alg), len = strlen(e->msg);
            tls13_hash_ctx ctx;
            tls13_hash_init(&ctx, e->alg);
            for (size_t r = 0; r < e->repeat; r++)
                tls13_hash_update(&ctx, e->msg, len);
            tls13_hash_final(&ctx, out);
            tt_hex(e->digest, want, n);
            c.run++;
            if (memcmp(out, want, n) == 0)
                c.passed++;
            else
                printf("mismatch: example %zu, cpu mask %x\n", i, (unsigned)paths[p]);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

/* Every length 0..1000 hashed in one go, in odd-sized pieces, and on the fast
 * path must give the portable path's digest. */
static void streaming_and_fast_path_agree_with_portable(void **state)
{
    uint8_t msg[1000];
    (void)state;
    for (size_t i = 0; i < sizeof(msg); i++)
        msg[i] = (uint8_t)(i * 131 + 7);
    for (int a = TLS13_HASH_SHA256; a <= TLS13_HASH_SHA512; a++) {
        size_t n = tls13_hash_size((tls13_hash_alg)a);
        for (size_t len = 0; len <= sizeof(msg); len++) {
            uint8_t ref[TLS13_HASH_MAX_SIZE], out[TLS13_HASH_MAX_SIZE];
            tls13_hash_ctx ctx;
            size_t off = 0, step = 1;
            tls13_cpu_set_mask(0);
            tls13_hash((tls13_hash_alg)a, msg, len, ref);
            tls13_cpu_set_mask(UINT32_MAX);
            tls13_hash((tls13_hash_alg)a, msg, len, out);
            assert_memory_equal(ref, out, n);
            tls13_hash_init(&ctx, (tls13_hash_alg)a);
            while (off < len) {
                size_t take = step < len - off ? step : len - off;
                tls13_hash_update(&ctx, msg + off, take);
                off += take;
                step = step * 3 + 1;
            }
            tls13_hash_final(&ctx, out);
            assert_memory_equal(ref, out, n);
        }
    }
}

static void peek_leaves_the_context_usable(void **state)
{
    uint8_t mid[32], full[32], want[32];
    tls13_hash_ctx ctx;
    (void)state;
    tls13_hash_init(&ctx, TLS13_HASH_SHA256);
    tls13_hash_update(&ctx, "ab", 2);
    tls13_hash_peek(&ctx, mid);
    tls13_hash_update(&ctx, "c", 1);
    tls13_hash_final(&ctx, full);
    tls13_sha256("ab", 2, want);
    assert_memory_equal(mid, want, 32);
    tt_assert_hex(full, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fips_examples_on_every_path),
        cmocka_unit_test(streaming_and_fast_path_agree_with_portable),
        cmocka_unit_test(peek_leaves_the_context_usable),
    };
    printf("SHA-NI available: %s\n", tls13_cpu_has(TLS13_CPU_SHA) ? "yes" : "no");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
