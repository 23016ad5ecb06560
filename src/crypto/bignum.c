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

/* a >>= 1 with `top` shifted in as the new most significant bit. */
static void shift_right1(tls13_limb *a, size_t limbs, tls13_limb top)
{
    for (size_t i = 0; i < limbs; i++) {
        tls13_limb next = i + 1 < limbs ? a[i + 1] : top;
        a[i] = (a[i] >> 1) | (next << (TLS13_LIMB_BITS - 1));
    }
}

/* x = x / 2 mod m (m odd): (x + m) / 2 when x is odd. */
static void halve_mod(tls13_limb *x, const tls13_limb *m, size_t limbs)
{
    tls13_limb carry = 0;
    if (x[0] & 1)
        carry = tls13_bn_add(x, x, m, limbs);
    shift_right1(x, limbs, carry);
}

/* x = x - y mod m for x, y < m. */
static void sub_mod(tls13_limb *x, const tls13_limb *y, const tls13_limb *m, size_t limbs)
{
    if (tls13_bn_sub(x, x, y, limbs))
        tls13_bn_add(x, x, m, limbs);
}

int tls13_bn_mod_inverse_vartime(tls13_limb *r, const tls13_limb *a, const tls13_limb *m, size_t limbs)
{
    /* Binary extended Euclid: x1 * a = u and x2 * a = v (mod m) throughout,
     * and gcd(u, v) = gcd(a, m); the loop ends when u == v == gcd. */
    tls13_limb u[TLS13_BN_MAX_LIMBS], v[TLS13_BN_MAX_LIMBS];
    tls13_limb x1[TLS13_BN_MAX_LIMBS], x2[TLS13_BN_MAX_LIMBS];
    size_t size = limbs * sizeof(tls13_limb);
    int ok = 0;

    if (tls13_bn_is_zero_mask(a, limbs) || !(m[0] & 1))
        return 0;
    memcpy(u, a, size);
    memcpy(v, m, size);
    memset(x1, 0, size);
    memset(x2, 0, size);
    x1[0] = 1;
    for (;;) {
        while (!(u[0] & 1)) {
            shift_right1(u, limbs, 0);
            halve_mod(x1, m, limbs);
        }
        while (!(v[0] & 1)) {
            shift_right1(v, limbs, 0);
            halve_mod(x2, m, limbs);
        }
        if (tls13_bn_eq_mask(u, v, limbs))
            break;
        if (tls13_bn_lt_mask(v, u, limbs)) {
            tls13_bn_sub(u, u, v, limbs);
            sub_mod(x1, x2, m, limbs);
        } else {
            tls13_bn_sub(v, v, u, limbs);
            sub_mod(x2, x1, m, limbs);
        }
    }
    /* u == gcd(a, m): an inverse exists only when it is 1. */
    if (u[0] == 1 && tls13_bn_is_zero_mask(u + 1, limbs - 1)) {
        memcpy(r, x1, size);
        ok = 1;
    }
    tls13_wipe(u, size);
    tls13_wipe(v, size);
    tls13_wipe(x1, size);
    tls13_wipe(x2, size);
    return ok;
}
