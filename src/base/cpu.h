/*
 * CPU feature detection for the optional x86-64 fast paths.
 *
 * Portable C is the reference path and is always compiled. Fast paths are
 * compiled with per-function target attributes (no assembly files, no global
 * -m flags; the 256-bit field products of mulx_wide.h are inline assembly,
 * for the adcx/adox carry chains) and chosen at run time from
 * tls13_cpu_features(). Building with
 * -DTLS13_PORTABLE=ON (TLS13_PORTABLE_ONLY) or running with the environment
 * variable TLS13_FORCE_PORTABLE=1 disables every fast path.
 */
#ifndef TLS13_BASE_CPU_H
#define TLS13_BASE_CPU_H

#include <stdint.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(TLS13_PORTABLE_ONLY)
#define TLS13_X86_64 1
/* Marks one function as compiled for extra instruction sets, e.g.
 * TLS13_TARGET("aes,pclmul,sse4.1"). Call it only when the features exist. */
#define TLS13_TARGET(features) __attribute__((target(features)))
#endif

/* For a fast path's functions that hold field elements as groups of 64-bit
 * words: gcc's SLP vectoriser packs some of those stores and copies into
 * 16-byte vectors that are then read back as scalars, which stalls on store
 * forwarding (measured: the P-384 addition 47 instead of 27 cycles, the
 * X25519 ladder 3.5% slower). Empty for other compilers. */
#if defined(__GNUC__) && !defined(__clang__)
#define TLS13_NO_SLP_OPTION "no-tree-slp-vectorize"
#define TLS13_NO_SLP __attribute__((optimize(TLS13_NO_SLP_OPTION)))
/* TLS13_NO_SLP plus more of gcc's -f options, e.g.
 * TLS13_NO_SLP_AND("schedule-insns"): a second optimize attribute would
 * replace the first rather than add to it. */
#define TLS13_NO_SLP_AND(...) __attribute__((optimize(TLS13_NO_SLP_OPTION, __VA_ARGS__)))
#else
#define TLS13_NO_SLP
#define TLS13_NO_SLP_AND(...)
#endif

enum {
    TLS13_CPU_SSSE3 = 1u << 0,
    TLS13_CPU_SSE41 = 1u << 1,
    TLS13_CPU_PCLMUL = 1u << 2,
    TLS13_CPU_AESNI = 1u << 3,
    TLS13_CPU_AVX = 1u << 4,
    TLS13_CPU_AVX2 = 1u << 5,
    TLS13_CPU_BMI2 = 1u << 6,
    TLS13_CPU_ADX = 1u << 7,
    TLS13_CPU_SHA = 1u << 8,
    TLS13_CPU_AVX512F = 1u << 9,
    TLS13_CPU_AVX512BW = 1u << 10,
    TLS13_CPU_AVX512VL = 1u << 11,
    TLS13_CPU_AVX512IFMA = 1u << 12,
    TLS13_CPU_VAES = 1u << 13,
    TLS13_CPU_VPCLMUL = 1u << 14
};

/* The features this CPU and OS support, masked by tls13_cpu_set_mask().
 * Zero in portable-only builds or when TLS13_FORCE_PORTABLE is set. */
uint32_t tls13_cpu_features(void);

/* Tests and benchmarks: restrict the features reported (0 = portable only,
 * UINT32_MAX = everything the CPU has). Not thread-safe. */
void tls13_cpu_set_mask(uint32_t mask);

/* Convenience: nonzero when every feature in `want` is available. */
static inline int tls13_cpu_has(uint32_t want)
{
    return (tls13_cpu_features() & want) == want;
}

#endif
