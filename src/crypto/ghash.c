/*
 * Portable constant-time GHASH and the dispatch to the PCLMULQDQ path.
 *
 * Carry-less 64x64 multiply from integer multiplies: split each operand into
 * four parts that keep every fourth bit (masks 0x1111.., 0x2222.., ...). In
 * the integer product of two such parts the bits that meet at one position
 * are spaced four apart, so at most 16 of them add up there and their carries
 * stay within the three-bit holes above it (the one sum of 16 sits at bit 60,
 * whose carry leaves the 64-bit word). Masking each of the four partial sums
 * back to its own residue class mod 4 leaves exactly the XOR of the bits: the
 * low half of the carry-less product. The high half is the low half of the
 * product of the bit-reversed operands, reversed again and shifted by one.
 */
#include "ghash.h"

#include "../base/bytes.h"
#include "../base/cpu.h"
#include "../base/mem.h"
#include "ghash_clmul.h"

/* Low 64 bits of the carry-less product x * y. */
static uint64_t clmul_lo(uint64_t x, uint64_t y)
{
    const uint64_t m0 = 0x1111111111111111u, m1 = 0x2222222222222222u, m2 = 0x4444444444444444u,
                   m3 = 0x8888888888888888u;
    uint64_t x0 = x & m0, x1 = x & m1, x2 = x & m2, x3 = x & m3;
    uint64_t y0 = y & m0, y1 = y & m1, y2 = y & m2, y3 = y & m3;
    /* Bits of xi*yj land in residue class (i + j) mod 4. */
    uint64_t z0 = (x0 * y0) ^ (x1 * y3) ^ (x2 * y2) ^ (x3 * y1);
    uint64_t z1 = (x0 * y1) ^ (x1 * y0) ^ (x2 * y3) ^ (x3 * y2);
    uint64_t z2 = (x0 * y2) ^ (x1 * y1) ^ (x2 * y0) ^ (x3 * y3);
    uint64_t z3 = (x0 * y3) ^ (x1 * y2) ^ (x2 * y1) ^ (x3 * y0);
    return (z0 & m0) | (z1 & m1) | (z2 & m2) | (z3 & m3);
}

static uint64_t rev64(uint64_t x)
{
    x = ((x >> 1) & 0x5555555555555555u) | ((x & 0x5555555555555555u) << 1);
    x = ((x >> 2) & 0x3333333333333333u) | ((x & 0x3333333333333333u) << 2);
    x = ((x >> 4) & 0x0F0F0F0F0F0F0F0Fu) | ((x & 0x0F0F0F0F0F0F0F0Fu) << 4);
    x = ((x >> 8) & 0x00FF00FF00FF00FFu) | ((x & 0x00FF00FF00FF00FFu) << 8);
    x = ((x >> 16) & 0x0000FFFF0000FFFFu) | ((x & 0x0000FFFF0000FFFFu) << 16);
    return (x >> 32) | (x << 32);
}

/* The 127-bit carry-less product of x and y, given rev64 of both. */
static void clmul64(uint64_t x, uint64_t y, uint64_t xr, uint64_t yr, uint64_t *hi, uint64_t *lo)
{
    *lo = clmul_lo(x, y);
    *hi = rev64(clmul_lo(xr, yr)) >> 1;
}

/*
 * Reduction of the 256-bit product [z3:z2:z1:z0] (already shifted left by
 * one) modulo x^128 + x^7 + x^2 + x + 1 in the reflected representation:
 * [z1:z0] is the reversal of the high 128 coefficients; each must be folded
 * back as a multiple of x^7 + x^2 + x + 1, which in reflected form is a right
 * shift by 0, 1, 2 and 7. The bits those shifts push out (degrees 128..134)
 * are folded first, into the top of d (Gueron and Kounavis, "Intel
 * Carry-Less Multiplication Instruction and its Usage for Computing the GCM
 * Mode", algorithm 4).
 */
static void reduce(uint64_t z3, uint64_t z2, uint64_t z1, uint64_t z0, tls13_gf128 *out)
{
    uint64_t d = z1 ^ (z0 << 63) ^ (z0 << 62) ^ (z0 << 57);
    out->hi = z3 ^ d ^ (d >> 1) ^ (d >> 2) ^ (d >> 7);
    out->lo = z2 ^ z0 ^ ((z0 >> 1) | (d << 63)) ^ ((z0 >> 2) | (d << 62)) ^ ((z0 >> 7) | (d << 57));
}

void tls13_gf128_mul(tls13_gf128 *y, const tls13_gf128 *h)
{
    uint64_t a1 = y->hi, a0 = y->lo, b1 = h->hi, b0 = h->lo;
    uint64_t a1r = rev64(a1), a0r = rev64(a0), b1r = rev64(b1), b0r = rev64(b0);
    uint64_t hh, hl, lh, ll, mh, ml, z3, z2, z1, z0;
    /* Karatsuba: the middle term is (a1+a0)(b1+b0) - a1b1 - a0b0. */
    clmul64(a1, b1, a1r, b1r, &hh, &hl);
    clmul64(a0, b0, a0r, b0r, &lh, &ll);
    clmul64(a1 ^ a0, b1 ^ b0, a1r ^ a0r, b1r ^ b0r, &mh, &ml);
    mh ^= hh ^ lh;
    ml ^= hl ^ ll;
    z3 = hh;
    z2 = hl ^ mh;
    z1 = lh ^ ml;
    z0 = ll;
    /* The product of two reflected 128-bit values is reflected over 255 bits:
     * shift left by one to line it up with 256. */
    z3 = (z3 << 1) | (z2 >> 63);
    z2 = (z2 << 1) | (z1 >> 63);
    z1 = (z1 << 1) | (z0 >> 63);
    z0 <<= 1;
    reduce(z3, z2, z1, z0, y);
}

/* out = {lo, hi} of h * x (reflected: a left shift by one), reduced by the
 * reciprocal polynomial z^128 + z^127 + z^126 + z^121 + 1 when the top bit
 * falls out, without a branch on it. See ghash_clmul.h for why the
 * PCLMULQDQ path wants its powers in this form. */
static void times_x(const tls13_gf128 *h, uint64_t out[2])
{
    uint64_t carry = (uint64_t)0 - (h->hi >> 63);
    out[1] = ((h->hi << 1) | (h->lo >> 63)) ^ (carry & 0xC200000000000000u);
    out[0] = (h->lo << 1) ^ (carry & 1);
}

void tls13_ghash_init(tls13_ghash_key *key, const uint8_t h[16])
{
    tls13_gf128 p;
    key->h.hi = tls13_load_be64(h);
    key->h.lo = tls13_load_be64(h + 8);
    p = key->h;
    for (int i = 0; i < TLS13_GHASH_POWERS; i++) {
        if (i > 0)
            tls13_gf128_mul(&p, &key->h);
        times_x(&p, key->pow[i]);
        key->fold[i][0] = key->pow[i][0] ^ key->pow[i][1];
        key->fold[i][1] = 0;
    }
    tls13_wipe(&p, sizeof(p));
}

void tls13_ghash_blocks_portable(const tls13_ghash_key *key, tls13_gf128 *y, const uint8_t *p, size_t nblocks)
{
    for (; nblocks > 0; nblocks--, p += 16) {
        y->hi ^= tls13_load_be64(p);
        y->lo ^= tls13_load_be64(p + 8);
        tls13_gf128_mul(y, &key->h);
    }
}

static void blocks(const tls13_ghash_key *key, tls13_gf128 *y, const uint8_t *p, size_t nblocks)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_GHASH_CLMUL_FEATURES)) {
        tls13_ghash_blocks_clmul(key, y, p, nblocks);
        return;
    }
#endif
    tls13_ghash_blocks_portable(key, y, p, nblocks);
}

void tls13_ghash_update(const tls13_ghash_key *key, tls13_gf128 *y, const uint8_t *p, size_t len)
{
    size_t whole = len / 16, rest = len % 16;
    blocks(key, y, p, whole);
    if (rest) {
        uint8_t last[16] = {0};
        for (size_t i = 0; i < rest; i++)
            last[i] = p[16 * whole + i];
        blocks(key, y, last, 1);
        tls13_wipe(last, sizeof(last));
    }
}
