/* Key shares: round trips for every group, share lengths, invalid and
 * all-zero shares, and the X25519MLKEM768 layout (ML-KEM part first). */
#include "test_support.h"

#include <stdio.h>
#include <string.h>

#include "base/random.h"
#include "crypto/keyshare.h"
#include "crypto/mlkem768.h"
#include "crypto/x25519.h"
#include "tls13.h"

struct group_case {
    uint16_t group;
    const char *name;
    size_t client_len, server_len, secret_len;
};

static const struct group_case cases[] = {
    {TLS13_GROUP_X25519, "x25519", 32, 32, 32},
    {TLS13_GROUP_SECP256R1, "secp256r1", 65, 65, 32},
    {TLS13_GROUP_SECP384R1, "secp384r1", 97, 97, 48},
    {TLS13_GROUP_X25519MLKEM768, "X25519MLKEM768", 1216, 1120, 64},
};
#define N_CASES (sizeof(cases) / sizeof(cases[0]))

static uint8_t client_share[TLS13_KEYSHARE_MAX_SHARE + 1], server_share[TLS13_KEYSHARE_MAX_SHARE + 1];

/* Client generate, server respond, client finish: one secret. */
static void round_trip_every_group(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_CASES; i++) {
        const struct group_case *g = &cases[i];
        for (int trial = 0; trial < 3; trial++) {
            tls13_keyshare *ks;
            size_t cl, sl, csl, ssl;
            uint8_t cs[TLS13_KEYSHARE_MAX_SECRET], ss[TLS13_KEYSHARE_MAX_SECRET];
            assert_true(tls13_group_supported(g->group));
            assert_string_equal(tls13_group_name(g->group), g->name);
            assert_int_equal(tls13_keyshare_generate(g->group, &ks, client_share, sizeof(client_share), &cl), TLS13_OK);
            assert_int_equal(cl, g->client_len);
            assert_int_equal(tls13_keyshare_respond(g->group, client_share, cl, server_share, sizeof(server_share), &sl,
                                                    ss, sizeof(ss), &ssl), TLS13_OK);
            assert_int_equal(sl, g->server_len);
            assert_int_equal(ssl, g->secret_len);
            assert_int_equal(tls13_keyshare_finish(ks, server_share, sl, cs, sizeof(cs), &csl), TLS13_OK);
            assert_int_equal(csl, g->secret_len);
            assert_memory_equal(cs, ss, csl);
            tls13_keyshare_free(ks);
        }
    }
}

/* Shares one byte short, one byte long and empty are TLS13_ERR_BAD_KEY on
 * both sides. */
static void wrong_lengths_rejected(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_CASES; i++) {
        const struct group_case *g = &cases[i];
        const size_t client_bad[] = {g->client_len - 1, g->client_len + 1, 0, g->server_len == g->client_len ? 1 : g->server_len};
        const size_t server_bad[] = {g->server_len - 1, g->server_len + 1, 0, g->server_len == g->client_len ? 1 : g->client_len};
        tls13_keyshare *ks;
        size_t cl, sl, len;
        uint8_t secret[TLS13_KEYSHARE_MAX_SECRET];
        assert_int_equal(tls13_keyshare_generate(g->group, &ks, client_share, sizeof(client_share), &cl), TLS13_OK);
        assert_int_equal(tls13_keyshare_respond(g->group, client_share, cl, server_share, sizeof(server_share), &sl,
                                                secret, sizeof(secret), &len), TLS13_OK);
        for (size_t b = 0; b < 4; b++) {
            assert_int_equal(tls13_keyshare_respond(g->group, client_share, client_bad[b], server_share,
                                                    sizeof(server_share), &sl, secret, sizeof(secret), &len),
                             TLS13_ERR_BAD_KEY);
            assert_int_equal(tls13_keyshare_finish(ks, server_share, server_bad[b], secret, sizeof(secret), &len),
                             TLS13_ERR_BAD_KEY);
            assert_int_equal(len, 0);
        }
        tls13_keyshare_free(ks);
    }
}

/* Off-curve EC points and an ML-KEM encapsulation key failing the modulus
 * check (FIPS 203 section 7.2) are TLS13_ERR_BAD_KEY. */
static void invalid_shares_rejected(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_CASES; i++) {
        const struct group_case *g = &cases[i];
        tls13_keyshare *ks;
        size_t cl, sl, len;
        uint8_t secret[TLS13_KEYSHARE_MAX_SECRET];
        if (g->group == TLS13_GROUP_X25519)
            continue;   /* every 32-byte string is an X25519 public key */
        assert_int_equal(tls13_keyshare_generate(g->group, &ks, client_share, sizeof(client_share), &cl), TLS13_OK);
        assert_int_equal(tls13_keyshare_respond(g->group, client_share, cl, server_share, sizeof(server_share), &sl,
                                                secret, sizeof(secret), &len), TLS13_OK);
        if (g->group == TLS13_GROUP_X25519MLKEM768) {
            /* First coefficient of t-hat := 4095 >= q. */
            client_share[0] = 0xff;
            client_share[1] |= 0x0f;
        } else {
            client_share[cl - 1] ^= 1;   /* Y changed: off the curve */
            server_share[sl - 1] ^= 1;
            assert_int_equal(tls13_keyshare_finish(ks, server_share, sl, secret, sizeof(secret), &len),
                             TLS13_ERR_BAD_KEY);
            server_share[0] = 0x02;      /* compressed form is not allowed in TLS 1.3 */
            server_share[sl - 1] ^= 1;
            assert_int_equal(tls13_keyshare_finish(ks, server_share, sl, secret, sizeof(secret), &len),
                             TLS13_ERR_BAD_KEY);
        }
        assert_int_equal(tls13_keyshare_respond(g->group, client_share, cl, server_share, sizeof(server_share), &sl,
                                                secret, sizeof(secret), &len), TLS13_ERR_BAD_KEY);
        assert_int_equal(len, 0);
        tls13_keyshare_free(ks);
    }
}

/* RFC 8446 section 7.4.2: an all-zero X25519 result (here from the point
 * u = 0) is reported, for X25519 and for the hybrid's X25519 part. */
static void all_zero_x25519_reported(void **state)
{
    static const uint16_t with_x25519[] = {TLS13_GROUP_X25519, TLS13_GROUP_X25519MLKEM768};
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        tls13_keyshare *ks;
        size_t cl, sl, len;
        uint8_t secret[TLS13_KEYSHARE_MAX_SECRET];
        assert_int_equal(tls13_keyshare_generate(with_x25519[i], &ks, client_share, sizeof(client_share), &cl), TLS13_OK);
        assert_int_equal(tls13_keyshare_respond(with_x25519[i], client_share, cl, server_share, sizeof(server_share),
                                                &sl, secret, sizeof(secret), &len), TLS13_OK);
        memset(server_share + sl - 32, 0, 32);
        assert_int_equal(tls13_keyshare_finish(ks, server_share, sl, secret, sizeof(secret), &len),
                         TLS13_ERR_ZERO_SHARED_SECRET);
        assert_int_equal(len, 0);
        for (size_t b = 0; b < (i == 0 ? 32u : 64u); b++)
            assert_int_equal(secret[b], 0);   /* nothing of a secret is left behind */
        memset(client_share + cl - 32, 0, 32);
        assert_int_equal(tls13_keyshare_respond(with_x25519[i], client_share, cl, server_share, sizeof(server_share),
                                                &sl, secret, sizeof(secret), &len), TLS13_ERR_ZERO_SHARED_SECRET);
        tls13_keyshare_free(ks);
    }
}

/* A deterministic random source that records what it handed out, so the
 * hybrid's layout can be recomputed from the parts. */
static struct {
    uint8_t bytes[256];
    size_t used;
    uint8_t counter;
} drawn;

static int recording_source(void *arg, uint8_t *out, size_t len)
{
    (void)arg;
    for (size_t i = 0; i < len; i++) {
        out[i] = (uint8_t)(drawn.counter++ * 37 + 11);
        if (drawn.used < sizeof(drawn.bytes))
            drawn.bytes[drawn.used++] = out[i];
    }
    return TLS13_OK;
}

/* Client share = ek || X25519 public; server share = ct || X25519 public;
 * secret = ML-KEM shared secret || X25519 shared secret. */
static void hybrid_layout(void **state)
{
    static uint8_t ek[TLS13_MLKEM768_EK_SIZE], dk[TLS13_MLKEM768_DK_SIZE];
    tls13_keyshare *ks;
    size_t cl, sl, len;
    uint8_t secret[64], server_secret[64], pub[32], mlkem_ss[32], x_ss[32];
    (void)state;
    memset(&drawn, 0, sizeof(drawn));
    tls13_random_set_source(recording_source, NULL);
    assert_int_equal(tls13_keyshare_generate(TLS13_GROUP_X25519MLKEM768, &ks, client_share, sizeof(client_share), &cl),
                     TLS13_OK);
    tls13_random_set_source(NULL, NULL);
    /* ML-KEM.KeyGen drew d || z first, then X25519 its scalar. */
    assert_int_equal(drawn.used, 64 + 32);
    tls13_mlkem768_keygen_from_seed(drawn.bytes, ek, dk);
    assert_memory_equal(client_share, ek, sizeof(ek));
    tls13_x25519_public(pub, drawn.bytes + 64);
    assert_memory_equal(client_share + sizeof(ek), pub, 32);

    assert_int_equal(tls13_keyshare_respond(TLS13_GROUP_X25519MLKEM768, client_share, cl, server_share,
                                            sizeof(server_share), &sl, server_secret, sizeof(server_secret), &len), TLS13_OK);
    assert_int_equal(tls13_keyshare_finish(ks, server_share, sl, secret, sizeof(secret), &len), TLS13_OK);
    assert_memory_equal(secret, server_secret, 64);
    assert_int_equal(tls13_mlkem768_decaps(dk, server_share, mlkem_ss), TLS13_OK);
    assert_memory_equal(secret, mlkem_ss, 32);
    assert_int_equal(tls13_x25519(x_ss, drawn.bytes + 64, server_share + TLS13_MLKEM768_CT_SIZE), TLS13_OK);
    assert_memory_equal(secret + 32, x_ss, 32);

    /* A changed ciphertext is implicitly rejected: no error, another ML-KEM
     * part, the same X25519 part. */
    server_share[100] ^= 4;
    assert_int_equal(tls13_keyshare_finish(ks, server_share, sl, secret, sizeof(secret), &len), TLS13_OK);
    assert_memory_not_equal(secret, server_secret, 32);
    assert_memory_equal(secret + 32, server_secret + 32, 32);
    tls13_keyshare_free(ks);
}

static int failing_source(void *arg, uint8_t *out, size_t len)
{
    (void)arg;
    (void)out;
    (void)len;
    return TLS13_ERR_RANDOM;
}

static void errors_reported(void **state)
{
    tls13_keyshare *ks;
    size_t cl, sl, len;
    uint8_t secret[TLS13_KEYSHARE_MAX_SECRET];
    (void)state;
    assert_false(tls13_group_supported(0x0019));
    assert_string_equal(tls13_group_name(0x0019), "unknown");
    assert_int_equal(tls13_keyshare_generate(0x0019, &ks, client_share, sizeof(client_share), &cl), TLS13_ERR_UNSUPPORTED);
    assert_null(ks);   /* set to NULL on every failure */
    assert_int_equal(tls13_keyshare_respond(0x0019, client_share, 32, server_share, sizeof(server_share), &sl, secret,
                                            sizeof(secret), &len), TLS13_ERR_UNSUPPORTED);
    for (size_t i = 0; i < N_CASES; i++) {
        const struct group_case *g = &cases[i];
        assert_int_equal(tls13_keyshare_generate(g->group, &ks, client_share, g->client_len - 1, &cl),
                         TLS13_ERR_BUFFER_TOO_SMALL);
        assert_int_equal(tls13_keyshare_generate(g->group, &ks, client_share, sizeof(client_share), &cl), TLS13_OK);
        assert_int_equal(tls13_keyshare_respond(g->group, client_share, cl, server_share, g->server_len - 1, &sl, secret,
                                                sizeof(secret), &len), TLS13_ERR_BUFFER_TOO_SMALL);
        assert_int_equal(tls13_keyshare_respond(g->group, client_share, cl, server_share, sizeof(server_share), &sl,
                                                secret, g->secret_len - 1, &len), TLS13_ERR_BUFFER_TOO_SMALL);
        assert_int_equal(tls13_keyshare_respond(g->group, client_share, cl, server_share, sizeof(server_share), &sl,
                                                secret, sizeof(secret), &len), TLS13_OK);
        assert_int_equal(tls13_keyshare_finish(ks, server_share, sl, secret, g->secret_len - 1, &len),
                         TLS13_ERR_BUFFER_TOO_SMALL);
        tls13_keyshare_free(ks);
        tls13_random_set_source(failing_source, NULL);
        assert_int_equal(tls13_keyshare_generate(g->group, &ks, client_share, sizeof(client_share), &cl), TLS13_ERR_RANDOM);
        assert_null(ks);
        tls13_random_set_source(NULL, NULL);
    }
    tls13_keyshare_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_every_group),
        cmocka_unit_test(wrong_lengths_rejected),
        cmocka_unit_test(invalid_shares_rejected),
        cmocka_unit_test(all_zero_x25519_reported),
        cmocka_unit_test(hybrid_layout),
        cmocka_unit_test(errors_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
