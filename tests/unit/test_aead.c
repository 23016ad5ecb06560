/* The record layer's AEAD interface: Wycheproof AES-GCM and
 * ChaCha20-Poly1305 on every path this CPU has and on the portable path,
 * failed opens wiping, key state allocated through the hook and wiped. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpu.h"
#include "base/mem.h"
#include "crypto/aead.h"
#include "base/ct.h"
#include "crypto/aes_gcm.h"
#include "tls13.h"

static const uint32_t paths[] = {
    0,
    TLS13_CPU_AESNI | TLS13_CPU_SSSE3 | TLS13_CPU_SSE41,
    TLS13_CPU_PCLMUL | TLS13_CPU_SSSE3 | TLS13_CPU_SSE41,
    TLS13_CPU_AESNI | TLS13_CPU_PCLMUL | TLS13_CPU_SSSE3 | TLS13_CPU_SSE41,
    UINT32_MAX,
};
#define NPATHS (sizeof(paths) / sizeof(paths[0]))

struct vec {
    uint8_t *key, *iv, *aad, *msg, *ct, *tag;
    size_t key_len, iv_len, aad_len, msg_len, ct_len, tag_len;
    const char *result;
};

static void vec_read(tt_vectors *v, struct vec *x)
{
    x->key = tt_vectors_hex(v, "key", &x->key_len);
    x->iv = tt_vectors_hex(v, "iv", &x->iv_len);
    x->aad = tt_vectors_hex(v, "aad", &x->aad_len);
    x->msg = tt_vectors_hex(v, "msg", &x->msg_len);
    x->ct = tt_vectors_hex(v, "ct", &x->ct_len);
    x->tag = tt_vectors_hex(v, "tag", &x->tag_len);
    x->result = tt_vectors_get(v, "result");
}

static void vec_free(struct vec *x)
{
    free(x->key); free(x->iv); free(x->aad); free(x->msg); free(x->ct); free(x->tag);
}

/* valid: seal gives ct || tag and open gives msg back; invalid: open fails
 * and wipes; acceptable: open may go either way but must be consistent with
 * seal. `seal`/`open` wrap the call under test. */
typedef void (*seal_fn)(const void *ctx, const struct vec *x, uint8_t *buf, uint8_t tag[16]);
typedef int (*open_fn)(const void *ctx, const struct vec *x, uint8_t *buf, const uint8_t tag[16]);

static int check_vector(const void *ctx, const struct vec *x, seal_fn seal, open_fn open)
{
    uint8_t *buf = malloc(x->msg_len + x->ct_len + 1), tag[16];
    int ok = 1, valid = strcmp(x->result, "valid") == 0, invalid = strcmp(x->result, "invalid") == 0;
    assert_non_null(buf);
    if (valid) {
        memcpy(buf, x->msg, x->msg_len);
        seal(ctx, x, buf, tag);
        ok = x->ct_len == x->msg_len && memcmp(buf, x->ct, x->ct_len) == 0 && memcmp(tag, x->tag, 16) == 0;
    }
    memcpy(buf, x->ct, x->ct_len);
    if (open(ctx, x, buf, x->tag) == TLS13_OK) {
        ok = ok && !invalid && x->ct_len == x->msg_len && memcmp(buf, x->msg, x->msg_len) == 0;
    } else {
        ok = ok && !valid && tls13_ct_is_zero(buf, x->ct_len);
    }
    free(buf);
    return ok;
}

static void aead_seal(const void *ctx, const struct vec *x, uint8_t *buf, uint8_t tag[16])
{
    tls13_aead_seal(ctx, x->iv, x->aad, x->aad_len, buf, x->msg_len, tag);
}

static int aead_open(const void *ctx, const struct vec *x, uint8_t *buf, const uint8_t tag[16])
{
    return tls13_aead_open(ctx, x->iv, x->aad, x->aad_len, buf, x->ct_len, tag);
}

/* Runs one Wycheproof file through tls13_aead on every path: 96-bit IVs and
 * 128-bit tags with a supported key size; everything else is skipped. */
static void wycheproof_file(const char *file, const char *name, int chacha, tt_count *c, tt_count *other_iv)
{
    for (size_t p = 0; p < NPATHS; p++) {
        tt_vectors *v = tt_vectors_open(file);
        tls13_cpu_set_mask(paths[p]);
        while (tt_vectors_next(v)) {
            struct vec x;
            int key_bits = atoi(tt_vectors_get(v, "keyBits")), iv_bits = atoi(tt_vectors_get(v, "ivBits"));
            int tag_bits = atoi(tt_vectors_get(v, "tagBits"));
            tls13_aead_alg alg = chacha ? TLS13_AEAD_CHACHA20_POLY1305
                                 : key_bits == 128 ? TLS13_AEAD_AES_128_GCM : TLS13_AEAD_AES_256_GCM;
            int supported = tag_bits == 128 && (chacha ? key_bits == 256 : key_bits == 128 || key_bits == 256);
            vec_read(v, &x);
            if (!supported || iv_bits != 96) {
                /* AES-GCM with other IV lengths still runs, through the
                 * general-IV calls of aes_gcm.h (not the TLS interface). */
                if (supported && !chacha && other_iv) {
                    tls13_aes_gcm_key k;
                    int ok;
                    assert_int_equal(tls13_aes_gcm_init(&k, x.key, x.key_len), TLS13_OK);
                    if (x.iv_len == 0) {
                        uint8_t t[16];
                        ok = strcmp(x.result, "invalid") == 0 &&
                             tls13_aes_gcm_seal_iv(&k, x.iv, 0, x.aad, x.aad_len, x.msg, 0, t) ==
                                 TLS13_ERR_INVALID_ARGUMENT;
                    } else {
                        uint8_t *buf = malloc(x.msg_len + 1), t[16];
                        memcpy(buf, x.msg, x.msg_len);
                        tls13_aes_gcm_seal_iv(&k, x.iv, x.iv_len, x.aad, x.aad_len, buf, x.msg_len, t);
                        ok = strcmp(x.result, "valid") == 0 && memcmp(buf, x.ct, x.ct_len) == 0 &&
                             memcmp(t, x.tag, 16) == 0 &&
                             tls13_aes_gcm_open_iv(&k, x.iv, x.iv_len, x.aad, x.aad_len, buf, x.msg_len, t) ==
                                 TLS13_OK &&
                             memcmp(buf, x.msg, x.msg_len) == 0;
                        free(buf);
                    }
                    other_iv->run++;
                    if (ok)
                        other_iv->passed++;
                    else
                        printf("%s line %d (IV %d bits) failed on cpu mask %x\n", name, tt_vectors_line(v),
                               iv_bits, (unsigned)paths[p]);
                }
                c->skipped++;
                vec_free(&x);
                continue;
            }
            {
                tls13_aead aead;
                assert_int_equal(tls13_aead_init(&aead, alg, x.key), TLS13_OK);
                assert_int_equal(x.key_len, tls13_aead_key_size(alg));
                c->run++;
                if (check_vector(&aead, &x, aead_seal, aead_open))
                    c->passed++;
                else
                    printf("%s line %d failed on cpu mask %x\n", name, tt_vectors_line(v), (unsigned)paths[p]);
                tls13_aead_wipe(&aead);
            }
            vec_free(&x);
        }
        tt_vectors_close(v);
    }
    tls13_cpu_set_mask(UINT32_MAX);
}

static void wycheproof_aes_gcm(void **state)
{
    tt_count c = {"wycheproof aes_gcm_test.tsv via tls13_aead (5 cpu masks)", 0, 0, 0};
    tt_count other = {"wycheproof aes_gcm_test.tsv, other IV sizes via tls13_aes_gcm_*_iv (5 cpu masks)", 0, 0, 0};
    (void)state;
    wycheproof_file("wycheproof/aes_gcm_test.tsv", "aes_gcm", 0, &c, &other);
    tt_count_report(&c);
    tt_count_report(&other);
}

static void wycheproof_chacha20_poly1305(void **state)
{
    tt_count c = {"wycheproof chacha20_poly1305_test.tsv via tls13_aead (5 cpu masks)", 0, 0, 0};
    (void)state;
    wycheproof_file("wycheproof/chacha20_poly1305_test.tsv", "chacha20_poly1305", 1, &c, NULL);
    tt_count_report(&c);
}

/* Counts the allocator hook's live allocations. */
static int live;
static void *counting_alloc(void *arg, size_t size)
{
    (void)arg;
    live++;
    return malloc(size);
}
static void counting_free(void *arg, void *ptr)
{
    (void)arg;
    live--;
    free(ptr);
}
static void *failing_alloc(void *arg, size_t size)
{
    (void)arg; (void)size;
    return NULL;
}

/* For each algorithm: the key state comes from tls13_alloc and goes back on
 * wipe (twice is harmless); seal/open in place at odd addresses; a wrong
 * tag, AAD, nonce or ciphertext fails and zeroes the buffer; out of memory
 * is reported. */
static void interface_for_every_algorithm(void **state)
{
    const tls13_aead_alg algs[] = {TLS13_AEAD_AES_128_GCM, TLS13_AEAD_AES_256_GCM, TLS13_AEAD_CHACHA20_POLY1305};
    uint8_t key[32], nonce[12], ad[13], store[1100], msg[1024], tag[16];
    (void)state;
    for (size_t i = 0; i < sizeof(key); i++) key[i] = (uint8_t)(i + 1);
    for (size_t i = 0; i < sizeof(msg); i++) msg[i] = (uint8_t)(i ^ 0x3c);
    memset(nonce, 9, sizeof(nonce));
    memset(ad, 0x17, sizeof(ad));
    for (size_t a = 0; a < 3; a++) {
        for (size_t p = 0; p < NPATHS; p++) {
            tls13_aead aead;
            uint8_t *data = store + 1 + p;
            tls13_cpu_set_mask(paths[p]);
            tls13_set_allocator(counting_alloc, counting_free, NULL);
            assert_int_equal(tls13_aead_init(&aead, algs[a], key), TLS13_OK);
            assert_int_equal(live, 1);
            for (int corrupt = 0; corrupt <= 4; corrupt++) {
                memcpy(data, msg, sizeof(msg));
                tls13_aead_seal(&aead, nonce, ad, sizeof(ad), data, sizeof(msg), tag);
                assert_memory_not_equal(data, msg, sizeof(msg));
                if (corrupt == 1) tag[15] ^= 0x40;
                if (corrupt == 2) ad[0] ^= 1;
                if (corrupt == 3) nonce[11] ^= 1;
                if (corrupt == 4) data[512] ^= 2;
                if (corrupt == 0) {
                    assert_int_equal(tls13_aead_open(&aead, nonce, ad, sizeof(ad), data, sizeof(msg), tag), TLS13_OK);
                    assert_memory_equal(data, msg, sizeof(msg));
                } else {
                    assert_int_equal(tls13_aead_open(&aead, nonce, ad, sizeof(ad), data, sizeof(msg), tag),
                                     TLS13_ERR_AUTH_FAILED);
                    assert_true(tls13_ct_is_zero(data, sizeof(msg)));
                }
                if (corrupt == 2) ad[0] ^= 1;
                if (corrupt == 3) nonce[11] ^= 1;
            }
            tls13_aead_wipe(&aead);
            assert_null(aead.state);
            tls13_aead_wipe(&aead);
            assert_int_equal(live, 0);
            tls13_set_allocator(failing_alloc, counting_free, NULL);
            assert_int_equal(tls13_aead_init(&aead, algs[a], key), TLS13_ERR_NO_MEMORY);
            tls13_aead_wipe(&aead);
            tls13_set_allocator(NULL, NULL, NULL);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wycheproof_aes_gcm),
        cmocka_unit_test(wycheproof_chacha20_poly1305),
        cmocka_unit_test(interface_for_every_algorithm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
