#include "ec_field_impl.h"

#include "../base/mem.h"

const ec_field ec_p256_p = { EC_MOD_P256_P, EC_LIMBS(256), 32, P256_P, P256_P_RR, P256_P_ONE, P256_P_M0INV };
const ec_field ec_p256_n = { EC_MOD_P256_N, EC_LIMBS(256), 32, P256_N, P256_N_RR, P256_N_ONE, P256_N_M0INV };
const ec_field ec_p384_p = { EC_MOD_P384_P, EC_LIMBS(384), 48, P384_P, P384_P_RR, P384_P_ONE, P384_P_M0INV };
const ec_field ec_p384_n = { EC_MOD_P384_N, EC_LIMBS(384), 48, P384_N, P384_N_RR, P384_N_ONE, P384_N_M0INV };

void ec_fe_mul(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_mul_id(f->id, r, a, b);
}

void ec_fe_sqr(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    fe_sqr_id(f->id, r, a);
}

void ec_fe_add(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_add_id(f->id, r, a, b);
}

void ec_fe_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_sub_id(f->id, r, a, b);
}

void ec_fe_neg(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    static const ec_fe zero;
    ec_fe_sub(f, r, zero, a);
}

void ec_fe_add_sub(const ec_field *f, ec_limb *s, ec_limb *d, const ec_limb *a, const ec_limb *b)
{
    fe_add_sub_id(f->id, s, d, a, b);
}

void ec_fe_sub_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_sub_sub_id(f->id, r, a, b, c);
}

void ec_fe_triple(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    fe_triple_id(f->id, r, a);
}

void ec_fe_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_sub_half_id(f->id, r, a, b);
}

void ec_fe_mul_triple(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_mul_triple_id(f->id, r, a, b);
}

void ec_fe_sqr_sub_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_sqr_sub_sub_id(f->id, r, a, b, c);
}

void ec_fe_mul_sub(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_mul_sub_id(f->id, r, a, b, c);
}

void ec_fe_mul_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c)
{
    fe_mul_sub_half_id(f->id, r, a, b, c);
}

void ec_fe_triple_sum_diff(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b)
{
    fe_triple_sum_diff_id(f->id, r, a, b);
}

void ec_fe_sub_mul_sub_half(const ec_field *f, ec_limb *r, const ec_limb *a, const ec_limb *b, const ec_limb *c,
                            const ec_limb *d)
{
    fe_sub_mul_sub_half_id(f->id, r, a, b, c, d);
}

void ec_fe_to_mont(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    ec_fe_mul(f, r, a, f->rr);
}

void ec_fe_from_mont(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    static const ec_fe one = { 1 };
    ec_fe_mul(f, r, a, one);
}

#if EC_LIMB_BITS == 64
/*
 * Inversion by the constant-time "safegcd" division steps of Bernstein and
 * Yang, "Fast constant-time gcd computation and modular inversion" (TCHES
 * 2019, sections 8 and 11), 62 steps at a time: about three times faster
 * than the Fermat chains (P-256: ~14.7k cycles by 255 squarings).
 *
 * One divstep on (delta, f, g), f odd:
 *   delta > 0 and g odd: (1 - delta, g, (g - f) / 2)
 *   g odd otherwise:     (1 + delta, f, (g + f) / 2)
 *   g even:              (1 + delta, f, g / 2)
 * From (1, m, x), g reaches 0 and f becomes +-gcd(m, x) = +-1 (m prime, or
 * odd and coprime to x) within (49 d + 57) / 17 steps for d-bit m (d >= 46;
 * theorem 11.2): 742 steps for 256 bits, 1111 for 384, so 12 and 18 batches
 * of 62. The count is public and fixed: the time does not depend on x.
 *
 * A batch looks only at the low 64 bits of f and g and returns the matrix
 * T with 2^62 (f', g') = T (f, g); it is then applied to the full f and g,
 * and to d and e with f = d x, g = e x (mod m), dividing by 2^62 modulo m.
 * At the end x^-1 = d / f = +-d.
 *
 * Numbers here are little-endian signed 62-bit limbs: limbs 0 .. k-2 in
 * [0, 2^62), the top limb signed. Signed values are held as uint64_t (two's
 * complement, well defined in C99) where they are shifted or masked.
 */
#define DIV_BITS 62
#define DIV_MASK (((uint64_t)1 << DIV_BITS) - 1)
#define DIV_LIMBS_MAX 7 /* 434 bits: P-384 and its sign */
__extension__ typedef __int128 div_wide;

typedef struct div_matrix {
    int64_t u, v, q, r;
} div_matrix;

/* The int64_t with two's complement representation x (no
 * implementation-defined conversion). */
static int64_t div_signed(uint64_t x)
{
    return (int64_t)(x & (uint64_t)INT64_MAX) + (int64_t)(x >> 63) * INT64_MIN;
}

/* 62 divsteps on the low 64 bits of f and g (f odd), each bit-sliced with
 * masks: the rows (u, v) of f and (q, r) of g track 2^i (f_i, g_i) =
 * T_i (f_0, g_0), so a step doubles the row it keeps for f instead of
 * halving g. Both rows' absolute sums stay at most 2^i: T fits in int64_t.
 * g_i's low 64 - i bits are exact, enough for the parity of 62 steps. */
static int64_t divsteps_62(int64_t delta, uint64_t f, uint64_t g, div_matrix *t)
{
    uint64_t u = 1, v = 0, q = 0, r = 1, dl = (uint64_t)delta;
    for (int i = 0; i < DIV_BITS; i++) {
        uint64_t positive = 0 - ((0 - dl) >> 63); /* delta > 0 (|delta| is small) */
        uint64_t odd = 0 - (g & 1);
        uint64_t swap = positive & odd;
        /* the f side after the step: g's when swapping, else f's */
        uint64_t nf = f ^ ((f ^ g) & swap), nu = u ^ ((u ^ q) & swap), nv = v ^ ((v ^ r) & swap);
        /* g + f, g - f (swap) or g; the rows likewise */
        uint64_t xf = (f ^ swap) - swap, xu = (u ^ swap) - swap, xv = (v ^ swap) - swap;
        g = (g + (xf & odd)) >> 1;
        q += xu & odd;
        r += xv & odd;
        f = nf;
        u = nu << 1;
        v = nv << 1;
        dl = ((dl ^ swap) - swap) + 1;
    }
    t->u = div_signed(u);
    t->v = div_signed(v);
    t->q = div_signed(q);
    t->r = div_signed(r);
    return div_signed(dl);
}

/* (f, g) = T (f, g) / 2^62, exact by construction. */
EC_INLINE void div_update_fg(int64_t *f, int64_t *g, size_t k, const div_matrix *t)
{
    div_wide cf = (div_wide)t->u * f[0] + (div_wide)t->v * g[0];
    div_wide cg = (div_wide)t->q * f[0] + (div_wide)t->r * g[0];
    cf >>= DIV_BITS; /* gcc and clang shift signed values arithmetically */
    cg >>= DIV_BITS;
    for (size_t i = 1; i < k; i++) {
        cf += (div_wide)t->u * f[i] + (div_wide)t->v * g[i];
        cg += (div_wide)t->q * f[i] + (div_wide)t->r * g[i];
        f[i - 1] = (int64_t)((uint64_t)cf & DIV_MASK);
        g[i - 1] = (int64_t)((uint64_t)cg & DIV_MASK);
        cf >>= DIV_BITS;
        cg >>= DIV_BITS;
    }
    f[k - 1] = (int64_t)cf;
    g[k - 1] = (int64_t)cg;
}

/* x in (-m, 2m) to [0, m): + m when negative, then - m when >= m. */
EC_INLINE void div_normalize(int64_t *x, const int64_t *m, size_t k)
{
    uint64_t neg = 0 - ((uint64_t)x[k - 1] >> 63), keep;
    int64_t y[DIV_LIMBS_MAX];
    div_wide c = 0;
    for (size_t i = 0; i + 1 < k; i++) {
        c += (div_wide)x[i] + (int64_t)((uint64_t)m[i] & neg);
        x[i] = (int64_t)((uint64_t)c & DIV_MASK);
        c >>= DIV_BITS;
    }
    x[k - 1] = (int64_t)(c + x[k - 1] + (int64_t)((uint64_t)m[k - 1] & neg));
    /* y = x - m; keep x when that is negative */
    c = 0;
    for (size_t i = 0; i + 1 < k; i++) {
        c += (div_wide)x[i] - m[i];
        y[i] = (int64_t)((uint64_t)c & DIV_MASK);
        c >>= DIV_BITS;
    }
    y[k - 1] = (int64_t)(c + x[k - 1] - m[k - 1]);
    keep = 0 - ((uint64_t)y[k - 1] >> 63);
    for (size_t i = 0; i < k; i++)
        x[i] = (int64_t)(((uint64_t)x[i] & keep) | ((uint64_t)y[i] & ~keep));
}

/* (d, e) = T (d, e) / 2^62 mod m, for d, e in [0, m): a multiple of m
 * clears the low 62 bits of each (m odd, minv = m^-1 mod 2^62), the
 * quotients land in (-m, 2m) (|u| + |v| <= 2^62) and are normalised. */
EC_INLINE void div_update_de(int64_t *d, int64_t *e, const int64_t *m, uint64_t minv, size_t k, const div_matrix *t)
{
    div_wide cd = (div_wide)t->u * d[0] + (div_wide)t->v * e[0];
    div_wide ce = (div_wide)t->q * d[0] + (div_wide)t->r * e[0];
    int64_t md = (int64_t)(((0 - (uint64_t)cd) * minv) & DIV_MASK);
    int64_t me = (int64_t)(((0 - (uint64_t)ce) * minv) & DIV_MASK);
    cd += (div_wide)md * m[0];
    ce += (div_wide)me * m[0];
    cd >>= DIV_BITS;
    ce >>= DIV_BITS;
    for (size_t i = 1; i < k; i++) {
        cd += (div_wide)t->u * d[i] + (div_wide)t->v * e[i] + (div_wide)md * m[i];
        ce += (div_wide)t->q * d[i] + (div_wide)t->r * e[i] + (div_wide)me * m[i];
        d[i - 1] = (int64_t)((uint64_t)cd & DIV_MASK);
        e[i - 1] = (int64_t)((uint64_t)ce & DIV_MASK);
        cd >>= DIV_BITS;
        ce >>= DIV_BITS;
    }
    d[k - 1] = (int64_t)cd;
    e[k - 1] = (int64_t)ce;
    div_normalize(d, m, k);
    div_normalize(e, m, k);
}

EC_INLINE void to_div_limbs(int64_t *out, const ec_limb *a, size_t nlimbs, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        size_t bit = DIV_BITS * i, w = bit / 64, s = bit % 64;
        uint64_t x = w < nlimbs ? a[w] >> s : 0;
        if (s > 64 - DIV_BITS && w + 1 < nlimbs)
            x |= a[w + 1] << (64 - s);
        out[i] = (int64_t)(x & DIV_MASK);
    }
}

EC_INLINE void from_div_limbs(ec_limb *r, const int64_t *x, size_t nlimbs, size_t k)
{
    for (size_t w = 0; w < nlimbs; w++)
        r[w] = 0;
    for (size_t i = 0; i < k; i++) {
        size_t bit = DIV_BITS * i, w = bit / 64, s = bit % 64;
        uint64_t v = (uint64_t)x[i];
        if (w < nlimbs)
            r[w] |= v << s;
        if (s > 64 - DIV_BITS && w + 1 < nlimbs)
            r[w + 1] |= v >> (64 - s);
    }
}

/* r = a^-1 in Montgomery form: the divsteps give y = (a R)^-1 for the
 * stored a R, and two multiplications by R^2 make it y R^2 = a^-1 R.
 * Inlined per size, so the limb loops unroll. */
EC_INLINE void inv_divsteps(const ec_field *f, ec_limb *r, const ec_limb *a, size_t n, size_t batches)
{
    size_t k = (64 * n + DIV_BITS) / DIV_BITS; /* the bits and a sign */
    int64_t m[DIV_LIMBS_MAX], fv[DIV_LIMBS_MAX], g[DIV_LIMBS_MAX], d[DIV_LIMBS_MAX] = { 0 },
        e[DIV_LIMBS_MAX] = { 1 }, delta = 1;
    uint64_t minv = (0 - (uint64_t)f->m0inv) & DIV_MASK, neg;
    div_matrix t;
    ec_fe y;
    to_div_limbs(m, f->m, n, k);
    to_div_limbs(fv, f->m, n, k);
    to_div_limbs(g, a, n, k);
    for (size_t b = 0; b < batches; b++) {
        delta = divsteps_62(delta, (uint64_t)fv[0] | ((uint64_t)fv[1] << DIV_BITS),
                            (uint64_t)g[0] | ((uint64_t)g[1] << DIV_BITS), &t);
        div_update_fg(fv, g, k, &t);
        div_update_de(d, e, m, minv, k, &t);
    }
    /* f = +-1: negate d when f is -1, back into [0, m) */
    neg = 0 - ((uint64_t)fv[k - 1] >> 63);
    {
        div_wide c = 0;
        for (size_t i = 0; i + 1 < k; i++) {
            c += (int64_t)(((uint64_t)d[i] ^ neg) - neg); /* -d[i] or d[i], |d[i]| < 2^62 */
            d[i] = (int64_t)((uint64_t)c & DIV_MASK);
            c >>= DIV_BITS;
        }
        d[k - 1] = (int64_t)(c + (int64_t)(((uint64_t)d[k - 1] ^ neg) - neg));
    }
    div_normalize(d, m, k);
    from_div_limbs(y, d, n, k);
    ec_fe_mul(f, y, y, f->rr);
    ec_fe_mul(f, r, y, f->rr);
    tls13_wipe(fv, sizeof(fv));
    tls13_wipe(g, sizeof(g));
    tls13_wipe(d, sizeof(d));
    tls13_wipe(e, sizeof(e));
    tls13_wipe(&t, sizeof(t));
    tls13_wipe(y, sizeof(y));
    tls13_wipe(&delta, sizeof(delta));
}
#else
/* With 32-bit limbs (no 128-bit products): Fermat's little theorem,
 * a^-1 = a^(m-2). */

static unsigned exponent_bit(const ec_limb *e, size_t i)
{
    return (unsigned)(e[i / EC_LIMB_BITS] >> (i % EC_LIMB_BITS)) & 1;
}

/* One step of an addition chain: x[dst] = x[src]^(2^squarings) x[mul].
 * Slot 0 holds the input a. */
typedef struct chain_step {
    unsigned char dst, src, squarings, mul;
} chain_step;

/* Addition chains for a^(p-2), the exponents written out from the primes
 * (FIPS 186-5 / SP 800-186 section 3.2.1.3-4); x_k below is a^(2^k - 1).
 *
 * P-256: p - 2 = 2^256 - 2^224 + 2^192 + 2^96 - 3, in bits from the top:
 * 32 ones, 31 zeros, a one, 96 zeros, 94 ones, 0, 1. From x32, 30 and 1:
 * 255 squarings and 13 multiplications (sliding windows: about 50). */
static const chain_step p256_p_chain[] = {
    { 1, 0, 1, 0 },    /* x2 */
    { 2, 1, 2, 1 },    /* x4 */
    { 3, 2, 4, 2 },    /* x8 */
    { 4, 3, 8, 3 },    /* x16 */
    { 5, 4, 8, 3 },    /* x24 */
    { 6, 5, 4, 2 },    /* x28 */
    { 7, 6, 2, 1 },    /* x30 */
    { 8, 7, 2, 1 },    /* x32: bits 255..224 */
    { 9, 8, 32, 0 },   /* bit 192 */
    { 9, 9, 128, 8 },  /* bits 95..64 */
    { 9, 9, 32, 8 },   /* bits 63..32 */
    { 9, 9, 30, 7 },   /* bits 31..2 */
    { 9, 9, 2, 0 },    /* bit 0 */
};

/* P-384: p - 2 = 2^384 - 2^128 - 2^96 + 2^32 - 3, in bits from the top:
 * 255 ones, 0, 32 ones, 64 zeros, 30 ones, 0, 1. From x255, x32, x30 and
 * 1: 385 squarings and 14 multiplications (sliding windows: about 75). */
static const chain_step p384_p_chain[] = {
    { 1, 0, 1, 0 },     /* x2 */
    { 2, 1, 1, 0 },     /* x3 */
    { 3, 2, 3, 2 },     /* x6 */
    { 4, 3, 6, 3 },     /* x12 */
    { 5, 4, 3, 2 },     /* x15 */
    { 6, 5, 15, 5 },    /* x30 */
    { 7, 6, 2, 1 },     /* x32 */
    { 8, 6, 30, 6 },    /* x60 */
    { 9, 8, 60, 8 },    /* x120 */
    { 10, 9, 120, 9 },  /* x240 */
    { 11, 10, 15, 5 },  /* x255: bits 383..129 */
    { 11, 11, 33, 7 },  /* bits 127..96 */
    { 11, 11, 94, 6 },  /* bits 31..2 */
    { 11, 11, 2, 0 },   /* bit 0 */
};

enum { CHAIN_SLOTS = 12 };

/* Inlined per prime with a constant id, so the field operations inline
 * too (and their path check is made once). */
EC_INLINE void inv_chain(ec_modulus_id id, ec_limb *r, const ec_limb *a, const chain_step *steps, size_t nsteps)
{
    ec_fe x[CHAIN_SLOTS];
    size_t n = id == EC_MOD_P256_P ? EC_LIMBS(256) : EC_LIMBS(384);
    for (size_t j = 0; j < n; j++)
        x[0][j] = a[j];
    for (size_t i = 0; i < nsteps; i++) {
        const chain_step *s = &steps[i];
        fe_sqr_id(id, x[s->dst], x[s->src]);
        for (unsigned k = 1; k < s->squarings; k++)
            fe_sqr_id(id, x[s->dst], x[s->dst]);
        fe_mul_id(id, x[s->dst], x[s->dst], x[s->mul]);
    }
    for (size_t j = 0; j < n; j++)
        r[j] = x[steps[nsteps - 1].dst][j];
    tls13_wipe(x, sizeof(x));
}

/* a^(m-2) by sliding windows of up to 5 bits over the exponent, most
 * significant first (HAC algorithm 14.85): a table of the odd powers
 * a^1, a^3, ..., a^31, then one squaring per exponent bit and one
 * multiplication per window. m - 2 is public, so the windows the loop takes
 * depend on the modulus only, never on a; each window starts and ends with a
 * 1 bit, which skips zero runs and needs about bits/6 multiplications
 * instead of bits/4 for fixed windows. Used for the orders n, whose bits
 * have no structure for a short addition chain. */
static void inv_windows(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    enum { WINDOW = 5 };
    ec_fe odd[1 << (WINDOW - 1)], a2, acc, e = { 0 };
    size_t i = f->nlimbs * EC_LIMB_BITS;
    ec_fe_copy(f, e, f->m);
    e[0] -= 2; /* m is odd and > 2: no borrow */
    ec_fe_copy(f, odd[0], a);
    ec_fe_sqr(f, a2, a);
    for (size_t k = 1; k < (size_t)1 << (WINDOW - 1); k++)
        ec_fe_mul(f, odd[k], odd[k - 1], a2);
    ec_fe_copy(f, acc, f->one);
    while (i > 0) {
        size_t low, top = i - 1;
        unsigned value = 0;
        if (!exponent_bit(e, top)) {
            ec_fe_sqr(f, acc, acc);
            i--;
            continue;
        }
        low = top + 1 >= WINDOW ? top + 1 - WINDOW : 0;
        while (!exponent_bit(e, low))
            low++;
        for (size_t j = top + 1; j-- > low;) {
            ec_fe_sqr(f, acc, acc);
            value = (value << 1) | exponent_bit(e, j);
        }
        ec_fe_mul(f, acc, acc, odd[value >> 1]);
        i = low;
    }
    ec_fe_copy(f, r, acc);
    tls13_wipe(odd, sizeof(odd));
    tls13_wipe(a2, sizeof(a2));
    tls13_wipe(acc, sizeof(acc));
}
#endif

/* Constant time either way: the divsteps run a fixed number of batches, and
 * the exponent m - 2 is public (the Fermat steps depend on the modulus
 * only, never on a). */
void ec_fe_inv(const ec_field *f, ec_limb *r, const ec_limb *a)
{
#if EC_LIMB_BITS == 64
    if (f->nlimbs == EC_LIMBS(256))
        inv_divsteps(f, r, a, EC_LIMBS(256), 12);
    else
        inv_divsteps(f, r, a, EC_LIMBS(384), 18);
#else
    switch (f->id) {
    case EC_MOD_P256_P:
        inv_chain(EC_MOD_P256_P, r, a, p256_p_chain, sizeof(p256_p_chain) / sizeof(p256_p_chain[0]));
        break;
    case EC_MOD_P384_P:
        inv_chain(EC_MOD_P384_P, r, a, p384_p_chain, sizeof(p384_p_chain) / sizeof(p384_p_chain[0]));
        break;
    default: inv_windows(f, r, a); break;
    }
#endif
}

ec_limb ec_fe_is_zero(const ec_field *f, const ec_limb *a)
{
    ec_limb x = 0;
    for (size_t j = 0; j < f->nlimbs; j++)
        x |= a[j];
    return (ec_limb)(((x | ((ec_limb)0 - x)) >> (EC_LIMB_BITS - 1)) - 1);
}

ec_limb ec_fe_equal(const ec_field *f, const ec_limb *a, const ec_limb *b)
{
    ec_limb x = 0;
    for (size_t j = 0; j < f->nlimbs; j++)
        x |= a[j] ^ b[j];
    return (ec_limb)(((x | ((ec_limb)0 - x)) >> (EC_LIMB_BITS - 1)) - 1);
}

ec_limb ec_fe_lt_modulus(const ec_field *f, const ec_limb *a)
{
    ec_limb borrow = 0;
    for (size_t j = 0; j < f->nlimbs; j++) {
        ec_dlimb x = (ec_dlimb)a[j] - f->m[j] - borrow;
        borrow = (ec_limb)(x >> EC_LIMB_BITS) & 1;
    }
    return (ec_limb)0 - borrow;
}

/* The scalar multiplications' table scans call these for every entry: a
 * constant limb count per case lets the compiler unroll the loop. */
EC_INLINE void cmov_n(ec_limb *r, const ec_limb *a, ec_limb mask, size_t n)
{
    EC_UNROLL
    for (size_t j = 0; j < n; j++)
        r[j] ^= mask & (r[j] ^ a[j]);
}

EC_INLINE void copy_n(ec_limb *r, const ec_limb *a, size_t n)
{
    EC_UNROLL
    for (size_t j = 0; j < n; j++)
        r[j] = a[j];
}

void ec_fe_cmov(const ec_field *f, ec_limb *r, const ec_limb *a, ec_limb mask)
{
    if (f->nlimbs == EC_LIMBS(256))
        cmov_n(r, a, mask, EC_LIMBS(256));
    else
        cmov_n(r, a, mask, EC_LIMBS(384));
}

void ec_fe_copy(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    if (f->nlimbs == EC_LIMBS(256))
        copy_n(r, a, EC_LIMBS(256));
    else
        copy_n(r, a, EC_LIMBS(384));
}

void ec_fe_reduce_once(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    EC_DISPATCH(f->id, sub_if_ge, r, a, 0)
}

void ec_fe_from_bytes(const ec_field *f, ec_limb *r, const uint8_t *in)
{
    for (size_t j = 0; j < f->nlimbs; j++)
        r[j] = 0;
    for (size_t i = 0; i < f->nbytes; i++) {
        size_t bit = 8 * (f->nbytes - 1 - i);
        r[bit / EC_LIMB_BITS] |= (ec_limb)in[i] << (bit % EC_LIMB_BITS);
    }
}

void ec_fe_to_bytes(const ec_field *f, uint8_t *out, const ec_limb *a)
{
    for (size_t i = 0; i < f->nbytes; i++) {
        size_t bit = 8 * (f->nbytes - 1 - i);
        out[i] = (uint8_t)(a[bit / EC_LIMB_BITS] >> (bit % EC_LIMB_BITS));
    }
}
