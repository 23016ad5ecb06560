/*
 * Fixed-size big numbers for RSA: little-endian arrays of limbs, Montgomery
 * arithmetic modulo an odd number, exponentiation.
 *
 * Limbs are 64 bits with 128-bit products where the compiler has unsigned
 * __int128, else 32 bits with 64-bit products. The portable build
 * (-DTLS13_PORTABLE=ON, TLS13_PORTABLE_ONLY) always uses the 32-bit limbs, so
 * that code path is compiled and tested by the portable test run.
 *
 * The Montgomery multiplication is portable C (bignum_mont_columns.h). A
 * MULX/ADCX/ADOX version written with intrinsics was measured and dropped:
 * gcc 12 and clang 14 turn _addcarryx_u64 into one ADC chain plus flag
 * saves, which ran slower than the __int128 code; MULX alone (with the
 * same carry chain) ran no faster than MUL. The only run-time fast path is
 * the AVX2 scan of the exponentiation's window table.
 *
 * Public moduli (RSA n) are set up by long division (R^2 mod n, or x R mod
 * n directly), secret ones (the primes) by constant-time doublings and
 * Montgomery squarings.
 *
 * Everything here runs in time independent of the values of its arguments,
 * except the functions whose names end in _vartime (public data, or data
 * blinded by a random factor).
 */
#ifndef TLS13_CRYPTO_BIGNUM_H
#define TLS13_CRYPTO_BIGNUM_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SIZEOF_INT128__) && !defined(TLS13_PORTABLE_ONLY)
typedef uint64_t tls13_limb;
__extension__ typedef unsigned __int128 tls13_dlimb; /* a limb product */
#define TLS13_LIMB_BITS 64
#else
typedef uint32_t tls13_limb;
typedef uint64_t tls13_dlimb;
#define TLS13_LIMB_BITS 32
#endif

/* All-ones when x != 0, else 0 (the limb-sized ct.h helper). */
static inline tls13_limb tls13_limb_nonzero_mask(tls13_limb x)
{
    return (tls13_limb)0 - ((x | ((tls13_limb)0 - x)) >> (TLS13_LIMB_BITS - 1));
}

/* Largest operand: an 8192-bit RSA modulus. */
#define TLS13_BN_MAX_BITS 8192
#define TLS13_BN_MAX_LIMBS (TLS13_BN_MAX_BITS / TLS13_LIMB_BITS)
#define TLS13_BN_LIMBS_FOR_BYTES(len) (((len) * 8 + TLS13_LIMB_BITS - 1) / TLS13_LIMB_BITS)

/* r = big-endian in[0..len), in `limbs` limbs. Returns 1, or 0 (r zeroed)
 * when the value needs more limbs. Time depends on len and limbs only. */
int tls13_bn_from_bytes(tls13_limb *r, size_t limbs, const uint8_t *in, size_t len);
/* out[0..len) = a big-endian, truncated to len bytes (callers make sure the
 * value fits). */
void tls13_bn_to_bytes(uint8_t *out, size_t len, const tls13_limb *a, size_t limbs);

/* All-ones when a < b, else 0. */
tls13_limb tls13_bn_lt_mask(const tls13_limb *a, const tls13_limb *b, size_t limbs);
/* All-ones when a == b, else 0. */
tls13_limb tls13_bn_eq_mask(const tls13_limb *a, const tls13_limb *b, size_t limbs);
/* All-ones when a == 0, else 0. */
tls13_limb tls13_bn_is_zero_mask(const tls13_limb *a, size_t limbs);
/* r = a + b, returns the carry (0 or 1); r may alias a or b. */
tls13_limb tls13_bn_add(tls13_limb *r, const tls13_limb *a, const tls13_limb *b, size_t limbs);
/* r = a - b, returns the borrow (0 or 1); r may alias a or b. */
tls13_limb tls13_bn_sub(tls13_limb *r, const tls13_limb *a, const tls13_limb *b, size_t limbs);
/* r[0..an+bn) = a * b (schoolbook); r must not alias a or b. */
void tls13_bn_mul(tls13_limb *r, const tls13_limb *a, size_t an, const tls13_limb *b, size_t bn);
/* Number of significant bits (public values only). */
size_t tls13_bn_bits_vartime(const tls13_limb *a, size_t limbs);
/* r = x 2^(TLS13_LIMB_BITS * k) mod m for x < m, m of `limbs` limbs with a
 * nonzero top limb, by long division: about k * limbs limb products. Time
 * depends on x and m (public values only). r may alias x or m. */
void tls13_bn_shift_mod_vartime(tls13_limb *r, const tls13_limb *x, size_t k, const tls13_limb *m, size_t limbs);
/* r = 2^(TLS13_LIMB_BITS * k) mod m, likewise. */
void tls13_bn_radix_power_mod_vartime(tls13_limb *r, size_t k, const tls13_limb *m, size_t limbs);

/* Montgomery arithmetic modulo an odd m with R = 2^(TLS13_LIMB_BITS * limbs).
 * Values in Montgomery form are a * R mod m, fully reduced (< m). */
typedef struct tls13_mont {
    size_t limbs;
    tls13_limb m[TLS13_BN_MAX_LIMBS];
    tls13_limb rr[TLS13_BN_MAX_LIMBS]; /* R^2 mod m */
    tls13_limb m0inv;                  /* -m^-1 mod 2^TLS13_LIMB_BITS */
} tls13_mont;

/* Sets up arithmetic modulo m (limbs limbs, odd, top limb nonzero), in time
 * independent of m's value (m may be a secret prime). 0 when m is unusable. */
int tls13_mont_init(tls13_mont *ctx, const tls13_limb *m, size_t limbs);
/* The same for a public m (an RSA modulus), several times faster: R^2 mod m
 * by long division, whose time depends on m. */
int tls13_mont_init_vartime(tls13_mont *ctx, const tls13_limb *m, size_t limbs);
/* For a public m whose user enters Montgomery form only through
 * tls13_mont_to_vartime (RSA verification): everything but R^2 mod m, so
 * tls13_mont_to, tls13_mont_one and tls13_mont_exp must not be used (rr is
 * zero). Saves the division's R^2 and a multiplication per conversion. */
int tls13_mont_init_vartime_without_rr(tls13_mont *ctx, const tls13_limb *m, size_t limbs);
/* r = a * b * R^-1 mod m, for a < R and b < m; r may alias a or b. */
void tls13_mont_mul(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b);
/* r = x * R mod m (Montgomery form of x mod m) for any x of xlimbs limbs;
 * r may alias x. Every function here allows r to alias its inputs. */
void tls13_mont_to(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *x, size_t xlimbs);
/* r = x R mod m for a public x < m, by long division (no R^2 needed). */
void tls13_mont_to_vartime(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *x);
/* r = a - b mod m for a, b < m (works in and out of Montgomery form). */
void tls13_mont_sub(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b);
/* r = a * R^-1 mod m: back from Montgomery form. */
void tls13_mont_from(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a);
/* r = R mod m, the Montgomery form of 1. */
void tls13_mont_one(const tls13_mont *ctx, tls13_limb *r);
/* r = a^exp in Montgomery form (a and r in Montgomery form), fixed 5-bit
 * windows over all exp_limbs limbs of the exponent and a table read by
 * masked scanning: neither time nor memory addresses depend on a or exp. */
void tls13_mont_exp(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a,
                    const tls13_limb *exp, size_t exp_limbs);
/* The same for a public exponent given as big-endian bytes (square and
 * multiply; time depends on the exponent). */
void tls13_mont_exp_vartime(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a,
                            const uint8_t *exp, size_t exp_len);
/* r = a^-1 mod m for 0 < a < m; 0 when gcd(a, m) != 1. Time depends on a:
 * use only on public or randomly blinded values. */
int tls13_bn_mod_inverse_vartime(tls13_limb *r, const tls13_limb *a, const tls13_limb *m, size_t limbs);

#endif
