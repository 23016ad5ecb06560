/*
 * Constant-time helpers. Masks are all-ones for "true" and zero for "false";
 * nothing here branches on or indexes memory by its arguments' values.
 */
#ifndef TLS13_BASE_CT_H
#define TLS13_BASE_CT_H

#include <stddef.h>
#include <stdint.h>

/* All-ones if x != 0, else 0. */
static inline uint32_t tls13_ct_nonzero_mask32(uint32_t x)
{
    return (uint32_t)0 - ((x | ((uint32_t)0 - x)) >> 31);
}
static inline uint64_t tls13_ct_nonzero_mask64(uint64_t x)
{
    return (uint64_t)0 - ((x | ((uint64_t)0 - x)) >> 63);
}
static inline uint32_t tls13_ct_eq_mask32(uint32_t a, uint32_t b)
{
    return ~tls13_ct_nonzero_mask32(a ^ b);
}
static inline uint64_t tls13_ct_eq_mask64(uint64_t a, uint64_t b)
{
    return ~tls13_ct_nonzero_mask64(a ^ b);
}
/* All-ones if a < b (unsigned), else 0. */
static inline uint32_t tls13_ct_lt_mask32(uint32_t a, uint32_t b)
{
    return (uint32_t)0 - ((a ^ ((a ^ b) | ((a - b) ^ a))) >> 31);
}
static inline uint64_t tls13_ct_lt_mask64(uint64_t a, uint64_t b)
{
    return (uint64_t)0 - ((a ^ ((a ^ b) | ((a - b) ^ a))) >> 63);
}
/* mask ? a : b */
static inline uint32_t tls13_ct_select32(uint32_t mask, uint32_t a, uint32_t b)
{
    return b ^ (mask & (a ^ b));
}
static inline uint64_t tls13_ct_select64(uint64_t mask, uint64_t a, uint64_t b)
{
    return b ^ (mask & (a ^ b));
}

/* 1 if the n bytes at a and b are equal, else 0, in time independent of their
 * contents. */
int tls13_ct_memeq(const void *a, const void *b, size_t n);
/* 1 if all n bytes are zero, else 0. */
int tls13_ct_is_zero(const void *p, size_t n);
/* dst = mask ? src : dst, for a mask of all-ones or zero. */
void tls13_ct_cmov(void *dst, const void *src, size_t n, uint32_t mask);

#endif
