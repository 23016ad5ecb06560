#include "ct.h"

int tls13_ct_memeq(const void *a, const void *b, size_t n)
{
    const volatile uint8_t *x = a, *y = b;
    uint32_t diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= (uint32_t)(x[i] ^ y[i]);
    return (int)(1 & ~tls13_ct_nonzero_mask32(diff));
}

int tls13_ct_is_zero(const void *p, size_t n)
{
    const volatile uint8_t *x = p;
    uint32_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc |= x[i];
    return (int)(1 & ~tls13_ct_nonzero_mask32(acc));
}

void tls13_ct_cmov(void *dst, const void *src, size_t n, uint32_t mask)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    uint8_t m = (uint8_t)mask;
    for (size_t i = 0; i < n; i++)
        d[i] ^= m & (d[i] ^ s[i]);
}
