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

/* Seconds that `calls` calls of fn(arg) take. */
static double time_calls(void (*fn)(void *arg), void *arg, unsigned long calls)
{
    double start = now();
    for (unsigned long i = 0; i < calls; i++)
        fn(arg);
    return now() - start;
}

/* Warms fn up, then doubles the batch until one batch runs for at least
 * `target` seconds; returns that batch and its time. */
static unsigned long timed_batch(void (*fn)(void *arg), void *arg, double target, double *elapsed)
{
    unsigned long batch = 1;
    fn(arg);
    for (;;) {
        *elapsed = time_calls(fn, arg, batch);
        if (*elapsed >= target)
            return batch;
        if (*elapsed < target / 16)
            batch *= 8;
        else
            batch *= 2;
    }
}

double bench_rate(void (*fn)(void *arg), void *arg)
{
    double elapsed;
    unsigned long batch = timed_batch(fn, arg, seconds, &elapsed);
    return (double)batch / elapsed;
}

/* Slices of about bench_seconds() / COMPARE_ROUNDS each, ours and theirs in
 * turn: the core clock of this shared machine moves by 15% from one second
 * to the next, and two back-to-back measurements saw different clocks. */
#define COMPARE_ROUNDS 8

void bench_compare(void (*ours)(void *arg), void *ours_arg, void (*theirs)(void *arg), void *theirs_arg,
                   double *ours_rate, double *theirs_rate)
{
    double t_ours = 0, t_theirs = 0, elapsed;
    unsigned long b_ours, b_theirs;
    if (!theirs) {
        *ours_rate = bench_rate(ours, ours_arg);
        *theirs_rate = -1;
        return;
    }
    b_ours = timed_batch(ours, ours_arg, seconds / COMPARE_ROUNDS, &elapsed);
    b_theirs = timed_batch(theirs, theirs_arg, seconds / COMPARE_ROUNDS, &elapsed);
    for (int r = 0; r < COMPARE_ROUNDS; r++) {
        t_ours += time_calls(ours, ours_arg, b_ours);
        t_theirs += time_calls(theirs, theirs_arg, b_theirs);
    }
    *ours_rate = (double)b_ours * COMPARE_ROUNDS / t_ours;
    *theirs_rate = (double)b_theirs * COMPARE_ROUNDS / t_theirs;
}

void bench_ops_figure(const char *name, void (*ours)(void *arg), void *ours_arg, void (*theirs)(void *arg),
                      void *theirs_arg)
{
    double a, b;
    if (!bench_wanted(name))
        return;
    bench_compare(ours, ours_arg, theirs, theirs_arg, &a, &b);
    bench_report(name, a, b, "ops/s");
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
