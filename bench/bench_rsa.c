/*
 * RSA: PSS (SHA-256, salt 32) signing and verification with the test keys,
 * ops/s. OpenSSL gets the same key as an EVP_PKEY and a prepared
 * EVP_PKEY_CTX, built outside the timed function.
 */
#include "bench.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/rsa.h"
#include "../tests/unit/rsa_test_keys.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#endif

struct rsa_bench {
    tls13_rsa_private_key key;
    uint8_t digest[32], sig[TLS13_RSA_MAX_BYTES];
    size_t sig_len;
#ifdef TLS13_BENCH_OPENSSL
    EVP_PKEY *pkey;
    EVP_PKEY_CTX *sign_ctx, *verify_ctx;
    uint8_t ossl_sig[TLS13_RSA_MAX_BYTES];
    size_t ossl_sig_len;
#endif
};

static size_t unhex(const char *hex, uint8_t *out, size_t cap)
{
    size_t len = strlen(hex) / 2;
    for (size_t i = 0; i < len && i < cap; i++) {
        char byte[3] = {hex[2 * i], hex[2 * i + 1], 0};
        out[i] = (uint8_t)strtoul(byte, NULL, 16);
    }
    return len <= cap ? len : 0;
}

static void load(struct rsa_bench *b, const struct rsa_test_key *k)
{
    tls13_rsa_private_key *key = &b->key;
    memset(b, 0, sizeof(*b));
    key->n_len = unhex(k->n, key->n, sizeof(key->n));
    key->e_len = unhex(k->e, key->e, sizeof(key->e));
    key->d_len = unhex(k->d, key->d, sizeof(key->d));
    key->p_len = unhex(k->p, key->p, sizeof(key->p));
    key->q_len = unhex(k->q, key->q, sizeof(key->q));
    key->dp_len = unhex(k->dp, key->dp, sizeof(key->dp));
    key->dq_len = unhex(k->dq, key->dq, sizeof(key->dq));
    key->qinv_len = unhex(k->qinv, key->qinv, sizeof(key->qinv));
    memset(b->digest, 0x5a, sizeof(b->digest));
    tls13_rsa_sign_pss(TLS13_HASH_SHA256, key, b->digest, b->sig, sizeof(b->sig), &b->sig_len);
}

static void ours_sign(void *arg)
{
    struct rsa_bench *b = arg;
    size_t len;
    tls13_rsa_sign_pss(TLS13_HASH_SHA256, &b->key, b->digest, b->sig, sizeof(b->sig), &len);
}

static void ours_verify(void *arg)
{
    struct rsa_bench *b = arg;
    tls13_rsa_verify_pss(TLS13_HASH_SHA256, b->key.n, b->key.n_len, b->key.e, b->key.e_len, b->digest, 32,
                         b->sig, b->sig_len);
}

#ifdef TLS13_BENCH_OPENSSL
static EVP_PKEY_CTX *pss_ctx(EVP_PKEY *pkey, int sign)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
    if (!ctx || (sign ? EVP_PKEY_sign_init(ctx) : EVP_PKEY_verify_init(ctx)) <= 0 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) <= 0 || EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, 32) <= 0)
        abort();
    return ctx;
}

static void openssl_prepare(struct rsa_bench *b)
{
    static const char *const names[] = {OSSL_PKEY_PARAM_RSA_N, OSSL_PKEY_PARAM_RSA_E,
                                        OSSL_PKEY_PARAM_RSA_D, OSSL_PKEY_PARAM_RSA_FACTOR1,
                                        OSSL_PKEY_PARAM_RSA_FACTOR2, OSSL_PKEY_PARAM_RSA_EXPONENT1,
                                        OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
    const tls13_rsa_private_key *k = &b->key;
    const uint8_t *parts[] = {k->n, k->e, k->d, k->p, k->q, k->dp, k->dq, k->qinv};
    size_t lens[] = {k->n_len, k->e_len, k->d_len, k->p_len, k->q_len, k->dp_len, k->dq_len, k->qinv_len};
    BIGNUM *bn[8];
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params;
    EVP_PKEY_CTX *from = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);

    for (int i = 0; i < 8; i++) {
        bn[i] = BN_bin2bn(parts[i], (int)lens[i], NULL);
        OSSL_PARAM_BLD_push_BN(bld, names[i], bn[i]);
    }
    params = OSSL_PARAM_BLD_to_param(bld);
    if (!from || EVP_PKEY_fromdata_init(from) <= 0 || EVP_PKEY_fromdata(from, &b->pkey, EVP_PKEY_KEYPAIR, params) <= 0)
        abort();
    b->sign_ctx = pss_ctx(b->pkey, 1);
    b->verify_ctx = pss_ctx(b->pkey, 0);
    b->ossl_sig_len = sizeof(b->ossl_sig);
    if (EVP_PKEY_sign(b->sign_ctx, b->ossl_sig, &b->ossl_sig_len, b->digest, 32) <= 0 ||
        EVP_PKEY_verify(b->verify_ctx, b->sig, b->sig_len, b->digest, 32) != 1)
        abort(); /* OpenSSL must accept our signature */
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    EVP_PKEY_CTX_free(from);
    for (int i = 0; i < 8; i++)
        BN_clear_free(bn[i]);
}

static void openssl_release(struct rsa_bench *b)
{
    EVP_PKEY_CTX_free(b->sign_ctx);
    EVP_PKEY_CTX_free(b->verify_ctx);
    EVP_PKEY_free(b->pkey);
}

static void openssl_sign(void *arg)
{
    struct rsa_bench *b = arg;
    size_t len = sizeof(b->ossl_sig);
    EVP_PKEY_sign(b->sign_ctx, b->ossl_sig, &len, b->digest, 32);
}

static void openssl_verify(void *arg)
{
    struct rsa_bench *b = arg;
    EVP_PKEY_verify(b->verify_ctx, b->ossl_sig, b->ossl_sig_len, b->digest, 32);
}
#endif

static void figure(const char *name, unsigned bits, int sign, uint32_t cpu_mask, int with_openssl)
{
    static struct rsa_bench b;
    double ours, theirs = -1;
    size_t i = 0;
    if (!bench_wanted(name))
        return;
    while (rsa_test_keys[i].bits != bits)
        i++;
    load(&b, &rsa_test_keys[i]);
    tls13_cpu_set_mask(cpu_mask);
#ifdef TLS13_BENCH_OPENSSL
    if (with_openssl) {
        openssl_prepare(&b);
        bench_compare(sign ? ours_sign : ours_verify, &b, sign ? openssl_sign : openssl_verify, &b, &ours, &theirs);
        openssl_release(&b);
    } else
#else
    (void)with_openssl;
#endif
        ours = bench_rate(sign ? ours_sign : ours_verify, &b);
    tls13_cpu_set_mask(UINT32_MAX);
    bench_report(name, ours, theirs, "ops/s");
}

void tls13_bench_rsa(void)
{
    figure("rsa2048_sign", 2048, 1, UINT32_MAX, 1);
    figure("rsa2048_verify", 2048, 0, UINT32_MAX, 1);
    figure("rsa3072_sign", 3072, 1, UINT32_MAX, 1);
    figure("rsa4096_sign", 4096, 1, UINT32_MAX, 1);
    figure("rsa4096_verify", 4096, 0, UINT32_MAX, 1);
    figure("rsa2048_sign_portable", 2048, 1, 0, 0);
}
