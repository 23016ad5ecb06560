/*
 * Modular inversion by Bernstein-Yang division steps (modinv.h).
 *
 * One divstep maps (delta, f, g), f odd, to
 *   (1 - delta, g, (g - f) / 2)   if delta > 0 and g is odd,
 *   (1 + delta, f, (g + f) / 2)   if g is odd otherwise,
 *   (1 + delta, f, g / 2)         if g is even.
 * Started at (1, m, a), g reaches 0 and f = +-gcd(m, a) within
 * floor((49 d + 57) / 17) steps for d-bit inputs, d >= 46 (Theorem 11.2 of
 * the paper; the inputs need f^2 + 4 g^2 <= 5 2^(2d), which f = m < 2^d and
 * g = a < m give). The code always takes that many steps.
 *
 * Steps are taken in batches of L (62, or 30 without a 128-bit type). A
 * batch's decisions depend only on delta and the low L bits of f and g, so it
 * runs on one machine word each and records its effect as a matrix T with
 *   2^L (f', g') = T (f, g),   |T00| + |T01| <= 2^L, |T10| + |T11| <= 2^L;
 * T is then applied to the full f and g (exactly divisible by 2^L), and to
 * (d, e) mod m, which keep f = d a and g = e a (mod m). At the end f = +-1,
 * so a^-1 = +-d.
 *
 * Numbers are n signed-radix digits: l[0..n-2] in [0, 2^L), l[n-1] signed.
 * C99 leaves the right shift of a negative value and the conversion of an
 * out-of-range value to a signed type implementation-defined; gcc and clang
 * (the supported compilers) shift arithmetically and convert modulo 2^width.
 */
#include "modinv.h"

#include <string.h>

#include "../base/mem.h"

#if defined(__SIZEOF_INT128__) && !defined(TLS13_PORTABLE_ONLY)
#define L 62
typedef int64_t limb;
typedef uint64_t ulimb;
__extension__ typedef __int128 wide;
#else
#define L 30
typedef int32_t limb;
typedef uint32_t ulimb;
typedef int64_t wide;
#endif

#define DIGIT_MASK (((ulimb)1 << L) - 1)
/* d + 2 bits: a sign and the range (-m, 2m) of d and e between steps. */
#define MAX_LIMBS ((64 * TLS13_MODINV_MAX_WORDS + 2 + L - 1) / L)

typedef struct num {
    limb l[MAX_LIMBS];
} num;

typedef struct matrix {
    limb u, v, q, r; /* (f', g') = ((u f + v g), (q f + r g)) / 2^L */
} matrix;

/* All-ones if x < 0, else 0. */
static ulimb sign_mask(limb x)
{
    return (ulimb)0 - ((ulimb)x >> (sizeof(limb) * 8 - 1));
}

/* L divsteps on the low words of f and g; returns the new eta = -delta,
 * kept negated so that the first case's test (delta > 0) is one sign mask
 * and both updates are one expression: delta' = 1 - delta is eta' = ~eta,
 * delta' = 1 + delta is eta' = eta - 1. The rows of T start as the
 * identity: a step doubles the f row instead of halving the g row, so every
 * entry stays an integer. */
static limb divsteps(limb eta, ulimb f, ulimb g, matrix *t)
{
    ulimb u = 1, v = 0, q = 0, r = 1;
    for (int i = 0; i < L; i++) {
        ulimb swap = sign_mask(eta); /* delta > 0 */
        ulimb odd = (ulimb)0 - (g & 1);
        ulimb x = (f ^ swap) - swap, y = (u ^ swap) - swap, z = (v ^ swap) - swap;
        /* g += f or g -= f (when g is odd), and the g row alike */
        g += x & odd;
        q += y & odd;
        r += z & odd;
        /* the first case: f takes the old g, which is the new g plus f */
        swap &= odd;
        eta = (limb)(((ulimb)eta ^ swap) + ~swap);
        f += g & swap;
        u += q & swap;
        v += r & swap;
        g >>= 1; /* g is even here; its low L - i - 1 bits stay exact */
        u <<= 1;
        v <<= 1;
    }
    t->u = (limb)u;
    t->v = (limb)v;
    t->q = (limb)q;
    t->r = (limb)r;
    return eta;
}

/* (f, g) = T (f, g) / 2^L, exactly. |f|, |g| never exceed m. */
static void update_fg(num *f, num *g, const matrix *t, size_t n)
{
    wide cf = (wide)t->u * f->l[0] + (wide)t->v * g->l[0];
    wide cg = (wide)t->q * f->l[0] + (wide)t->r * g->l[0];
    cf >>= L; /* the low L bits are zero by construction of T */
    cg >>= L;
    for (size_t i = 1; i < n; i++) {
        cf += (wide)t->u * f->l[i] + (wide)t->v * g->l[i];
        cg += (wide)t->q * f->l[i] + (wide)t->r * g->l[i];
        f->l[i - 1] = (limb)((ulimb)cf & DIGIT_MASK);
        g->l[i - 1] = (limb)((ulimb)cg & DIGIT_MASK);
        cf >>= L;
        cg >>= L;
    }
    f->l[n - 1] = (limb)cf;
    g->l[n - 1] = (limb)cg;
}

/* Carries every digit into [0, 2^L), the rest into the signed top limb. */
static void propagate(num *x, size_t n)
{
    limb c = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        limb s = x->l[i] + c;
        x->l[i] = (limb)((ulimb)s & DIGIT_MASK);
        c = s >> L;
    }
    x->l[n - 1] += c;
}

/* x in (-m, 2m) to [0, m): add m if negative, then subtract m unless that
 * goes below zero. */
static void normalize(num *x, const num *m, size_t n)
{
    num t;
    ulimb neg = sign_mask(x->l[n - 1]), keep;
    for (size_t i = 0; i < n; i++)
        x->l[i] += (limb)((ulimb)m->l[i] & neg);
    propagate(x, n);
    for (size_t i = 0; i < n; i++)
        t.l[i] = x->l[i] - m->l[i];
    propagate(&t, n);
    keep = sign_mask(t.l[n - 1]);
    for (size_t i = 0; i < n; i++)
        x->l[i] = (limb)(((ulimb)x->l[i] & keep) | ((ulimb)t.l[i] & ~keep));
    tls13_wipe(&t, sizeof(t));
}

/* (d, e) = T (d, e) / 2^L mod m, both in [0, m) in and out: adding md m and
 * me m (md, me in [0, 2^L)) clears the low L bits, and the quotient lies in
 * (-m, 2m) since |u| + |v| <= 2^L. */
static void update_de(num *d, num *e, const matrix *t, const num *m, uint64_t m_inv, size_t n)
{
    uint64_t low_d = (uint64_t)(ulimb)t->u * (uint64_t)d->l[0] + (uint64_t)(ulimb)t->v * (uint64_t)e->l[0];
    uint64_t low_e = (uint64_t)(ulimb)t->q * (uint64_t)d->l[0] + (uint64_t)(ulimb)t->r * (uint64_t)e->l[0];
    limb md = (limb)(((uint64_t)0 - low_d * m_inv) & DIGIT_MASK);
    limb me = (limb)(((uint64_t)0 - low_e * m_inv) & DIGIT_MASK);
    wide cd = (wide)t->u * d->l[0] + (wide)t->v * e->l[0] + (wide)md * m->l[0];
    wide ce = (wide)t->q * d->l[0] + (wide)t->r * e->l[0] + (wide)me * m->l[0];
    cd >>= L;
    ce >>= L;
    for (size_t i = 1; i < n; i++) {
        cd += (wide)t->u * d->l[i] + (wide)t->v * e->l[i] + (wide)md * m->l[i];
        ce += (wide)t->q * d->l[i] + (wide)t->r * e->l[i] + (wide)me * m->l[i];
        d->l[i - 1] = (limb)((ulimb)cd & DIGIT_MASK);
        e->l[i - 1] = (limb)((ulimb)ce & DIGIT_MASK);
        cd >>= L;
        ce >>= L;
    }
    d->l[n - 1] = (limb)cd;
    e->l[n - 1] = (limb)ce;
    normalize(d, m, n);
    normalize(e, m, n);
}

static void from_words(num *x, const uint64_t *w, size_t nwords, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t pos = i * L, word = pos / 64, shift = pos % 64;
        uint64_t v = 0;
        if (word < nwords) {
            v = w[word] >> shift;
            if (shift > 64 - L && word + 1 < nwords)
                v |= w[word + 1] << (64 - shift);
        }
        x->l[i] = (limb)(v & DIGIT_MASK);
    }
}

/* x in [0, 2^(64 nwords)), digits normalised. */
static void to_words(uint64_t *w, const num *x, size_t nwords, size_t n)
{
    memset(w, 0, nwords * sizeof(*w));
    for (size_t i = 0; i < n; i++) {
        size_t pos = i * L, word = pos / 64, shift = pos % 64;
        uint64_t v = (uint64_t)(ulimb)x->l[i];
        if (word < nwords)
            w[word] |= v << shift;
        if (shift > 64 - L && word + 1 < nwords)
            w[word + 1] |= v >> (64 - shift);
    }
}

void tls13_modinv(uint64_t *r, const uint64_t *a, const uint64_t *m_words, size_t nwords)
{
    const size_t bits = 64 * nwords, n = (bits + 2 + L - 1) / L;
    const size_t batches = ((49 * bits + 57) / 17 + L - 1) / L;
    uint64_t m_inv = m_words[0]; /* m^-1 mod 2^64 by Newton: 3, 6, ... 96 bits */
    num m, f, g, d, e;
    matrix t;
    limb eta = -1; /* delta = 1 */
    ulimb neg;
    for (int i = 0; i < 5; i++)
        m_inv *= 2 - m_words[0] * m_inv;
    from_words(&m, m_words, nwords, n);
    f = m;
    from_words(&g, a, nwords, n);
    memset(&d, 0, sizeof(d));
    memset(&e, 0, sizeof(e));
    e.l[0] = 1;
    for (size_t i = 0; i < batches; i++) {
        eta = divsteps(eta, (ulimb)f.l[0], (ulimb)g.l[0], &t);
        update_fg(&f, &g, &t, n);
        update_de(&d, &e, &t, &m, m_inv, n);
    }
    /* g = 0 and f = +-1 (f = m when a = 0, with d = 0): a^-1 = sign(f) d. */
    neg = sign_mask(f.l[n - 1]);
    for (size_t i = 0; i < n; i++)
        d.l[i] = (limb)(((ulimb)d.l[i] ^ neg) - neg);
    propagate(&d, n);
    normalize(&d, &m, n);
    to_words(r, &d, nwords, n);
    tls13_wipe(&f, sizeof(f));
    tls13_wipe(&g, sizeof(g));
    tls13_wipe(&d, sizeof(d));
    tls13_wipe(&e, sizeof(e));
    tls13_wipe(&t, sizeof(t));
    tls13_wipe(&eta, sizeof(eta));
}
