#include "bench.h"

#include <stdint.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/sha2.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/evp.h>
#endif

static uint8_t input[16384];

static void ours_sha256(void *arg)
{
    uint8_t out[32];
    tls13_sha256(input, *(size_t *)arg, out);
}

#ifdef TLS13_BENCH_OPENSSL
static void openssl_sha256(void *arg)
{
    uint8_t out[32];
    unsigned int n;
    EVP_Digest(input, *(size_t *)arg, out, &n, EVP_sha256(), NULL);
}
static void openssl_sha384(void *arg)
{
    uint8_t out[48];
    unsigned int n;
    EVP_Digest(input, *(size_t *)arg, out, &n, EVP_sha384(), NULL);
}
#endif

static void ours_sha384(void *arg)
{
    uint8_t out[48];
    tls13_sha384(input, *(size_t *)arg, out);
}

static void figure(const char *name, void (*ours)(void *), void (*theirs)(void *), size_t len)
{
    double a, b;
    if (!bench_wanted(name))
        return;
    bench_compare(ours, &len, theirs, &len, &a, &b);
    bench_report(name, bench_mbps(a, len), bench_mbps(b, len), "MB/s");
}

void tls13_bench_sha2(void)
{
#ifdef TLS13_BENCH_OPENSSL
    void (*o256)(void *) = openssl_sha256, (*o384)(void *) = openssl_sha384;
#else
    void (*o256)(void *) = NULL, (*o384)(void *) = NULL;
#endif
    memset(input, 0xa5, sizeof(input));
    figure("sha256_16k", ours_sha256, o256, 16384);
    figure("sha256_64", ours_sha256, o256, 64);
    figure("sha384_16k", ours_sha384, o384, 16384);
    if (bench_wanted("sha256_16k_portable")) {
        size_t len = 16384;
        tls13_cpu_set_mask(0);
        bench_report("sha256_16k_portable", bench_mbps(bench_rate(ours_sha256, &len), len), -1, "MB/s");
        tls13_cpu_set_mask(UINT32_MAX);
    }
}
