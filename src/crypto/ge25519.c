/* Point arithmetic on edwards25519 (RFC 8032 section 5.1; formulas of
 * Hisil-Wong-Carter-Dawson 2008 for a = -1, see ge25519.h). */
#include "ge25519.h"

#include <string.h>

#include "../base/bytes.h"
#include "../base/ct.h"
#include "../base/mem.h"

/* Curve constants as canonical little-endian residues (computed from RFC
 * 8032 section 5.1: d = -121665/121666, sqrt(-1) = 2^((p-1)/4)). */
static const uint8_t d_bytes[32] = {
    0xa3, 0x78, 0x59, 0x13, 0xca, 0x4d, 0xeb, 0x75, 0xab, 0xd8, 0x41, 0x41, 0x4d, 0x0a, 0x70, 0x00,
    0x98, 0xe8, 0x79, 0x77, 0x79, 0x40, 0xc7, 0x8c, 0x73, 0xfe, 0x6f, 0x2b, 0xee, 0x6c, 0x03, 0x52};
static const uint8_t d2_bytes[32] = {
    0x59, 0xf1, 0xb2, 0x26, 0x94, 0x9b, 0xd6, 0xeb, 0x56, 0xb1, 0x83, 0x82, 0x9a, 0x14, 0xe0, 0x00,
    0x30, 0xd1, 0xf3, 0xee, 0xf2, 0x80, 0x8e, 0x19, 0xe7, 0xfc, 0xdf, 0x56, 0xdc, 0xd9, 0x06, 0x24};
static const uint8_t sqrtm1_bytes[32] = {
    0xb0, 0xa0, 0x0e, 0x4a, 0x27, 0x1b, 0xee, 0xc4, 0x78, 0xe4, 0x2f, 0xad, 0x06, 0x18, 0x43, 0x2f,
    0xa7, 0xd7, 0xfb, 0x3d, 0x99, 0x00, 0x4d, 0x2b, 0x0b, 0xdf, 0xc1, 0x4f, 0x80, 0x24, 0x83, 0x2b};

void tls13_ge_p3_identity(tls13_ge_p3 *h)
{
    tls13_fe_set_u32(&h->X, 0);
    tls13_fe_set_u32(&h->Y, 1);
    tls13_fe_set_u32(&h->Z, 1);
    tls13_fe_set_u32(&h->T, 0);
}

void tls13_ge_p3_to_p2(tls13_ge_p2 *r, const tls13_ge_p3 *p)
{
    r->X = p->X;
    r->Y = p->Y;
    r->Z = p->Z;
}

void tls13_ge_p3_to_cached(tls13_ge_cached *r, const tls13_ge_p3 *p)
{
    tls13_fe d2;
    tls13_fe_frombytes(&d2, d2_bytes);
    tls13_fe_add(&r->YpX, &p->Y, &p->X);
    tls13_fe_sub(&r->YmX, &p->Y, &p->X);
    r->Z = p->Z;
    tls13_fe_mul(&r->T2d, &p->T, &d2);
}

/* ((X : Z), (Y : T)) -> (XT : YZ : ZT) */
void tls13_ge_p1p1_to_p2(tls13_ge_p2 *r, const tls13_ge_p1p1 *p)
{
    tls13_fe_mul(&r->X, &p->X, &p->T);
    tls13_fe_mul(&r->Y, &p->Y, &p->Z);
    tls13_fe_mul(&r->Z, &p->Z, &p->T);
}

/* ... and the extended coordinate XY */
void tls13_ge_p1p1_to_p3(tls13_ge_p3 *r, const tls13_ge_p1p1 *p)
{
    tls13_fe_mul(&r->X, &p->X, &p->T);
    tls13_fe_mul(&r->Y, &p->Y, &p->Z);
    tls13_fe_mul(&r->Z, &p->Z, &p->T);
    tls13_fe_mul(&r->T, &p->X, &p->Y);
}

/* dbl-2008-hwcd with a = -1 and the signs of E, F, G, H flipped (which the
 * projective result does not see): A = X^2, B = Y^2, C = 2Z^2, H = A + B,
 * E = H - (X + Y)^2, G = A - B, F = C + G; result (E : F), (H : G). */
void tls13_ge_p2_dbl(tls13_ge_p1p1 *r, const tls13_ge_p2 *p)
{
    tls13_fe a, b, c, t;
    tls13_fe_sq(&a, &p->X);
    tls13_fe_sq(&b, &p->Y);
    tls13_fe_sq(&c, &p->Z);
    tls13_fe_add(&c, &c, &c);
    tls13_fe_add(&r->Y, &a, &b);           /* H */
    tls13_fe_add(&t, &p->X, &p->Y);
    tls13_fe_sq(&t, &t);
    tls13_fe_sub(&r->X, &r->Y, &t);        /* E */
    tls13_fe_sub(&r->Z, &a, &b);           /* G */
    tls13_fe_add(&r->T, &c, &r->Z);        /* F */
}

/* add-2008-hwcd-3 (k = 2d): A = (Y1 - X1)(Y2 - X2), B = (Y1 + X1)(Y2 + X2),
 * C = T1 2d T2, D = 2 Z1 Z2, E = B - A, F = D - C, G = D + C, H = B + A;
 * result (E : F), (H : G). Subtraction negates the second point: its
 * Y + X and Y - X swap and 2dT changes sign (F and G swap). */
static void add_core(tls13_ge_p1p1 *r, const tls13_ge_p3 *p, const tls13_fe *ypx, const tls13_fe *ymx,
                     const tls13_fe *t2d, const tls13_fe *z2, int subtract)
{
    tls13_fe a, b, c, d, t;
    tls13_fe_sub(&t, &p->Y, &p->X);
    tls13_fe_mul(&a, &t, subtract ? ypx : ymx);
    tls13_fe_add(&t, &p->Y, &p->X);
    tls13_fe_mul(&b, &t, subtract ? ymx : ypx);
    tls13_fe_mul(&c, &p->T, t2d);
    if (z2)
        tls13_fe_mul(&d, &p->Z, z2);
    else
        d = p->Z;
    tls13_fe_add(&d, &d, &d);
    tls13_fe_sub(&r->X, &b, &a);           /* E */
    tls13_fe_add(&r->Y, &b, &a);           /* H */
    if (subtract) {
        tls13_fe_add(&r->T, &d, &c);       /* F */
        tls13_fe_sub(&r->Z, &d, &c);       /* G */
    } else {
        tls13_fe_sub(&r->T, &d, &c);
        tls13_fe_add(&r->Z, &d, &c);
    }
}

void tls13_ge_add(tls13_ge_p1p1 *r, const tls13_ge_p3 *p, const tls13_ge_cached *q)
{
    add_core(r, p, &q->YpX, &q->YmX, &q->T2d, &q->Z, 0);
}

void tls13_ge_sub(tls13_ge_p1p1 *r, const tls13_ge_p3 *p, const tls13_ge_cached *q)
{
    add_core(r, p, &q->YpX, &q->YmX, &q->T2d, &q->Z, 1);
}

void tls13_ge_madd(tls13_ge_p1p1 *r, const tls13_ge_p3 *p, const tls13_ge_niels *q)
{
    add_core(r, p, &q->ypx, &q->ymx, &q->xy2d, NULL, 0);
}

void tls13_ge_msub(tls13_ge_p1p1 *r, const tls13_ge_p3 *p, const tls13_ge_niels *q)
{
    add_core(r, p, &q->ypx, &q->ymx, &q->xy2d, NULL, 1);
}

void tls13_ge_niels_from_words(tls13_ge_niels *r, const uint64_t w[12])
{
    uint8_t s[96];
    for (int k = 0; k < 12; k++)
        tls13_store_le64(s + 8 * k, w[k]);
    tls13_fe_frombytes(&r->ypx, s);
    tls13_fe_frombytes(&r->ymx, s + 32);
    tls13_fe_frombytes(&r->xy2d, s + 64);
    tls13_wipe(s, sizeof(s));
}

static void encode(uint8_t s[32], const tls13_fe *X, const tls13_fe *Y, const tls13_fe *Z)
{
    tls13_fe zinv, x, y;
    tls13_fe_invert(&zinv, Z);
    tls13_fe_mul(&x, X, &zinv);
    tls13_fe_mul(&y, Y, &zinv);
    tls13_fe_tobytes(s, &y);
    s[31] ^= (uint8_t)(tls13_fe_is_negative(&x) << 7);
    tls13_wipe(&zinv, sizeof(zinv));
    tls13_wipe(&x, sizeof(x));
    tls13_wipe(&y, sizeof(y));
}

void tls13_ge_p3_tobytes(uint8_t s[32], const tls13_ge_p3 *p)
{
    encode(s, &p->X, &p->Y, &p->Z);
}

void tls13_ge_p2_tobytes(uint8_t s[32], const tls13_ge_p2 *p)
{
    encode(s, &p->X, &p->Y, &p->Z);
}

int tls13_ge_frombytes_vartime(tls13_ge_p3 *h, const uint8_t s[32])
{
    tls13_fe u, v, v3, vxx, check, d, sqrtm1;
    uint8_t canon[32], y_bytes[32];
    int sign = s[31] >> 7;
    memcpy(y_bytes, s, 32);
    y_bytes[31] &= 0x7f;
    tls13_fe_frombytes(&h->Y, y_bytes);
    tls13_fe_tobytes(canon, &h->Y);
    if (memcmp(canon, y_bytes, 32) != 0)
        return -1; /* y >= p */
    tls13_fe_frombytes(&d, d_bytes);
    tls13_fe_set_u32(&h->Z, 1);
    /* x^2 = u / v with u = y^2 - 1, v = d y^2 + 1 (section 5.1.3 step 2);
     * candidate root x = u v^3 (u v^7)^((p-5)/8). */
    tls13_fe_sq(&u, &h->Y);
    tls13_fe_mul(&v, &u, &d);
    tls13_fe_sub(&u, &u, &h->Z);
    tls13_fe_add(&v, &v, &h->Z);
    tls13_fe_sq(&v3, &v);
    tls13_fe_mul(&v3, &v3, &v);            /* v^3 */
    tls13_fe_sq(&h->X, &v3);
    tls13_fe_mul(&h->X, &h->X, &v);        /* v^7 */
    tls13_fe_mul(&h->X, &h->X, &u);        /* u v^7 */
    tls13_fe_pow22523(&h->X, &h->X);
    tls13_fe_mul(&h->X, &h->X, &v3);
    tls13_fe_mul(&h->X, &h->X, &u);
    /* Step 3: v x^2 = u: x is a root; v x^2 = -u: x sqrt(-1) is; else none. */
    tls13_fe_sq(&vxx, &h->X);
    tls13_fe_mul(&vxx, &vxx, &v);
    tls13_fe_sub(&check, &vxx, &u);
    if (!tls13_fe_is_zero(&check)) {
        tls13_fe_add(&check, &vxx, &u);
        if (!tls13_fe_is_zero(&check))
            return -1;
        tls13_fe_frombytes(&sqrtm1, sqrtm1_bytes);
        tls13_fe_mul(&h->X, &h->X, &sqrtm1);
    }
    /* Step 4: x = 0 has no negative; otherwise pick the root by sign. */
    if (tls13_fe_is_zero(&h->X) && sign)
        return -1;
    if (tls13_fe_is_negative(&h->X) != sign)
        tls13_fe_neg(&h->X, &h->X);
    tls13_fe_mul(&h->T, &h->X, &h->Y);
    return 0;
}

/* t = digit * 256^row * B for digit in [-8, 8], reading all eight entries of
 * the row and keeping one by mask, so neither the address nor a branch
 * depends on the secret digit. */
static void select_base(tls13_ge_niels *t, int row, int8_t digit)
{
    uint64_t w[12] = {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}; /* identity: (1, 1, 0) */
    uint8_t ud = (uint8_t)digit, neg = ud >> 7;
    uint8_t babs = (uint8_t)((ud ^ (uint8_t)(0 - neg)) + neg);
    tls13_ge_niels minus;
    for (int j = 0; j < 8; j++) {
        uint64_t mask = tls13_ct_eq_mask64(babs, (uint64_t)j + 1);
        for (int k = 0; k < 12; k++)
            w[k] ^= mask & (w[k] ^ tls13_ge_base_comb[row][j][k]);
    }
    tls13_ge_niels_from_words(t, w);
    /* -(x, y) = (-x, y): y + x and y - x swap, 2dxy changes sign. */
    minus.ypx = t->ymx;
    minus.ymx = t->ypx;
    tls13_fe_neg(&minus.xy2d, &t->xy2d);
    tls13_fe_cmov(&t->ypx, &minus.ypx, neg);
    tls13_fe_cmov(&t->ymx, &minus.ymx, neg);
    tls13_fe_cmov(&t->xy2d, &minus.xy2d, neg);
    tls13_wipe(w, sizeof(w));
    tls13_wipe(&minus, sizeof(minus));
}

/* Signed radix 16: a = sum e[i] 16^i with e[i] in [-8, 8). Even digits use
 * row i/2 directly; odd digits are summed first and the sum multiplied by 16
 * with four doublings, so 32 rows of 8 serve all 64 digits. */
void tls13_ge_scalarmult_base(tls13_ge_p3 *h, const uint8_t a[32])
{
    int8_t e[64];
    int carry = 0;
    tls13_ge_niels t;
    tls13_ge_p1p1 r;
    tls13_ge_p2 s;
    for (int i = 0; i < 32; i++) {
        e[2 * i] = (int8_t)(a[i] & 15);
        e[2 * i + 1] = (int8_t)(a[i] >> 4);
    }
    for (int i = 0; i < 63; i++) {
        int v = e[i] + carry;
        carry = (v + 8) >> 4; /* v + 8 >= 0: no shift of a negative value */
        e[i] = (int8_t)(v - carry * 16);
    }
    e[63] = (int8_t)(e[63] + carry); /* <= 8 as a[31] <= 127 */

    tls13_ge_p3_identity(h);
    for (int i = 1; i < 64; i += 2) {
        select_base(&t, i / 2, e[i]);
        tls13_ge_madd(&r, h, &t);
        tls13_ge_p1p1_to_p3(h, &r);
    }
    tls13_ge_p3_to_p2(&s, h);
    for (int k = 0; k < 3; k++) {
        tls13_ge_p2_dbl(&r, &s);
        tls13_ge_p1p1_to_p2(&s, &r);
    }
    tls13_ge_p2_dbl(&r, &s);
    tls13_ge_p1p1_to_p3(h, &r);
    for (int i = 0; i < 64; i += 2) {
        select_base(&t, i / 2, e[i]);
        tls13_ge_madd(&r, h, &t);
        tls13_ge_p1p1_to_p3(h, &r);
    }
    tls13_wipe(e, sizeof(e));
    tls13_wipe(&t, sizeof(t));
    tls13_wipe(&r, sizeof(r));
    tls13_wipe(&s, sizeof(s));
}

/* Width-w NAF: digits odd in (-2^(w-1), 2^(w-1)) or zero, any two nonzero
 * digits at least w apart. Scalar below 2^253, so every carry stays within
 * the 256 positions. */
static void wnaf(int8_t naf[256], const uint8_t s[32], int w)
{
    uint8_t bits[256 + 16];
    memset(bits, 0, sizeof(bits));
    memset(naf, 0, 256);
    for (int i = 0; i < 256; i++)
        bits[i] = (s[i >> 3] >> (i & 7)) & 1;
    for (int i = 0; i < 256;) {
        int digit = 0;
        if (!bits[i]) {
            i++;
            continue;
        }
        for (int j = 0; j < w; j++) {
            digit |= bits[i + j] << j;
            bits[i + j] = 0;
        }
        if (digit >= 1 << (w - 1)) {
            /* digit - 2^w, with 2^w carried into position i + w */
            int j = i + w;
            digit -= 1 << w;
            while (bits[j])
                bits[j++] = 0;
            bits[j] = 1;
        }
        naf[i] = (int8_t)digit;
        i += w;
    }
}

#define A_NAF_WIDTH 5 /* odd multiples 1A .. 15A computed per verification */

void tls13_ge_double_scalarmult_vartime(tls13_ge_p2 *r, const uint8_t a[32], const tls13_ge_p3 *A,
                                        const uint8_t b[32])
{
    int8_t na[256], nb[256];
    tls13_ge_cached ai[1 << (A_NAF_WIDTH - 2)], a2c;
    tls13_ge_p3 u, a2;
    tls13_ge_p1p1 t;
    tls13_ge_niels n;
    int i;

    wnaf(na, a, A_NAF_WIDTH);
    wnaf(nb, b, TLS13_GE_BASE_NAF_WIDTH);
    /* ai[j] = (2j + 1) A */
    tls13_ge_p3_to_cached(&ai[0], A);
    tls13_ge_p3_to_p2(r, A);
    tls13_ge_p2_dbl(&t, r);
    tls13_ge_p1p1_to_p3(&a2, &t);
    tls13_ge_p3_to_cached(&a2c, &a2);
    u = *A;
    for (int j = 1; j < (1 << (A_NAF_WIDTH - 2)); j++) {
        tls13_ge_add(&t, &u, &a2c);
        tls13_ge_p1p1_to_p3(&u, &t);
        tls13_ge_p3_to_cached(&ai[j], &u);
    }

    tls13_fe_set_u32(&r->X, 0);
    tls13_fe_set_u32(&r->Y, 1);
    tls13_fe_set_u32(&r->Z, 1);
    for (i = 255; i >= 0 && na[i] == 0 && nb[i] == 0; i--)
        ;
    for (; i >= 0; i--) {
        tls13_ge_p2_dbl(&t, r);
        if (na[i]) {
            tls13_ge_p1p1_to_p3(&u, &t);
            if (na[i] > 0)
                tls13_ge_add(&t, &u, &ai[na[i] / 2]);
            else
                tls13_ge_sub(&t, &u, &ai[-na[i] / 2]);
        }
        if (nb[i]) {
            tls13_ge_p1p1_to_p3(&u, &t);
            tls13_ge_niels_from_words(&n, tls13_ge_base_odd[(nb[i] > 0 ? nb[i] : -nb[i]) / 2]);
            if (nb[i] > 0)
                tls13_ge_madd(&t, &u, &n);
            else
                tls13_ge_msub(&t, &u, &n);
        }
        tls13_ge_p1p1_to_p2(r, &t);
    }
}

void tls13_ge_p3_to_montgomery_u(uint8_t u[32], const tls13_ge_p3 *p)
{
    /* y = Y/Z, so (1 + y)/(1 - y) = (Z + Y)/(Z - Y). */
    tls13_fe num, den;
    tls13_fe_add(&num, &p->Z, &p->Y);
    tls13_fe_sub(&den, &p->Z, &p->Y);
    tls13_fe_invert(&den, &den);
    tls13_fe_mul(&num, &num, &den);
    tls13_fe_tobytes(u, &num);
    tls13_wipe(&num, sizeof(num));
    tls13_wipe(&den, sizeof(den));
}
