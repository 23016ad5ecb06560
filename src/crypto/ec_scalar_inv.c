/*
 * Inversion modulo the odd moduli of ec_field.h by Kaliski's binary
 * "almost Montgomery inverse" (B. S. Kaliski, "The Montgomery inverse and
 * its applications", IEEE Trans. Computers 44(8), 1995, phase 1), taking
 * runs of zero bits at once, then one division by 2^k: faster than Fermat's
 * a^(m-2), but its time depends on the value, so it is only for public
 * values (verification's s) or blinded ones (signing's k times a random
 * factor).
 *
 * The helpers take the limb count n as a parameter and are inlined into
 * one instance per count, so their loops are unrolled.
 */
#include "ec_scalar.h"

#include "tls13.h"
#include "../base/mem.h"
#include "../base/random.h"

#if defined(__GNUC__) || defined(__clang__)
#define INV_INLINE static inline __attribute__((always_inline))
#else
#define INV_INLINE static inline
#endif

INV_INLINE int compare(const ec_limb *a, const ec_limb *b, size_t n)
{
    for (size_t j = n; j-- > 0;)
        if (a[j] != b[j])
            return a[j] > b[j] ? 1 : -1;
    return 0;
}

/* a -= b; returns the borrow. */
INV_INLINE ec_limb sub_in_place(ec_limb *a, const ec_limb *b, size_t n)
{
    ec_limb borrow = 0;
    for (size_t j = 0; j < n; j++) {
        ec_dlimb x = (ec_dlimb)a[j] - b[j] - borrow;
        a[j] = (ec_limb)x;
        borrow = (ec_limb)(x >> EC_LIMB_BITS) & 1;
    }
    return borrow;
}

/* a += b (no carry out: the callers' sums stay below m). */
INV_INLINE void add_in_place(ec_limb *a, const ec_limb *b, size_t n)
{
    ec_dlimb c = 0;
    for (size_t j = 0; j < n; j++) {
        c += (ec_dlimb)a[j] + b[j];
        a[j] = (ec_limb)c;
        c >>= EC_LIMB_BITS;
    }
}

/* x = x / 2^t mod m for 0 < t < EC_LIMB_BITS: add q m with q = x (-m^-1)
 * mod 2^t, which clears the low t bits, and shift them out. With x < m the
 * result is below m + m / 2^t < 2m: at most one subtraction of m. */
INV_INLINE void div_pow2(const ec_field *f, ec_limb *x, unsigned t, size_t n)
{
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

/* The number of trailing zero bits of a nonzero limb, at most
 * EC_LIMB_BITS - 1 for a zero one (the caller shifts in steps). */
INV_INLINE unsigned trailing_zeros(ec_limb w)
{
    unsigned t = 0;
    if (w == 0)
        return EC_LIMB_BITS - 1;
#if (defined(__GNUC__) || defined(__clang__)) && EC_LIMB_BITS == 64
    t = (unsigned)__builtin_ctzll(w);
#else
    while (!(w & 1)) {
        w >>= 1;
        t++;
    }
#endif
    return t;
}

/* Moves u's factors of two (u nonzero) onto x: u = u / 2^t, x = x 2^t,
 * k += t, until u is odd. */
INV_INLINE void shift_twos(ec_limb *u, ec_limb *x, unsigned *k, size_t n)
{
    while (!(u[0] & 1)) {
        unsigned t = trailing_zeros(u[0]);
        for (size_t j = 0; j + 1 < n; j++)
            u[j] = (u[j] >> t) | (u[j + 1] << (EC_LIMB_BITS - t));
        u[n - 1] >>= t;
        for (size_t j = n; j-- > 1;)
            x[j] = (x[j] << t) | (x[j - 1] >> (EC_LIMB_BITS - t));
        x[0] <<= t;
        *k += t;
    }
}

/* Kaliski's invariants, for u, v >= 1:
 *   m = u s + v r,   a r = -u 2^k,   a s = v 2^k   (mod m).
 * Subtracting the smaller of u and v from the larger and adding the
 * coefficients (u -= v, r += s; or v -= u, s += r) keeps them, as does
 * moving factors of two from u to s (or from v to r) with k counting them.
 * The first invariant bounds r and s by m, so they need no reduction. With
 * gcd(a, m) = 1 both end at 1, and then r = -a^-1 2^k: the inverse is
 * (m - r) / 2^k mod m, k < 2 bits(m). */
INV_INLINE void inverse(const ec_field *f, ec_limb *r, const ec_limb *a, size_t n)
{
    ec_limb u[EC_MAX_LIMBS], v[EC_MAX_LIMBS], x[EC_MAX_LIMBS] = { 0 }, y[EC_MAX_LIMBS] = { 1 };
    unsigned k = 0;
    int cmp;
    for (size_t j = 0; j < n; j++) {
        u[j] = f->m[j];
        v[j] = a[j];
    }
    /* x is Kaliski's r (paired with u), y his s (paired with v). */
    shift_twos(v, x, &k, n);
    while ((cmp = compare(u, v, n)) != 0) {
        if (cmp > 0) {
            (void)sub_in_place(u, v, n);
            add_in_place(x, y, n);
            shift_twos(u, y, &k, n);
        } else {
            (void)sub_in_place(v, u, n);
            add_in_place(y, x, n);
            shift_twos(v, x, &k, n);
        }
    }
    for (size_t j = 0; j < n; j++)
        u[j] = f->m[j];
    (void)sub_in_place(u, x, n); /* m - r, in (0, m) */
    for (; k >= EC_LIMB_BITS - 1; k -= EC_LIMB_BITS - 1)
        div_pow2(f, u, EC_LIMB_BITS - 1, n);
    if (k > 0)
        div_pow2(f, u, k, n);
    for (size_t j = 0; j < n; j++)
        r[j] = u[j];
}

void ec_mod_inv_vartime(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    if (ec_fe_is_zero(f, a))
        ec_fe_copy(f, r, a);
    else if (f->nlimbs == EC_LIMBS(256))
        inverse(f, r, a, EC_LIMBS(256));
    else
        inverse(f, r, a, EC_LIMBS(384));
}

/* A blinding factor: uniform in [1, m-1], plain form, by rejection
 * sampling (m is within 2^-32 of 2^bits, so a retry is rare). */
static int draw_blinder(const ec_field *f, ec_limb *b)
{
    uint8_t buf[TLS13_EC_MAX_SCALAR];
    int rc;
    do {
        rc = tls13_random_bytes(buf, f->nbytes);
        if (rc != TLS13_OK)
            break;
        ec_fe_from_bytes(f, b, buf);
    } while (!(ec_fe_lt_modulus(f, b) & ~ec_fe_is_zero(f, b)));
    tls13_wipe(buf, sizeof(buf));
    return rc;
}

/* a b for a fresh random b is uniform and independent of a, so inverting
 * it with the variable-time inversion reveals nothing about a; then
 * a^-1 = b (a b)^-1. A Montgomery product of one plain and one
 * Montgomery-form factor is plain. */
int ec_mod_inv_blinded(const ec_field *f, ec_limb *r, const ec_limb *a)
{
    ec_fe am, b, t;
    int rc = draw_blinder(f, b);
    if (rc == TLS13_OK) {
        ec_fe_to_mont(f, am, a);
        ec_fe_mul(f, t, am, b);         /* a b */
        ec_mod_inv_vartime(f, t, t);    /* (a b)^-1 */
        ec_fe_to_mont(f, b, b);
        ec_fe_mul(f, r, t, b);          /* a^-1 */
    }
    tls13_wipe(am, sizeof(am));
    tls13_wipe(b, sizeof(b));
    tls13_wipe(t, sizeof(t));
    return rc;
}
