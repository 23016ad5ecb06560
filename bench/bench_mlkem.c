/* ML-KEM-768 key generation, encapsulation and decapsulation. OpenSSL 3.0
 * (Debian 12) has no ML-KEM, so its column is '-'. */
#include "bench.h"

#include <stdint.h>
#include <stdio.h>

#include "base/cpu.h"
#include "crypto/mlkem768.h"

static struct {
    uint8_t ek[TLS13_MLKEM768_EK_SIZE], dk[TLS13_MLKEM768_DK_SIZE];
    uint8_t ct[TLS13_MLKEM768_CT_SIZE], ss[TLS13_MLKEM768_SS_SIZE];
} bench;

static void keygen(void *arg)
{
    (void)arg;
    (void)tls13_mlkem768_keygen(bench.ek, bench.dk);
}

static void encaps(void *arg)
{
    (void)arg;
    (void)tls13_mlkem768_encaps(bench.ek, bench.ct, bench.ss);
}

static void decaps(void *arg)
{
    (void)arg;
    (void)tls13_mlkem768_decaps(bench.dk, bench.ct, bench.ss);
}

/* name, and name_portable with the fast paths (AVX2) switched off. */
static void figure(const char *name, void (*fn)(void *))
{
    char portable[64];
    snprintf(portable, sizeof(portable), "%s_portable", name);
    if (bench_wanted(name))
        bench_report(name, bench_rate(fn, NULL), -1, "ops/s");
    if (bench_wanted(portable)) {
        tls13_cpu_set_mask(0);
        bench_report(portable, bench_rate(fn, NULL), -1, "ops/s");
        tls13_cpu_set_mask(UINT32_MAX);
    }
}

void tls13_bench_mlkem(void)
{
    keygen(NULL);
    encaps(NULL);
    figure("mlkem768_keygen", keygen);
    figure("mlkem768_encaps", encaps);
    figure("mlkem768_decaps", decaps);
}
