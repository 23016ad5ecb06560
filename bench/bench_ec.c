/* P-256 / P-384: ECDH (one derive with a fixed peer key, as `openssl speed
 * ecdhp256` counts), key generation, ECDSA sign and verify of a digest, in
 * operations per second. OpenSSL's keys, contexts and signature are made
 * before timing; its timed calls are EVP_PKEY_derive / _keygen / _sign /
 * _verify on prepared contexts. */
#include "bench.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/ec.h"
#include "crypto/hash.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/evp.h>
#endif

typedef struct ours {
    tls13_ec_curve curve;
    tls13_hash_alg hash;
    uint8_t priv[TLS13_EC_MAX_SCALAR], pub[TLS13_EC_MAX_POINT];
    uint8_t peer[TLS13_EC_MAX_POINT];
    uint8_t digest[TLS13_HASH_MAX_SIZE];
    uint8_t sig[TLS13_ECDSA_MAX_SIG];
    size_t sig_len;
} ours;

static void ours_ecdh(void *arg)
{
    ours *o = arg;
    uint8_t x[TLS13_EC_MAX_SCALAR];
    tls13_ecdh(o->curve, o->priv, o->peer, tls13_ec_point_size(o->curve), x);
}

static void ours_keygen(void *arg)
{
    ours *o = arg;
    uint8_t d[TLS13_EC_MAX_SCALAR], q[TLS13_EC_MAX_POINT];
    tls13_ec_keygen(o->curve, d, q);
}

static void ours_sign(void *arg)
{
    ours *o = arg;
    uint8_t sig[TLS13_ECDSA_MAX_SIG];
    size_t len;
    tls13_ecdsa_sign(o->curve, o->hash, o->priv, o->digest, tls13_hash_size(o->hash), sig, sizeof(sig), &len);
}

static void ours_verify(void *arg)
{
    ours *o = arg;
    if (tls13_ecdsa_verify(o->curve, o->pub, tls13_ec_point_size(o->curve), o->digest, tls13_hash_size(o->hash),
                           o->sig, o->sig_len) != 0)
        fprintf(stderr, "bench_ec: verification failed\n");
}

static void ours_setup(ours *o, tls13_ec_curve curve, tls13_hash_alg hash)
{
    uint8_t d[TLS13_EC_MAX_SCALAR];
    o->curve = curve;
    o->hash = hash;
    tls13_ec_keygen(curve, o->priv, o->pub);
    tls13_ec_keygen(curve, d, o->peer);
    tls13_hash(hash, "bench", 5, o->digest);
    tls13_ecdsa_sign(curve, hash, o->priv, o->digest, tls13_hash_size(hash), o->sig, sizeof(o->sig), &o->sig_len);
}

#ifdef TLS13_BENCH_OPENSSL
typedef struct theirs {
    EVP_PKEY *key, *peer;
    EVP_PKEY_CTX *derive, *keygen, *sign, *verify;
    uint8_t digest[TLS13_HASH_MAX_SIZE];
    size_t digest_len;
    uint8_t sig[TLS13_ECDSA_MAX_SIG + 16];
    size_t sig_len;
} theirs;

static void openssl_ecdh(void *arg)
{
    theirs *t = arg;
    uint8_t x[TLS13_EC_MAX_SCALAR];
    size_t len = sizeof(x);
    EVP_PKEY_derive(t->derive, x, &len);
}

static void openssl_keygen(void *arg)
{
    theirs *t = arg;
    EVP_PKEY *k = NULL;
    EVP_PKEY_keygen(t->keygen, &k);
    EVP_PKEY_free(k);
}

static void openssl_sign(void *arg)
{
    theirs *t = arg;
    uint8_t sig[TLS13_ECDSA_MAX_SIG + 16];
    size_t len = sizeof(sig);
    EVP_PKEY_sign(t->sign, sig, &len, t->digest, t->digest_len);
}

static void openssl_verify(void *arg)
{
    theirs *t = arg;
    if (EVP_PKEY_verify(t->verify, t->sig, t->sig_len, t->digest, t->digest_len) != 1)
        fprintf(stderr, "bench_ec: OpenSSL verification failed\n");
}

static int theirs_setup(theirs *t, const char *group, const ours *o)
{
    memset(t, 0, sizeof(*t));
    t->key = EVP_PKEY_Q_keygen(NULL, NULL, "EC", group);
    t->peer = EVP_PKEY_Q_keygen(NULL, NULL, "EC", group);
    if (!t->key || !t->peer)
        return 0;
    t->derive = EVP_PKEY_CTX_new(t->key, NULL);
    t->keygen = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
    t->sign = EVP_PKEY_CTX_new(t->key, NULL);
    t->verify = EVP_PKEY_CTX_new(t->key, NULL);
    if (!t->derive || !t->keygen || !t->sign || !t->verify || EVP_PKEY_derive_init(t->derive) != 1 ||
        EVP_PKEY_derive_set_peer(t->derive, t->peer) != 1 || EVP_PKEY_keygen_init(t->keygen) != 1 ||
        EVP_PKEY_CTX_set_group_name(t->keygen, group) != 1 || EVP_PKEY_sign_init(t->sign) != 1 ||
        EVP_PKEY_verify_init(t->verify) != 1)
        return 0;
    t->digest_len = tls13_hash_size(o->hash);
    memcpy(t->digest, o->digest, t->digest_len);
    t->sig_len = sizeof(t->sig);
    return EVP_PKEY_sign(t->sign, t->sig, &t->sig_len, t->digest, t->digest_len) == 1;
}

static void theirs_free(theirs *t)
{
    EVP_PKEY_CTX_free(t->derive);
    EVP_PKEY_CTX_free(t->keygen);
    EVP_PKEY_CTX_free(t->sign);
    EVP_PKEY_CTX_free(t->verify);
    EVP_PKEY_free(t->key);
    EVP_PKEY_free(t->peer);
}
#endif

/* OpenSSL's side of a figure, when its setup worked (t, in curve_figures). */
#ifdef TLS13_BENCH_OPENSSL
#define THEIRS(fn) (t ? (fn) : NULL)
#else
#define THEIRS(fn) NULL
#endif

static void curve_figures(const char *prefix, tls13_ec_curve curve, tls13_hash_alg hash, const char *group,
                          int keygen)
{
    ours o;
    void *t = NULL;
    char name[64];
#ifdef TLS13_BENCH_OPENSSL
    theirs th;
#endif
    (void)group;
    ours_setup(&o, curve, hash);
#ifdef TLS13_BENCH_OPENSSL
    if (theirs_setup(&th, group, &o))
        t = &th;
#endif
    snprintf(name, sizeof(name), "%s_ecdh", prefix);
    bench_ops_figure(name, ours_ecdh, &o, THEIRS(openssl_ecdh), t);
    if (keygen) {
        snprintf(name, sizeof(name), "%s_keygen", prefix);
        bench_ops_figure(name, ours_keygen, &o, THEIRS(openssl_keygen), t);
    }
    snprintf(name, sizeof(name), "%s_sign", prefix);
    bench_ops_figure(name, ours_sign, &o, THEIRS(openssl_sign), t);
    snprintf(name, sizeof(name), "%s_verify", prefix);
    bench_ops_figure(name, ours_verify, &o, THEIRS(openssl_verify), t);
#ifdef TLS13_BENCH_OPENSSL
    theirs_free(&th);
#endif
}

void tls13_bench_ec(void)
{
    curve_figures("p256", TLS13_CURVE_P256, TLS13_HASH_SHA256, "P-256", 1);
    curve_figures("p384", TLS13_CURVE_P384, TLS13_HASH_SHA384, "P-384", 0);
}
