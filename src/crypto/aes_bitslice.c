/*
 * Bitsliced AES encryption, four blocks at a time (FIPS 197 section 5.1).
 *
 * Layout: plane q[b] holds bit b of each of the 64 bytes of four AES states.
 * State byte (row r, column c) of block k sits at bit 16*r + 4*c + k, so
 * each row is a 16-bit lane: ShiftRows rotates lane r by 4*r bits, and
 * MixColumns reaches row r+1 by rotating the whole word by 16 bits.
 *
 * SubBytes is the Boyar-Peralta depth-16 circuit for the AES S-box ("A
 * depth-16 circuit for the AES S-box", Boyar and Peralta, 2011): 32 AND and
 * 83 XOR/XNOR gates, no lookups.
 */
#include "aes_bitslice.h"

#include "../base/bytes.h"
#include "../base/mem.h"

/* q[7] is the most significant bit (U0/S0 in the paper's notation). */
static void sub_bytes(uint64_t q[8])
{
    uint64_t u0 = q[7], u1 = q[6], u2 = q[5], u3 = q[4], u4 = q[3], u5 = q[2], u6 = q[1], u7 = q[0];
    uint64_t t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21, t22,
        t23, t24, t25, t26, t27;
    uint64_t m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22,
        m23, m24, m25, m26, m27, m28, m29, m30, m31, m32, m33, m34, m35, m36, m37, m38, m39, m40, m41, m42, m43,
        m44, m45, m46, m47, m48, m49, m50, m51, m52, m53, m54, m55, m56, m57, m58, m59, m60, m61, m62, m63;
    uint64_t l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, l12, l13, l14, l15, l16, l17, l18, l19, l20, l21,
        l22, l23, l24, l25, l26, l27, l28, l29;

    /* Top linear transformation. */
    t1 = u0 ^ u3; t2 = u0 ^ u5; t3 = u0 ^ u6; t4 = u3 ^ u5; t5 = u4 ^ u6;
    t6 = t1 ^ t5; t7 = u1 ^ u2; t8 = u7 ^ t6; t9 = u7 ^ t7; t10 = t6 ^ t7;
    t11 = u1 ^ u5; t12 = u2 ^ u5; t13 = t3 ^ t4; t14 = t6 ^ t11; t15 = t5 ^ t11;
    t16 = t5 ^ t12; t17 = t9 ^ t16; t18 = u3 ^ u7; t19 = t7 ^ t18; t20 = t1 ^ t19;
    t21 = u6 ^ u7; t22 = t7 ^ t21; t23 = t2 ^ t22; t24 = t2 ^ t10; t25 = t20 ^ t17;
    t26 = t3 ^ t16; t27 = t1 ^ t12;

    /* Shared non-linear middle part: inversion in GF(2^4)^2. */
    m1 = t13 & t6; m2 = t23 & t8; m3 = t14 ^ m1; m4 = t19 & u7; m5 = m4 ^ m1;
    m6 = t3 & t16; m7 = t22 & t9; m8 = t26 ^ m6; m9 = t20 & t17; m10 = m9 ^ m6;
    m11 = t1 & t15; m12 = t4 & t27; m13 = m12 ^ m11; m14 = t2 & t10; m15 = m14 ^ m11;
    m16 = m3 ^ m2; m17 = m5 ^ t24; m18 = m8 ^ m7; m19 = m10 ^ m15; m20 = m16 ^ m13;
    m21 = m17 ^ m15; m22 = m18 ^ m13; m23 = m19 ^ t25; m24 = m22 ^ m23; m25 = m22 & m20;
    m26 = m21 ^ m25; m27 = m20 ^ m21; m28 = m23 ^ m25; m29 = m28 & m27; m30 = m26 & m24;
    m31 = m20 & m23; m32 = m27 & m31; m33 = m27 ^ m25; m34 = m21 & m22; m35 = m24 & m34;
    m36 = m24 ^ m25; m37 = m21 ^ m29; m38 = m32 ^ m33; m39 = m23 ^ m30; m40 = m35 ^ m36;
    m41 = m38 ^ m40; m42 = m37 ^ m39; m43 = m37 ^ m38; m44 = m39 ^ m40; m45 = m42 ^ m41;
    m46 = m44 & t6; m47 = m40 & t8; m48 = m39 & u7; m49 = m43 & t16; m50 = m38 & t9;
    m51 = m37 & t17; m52 = m42 & t15; m53 = m45 & t27; m54 = m41 & t10; m55 = m44 & t13;
    m56 = m40 & t23; m57 = m39 & t19; m58 = m43 & t3; m59 = m38 & t22; m60 = m37 & t20;
    m61 = m42 & t1; m62 = m45 & t4; m63 = m41 & t2;

    /* Bottom linear transformation, including the affine constant 0x63. */
    l0 = m61 ^ m62; l1 = m50 ^ m56; l2 = m46 ^ m48; l3 = m47 ^ m55; l4 = m54 ^ m58;
    l5 = m49 ^ m61; l6 = m62 ^ l5; l7 = m46 ^ l3; l8 = m51 ^ m59; l9 = m52 ^ m53;
    l10 = m53 ^ l4; l11 = m60 ^ l2; l12 = m48 ^ m51; l13 = m50 ^ l0; l14 = m52 ^ m61;
    l15 = m55 ^ l1; l16 = m56 ^ l0; l17 = m57 ^ l1; l18 = m58 ^ l8; l19 = m63 ^ l4;
    l20 = l0 ^ l1; l21 = l1 ^ l7; l22 = l3 ^ l12; l23 = l18 ^ l2; l24 = l15 ^ l9;
    l25 = l6 ^ l10; l26 = l7 ^ l9; l27 = l8 ^ l10; l28 = l11 ^ l14; l29 = l11 ^ l17;

    q[7] = l6 ^ l24;
    q[6] = ~(l16 ^ l26);
    q[5] = ~(l19 ^ l28);
    q[4] = l6 ^ l21;
    q[3] = l20 ^ l22;
    q[2] = l25 ^ l29;
    q[1] = ~(l13 ^ l27);
    q[0] = ~(l6 ^ l23);
}

/* Row r (bits 16r..16r+15) rotated right by 4r bits: column c takes column
 * c + r (FIPS 197 section 5.1.2). Done as rows 2 and 3 by 8, then rows 1
 * and 3 by 4 (row 3: 12 in all), with two mask-and-shift steps. */
static void shift_rows(uint64_t q[8])
{
    for (int b = 0; b < 8; b++) {
        uint64_t x = q[b];
        x = (x & 0x00000000FFFFFFFFu) | ((x >> 8) & 0x00FF00FF00000000u) | ((x << 8) & 0xFF00FF0000000000u);
        x = (x & 0x0000FFFF0000FFFFu) | ((x >> 4) & 0x0FFF00000FFF0000u) | ((x << 12) & 0xF0000000F0000000u);
        q[b] = x;
    }
}

static uint64_t rotr64(uint64_t x, unsigned n)
{
    return (x >> n) | (x << (64 - n));
}

/* out_r = 2*a_r + 3*a_{r+1} + a_{r+2} + a_{r+3} (section 5.1.3), written as
 * xtime(a_r + a_{r+1}) + a_{r+1} + a_{r+2} + a_{r+3}; rotating a word by 16
 * bits moves every byte to the next row of its column. */
static void mix_columns(uint64_t q[8])
{
    uint64_t t[8], rest[8];
    for (int b = 0; b < 8; b++) {
        uint64_t a1 = rotr64(q[b], 16);
        t[b] = q[b] ^ a1;
        rest[b] = a1 ^ rotr64(q[b], 32) ^ rotr64(q[b], 48);
    }
    /* xtime: multiply by x modulo x^8 + x^4 + x^3 + x + 1. */
    q[0] = t[7] ^ rest[0];
    q[1] = t[0] ^ t[7] ^ rest[1];
    q[2] = t[1] ^ rest[2];
    q[3] = t[2] ^ t[7] ^ rest[3];
    q[4] = t[3] ^ t[7] ^ rest[4];
    q[5] = t[4] ^ rest[5];
    q[6] = t[5] ^ rest[6];
    q[7] = t[6] ^ rest[7];
}

static void add_round_key(uint64_t q[8], const uint64_t rk[8])
{
    for (int b = 0; b < 8; b++)
        q[b] ^= rk[b];
}

/* Exchanges the bits of a selected by mask << n with those of c selected by mask. */
#define SWAPMOVE(a, c, mask, n)                       \
    do {                                              \
        uint64_t t_ = (((a) >> (n)) ^ (c)) & (mask);  \
        (c) ^= t_;                                    \
        (a) ^= t_ << (n);                             \
    } while (0)

/* Transposes the 8x8 bit matrices formed by word index j and bit-in-byte
 * index b (bit 8k+b of w[j] <-> bit 8k+j of w[b]). Its own inverse. */
static void transpose(uint64_t w[8])
{
    SWAPMOVE(w[0], w[1], 0x5555555555555555u, 1);
    SWAPMOVE(w[2], w[3], 0x5555555555555555u, 1);
    SWAPMOVE(w[4], w[5], 0x5555555555555555u, 1);
    SWAPMOVE(w[6], w[7], 0x5555555555555555u, 1);
    SWAPMOVE(w[0], w[2], 0x3333333333333333u, 2);
    SWAPMOVE(w[1], w[3], 0x3333333333333333u, 2);
    SWAPMOVE(w[4], w[6], 0x3333333333333333u, 2);
    SWAPMOVE(w[5], w[7], 0x3333333333333333u, 2);
    SWAPMOVE(w[0], w[4], 0x0F0F0F0F0F0F0F0Fu, 4);
    SWAPMOVE(w[1], w[5], 0x0F0F0F0F0F0F0F0Fu, 4);
    SWAPMOVE(w[2], w[6], 0x0F0F0F0F0F0F0F0Fu, 4);
    SWAPMOVE(w[3], w[7], 0x0F0F0F0F0F0F0F0Fu, 4);
}

/* Byte i of x to byte 2i of the result. */
static uint64_t spread_bytes(uint32_t x)
{
    uint64_t v = x;
    v = (v | (v << 16)) & 0x0000FFFF0000FFFFu;
    return (v | (v << 8)) & 0x00FF00FF00FF00FFu;
}

static uint32_t gather_bytes(uint64_t v)
{
    v &= 0x00FF00FF00FF00FFu;
    v = (v | (v >> 8)) & 0x0000FFFF0000FFFFu;
    return (uint32_t)(v | (v >> 16));
}

/* Bit 16r+4c+k of plane b is bit b of byte (r, c) of block k. After the
 * transpose, bit 8m+j of plane b comes from byte m of word j, so word
 * j = 4*(c & 1) + k holds, at byte m = 2r + (c >> 1), block k's byte 4c + r:
 * rows 0..3 of column c&1 in the even bytes, of column 2+(c&1) in the odd. */
static void load_blocks(uint64_t q[8], const uint8_t *in, size_t nblocks)
{
    for (size_t k = 0; k < 4; k++) {
        for (size_t half = 0; half < 2; half++) {
            uint64_t w = 0;
            if (k < nblocks) {
                const uint8_t *p = in + 16 * k + 4 * half;
                w = spread_bytes(tls13_load_le32(p)) | (spread_bytes(tls13_load_le32(p + 8)) << 8);
            }
            q[4 * half + k] = w;
        }
    }
    transpose(q);
}

static void store_blocks(uint64_t q[8], uint8_t *out, size_t nblocks)
{
    transpose(q);
    for (size_t k = 0; k < nblocks; k++) {
        for (size_t half = 0; half < 2; half++) {
            uint8_t *p = out + 16 * k + 4 * half;
            uint64_t w = q[4 * half + k];
            tls13_store_le32(p, gather_bytes(w));
            tls13_store_le32(p + 8, gather_bytes(w >> 8));
        }
    }
}

void tls13_aes_slice_round_key(const uint8_t rk[16], uint64_t out[8])
{
    uint8_t four[64];
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < 16; i++)
            four[16 * k + i] = rk[i];
    load_blocks(out, four, 4);
    tls13_wipe(four, sizeof(four));
}

uint32_t tls13_aes_subword(uint32_t w)
{
    uint64_t q[8];
    uint32_t out = 0;
    /* Plane b, bit i: bit b of byte i (the other lanes stay zero and are ignored). */
    for (int b = 0; b < 8; b++) {
        q[b] = 0;
        for (int i = 0; i < 4; i++)
            q[b] |= (uint64_t)((w >> (8 * i + b)) & 1) << i;
    }
    sub_bytes(q);
    for (int b = 0; b < 8; b++)
        for (int i = 0; i < 4; i++)
            out |= (uint32_t)((q[b] >> i) & 1) << (8 * i + b);
    tls13_wipe(q, sizeof(q));
    return out;
}

void tls13_aes_bitslice_encrypt(const uint64_t (*rk_sliced)[8], unsigned rounds, const uint8_t *in, uint8_t *out,
                                size_t nblocks)
{
    uint64_t q[8];
    load_blocks(q, in, nblocks);
    add_round_key(q, rk_sliced[0]);
    for (unsigned r = 1; r < rounds; r++) {
        sub_bytes(q);
        shift_rows(q);
        mix_columns(q);
        add_round_key(q, rk_sliced[r]);
    }
    sub_bytes(q);
    shift_rows(q);
    add_round_key(q, rk_sliced[rounds]);
    store_blocks(q, out, nblocks);
    tls13_wipe(q, sizeof(q));
}
