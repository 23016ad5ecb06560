/* Big-number basics: byte conversion, comparison, addition, subtraction,
 * schoolbook multiplication and (blinded-use) modular inversion. */
#include "bignum.h"

#include <string.h>

#include "base/mem.h"

typedef tls13_dlimb dlimb;

int tls13_bn_from_bytes(tls13_limb *r, size_t limbs, const uint8_t *in, size_t len)
{
    tls13_limb overflow = 0;
    memset(r, 0, limbs * sizeof(*r));
    for (size_t i = 0; i < len; i++) {
        /* Byte i counted from the least significant end. */
        size_t limb = i / (TLS13_LIMB_BITS / 8);
        tls13_limb byte = in[len - 1 - i];
        if (limb < limbs)
            r[limb] |= byte << (8 * (i % (TLS13_LIMB_BITS / 8)));
        else
            overflow |= byte;
    }
    if (overflow) {
        memset(r, 0, limbs * sizeof(*r));
        return 0;
    }
    return 1;
}

void tls13_bn_to_bytes(uint8_t *out, size_t len, const tls13_limb *a, size_t limbs)
{
    for (size_t i = 0; i < len; i++) {
        size_t limb = i / (TLS13_LIMB_BITS / 8);
        out[len - 1 - i] = limb < limbs ? (uint8_t)(a[limb] >> (8 * (i % (TLS13_LIMB_BITS / 8)))) : 0;
    }
}

tls13_limb tls13_bn_lt_mask(const tls13_limb *a, const tls13_limb *b, size_t limbs)
{
    tls13_limb borrow = 0;
    for (size_t i = 0; i < limbs; i++) {
        dlimb d = (dlimb)a[i] - b[i] - borrow;
        borrow = (tls13_limb)(d >> TLS13_LIMB_BITS) & 1;
    }
    return (tls13_limb)0 - borrow;
}

tls13_limb tls13_bn_eq_mask(const tls13_limb *a, const tls13_limb *b, size_t limbs)
{
    tls13_limb diff = 0;
    for (size_t i = 0; i < limbs; i++)
        diff |= a[i] ^ b[i];
    return ~tls13_limb_nonzero_mask(diff);
}

tls13_limb tls13_bn_is_zero_mask(const tls13_limb *a, size_t limbs)
{
    tls13_limb acc = 0;
    for (size_t i = 0; i < limbs; i++)
        acc |= a[i];
    return ~tls13_limb_nonzero_mask(acc);
}

tls13_limb tls13_bn_add(tls13_limb *r, const tls13_limb *a, const tls13_limb *b, size_t limbs)
{
    tls13_limb carry = 0;
    for (size_t i = 0; i < limbs; i++) {
        dlimb s = (dlimb)a[i] + b[i] + carry;
        r[i] = (tls13_limb)s;
        carry = (tls13_limb)(s >> TLS13_LIMB_BITS);
    }
    return carry;
}

tls13_limb tls13_bn_sub(tls13_limb *r, const tls13_limb *a, const tls13_limb *b, size_t limbs)
{
    tls13_limb borrow = 0;
    for (size_t i = 0; i < limbs; i++) {
        dlimb d = (dlimb)a[i] - b[i] - borrow;
        r[i] = (tls13_limb)d;
        borrow = (tls13_limb)(d >> TLS13_LIMB_BITS) & 1;
    }
    return borrow;
}

void tls13_bn_mul(tls13_limb *r, const tls13_limb *a, size_t an, const tls13_limb *b, size_t bn)
{
    memset(r, 0, (an + bn) * sizeof(*r));
    for (size_t i = 0; i < bn; i++) {
        tls13_limb carry = 0;
        for (size_t j = 0; j < an; j++) {
            dlimb p = (dlimb)a[j] * b[i] + r[i + j] + carry;
            r[i + j] = (tls13_limb)p;
            carry = (tls13_limb)(p >> TLS13_LIMB_BITS);
        }
        r[i + an] = carry;
    }
}

size_t tls13_bn_bits_vartime(const tls13_limb *a, size_t limbs)
{
    for (size_t i = limbs; i-- > 0;) {
        if (a[i]) {
            size_t bits = i * TLS13_LIMB_BITS;
            for (tls13_limb x = a[i]; x; x >>= 1)
                bits++;
            return bits;
        }
    }
    return 0;
}

/* floor((B^2 - 1) / d) - B for B = 2^TLS13_LIMB_BITS and d with its top bit
 * set: the reciprocal of Moller and Granlund, "Improved division by
 * invariant integers" (IEEE Trans. Computers, 2011), section 3. Since
 * B^2 - 1 - B d = (B - 1 - d) B + (B - 1), one double-limb division. */
static tls13_limb reciprocal_2by1(tls13_limb d)
{
    return (tls13_limb)((((dlimb)(tls13_limb)~d) << TLS13_LIMB_BITS | (tls13_limb)~(tls13_limb)0) / d);
}

/* (u1 B + u0) / d for u1 < d, d normalised, v = reciprocal_2by1(d):
 * Algorithm 4 of the same paper. Returns the quotient, *rem the remainder.
 * Branches on the values: public data only. */
static tls13_limb div_2by1(tls13_limb *rem, tls13_limb u1, tls13_limb u0, tls13_limb d, tls13_limb v)
{
    dlimb q = (dlimb)v * u1 + (((dlimb)u1 << TLS13_LIMB_BITS) | u0);
    tls13_limb q1 = (tls13_limb)(q >> TLS13_LIMB_BITS) + 1, q0 = (tls13_limb)q;
    tls13_limb r = u0 - q1 * d;
    if (r > q0) {
        q1--;
        r += d;
    }
    if (r >= d) {
        q1++;
        r -= d;
    }
    *rem = r;
    return q1;
}

/* x = x B mod d for x < d (n limbs, d normalised, v its top limb's
 * reciprocal): one step of schoolbook long division (Knuth, TAOCP vol. 2,
 * 4.3.1, Algorithm D, steps D3 to D6) for the n + 1 limbs of x B. */
static void shift_limb_mod(tls13_limb *x, const tls13_limb *d, size_t n, tls13_limb v)
{
    tls13_limb u1 = x[n - 1], u0 = n >= 2 ? x[n - 2] : 0, u2 = n >= 3 ? x[n - 3] : 0;
    tls13_limb d1 = d[n - 1], d0 = n >= 2 ? d[n - 2] : 0, qhat, rhat, carry = 0, prev = 0;
    int rhat_overflow = 0;

    /* D3: the quotient digit from the top two limbs over d's top limb (at
     * most 2 too large after the correction with the next limbs). x < d
     * gives u1 <= d1; u1 == d1 would overflow the division. */
    if (u1 == d1) {
        qhat = (tls13_limb)~(tls13_limb)0;
        rhat = u0 + d1;
        rhat_overflow = rhat < d1;
    } else {
        qhat = div_2by1(&rhat, u1, u0, d1, v);
    }
    while (!rhat_overflow && (dlimb)qhat * d0 > (((dlimb)rhat << TLS13_LIMB_BITS) | u2)) {
        qhat--;
        rhat += d1;
        rhat_overflow = rhat < d1;
    }
    /* D4: x B - qhat d over n + 1 limbs, from the bottom (x B's low limb
     * is 0); `carry` holds the product's high limb plus the borrow, which
     * cannot overflow (Knuth's analysis). Plain limb arithmetic: the
     * double-limb subtraction made gcc spill to the stack. */
    for (size_t j = 0; j < n; j++) {
        /* carry + lo(qhat d[j]) never overflows past hi + 1 <= B - 1 */
        dlimb p = (dlimb)qhat * d[j] + carry;
        tls13_limb diff = prev - (tls13_limb)p;
        carry = (tls13_limb)(p >> TLS13_LIMB_BITS) + (tls13_limb)(diff > prev);
        prev = x[j];
        x[j] = diff;
    }
    /* The top limb: x's old top limb minus the carry; negative? */
    carry = prev < carry;
    /* D5-D6: qhat was one too large when that borrowed out of the top limb
     * (probability about 2/B): add d back, dropping the carry out. */
    if (carry)
        tls13_bn_add(x, x, d, n);
}

void tls13_bn_shift_mod_vartime(tls13_limb *r, const tls13_limb *x, size_t k, const tls13_limb *m, size_t n)
{
    /* Division needs a normalised divisor: work modulo d = m 2^s with d's
     * top bit set, on y 2^s for the values y mod m, and shift back. */
    tls13_limb d[TLS13_BN_MAX_LIMBS], xs[TLS13_BN_MAX_LIMBS], v;
    unsigned s = 0;

    while (!((m[n - 1] << s) >> (TLS13_LIMB_BITS - 1)))
        s++;
    for (size_t j = n; j-- > 0;) {
        d[j] = (m[j] << s) | (s && j ? m[j - 1] >> (TLS13_LIMB_BITS - s) : 0);
        xs[j] = (x[j] << s) | (s && j ? x[j - 1] >> (TLS13_LIMB_BITS - s) : 0);
    }
    v = reciprocal_2by1(d[n - 1]);
    for (size_t i = 0; i < k; i++)
        shift_limb_mod(xs, d, n, v);
    for (size_t j = 0; j < n; j++)
        r[j] = (xs[j] >> s) | (s && j + 1 < n ? xs[j + 1] << (TLS13_LIMB_BITS - s) : 0);
}

void tls13_bn_radix_power_mod_vartime(tls13_limb *r, size_t k, const tls13_limb *m, size_t n)
{
    /* Start at B^min(k, n-1), which is below m (odd, top limb nonzero)
     * except for m = 1. */
    tls13_limb x[TLS13_BN_MAX_LIMBS];
    size_t start = k < n - 1 ? k : n - 1;
    memset(x, 0, n * sizeof(*x));
    x[start] = 1;
    if (!tls13_bn_lt_mask(x, m, n))
        tls13_bn_sub(x, x, m, n);
    tls13_bn_shift_mod_vartime(r, x, k - start, m, n);
}

/*
 * Modular inversion by Bernstein-Yang divsteps ("Fast constant-time gcd
 * computation and modular inversion", 2019), here in a variable-time form
 * that stops as soon as g reaches 0: f = m, g = a, and each batch of S
 * divsteps is worked out on the low S bits of f and g alone, as a 2x2
 * matrix T with entries of at most 2^S, then applied to the full f and g
 * and to cofactors d, e with d a = f and e a = g (mod m). When g = 0,
 * f = +-gcd(a, m), and for gcd 1 the inverse is +-d.
 *
 * The full values are signed, in limbs of S = TLS13_LIMB_BITS - 2 bits
 * (two spare bits so that sums of products fit a double limb); limbs below
 * the top one are in [0, 2^S), the top limb carries the sign. Right shifts
 * of negative values are arithmetic on every compiler we build with (gcc
 * and clang document it).
 */
#if TLS13_LIMB_BITS == 64
typedef int64_t slimb;
__extension__ typedef __int128 sdlimb;
#else
typedef int32_t slimb;
typedef int64_t sdlimb;
#endif
#define S_BITS (TLS13_LIMB_BITS - 2)
#define S_MASK (((tls13_limb)1 << S_BITS) - 1)
#define S_MAX_LIMBS (TLS13_BN_MAX_BITS / S_BITS + 2)

struct divstep_matrix {
    slimb u, v, q, r; /* 2^S (f', g') = (u f + v g, q f + r g) */
};

/* S divsteps on the low bits of f and g; returns the updated delta. Each
 * step is divstep(delta, f, g) = (1 - delta, g, (g - f) / 2) when delta > 0
 * and g is odd, else (1 + delta, f, (g + (g mod 2) f) / 2), written as a
 * conditional swap-and-negate followed by a conditional addition, with
 * masks instead of branches: the branches mispredicted half the time and
 * made the batches several times slower. */
static long divsteps(long delta, tls13_limb f, tls13_limb g, struct divstep_matrix *t)
{
    slimb u = 1, v = 0, q = 0, r = 1;
    for (int i = 0; i < S_BITS; i++) {
        tls13_limb odd = (tls13_limb)0 - (g & 1);
        tls13_limb swap = odd & ((tls13_limb)0 - (tls13_limb)(delta > 0));
        tls13_limb x;
        slimb sx, smask = (slimb)swap;
        long dmask = smask; /* 0 or -1, sign-extended */
        /* swap: (delta, f, g, u, v, q, r) = (-delta, g, -f, q, r, -u, -v) */
        delta = (delta ^ dmask) - dmask;
        x = (f ^ g) & swap;
        f ^= x;
        g ^= x;
        g = (g ^ swap) - swap;
        sx = (u ^ q) & smask;
        u ^= sx;
        q ^= sx;
        q = (q ^ smask) - smask;
        sx = (v ^ r) & smask;
        v ^= sx;
        r ^= sx;
        r = (r ^ smask) - smask;
        /* g odd: add f (g is odd after a swap too, as -f) */
        g += f & odd;
        q += u & (slimb)odd;
        r += v & (slimb)odd;
        g >>= 1;
        u *= 2, v *= 2;
        delta++;
    }
    t->u = u, t->v = v, t->q = q, t->r = r;
    return delta;
}

/* (f, g) = (u f + v g, q f + r g) / 2^S, exactly. */
static void apply_fg(slimb *f, slimb *g, size_t len, const struct divstep_matrix *t)
{
    sdlimb cf = (sdlimb)t->u * f[0] + (sdlimb)t->v * g[0];
    sdlimb cg = (sdlimb)t->q * f[0] + (sdlimb)t->r * g[0];
    cf >>= S_BITS, cg >>= S_BITS; /* the low S bits are zero */
    for (size_t i = 1; i < len; i++) {
        cf += (sdlimb)t->u * f[i] + (sdlimb)t->v * g[i];
        cg += (sdlimb)t->q * f[i] + (sdlimb)t->r * g[i];
        f[i - 1] = (slimb)(cf & (sdlimb)S_MASK);
        g[i - 1] = (slimb)(cg & (sdlimb)S_MASK);
        cf >>= S_BITS, cg >>= S_BITS;
    }
    f[len - 1] = (slimb)cf, g[len - 1] = (slimb)cg;
}

/* x = x + sign * y for sign = +-1, carried into normalised limbs. */
static void add_signed(slimb *x, const slimb *y, size_t len, int sign)
{
    sdlimb c = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        c += (sdlimb)x[i] + (sdlimb)sign * y[i];
        x[i] = (slimb)(c & (sdlimb)S_MASK);
        c >>= S_BITS;
    }
    x[len - 1] = (slimb)(c + x[len - 1] + (sdlimb)sign * y[len - 1]);
}

/* -1, 0 or 1 as x <, ==, > y (normalised values). */
static int compare_signed(const slimb *x, const slimb *y, size_t len)
{
    for (size_t i = len; i-- > 0;)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

/* x = (u x + v y + k m) / 2^S with k making it exact, then brought back
 * into [0, m) (it lies in (-m, 2m) for x, y in [0, m)); the same for y with
 * (q, r). minv = m^-1 mod 2^S. */
static void apply_de(slimb *x, slimb *y, const slimb *m, size_t len, const struct divstep_matrix *t,
                     tls13_limb minv)
{
    sdlimb cx = (sdlimb)t->u * x[0] + (sdlimb)t->v * y[0];
    sdlimb cy = (sdlimb)t->q * x[0] + (sdlimb)t->r * y[0];
    slimb kx = (slimb)(((tls13_limb)0 - (tls13_limb)cx) * minv & S_MASK);
    slimb ky = (slimb)(((tls13_limb)0 - (tls13_limb)cy) * minv & S_MASK);
    cx += (sdlimb)kx * m[0], cy += (sdlimb)ky * m[0];
    cx >>= S_BITS, cy >>= S_BITS;
    for (size_t i = 1; i < len; i++) {
        cx += (sdlimb)t->u * x[i] + (sdlimb)t->v * y[i] + (sdlimb)kx * m[i];
        cy += (sdlimb)t->q * x[i] + (sdlimb)t->r * y[i] + (sdlimb)ky * m[i];
        x[i - 1] = (slimb)(cx & (sdlimb)S_MASK);
        y[i - 1] = (slimb)(cy & (sdlimb)S_MASK);
        cx >>= S_BITS, cy >>= S_BITS;
    }
    x[len - 1] = (slimb)cx, y[len - 1] = (slimb)cy;
    if (x[len - 1] < 0)
        add_signed(x, m, len, 1);
    else if (compare_signed(x, m, len) >= 0)
        add_signed(x, m, len, -1);
    if (y[len - 1] < 0)
        add_signed(y, m, len, 1);
    else if (compare_signed(y, m, len) >= 0)
        add_signed(y, m, len, -1);
}

/* Bits [j S, j S + S) of a, for j < len (zero beyond a's end): from the
 * limb holding bit j S and, when the chunk straddles, the next one. */
static void to_signed_limbs(slimb *out, size_t len, const tls13_limb *a, size_t limbs)
{
    for (size_t j = 0; j < len; j++) {
        size_t bit = j * S_BITS, li = bit / TLS13_LIMB_BITS;
        unsigned off = (unsigned)(bit % TLS13_LIMB_BITS);
        tls13_limb w = li < limbs ? a[li] >> off : 0;
        /* off > TLS13_LIMB_BITS - S_BITS > 0 when it straddles */
        if (off + S_BITS > TLS13_LIMB_BITS && li + 1 < limbs)
            w |= a[li + 1] << (TLS13_LIMB_BITS - off);
        out[j] = (slimb)(w & S_MASK);
    }
}

/* The inverse: the low S bits of each in[j] (all of a value in [0, m)). */
static void from_signed_limbs(tls13_limb *a, size_t limbs, const slimb *in, size_t len)
{
    memset(a, 0, limbs * sizeof(*a));
    for (size_t j = 0; j < len; j++) {
        size_t bit = j * S_BITS, li = bit / TLS13_LIMB_BITS;
        unsigned off = (unsigned)(bit % TLS13_LIMB_BITS);
        tls13_limb w = (tls13_limb)in[j] & S_MASK;
        if (li < limbs)
            a[li] |= w << off;
        if (off + S_BITS > TLS13_LIMB_BITS && li + 1 < limbs)
            a[li + 1] |= w >> (TLS13_LIMB_BITS - off);
    }
}

int tls13_bn_mod_inverse_vartime(tls13_limb *r, const tls13_limb *a, const tls13_limb *m, size_t limbs)
{
    slimb f[S_MAX_LIMBS], g[S_MAX_LIMBS], d[S_MAX_LIMBS], e[S_MAX_LIMBS], ms[S_MAX_LIMBS];
    size_t len = (limbs * TLS13_LIMB_BITS) / S_BITS + 2, bits = limbs * TLS13_LIMB_BITS, fg_len = len;
    /* Bernstein-Yang bound on the divsteps needed: (49 d + 57) / 17. */
    size_t batches = (49 * bits + 57) / 17 / S_BITS + 2;
    struct divstep_matrix t;
    tls13_limb minv;
    long delta = 1;
    int ok = 0;

    if (tls13_bn_is_zero_mask(a, limbs) || !(m[0] & 1))
        return 0;
    minv = m[0]; /* Newton: m^-1 mod 2^TLS13_LIMB_BITS */
    for (int i = 0; i < 5; i++)
        minv *= 2 - m[0] * minv;
    to_signed_limbs(ms, len, m, limbs);
    memcpy(f, ms, len * sizeof(*f));
    to_signed_limbs(g, len, a, limbs);
    memset(d, 0, len * sizeof(*d));
    memset(e, 0, len * sizeof(*e));
    e[0] = 1;
    for (;;) {
        int g_zero = 1;
        for (size_t i = 0; i < fg_len && g_zero; i++)
            g_zero = g[i] == 0;
        if (g_zero)
            break;
        if (batches-- == 0)
            goto done; /* cannot happen for odd m; kept as a bound */
        delta = divsteps(delta, (tls13_limb)f[0], (tls13_limb)g[0], &t);
        apply_fg(f, g, fg_len, &t);
        apply_de(d, e, ms, len, &t, minv);
        /* f and g shrink: while both top limbs are 0 or -1, fold them into
         * the limb below (which becomes the signed top limb, in [-2^S,
         * 2^S)) and work on one limb fewer. */
        while (fg_len > 1 && (f[fg_len - 1] == 0 || f[fg_len - 1] == -1) &&
               (g[fg_len - 1] == 0 || g[fg_len - 1] == -1)) {
            f[fg_len - 2] -= f[fg_len - 1] == -1 ? (slimb)1 << S_BITS : 0;
            g[fg_len - 2] -= g[fg_len - 1] == -1 ? (slimb)1 << S_BITS : 0;
            fg_len--;
        }
    }
    /* f = gcd(a, m) or its negative: an inverse exists for f = +-1, and it
     * is d for f = 1, m - d for f = -1 (-1 in one limb, or normalised with
     * every limb below the top one at 2^S - 1 and a top limb of -1). */
    {
        int plus = f[0] == 1, minus = fg_len == 1 ? f[0] == -1 : f[0] == (slimb)S_MASK;
        for (size_t i = 1; i + 1 < fg_len; i++) {
            plus = plus && f[i] == 0;
            minus = minus && f[i] == (slimb)S_MASK;
        }
        if (fg_len > 1) {
            plus = plus && f[fg_len - 1] == 0;
            minus = minus && f[fg_len - 1] == -1;
        }
        if (minus) {
            memcpy(e, ms, len * sizeof(*e));
            add_signed(e, d, len, -1);
            memcpy(d, e, len * sizeof(*d));
        }
        if (plus || minus) {
            from_signed_limbs(r, limbs, d, len);
            ok = 1;
        }
    }
done:
    tls13_wipe(f, sizeof(f));
    tls13_wipe(g, sizeof(g));
    tls13_wipe(d, sizeof(d));
    tls13_wipe(e, sizeof(e));
    return ok;
}
