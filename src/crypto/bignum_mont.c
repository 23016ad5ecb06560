/*
 * Montgomery arithmetic (Montgomery 1985) and modular exponentiation for
 * RSA.
 */
#include "bignum.h"

#include <string.h>

#include "base/cpu.h"
#include "base/mem.h"

#if defined(TLS13_X86_64) && TLS13_LIMB_BITS == 64
#include <immintrin.h>
#endif

typedef tls13_dlimb dlimb;

/* The kernel (bignum_mont_columns.h) is instantiated twice: as loops for
 * any size, and fully unrolled for the sizes RSA's exponentiations run at
 * (16, 24 and 32 limbs: the CRT halves of 2048-, 3072- and 4096-bit keys and
 * 2048-bit public operations), where the unrolled code avoids the
 * mispredicted exits of inner loops whose lengths change from column to
 * column (about 20% faster with gcc 12 at 16 and 32 limbs, 30% at 24).
 * Each is inlined into its callers so the branches on the constant `mode`
 * disappear. */
#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* Scratch for one multiplication: the quotient digits u and the output. */
#define SCRATCH_LIMBS (2 * TLS13_BN_MAX_LIMBS)

/* The loop instance unrolls the loops inside a column 8 times: with gcc 12
 * that took the 48- and 64-limb kernels (RSA-3072 and -4096 public
 * operations) from about 2.9 to 2.2 cycles per limb product (squaring: 3.3
 * to 2.35). The full unrolling and this pragma are gcc only: clang cannot
 * fully unroll these nested loops and gained nothing from it in our
 * measurements. */
#define MONT_COLUMNS_NAME mont_columns_loop
#define MONT_COLUMNS_UNROLL_COLUMNS
#if defined(__GNUC__) && !defined(__clang__)
#define MONT_COLUMNS_UNROLL _Pragma("GCC unroll 8")
#else
#define MONT_COLUMNS_UNROLL
#endif
#include "bignum_mont_columns.h"

#if defined(__GNUC__) && !defined(__clang__)
#define MONT_COLUMNS_UNROLLED 1
#define MONT_COLUMNS_NAME mont_columns_unrolled
#define MONT_COLUMNS_UNROLL_COLUMNS _Pragma("GCC unroll 64")
#define MONT_COLUMNS_UNROLL _Pragma("GCC unroll 64")
#include "bignum_mont_columns.h"
#endif

/* Squaring is chosen when both operands are one. */
static void mont_mul_scratch(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b,
                             tls13_limb *t)
{
    size_t n = ctx->limbs;
#ifdef MONT_COLUMNS_UNROLLED
#define UNROLLED_CASE(N)                                                                  \
    case N:                                                                               \
        if (a == b)                                                                       \
            mont_columns_unrolled(r, a, a, ctx->m, ctx->m0inv, N, t, MONT_SQUARE);        \
        else                                                                              \
            mont_columns_unrolled(r, a, b, ctx->m, ctx->m0inv, N, t, MONT_MUL);           \
        return;
    switch (n) {
        UNROLLED_CASE(16)
        UNROLLED_CASE(24)
        UNROLLED_CASE(32)
    default:
        break;
    }
#undef UNROLLED_CASE
#endif
    if (a == b)
        mont_columns_loop(r, a, a, ctx->m, ctx->m0inv, n, t, MONT_SQUARE);
    else
        mont_columns_loop(r, a, b, ctx->m, ctx->m0inv, n, t, MONT_MUL);
}

void tls13_mont_mul(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b)
{
    tls13_limb t[SCRATCH_LIMBS];
    mont_mul_scratch(ctx, r, a, b, t);
    tls13_wipe(t, 2 * ctx->limbs * sizeof(*t));
}

/* r = a + b mod m for a, b < m; no temporaries, so nothing to wipe. */
static void add_mod(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b)
{
    tls13_limb carry = 0, borrow = 0, mask;
    size_t n = ctx->limbs;
    for (size_t j = 0; j < n; j++) {
        dlimb s = (dlimb)a[j] + b[j] + carry;
        r[j] = (tls13_limb)s;
        carry = (tls13_limb)(s >> TLS13_LIMB_BITS);
    }
    for (size_t j = 0; j < n; j++)
        borrow = (tls13_limb)(((dlimb)r[j] - ctx->m[j] - borrow) >> TLS13_LIMB_BITS) & 1;
    /* Subtract m when the sum carried out or is at least m. */
    mask = (tls13_limb)0 - (carry | (borrow ^ 1));
    borrow = 0;
    for (size_t j = 0; j < n; j++) {
        dlimb d = (dlimb)r[j] - (ctx->m[j] & mask) - borrow;
        r[j] = (tls13_limb)d;
        borrow = (tls13_limb)(d >> TLS13_LIMB_BITS) & 1;
    }
}

void tls13_mont_sub(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a, const tls13_limb *b)
{
    tls13_limb d[TLS13_BN_MAX_LIMBS], mask, borrow, carry = 0;
    size_t n = ctx->limbs;
    borrow = tls13_bn_sub(d, a, b, n);
    /* Add m back when the subtraction borrowed, by masking m. */
    mask = (tls13_limb)0 - borrow;
    for (size_t j = 0; j < n; j++) {
        tls13_dlimb s = (tls13_dlimb)d[j] + (ctx->m[j] & mask) + carry;
        r[j] = (tls13_limb)s;
        carry = (tls13_limb)(s >> TLS13_LIMB_BITS);
    }
    tls13_wipe(d, n * sizeof(*d));
}

/* Everything but R^2 mod m; 0 when m is unusable. */
static int mont_init_common(tls13_mont *ctx, const tls13_limb *m, size_t limbs)
{
    tls13_limb x;

    if (limbs == 0 || limbs > TLS13_BN_MAX_LIMBS || !(m[0] & 1) || m[limbs - 1] == 0)
        return 0;
    memset(ctx, 0, sizeof(*ctx));
    ctx->limbs = limbs;
    memcpy(ctx->m, m, limbs * sizeof(*m));

    /* Newton's iteration x = x(2 - m0 x) doubles the number of correct low
     * bits; x = m0 is already right modulo 8 for odd m0. */
    x = m[0];
    for (int i = 0; i < 5; i++)
        x *= 2 - m[0] * x;
    ctx->m0inv = (tls13_limb)0 - x;
    return 1;
}

int tls13_mont_init_vartime(tls13_mont *ctx, const tls13_limb *m, size_t limbs)
{
    if (!mont_init_common(ctx, m, limbs))
        return 0;
    tls13_bn_radix_power_mod_vartime(ctx->rr, 2 * limbs, m, limbs);
    return 1;
}

int tls13_mont_init_vartime_without_rr(tls13_mont *ctx, const tls13_limb *m, size_t limbs)
{
    return mont_init_common(ctx, m, limbs);
}

void tls13_mont_to_vartime(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *x)
{
    tls13_bn_shift_mod_vartime(r, x, ctx->limbs, ctx->m, ctx->limbs);
}

int tls13_mont_init(tls13_mont *ctx, const tls13_limb *m, size_t limbs)
{
    tls13_limb base[TLS13_BN_MAX_LIMBS], acc[TLS13_BN_MAX_LIMBS];
    size_t bits, rbits = limbs * TLS13_LIMB_BITS, top;

    if (!mont_init_common(ctx, m, limbs))
        return 0;
    /* 2^16 R mod m, the Montgomery form of 2^16, by doubling 2^(bits-1)
     * (< m) with one conditional subtraction each; the bit length of m is
     * public (the key size). Then R^2, the Montgomery form of 2^rbits =
     * (2^16)^(rbits/16), by square and multiply over the public exponent
     * rbits/16. Measured on 2048-bit moduli, 16 balances the doublings
     * against the squarings (7 here, where Montgomery 2 would take 11). */
    bits = tls13_bn_bits_vartime(m, limbs);
    memset(base, 0, sizeof(base));
    base[(bits - 1) / TLS13_LIMB_BITS] = (tls13_limb)1 << ((bits - 1) % TLS13_LIMB_BITS);
    for (size_t i = bits - 1; i < rbits + 16; i++)
        add_mod(ctx, base, base, base);
    memcpy(acc, base, sizeof(acc));
    for (top = 0; ((rbits / 16) >> top) > 1; top++)
        ;
    while (top-- > 0) {
        tls13_mont_mul(ctx, acc, acc, acc);
        if (((rbits / 16) >> top) & 1)
            tls13_mont_mul(ctx, acc, acc, base);
    }
    memcpy(ctx->rr, acc, limbs * sizeof(*acc));
    tls13_wipe(base, sizeof(base));
    tls13_wipe(acc, sizeof(acc));
    return 1;
}

void tls13_mont_to(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *x, size_t xlimbs)
{
    /* Horner's rule over chunks of n limbs x_k (each < R), from the top:
     * Mont(V R + x_k) = Mont(V) * R^2 / R + x_k * R^2 / R. */
    size_t n = ctx->limbs, chunks = (xlimbs + n - 1) / n;
    tls13_limb acc[TLS13_BN_MAX_LIMBS], chunk[TLS13_BN_MAX_LIMBS], part[TLS13_BN_MAX_LIMBS];
    tls13_limb t[SCRATCH_LIMBS];

    memset(acc, 0, n * sizeof(*acc));
    for (size_t k = chunks; k-- > 0;) {
        size_t lo = k * n, len = xlimbs - lo < n ? xlimbs - lo : n;
        memset(chunk, 0, n * sizeof(*chunk));
        memcpy(chunk, x + lo, len * sizeof(*x));
        if (k == chunks - 1) {
            mont_mul_scratch(ctx, acc, chunk, ctx->rr, t);
            continue;
        }
        mont_mul_scratch(ctx, part, chunk, ctx->rr, t);
        mont_mul_scratch(ctx, acc, acc, ctx->rr, t);
        add_mod(ctx, acc, acc, part);
    }
    memcpy(r, acc, n * sizeof(*acc)); /* last: r may alias x */
    tls13_wipe(acc, sizeof(acc));
    tls13_wipe(chunk, sizeof(chunk));
    tls13_wipe(part, sizeof(part));
    tls13_wipe(t, sizeof(t));
}

void tls13_mont_from(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a)
{
    /* Montgomery reduction alone: half the work of multiplying by 1. It
     * runs once per exponentiation, so the loop kernel serves every size
     * and the unrolled code stays small. */
    tls13_limb t[SCRATCH_LIMBS];
    mont_columns_loop(r, a, a, ctx->m, ctx->m0inv, ctx->limbs, t, MONT_REDUCE);
    tls13_wipe(t, 2 * ctx->limbs * sizeof(*t));
}

void tls13_mont_one(const tls13_mont *ctx, tls13_limb *r)
{
    tls13_mont_from(ctx, r, ctx->rr);
}

/* Bits [pos, pos + count) of exp; positions are public. */
static unsigned window_at(const tls13_limb *exp, size_t pos, unsigned count)
{
    unsigned w = 0;
    for (unsigned k = count; k-- > 0;) {
        size_t bit = pos + k;
        w = (w << 1) | (unsigned)((exp[bit / TLS13_LIMB_BITS] >> (bit % TLS13_LIMB_BITS)) & 1);
    }
    return w;
}

/* Entries on 64-byte boundaries (16-limb and larger entries then never
 * straddle cache lines in the vector scan). */
#if defined(__GNUC__) || defined(__clang__)
#define TABLE_ALIGN __attribute__((aligned(64)))
#else
#define TABLE_ALIGN
#endif

#define EXP_WINDOW 5
#define EXP_TABLE (1u << EXP_WINDOW)

/* out = table[index], reading every entry so the address pattern does not
 * depend on the secret index. The entries' masks are computed once; each
 * output limb is then gathered in a register. */
static void table_select_n(tls13_limb *restrict out, const tls13_limb *restrict table, size_t n, unsigned index)
{
    tls13_limb mask[EXP_TABLE];
    for (unsigned i = 0; i < EXP_TABLE; i++)
        mask[i] = ~tls13_limb_nonzero_mask((tls13_limb)(i ^ index));
    for (size_t j = 0; j < n; j++) {
        tls13_limb acc = 0;
        for (unsigned i = 0; i < EXP_TABLE; i++)
            acc |= table[(size_t)i * n + j] & mask[i];
        out[j] = acc;
    }
    tls13_wipe(mask, sizeof(mask)); /* they encode the secret index */
}

#if defined(TLS13_X86_64) && TLS13_LIMB_BITS == 64
/* The same scan four limbs at a time; n must be a multiple of 4. The masks
 * come from vector compares of the entry number with the index (no
 * data-dependent timing), made once and kept on the stack. */
TLS13_TARGET("avx2")
static void table_select_avx2(tls13_limb *out, const tls13_limb *table, size_t n, unsigned index)
{
    __m256i mask[EXP_TABLE];
    const __m256i want = _mm256_set1_epi64x((long long)index);
    for (unsigned i = 0; i < EXP_TABLE; i++)
        mask[i] = _mm256_cmpeq_epi64(_mm256_set1_epi64x((long long)i), want);
    for (size_t j = 0; j < n; j += 4) {
        __m256i acc = _mm256_setzero_si256();
        for (unsigned i = 0; i < EXP_TABLE; i++) {
            __m256i entry = _mm256_loadu_si256((const __m256i *)(const void *)(table + (size_t)i * n + j));
            acc = _mm256_or_si256(acc, _mm256_and_si256(entry, mask[i]));
        }
        _mm256_storeu_si256((__m256i *)(void *)(out + j), acc);
    }
    tls13_wipe(mask, sizeof(mask)); /* they encode the secret index */
}
#endif

static void table_select(tls13_limb *out, const tls13_limb *table, size_t n, unsigned index)
{
#if defined(TLS13_X86_64) && TLS13_LIMB_BITS == 64
    if (n % 4 == 0 && tls13_cpu_has(TLS13_CPU_AVX2)) {
        table_select_avx2(out, table, n, index);
        return;
    }
#endif
    table_select_n(out, table, n, index);
}

void tls13_mont_exp(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a,
                    const tls13_limb *exp, size_t exp_limbs)
{
    size_t n = ctx->limbs, bits = exp_limbs * TLS13_LIMB_BITS, pos;
    TABLE_ALIGN tls13_limb table[EXP_TABLE * TLS13_BN_MAX_LIMBS];
    tls13_limb acc[TLS13_BN_MAX_LIMBS], sel[TLS13_BN_MAX_LIMBS];
    tls13_limb t[SCRATCH_LIMBS];
    unsigned first;

    tls13_mont_one(ctx, table);
    memcpy(table + n, a, n * sizeof(*a));
    /* Even entries as squares (the cheaper kernel), odd ones times a. */
    for (unsigned i = 2; i < EXP_TABLE; i++) {
        const tls13_limb *half = table + (i / 2) * n;
        mont_mul_scratch(ctx, table + i * n, i % 2 ? table + (i - 1) * n : half, i % 2 ? a : half, t);
    }

    /* Left to right; the top window takes the bits left over by the
     * 5-bit windows below it. */
    first = (unsigned)(bits % EXP_WINDOW);
    if (first == 0)
        first = EXP_WINDOW;
    pos = bits - first;
    table_select(acc, table, n, window_at(exp, pos, first));
    while (pos > 0) {
        pos -= EXP_WINDOW;
        for (int s = 0; s < EXP_WINDOW; s++)
            mont_mul_scratch(ctx, acc, acc, acc, t);
        table_select(sel, table, n, window_at(exp, pos, EXP_WINDOW));
        mont_mul_scratch(ctx, acc, acc, sel, t);
    }
    memcpy(r, acc, n * sizeof(*acc));
    tls13_wipe(table, EXP_TABLE * n * sizeof(*table));
    tls13_wipe(acc, sizeof(acc));
    tls13_wipe(sel, sizeof(sel));
    tls13_wipe(t, sizeof(t));
}

void tls13_mont_exp_vartime(const tls13_mont *ctx, tls13_limb *r, const tls13_limb *a,
                            const uint8_t *exp, size_t exp_len)
{
    tls13_limb acc[TLS13_BN_MAX_LIMBS], t[SCRATCH_LIMBS];
    size_t n = ctx->limbs;
    int started = 0;

    /* 1 in Montgomery form is needed only for an exponent of zero; others
     * start from the base at their top set bit. */
    for (size_t i = 0; i < exp_len; i++) {
        for (int b = 7; b >= 0; b--) {
            if (started)
                mont_mul_scratch(ctx, acc, acc, acc, t);
            if ((exp[i] >> b) & 1) {
                if (started)
                    mont_mul_scratch(ctx, acc, acc, a, t);
                else
                    memcpy(acc, a, n * sizeof(*a));
                started = 1;
            }
        }
    }
    if (!started)
        tls13_mont_one(ctx, acc);
    memcpy(r, acc, n * sizeof(*acc));
    /* The base may be secret (a blinding factor) even if e is not. */
    tls13_wipe(acc, sizeof(acc));
    tls13_wipe(t, sizeof(t));
}
