/*
 * x509_verify_chain3: parse and validate a leaf / intermediate / root ECDSA
 * P-256 chain (root in the trust store, host name checked), chains/s.
 * OpenSSL: d2i_X509 of the two peer certificates and X509_verify_cert with
 * the same store, time and host. The chain below was generated once with
 * the openssl CLI (req -x509 -CA ...; valid 2026-2126); "now" is fixed so
 * the figure never depends on the clock.
 */
#include "bench.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "x509/pem.h"
#include "x509/x509.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#endif

#define BENCH_NOW 1893456000 /* 2030-01-01 00:00:00 UTC */
#define BENCH_HOST "bench.example.com"

static const char root_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBdjCCARygAwIBAgIUQhTquMFYa1TZEroPqpt2R+R0UU8wCgYIKoZIzj0EAwIw\n"
    "GDEWMBQGA1UEAwwNQmVuY2ggUm9vdCBDQTAgFw0yNjEyMDEwODQ2MzBaGA8yMTI2\n"
    "MTEwNzA4NDYzMFowGDEWMBQGA1UEAwwNQmVuY2ggUm9vdCBDQTBZMBMGByqGSM49\n"
    "AgEGCCqGSM49AwEHA0IABFHkd1oi7o8lJYPzHaCEeRz0jRji2R+BPgzOVx0mnQXe\n"
    "vBpdQlBW0vJEHIJpiDG2sUutRIUo6sWM3rUbi97bN7OjQjBAMA8GA1UdEwEB/wQF\n"
    "MAMBAf8wDgYDVR0PAQH/BAQDAgIEMB0GA1UdDgQWBBS1zBWz6Ke7aR/c8Lj8Te+t\n"
    "Ylb6LDAKBggqhkjOPQQDAgNIADBFAiEA2cQ/jI0msf+8zfPk8GIjGs0Hd5rqCydb\n"
    "vX52cU+ol0oCIDVvY9PD7CP8qx5CL182UIcPACNQDktCa2oUmUdX+VoM\n"
    "-----END CERTIFICATE-----\n"
    ;

static const char inter_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBoTCCAUigAwIBAgIUHUeRIHzWcbfb1Z3QhFWGjJzMV1swCgYIKoZIzj0EAwIw\n"
    "GDEWMBQGA1UEAwwNQmVuY2ggUm9vdCBDQTAgFw0yNjEyMDEwODQ2MzBaGA8yMTI2\n"
    "MTEwNzA4NDYzMFowIDEeMBwGA1UEAwwVQmVuY2ggSW50ZXJtZWRpYXRlIENBMFkw\n"
    "EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEGJfXCBUM9rt5Lm8z+iQQ6Za6tpUQ4RSt\n"
    "6Kdhk1Lyvo29OSzsJGG6vsWVgxQg2sTTa34YgJRyS+c+I8FD/lY5eqNmMGQwEgYD\n"
    "VR0TAQH/BAgwBgEB/wIBADAOBgNVHQ8BAf8EBAMCAgQwHQYDVR0OBBYEFGGI1/S4\n"
    "fmHCO8XSOV3+pRnYsnCiMB8GA1UdIwQYMBaAFLXMFbPop7tpH9zwuPxN761iVvos\n"
    "MAoGCCqGSM49BAMCA0cAMEQCIEJylLkf4tfexs2dpCDX7Ef9FQBX43Fcj8NIuxsL\n"
    "MONsAiB/RgYwou81QAisvlFbuUNyMxDf0xNg8xMZU93tnIq8nQ==\n"
    "-----END CERTIFICATE-----\n"
    ;

static const char leaf_pem[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIB1TCCAXugAwIBAgIUPqwnHxYFUQazr0LmP736+qb3VuwwCgYIKoZIzj0EAwIw\n"
    "IDEeMBwGA1UEAwwVQmVuY2ggSW50ZXJtZWRpYXRlIENBMCAXDTI2MTIwMTA4NDYz\n"
    "MFoYDzIxMjYxMTA3MDg0NjMwWjAcMRowGAYDVQQDDBFiZW5jaC5leGFtcGxlLmNv\n"
    "bTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIwLIo0wrxrpVT5xVH1wj6DzqC6X\n"
    "b5qRVH5Bges85TU/RF5LiINl5/qwOCOHlZlLHK4jsXO+kXBHxFxFZCOsEO+jgZQw\n"
    "gZEwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCB4AwEwYDVR0lBAwwCgYIKwYB\n"
    "BQUHAwEwHAYDVR0RBBUwE4IRYmVuY2guZXhhbXBsZS5jb20wHQYDVR0OBBYEFBQt\n"
    "ypWnD2fEdRIfXrmDj/8H4dwBMB8GA1UdIwQYMBaAFGGI1/S4fmHCO8XSOV3+pRnY\n"
    "snCiMAoGCCqGSM49BAMCA0gAMEUCIEB60+a2w92jOfW4QKsG8kX1rFQkirXaz23I\n"
    "ii/nyoImAiEA0fM4RurPG6YCLKxE0RlDK6MRefdO0ehJ1hNVlMdMZS0=\n"
    "-----END CERTIFICATE-----\n"
    ;

typedef struct chain3 {
    uint8_t *der[3];
    size_t len[3];
    tls13_trust_store *store;
#ifdef TLS13_BENCH_OPENSSL
    X509_STORE *ossl_store;
#endif
} chain3;

static uint8_t *pem_to_der(const char *pem, size_t *len)
{
    tls13_pem_reader r;
    tls13_pem_block b;
    tls13_pem_reader_init(&r, (const uint8_t *)pem, strlen(pem));
    if (tls13_pem_next(&r, &b) != 1)
        abort();
    *len = b.der_len;
    return b.der;
}

static void ours_verify(void *arg)
{
    chain3 *c = arg;
    tls13_verify_result res;
    tls13_public_key key;
    if (tls13_x509_verify_chain(c->store, (const uint8_t *const *)c->der, c->len, 2, BENCH_HOST,
                                TLS13_PURPOSE_SERVER_AUTH, BENCH_NOW, &key, &res) != 0)
        abort();
}

#ifdef TLS13_BENCH_OPENSSL
static void openssl_verify(void *arg)
{
    chain3 *c = arg;
    const unsigned char *p0 = c->der[0], *p1 = c->der[1];
    X509 *leaf = d2i_X509(NULL, &p0, (long)c->len[0]);
    X509 *inter = d2i_X509(NULL, &p1, (long)c->len[1]);
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    X509_VERIFY_PARAM *param;
    sk_X509_push(untrusted, inter);
    X509_STORE_CTX_init(ctx, c->ossl_store, leaf, untrusted);
    param = X509_STORE_CTX_get0_param(ctx);
    X509_VERIFY_PARAM_set_time(param, BENCH_NOW);
    X509_VERIFY_PARAM_set1_host(param, BENCH_HOST, 0);
    X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_SERVER);
    if (X509_verify_cert(ctx) != 1)
        abort();
    X509_STORE_CTX_free(ctx);
    sk_X509_pop_free(untrusted, X509_free);
    X509_free(leaf);
}
#endif

void tls13_bench_x509(void)
{
    static const char *const pems[3] = {leaf_pem, inter_pem, root_pem};
    chain3 c;
    double ours, theirs;
    if (!bench_wanted("x509_verify_chain3"))
        return;
    for (int i = 0; i < 3; i++)
        c.der[i] = pem_to_der(pems[i], &c.len[i]);
    c.store = tls13_trust_store_new();
    if (!c.store || tls13_trust_store_add_der(c.store, c.der[2], c.len[2]) != 0)
        abort();
#ifdef TLS13_BENCH_OPENSSL
    {
        const unsigned char *p = c.der[2];
        X509 *root = d2i_X509(NULL, &p, (long)c.len[2]);
        c.ossl_store = X509_STORE_new();
        X509_STORE_add_cert(c.ossl_store, root);
        X509_free(root);
    }
#endif
    bench_compare(ours_verify, &c, BENCH_OPENSSL(openssl_verify), &c, &ours, &theirs);
#ifdef TLS13_BENCH_OPENSSL
    X509_STORE_free(c.ossl_store);
#endif
    bench_report("x509_verify_chain3", ours, theirs, "chains/s");
    tls13_trust_store_free(c.store);
    for (int i = 0; i < 3; i++)
        tls13_free(c.der[i]);
}
