/*
 * Modular inversion by Bernstein-Yang division steps (modinv.h).
 *
 * One divstep maps (delta, f, g), f odd, to
 *   (1 - delta, g, (g - f) / 2)   if delta > 0 and g is odd,
 *   (1 + delta, f, (g + f) / 2)   if g is odd otherwise,
 *   (1 + delta, f, g / 2)         if g is even.
 * Started at (delta, f, g) = (1/2, m, a) (the "half-delta" variant), g
 * reaches 0 and f = +-gcd(m, a) within floor((45907 d + 26313) / 19929)
 * steps for 0 <= a <= m < 2^d: 591 for d = 256, 885 for d = 384. That is
 * the computer-checked bound of sipa/safegcd-bounds (genproofhd.md; the
 * 256-bit case is also proved in Coq there, at 590), which libsecp256k1's
 * constant-time inversion relies on too; the paper's own bound for delta
 * starting at 1 (Theorem 11.2, floor((49 d + 57) / 17) = 741 for d = 256) is
 * a quarter longer. The code always takes exactly that many steps.
 *
 * Steps are taken in batches of L (62, or 30 without a 128-bit type), the
 * last one shorter when L does not divide the bound (33 steps for d = 256
 * instead of 62). A batch's decisions depend only on delta and the low L bits
 * of f and g, so it runs on one machine word each and records its effect as a
 * matrix T with
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

#include "../base/cpu.h"
#include "../base/mem.h"

#ifdef TLS13_X86_64
#include <emmintrin.h>
#endif

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
/* d + 2 bits: a sign and the range (-2m, m) of d and e between batches. */
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

/* A row of T, (u, v) or (q, r): two entries that every divstep updates
 * alike. On x86-64 (with 62-step batches) a row is one SSE2 register, part of
 * the x86-64 baseline, so there is no CPU check: the f and g chain then has
 * the integer ALUs to itself, and the divsteps measured 26% faster than with
 * six scalar entries (4820 -> 3580 TSC for 10 batches, AMD EPYC). */
#if defined(TLS13_X86_64) && L == 62
typedef __m128i row;
static inline row row_new(ulimb a, ulimb b)
{
    return _mm_set_epi64x((long long)b, (long long)a);
}
static inline row row_mask(ulimb m)
{
    return _mm_set1_epi64x((long long)m);
}
/* (x ^ m) - m: x, or -x when m is all-ones */
static inline row row_negate_if(row x, row m)
{
    return _mm_sub_epi64(_mm_xor_si128(x, m), m);
}
/* x + (y & m) */
static inline row row_add_if(row x, row y, row m)
{
    return _mm_add_epi64(x, _mm_and_si128(y, m));
}
static inline row row_double(row x)
{
    return _mm_add_epi64(x, x);
}
static inline row row_shift_left(row x, int count)
{
    return _mm_sll_epi64(x, _mm_cvtsi32_si128(count));
}
static inline limb row_first(row x)
{
    return (limb)_mm_cvtsi128_si64(x);
}
static inline limb row_second(row x)
{
    return (limb)_mm_cvtsi128_si64(_mm_unpackhi_epi64(x, x));
}
#else
typedef struct row {
    ulimb a, b;
} row;
static inline row row_new(ulimb a, ulimb b)
{
    row r;
    r.a = a;
    r.b = b;
    return r;
}
static inline row row_mask(ulimb m)
{
    return row_new(m, m);
}
static inline row row_negate_if(row x, row m)
{
    return row_new((x.a ^ m.a) - m.a, (x.b ^ m.b) - m.b);
}
static inline row row_add_if(row x, row y, row m)
{
    return row_new(x.a + (y.a & m.a), x.b + (y.b & m.b));
}
static inline row row_double(row x)
{
    return row_new(x.a << 1, x.b << 1);
}
static inline row row_shift_left(row x, int count)
{
    return row_new(x.a << count, x.b << count);
}
static inline limb row_first(row x)
{
    return (limb)x.a;
}
static inline limb row_second(row x)
{
    return (limb)x.b;
}
#endif

/* steps <= L divsteps on the low words of f and g; returns the new zeta.
 * zeta = -(delta + 1/2) is an integer, the first case's test delta > 0 is
 * its sign, and both updates are zeta' = (zeta ^ swap) - 1: 1 - delta is
 * -zeta - 2 = ~zeta - 1, 1 + delta is zeta - 1. The rows of T start as the
 * identity: a step doubles the f row instead of halving the g row, so every
 * entry stays an integer. After fewer than L steps, T is scaled by
 * 2^(L - steps), so that it divides by 2^L like a whole batch's. */
static limb divsteps(limb zeta, ulimb f, ulimb g, int steps, matrix *t)
{
    row f_row = row_new(1, 0), g_row = row_new(0, 1); /* (u, v) and (q, r) */
    for (int i = 0; i < steps; i++) {
        ulimb swap = sign_mask(zeta); /* delta > 0 */
        ulimb odd = (ulimb)0 - (g & 1);
        ulimb x = (f ^ swap) - swap;
        /* g += f or g -= f (when g is odd), and the g row alike */
        g += x & odd;
        g_row = row_add_if(g_row, row_negate_if(f_row, row_mask(swap)), row_mask(odd));
        /* the first case: f takes the old g, which is the new g plus f */
        swap &= odd;
        zeta = (limb)(((ulimb)zeta ^ swap) - 1);
        f += g & swap;
        f_row = row_add_if(f_row, g_row, row_mask(swap));
        g >>= 1; /* g is even here; its low L - i - 1 bits stay exact */
        f_row = row_double(f_row);
    }
    f_row = row_shift_left(f_row, L - steps);
    g_row = row_shift_left(g_row, L - steps);
    t->u = row_first(f_row);
    t->v = row_second(f_row);
    t->q = row_first(g_row);
    t->r = row_second(g_row);
    return zeta;
}

/* (x, y) = (u x + v y + cx m, q x + r y + cy m) / 2^L, where T (and cx, cy)
 * make the low L bits zero; without m (NULL, for f and g) it is T (x, y) /
 * 2^L exactly. m is public, so is the test on it. */
static inline void apply_matrix(num *x, num *y, const matrix *t, const num *m, limb cx, limb cy, size_t n)
{
    wide ax = (wide)t->u * x->l[0] + (wide)t->v * y->l[0];
    wide ay = (wide)t->q * x->l[0] + (wide)t->r * y->l[0];
    if (m) {
        ax += (wide)cx * m->l[0];
        ay += (wide)cy * m->l[0];
    }
    ax >>= L;
    ay >>= L;
    for (size_t i = 1; i < n; i++) {
        ax += (wide)t->u * x->l[i] + (wide)t->v * y->l[i];
        ay += (wide)t->q * x->l[i] + (wide)t->r * y->l[i];
        if (m) {
            ax += (wide)cx * m->l[i];
            ay += (wide)cy * m->l[i];
        }
        x->l[i - 1] = (limb)((ulimb)ax & DIGIT_MASK);
        y->l[i - 1] = (limb)((ulimb)ay & DIGIT_MASK);
        ax >>= L;
        ay >>= L;
    }
    x->l[n - 1] = (limb)ax;
    y->l[n - 1] = (limb)ay;
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

/* x += m if x < 0. */
static void add_m_if_negative(num *x, const num *m, size_t n)
{
    ulimb neg = sign_mask(x->l[n - 1]);
    for (size_t i = 0; i < n; i++)
        x->l[i] += (limb)((ulimb)m->l[i] & neg);
    propagate(x, n);
}

/* x in (-2m, 2m) to [0, m): add m if negative, twice, then subtract m
 * unless that goes below zero. */
static void normalize(num *x, const num *m, size_t n)
{
    num t;
    ulimb keep;
    add_m_if_negative(x, m, n);
    add_m_if_negative(x, m, n);
    for (size_t i = 0; i < n; i++)
        t.l[i] = x->l[i] - m->l[i];
    propagate(&t, n);
    keep = sign_mask(t.l[n - 1]);
    for (size_t i = 0; i < n; i++)
        x->l[i] = (limb)(((ulimb)x->l[i] & keep) | ((ulimb)t.l[i] & ~keep));
    tls13_wipe(&t, sizeof(t));
}

/* (d, e) = T (d, e) / 2^L mod m, in (-2m, m) in and out, with no
 * normalisation between batches. A negative d is taken as d + m (now in
 * (-m, m)), which only adds u m to the first sum (and q m to the second),
 * so |u d + v e| < 2^L m as |u| + |v| <= 2^L. Subtracting c m, c in
 * [0, 2^L), clears the low L bits, and the quotient is in (-2m, m). */
static void update_de(num *d, num *e, const matrix *t, const num *m, uint64_t m_inv, size_t n)
{
    ulimb sd = sign_mask(d->l[n - 1]), se = sign_mask(e->l[n - 1]);
    limb md = (limb)(((ulimb)t->u & sd) + ((ulimb)t->v & se));
    limb me = (limb)(((ulimb)t->q & sd) + ((ulimb)t->r & se));
    uint64_t low_d = (uint64_t)(ulimb)t->u * (uint64_t)d->l[0] + (uint64_t)(ulimb)t->v * (uint64_t)e->l[0] +
                     (uint64_t)(ulimb)md * (uint64_t)m->l[0];
    uint64_t low_e = (uint64_t)(ulimb)t->q * (uint64_t)d->l[0] + (uint64_t)(ulimb)t->r * (uint64_t)e->l[0] +
                     (uint64_t)(ulimb)me * (uint64_t)m->l[0];
    md -= (limb)((low_d * m_inv) & DIGIT_MASK);
    me -= (limb)((low_e * m_inv) & DIGIT_MASK);
    apply_matrix(d, e, t, m, md, me, n);
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
    const size_t steps = (45907 * bits + 26313) / 19929, batches = (steps + L - 1) / L;
    uint64_t m_inv = m_words[0]; /* m^-1 mod 2^64 by Newton: 3, 6, ... 96 bits */
    num m, f, g, d, e;
    matrix t;
    limb zeta = -1; /* delta = 1/2 */
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
        zeta = divsteps(zeta, (ulimb)f.l[0], (ulimb)g.l[0], (int)(i + 1 < batches ? L : steps - i * L), &t);
        apply_matrix(&f, &g, &t, NULL, 0, 0, n); /* |f|, |g| never exceed m */
        update_de(&d, &e, &t, &m, m_inv, n);
    }
    /* g = 0 and f = +-1 (f = m when a = 0, with d = 0): a^-1 = sign(f) d,
     * which is in (-2m, 2m). */
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
    tls13_wipe(&zeta, sizeof(zeta));
}
