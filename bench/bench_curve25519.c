/* X25519 and Ed25519 operations per second, OpenSSL (EVP_PKEY) alongside.
 * OpenSSL's keys and contexts are prepared once outside the timed calls, as
 * `openssl speed ecdhx25519 ed25519` does. */
#include "bench.h"

#include <stdint.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/ed25519.h"
#include "crypto/x25519.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/evp.h>
#endif

static uint8_t priv_a[32], pub_b[32], seed[32], ed_pub[32], msg[64], sig[64];

static void ours_x25519(void *arg)
{
    uint8_t out[32];
    (void)arg;
    (void)tls13_x25519(out, priv_a, pub_b);
}
static void ours_x25519_keygen(void *arg)
{
    uint8_t priv[32], pub[32];
    (void)arg;
    (void)tls13_x25519_keygen(priv, pub);
}
static void ours_ed25519_sign(void *arg)
{
    uint8_t s[64];
    (void)arg;
    tls13_ed25519_sign(s, msg, sizeof(msg), seed, ed_pub);
}
static void ours_ed25519_verify(void *arg)
{
    (void)arg;
    (void)tls13_ed25519_verify(sig, msg, sizeof(msg), ed_pub);
}

#ifdef TLS13_BENCH_OPENSSL
static EVP_PKEY_CTX *ossl_derive, *ossl_keygen;
static EVP_MD_CTX *ossl_sign, *ossl_verify;
static uint8_t ossl_sig[64];

static void openssl_x25519(void *arg)
{
    uint8_t out[32];
    size_t len = sizeof(out);
    (void)arg;
    EVP_PKEY_derive(ossl_derive, out, &len);
}
static void openssl_x25519_keygen(void *arg)
{
    EVP_PKEY *k = NULL;
    (void)arg;
    EVP_PKEY_keygen(ossl_keygen, &k);
    EVP_PKEY_free(k);
}
static void openssl_ed25519_sign(void *arg)
{
    uint8_t s[64];
    size_t len = sizeof(s);
    (void)arg;
    EVP_DigestSign(ossl_sign, s, &len, msg, sizeof(msg));
}
static void openssl_ed25519_verify(void *arg)
{
    (void)arg;
    EVP_DigestVerify(ossl_verify, ossl_sig, sizeof(ossl_sig), msg, sizeof(msg));
}

/* Same keys as ours, so both sides do the same work. Returns 0 on failure. */
static int openssl_setup(void)
{
    EVP_PKEY *a = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, priv_a, 32);
    EVP_PKEY *b = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL, pub_b, 32);
    EVP_PKEY *ed = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed, 32);
    size_t len = sizeof(ossl_sig);
    int ok = a && b && ed;
    if (ok) {
        ossl_derive = EVP_PKEY_CTX_new(a, NULL);
        ok = ossl_derive && EVP_PKEY_derive_init(ossl_derive) == 1 && EVP_PKEY_derive_set_peer(ossl_derive, b) == 1;
    }
    if (ok) {
        ossl_keygen = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, NULL);
        ok = ossl_keygen && EVP_PKEY_keygen_init(ossl_keygen) == 1;
    }
    if (ok) {
        ossl_sign = EVP_MD_CTX_new();
        ossl_verify = EVP_MD_CTX_new();
        ok = ossl_sign && ossl_verify && EVP_DigestSignInit(ossl_sign, NULL, NULL, NULL, ed) == 1 &&
             EVP_DigestVerifyInit(ossl_verify, NULL, NULL, NULL, ed) == 1 &&
             EVP_DigestSign(ossl_sign, ossl_sig, &len, msg, sizeof(msg)) == 1 &&
             memcmp(ossl_sig, sig, 64) == 0; /* Ed25519 is deterministic */
    }
    EVP_PKEY_free(a);
    EVP_PKEY_free(b);
    EVP_PKEY_free(ed);
    return ok;
}

static void openssl_teardown(void)
{
    EVP_PKEY_CTX_free(ossl_derive);
    EVP_PKEY_CTX_free(ossl_keygen);
    EVP_MD_CTX_free(ossl_sign);
    EVP_MD_CTX_free(ossl_verify);
}
#endif

void tls13_bench_curve25519(void)
{
    void (*o_x)(void *) = NULL, (*o_kg)(void *) = NULL, (*o_sign)(void *) = NULL, (*o_verify)(void *) = NULL;
    uint8_t priv_b[32];
    for (int i = 0; i < 32; i++) {
        priv_a[i] = (uint8_t)(i * 7 + 1);
        priv_b[i] = (uint8_t)(i * 13 + 5);
        seed[i] = (uint8_t)(i * 29 + 3);
    }
    for (size_t i = 0; i < sizeof(msg); i++)
        msg[i] = (uint8_t)(i * 31);
    tls13_x25519_public(pub_b, priv_b);
    tls13_ed25519_public(ed_pub, seed);
    tls13_ed25519_sign(sig, msg, sizeof(msg), seed, ed_pub);
#ifdef TLS13_BENCH_OPENSSL
    if (openssl_setup()) {
        o_x = openssl_x25519;
        o_kg = openssl_x25519_keygen;
        o_sign = openssl_ed25519_sign;
        o_verify = openssl_ed25519_verify;
    }
#endif
    bench_ops_figure("x25519", ours_x25519, NULL, o_x, NULL);
    bench_ops_figure("x25519_keygen", ours_x25519_keygen, NULL, o_kg, NULL);
    bench_ops_figure("ed25519_sign", ours_ed25519_sign, NULL, o_sign, NULL);
    bench_ops_figure("ed25519_verify", ours_ed25519_verify, NULL, o_verify, NULL);
    if (bench_wanted("x25519_portable")) {
        tls13_cpu_set_mask(0);
        bench_report("x25519_portable", bench_rate(ours_x25519, NULL), -1, "ops/s");
        tls13_cpu_set_mask(UINT32_MAX);
    }
#ifdef TLS13_BENCH_OPENSSL
    openssl_teardown();
#endif
}
