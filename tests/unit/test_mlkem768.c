/* ML-KEM-768: Wycheproof key generation, encapsulation and decapsulation
 * vectors, the input checks of FIPS 203 section 7, implicit rejection, and
 * the polynomial arithmetic against plain definitions. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpu.h"
#include "base/random.h"
#include "crypto/mlkem768.h"
#include "crypto/mlkem_poly.h"
#include "crypto/sha3.h"
#include "tls13.h"

#define Q TLS13_MLKEM_Q

static int16_t mod_q(int32_t a)
{
    int32_t r = a % Q;
    return (int16_t)(r < 0 ? r + Q : r);
}

/* --- polynomial arithmetic ------------------------------------------- */

static void reductions_match_definitions(void **state)
{
    (void)state;
    for (int32_t a = -32768; a <= 32767; a++) {
        int16_t r = tls13_mlkem_barrett_reduce((int16_t)a);
        assert_true(r >= -(Q - 1) / 2 && r <= (Q - 1) / 2);
        assert_int_equal(mod_q(r), mod_q(a));
    }
    /* Montgomery: r * 2^16 == a (mod q) and |r| < q for |a| < q 2^15. */
    for (int32_t a = -Q * 32768 + 1; a < Q * 32768; a += 7919) {
        int16_t r = tls13_mlkem_montgomery_reduce(a);
        assert_true(r > -Q && r < Q);
        assert_int_equal(mod_q((int32_t)r * 65536 % Q), mod_q(a));
    }
}

static void compression_matches_division(void **state)
{
    static const unsigned ds[] = {1, 4, 10, 11};
    (void)state;
    for (size_t k = 0; k < sizeof(ds) / sizeof(ds[0]); k++) {
        unsigned d = ds[k];
        for (uint32_t x = 0; x < Q; x++) {
            /* round(2^d x / q) mod 2^d, by division */
            uint32_t want = (((x << d) * 2 + Q) / (2 * Q)) & ((1u << d) - 1);
            assert_int_equal(tls13_mlkem_compress((uint16_t)x, d), want);
        }
        for (uint32_t y = 0; y < (1u << d); y++) {
            uint32_t want = (2 * Q * y + (1u << d)) / (2u << d);   /* round(q y / 2^d) */
            assert_int_equal(tls13_mlkem_decompress((uint16_t)y, d), want);
        }
    }
}

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 8;
}

/* NTT, products in the NTT domain and NTT^-1 must compute the product in
 * Z_q[X]/(X^256 + 1), computed here by schoolbook multiplication. */
static void ntt_product_matches_schoolbook(void **state)
{
    uint32_t seed = 1;
    (void)state;
    for (int trial = 0; trial < 40; trial++) {
        tls13_mlkem_poly a[3], b[3], r;
        tls13_cpu_set_mask(trial % 2 ? UINT32_MAX : 0);   /* both paths */
        int32_t want[256] = {0};
        size_t k = (size_t)(trial / 2) % 3 + 1;
        for (size_t m = 0; m < k; m++) {
            for (int i = 0; i < 256; i++) {
                a[m].c[i] = (int16_t)((int32_t)(lcg(&seed) % (2 * Q - 1)) - (Q - 1));
                b[m].c[i] = (int16_t)((int32_t)(lcg(&seed) % (2 * Q - 1)) - (Q - 1));
            }
            for (int i = 0; i < 256; i++)
                for (int j = 0; j < 256; j++) {
                    int32_t p = mod_q((int32_t)a[m].c[i] * b[m].c[j]);
                    if (i + j < 256)
                        want[i + j] = mod_q(want[i + j] + p);
                    else
                        want[i + j - 256] = mod_q(want[i + j - 256] - p);
                }
            tls13_mlkem_poly_ntt(&a[m]);
            tls13_mlkem_poly_ntt(&b[m]);
        }
        tls13_mlkem_poly_dot(&r, a, b, k);
        tls13_mlkem_poly_invntt(&r);
        for (int i = 0; i < 256; i++) {
            assert_true(r.c[i] > -Q && r.c[i] < Q);
            assert_int_equal(mod_q(r.c[i]), want[i]);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
}

static void encode12_round_trip_and_modulus_flag(void **state)
{
    tls13_mlkem_poly p, back;
    uint8_t bytes[384];
    (void)state;
    for (int i = 0; i < 256; i++)
        p.c[i] = (int16_t)((i * 13) % Q);
    p.c[255] = Q - 1;
    tls13_mlkem_poly_encode12(bytes, &p);
    assert_int_equal(tls13_mlkem_poly_decode12(&back, bytes), UINT32_MAX);
    assert_memory_equal(p.c, back.c, sizeof(p.c));
    p.c[17] = Q;        /* first value that fails the modulus check */
    tls13_mlkem_poly_encode12(bytes, &p);
    assert_int_equal(tls13_mlkem_poly_decode12(&back, bytes), 0);
    p.c[17] = 4095;
    tls13_mlkem_poly_encode12(bytes, &p);
    assert_int_equal(tls13_mlkem_poly_decode12(&back, bytes), 0);
}

/* The AVX2 kernels against the portable ones on the same inputs: the NTTs
 * must agree exactly, the products modulo q, all within their bounds. */
static void avx2_matches_portable(void **state)
{
    uint32_t seed = 99;
    (void)state;
    if (!tls13_cpu_has(TLS13_CPU_AVX2)) {
        printf("no AVX2 on this CPU or build: portable path only\n");
        skip();
    }
    for (int trial = 0; trial < 200; trial++) {
        tls13_mlkem_poly in[3], in2[3], ref, out;
        size_t k = (size_t)trial % 3 + 1;
        for (size_t m = 0; m < 3; m++)
            for (int i = 0; i < 256; i++) {
                /* extremes first, then random values in (-q, q) or [0, 4096) */
                int32_t r = (int32_t)(lcg(&seed) % (2 * Q - 1)) - (Q - 1);
                in[m].c[i] = (int16_t)(trial == 0 ? Q - 1 : trial == 1 ? -(Q - 1) : r);
                in2[m].c[i] = (int16_t)(trial < 2 ? 4095 : (int32_t)(lcg(&seed) % 4096));
            }
        ref = in[0];
        out = in[0];
        tls13_cpu_set_mask(0);
        tls13_mlkem_poly_ntt(&ref);
        tls13_cpu_set_mask(UINT32_MAX);
        tls13_mlkem_poly_ntt(&out);
        assert_memory_equal(ref.c, out.c, sizeof(ref.c));
        ref = in[1];
        out = in[1];
        tls13_cpu_set_mask(0);
        tls13_mlkem_poly_invntt(&ref);
        tls13_cpu_set_mask(UINT32_MAX);
        tls13_mlkem_poly_invntt(&out);
        assert_memory_equal(ref.c, out.c, sizeof(ref.c));
        tls13_cpu_set_mask(0);
        tls13_mlkem_poly_dot(&ref, in2, in, k);
        tls13_cpu_set_mask(UINT32_MAX);
        tls13_mlkem_poly_dot(&out, in2, in, k);
        for (int i = 0; i < 256; i++) {
            assert_true(out.c[i] > -Q && out.c[i] < Q);
            assert_int_equal(mod_q(ref.c[i]), mod_q(out.c[i]));
        }
    }
}

/* Four-at-a-time sampling (four-way Keccak) must give what one-at-a-time
 * gives, on both paths; some of the 400 matrix entries need more than the
 * first three SHAKE128 blocks (about 1 in 100 does). */
static void batched_sampling_matches_single(void **state)
{
    uint32_t seed = 7;
    (void)state;
    for (int trial = 0; trial < 100; trial++) {
        uint8_t rho[32], ji[4][2];
        tls13_mlkem_poly four[4], one;
        tls13_cpu_set_mask(trial % 2 ? UINT32_MAX : 0);
        for (int i = 0; i < 32; i++)
            rho[i] = (uint8_t)lcg(&seed);
        for (int t = 0; t < 4; t++) {
            ji[t][0] = (uint8_t)lcg(&seed);
            ji[t][1] = (uint8_t)t;
        }
        tls13_mlkem_poly_sample_ntt_many(four, 4, rho, (const uint8_t(*)[2])ji);
        for (int t = 0; t < 4; t++) {
            tls13_mlkem_poly_sample_ntt_many(&one, 1, rho, (const uint8_t(*)[2])&ji[t]);
            assert_memory_equal(four[t].c, one.c, sizeof(one.c));
            for (int i = 0; i < 256; i++)
                assert_true(one.c[i] >= 0 && one.c[i] < Q);
        }
        tls13_mlkem_poly_sample_cbd2_many(four, 4, rho, (uint8_t)trial);
        for (int t = 0; t < 4; t++) {
            tls13_mlkem_poly_sample_cbd2_many(&one, 1, rho, (uint8_t)(trial + t));
            assert_memory_equal(four[t].c, one.c, sizeof(one.c));
            for (int i = 0; i < 256; i++)
                assert_true(one.c[i] >= -2 && one.c[i] <= 2);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
}

/* --- Wycheproof (on the portable path and on every fast path) ----------- */

static uint32_t portable_only = 0, all_paths = UINT32_MAX;

static const char *path_name(void **state, const char *file)
{
    static char name[96];
    uint32_t mask = *(uint32_t *)*state;
    tls13_cpu_set_mask(mask);
    snprintf(name, sizeof(name), "%s (%s)", file, mask ? "fast paths" : "portable");
    return name;
}

static void wycheproof_keygen_from_seed(void **state)
{
    tt_count c = {path_name(state, "mlkem_768_keygen_seed_test"), 0, 0, 0};
    tt_vectors *v = tt_vectors_open("wycheproof/mlkem_768_keygen_seed_test.tsv");
    (void)state;
    while (tt_vectors_next(v)) {
        size_t seed_len, ek_len, dk_len;
        uint8_t *seed = tt_vectors_hex(v, "seed", &seed_len);
        uint8_t *ek_want = tt_vectors_hex(v, "ek", &ek_len);
        uint8_t *dk_want = tt_vectors_hex(v, "dk", &dk_len);
        uint8_t ek[TLS13_MLKEM768_EK_SIZE], dk[TLS13_MLKEM768_DK_SIZE];
        c.run++;
        /* Every vector in this file is valid; a new kind would be noticed. */
        assert_string_equal(tt_vectors_get(v, "result"), "valid");
        assert_int_equal(seed_len, 64);
        tls13_mlkem768_keygen_from_seed(seed, ek, dk);
        if (ek_len == sizeof(ek) && dk_len == sizeof(dk) && memcmp(ek, ek_want, ek_len) == 0 &&
            memcmp(dk, dk_want, dk_len) == 0)
            c.passed++;
        else
            printf("line %d: key mismatch\n", tt_vectors_line(v));
        free(seed);
        free(ek_want);
        free(dk_want);
    }
    tt_vectors_close(v);
    tt_count_report(&c);
}

/* Valid vectors must reproduce c and K. Invalid ones are encapsulation keys
 * of the wrong length (the fixed-size interface cannot take them: the
 * caller, e.g. the key share, checks the length) or with a coefficient
 * >= q, which the modulus check must reject. */
static void wycheproof_encaps(void **state)
{
    tt_count c = {path_name(state, "mlkem_768_encaps_test"), 0, 0, 0};
    tt_vectors *v = tt_vectors_open("wycheproof/mlkem_768_encaps_test.tsv");
    unsigned modulus_rejections = 0;
    (void)state;
    while (tt_vectors_next(v)) {
        size_t m_len, ek_len, c_len, k_len;
        uint8_t *m = tt_vectors_hex(v, "m", &m_len);
        uint8_t *ek = tt_vectors_hex(v, "ek", &ek_len);
        uint8_t *c_want = tt_vectors_hex(v, "c", &c_len);
        uint8_t *k_want = tt_vectors_hex(v, "K", &k_len);
        const char *result = tt_vectors_get(v, "result");
        uint8_t ct[TLS13_MLKEM768_CT_SIZE], ss[32];
        int ok;
        c.run++;
        assert_int_equal(m_len, 32);
        if (ek_len != TLS13_MLKEM768_EK_SIZE) {
            ok = strcmp(result, "invalid") == 0;
        } else {
            int rc = tls13_mlkem768_encaps_with_m(ek, m, ct, ss);
            if (strcmp(result, "valid") == 0) {
                ok = rc == TLS13_OK && c_len == sizeof(ct) && k_len == 32 && memcmp(ct, c_want, c_len) == 0 &&
                     memcmp(ss, k_want, 32) == 0;
            } else {
                ok = rc == TLS13_ERR_BAD_KEY;
                modulus_rejections += ok;
            }
        }
        if (ok)
            c.passed++;
        else
            printf("tcId %s (line %d, %s): failed\n", tt_vectors_get(v, "tcId"), tt_vectors_line(v), result);
        free(m);
        free(ek);
        free(c_want);
        free(k_want);
    }
    tt_vectors_close(v);
    printf("encaps: %u invalid keys rejected by the modulus check\n", modulus_rejections);
    assert_true(modulus_rejections > 0);
    tt_count_report(&c);
}

/* Decapsulation from a seed: keygen must give ek, decaps must give K (for
 * bad ciphertexts: the implicit-rejection key). Invalid vectors have a seed
 * or ciphertext of the wrong length. */
static void wycheproof_decaps(void **state)
{
    tt_count c = {path_name(state, "mlkem_768_test"), 0, 0, 0};
    tt_vectors *v = tt_vectors_open("wycheproof/mlkem_768_test.tsv");
    (void)state;
    while (tt_vectors_next(v)) {
        size_t seed_len, ek_len, c_len, k_len;
        uint8_t *seed = tt_vectors_hex(v, "seed", &seed_len);
        uint8_t *ek_want = tt_vectors_hex(v, "ek", &ek_len);
        uint8_t *ct = tt_vectors_hex(v, "c", &c_len);
        uint8_t *k_want = tt_vectors_hex(v, "K", &k_len);
        const char *result = tt_vectors_get(v, "result");
        uint8_t ek[TLS13_MLKEM768_EK_SIZE], dk[TLS13_MLKEM768_DK_SIZE], ss[32];
        int ok;
        c.run++;
        if (seed_len != 64 || c_len != TLS13_MLKEM768_CT_SIZE) {
            ok = strcmp(result, "invalid") == 0;
        } else {
            tls13_mlkem768_keygen_from_seed(seed, ek, dk);
            ok = strcmp(result, "valid") == 0 && (ek_len == 0 || (ek_len == sizeof(ek) && memcmp(ek, ek_want, ek_len) == 0)) &&
                 tls13_mlkem768_decaps(dk, ct, ss) == TLS13_OK && k_len == 32 && memcmp(ss, k_want, 32) == 0;
        }
        if (ok)
            c.passed++;
        else
            printf("tcId %s (line %d, %s): failed\n", tt_vectors_get(v, "tcId"), tt_vectors_line(v), result);
        free(seed);
        free(ek_want);
        free(ct);
        free(k_want);
    }
    tt_vectors_close(v);
    tt_count_report(&c);
}

/* --- the KEM ------------------------------------------------------------- */

static void round_trip_and_implicit_rejection(void **state)
{
    static uint8_t ek[TLS13_MLKEM768_EK_SIZE], dk[TLS13_MLKEM768_DK_SIZE], ct[TLS13_MLKEM768_CT_SIZE];
    uint8_t ss1[32], ss2[32], k_bar[32], jin[32 + TLS13_MLKEM768_CT_SIZE];
    (void)state;
    for (int trial = 0; trial < 5; trial++) {
        assert_int_equal(tls13_mlkem768_keygen(ek, dk), TLS13_OK);
        assert_int_equal(tls13_mlkem768_encaps(ek, ct, ss1), TLS13_OK);
        assert_int_equal(tls13_mlkem768_decaps(dk, ct, ss2), TLS13_OK);
        assert_memory_equal(ss1, ss2, 32);
        /* A changed ciphertext decapsulates to K-bar = J(z || c). */
        ct[trial * 211] ^= (uint8_t)(1u << trial);
        assert_int_equal(tls13_mlkem768_decaps(dk, ct, ss2), TLS13_OK);
        memcpy(jin, dk + TLS13_MLKEM768_DK_SIZE - 32, 32);
        memcpy(jin + 32, ct, sizeof(ct));
        tls13_shake256(jin, sizeof(jin), k_bar, 32);
        assert_memory_equal(ss2, k_bar, 32);
        assert_memory_not_equal(ss1, ss2, 32);
    }
}

/* Section 7.3: dk whose H(ek) does not match its ek is refused. */
static void decaps_key_hash_check(void **state)
{
    static uint8_t ek[TLS13_MLKEM768_EK_SIZE], dk[TLS13_MLKEM768_DK_SIZE], ct[TLS13_MLKEM768_CT_SIZE];
    uint8_t seed[64], ss[32];
    (void)state;
    memset(seed, 7, sizeof(seed));
    tls13_mlkem768_keygen_from_seed(seed, ek, dk);
    assert_int_equal(tls13_mlkem768_encaps(ek, ct, ss), TLS13_OK);
    assert_int_equal(tls13_mlkem768_decaps(dk, ct, ss), TLS13_OK);
    dk[1152 + 1184 + 5] ^= 1;              /* H(ek) */
    assert_int_equal(tls13_mlkem768_decaps(dk, ct, ss), TLS13_ERR_BAD_KEY);
    dk[1152 + 1184 + 5] ^= 1;
    dk[1152 + 100] ^= 0x10;                /* ek inside dk */
    assert_int_equal(tls13_mlkem768_decaps(dk, ct, ss), TLS13_ERR_BAD_KEY);
}

/* Section 7.2 on a key of our own: one coefficient set to q. */
static void encaps_modulus_check(void **state)
{
    static uint8_t ek[TLS13_MLKEM768_EK_SIZE], dk[TLS13_MLKEM768_DK_SIZE], ct[TLS13_MLKEM768_CT_SIZE];
    uint8_t seed[64], ss[32];
    (void)state;
    memset(seed, 9, sizeof(seed));
    tls13_mlkem768_keygen_from_seed(seed, ek, dk);
    /* Coefficient 2 of polynomial 1 is bytes 3..4 (12 bits, low first). */
    ek[384 + 3] = (uint8_t)(Q & 0xff);
    ek[384 + 4] = (uint8_t)((ek[384 + 4] & 0xf0) | (Q >> 8));
    assert_int_equal(tls13_mlkem768_encaps(ek, ct, ss), TLS13_ERR_BAD_KEY);
    ek[384 + 3] = (uint8_t)((Q - 1) & 0xff);
    assert_int_equal(tls13_mlkem768_encaps(ek, ct, ss), TLS13_OK);
}

static int failing_source(void *arg, uint8_t *out, size_t len)
{
    (void)arg;
    (void)out;
    (void)len;
    return TLS13_ERR_RANDOM;
}

static void random_failure_is_reported(void **state)
{
    static uint8_t ek[TLS13_MLKEM768_EK_SIZE], dk[TLS13_MLKEM768_DK_SIZE], ct[TLS13_MLKEM768_CT_SIZE];
    uint8_t seed[64], ss[32];
    (void)state;
    memset(seed, 3, sizeof(seed));
    tls13_mlkem768_keygen_from_seed(seed, ek, dk);
    tls13_random_set_source(failing_source, NULL);
    assert_int_equal(tls13_mlkem768_keygen(ek, dk), TLS13_ERR_RANDOM);
    assert_int_equal(tls13_mlkem768_encaps(ek, ct, ss), TLS13_ERR_RANDOM);
    tls13_random_set_source(NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reductions_match_definitions),
        cmocka_unit_test(compression_matches_division),
        cmocka_unit_test(ntt_product_matches_schoolbook),
        cmocka_unit_test(encode12_round_trip_and_modulus_flag),
        cmocka_unit_test(avx2_matches_portable),
        cmocka_unit_test(batched_sampling_matches_single),
        cmocka_unit_test_prestate(wycheproof_keygen_from_seed, &portable_only),
        cmocka_unit_test_prestate(wycheproof_encaps, &portable_only),
        cmocka_unit_test_prestate(wycheproof_decaps, &portable_only),
        cmocka_unit_test_prestate(wycheproof_keygen_from_seed, &all_paths),
        cmocka_unit_test_prestate(wycheproof_encaps, &all_paths),
        cmocka_unit_test_prestate(wycheproof_decaps, &all_paths),
        cmocka_unit_test(round_trip_and_implicit_rejection),
        cmocka_unit_test(decaps_key_hash_check),
        cmocka_unit_test(encaps_modulus_check),
        cmocka_unit_test(random_failure_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
