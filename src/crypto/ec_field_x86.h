/*
 * Montgomery arithmetic modulo the primes p of P-256 and P-384 with the BMI2 and ADX
 * intrinsics (_mulx_u64, _addcarry_u64, _subborrow_u64), for x86-64 builds
 * with 64-bit limbs. Same contract as ec_field.h: Montgomery form with
 * R = 2^256 / 2^384, inputs and outputs fully reduced (< p), r may alias a or b.
 *
 * Why a separate path: gcc 12 cannot express a carry chain in portable C
 * (every carry becomes setb/movzx or a zero-extended register pair), so the
 * portable code spends most of its instructions on carries. The intrinsics
 * give real adc/sbb chains.
 *
 * Why out of line: these functions are compiled with TLS13_TARGET
 * ("bmi2,adx"), and gcc refuses to inline such a function into code compiled
 * without that target. So fe_*_id in ec_field_impl.h calls them when
 * ec_field_x86_enabled() says the CPU has the features.
 */
#ifndef TLS13_CRYPTO_EC_FIELD_X86_H
#define TLS13_CRYPTO_EC_FIELD_X86_H

#include "../base/cpu.h"
#include "ec_field.h"

#if defined(TLS13_X86_64) && EC_LIMB_BITS == 64
#define EC_FIELD_X86 1
#define EC_FIELD_X86_FEATURES (TLS13_CPU_BMI2 | TLS13_CPU_ADX)

/* tls13_cpu_has(EC_FIELD_X86_FEATURES), declared const so that the compiler
 * may evaluate it once per function instead of once per field operation
 * (the check cost ~10% of a scalar multiplication when made per operation).
 * That is sound because the answer changes only through
 * tls13_cpu_set_mask(), which tests and benchmarks call between library
 * calls, never during one, and every caller of this function is inside the
 * library. */
int ec_field_x86_enabled(void) __attribute__((const));

void ec_p256p_mul_x86(ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_p256p_sqr_x86(ec_limb *r, const ec_limb *a);
void ec_p256p_add_x86(ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_p256p_sub_x86(ec_limb *r, const ec_limb *a, const ec_limb *b);
/* The fused operations of ec_field.h that the point formulas call (the
 * others are their portable building blocks). */
void ec_p256p_sqr_sub_sub_x86(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c);
void ec_p256p_mul_sub_x86(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c);
void ec_p256p_triple_sum_diff_x86(ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_p256p_sub_mul_sub_half_x86(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c,
                                   const ec_limb *d);
void ec_p384p_mul_x86(ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_p384p_sqr_x86(ec_limb *r, const ec_limb *a);
void ec_p384p_add_x86(ec_limb *r, const ec_limb *a, const ec_limb *b);
void ec_p384p_sub_x86(ec_limb *r, const ec_limb *a, const ec_limb *b);
#endif

#endif
