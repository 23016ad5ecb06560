/* src/crypto/ec_field*: the Montgomery arithmetic modulo P-256's and P-384's
 * p and n, checked against an independent reference written here
 * (schoolbook products and bit-by-bit remainders, no Montgomery anywhere) on
 * edge and pseudo-random inputs, for both the x86-64 fast path (where the
 * CPU has it) and the portable code (tls13_cpu_set_mask(0)). */
#include "test_support.h"

#include <stdio.h>
#include <string.h>

#include "base/cpu.h"
#include "crypto/ec_field.h"

#define N_MAX EC_MAX_LIMBS
#define WIDE (2 * EC_MAX_LIMBS + 1)

static const ec_field *const fields[] = { &ec_p256_p, &ec_p256_n, &ec_p384_p, &ec_p384_n };
static const char *const field_names[] = { "P-256 p", "P-256 n", "P-384 p", "P-384 n" };

/* ---- reference arithmetic on little-endian limb arrays ---- */

/* -1, 0, 1 as a <, ==, > b (len limbs each). */
static int ref_cmp(const ec_limb *a, const ec_limb *b, size_t len)
{
    for (size_t i = len; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r = x mod m for x of xlen limbs, one bit at a time:
 * rem = 2 rem + bit, minus m when that reaches m. */
static void ref_mod(ec_limb *r, const ec_limb *x, size_t xlen, const ec_limb *m, size_t n)
{
    ec_limb rem[N_MAX + 1] = { 0 }, mm[N_MAX + 1] = { 0 };
    memcpy(mm, m, n * sizeof(ec_limb));
    for (size_t bit = xlen * EC_LIMB_BITS; bit-- > 0;) {
        ec_limb carry = (x[bit / EC_LIMB_BITS] >> (bit % EC_LIMB_BITS)) & 1;
        for (size_t j = 0; j <= n; j++) {
            ec_limb top = rem[j] >> (EC_LIMB_BITS - 1);
            rem[j] = (ec_limb)(rem[j] << 1) | carry;
            carry = top;
        }
        if (ref_cmp(rem, mm, n + 1) >= 0) {
            ec_limb borrow = 0;
            for (size_t j = 0; j <= n; j++) {
                ec_limb d = rem[j] - mm[j] - borrow;
                borrow = (rem[j] < mm[j]) || (rem[j] == mm[j] && borrow);
                rem[j] = d;
            }
        }
    }
    memcpy(r, rem, n * sizeof(ec_limb));
}

/* t[0..2n) = a b, schoolbook with half-limb products (no ec_dlimb). */
static void ref_mul_wide(ec_limb *t, const ec_limb *a, const ec_limb *b, size_t n)
{
    enum { H = EC_LIMB_BITS / 2 };
    const ec_limb lo_mask = ((ec_limb)1 << H) - 1;
    memset(t, 0, 2 * n * sizeof(ec_limb));
    for (size_t i = 0; i < 2 * n; i++) {
        /* t += (half-limb i of a) * b << (H i) */
        ec_limb ai = (a[i / 2] >> (H * (i % 2))) & lo_mask;
        for (size_t j = 0; j < 2 * n; j++) {
            ec_limb bj = (b[j / 2] >> (H * (j % 2))) & lo_mask;
            ec_limb p = ai * bj; /* < 2^EC_LIMB_BITS */
            size_t shift = H * (i + j);
            ec_limb add[2] = { p << (shift % EC_LIMB_BITS),
                               shift % EC_LIMB_BITS ? p >> (EC_LIMB_BITS - shift % EC_LIMB_BITS) : 0 };
            ec_limb carry = 0;
            for (size_t k = shift / EC_LIMB_BITS; k < 2 * n; k++) {
                ec_limb x = k - shift / EC_LIMB_BITS < 2 ? add[k - shift / EC_LIMB_BITS] : 0;
                ec_limb s = t[k] + x;
                ec_limb c1 = s < x;
                s += carry;
                carry = c1 | (s < carry);
                t[k] = s;
            }
        }
    }
}

/* r = a b mod m */
static void ref_mulmod(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_field *f)
{
    ec_limb t[WIDE];
    ref_mul_wide(t, a, b, f->nlimbs);
    ref_mod(r, t, 2 * f->nlimbs, f->m, f->nlimbs);
}

/* r = a R mod m (a shifted up by nlimbs limbs). */
static void ref_times_r(ec_limb *r, const ec_limb *a, const ec_field *f)
{
    ec_limb t[WIDE] = { 0 };
    memcpy(t + f->nlimbs, a, f->nlimbs * sizeof(ec_limb));
    ref_mod(r, t, 2 * f->nlimbs, f->m, f->nlimbs);
}

/* r = a + b mod m, or a - b mod m as a + (m - b). */
static void ref_addmod(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_field *f)
{
    ec_limb t[N_MAX + 1], carry = 0;
    for (size_t j = 0; j < f->nlimbs; j++) {
        ec_limb s = a[j] + b[j];
        ec_limb c1 = s < a[j];
        s += carry;
        carry = c1 | (s < carry);
        t[j] = s;
    }
    t[f->nlimbs] = carry;
    ref_mod(r, t, f->nlimbs + 1, f->m, f->nlimbs);
}

static void ref_submod(ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_field *f)
{
    ec_limb mb[N_MAX], borrow = 0, zero[N_MAX] = { 0 };
    if (ref_cmp(b, zero, f->nlimbs) == 0) {
        memcpy(r, a, f->nlimbs * sizeof(ec_limb));
        return;
    }
    for (size_t j = 0; j < f->nlimbs; j++) {
        mb[j] = f->m[j] - b[j] - borrow;
        borrow = (f->m[j] < b[j]) || (f->m[j] == b[j] && borrow);
    }
    ref_addmod(r, a, mb, f);
}

/* ---- inputs ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static ec_limb rng_limb(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (ec_limb)rng_state;
}

enum { EDGE_COUNT = 12 };

/* Edge value number k (< EDGE_COUNT) below m: 0, 1, 2, m-1, m-2, 2^(bits-1),
 * all-ones limbs under m's top limb, (m-1)/2, (m+1)/2, R mod m, small
 * top-heavy values. */
static void edge_value(ec_limb *x, int k, const ec_field *f)
{
    size_t n = f->nlimbs;
    memset(x, 0, sizeof(ec_fe));
    switch (k) {
    case 0: break;
    case 1: x[0] = 1; break;
    case 2: x[0] = 2; break;
    case 3: memcpy(x, f->m, n * sizeof(ec_limb)); x[0] -= 1; break;
    case 4: memcpy(x, f->m, n * sizeof(ec_limb)); x[0] -= 2; break;
    case 5: x[n - 1] = (ec_limb)1 << (EC_LIMB_BITS - 1); break;
    case 6:
        for (size_t j = 0; j < n; j++)
            x[j] = ~(ec_limb)0;
        x[n - 1] = f->m[n - 1] - 1;
        break;
    case 7:
    case 8:
        /* (m - 1) / 2 and (m + 1) / 2 */
        for (size_t j = 0; j < n; j++)
            x[j] = (f->m[j] >> 1) | (j + 1 < n ? f->m[j + 1] << (EC_LIMB_BITS - 1) : 0);
        if (k == 8)
            x[0] += 1;
        break;
    case 9: memcpy(x, f->one, n * sizeof(ec_limb)); break;
    case 10: x[n - 1] = 1; break;
    case 11:
        for (size_t j = 0; j < n; j++)
            x[j] = f->m[j];
        x[0] ^= 0x5a5a;
        x[n / 2] = 0; /* below m: a middle limb cleared, the top kept */
        break;
    }
}

/* A pseudo-random element below m: a wide random value reduced. */
static void random_value(ec_limb *x, const ec_field *f)
{
    ec_limb t[WIDE];
    for (size_t j = 0; j < 2 * f->nlimbs; j++)
        t[j] = rng_limb();
    /* some with runs of all-ones or zero limbs */
    if ((t[0] & 7) == 0)
        t[f->nlimbs / 2] = ~(ec_limb)0;
    if ((t[0] & 7) == 1)
        t[1] = 0;
    memset(x, 0, sizeof(ec_fe));
    ref_mod(x, t, 2 * f->nlimbs, f->m, f->nlimbs);
}

static void input(ec_limb *x, int i, const ec_field *f)
{
    if (i < EDGE_COUNT)
        edge_value(x, i, f);
    else
        random_value(x, f);
    assert_true(ref_cmp(x, f->m, f->nlimbs) < 0);
}

/* ---- checks ---- */

static void assert_fe(const ec_field *f, const ec_limb *got, const ec_limb *want, const char *op,
                      const char *path)
{
    if (ref_cmp(got, want, f->nlimbs) != 0 || !ec_fe_lt_modulus(f, got)) {
        print_error("%s %s (%s path): mismatch\n", field_names[f->id], op, path);
        fail();
    }
}

/* The products fused with the operation that follows them, against the
 * separate operations (each checked against the reference on its own), in
 * place on every input too. */
static unsigned check_fused_products(const ec_field *f, const ec_limb *x, const ec_limb *y, const ec_limb *z,
                                     const char *path)
{
    ec_fe r, want, t, u;
    ec_fe_mul(f, t, x, y);
    ec_fe_triple(f, want, t);
    ec_fe_mul_triple(f, r, x, y);
    assert_fe(f, r, want, "mul_triple", path);
    ec_fe_copy(f, u, x);
    ec_fe_mul_triple(f, u, u, y);
    assert_fe(f, u, want, "mul_triple in place, a", path);
    ec_fe_copy(f, u, y);
    ec_fe_mul_triple(f, u, x, u);
    assert_fe(f, u, want, "mul_triple in place, b", path);

    ec_fe_sqr(f, t, x);
    ec_fe_sub_sub(f, want, t, y, z);
    ec_fe_sqr_sub_sub(f, r, x, y, z);
    assert_fe(f, r, want, "sqr_sub_sub", path);
    ec_fe_copy(f, u, x);
    ec_fe_sqr_sub_sub(f, u, u, y, z);
    assert_fe(f, u, want, "sqr_sub_sub in place, a", path);
    ec_fe_copy(f, u, z);
    ec_fe_sqr_sub_sub(f, u, x, y, u);
    assert_fe(f, u, want, "sqr_sub_sub in place, c", path);

    ec_fe_mul(f, t, x, y);
    ec_fe_sub(f, want, t, z);
    ec_fe_mul_sub(f, r, x, y, z);
    assert_fe(f, r, want, "mul_sub", path);
    ec_fe_copy(f, u, z);
    ec_fe_mul_sub(f, u, x, y, u);
    assert_fe(f, u, want, "mul_sub in place, c", path);
    ec_fe_copy(f, u, x);
    ec_fe_mul_sub(f, u, u, y, z);
    assert_fe(f, u, want, "mul_sub in place, a", path);

    ec_fe_mul(f, t, x, y);
    ec_fe_sub_half(f, want, t, z);
    ec_fe_mul_sub_half(f, r, x, y, z);
    assert_fe(f, r, want, "mul_sub_half", path);
    ec_fe_copy(f, u, y);
    ec_fe_mul_sub_half(f, u, x, u, z);
    assert_fe(f, u, want, "mul_sub_half in place, b", path);
    ec_fe_copy(f, u, z);
    ec_fe_mul_sub_half(f, u, x, y, u);
    assert_fe(f, u, want, "mul_sub_half in place, c", path);

    ec_fe_add_sub(f, t, u, x, y);
    ec_fe_mul_triple(f, want, t, u);
    ec_fe_triple_sum_diff(f, r, x, y);
    assert_fe(f, r, want, "triple_sum_diff", path);
    ec_fe_copy(f, u, y);
    ec_fe_triple_sum_diff(f, u, x, u);
    assert_fe(f, u, want, "triple_sum_diff in place, b", path);

    /* (x - y) z - x / 2, then in place on a, b, c and d in turn */
    ec_fe_sub(f, t, x, y);
    ec_fe_mul_sub_half(f, want, t, z, x);
    ec_fe_sub_mul_sub_half(f, r, x, y, z, x);
    assert_fe(f, r, want, "sub_mul_sub_half", path);
    ec_fe_copy(f, u, x);
    ec_fe_sub_mul_sub_half(f, u, u, y, z, x);
    assert_fe(f, u, want, "sub_mul_sub_half in place, a", path);
    ec_fe_copy(f, u, y);
    ec_fe_sub_mul_sub_half(f, u, x, u, z, x);
    assert_fe(f, u, want, "sub_mul_sub_half in place, b", path);
    ec_fe_copy(f, u, z);
    ec_fe_sub_mul_sub_half(f, u, x, y, u, x);
    assert_fe(f, u, want, "sub_mul_sub_half in place, c", path);
    ec_fe_copy(f, u, x);
    ec_fe_sub_mul_sub_half(f, u, x, y, z, u);
    assert_fe(f, u, want, "sub_mul_sub_half in place, d", path);
    return 6;
}

/* The fused operations on (x, y) and a third input z, each also in place
 * (the point formulas call them with outputs aliasing inputs). The half is
 * checked by its definition, 2 (x - r) == y, not by the algorithm it uses. */
static unsigned check_fused(const ec_field *f, const ec_limb *x, const ec_limb *y, const ec_limb *z,
                            const char *path)
{
    ec_fe r, s, want, t, u;
    ec_fe_add_sub(f, r, s, x, y);
    ref_addmod(want, x, y, f);
    assert_fe(f, r, want, "add_sub sum", path);
    ref_submod(want, x, y, f);
    assert_fe(f, s, want, "add_sub difference", path);
    ec_fe_copy(f, u, x);
    ec_fe_copy(f, t, y);
    ec_fe_add_sub(f, u, t, u, t);
    assert_fe(f, u, r, "add_sub in place, sum", path);
    assert_fe(f, t, s, "add_sub in place, difference", path);
    ec_fe_sub_sub(f, r, x, y, z);
    ref_submod(t, x, y, f);
    ref_submod(want, t, z, f);
    assert_fe(f, r, want, "sub_sub", path);
    ec_fe_copy(f, u, x);
    ec_fe_sub_sub(f, u, u, y, y);
    ref_submod(t, x, y, f);
    ref_submod(want, t, y, f);
    assert_fe(f, u, want, "sub_sub in place, b == c", path);
    ec_fe_sub_half(f, r, x, y);
    ref_submod(t, x, r, f);
    ref_addmod(want, t, t, f);
    assert_fe(f, want, y, "sub_half", path);
    assert_true(ec_fe_lt_modulus(f, r));
    ec_fe_copy(f, u, y);
    ec_fe_sub_half(f, u, x, u);
    assert_fe(f, u, r, "sub_half in place", path);
    return 4 + check_fused_products(f, x, y, z, path);
}

static unsigned check_pair(const ec_field *f, const ec_limb *x, const ec_limb *y, const char *path)
{
    ec_fe r, want, t, u;
    /* mul: r R == x y (mod m) */
    ec_fe_mul(f, r, x, y);
    ref_times_r(t, r, f);
    ref_mulmod(want, x, y, f);
    assert_fe(f, t, want, "mul", path);
    assert_true(ec_fe_lt_modulus(f, r));
    /* aliasing: r = a */
    ec_fe_copy(f, u, x);
    ec_fe_mul(f, u, u, y);
    assert_fe(f, u, r, "mul in place", path);
    ec_fe_add(f, r, x, y);
    ref_addmod(want, x, y, f);
    assert_fe(f, r, want, "add", path);
    ec_fe_sub(f, r, x, y);
    ref_submod(want, x, y, f);
    assert_fe(f, r, want, "sub", path);
    return 3;
}

static unsigned check_single(const ec_field *f, const ec_limb *x, const char *path)
{
    ec_fe r, want, t, zero = { 0 };
    /* sqr agrees with the reference and with mul */
    ec_fe_sqr(f, r, x);
    ref_times_r(t, r, f);
    ref_mulmod(want, x, x, f);
    assert_fe(f, t, want, "sqr", path);
    ec_fe_mul(f, t, x, x);
    assert_fe(f, r, t, "sqr vs mul", path);
    ec_fe_neg(f, r, x);
    ref_submod(want, zero, x, f);
    assert_fe(f, r, want, "neg", path);
    ec_fe_triple(f, r, x);
    ref_addmod(t, x, x, f);
    ref_addmod(want, t, x, f);
    assert_fe(f, r, want, "triple", path);
    ec_fe_copy(f, t, x);
    ec_fe_triple(f, t, t);
    assert_fe(f, t, r, "triple in place", path);
    /* to_mont: x R mod m; from_mont undoes it */
    ec_fe_to_mont(f, r, x);
    ref_times_r(want, x, f);
    assert_fe(f, r, want, "to_mont", path);
    ec_fe_from_mont(f, t, r);
    assert_fe(f, t, x, "from_mont", path);
    return 5;
}

/* inv: x inv(x) == R^2 (both in Montgomery form), inv(0) = 0. */
static unsigned check_inverse(const ec_field *f, const ec_limb *x, const char *path)
{
    ec_fe r, want, t, rr;
    ec_fe_inv(f, r, x);
    if (ec_fe_is_zero(f, x)) {
        assert_true(ec_fe_is_zero(f, r));
        return 1;
    }
    ref_mulmod(t, x, r, f);
    ref_times_r(rr, f->one, f); /* R^2 mod m */
    memcpy(want, rr, sizeof(want));
    assert_fe(f, t, want, "inv", path);
    return 1;
}

static void run_all(const char *path)
{
    /* inversion on the edge values and many random ones: the divsteps'
     * masks and limb carries have data-dependent paths through them */
    enum { INPUTS = 32, RANDOM_INVERSES = 256 };
    for (size_t fi = 0; fi < sizeof(fields) / sizeof(fields[0]); fi++) {
        const ec_field *f = fields[fi];
        ec_fe x[INPUTS];
        unsigned cases = 0;
        for (int i = 0; i < INPUTS; i++)
            input(x[i], i, f);
        for (int i = 0; i < INPUTS; i++) {
            cases += check_single(f, x[i], path);
            for (int j = 0; j < INPUTS; j++) {
                cases += check_pair(f, x[i], x[j], path);
                cases += check_fused(f, x[i], x[j], x[(i + j + 1) % INPUTS], path);
            }
        }
        for (int i = 0; i < INPUTS; i++)
            cases += check_inverse(f, x[i], path);
        for (int i = 0; i < RANDOM_INVERSES; i++) {
            ec_fe y;
            random_value(y, f);
            cases += check_inverse(f, y, path);
        }
        printf("%s (%s path, %d-bit limbs): %u cases checked\n", field_names[fi], path, EC_LIMB_BITS, cases);
        assert_true(cases > 0);
    }
}

static void field_vs_reference(void **state)
{
    (void)state;
    tls13_cpu_set_mask(UINT32_MAX);
    run_all(tls13_cpu_features() ? "fast" : "portable-only");
    tls13_cpu_set_mask(0);
    run_all("portable");
    tls13_cpu_set_mask(UINT32_MAX);
}

/* The reference itself, on products whose value is known: (m-1)^2 = 1 and
 * 2^(bits-1) 2 = 2^bits mod m. */
static void reference_sanity(void **state)
{
    (void)state;
    for (size_t fi = 0; fi < sizeof(fields) / sizeof(fields[0]); fi++) {
        const ec_field *f = fields[fi];
        ec_fe a, b, r, one = { 1 };
        edge_value(a, 3, f);
        ref_mulmod(r, a, a, f);
        assert_int_equal(ref_cmp(r, one, f->nlimbs), 0);
        edge_value(a, 5, f);
        edge_value(b, 2, f);
        ref_mulmod(r, a, b, f);
        assert_int_equal(ref_cmp(r, f->one, f->nlimbs), 0); /* 2^bits mod m = R mod m */
    }
}

/* reduce_once: values below 2m in plain form. */
static void reduce_once(void **state)
{
    (void)state;
    unsigned cases = 0;
    for (size_t fi = 0; fi < sizeof(fields) / sizeof(fields[0]); fi++) {
        const ec_field *f = fields[fi];
        for (int i = 0; i < 64; i++) {
            ec_fe x, r, want;
            input(x, i, f);
            /* x + m fits when it does not carry out; then it reduces to x */
            ec_limb carry = 0, s[N_MAX];
            for (size_t j = 0; j < f->nlimbs; j++) {
                ec_limb t = x[j] + f->m[j];
                ec_limb c1 = t < x[j];
                t += carry;
                carry = c1 | (t < carry);
                s[j] = t;
            }
            memcpy(want, x, sizeof(want));
            ec_fe_reduce_once(f, r, x);
            assert_fe(f, r, want, "reduce_once (x)", "-");
            if (!carry) {
                ec_fe_reduce_once(f, r, s);
                assert_fe(f, r, want, "reduce_once (x + m)", "-");
            }
            cases++;
        }
    }
    printf("reduce_once: %u cases checked\n", cases);
    assert_true(cases > 0);
}

/* cmov, copy, is_zero, equal on every input pair. */
static void select_and_compare(void **state)
{
    (void)state;
    unsigned cases = 0;
    for (size_t fi = 0; fi < sizeof(fields) / sizeof(fields[0]); fi++) {
        const ec_field *f = fields[fi];
        for (int i = 0; i < 16; i++) {
            ec_fe x, y, r;
            input(x, i, f);
            input(y, 15 - i, f);
            ec_fe_copy(f, r, x);
            assert_int_equal(ref_cmp(r, x, f->nlimbs), 0);
            ec_fe_cmov(f, r, y, 0);
            assert_int_equal(ref_cmp(r, x, f->nlimbs), 0);
            ec_fe_cmov(f, r, y, ~(ec_limb)0);
            assert_int_equal(ref_cmp(r, y, f->nlimbs), 0);
            assert_true(ec_fe_equal(f, r, y) == ~(ec_limb)0);
            assert_true(ec_fe_equal(f, x, y) == (ref_cmp(x, y, f->nlimbs) == 0 ? ~(ec_limb)0 : 0));
            assert_true(ec_fe_is_zero(f, x) == (i == 0 ? ~(ec_limb)0 : 0));
            cases++;
        }
    }
    printf("select/compare: %u cases checked\n", cases);
    assert_true(cases > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reference_sanity),
        cmocka_unit_test(field_vs_reference),
        cmocka_unit_test(reduce_once),
        cmocka_unit_test(select_and_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
