/*
 * Montgomery arithmetic (Montgomery 1985) and modular exponentiation for
 * RSA.
 */
#include "bignum.h"

#include <string.h>

#include "base/cpu.h"
#include "base/mem.h"

typedef tls13_dlimb dlimb;

/* The kernel is instantiated for squaring and multiplication; inlining it
 * lets the compiler drop the branches on the constant `square`. */
#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* Scratch for one multiplication: the quotient digits u and the output. */
#define SCRATCH_LIMBS (2 * TLS13_BN_MAX_LIMBS)

/* (hi:acc) += x * y: a three-limb column accumulator. */
#define MUL_ACC(acc, hi, x, y)                   \
    do {                                         \
        dlimb p_ = (dlimb)(x) * (y);             \
        (acc) += p_;                             \
        (hi) += (tls13_limb)((acc) < p_);        \
    } while (0)

/* r = a * b * R^-1 mod m for a < R, b < m, by product scanning (the FIPS
 * method of Koc, Acar and Kaliski 1996): column k of a * b + u * m is summed
 * in a three-limb accumulator; for k < n the quotient digit u[k] is chosen
 * so that the column's low limb becomes zero, for k >= n the low limb is
 * output digit k - n. The result is below (a b + R m) / R < 2m, so one
 * masked subtraction finishes it. With square set, b is a and each cross
 * product a[i] a[j] (i < j) is computed once and doubled. t: 2n limbs. */
static ALWAYS_INLINE void mont_mul_columns(tls13_limb *r, const tls13_limb *a, const tls13_limb *b, const tls13_limb *m,
                                    tls13_limb m0inv, size_t n, tls13_limb *t, int square)
{
    tls13_limb *u = t, *out = t + n, hi = 0, borrow, keep;
    dlimb acc = 0;

    for (size_t k = 0; k < 2 * n - 1; k++) {
        size_t lo = k < n ? 0 : k - n + 1, top = k < n ? k : n - 1;
        if (square) {
            dlimb cross = 0;
            tls13_limb cross_hi = 0;
            for (size_t i = lo; i < k - i; i++)
                MUL_ACC(cross, cross_hi, a[i], a[k - i]);
            cross_hi = (cross_hi << 1) | (tls13_limb)(cross >> (2 * TLS13_LIMB_BITS - 1));
            cross <<= 1;
            acc += cross;
            hi += cross_hi + (tls13_limb)(acc < cross);
            if (!(k & 1))
                MUL_ACC(acc, hi, a[k / 2], a[k / 2]);
        } else {
            for (size_t i = lo; i <= top; i++)
                MUL_ACC(acc, hi, a[i], b[k - i]);
        }
        for (size_t i = lo; i < (k < n ? k : n); i++)
            MUL_ACC(acc, hi, u[i], m[k - i]);
        if (k < n) {
            u[k] = (tls13_limb)acc * m0inv;
            MUL_ACC(acc, hi, u[k], m[0]);
        } else {
            out[k - n] = (tls13_limb)acc;
        }
        acc = (acc >> TLS13_LIMB_BITS) | ((dlimb)hi << TLS13_LIMB_BITS);
        hi = 0;
    }
    out[n - 1] = (tls13_limb)acc;
    hi = (tls13_limb)(acc >> TLS13_LIMB_BITS); /* 0 or 1 */
    /* Subtract m unless that borrows out of the top limb hi. */
    borrow = tls13_bn_sub(r, out, m, n);
    keep = (tls13_limb)0 - (borrow & (hi ^ 1));
    for (size_t j = 0; j < n; j++)
        r[j] = (out[j] & keep) | (r[j] & ~keep);
}

/* Fixed sizes (the RSA-2048 and RSA-4096 halves) let the compiler
 * specialise the loops; squaring is chosen when both operands are one. */
static void mont_mul_scratch(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b,
                             tls13_limb *t)
{
    if (a == b)
        mont_mul_columns(r, a, a, ctx->m, ctx->m0inv, ctx->limbs, t, 1);
    else
        mont_mul_columns(r, a, b, ctx->m, ctx->m0inv, ctx->limbs, t, 0);
}

void tls13_mont_mul(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b)
{
    tls13_limb t[SCRATCH_LIMBS];
    mont_mul_scratch(ctx, r, a, b, t);
    tls13_wipe(t, sizeof(t));
}

/* r = a + b mod m for a, b < m. */
static void add_mod(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b)
{
    tls13_limb s[TLS13_BN_MAX_LIMBS], carry, borrow, keep;
    size_t n = ctx->limbs;
    carry = tls13_bn_add(s, a, b, n);
    borrow = tls13_bn_sub(r, s, ctx->m, n);
    keep = (tls13_limb)0 - (borrow & (carry ^ 1));
    for (size_t j = 0; j < n; j++)
        r[j] = (s[j] & keep) | (r[j] & ~keep);
    tls13_wipe(s, n * sizeof(*s));
}

void tls13_mont_sub(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b)
{
    tls13_limb d[TLS13_BN_MAX_LIMBS], mask, borrow, carry = 0;
    size_t n = ctx->limbs;
    borrow = tls13_bn_sub(d, a, b, n);
    /* Add m back when the subtraction borrowed, by masking m. */
    mask = (tls13_limb)0 - borrow;
    for (size_t j = 0; j < n; j++) {
        tls13_dlimb s = (tls13_dlimb)d[j] + (ctx->m[j] & mask) + carry;
        r[j] = (tls13_limb)s;
        carry = (tls13_limb)(s >> TLS13_LIMB_BITS);
    }
    tls13_wipe(d, n * sizeof(*d));
}

int tls13_mont_init(tls13_mont *ctx, const tls13_limb *m, size_t limbs)
{
    tls13_limb x, two[TLS13_BN_MAX_LIMBS], acc[TLS13_BN_MAX_LIMBS];
    size_t bits, rbits = limbs * TLS13_LIMB_BITS, top;

    if (limbs == 0 || limbs > TLS13_BN_MAX_LIMBS || !(m[0] & 1) || m[limbs - 1] == 0)
        return 0;
    memset(ctx, 0, sizeof(*ctx));
    ctx->limbs = limbs;
    memcpy(ctx->m, m, limbs * sizeof(*m));

    /* Newton's iteration x = x(2 - m0 x) doubles the number of correct low
     * bits; x = m0 is already right modulo 8 for odd m0. */
    x = m[0];
    for (int i = 0; i < 5; i++)
        x *= 2 - m[0] * x;
    ctx->m0inv = (tls13_limb)0 - x;

    /* R mod m by doubling 2^(bits-1) (< m) up to 2^rbits, one conditional
     * subtraction per doubling; then 2R mod m, the Montgomery form of 2.
     * The bit length of m is public (the key size). */
    bits = tls13_bn_bits_vartime(m, limbs);
    memset(two, 0, sizeof(two));
    two[(bits - 1) / TLS13_LIMB_BITS] = (tls13_limb)1 << ((bits - 1) % TLS13_LIMB_BITS);
    for (size_t i = bits - 1; i < rbits + 1; i++)
        add_mod(ctx, two, two, two);

    /* R^2 = Montgomery form of 2^rbits = (Montgomery 2)^rbits, by square
     * and multiply over the public exponent rbits. */
    memcpy(acc, two, sizeof(acc));
    for (top = 0; (rbits >> top) > 1; top++)
        ;
    while (top-- > 0) {
        tls13_mont_mul(ctx, acc, acc, acc);
        if ((rbits >> top) & 1)
            tls13_mont_mul(ctx, acc, acc, two);
    }
    memcpy(ctx->rr, acc, limbs * sizeof(*acc));
    tls13_wipe(two, sizeof(two));
    tls13_wipe(acc, sizeof(acc));
    return 1;
}

void tls13_mont_to(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *x, size_t xlimbs)
{
    /* Horner's rule over chunks of n limbs x_k (each < R), from the top:
     * Mont(V R + x_k) = Mont(V) * R^2 / R + x_k * R^2 / R. */
    size_t n = ctx->limbs, chunks = (xlimbs + n - 1) / n;
    tls13_limb acc[TLS13_BN_MAX_LIMBS], chunk[TLS13_BN_MAX_LIMBS], part[TLS13_BN_MAX_LIMBS];
    tls13_limb t[SCRATCH_LIMBS];

    memset(acc, 0, n * sizeof(*acc));
    for (size_t k = chunks; k-- > 0;) {
        size_t lo = k * n, len = xlimbs - lo < n ? xlimbs - lo : n;
        memset(chunk, 0, n * sizeof(*chunk));
        memcpy(chunk, x + lo, len * sizeof(*x));
        if (k == chunks - 1) {
            mont_mul_scratch(ctx, acc, chunk, ctx->rr, t);
            continue;
        }
        mont_mul_scratch(ctx, part, chunk, ctx->rr, t);
        mont_mul_scratch(ctx, acc, acc, ctx->rr, t);
        add_mod(ctx, acc, acc, part);
    }
    memcpy(r, acc, n * sizeof(*acc)); /* last: r may alias x */
    tls13_wipe(acc, sizeof(acc));
    tls13_wipe(chunk, sizeof(chunk));
    tls13_wipe(part, sizeof(part));
    tls13_wipe(t, sizeof(t));
}

void tls13_mont_from(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a)
{
    tls13_limb one[TLS13_BN_MAX_LIMBS];
    memset(one, 0, ctx->limbs * sizeof(*one));
    one[0] = 1;
    tls13_mont_mul(ctx, r, a, one);
}

void tls13_mont_one(const tls13_mont *ctx, tls13_limb *r)
{
    tls13_mont_from(ctx, r, ctx->rr);
}

/* Bits [pos, pos + count) of exp; positions are public. */
static unsigned window_at(const tls13_limb *exp, size_t pos, unsigned count)
{
    unsigned w = 0;
    for (unsigned k = count; k-- > 0;) {
        size_t bit = pos + k;
        w = (w << 1) | (unsigned)((exp[bit / TLS13_LIMB_BITS] >> (bit % TLS13_LIMB_BITS)) & 1);
    }
    return w;
}

#define EXP_WINDOW 5
#define EXP_TABLE (1u << EXP_WINDOW)

/* out = table[index], reading every entry so the address pattern does not
 * depend on the secret index. */
static void table_select(tls13_limb *out, const tls13_limb *table, size_t n, unsigned index)
{
    memset(out, 0, n * sizeof(*out));
    for (unsigned i = 0; i < EXP_TABLE; i++) {
        tls13_limb mask = ~tls13_limb_nonzero_mask((tls13_limb)(i ^ index));
        const tls13_limb *entry = table + (size_t)i * n;
        for (size_t j = 0; j < n; j++)
            out[j] |= entry[j] & mask;
    }
}

void tls13_mont_exp(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a,
                    const tls13_limb *exp, size_t exp_limbs)
{
    size_t n = ctx->limbs, bits = exp_limbs * TLS13_LIMB_BITS, pos;
    tls13_limb table[EXP_TABLE * TLS13_BN_MAX_LIMBS], acc[TLS13_BN_MAX_LIMBS], sel[TLS13_BN_MAX_LIMBS];
    tls13_limb t[SCRATCH_LIMBS];
    unsigned first;

    tls13_mont_one(ctx, table);
    memcpy(table + n, a, n * sizeof(*a));
    for (unsigned i = 2; i < EXP_TABLE; i++)
        mont_mul_scratch(ctx, table + i * n, table + (i - 1) * n, a, t);

    /* Left to right; the top window takes the bits left over by the
     * 5-bit windows below it. */
    first = (unsigned)(bits % EXP_WINDOW);
    if (first == 0)
        first = EXP_WINDOW;
    pos = bits - first;
    table_select(acc, table, n, window_at(exp, pos, first));
    while (pos > 0) {
        pos -= EXP_WINDOW;
        for (int s = 0; s < EXP_WINDOW; s++)
            mont_mul_scratch(ctx, acc, acc, acc, t);
        table_select(sel, table, n, window_at(exp, pos, EXP_WINDOW));
        mont_mul_scratch(ctx, acc, acc, sel, t);
    }
    memcpy(r, acc, n * sizeof(*acc));
    tls13_wipe(table, EXP_TABLE * n * sizeof(*table));
    tls13_wipe(acc, sizeof(acc));
    tls13_wipe(sel, sizeof(sel));
    tls13_wipe(t, sizeof(t));
}

void tls13_mont_exp_vartime(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a,
                            const uint8_t *exp, size_t exp_len)
{
    tls13_limb acc[TLS13_BN_MAX_LIMBS], t[SCRATCH_LIMBS];
    size_t n = ctx->limbs;
    int started = 0;

    tls13_mont_one(ctx, acc);
    for (size_t i = 0; i < exp_len; i++) {
        for (int b = 7; b >= 0; b--) {
            if (started)
                mont_mul_scratch(ctx, acc, acc, acc, t);
            if ((exp[i] >> b) & 1) {
                if (started)
                    mont_mul_scratch(ctx, acc, acc, a, t);
                else
                    memcpy(acc, a, n * sizeof(*a));
                started = 1;
            }
        }
    }
    memcpy(r, acc, n * sizeof(*acc));
}
