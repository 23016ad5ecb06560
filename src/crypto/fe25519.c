/* Exponentiations and predicates mod p = 2^255 - 19 on the selected backend. */
#include "fe25519.h"

#include "../base/bytes.h"
#include "../base/ct.h"
#include "../base/mem.h"
#include "modinv.h"

/* h = f^(2^n) */
static void sq_times(tls13_fe *h, const tls13_fe *f, int n)
{
    tls13_fe_sq(h, f);
    for (int i = 1; i < n; i++)
        tls13_fe_sq(h, h);
}

/* *z250 = f^(2^250 - 1).
 * Names say which power of f a temporary holds; z_a_0 = f^(2^a - 1). */
static void pow_2_250_minus_1(tls13_fe *z250, const tls13_fe *f)
{
    tls13_fe z2, z9, z11, t, z_5_0, z_10_0, z_20_0, z_50_0, z_100_0;
    tls13_fe_sq(&z2, f);                   /* 2 */
    sq_times(&t, &z2, 2);                  /* 8 */
    tls13_fe_mul(&z9, &t, f);              /* 9 */
    tls13_fe_mul(&z11, &z9, &z2);          /* 11 */
    tls13_fe_sq(&t, &z11);                 /* 22 */
    tls13_fe_mul(&z_5_0, &t, &z9);         /* 31 = 2^5 - 1 */
    sq_times(&t, &z_5_0, 5);
    tls13_fe_mul(&z_10_0, &t, &z_5_0);     /* 2^10 - 1 */
    sq_times(&t, &z_10_0, 10);
    tls13_fe_mul(&z_20_0, &t, &z_10_0);    /* 2^20 - 1 */
    sq_times(&t, &z_20_0, 20);
    tls13_fe_mul(&t, &t, &z_20_0);         /* 2^40 - 1 */
    sq_times(&t, &t, 10);
    tls13_fe_mul(&z_50_0, &t, &z_10_0);    /* 2^50 - 1 */
    sq_times(&t, &z_50_0, 50);
    tls13_fe_mul(&z_100_0, &t, &z_50_0);   /* 2^100 - 1 */
    sq_times(&t, &z_100_0, 100);
    tls13_fe_mul(&t, &t, &z_100_0);        /* 2^200 - 1 */
    sq_times(&t, &t, 50);
    tls13_fe_mul(z250, &t, &z_50_0);       /* 2^250 - 1 */
    tls13_wipe(&z2, sizeof(z2));
    tls13_wipe(&z9, sizeof(z9));
    tls13_wipe(&z11, sizeof(z11));
    tls13_wipe(&t, sizeof(t));
    tls13_wipe(&z_5_0, sizeof(z_5_0));
    tls13_wipe(&z_10_0, sizeof(z_10_0));
    tls13_wipe(&z_20_0, sizeof(z_20_0));
    tls13_wipe(&z_50_0, sizeof(z_50_0));
    tls13_wipe(&z_100_0, sizeof(z_100_0));
}

/* By division steps (modinv.h) on the canonical residue: about a third of
 * the cost of the addition chain for p - 2, and as constant in time. */
void tls13_fe_invert(tls13_fe *h, const tls13_fe *f)
{
    static const uint64_t p[4] = { 0xffffffffffffffedull, 0xffffffffffffffffull, 0xffffffffffffffffull,
                                   0x7fffffffffffffffull };
    uint8_t s[32];
    uint64_t w[4];
    tls13_fe_tobytes(s, f);
    for (int i = 0; i < 4; i++)
        w[i] = tls13_load_le64(s + 8 * i);
    tls13_modinv(w, w, p, 4);
    for (int i = 0; i < 4; i++)
        tls13_store_le64(s + 8 * i, w[i]);
    tls13_fe_frombytes(h, s);
    tls13_wipe(s, sizeof(s));
    tls13_wipe(w, sizeof(w));
}

void tls13_fe_pow22523(tls13_fe *h, const tls13_fe *f)
{
    tls13_fe z250;
    pow_2_250_minus_1(&z250, f);
    sq_times(&z250, &z250, 2);             /* 2^252 - 4 */
    tls13_fe_mul(h, &z250, f);             /* 2^252 - 3 */
    tls13_wipe(&z250, sizeof(z250));
}

int tls13_fe_is_zero(const tls13_fe *f)
{
    uint8_t s[32];
    int zero;
    tls13_fe_tobytes(s, f);
    zero = tls13_ct_is_zero(s, sizeof(s));
    tls13_wipe(s, sizeof(s));
    return zero;
}

int tls13_fe_is_negative(const tls13_fe *f)
{
    uint8_t s[32];
    int neg;
    tls13_fe_tobytes(s, f);
    neg = s[0] & 1;
    tls13_wipe(s, sizeof(s));
    return neg;
}
