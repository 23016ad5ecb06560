/* X25519 (RFC 7748) and the field arithmetic under it, on every code path
 * this CPU has and on both field backends. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tls13.h"
#include "base/cpu.h"
#include "base/random.h"
#include "crypto/fe25519.h"
#include "crypto/fe25519_64.h"
#include "crypto/x25519.h"

/* The feature sets to test: portable, everything but AVX2 (the radix 2^64
 * ladder alone), then whatever the CPU offers (with AVX2, the ladder that
 * squares on the vector unit). */
static const uint32_t paths[] = {0, ~(uint32_t)TLS13_CPU_AVX2, UINT32_MAX};
#define NPATHS (sizeof(paths) / sizeof(paths[0]))

/* ---- field backends ---- */

/* Deterministic test inputs (xorshift64*); not a secret source. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dULL;
}
static void rng_bytes(uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (uint8_t)(rng_next() >> 56);
}

/* Inputs the carries find hardest: around 0, p and 2^255, plus random. */
static void field_input(uint8_t s[32], int i)
{
    memset(s, 0, 32);
    switch (i) {
    case 0: break;                                                   /* 0 */
    case 1: s[0] = 1; break;                                         /* 1 */
    case 2: memset(s, 0xff, 32); s[0] = 0xec; s[31] = 0x7f; break;   /* p - 1 */
    case 3: memset(s, 0xff, 32); s[0] = 0xed; s[31] = 0x7f; break;   /* p */
    case 4: memset(s, 0xff, 32); s[0] = 0xee; s[31] = 0x7f; break;   /* p + 1 */
    case 5: memset(s, 0xff, 32); s[31] = 0x7f; break;                /* 2^255 - 1 */
    case 6: memset(s, 0xff, 32); break;                              /* bit 255 set */
    default: rng_bytes(s, 32); if (i % 3 == 0) memset(s + 8, 0xff, 16); break;
    }
}

/* The selected backend obeys the field laws and encodes canonically. */
static void field_laws(void **state)
{
    tt_count c = {"field laws (" TLS13_FE25519_BACKEND ")", 0, 0, 0};
    (void)state;
    for (int i = 0; i < 300; i++) {
        uint8_t sa[32], sb[32], sc[32], l[32], r[32];
        tls13_fe a, b, cc, t, u, v;
        int ok = 1;
        field_input(sa, i);
        field_input(sb, i + 7);
        field_input(sc, i + 13);
        tls13_fe_frombytes(&a, sa);
        tls13_fe_frombytes(&b, sb);
        tls13_fe_frombytes(&cc, sc);
        /* a (b + c) = a b + a c */
        tls13_fe_add(&t, &b, &cc);
        tls13_fe_mul(&t, &a, &t);
        tls13_fe_mul(&u, &a, &b);
        tls13_fe_mul(&v, &a, &cc);
        tls13_fe_add(&u, &u, &v);
        tls13_fe_tobytes(l, &t);
        tls13_fe_tobytes(r, &u);
        ok &= memcmp(l, r, 32) == 0;
        /* (a - b) + b = a, and a^2 = a a */
        tls13_fe_sub(&t, &a, &b);
        tls13_fe_add(&t, &t, &b);
        tls13_fe_carry(&u, &a);
        tls13_fe_tobytes(l, &t);
        tls13_fe_tobytes(r, &u);
        ok &= memcmp(l, r, 32) == 0;
        tls13_fe_sq(&t, &a);
        tls13_fe_mul(&u, &a, &a);
        tls13_fe_tobytes(l, &t);
        tls13_fe_tobytes(r, &u);
        ok &= memcmp(l, r, 32) == 0;
        /* a a^-1 = 1 unless a = 0 */
        tls13_fe_invert(&t, &a);
        tls13_fe_mul(&t, &t, &a);
        tls13_fe_tobytes(l, &t);
        memset(r, 0, 32);
        r[0] = tls13_fe_is_zero(&a) ? 0 : 1;
        ok &= memcmp(l, r, 32) == 0;
        /* the encoding is canonical: below p */
        tls13_fe_tobytes(l, &a);
        ok &= (l[31] & 0x80) == 0;
        c.run++;
        c.passed += ok;
    }
    tt_count_report(&c);
}

static void field_encoding_is_canonical(void **state)
{
    uint8_t s[32], out[32];
    tls13_fe f;
    (void)state;
    field_input(s, 3); /* p encodes as 0 */
    tls13_fe_frombytes(&f, s);
    tls13_fe_tobytes(out, &f);
    tt_assert_hex(out, 32, "0000000000000000000000000000000000000000000000000000000000000000");
    field_input(s, 5); /* 2^255 - 1 = p + 18 */
    tls13_fe_frombytes(&f, s);
    tls13_fe_tobytes(out, &f);
    tt_assert_hex(out, 32, "1200000000000000000000000000000000000000000000000000000000000000");
    field_input(s, 6); /* bit 255 is ignored */
    tls13_fe_frombytes(&f, s);
    tls13_fe_tobytes(out, &f);
    tt_assert_hex(out, 32, "1200000000000000000000000000000000000000000000000000000000000000");
    field_input(s, 2); /* p - 1 = -1; (-1)^2 = 1 */
    tls13_fe_frombytes(&f, s);
    tls13_fe_sq(&f, &f);
    tls13_fe_tobytes(out, &f);
    tt_assert_hex(out, 32, "0100000000000000000000000000000000000000000000000000000000000000");
}

#ifdef __SIZEOF_INT128__
/* The 32-bit backend (radix 2^25.5) and the 64-bit one (radix 2^51) agree on
 * every operation, including the longest add/sub chains the curve code uses
 * (a sum of four reduced elements into mul). This runs the 32-bit backend in
 * the default build; the portable build runs all of X25519 and Ed25519 on it. */
static void field_backends_agree(void **state)
{
    tt_count c = {"radix 2^25.5 vs radix 2^51", 0, 0, 0};
    (void)state;
    for (int i = 0; i < 2000; i++) {
        uint8_t sa[32], sb[32], x[32], y[32];
        tls13_fe25 a25, b25, t25, u25;
        tls13_fe51 a51, b51, t51, u51;
        int ok = 1;
        field_input(sa, i);
        field_input(sb, i + 3);
        tls13_fe25_frombytes(&a25, sa);
        tls13_fe25_frombytes(&b25, sb);
        tls13_fe51_frombytes(&a51, sa);
        tls13_fe51_frombytes(&b51, sb);
#define SAME()                                   \
    do {                                         \
        tls13_fe25_tobytes(x, &t25);             \
        tls13_fe51_tobytes(y, &t51);             \
        ok &= memcmp(x, y, 32) == 0;             \
    } while (0)
        tls13_fe25_mul(&t25, &a25, &b25); tls13_fe51_mul(&t51, &a51, &b51); SAME();
        tls13_fe25_sq(&t25, &a25); tls13_fe51_sq(&t51, &a51); SAME();
        tls13_fe25_add(&t25, &a25, &b25); tls13_fe51_add(&t51, &a51, &b51); SAME();
        tls13_fe25_sub(&t25, &a25, &b25); tls13_fe51_sub(&t51, &a51, &b51); SAME();
        tls13_fe25_mul_small(&t25, &a25, 121665); tls13_fe51_mul_small(&t51, &a51, 121665); SAME();
        /* (a + b) + (a + b) squared and times (a - b): the widest inputs. */
        tls13_fe25_add(&u25, &a25, &b25); tls13_fe25_add(&u25, &u25, &u25);
        tls13_fe51_add(&u51, &a51, &b51); tls13_fe51_add(&u51, &u51, &u51);
        tls13_fe25_sq(&t25, &u25); tls13_fe51_sq(&t51, &u51); SAME();
        tls13_fe25_sub(&t25, &a25, &b25); tls13_fe51_sub(&t51, &a51, &b51);
        tls13_fe25_mul(&t25, &t25, &u25); tls13_fe51_mul(&t51, &t51, &u51); SAME();
        /* a sum of two on both sides of sub */
        tls13_fe25_add(&u25, &a25, &b25); tls13_fe25_sub(&t25, &u25, &u25);
        tls13_fe25_sub(&t25, &t25, &u25);
        tls13_fe51_add(&u51, &a51, &b51); tls13_fe51_sub(&t51, &u51, &u51);
        tls13_fe51_sub(&t51, &t51, &u51); SAME();
#undef SAME
        c.run++;
        c.passed += ok;
    }
    tt_count_report(&c);
}
#endif

#ifdef TLS13_X86_64
/* A full 256-bit value (bit 255 included) in the selected backend: radix
 * 2^64 elements may hold any 256-bit value, and 2^255 = 19 mod p. */
static void fe_from_256(tls13_fe *h, const uint8_t s[32])
{
    tls13_fe nineteen;
    tls13_fe_frombytes(h, s);
    tls13_fe_set_u32(&nineteen, (s[31] >> 7) * 19u);
    tls13_fe_add(h, h, &nineteen);
}

/* The same 256-bit value in the radix 2^64 backend and the selected one. */
static void fe64_and_fe_from_256(tls13_fe64 *h64, tls13_fe *h, const uint8_t s[32])
{
    for (int i = 0; i < 4; i++)
        h64->l[i] = tls13_load_le64(s + 8 * i);
    fe_from_256(h, s);
}

/* Below B = 2^255 + 2^38: the range fe25519_64.h's add and sub need, and
 * its mul, sq and mul_small_add promise. */
static int fe64_is_reduced(const tls13_fe64 *f)
{
    return f->l[3] < (1ULL << 63) || (f->l[3] == (1ULL << 63) && f->l[2] == 0 && f->l[1] == 0 && f->l[0] < (1ULL << 38));
}

/* A reduced value from any 256-bit one: kept if below 2^255, else moved into
 * [2^255, B), the top of the range (all-ones input gives B - 1). */
static void fe64_reduced_input(uint8_t s[32])
{
    if (s[31] & 0x80) {
        memset(s + 5, 0, 27);
        s[4] &= 0x3f;
        s[31] = 0x80;
    }
}

/* One case of the radix 2^64 (BMI2/ADX) backend against the selected one:
 * mul, sq and mul_small_add on any 256-bit values (their results must be
 * reduced), add and sub on reduced ones, including the results of mul; mul
 * and sq in place; cmov both ways. */
static TLS13_FE64_TARGET int fe64_case(const uint8_t sa[32], const uint8_t sb[32])
{
    tls13_fe64 a, b, t, p;
    tls13_fe ra, rb, r, rp;
    uint8_t x[32], y[32], ca[32], cb[32];
    int ok = 1;
    fe64_and_fe_from_256(&a, &ra, sa);
    fe64_and_fe_from_256(&b, &rb, sb);
#define SAME64()                                 \
    do {                                         \
        tls13_fe64_tobytes(x, &t);               \
        tls13_fe_tobytes(y, &r);                 \
        ok &= memcmp(x, y, 32) == 0;             \
    } while (0)
    t = a; r = ra; SAME64();
    tls13_fe64_mul(&t, &a, &b); tls13_fe_mul(&r, &ra, &rb); SAME64(); ok &= fe64_is_reduced(&t);
    p = t; rp = r;
    tls13_fe64_sq(&t, &a); tls13_fe_sq(&r, &ra); SAME64(); ok &= fe64_is_reduced(&t);
    tls13_fe64_mul_small_add(&t, &a, 121665, &b); tls13_fe_mul_small_add(&r, &ra, 121665, &rb); SAME64();
    ok &= fe64_is_reduced(&t);
    /* add and sub: on reduced inputs only, as the ladder gives them */
    memcpy(ca, sa, 32);
    memcpy(cb, sb, 32);
    fe64_reduced_input(ca);
    fe64_reduced_input(cb);
    fe64_and_fe_from_256(&a, &ra, ca);
    fe64_and_fe_from_256(&b, &rb, cb);
    ok &= fe64_is_reduced(&a) && fe64_is_reduced(&b);
    tls13_fe64_add(&t, &a, &b); tls13_fe_add(&r, &ra, &rb); SAME64();
    tls13_fe64_sub(&t, &a, &b); tls13_fe_sub(&r, &ra, &rb); SAME64();
    tls13_fe64_sub(&t, &b, &a); tls13_fe_sub(&r, &rb, &ra); SAME64();
    tls13_fe64_add(&t, &p, &a); tls13_fe_add(&r, &rp, &ra); SAME64();
    tls13_fe64_sub(&t, &p, &b); tls13_fe_sub(&r, &rp, &rb); SAME64();
    /* in place, as the ladder calls them */
    t = a; r = ra;
    tls13_fe64_mul(&t, &t, &b); tls13_fe_mul(&r, &r, &rb); SAME64();
    tls13_fe64_sq(&t, &t); tls13_fe_sq(&r, &r); SAME64();
    /* cmov: bit 0 keeps h, bit 1 takes g, which is left alone */
    t = a; p = b;
    tls13_fe64_cmov(&t, &p, 0);
    ok &= memcmp(&t, &a, sizeof(t)) == 0 && memcmp(&p, &b, sizeof(p)) == 0;
    tls13_fe64_cmov(&t, &p, 1);
    ok &= memcmp(&t, &b, sizeof(t)) == 0 && memcmp(&p, &b, sizeof(p)) == 0;
#undef SAME64
    return ok;
}

static void field_bmi2_adx_backend_agrees(void **state)
{
    tt_count c = {"radix 2^64 (BMI2/ADX) vs " TLS13_FE25519_BACKEND, 0, 0, 0};
    (void)state;
    if (!tls13_cpu_has(TLS13_CPU_BMI2 | TLS13_CPU_ADX)) {
        printf("no BMI2/ADX on this CPU: radix 2^64 backend not run\n");
        skip();
    }
    for (int i = 0; i < 3000; i++) {
        uint8_t sa[32], sb[32];
        field_input(sa, i);
        field_input(sb, i + 5);
        /* also the top of the 256-bit range radix 2^64 allows */
        if (i % 4 == 1)
            sa[31] |= 0x80;
        if (i % 5 == 2)
            memset(sb, 0xff, 32);
        if (i % 7 == 3)
            memset(sa, 0xff, 32);
        c.run++;
        c.passed += fe64_case(sa, sb);
    }
    tt_count_report(&c);
}
#endif

/* ---- X25519 ---- */

static void rfc7748_section_5_2_vectors(void **state)
{
    static const char *const vectors[][3] = {
        {"a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
         "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
         "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"},
        {"4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
         "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
         "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"},
    };
    tt_count c = {"RFC 7748 section 5.2 (all paths)", 0, 0, 0};
    (void)state;
    for (size_t p = 0; p < NPATHS; p++) {
        tls13_cpu_set_mask(paths[p]);
        for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
            uint8_t k[32], u[32], want[32], out[32];
            tt_hex(vectors[i][0], k, 32);
            tt_hex(vectors[i][1], u, 32);
            tt_hex(vectors[i][2], want, 32);
            c.run++;
            if (tls13_x25519(out, k, u) == TLS13_OK && memcmp(out, want, 32) == 0)
                c.passed++;
            else
                printf("mismatch: vector %zu, cpu mask %x\n", i, (unsigned)paths[p]);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

/* RFC 7748 section 5.2: k = u = 9; repeatedly (k, u) = (X25519(k, u), k). */
static void rfc7748_iterations(void **state)
{
    const char *slow = getenv("TLS13_SLOW_TESTS");
    int million = slow && strcmp(slow, "1") == 0;
    uint8_t k[32] = {9}, u[32] = {9}, out[32];
    (void)state;
    for (long i = 1; i <= (million ? 1000000L : 1000L); i++) {
        assert_int_equal(tls13_x25519(out, k, u), TLS13_OK);
        memcpy(u, k, 32);
        memcpy(k, out, 32);
        if (i == 1)
            tt_assert_hex(k, 32, "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
        if (i == 1000)
            tt_assert_hex(k, 32, "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }
    if (million)
        tt_assert_hex(k, 32, "7c3911e0ab2586fd864497297e575e6f3bc601c0883c30df5f4dd2d24f665424");
    else
        printf("1,000,000-iteration check skipped (set TLS13_SLOW_TESTS=1)\n");
}

/* RFC 7748 section 6.1, on every path. */
static void rfc7748_diffie_hellman(void **state)
{
    uint8_t a[32], b[32], pa[32], pb[32], ka[32], kb[32];
    (void)state;
    for (size_t p = 0; p < NPATHS; p++) {
        tls13_cpu_set_mask(paths[p]);
        tt_hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", a, 32);
        tt_hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb", b, 32);
        tls13_x25519_public(pa, a);
        tls13_x25519_public(pb, b);
        tt_assert_hex(pa, 32, "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        tt_assert_hex(pb, 32, "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        assert_int_equal(tls13_x25519(ka, a, pb), TLS13_OK);
        assert_int_equal(tls13_x25519(kb, b, pa), TLS13_OK);
        tt_assert_hex(ka, 32, "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        tt_assert_hex(kb, 32, "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    }
    tls13_cpu_set_mask(UINT32_MAX);
}

/* Wycheproof x25519_test.tsv. Non-canonical and twist public values are
 * computed as RFC 7748 requires (u taken mod p, bit 255 ignored), so their
 * shared value must match; a zero shared secret must be refused with
 * TLS13_ERR_ZERO_SHARED_SECRET (RFC 8446 section 7.4.2), the strict outcome
 * of those 'acceptable' vectors. */
static void wycheproof_x25519(void **state)
{
    tt_count c = {"wycheproof x25519 (all paths)", 0, 0, 0};
    unsigned acceptable = 0, zero = 0;
    (void)state;
    for (size_t p = 0; p < NPATHS; p++) {
        tt_vectors *v = tt_vectors_open("wycheproof/x25519_test.tsv");
        tls13_cpu_set_mask(paths[p]);
        while (tt_vectors_next(v)) {
            uint8_t pub[32], priv[32], want[32], out[32];
            const char *result = tt_vectors_get(v, "result");
            int zero_expected = strstr(tt_vectors_get(v, "flags"), "ZeroSharedSecret") != NULL;
            int rc;
            tt_hex(tt_vectors_get(v, "public"), pub, 32);
            tt_hex(tt_vectors_get(v, "private"), priv, 32);
            tt_hex(tt_vectors_get(v, "shared"), want, 32);
            rc = tls13_x25519(out, priv, pub);
            c.run++;
            if (p == 0) {
                acceptable += strcmp(result, "acceptable") == 0;
                zero += zero_expected;
            }
            if (strcmp(result, "invalid") == 0)
                printf("tcId %s: unexpected 'invalid' vector\n", tt_vectors_get(v, "tcId"));
            else if (zero_expected ? rc == TLS13_ERR_ZERO_SHARED_SECRET
                                   : rc == TLS13_OK && memcmp(out, want, 32) == 0)
                c.passed++;
            else
                printf("tcId %s failed (rc %d, cpu mask %x)\n", tt_vectors_get(v, "tcId"), rc, (unsigned)paths[p]);
        }
        tt_vectors_close(v);
    }
    tls13_cpu_set_mask(UINT32_MAX);
    printf("wycheproof x25519: %u acceptable vectors (strict outcome), %u refused as zero shared secrets\n",
           acceptable, zero);
    assert_true(zero > 0);
    tt_count_report(&c);
}

/* Key generation draws from tls13_random_bytes; replace the source to pin the
 * private key and to make it fail. */
static int fixed_source(void *arg, uint8_t *out, size_t len)
{
    memset(out, *(const uint8_t *)arg, len);
    return TLS13_OK;
}
static int failing_source(void *arg, uint8_t *out, size_t len)
{
    (void)arg;
    (void)out;
    (void)len;
    return TLS13_ERR_RANDOM;
}

static void keygen_uses_the_random_source(void **state)
{
    uint8_t fill = 0x5a, priv[32], pub[32], want[32], expect_priv[32], k1[32], k2[32];
    uint8_t priv2[32], pub2[32];
    (void)state;
    tls13_random_set_source(fixed_source, &fill);
    assert_int_equal(tls13_x25519_keygen(priv, pub), TLS13_OK);
    memset(expect_priv, 0x5a, 32);
    assert_memory_equal(priv, expect_priv, 32);
    tls13_x25519_public(want, priv);
    assert_memory_equal(pub, want, 32);
    tls13_random_set_source(failing_source, NULL);
    assert_int_equal(tls13_x25519_keygen(priv, pub), TLS13_ERR_RANDOM);
    tls13_random_set_source(NULL, NULL);
    /* Two fresh OS key pairs agree on a shared secret. */
    assert_int_equal(tls13_x25519_keygen(priv, pub), TLS13_OK);
    assert_int_equal(tls13_x25519_keygen(priv2, pub2), TLS13_OK);
    assert_int_equal(tls13_x25519(k1, priv, pub2), TLS13_OK);
    assert_int_equal(tls13_x25519(k2, priv2, pub), TLS13_OK);
    assert_memory_equal(k1, k2, 32);
}

/* The public-key path (fixed-base) agrees with the ladder on base point 9
 * for many scalars, on every path. */
static void public_key_matches_the_ladder(void **state)
{
    tt_count c = {"x25519_public vs ladder on u = 9 (all paths)", 0, 0, 0};
    static const uint8_t nine[32] = {9};
    (void)state;
    for (size_t p = 0; p < NPATHS; p++) {
        tls13_cpu_set_mask(paths[p]);
        for (int i = 0; i < 64; i++) {
            uint8_t k[32], a[32], b[32];
            rng_bytes(k, 32);
            if (i == 0)
                memset(k, 0xff, 32);
            if (i == 1)
                memset(k, 0, 32);
            tls13_x25519_public(a, k);
            c.run++;
            c.passed += tls13_x25519(b, k, nine) == TLS13_OK && memcmp(a, b, 32) == 0;
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

/* Every ladder gives the same result as the portable one, for random
 * scalars on the hardest u (0, 1, p - 1, p, p + 1, 2^255 - 1, bit 255 set,
 * words of ones, p - 2^(8 j)) and on random u. The AVX2 ladder's generator
 * checks its radix 2^25.5 bounds; this checks its results. */
static void ladders_agree(void **state)
{
    tt_count c = {"x25519 on every path vs the portable one", 0, 0, 0};
    (void)state;
    for (int i = 0; i < 1000; i++) {
        uint8_t k[32], u[32], want[32], out[32];
        int want_rc, rc;
        rng_bytes(k, 32);
        field_input(u, i);
        if (i % 4 == 3) {
            /* p - 2^(8 j) for j in 1..30: Wycheproof's tcId 58 (j = 8)
             * found a carry the AVX2 ladder first dropped */
            int j = 1 + (i / 4) % 30;
            memset(u, 0xff, 32);
            u[0] = 0xed;
            u[31] = 0x7f;
            u[j] = 0xfe;
        }
        tls13_cpu_set_mask(0);
        want_rc = tls13_x25519(want, k, u);
        for (size_t p = 1; p < NPATHS; p++) {
            tls13_cpu_set_mask(paths[p]);
            rc = tls13_x25519(out, k, u);
            c.run++;
            if (rc == want_rc && memcmp(out, want, 32) == 0)
                c.passed++;
            else
                printf("mismatch: case %d, cpu mask %x\n", i, (unsigned)paths[p]);
        }
    }
    tls13_cpu_set_mask(UINT32_MAX);
    tt_count_report(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(field_laws),
        cmocka_unit_test(field_encoding_is_canonical),
#ifdef __SIZEOF_INT128__
        cmocka_unit_test(field_backends_agree),
#endif
#ifdef TLS13_X86_64
        cmocka_unit_test(field_bmi2_adx_backend_agrees),
#endif
        cmocka_unit_test(rfc7748_section_5_2_vectors),
        cmocka_unit_test(rfc7748_iterations),
        cmocka_unit_test(rfc7748_diffie_hellman),
        cmocka_unit_test(wycheproof_x25519),
        cmocka_unit_test(keygen_uses_the_random_source),
        cmocka_unit_test(public_key_matches_the_ladder),
        cmocka_unit_test(ladders_agree),
    };
    printf("field backend: %s; BMI2+ADX available: %s\n", TLS13_FE25519_BACKEND,
           tls13_cpu_has(TLS13_CPU_BMI2 | TLS13_CPU_ADX) ? "yes" : "no");
    return cmocka_run_group_tests(tests, NULL, NULL);
}
