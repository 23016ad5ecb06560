/* SHA3-256, SHA3-512, SHAKE128, SHAKE256: FIPS 202 example values (NIST
 * "Examples with Intermediate Values": empty, "abc", 1600 bits of 0xA3) and
 * streaming in odd-sized pieces. */
#include "test_support.h"

#include <stdio.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/keccak_x4.h"
#include "crypto/sha3.h"

enum fn { SHA3_256, SHA3_512, SHAKE128, SHAKE256 };

struct example {
    enum fn fn;
    const char *msg;      /* NULL: the 200 bytes of 0xA3 */
    const char *out;      /* SHAKE: the first bytes of the output */
};

static const struct example examples[] = {
    {SHA3_256, "", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"},
    {SHA3_256, "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"},
    {SHA3_256, NULL, "79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787"},
    {SHA3_512, "", "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a6"
                   "15b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26"},
    {SHA3_512, "abc", "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
                      "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0"},
    {SHA3_512, NULL, "e76dfad22084a8b1467fcf2ffa58361bec7628edf5f3fdc0e4805dc48caeeca8"
                     "1b7c13c30adf52a3659584739a2df46be589c51ca1a4a8416df6545a1ce8ba00"},
    {SHAKE128, "", "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26"},
    {SHAKE128, "abc", "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8"},
    {SHAKE256, "", "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"
                   "d75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be"},
    {SHAKE256, "abc", "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739"
                      "d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4"},
};

static void init(tls13_sha3_ctx *ctx, enum fn fn)
{
    switch (fn) {
    case SHA3_256: tls13_sha3_256_init(ctx); break;
    case SHA3_512: tls13_sha3_512_init(ctx); break;
    case SHAKE128: tls13_shake128_init(ctx); break;
    case SHAKE256: tls13_shake256_init(ctx); break;
    }
}

static void one_shot(enum fn fn, const uint8_t *msg, size_t len, uint8_t *out, size_t out_len)
{
    switch (fn) {
    case SHA3_256: tls13_sha3_256(msg, len, out); break;
    case SHA3_512: tls13_sha3_512(msg, len, out); break;
    case SHAKE128: tls13_shake128(msg, len, out, out_len); break;
    case SHAKE256: tls13_shake256(msg, len, out, out_len); break;
    }
}

static void fips202_examples(void **state)
{
    tt_count c = {"FIPS 202 examples", 0, 0, 0};
    uint8_t a3[200];
    (void)state;
    memset(a3, 0xa3, sizeof(a3));
    for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
        const struct example *e = &examples[i];
        const uint8_t *msg = e->msg ? (const uint8_t *)e->msg : a3;
        size_t len = e->msg ? strlen(e->msg) : sizeof(a3), n = strlen(e->out) / 2;
        uint8_t out[64], want[64];
        tt_hex(e->out, want, n);
        one_shot(e->fn, msg, len, out, n);
        c.run++;
        if (memcmp(out, want, n) == 0)
            c.passed++;
        else
            printf("mismatch: example %zu\n", i);
    }
    tt_count_report(&c);
}

/* Absorbing in pieces of 1, 4, 13, ... bytes and squeezing in pieces must
 * match the one-shot functions for every length across several block
 * boundaries (rates 72..168 bytes). */
static void streaming_matches_one_shot(void **state)
{
    static uint8_t msg[700], ref[600], out[600];
    (void)state;
    for (size_t i = 0; i < sizeof(msg); i++)
        msg[i] = (uint8_t)(i * 29 + 3);
    for (int fn = SHA3_256; fn <= SHAKE256; fn++) {
        size_t out_len = fn == SHA3_256 ? 32 : fn == SHA3_512 ? 64 : sizeof(ref);
        for (size_t len = 0; len <= sizeof(msg); len += 7) {
            tls13_sha3_ctx ctx;
            size_t off = 0, step = 1;
            one_shot((enum fn)fn, msg, len, ref, out_len);
            init(&ctx, (enum fn)fn);
            while (off < len) {
                size_t take = step < len - off ? step : len - off;
                tls13_sha3_update(&ctx, msg + off, take);
                off += take;
                step = step * 3 + 1;
            }
            if (fn == SHA3_256 || fn == SHA3_512) {
                tls13_sha3_final(&ctx, out);
            } else {
                off = 0;
                step = 1 + len % 5;
                while (off < out_len) {
                    size_t take = step < out_len - off ? step : out_len - off;
                    tls13_shake_squeeze(&ctx, out + off, take);
                    off += take;
                    step = step * 2 + 1;
                }
            }
            assert_memory_equal(ref, out, out_len);
        }
    }
}

/* The NIST SHAKE examples list 4096 bits of output; their last 32 bytes
 * check squeezing across many blocks. */
static void shake_long_output(void **state)
{
    uint8_t a3[200], out[512];
    (void)state;
    memset(a3, 0xa3, sizeof(a3));
    tls13_shake128(a3, 0, out, sizeof(out));
    tt_assert_hex(out + 480, 32, "43e41b45a653f2a5c4492c1add544512dda2529833462b71a41a45be97290b6f");
    tls13_shake128(a3, sizeof(a3), out, sizeof(out));
    tt_assert_hex(out + 480, 32, "44c9fb359fd56ac0a9a75a743cff6862f17d7259ab075216c0699511643b6439");
    tls13_shake256(a3, sizeof(a3), out, sizeof(out));
    tt_assert_hex(out + 480, 32, "6a1a9d7846436e4dca5728b6f760eef0ca92bf0be5615e96959d767197a0beeb");
}

/* Four sponges side by side (portable and AVX2) give what four separate
 * SHAKE128/SHAKE256 computations give, for every input length below the
 * rate and several output blocks. */
static void four_way_matches_single(void **state)
{
    static const size_t rates[] = {TLS13_SHAKE128_RATE, TLS13_SHAKE256_RATE};
    uint8_t in[4][TLS13_SHAKE128_RATE], out[4][3 * TLS13_SHAKE128_RATE], ref[3 * TLS13_SHAKE128_RATE];
    const uint8_t *inputs[4];
    uint8_t *outputs[4];
    (void)state;
    for (size_t s = 0; s < 4; s++) {
        for (size_t i = 0; i < sizeof(in[s]); i++)
            in[s][i] = (uint8_t)(s * 71 + i * 13 + 5);
        inputs[s] = in[s];
    }
    for (int path = 0; path < 2; path++) {
        tls13_cpu_set_mask(path ? UINT32_MAX : 0);
        for (size_t r = 0; r < 2; r++) {
            size_t rate = rates[r];
            for (size_t len = 0; len < rate; len += 5) {
                tls13_keccak_x4 k;
                tls13_keccak_x4_absorb_block(&k, rate, TLS13_SHAKE_SUFFIX, inputs, len);
                for (size_t b = 0; b < 3; b++) {
                    for (size_t s = 0; s < 4; s++)
                        outputs[s] = out[s] + b * rate;
                    tls13_keccak_x4_squeeze_block(&k, rate, outputs);
                }
                for (size_t s = 0; s < 4; s++) {
                    if (rate == TLS13_SHAKE128_RATE)
                        tls13_shake128(in[s], len, ref, 3 * rate);
                    else
                        tls13_shake256(in[s], len, ref, 3 * rate);
                    assert_memory_equal(out[s], ref, 3 * rate);
                }
            }
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fips202_examples),
        cmocka_unit_test(streaming_matches_one_shot),
        cmocka_unit_test(shake_long_output),
        cmocka_unit_test(four_way_matches_single),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
