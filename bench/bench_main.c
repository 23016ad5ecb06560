#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TLS13_BENCH_MODULE(m) void tls13_bench_##m(void);
#include "bench_modules.h"
#undef TLS13_BENCH_MODULE

static const char *filter;
static double seconds = 0.5;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int bench_wanted(const char *name)
{
    return !filter || strstr(name, filter) != NULL;
}

double bench_seconds(void)
{
    return seconds;
}

double bench_rate(void (*fn)(void *arg), void *arg)
{
    /* Warm up, then double the batch until it runs long enough to time. */
    unsigned long batch = 1;
    double start, elapsed;
    fn(arg);
    for (;;) {
        start = now();
        for (unsigned long i = 0; i < batch; i++)
            fn(arg);
        elapsed = now() - start;
        if (elapsed >= seconds)
            return (double)batch / elapsed;
        if (elapsed < seconds / 16)
            batch *= 8;
        else
            batch *= 2;
    }
}

void bench_report(const char *name, double ours, double openssl, const char *unit)
{
    if (openssl >= 0)
        printf("%s %.1f %.1f %s\n", name, ours, openssl, unit);
    else
        printf("%s %.1f - %s\n", name, ours, unit);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = atof(argv[++i]);
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: tls13-bench [--seconds S] [NAME-FILTER]\n"
                            "prints: name ours openssl unit\n");
            return 2;
        } else {
            filter = argv[i];
        }
    }
#define TLS13_BENCH_MODULE(m) tls13_bench_##m();
#include "bench_modules.h"
#undef TLS13_BENCH_MODULE
    return 0;
}
