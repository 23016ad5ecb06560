/* src/crypto/modinv.c: the constant-time inverse checked by a r = 1 (mod m),
 * with a product and remainder written here (32-bit half products, one bit
 * at a time), over edge and pseudo-random values for the moduli libtls13
 * inverts modulo and a few other primes of 1 to 6 words. The portable build
 * runs the same cases on the 30-bit digit code. */
#include "test_support.h"

#include <stdio.h>
#include <string.h>

#include "crypto/modinv.h"

#define W TLS13_MODINV_MAX_WORDS

typedef struct modulus {
    const char *name;
    size_t nwords;
    uint64_t m[W];
} modulus;

static const modulus moduli[] = {
    { "2^255 - 19", 4,
      { 0xffffffffffffffedull, 0xffffffffffffffffull, 0xffffffffffffffffull, 0x7fffffffffffffffull } },
    { "P-256 p", 4,
      { 0xffffffffffffffffull, 0x00000000ffffffffull, 0x0000000000000000ull, 0xffffffff00000001ull } },
    { "P-256 n", 4,
      { 0xf3b9cac2fc632551ull, 0xbce6faada7179e84ull, 0xffffffffffffffffull, 0xffffffff00000000ull } },
    { "P-384 p", 6,
      { 0x00000000ffffffffull, 0xffffffff00000000ull, 0xfffffffffffffffeull, 0xffffffffffffffffull,
        0xffffffffffffffffull, 0xffffffffffffffffull } },
    { "P-384 n", 6,
      { 0xecec196accc52973ull, 0x581a0db248b0a77aull, 0xc7634d81f4372ddfull, 0xffffffffffffffffull,
        0xffffffffffffffffull, 0xffffffffffffffffull } },
    { "secp256k1 p", 4,
      { 0xfffffffefffffc2full, 0xffffffffffffffffull, 0xffffffffffffffffull, 0xffffffffffffffffull } },
    { "P-224 p", 4, { 0x0000000000000001ull, 0xffffffff00000000ull, 0xffffffffffffffffull, 0x00000000ffffffffull } },
    { "2^127 - 1", 2, { 0xffffffffffffffffull, 0x7fffffffffffffffull } },
    { "2^61 - 1", 1, { 0x1fffffffffffffffull } },
};

static int cmp(const uint64_t *a, const uint64_t *b, size_t n)
{
    for (size_t i = n; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* a b mod m: a 2n-word product from 32-bit halves, then the remainder bit by
 * bit (rem = 2 rem + bit, minus m once it reaches m). */
static void ref_mulmod(uint64_t *r, const uint64_t *a, const uint64_t *b, const uint64_t *m, size_t n)
{
    uint32_t x[2 * W], y[2 * W], t[4 * W] = { 0 };
    uint64_t rem[W + 1] = { 0 }, mm[W + 1] = { 0 };
    for (size_t i = 0; i < n; i++) {
        x[2 * i] = (uint32_t)a[i];
        x[2 * i + 1] = (uint32_t)(a[i] >> 32);
        y[2 * i] = (uint32_t)b[i];
        y[2 * i + 1] = (uint32_t)(b[i] >> 32);
    }
    for (size_t i = 0; i < 2 * n; i++) {
        uint64_t c = 0;
        for (size_t j = 0; j < 2 * n; j++) {
            c += (uint64_t)x[i] * y[j] + t[i + j];
            t[i + j] = (uint32_t)c;
            c >>= 32;
        }
        t[i + 2 * n] = (uint32_t)c;
    }
    memcpy(mm, m, n * sizeof(uint64_t));
    for (size_t bit = 128 * n; bit-- > 0;) {
        uint64_t carry = (t[bit / 32] >> (bit % 32)) & 1;
        for (size_t j = 0; j <= n; j++) {
            uint64_t top = rem[j] >> 63;
            rem[j] = (rem[j] << 1) | carry;
            carry = top;
        }
        if (cmp(rem, mm, n + 1) >= 0) {
            uint64_t borrow = 0;
            for (size_t j = 0; j <= n; j++) {
                uint64_t d = rem[j] - mm[j] - borrow;
                borrow = (rem[j] < mm[j]) || (rem[j] == mm[j] && borrow);
                rem[j] = d;
            }
        }
    }
    memcpy(r, rem, n * sizeof(uint64_t));
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Reduces a below m by clearing top bits, then subtracting m while needed. */
static void below(uint64_t *a, const modulus *md)
{
    size_t n = md->nwords, top = n - 1;
    uint64_t keep = md->m[top];
    keep |= keep >> 1; keep |= keep >> 2; keep |= keep >> 4; /* the bits at or below m's top bit */
    keep |= keep >> 8; keep |= keep >> 16; keep |= keep >> 32;
    a[top] &= keep;
    while (cmp(a, md->m, n) >= 0) {
        uint64_t borrow = 0;
        for (size_t j = 0; j < n; j++) {
            uint64_t d = a[j] - md->m[j] - borrow;
            borrow = (a[j] < md->m[j]) || (a[j] == md->m[j] && borrow);
            a[j] = d;
        }
    }
}

/* a = m - x 2^(64 word), with the borrow carried up. */
static void m_minus(uint64_t *a, const modulus *md, size_t word, uint64_t x)
{
    memcpy(a, md->m, W * sizeof(uint64_t));
    for (size_t j = word; j < md->nwords; j++) {
        uint64_t old = a[j];
        a[j] -= x;
        if (old >= x)
            break;
        x = 1;
    }
}

/* 1 if tls13_modinv(a) is below m and a r = 1 (0 for a = 0), also in place. */
static int check(const modulus *md, const uint64_t *a)
{
    uint64_t r[W], in_place[W], prod[W], one[W] = { 1 }, zero[W] = { 0 };
    size_t n = md->nwords;
    int is_zero = cmp(a, zero, n) == 0;
    tls13_modinv(r, a, md->m, n);
    memcpy(in_place, a, n * sizeof(uint64_t));
    tls13_modinv(in_place, in_place, md->m, n);
    if (cmp(r, in_place, n) != 0 || cmp(r, md->m, n) >= 0)
        return 0;
    if (is_zero)
        return cmp(r, zero, n) == 0;
    ref_mulmod(prod, a, r, md->m, n);
    return cmp(prod, one, n) == 0;
}

static void inverse_is_correct(void **state)
{
    const int random_cases = 300;
    (void)state;
    for (size_t k = 0; k < sizeof(moduli) / sizeof(moduli[0]); k++) {
        const modulus *md = &moduli[k];
        size_t n = md->nwords;
        unsigned run = 0, passed = 0;
        uint64_t a[W];
#define CASE()                   \
    do {                         \
        below(a, md);            \
        run++;                   \
        passed += check(md, a);  \
    } while (0)
        /* small values and m - small: 0, 1, 2, 3, m - 1, m - 2, m - 3 */
        for (uint64_t s = 0; s < 4; s++) {
            memset(a, 0, sizeof(a));
            a[0] = s;
            CASE();
            m_minus(a, md, 0, s + 1);
            CASE();
        }
        /* (m - 1) / 2 and (m + 1) / 2 */
        for (int plus = 0; plus < 2; plus++) {
            for (size_t j = 0; j < n; j++)
                a[j] = (md->m[j] >> 1) | (j + 1 < n ? md->m[j + 1] << 63 : 0);
            a[0] += (uint64_t)plus;
            CASE();
        }
        /* single bits 2^b and m - 2^b; all-ones and alternating patterns */
        for (size_t b = 0; b < 64 * n; b += 7) {
            memset(a, 0, sizeof(a));
            a[b / 64] = (uint64_t)1 << (b % 64);
            CASE();
            m_minus(a, md, b / 64, (uint64_t)1 << (b % 64));
            CASE();
        }
        for (int pattern = 0; pattern < 3; pattern++) {
            static const uint64_t fill[3] = { ~0ull, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull };
            for (size_t j = 0; j < n; j++)
                a[j] = fill[pattern];
            CASE();
        }
        for (int i = 0; i < random_cases; i++) {
            for (size_t j = 0; j < n; j++)
                a[j] = rng();
            if (i % 3 == 0) /* short values: long runs of zero top bits */
                a[n - 1] >>= rng() % 64;
            CASE();
        }
#undef CASE
        printf("modinv %s: %u cases, %u passed\n", md->name, run, passed);
        assert_true(run > (unsigned)random_cases);
        assert_int_equal(passed, run);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inverse_is_correct),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
