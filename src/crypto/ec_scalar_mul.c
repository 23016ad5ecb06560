/*
 * Scalar multiplication with signed 5-bit windows (Booth recoding): digit i
 * of k is d_i = k[5i .. 5i+4] + k[5i-1] - 32 * k[5i+4], in -16 .. 16, and
 * k = sum d_i 2^(5i). Signed digits halve the table (only 1..16 times a point
 * are needed; negation is free on a Weierstrass curve).
 *
 * Secret scalars (ECDH, key generation, signing): every window does the same
 * operations, each table read scans all 16 entries with masks, negation and
 * zero digits are applied with masks. Public scalars (verification) index
 * the tables directly and skip zero digits.
 */
#include "ec_point.h"

#include "../base/mem.h"

/* All-ones when a == b. */
static ec_limb eq_mask(ec_limb a, ec_limb b)
{
    ec_limb x = a ^ b;
    return (ec_limb)(((x | ((ec_limb)0 - x)) >> (EC_LIMB_BITS - 1)) - 1);
}

/* |d_i| (0..16) and a mask that is all-ones when d_i is negative. Reads bits
 * 5i-1 .. 5i+4; which bits is public, their values are not. */
static void booth_digit(const ec_limb *k, size_t bits, size_t i, ec_limb *abs, ec_limb *neg)
{
    ec_limb v = 0, u, m;
    for (size_t j = 0; j < EC_WINDOW_BITS + 1; j++) {
        size_t pos = EC_WINDOW_BITS * i + j; /* bit pos - 1 of k */
        if (pos >= 1 && pos - 1 < bits)
            v |= ((k[(pos - 1) / EC_LIMB_BITS] >> ((pos - 1) % EC_LIMB_BITS)) & 1) << j;
    }
    u = (v >> 1) + (v & 1);
    m = (ec_limb)0 - (v >> EC_WINDOW_BITS);
    *abs = ((2 * EC_WINDOW_ENTRIES - u) & m) | (u & ~m);
    *neg = m;
}

/* r = table[idx - 1], or infinity for idx 0, reading every entry. */
static void lookup_point(const ec_curve *c, ec_point *r, const ec_point *table, ec_limb idx)
{
    ec_point_set_infinity(c, r);
    for (size_t j = 1; j <= EC_WINDOW_ENTRIES; j++)
        ec_point_cmov(c, r, &table[j - 1], eq_mask((ec_limb)j, idx));
}

static void cond_negate(const ec_field *f, ec_limb *y, ec_limb mask)
{
    ec_fe ny;
    ec_fe_neg(f, ny, y);
    ec_fe_cmov(f, y, ny, mask);
}

static void variable_base(const ec_curve *c, ec_point *r, const ec_limb *k, const ec_point *a, int secret)
{
    ec_point table[EC_WINDOW_ENTRIES], acc, t;
    ec_limb abs, neg;
    size_t i = EC_WINDOWS(c->bits);

    table[0] = *a;
    ec_point_double(c, &table[1], a);
    for (size_t j = 2; j < EC_WINDOW_ENTRIES; j++)
        ec_point_add(c, &table[j], &table[j - 1], a);

    ec_point_set_infinity(c, &acc);
    while (i-- > 0) {
        if (i + 1 < EC_WINDOWS(c->bits))
            for (int d = 0; d < EC_WINDOW_BITS; d++)
                ec_point_double(c, &acc, &acc);
        booth_digit(k, c->bits, i, &abs, &neg);
        if (secret) {
            lookup_point(c, &t, table, abs);
            cond_negate(c->p, t.y, neg);
            ec_point_add(c, &acc, &acc, &t);
        } else if (abs != 0) {
            if (neg)
                ec_point_neg(c, &t, &table[abs - 1]);
            else
                t = table[abs - 1];
            ec_point_add(c, &acc, &acc, &t);
        }
    }
    *r = acc;
    tls13_wipe(&acc, sizeof(acc));
    tls13_wipe(&t, sizeof(t));
    tls13_wipe(&abs, sizeof(abs));
    tls13_wipe(&neg, sizeof(neg));
    if (secret)
        tls13_wipe(table, sizeof(table));
}

/* Sum over the windows of d_i * (2^(5i) G) from the fixed-base table: no
 * doublings at all, one mixed addition per window. */
static void fixed_base(const ec_curve *c, ec_point *r, const ec_limb *k, int secret)
{
    const ec_field *f = c->p;
    const ec_limb *table = ec_base_table(c);
    size_t L = f->nlimbs;
    ec_point acc, t;
    ec_affine e;
    ec_limb abs, neg;

    ec_point_set_infinity(c, &acc);
    for (size_t i = 0; i < EC_WINDOWS(c->bits); i++) {
        const ec_limb *window = table + i * EC_WINDOW_ENTRIES * 2 * L;
        booth_digit(k, c->bits, i, &abs, &neg);
        if (secret) {
            for (size_t j = 0; j < L; j++)
                e.x[j] = e.y[j] = 0;
            for (size_t j = 1; j <= EC_WINDOW_ENTRIES; j++) {
                ec_limb m = eq_mask((ec_limb)j, abs);
                ec_fe_cmov(f, e.x, window + (j - 1) * 2 * L, m);
                ec_fe_cmov(f, e.y, window + (j - 1) * 2 * L + L, m);
            }
            cond_negate(f, e.y, neg);
            /* For a zero digit e is not a point: the sum is computed and
             * then discarded by the mask, so the work does not depend on it. */
            ec_point_add_affine(c, &t, &acc, &e);
            ec_point_cmov(c, &acc, &t, ~eq_mask(abs, 0));
        } else if (abs != 0) {
            ec_fe_copy(f, e.x, window + (abs - 1) * 2 * L);
            ec_fe_copy(f, e.y, window + (abs - 1) * 2 * L + L);
            if (neg)
                ec_fe_neg(f, e.y, e.y);
            ec_point_add_affine(c, &acc, &acc, &e);
        }
    }
    *r = acc;
    tls13_wipe(&acc, sizeof(acc));
    tls13_wipe(&t, sizeof(t));
    tls13_wipe(&e, sizeof(e));
    tls13_wipe(&abs, sizeof(abs));
    tls13_wipe(&neg, sizeof(neg));
}

void ec_scalar_mul(const ec_curve *c, ec_point *r, const ec_limb *k, const ec_point *a)
{
    variable_base(c, r, k, a, 1);
}

void ec_scalar_mul_base(const ec_curve *c, ec_point *r, const ec_limb *k)
{
    fixed_base(c, r, k, 1);
}

void ec_double_scalar_mul_public(const ec_curve *c, ec_point *r, const ec_limb *u1, const ec_limb *u2,
                                 const ec_point *a)
{
    ec_point p1, p2;
    fixed_base(c, &p1, u1, 0);
    variable_base(c, &p2, u2, a, 0);
    ec_point_add(c, r, &p1, &p2);
}
