/*
 * Scalar multiplication on P-256 and P-384 in Jacobian coordinates.
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
 * operations, each table read scans all entries with masks, and negation,
 * zero digits and the infinite start are applied with masks.
 *
 * Why the incomplete Jacobian additions are safe there. First k is replaced
 * by k' = n - k when k > (n-1)/2 (a masked select; the result is negated
 * back at the end, as (n - k) P = -(k P)), so 0 < k' <= (n-1)/2. Both loops
 * take the windows from the most significant down. Let T = sum_{j > i}
 * d_j 2^(wj), the part of k' already taken when window i comes. The Booth
 * prefix identity gives T = k' - S with S = sum_{j <= i} d_j 2^(wj) =
 * (k' mod 2^(w(i+1))) - k'[w(i+1)-1] 2^(w(i+1)), so -2^(w(i+1)-1) <= S <= k'
 * and T = 2^(w(i+1)) K for an integer K with 0 <= K <= k' / 2^(w(i+1)) + 1/2.
 * Window i adds d_i A to (2^w K) A, with A = P in the variable-base loop
 * (its accumulator held K P and has just been doubled w times) and
 * A = 2^(wi) G in the fixed-base loop (its accumulator holds T G, the table
 * entry is d_i 2^(wi) G). n is prime and A is not infinity, so the addition
 * is exceptional only when 2^w K = +-d_i (mod n) or an input
 * is infinity. For K >= 1 and d_i != 0:
 *     0 < 2^w - 2^(w-1) <= 2^w K - |d_i| and
 *     2^w K + |d_i| <= k' / 2^(wi) + 2^(w-1) + 2^(w-1) <= (n-1)/2 + 2^w < n,
 * so 2^w K -+ d_i is never 0 mod n: the inputs are neither equal nor
 * opposite. The remaining cases are K = 0 (the accumulator is infinity: the
 * sum is the table point, selected by mask) and d_i = 0 (the sum is the
 * accumulator, kept by mask). The table 1P..16P is built with one
 * doubling and the co-Z additions P + jP for 2 <= j <= 15, never
 * exceptional as j != +-1 mod n. The top window's sum is the entry itself
 * (the accumulator is infinity there).
 *
 * Public scalars (verification) index the tables directly, skip zero
 * digits and use the additions that branch on their exceptional cases.
 */
#include "ec_point.h"

#include "../base/mem.h"

#define VAR_BITS 5
#define VAR_ENTRIES (1 << (VAR_BITS - 1))
/* Limbs of a variable-base table entry: x, y, z, z^2, z^3 (ec_point_add_zz). */
#define ZZ_LIMBS(L) EC_ZZ_LIMBS(L)
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

/* kp = n - k when k > (n-1)/2, else k, for 0 < k < n; returns all-ones in
 * the first case. n - k < k exactly when that subtraction n - k - k borrows. */
static ec_limb halve_scalar(const ec_curve *c, ec_limb *kp, const ec_limb *k)
{
    const ec_field *n = c->n;
    ec_fe t;
    ec_limb borrow = 0, flip, cmp = 0;
    for (size_t j = 0; j < n->nlimbs; j++) {
        ec_dlimb x = (ec_dlimb)n->m[j] - k[j] - borrow;
        t[j] = (ec_limb)x;
        borrow = (ec_limb)(x >> EC_LIMB_BITS) & 1;
    }
    for (size_t j = 0; j < n->nlimbs; j++) {
        ec_dlimb x = (ec_dlimb)t[j] - k[j] - cmp;
        cmp = (ec_limb)(x >> EC_LIMB_BITS) & 1;
    }
    flip = (ec_limb)0 - cmp;
    ec_fe_copy(n, kp, k);
    ec_fe_cmov(n, kp, t, flip);
    tls13_wipe(t, sizeof(t));
    return flip;
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
    ec_limb acc[ZZ_LIMBS(EC_MAX_LIMBS)] = { 0 };
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
 * fixed-base tables, x, y, z, z^2, z^3 entries of the variable-base one). */
static void select_entry(ec_limb *out, const ec_limb *table, size_t entries, size_t limbs, ec_limb idx)
{
    switch (limbs) {
    case 2 * EC_LIMBS(256): select_entry_n(out, table, entries, 2 * EC_LIMBS(256), idx); break;
    case 2 * EC_LIMBS(384): select_entry_n(out, table, entries, 2 * EC_LIMBS(384), idx); break;
    case ZZ_LIMBS(EC_LIMBS(256)): select_entry_n(out, table, entries, ZZ_LIMBS(EC_LIMBS(256)), idx); break;
    case ZZ_LIMBS(EC_LIMBS(384)): select_entry_n(out, table, entries, ZZ_LIMBS(EC_LIMBS(384)), idx); break;
    default: select_entry_n(out, table, entries, limbs, idx); break;
    }
}

/* The 16 Jacobian points 1a .. 16a with their Z^2 and Z^3, each packed as
 * ec_point_add_zz takes them (x, y, z, z^2, z^3 of nlimbs limbs). 2a comes
 * from a co-Z doubling, which also gives a on 2a's Z; then each
 * (j + 1) a = a + j a is a co-Z addition (Meloni 2007), which leaves a on
 * the new Z for the next one: one doubling and fourteen additions of
 * 5M + 2S, instead of eight doublings and seven general additions (12M + 4S).
 * Never exceptional: j a != +-a for 2 <= j <= 15 (j != +-1 mod n). */
static void variable_table(const ec_curve *c, const ec_point_ops *ops, ec_limb *table, const ec_point *a)
{
    size_t L = c->p->nlimbs;
    ec_point mult, base;
    ec_point_pack_zz(c, table, a);
    ops->dbl_co_z(&mult, &base, a);
    for (size_t j = 1; j < VAR_ENTRIES; j++) {
        if (j > 1) /* (j + 1) a = a + j a */
            ops->add_co_z(&mult, &base, &base, &mult);
        ec_point_pack_zz(c, table + ZZ_LIMBS(L) * j, &mult);
    }
    tls13_wipe(&mult, sizeof(mult));
    tls13_wipe(&base, sizeof(base));
}

void ec_scalar_mul(const ec_curve *c, ec_point *r, const ec_limb *k, const ec_point *a)
{
    const ec_field *f = c->p;
    const ec_point_ops *ops = ec_point_ops_for(c);
    size_t L = f->nlimbs;
    ec_limb table[VAR_ENTRIES * ZZ_LIMBS(EC_MAX_LIMBS)], sel[ZZ_LIMBS(EC_MAX_LIMBS)];
    ec_fe kp;
    ec_point acc, sum;
    ec_limb abs, neg, flip, inf;
    size_t i = EC_BOOTH_WINDOWS(c->bits, VAR_BITS);

    flip = halve_scalar(c, kp, k);
    variable_table(c, ops, table, a);
    ec_point_set_infinity(c, &acc);
    while (i-- > 0) {
        if (i + 1 < EC_BOOTH_WINDOWS(c->bits, VAR_BITS))
            for (int d = 0; d < VAR_BITS; d++)
                ops->dbl(&acc, &acc);
        booth_digit(kp, c->bits, VAR_BITS, i, &abs, &neg);
        select_entry(sel, table, VAR_ENTRIES, ZZ_LIMBS(L), abs);
        cond_negate(f, sel + L, neg);
        if (i + 1 == EC_BOOTH_WINDOWS(c->bits, VAR_BITS)) {
            /* the top window: acc is infinity, the sum is the entry */
            ec_fe_copy(f, sum.x, sel);
            ec_fe_copy(f, sum.y, sel + L);
            ec_fe_copy(f, sum.z, sel + 2 * L);
            ec_point_cmov(c, &acc, &sum, ~eq_mask(abs, 0));
            continue;
        }
        inf = ec_point_is_infinity(c, &acc);
        /* never acc == the entry: see the top of the file */
        (void)ops->add_zz(&sum, &acc, sel);
        ec_fe_cmov(f, sum.x, sel, inf);
        ec_fe_cmov(f, sum.y, sel + L, inf);
        ec_fe_cmov(f, sum.z, sel + 2 * L, inf);
        ec_point_cmov(c, &acc, &sum, ~eq_mask(abs, 0));
    }
    cond_negate(f, acc.y, flip);
    *r = acc;
    tls13_wipe(table, sizeof(table));
    tls13_wipe(sel, sizeof(sel));
    tls13_wipe(kp, sizeof(kp));
    tls13_wipe(&acc, sizeof(acc));
    tls13_wipe(&sum, sizeof(sum));
    tls13_wipe(&abs, sizeof(abs));
    tls13_wipe(&neg, sizeof(neg));
    tls13_wipe(&flip, sizeof(flip));
    tls13_wipe(&inf, sizeof(inf));
}

/* Sum over the windows, top first, of d_i * (2^(wi) G) from the fixed-base
 * table: no doublings, one mixed addition per window. */
static void fixed_base(const ec_curve *c, ec_point *r, const ec_limb *k, int secret)
{
    const ec_field *f = c->p;
    const ec_limb *table = ec_base_table(c);
    const ec_point_ops *ops = ec_point_ops_for(c);
    size_t L = f->nlimbs, i = EC_BASE_WINDOWS(c->bits);
    ec_fe kp;
    ec_point acc, t, first;
    ec_affine e;
    ec_limb abs, neg, flip, inf;

    flip = halve_scalar(c, kp, k);
    ec_point_set_infinity(c, &acc);
    while (i-- > 0) {
        const ec_limb *window = table + i * EC_BASE_ENTRIES * 2 * L;
        booth_digit(kp, c->bits, EC_BASE_BITS, i, &abs, &neg);
        if (secret) {
            /* Sized for select_entry's widest case, not just 2 L: with the
             * scan inlined, gcc 12 checks every case of its switch against
             * this array (-Warray-bounds) though only 2 L is reached. */
            ec_limb sel[ZZ_LIMBS(EC_MAX_LIMBS)];
            select_entry(sel, window, EC_BASE_ENTRIES, 2 * L, abs);
            ec_fe_copy(f, e.x, sel);
            ec_fe_copy(f, e.y, sel + L);
            tls13_wipe(sel, sizeof(sel));
            cond_negate(f, e.y, neg);
            /* For a zero digit e is not a point: the sum is computed and
             * then discarded by the mask, so the work does not depend on it.
             * In the top window acc is infinity and the sum is e. */
            ec_point_from_affine(c, &first, &e);
            if (i + 1 < EC_BASE_WINDOWS(c->bits)) {
                inf = ec_point_is_infinity(c, &acc);
                (void)ops->add_affine(&t, &acc, &e); /* never acc == e: see the top of the file */
                ec_point_cmov(c, &first, &t, ~inf);
            }
            ec_point_cmov(c, &acc, &first, ~eq_mask(abs, 0));
        } else if (abs != 0) {
            ec_fe_copy(f, e.x, window + (abs - 1) * 2 * L);
            ec_fe_copy(f, e.y, window + (abs - 1) * 2 * L + L);
            if (neg)
                ec_fe_neg(f, e.y, e.y);
            ec_point_add_affine_public(c, &acc, &acc, &e);
        }
    }
    cond_negate(f, acc.y, flip);
    *r = acc;
    tls13_wipe(kp, sizeof(kp));
    tls13_wipe(&acc, sizeof(acc));
    tls13_wipe(&t, sizeof(t));
    tls13_wipe(&first, sizeof(first));
    tls13_wipe(&e, sizeof(e));
    tls13_wipe(&abs, sizeof(abs));
    tls13_wipe(&neg, sizeof(neg));
    tls13_wipe(&flip, sizeof(flip));
    tls13_wipe(&inf, sizeof(inf));
}

void ec_scalar_mul_base(const ec_curve *c, ec_point *r, const ec_limb *k)
{
    fixed_base(c, r, k, 1);
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
    fixed_base(c, &acc, u1, 0);
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
