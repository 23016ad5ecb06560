/*
 * Field arithmetic mod p = 2^255 - 19, shared by X25519 and Ed25519.
 *
 * The backend is chosen at compile time:
 *   - radix 2^51 (fe25519_51.h) when the compiler has unsigned __int128 and
 *     the build is not portable-only;
 *   - radix 2^25.5 (fe25519_25.h) otherwise. -DTLS13_PORTABLE=ON
 *     (TLS13_PORTABLE_ONLY) forces it, so the portable CI build runs every
 *     X25519 and Ed25519 test on the 32-bit backend; test_x25519 also checks
 *     the two backends against each other in every build.
 * TLS13_FE25519_BACKEND names the backend ("radix 2^51" / "radix 2^25.5").
 * On x86-64, X25519 additionally picks at run time a radix 2^64 BMI2/ADX
 * backend (fe25519_64.h) for its ladder (fe25519_ladder.h is the one ladder,
 * instantiated per backend); TLS13_FORCE_PORTABLE=1 or tls13_cpu_set_mask(0)
 * turns that off, and the tests run both.
 *
 * The rest of the curve code uses only the tls13_fe_* names below.
 */
#ifndef TLS13_CRYPTO_FE25519_H
#define TLS13_CRYPTO_FE25519_H

#include <stdint.h>

#include "fe25519_25.h"
#include "fe25519_51.h"

#if defined(__SIZEOF_INT128__) && !defined(TLS13_PORTABLE_ONLY)
#define TLS13_FE25519_BACKEND "radix 2^51"
typedef tls13_fe51 tls13_fe;
typedef uint64_t tls13_fe_limb;
#define TLS13_FE_LIMBS 5
#define tls13_fe_mul tls13_fe51_mul
#define tls13_fe_sq tls13_fe51_sq
#define tls13_fe_mul_small tls13_fe51_mul_small
#define tls13_fe_add tls13_fe51_add
#define tls13_fe_sub tls13_fe51_sub
#define tls13_fe_carry tls13_fe51_carry
#define tls13_fe_frombytes tls13_fe51_frombytes
#define tls13_fe_tobytes tls13_fe51_tobytes
#define tls13_fe_set_u32 tls13_fe51_set_u32
#else
#define TLS13_FE25519_BACKEND "radix 2^25.5"
typedef tls13_fe25 tls13_fe;
typedef uint32_t tls13_fe_limb;
#define TLS13_FE_LIMBS 10
#define tls13_fe_mul tls13_fe25_mul
#define tls13_fe_sq tls13_fe25_sq
#define tls13_fe_mul_small tls13_fe25_mul_small
#define tls13_fe_add tls13_fe25_add
#define tls13_fe_sub tls13_fe25_sub
#define tls13_fe_carry tls13_fe25_carry
#define tls13_fe_frombytes tls13_fe25_frombytes
#define tls13_fe_tobytes tls13_fe25_tobytes
#define tls13_fe_set_u32 tls13_fe25_set_u32
#endif

/* h = g when bit == 1, unchanged when bit == 0, without a branch. */
static inline void tls13_fe_cmov(tls13_fe *h, const tls13_fe *g, unsigned bit)
{
    tls13_fe_limb mask = (tls13_fe_limb)0 - (tls13_fe_limb)bit;
    for (int i = 0; i < TLS13_FE_LIMBS; i++)
        h->l[i] ^= mask & (h->l[i] ^ g->l[i]);
}

/* h = f n + g for a small constant n (the ladder's a24 step; the radix
 * 2^64 backend fuses it). */
static inline void tls13_fe_mul_small_add(tls13_fe *h, const tls13_fe *f, uint32_t n, const tls13_fe *g)
{
    tls13_fe t;
    tls13_fe_mul_small(&t, f, n);
    tls13_fe_add(h, &t, g);
}

static inline void tls13_fe_neg(tls13_fe *h, const tls13_fe *f)
{
    tls13_fe zero;
    tls13_fe_set_u32(&zero, 0);
    tls13_fe_sub(h, &zero, f);
}

/* h = f^-1 (0 maps to 0), by division steps (modinv.h); constant time. */
void tls13_fe_invert(tls13_fe *h, const tls13_fe *f);
/* h = f^((p-5)/8) = f^(2^252 - 3), the exponent of the square root of a
 * ratio (RFC 8032 section 5.1.3). */
void tls13_fe_pow22523(tls13_fe *h, const tls13_fe *f);
/* 1 if f = 0 mod p, else 0; constant time. */
int tls13_fe_is_zero(const tls13_fe *f);
/* The least significant bit of the canonical residue, the "sign" of x in
 * RFC 8032 section 5.1.2. */
int tls13_fe_is_negative(const tls13_fe *f);

#endif
