/*
 * Inversion modulo the odd moduli of ec_field.h by the binary extended
 * Euclidean algorithm (Knuth, TAOCP vol. 2, 4.5.2 algorithm B, extended as
 * in Menezes, van Oorschot, Vanstone, Handbook of Applied Cryptography
 * 14.61): about half the time of Fermat's a^(m-2) modulo the group orders,
 * but its time depends on the value, so it is only for public values
 * (verification's s) or blinded ones (signing's k times a random b).
 */
#include "ec_scalar.h"

static int compare(const ec_limb *a, const ec_limb *b, size_t n)
{
    for (size_t j = n; j-- > 0;)
        if (a[j] != b[j])
            return a[j] > b[j] ? 1 : -1;
    return 0;
}

/* a -= b; returns the borrow. */
static ec_limb sub_in_place(ec_limb *a, const ec_limb *b, size_t n)
{
    ec_limb borrow = 0;
    for (size_t j = 0; j < n; j++) {
        ec_dlimb x = (ec_dlimb)a[j] - b[j] - borrow;
        a[j] = (ec_limb)x;
        borrow = (ec_limb)(x >> EC_LIMB_BITS) & 1;
    }
    return borrow;
}

/* x = x / 2^t mod m for 0 < t < EC_LIMB_BITS: add q m with q = x (-m^-1)
 * mod 2^t, which clears the low t bits, and shift them out. With x < m the
 * result is below m + m / 2^t < 2m: at most one subtraction of m. */
static void div_pow2(const ec_field *f, ec_limb *x, unsigned t)
{
    size_t n = f->nlimbs;
    ec_limb s[EC_MAX_LIMBS + 1], q = (ec_limb)(x[0] * f->m0inv) & (((ec_limb)1 << t) - 1);
    ec_dlimb c = 0;
    for (size_t j = 0; j < n; j++) {
        c += (ec_dlimb)q * f->m[j] + x[j];
        s[j] = (ec_limb)c;
        c >>= EC_LIMB_BITS;
    }
    s[n] = (ec_limb)c;
    for (size_t j = 0; j < n; j++)
        s[j] = (s[j] >> t) | (s[j + 1] << (EC_LIMB_BITS - t));
    s[n] >>= t;
    if (s[n] || compare(s, f->m, n) >= 0)
        s[n] -= sub_in_place(s, f->m, n);
    for (size_t j = 0; j < n; j++)
        x[j] = s[j];
}

/* Divides u (nonzero) by its largest power-of-two factor 2^e and x by 2^e
 * modulo m. */
static void strip_twos(const ec_field *f, ec_limb *u, ec_limb *x)
{
    size_t n = f->nlimbs;
    while (!(u[0] & 1)) {
        unsigned t = 0;
        ec_limb w = u[0];
        if (w == 0) {
            t = EC_LIMB_BITS - 1; /* a whole zero limb: shift in steps */
        } else {
            while (!(w & 1) && t < EC_LIMB_BITS - 1) {
                w >>= 1;
                t++;
            }
        }
        for (size_t j = 0; j + 1 < n; j++)
            u[j] = (u[j] >> t) | (u[j + 1] << (EC_LIMB_BITS - t));
        u[n - 1] >>= t;
        div_pow2(f, x, t);
    }
}

/* Invariants x1 a = u and x2 a = v (mod m), u and v odd after each step;
 * the smaller is subtracted from the larger until they meet at
 * gcd(a, m) = 1 (m is prime, 0 < a < m). */
void ec_mod_inv_vartime(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    size_t n = f->nlimbs;
    ec_fe u, v, x1 = { 1 }, x2 = { 0 };
    int cmp;
    if (ec_fe_is_zero(f, a)) {
        ec_fe_copy(f, r, x2);
        return;
    }
    ec_fe_copy(f, u, a);
    ec_fe_copy(f, v, f->m);
    strip_twos(f, u, x1);
    while ((cmp = compare(u, v, n)) != 0) {
        if (cmp > 0) {
            (void)sub_in_place(u, v, n);
            ec_fe_sub(f, x1, x1, x2);
            strip_twos(f, u, x1);
        } else {
            (void)sub_in_place(v, u, n);
            ec_fe_sub(f, x2, x2, x1);
            strip_twos(f, v, x2);
        }
    }
    ec_fe_copy(f, r, x1);
}
