/* Key shares, per group: the client (generate + finish) and the server
 * (respond). OpenSSL does the same work through EVP for the Diffie-Hellman
 * groups (key generation, public key encoding, derivation); OpenSSL 3.0 has
 * no X25519MLKEM768, so its column is '-' there. */
#include "bench.h"

#include <stdint.h>
#include <stdio.h>

#include "crypto/keyshare.h"
#include "tls13.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>
#endif

static struct {
    uint16_t group;
    uint8_t client_share[TLS13_KEYSHARE_MAX_SHARE], server_share[TLS13_KEYSHARE_MAX_SHARE];
    size_t client_len, server_len;
} bench;

static void client(void *arg)
{
    tls13_keyshare *ks;
    uint8_t share[TLS13_KEYSHARE_MAX_SHARE], secret[TLS13_KEYSHARE_MAX_SECRET];
    size_t len;
    (void)arg;
    if (tls13_keyshare_generate(bench.group, &ks, share, sizeof(share), &len) == TLS13_OK)
        (void)tls13_keyshare_finish(ks, bench.server_share, bench.server_len, secret, sizeof(secret), &len);
    tls13_keyshare_free(ks);
}

static void server(void *arg)
{
    uint8_t share[TLS13_KEYSHARE_MAX_SHARE], secret[TLS13_KEYSHARE_MAX_SECRET];
    size_t share_len, secret_len;
    (void)arg;
    (void)tls13_keyshare_respond(bench.group, bench.client_share, bench.client_len, share, sizeof(share), &share_len,
                                 secret, sizeof(secret), &secret_len);
}

#ifdef TLS13_BENCH_OPENSSL
/* Prepared outside the timed function: the key generation context and the
 * peer's key. */
static struct {
    EVP_PKEY_CTX *keygen;
    EVP_PKEY *peer;
} ossl;

static void openssl_dh(void *arg)
{
    EVP_PKEY *key = NULL;
    EVP_PKEY_CTX *derive;
    unsigned char *pub = NULL, secret[64];
    size_t len = sizeof(secret);
    (void)arg;
    if (EVP_PKEY_keygen(ossl.keygen, &key) <= 0)
        return;
    (void)EVP_PKEY_get1_encoded_public_key(key, &pub);
    OPENSSL_free(pub);
    derive = EVP_PKEY_CTX_new(key, NULL);
    if (derive && EVP_PKEY_derive_init(derive) > 0 && EVP_PKEY_derive_set_peer(derive, ossl.peer) > 0)
        (void)EVP_PKEY_derive(derive, secret, &len);
    EVP_PKEY_CTX_free(derive);
    EVP_PKEY_free(key);
}

static int openssl_prepare(uint16_t group)
{
    int nid = group == TLS13_GROUP_SECP256R1 ? NID_X9_62_prime256v1 : NID_secp384r1;
    ossl.peer = NULL;
    if (group == TLS13_GROUP_X25519) {
        ossl.keygen = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, NULL);
        if (!ossl.keygen || EVP_PKEY_keygen_init(ossl.keygen) <= 0)
            return 0;
    } else {
        ossl.keygen = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, NULL);
        if (!ossl.keygen || EVP_PKEY_keygen_init(ossl.keygen) <= 0 ||
            EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ossl.keygen, nid) <= 0)
            return 0;
    }
    return EVP_PKEY_keygen(ossl.keygen, &ossl.peer) > 0;
}

static void openssl_release(void)
{
    EVP_PKEY_free(ossl.peer);
    EVP_PKEY_CTX_free(ossl.keygen);
}
#endif

static void figures(uint16_t group, const char *prefix)
{
    char client_name[64], server_name[64];
    tls13_keyshare *ks;
    uint8_t secret[TLS13_KEYSHARE_MAX_SECRET];
    size_t len;
    void (*theirs)(void *) = NULL;
    snprintf(client_name, sizeof(client_name), "%s_client", prefix);
    snprintf(server_name, sizeof(server_name), "%s_server", prefix);
    if (!bench_wanted(client_name) && !bench_wanted(server_name))
        return;
    bench.group = group;
    if (tls13_keyshare_generate(group, &ks, bench.client_share, sizeof(bench.client_share), &bench.client_len) != TLS13_OK ||
        tls13_keyshare_respond(group, bench.client_share, bench.client_len, bench.server_share,
                               sizeof(bench.server_share), &bench.server_len, secret, sizeof(secret), &len) != TLS13_OK) {
        fprintf(stderr, "bench_keyshare: %s setup failed\n", prefix);
        tls13_keyshare_free(ks);
        return;
    }
    tls13_keyshare_free(ks);
#ifdef TLS13_BENCH_OPENSSL
    /* For Diffie-Hellman both sides do one key generation and one
     * derivation, so OpenSSL's one operation is timed against each side. */
    if (group != TLS13_GROUP_X25519MLKEM768 && openssl_prepare(group))
        theirs = openssl_dh;
#endif
    bench_ops_figure(client_name, client, NULL, theirs, NULL);
    bench_ops_figure(server_name, server, NULL, theirs, NULL);
#ifdef TLS13_BENCH_OPENSSL
    if (group != TLS13_GROUP_X25519MLKEM768)
        openssl_release();
#endif
}

void tls13_bench_keyshare(void)
{
    figures(TLS13_GROUP_X25519MLKEM768, "x25519mlkem768");
    figures(TLS13_GROUP_X25519, "x25519");
    figures(TLS13_GROUP_SECP256R1, "secp256r1");
    figures(TLS13_GROUP_SECP384R1, "secp384r1");
}
