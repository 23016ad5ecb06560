/*
 * Constant-time Montgomery arithmetic modulo the four NIST moduli libtls13
 * needs: the field primes p and group orders n of P-256 and P-384.
 *
 * One implementation serves all four, parameterised by the limb count and
 * the modulus constants (ec_field). Elements are little-endian arrays of
 * limbs, fully reduced (< m) between operations, and in Montgomery form
 * (a * R mod m, R = 2^(limb bits * limb count) = 2^256 or 2^384) unless a
 * function says otherwise.
 *
 * Limb width (chosen at compile time):
 *   - 64-bit limbs with 128-bit products when the compiler has unsigned
 *     __int128 (__SIZEOF_INT128__);
 *   - 32-bit limbs with 64-bit products otherwise, and always in the portable
 *     build (-DTLS13_PORTABLE=ON, TLS13_PORTABLE_ONLY), so that the CI's
 *     portable run compiles and tests this fallback on every change.
 *     TLS13_EC_LIMB32 forces it too.
 * R is the same for both widths, so every constant below is written once as
 * 64-bit words (EC_L(high 32 bits, low 32 bits)) and split for 32-bit limbs.
 *
 * On x86-64 with 64-bit limbs, the multiplication, squaring, addition and
 * subtraction modulo the two primes p use BMI2/ADX intrinsics when the CPU
 * has them (ec_field_x86.h, chosen at run time; tls13_cpu_set_mask(0) or
 * TLS13_FORCE_PORTABLE=1 select the portable code). Both compute the same
 * values. ec_fe_inv uses division steps (modinv.h) for all four moduli.
 *
 * Nothing here branches on or indexes memory by element values; only the
 * modulus (public) selects code.
 */
#ifndef TLS13_CRYPTO_EC_FIELD_H
#define TLS13_CRYPTO_EC_FIELD_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SIZEOF_INT128__) && !defined(TLS13_PORTABLE_ONLY) && !defined(TLS13_EC_LIMB32)
typedef uint64_t ec_limb;
__extension__ typedef unsigned __int128 ec_dlimb;
#define EC_LIMB_BITS 64
#define EC_L(hi, lo) (((uint64_t)(hi) << 32) | (uint64_t)(lo))
#else
typedef uint32_t ec_limb;
typedef uint64_t ec_dlimb;
#define EC_LIMB_BITS 32
#define EC_L(hi, lo) (uint32_t)(lo), (uint32_t)(hi)
#endif

#define EC_MAX_BITS 384
#define EC_MAX_LIMBS (EC_MAX_BITS / EC_LIMB_BITS)
#define EC_LIMBS(bits) ((bits) / EC_LIMB_BITS)

/* A field element or scalar; only the first nlimbs limbs are used. */
typedef ec_limb ec_fe[EC_MAX_LIMBS];

typedef enum ec_modulus_id {
    EC_MOD_P256_P,
    EC_MOD_P256_N,
    EC_MOD_P384_P,
    EC_MOD_P384_N
} ec_modulus_id;

typedef struct ec_field {
    ec_modulus_id id;
    size_t nlimbs;
    size_t nbytes;
    ec_fe m;          /* the modulus */
    ec_fe rr;         /* R^2 mod m, to enter Montgomery form */
    ec_fe one;        /* R mod m: 1 in Montgomery form */
    ec_limb m0inv;    /* -m^-1 mod 2^EC_LIMB_BITS (Montgomery reduction) */
} ec_field;

extern const ec_field ec_p256_p, ec_p256_n, ec_p384_p, ec_p384_n;

/* r = a * b / R mod m. r may alias a or b. */
void ec_fe_mul(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_fe_sqr(const ec_field *f, ec_limb *r, const ec_limb *a);
/* r = a + b, a - b, -a (mod m). */
void ec_fe_add(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_fe_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_fe_neg(const ec_field *f, ec_limb *r, const ec_limb *a);
/* Fused operations. The point formulas call ec_fe_sqr_sub_sub,
 * ec_fe_mul_sub, ec_fe_triple_sum_diff and ec_fe_sub_mul_sub_half, each one
 * pass through memory on the BMI2/ADX path for P-256; the others are their
 * building blocks (and tested as such):
 * s = a + b and d = a - b; r = a - b - c; r = 3a; r = a - b / 2 (b / 2 =
 * b 2^-1 mod m). Outputs may alias inputs (s and d not each other). */
void ec_fe_add_sub(const ec_field *f, ec_limb *s, ec_limb *d, const ec_limb *a, const ec_limb *b);
void ec_fe_sub_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c);
void ec_fe_triple(const ec_field *f, ec_limb *r, const ec_limb *a);
void ec_fe_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b);
/* A product and the operation that consumes it, likewise: r = 3 a b;
 * r = a^2 - b - c; r = a b - c; r = a b - c / 2. */
void ec_fe_mul_triple(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_fe_sqr_sub_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c);
void ec_fe_mul_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c);
void ec_fe_mul_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c);
/* The doubling's alpha and Y3 in one call each: r = 3 (a + b)(a - b);
 * r = (a - b) c - d / 2. */
void ec_fe_triple_sum_diff(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_fe_sub_mul_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c,
                            const ec_limb *d);
/* r = a^-1 mod m by division steps (modinv.h), 0 for a = 0: half to a fifth
 * of the cost of a^(m-2), and the time does not depend on a.
 * ec_fe_inv is in Montgomery form in and out, ec_mod_inv in plain form (the
 * ECDSA scalars). */
void ec_fe_inv(const ec_field *f, ec_limb *r, const ec_limb *a);
void ec_mod_inv(const ec_field *f, ec_limb *r, const ec_limb *a);
/* Into and out of Montgomery form. */
void ec_fe_to_mont(const ec_field *f, ec_limb *r, const ec_limb *a);
void ec_fe_from_mont(const ec_field *f, ec_limb *r, const ec_limb *a);

/* All-ones if a is zero, if a == b, if a < m; else 0. */
ec_limb ec_fe_is_zero(const ec_field *f, const ec_limb *a);
ec_limb ec_fe_equal(const ec_field *f, const ec_limb *a, const ec_limb *b);
ec_limb ec_fe_lt_modulus(const ec_field *f, const ec_limb *a);
/* r = mask ? a : r, for a mask of all-ones or zero. */
void ec_fe_cmov(const ec_field *f, ec_limb *r, const ec_limb *a, ec_limb mask);
void ec_fe_copy(const ec_field *f, ec_limb *r, const ec_limb *a);
/* r = a - m when a >= m, else a: reduces any value below 2m (a hash value
 * modulo n, an x coordinate modulo n). Plain, not Montgomery, form. */
void ec_fe_reduce_once(const ec_field *f, ec_limb *r, const ec_limb *a);

/* Big-endian bytes (f->nbytes of them) to plain limbs, unreduced, and back. */
void ec_fe_from_bytes(const ec_field *f, ec_limb *r, const uint8_t *in);
void ec_fe_to_bytes(const ec_field *f, uint8_t *out, const ec_limb *a);

#endif
