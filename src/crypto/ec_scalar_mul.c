/*
 * Scalar multiplication on P-256 and P-384.
 *
 * Signed w-bit windows (Booth recoding): digit i of k is
 * d_i = k[wi .. wi+w-1] + k[wi-1] - 2^w k[wi+w-1], in -2^(w-1) .. 2^(w-1),
 * and k = sum d_i 2^(wi). Signed digits halve the tables (only 1..2^(w-1)
 * times a point are stored; negation is free on a Weierstrass curve).
 * Variable base: w = 5, a table of 1P..16P, five doublings and one addition
 * per window. Fixed base (G): w = EC_BASE_BITS, the tables of
 * ec_base_table.c, one mixed addition per window and no doubling.
 *
 * Secret scalars (ECDH, key generation, signing): every window does the same
 * operations, each table read scans all entries with masks, and negation
 * and zero digits are applied with masks. Every addition is complete
 * (ec_point.h): whatever the accumulator holds (infinity in the top windows
 * while the digits so far are zero, or the very entry it gets) the sum is
 * right, with no special case to prove absent or to hide. The variable-base
 * loop keeps its sum projective: each window doubles it five times, from
 * projective into Jacobian coordinates and then within them (no input of
 * these prime-order curves makes a doubling exceptional), and adds a
 * projective table entry (a zero digit's entry is infinity). The
 * fixed-base loop adds affine entries to a projective sum, and a zero
 * digit's sum, whose entry is no point, is discarded by mask.
 *
 * Public scalars (verification) index the fixed-base tables directly and
 * skip zero digits; the wNAF loop for the other point uses the Jacobian
 * additions that branch on their exceptional cases.
 */
#include "ec_point.h"

#include <string.h>

#include "../base/mem.h"

#define VAR_BITS 5
#define VAR_ENTRIES (1 << (VAR_BITS - 1))
/* Limbs of a variable-base table entry: projective x, y, z. */
#define PROJ_LIMBS(L) (3 * (L))
/* Width of the wNAF of verification's u2: 8 odd multiples 1a, 3a, .., 15a. */
#define WNAF_BITS 5

#if defined(__GNUC__) || defined(__clang__)
#define SCAN_UNROLL _Pragma("GCC unroll 36")
#else
#define SCAN_UNROLL
#endif

/* All-ones when a == b. */
static ec_limb eq_mask(ec_limb a, ec_limb b)
{
    ec_limb x = a ^ b;
    return (ec_limb)(((x | ((ec_limb)0 - x)) >> (EC_LIMB_BITS - 1)) - 1);
}

/* |d_i| (0 .. 2^(w-1)) of the w-bit Booth digit i and a mask that is
 * all-ones when d_i is negative. Reads bits wi-1 .. wi+w-1 of the
 * bits-bit scalar k; which bits is public, their values are not. */
static void booth_digit(const ec_limb *k, size_t bits, unsigned w, size_t i, ec_limb *abs, ec_limb *neg)
{
    ec_limb v = 0, u, m;
    for (size_t j = 0; j <= w; j++) {
        size_t pos = w * i + j; /* bit pos - 1 of k */
        if (pos >= 1 && pos - 1 < bits)
            v |= ((k[(pos - 1) / EC_LIMB_BITS] >> ((pos - 1) % EC_LIMB_BITS)) & 1) << j;
    }
    u = (v >> 1) + (v & 1);
    m = (ec_limb)0 - (v >> w);
    *abs = ((((ec_limb)1 << w) - u) & m) | (u & ~m);
    *neg = m;
}

static void cond_negate(const ec_field *f, ec_limb *y, ec_limb mask)
{
    ec_fe ny;
    ec_fe_neg(f, ny, y);
    ec_fe_cmov(f, y, ny, mask);
}

/* out = the `limbs` limbs of entry idx - 1 of a table of `entries`
 * consecutive entries, or zeros for idx 0, reading every entry. */
static inline void select_entry_n(ec_limb *out, const ec_limb *table, size_t entries, size_t limbs, ec_limb idx)
{
    /* A local accumulator, which the compiler keeps in registers for the
     * constant sizes below (out might alias the table as far as it knows,
     * which would force a store per limb and entry; wiping acc would force
     * it into memory). The caller wipes out. */
    ec_limb acc[PROJ_LIMBS(EC_MAX_LIMBS)] = { 0 };
    for (size_t j = 0; j < entries; j++) {
        ec_limb m = eq_mask((ec_limb)(j + 1), idx);
        SCAN_UNROLL
        for (size_t l = 0; l < limbs; l++)
            acc[l] |= m & table[j * limbs + l];
    }
    for (size_t l = 0; l < limbs; l++)
        out[l] = acc[l];
}

/* The scan is a large part of a window's time: with the entry size a
 * constant the compiler unrolls and vectorises it (affine entries of the
 * fixed-base tables, projective ones of the variable-base table; P-256's
 * projective entry and P-384's affine one are the same size). */
static void select_entry(ec_limb *out, const ec_limb *table, size_t entries, size_t limbs, ec_limb idx)
{
    switch (limbs) {
    case 2 * EC_LIMBS(256): select_entry_n(out, table, entries, 2 * EC_LIMBS(256), idx); break;
    case 2 * EC_LIMBS(384): select_entry_n(out, table, entries, 2 * EC_LIMBS(384), idx); break;
    case PROJ_LIMBS(EC_LIMBS(384)): select_entry_n(out, table, entries, PROJ_LIMBS(EC_LIMBS(384)), idx); break;
    default: select_entry_n(out, table, entries, limbs, idx); break;
    }
}

/* The 16 points 1a .. 16a in projective form, x, y, z of nlimbs limbs
 * each. 2a comes from a co-Z doubling, which also gives a on 2a's Z; then
 * each (j + 1) a = a + j a is a co-Z addition (Meloni 2007), which leaves a
 * on the new Z for the next one: one doubling and fourteen additions of
 * 5M + 2S, instead of eight doublings and seven general additions. The
 * co-Z addition is not complete, but never exceptional here: j a != +-a for
 * 2 <= j <= 15 (j != +-1 mod n). */
static void variable_table(const ec_curve *c, const ec_point_ops *ops, ec_limb *table, const ec_point *a)
{
    size_t L = c->p->nlimbs;
    ec_point mult, base;
    ec_proj entry;
    for (size_t j = 0; j < VAR_ENTRIES; j++) {
        if (j == 1) /* 2a */
            ops->dbl_co_z(&mult, &base, a);
        else if (j > 1) /* (j + 1) a = a + j a */
            ops->add_co_z(&mult, &base, &base, &mult);
        ec_point_to_proj(c, &entry, j == 0 ? a : &mult);
        ec_fe_copy(c->p, table + PROJ_LIMBS(L) * j, entry.x);
        ec_fe_copy(c->p, table + PROJ_LIMBS(L) * j + L, entry.y);
        ec_fe_copy(c->p, table + PROJ_LIMBS(L) * j + 2 * L, entry.z);
    }
    tls13_wipe(&mult, sizeof(mult));
    tls13_wipe(&base, sizeof(base));
    tls13_wipe(&entry, sizeof(entry));
}

void ec_scalar_mul(const ec_curve *c, ec_point *r, const ec_limb *k, const ec_point *a)
{
    const ec_field *f = c->p;
    const ec_point_ops *ops = ec_point_ops_for(c);
    size_t L = f->nlimbs;
    ec_limb table[VAR_ENTRIES * PROJ_LIMBS(EC_MAX_LIMBS)], sel[PROJ_LIMBS(EC_MAX_LIMBS)];
    ec_point dbl;
    ec_proj acc, entry;
    ec_limb abs, neg;
    size_t i = EC_BOOTH_WINDOWS(c->bits, VAR_BITS);

    variable_table(c, ops, table, a);
    while (i-- > 0) {
        booth_digit(k, c->bits, VAR_BITS, i, &abs, &neg);
        select_entry(sel, table, VAR_ENTRIES, PROJ_LIMBS(L), abs);
        ec_fe_copy(f, entry.x, sel);
        ec_fe_copy(f, entry.y, sel + L);
        ec_fe_copy(f, entry.z, sel + 2 * L);
        ec_fe_cmov(f, entry.y, f->one, eq_mask(abs, 0)); /* 0 a: infinity (0:1:0) */
        cond_negate(f, entry.y, neg);
        if (i + 1 == EC_BOOTH_WINDOWS(c->bits, VAR_BITS)) {
            acc = entry; /* the top window: the sum so far is infinity */
            continue;
        }
        /* acc = 2^5 acc + entry: the first doubling takes the projective
         * sum, the others stay Jacobian, the sum is projective again */
        ops->dbl_proj(&dbl, &acc);
        for (int d = 1; d < VAR_BITS; d++)
            ops->dbl(&dbl, &dbl);
        ops->add_complete(&acc, &dbl, &entry, c->b);
    }
    ec_proj_to_point(c, r, &acc);
    tls13_wipe(table, sizeof(table));
    tls13_wipe(sel, sizeof(sel));
    tls13_wipe(&dbl, sizeof(dbl));
    tls13_wipe(&acc, sizeof(acc));
    tls13_wipe(&entry, sizeof(entry));
    tls13_wipe(&abs, sizeof(abs));
    tls13_wipe(&neg, sizeof(neg));
}

/* Sum over the windows, top first, of d_i * (2^(wi) G) from the fixed-base
 * table: no doublings, one complete mixed addition per window, each
 * window's entries all scanned. */
void ec_scalar_mul_base(const ec_curve *c, ec_point *r, const ec_limb *k)
{
    const ec_field *f = c->p;
    const ec_limb *table = ec_base_table(c);
    const ec_point_ops *ops = ec_point_ops_for(c);
    size_t L = f->nlimbs, i = EC_BASE_WINDOWS(c->bits);
    /* Sized for select_entry's widest case, not just 2 L: with the scan
     * inlined, gcc 12 checks every case of its switch against this array
     * (-Warray-bounds) though only 2 L is reached. */
    ec_limb sel[PROJ_LIMBS(EC_MAX_LIMBS)];
    ec_proj acc, sum;
    ec_affine e;
    ec_limb abs, neg, keep;

    memset(&acc, 0, sizeof(acc));
    ec_fe_copy(f, acc.y, f->one); /* infinity */
    while (i-- > 0) {
        booth_digit(k, c->bits, EC_BASE_BITS, i, &abs, &neg);
        select_entry(sel, table + i * EC_BASE_ENTRIES * 2 * L, EC_BASE_ENTRIES, 2 * L, abs);
        ec_fe_copy(f, e.x, sel);
        ec_fe_copy(f, e.y, sel + L);
        cond_negate(f, e.y, neg);
        ops->add_complete_affine(&sum, &acc, &e, c->b);
        /* For a zero digit e is zeros, no point: the sum is computed and
         * then discarded, so the work does not depend on the digit. */
        keep = ~eq_mask(abs, 0);
        ec_fe_cmov(f, acc.x, sum.x, keep);
        ec_fe_cmov(f, acc.y, sum.y, keep);
        ec_fe_cmov(f, acc.z, sum.z, keep);
    }
    ec_proj_to_point(c, r, &acc);
    tls13_wipe(sel, sizeof(sel));
    tls13_wipe(&acc, sizeof(acc));
    tls13_wipe(&sum, sizeof(sum));
    tls13_wipe(&e, sizeof(e));
    tls13_wipe(&abs, sizeof(abs));
    tls13_wipe(&neg, sizeof(neg));
    tls13_wipe(&keep, sizeof(keep));
}

/* The same sum for a public u: entries indexed, zero digits skipped, the
 * Jacobian mixed addition that branches on its exceptional cases. */
static void fixed_base_public(const ec_curve *c, ec_point *r, const ec_limb *u)
{
    const ec_limb *table = ec_base_table(c);
    size_t L = c->p->nlimbs, i = EC_BASE_WINDOWS(c->bits);
    ec_affine e;
    ec_limb abs, neg;
    ec_point_set_infinity(c, r);
    while (i-- > 0) {
        booth_digit(u, c->bits, EC_BASE_BITS, i, &abs, &neg);
        if (abs == 0)
            continue;
        ec_fe_copy(c->p, e.x, table + (i * EC_BASE_ENTRIES + abs - 1) * 2 * L);
        ec_fe_copy(c->p, e.y, table + (i * EC_BASE_ENTRIES + abs - 1) * 2 * L + L);
        if (neg)
            ec_fe_neg(c->p, e.y, e.y);
        ec_point_add_affine_public(c, r, r, &e);
    }
}

/* The width-w non-adjacent form of a public u < 2^bits (Hankerson, Menezes,
 * Vanstone, "Guide to elliptic curve cryptography", algorithm 3.35): digits
 * zero or odd in -(2^(w-1)-1) .. 2^(w-1)-1, any w consecutive digits hold at
 * most one nonzero one, sum naf[i] 2^i = u. Returns the digit count (at
 * most bits + 1). Variable time. */
static size_t wnaf(int8_t *naf, const ec_limb *u, size_t nlimbs)
{
    ec_limb k[EC_MAX_LIMBS + 1];
    size_t len = 0, top = nlimbs + 1;
    for (size_t j = 0; j < nlimbs; j++)
        k[j] = u[j];
    k[nlimbs] = 0;
    for (;;) {
        ec_limb any = 0;
        int d = 0;
        for (size_t j = 0; j < top; j++)
            any |= k[j];
        if (!any)
            break;
        if (k[0] & 1) {
            /* d = k mods 2^w */
            d = (int)(k[0] & ((1u << WNAF_BITS) - 1));
            if (d >= 1 << (WNAF_BITS - 1))
                d -= 1 << WNAF_BITS;
            /* k -= d: clears the low w bits. */
            if (d > 0) {
                ec_limb borrow = (ec_limb)d;
                for (size_t j = 0; j < top && borrow; j++) {
                    ec_limb old = k[j];
                    k[j] = old - borrow;
                    borrow = old < borrow;
                }
            } else {
                ec_limb carry = (ec_limb)-d;
                for (size_t j = 0; j < top && carry; j++) {
                    k[j] += carry;
                    carry = k[j] < carry;
                }
            }
        }
        naf[len++] = (int8_t)d;
        for (size_t j = 0; j < top; j++)
            k[j] = (k[j] >> 1) | (j + 1 < top ? k[j + 1] << (EC_LIMB_BITS - 1) : 0);
    }
    return len;
}

void ec_double_scalar_mul_public(const ec_curve *c, ec_point *r, const ec_limb *u1, const ec_limb *u2,
                                 const ec_point *a)
{
    ec_point odd[1 << (WNAF_BITS - 2)], a2, acc, t;
    int8_t naf[EC_MAX_BITS + 1];
    size_t len = wnaf(naf, u2, c->n->nlimbs);

    /* odd[j] = (2j + 1) a */
    odd[0] = *a;
    ec_point_double(c, &a2, a);
    for (size_t j = 1; j < sizeof(odd) / sizeof(odd[0]); j++)
        ec_point_add_public(c, &odd[j], &odd[j - 1], &a2);
    /* u2 a by Horner's rule over the wNAF of u2; u1 G from the fixed-base
     * table, added once at the end. */
    fixed_base_public(c, &acc, u1);
    ec_point_set_infinity(c, &t);
    for (size_t i = len; i-- > 0;) {
        ec_point_double(c, &t, &t);
        if (naf[i] > 0) {
            ec_point_add_public(c, &t, &t, &odd[naf[i] / 2]);
        } else if (naf[i] < 0) {
            ec_point neg;
            ec_point_neg(c, &neg, &odd[-naf[i] / 2]);
            ec_point_add_public(c, &t, &t, &neg);
        }
    }
    ec_point_add_public(c, r, &acc, &t);
}
