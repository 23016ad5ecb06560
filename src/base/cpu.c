#include "cpu.h"

#include <stdlib.h>

static uint32_t mask = UINT32_MAX;

void tls13_cpu_set_mask(uint32_t m)
{
    mask = m;
}

#ifdef TLS13_X86_64
#include <cpuid.h>

static uint64_t read_xcr0(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}

static uint32_t detect(void)
{
    unsigned a, b, c, d;
    uint32_t f = 0;
    uint64_t xcr0 = 0;
    int os_avx = 0, os_avx512 = 0;
    const char *force = getenv("TLS13_FORCE_PORTABLE");

    if (force && force[0] && force[0] != '0')
        return 0;
    if (!__get_cpuid(1, &a, &b, &c, &d))
        return 0;
    if (c & bit_SSSE3) f |= TLS13_CPU_SSSE3;
    if (c & bit_SSE4_1) f |= TLS13_CPU_SSE41;
    if (c & bit_PCLMUL) f |= TLS13_CPU_PCLMUL;
    if (c & bit_AES) f |= TLS13_CPU_AESNI;
    /* AVX state must be enabled by the OS (XCR0 bits 1-2), AVX-512 state too
     * (bits 5-7), or the instructions fault. */
    if (c & bit_OSXSAVE) {
        xcr0 = read_xcr0();
        os_avx = (xcr0 & 0x6) == 0x6;
        os_avx512 = os_avx && (xcr0 & 0xe0) == 0xe0;
    }
    if ((c & bit_AVX) && os_avx) f |= TLS13_CPU_AVX;
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        if ((b & bit_AVX2) && os_avx) f |= TLS13_CPU_AVX2;
        if (b & bit_BMI2) f |= TLS13_CPU_BMI2;
        if (b & bit_ADX) f |= TLS13_CPU_ADX;
        if (b & bit_SHA) f |= TLS13_CPU_SHA;
        if (os_avx512) {
            if (b & bit_AVX512F) f |= TLS13_CPU_AVX512F;
            if (b & bit_AVX512BW) f |= TLS13_CPU_AVX512BW;
            if (b & bit_AVX512VL) f |= TLS13_CPU_AVX512VL;
            if (b & bit_AVX512IFMA) f |= TLS13_CPU_AVX512IFMA;
        }
        if (os_avx && (c & bit_VAES)) f |= TLS13_CPU_VAES;
        if (os_avx && (c & bit_VPCLMULQDQ)) f |= TLS13_CPU_VPCLMUL;
    }
    return f;
}

uint32_t tls13_cpu_features(void)
{
    /* Detection is idempotent, so a race between threads on first use only
     * repeats it. */
    static volatile int done;
    static volatile uint32_t features;
    if (!done) {
        features = detect();
        done = 1;
    }
    return features & mask;
}
#else
uint32_t tls13_cpu_features(void)
{
    (void)mask;
    return 0;
}
#endif
