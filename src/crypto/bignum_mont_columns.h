/*
 * The Montgomery multiplication kernel, included by bignum_mont.c once per
 * instantiation with MONT_COLUMNS_NAME (the function's name),
 * MONT_COLUMNS_UNROLL_COLUMNS (a pragma for the loop over the columns, or
 * nothing) and MONT_COLUMNS_UNROLL (a pragma for the loops inside a column
 * and over the limbs of the result) defined. Not a header of its own: there
 * is no include guard on purpose.
 *
 * Product scanning (Kaliski and Koc, "Analyzing and comparing Montgomery
 * multiplication algorithms", 1996, FIPS method): column k of the result
 * sums the products a[i] b[k-i] and u[i] m[k-i] in a three-limb
 * accumulator, and for k < n picks the quotient digit u[k] that clears the
 * column. `mode` is a constant at every call site: MONT_MUL (a b R^-1),
 * MONT_SQUARE (a^2 R^-1, each cross product once and doubled: about half
 * the a-products) or MONT_REDUCE (a R^-1, no a-products at all: column k
 * just adds a[k]).
 */
#ifndef MONT_MUL
#define MONT_MUL 0
#define MONT_SQUARE 1
#define MONT_REDUCE 2
#endif

#ifndef MUL_ACC
/* (hi:acc) += x * y: a three-limb column accumulator. */
#define MUL_ACC(acc, hi, x, y)                   \
    do {                                         \
        dlimb p_ = (dlimb)(x) * (y);             \
        (acc) += p_;                             \
        (hi) += (tls13_limb)((acc) < p_);        \
    } while (0)
#endif

static ALWAYS_INLINE void MONT_COLUMNS_NAME(tls13_limb *r, const tls13_limb *a, const tls13_limb *b,
                                             const tls13_limb *m, tls13_limb m0inv, size_t n, tls13_limb *t,
                                             int mode)
{
    tls13_limb *u = t, *out = t + n, hi = 0, borrow, keep;
    dlimb acc = 0;

    MONT_COLUMNS_UNROLL_COLUMNS
    for (size_t k = 0; k < 2 * n - 1; k++) {
        size_t lo = k < n ? 0 : k - n + 1, top = k < n ? k : n - 1;
        if (mode == MONT_REDUCE) {
            if (k < n) {
                acc += a[k];
                hi += (tls13_limb)(acc < a[k]);
            }
        } else if (mode == MONT_SQUARE) {
            dlimb cross = 0;
            tls13_limb cross_hi = 0;
            MONT_COLUMNS_UNROLL
            for (size_t i = lo; i < k - i; i++)
                MUL_ACC(cross, cross_hi, a[i], a[k - i]);
            /* Twice the cross products: two additions compile to fewer
             * instructions than a three-limb shift and one. */
            acc += cross;
            hi += cross_hi + (tls13_limb)(acc < cross);
            acc += cross;
            hi += cross_hi + (tls13_limb)(acc < cross);
            if (!(k & 1))
                MUL_ACC(acc, hi, a[k / 2], a[k / 2]);
        } else {
            MONT_COLUMNS_UNROLL
            for (size_t i = lo; i <= top; i++)
                MUL_ACC(acc, hi, a[i], b[k - i]);
        }
        MONT_COLUMNS_UNROLL
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
    borrow = 0;
    MONT_COLUMNS_UNROLL
    for (size_t j = 0; j < n; j++) {
        dlimb d = (dlimb)out[j] - m[j] - borrow;
        r[j] = (tls13_limb)d;
        borrow = (tls13_limb)(d >> TLS13_LIMB_BITS) & 1;
    }
    keep = (tls13_limb)0 - (borrow & (hi ^ 1));
    MONT_COLUMNS_UNROLL
    for (size_t j = 0; j < n; j++)
        r[j] = (out[j] & keep) | (r[j] & ~keep);
}

#undef MONT_COLUMNS_NAME
#undef MONT_COLUMNS_UNROLL_COLUMNS
#undef MONT_COLUMNS_UNROLL
