/* Arithmetic mod L by Barrett reduction (Menezes, van Oorschot, Vanstone,
 * Handbook of Applied Cryptography, algorithm 14.42) in 32-bit words with
 * 64-bit products: portable and constant time (fixed loops, masked selects). */
#include "sc25519.h"

#include "../base/bytes.h"
#include "../base/mem.h"

/* L and mu = floor(2^512 / L), little-endian 32-bit words. */
static const uint32_t L_words[8] = {0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de,
                                    0x00000000, 0x00000000, 0x00000000, 0x10000000};
static const uint32_t mu_words[9] = {0x0a2c131b, 0xed9ce5a3, 0x086329a7, 0x2106215d, 0xffffffeb,
                                     0xffffffff, 0xffffffff, 0xffffffff, 0x0000000f};

/* r = r - L if r >= L, else r, without a branch (r has 9 words, r < 2^288). */
static void sub_L_if_ge(uint32_t r[9])
{
    uint32_t t[9], mask;
    uint64_t borrow = 0;
    for (int i = 0; i < 9; i++) {
        uint64_t v = (uint64_t)r[i] - (i < 8 ? L_words[i] : 0) - borrow;
        t[i] = (uint32_t)v;
        borrow = (v >> 32) & 1;
    }
    mask = (uint32_t)borrow - 1; /* all-ones when no borrow: r >= L */
    for (int i = 0; i < 9; i++)
        r[i] = (t[i] & mask) | (r[i] & ~mask);
}

/* out = x mod L for x < 2^512 given as 16 words. With b = 2^32, k = 8:
 * q = floor(floor(x / b^7) mu / b^9) is at most 2 below floor(x / L), so
 * r = x - q L (computed mod b^9) is below 3L and two conditional
 * subtractions finish. */
static void barrett(uint8_t out[32], const uint32_t x[16])
{
    uint32_t q2[18] = {0}, q3[9], r[9];
    uint64_t borrow = 0;
    for (int i = 0; i < 9; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 9; j++) {
            uint64_t v = (uint64_t)x[7 + i] * mu_words[j] + q2[i + j] + carry;
            q2[i + j] = (uint32_t)v;
            carry = v >> 32;
        }
        q2[i + 9] = (uint32_t)carry;
    }
    for (int i = 0; i < 9; i++)
        q3[i] = q2[9 + i];
    /* r = x mod b^9 - (q3 L mod b^9) */
    for (int i = 0; i < 9; i++)
        r[i] = 0;
    for (int i = 0; i < 9; i++) {
        uint64_t carry = 0;
        for (int j = 0; i + j < 9 && j < 8; j++) {
            uint64_t v = (uint64_t)q3[i] * L_words[j] + r[i + j] + carry;
            r[i + j] = (uint32_t)v;
            carry = v >> 32;
        }
        if (i + 8 < 9)
            r[i + 8] += (uint32_t)carry;
    }
    for (int i = 0; i < 9; i++) {
        uint64_t v = (uint64_t)x[i] - r[i] - borrow;
        r[i] = (uint32_t)v;
        borrow = (v >> 32) & 1;
    }
    sub_L_if_ge(r);
    sub_L_if_ge(r);
    for (int i = 0; i < 8; i++)
        tls13_store_le32(out + 4 * i, r[i]);
    tls13_wipe(q2, sizeof(q2));
    tls13_wipe(q3, sizeof(q3));
    tls13_wipe(r, sizeof(r));
}

void tls13_sc_reduce64(uint8_t out[32], const uint8_t in[64])
{
    uint32_t x[16];
    for (int i = 0; i < 16; i++)
        x[i] = tls13_load_le32(in + 4 * i);
    barrett(out, x);
    tls13_wipe(x, sizeof(x));
}

void tls13_sc_muladd(uint8_t out[32], const uint8_t a[32], const uint8_t b[32], const uint8_t c[32])
{
    uint32_t aw[8], bw[8], x[16];
    for (int i = 0; i < 8; i++) {
        aw[i] = tls13_load_le32(a + 4 * i);
        bw[i] = tls13_load_le32(b + 4 * i);
        x[i] = tls13_load_le32(c + 4 * i);
        x[i + 8] = 0;
    }
    for (int i = 0; i < 8; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 8; j++) {
            uint64_t v = (uint64_t)aw[i] * bw[j] + x[i + j] + carry;
            x[i + j] = (uint32_t)v;
            carry = v >> 32;
        }
        x[i + 8] = (uint32_t)carry; /* rows below i never reach word i + 8 */
    }
    barrett(out, x);
    tls13_wipe(aw, sizeof(aw));
    tls13_wipe(bw, sizeof(bw));
    tls13_wipe(x, sizeof(x));
}

int tls13_sc_is_canonical(const uint8_t s[32])
{
    /* Compare from the most significant word down. */
    for (int i = 7; i >= 0; i--) {
        uint32_t w = tls13_load_le32(s + 4 * i);
        if (w != L_words[i])
            return w < L_words[i];
    }
    return 0; /* s == L */
}
