/* AEAD sealing throughput (MB/s) for the record layer's three ciphers at
 * 16 KiB, 1 KiB and 64 bytes with a 13-byte AAD (a TLS 1.3 record header
 * plus slack), against OpenSSL's EVP in the same run, and the portable path. */
#include "bench.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/aead.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/evp.h>
#endif

static uint8_t buf[16384], ad[13], nonce[12], tag[16];

struct job {
    size_t len;
    tls13_aead aead;
#ifdef TLS13_BENCH_OPENSSL
    EVP_CIPHER_CTX *evp;
#endif
};

static void ours(void *arg)
{
    struct job *j = arg;
    tls13_aead_seal(&j->aead, nonce, ad, sizeof(ad), buf, j->len, tag);
}

#ifdef TLS13_BENCH_OPENSSL
/* The context is keyed once outside the timed function; each call sets the
 * IV, the AAD, encrypts and reads the tag, as a record layer would. */
static void theirs(void *arg)
{
    struct job *j = arg;
    int n;
    EVP_EncryptInit_ex(j->evp, NULL, NULL, NULL, nonce);
    EVP_EncryptUpdate(j->evp, NULL, &n, ad, sizeof(ad));
    EVP_EncryptUpdate(j->evp, buf, &n, buf, (int)j->len);
    EVP_EncryptFinal_ex(j->evp, buf + j->len, &n);
    EVP_CIPHER_CTX_ctrl(j->evp, EVP_CTRL_AEAD_GET_TAG, 16, tag);
}

static const EVP_CIPHER *evp_cipher(tls13_aead_alg alg)
{
    switch (alg) {
    case TLS13_AEAD_AES_128_GCM: return EVP_aes_128_gcm();
    case TLS13_AEAD_AES_256_GCM: return EVP_aes_256_gcm();
    case TLS13_AEAD_CHACHA20_POLY1305: return EVP_chacha20_poly1305();
    }
    return NULL;
}
#endif

static void figures(const char *prefix, tls13_aead_alg alg)
{
    static const struct {
        const char *suffix;
        size_t len;
    } sizes[] = {{"16k", 16384}, {"1k", 1024}, {"64", 64}};
    static const uint8_t key[32] = {0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    char name[64];
    struct job j;
    if (tls13_aead_init(&j.aead, alg, key) != 0)
        return;
#ifdef TLS13_BENCH_OPENSSL
    j.evp = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex(j.evp, evp_cipher(alg), NULL, key, nonce);
#endif
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        double a, b;
        j.len = sizes[s].len;
        snprintf(name, sizeof(name), "%s_%s", prefix, sizes[s].suffix);
        if (bench_wanted(name)) {
            bench_compare(ours, &j, BENCH_OPENSSL(theirs), &j, &a, &b);
            bench_report(name, bench_mbps(a, j.len), bench_mbps(b, j.len), "MB/s");
        }
        snprintf(name, sizeof(name), "%s_%s_portable", prefix, sizes[s].suffix);
        if (bench_wanted(name)) {
            tls13_cpu_set_mask(0);
            a = bench_mbps(bench_rate(ours, &j), j.len);
            tls13_cpu_set_mask(UINT32_MAX);
            bench_report(name, a, -1, "MB/s");
        }
    }
#ifdef TLS13_BENCH_OPENSSL
    EVP_CIPHER_CTX_free(j.evp);
#endif
    tls13_aead_wipe(&j.aead);
}

void tls13_bench_aead(void)
{
    memset(buf, 0x5a, sizeof(buf));
    memset(ad, 0x17, sizeof(ad));
    figures("aes128gcm", TLS13_AEAD_AES_128_GCM);
    figures("aes256gcm", TLS13_AEAD_AES_256_GCM);
    figures("chacha20poly1305", TLS13_AEAD_CHACHA20_POLY1305);
}
