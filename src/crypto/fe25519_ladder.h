/*
 * The X25519 Montgomery ladder (RFC 7748 section 5), written once and
 * instantiated by x25519.c for each field backend. Define before including:
 *   TLS13_LADDER_NAME    the function's name
 *   TLS13_LADDER_ATTR    its attributes (TLS13_TARGET(...) for a fast path)
 *   TLS13_LADDER_FE      the backend's element type
 *   TLS13_LADDER_OP(op)  the backend's function for op: mul, sq, add, sub,
 *                        mul_small_add, set_u32, frombytes, tobytes, cmov
 * The function writes the projective result (X2 : Z2) of [k]u as two
 * canonical encodings; the caller divides, then calls tls13_wipe_stack().
 * k must be clamped (RFC 7748 section 5): bit 254 set, bits 0 to 2 clear.
 * Every step does the same field operations and selects by mask: constant
 * time in k. The backends' add and sub only ever get products, squares and
 * the starting values (fe25519_64.h relies on that). This file has no include
 * guard on purpose and undefines its parameters at the end.
 */
#include <stdint.h>

#include "../base/mem.h"

#define TLS13_LADDER_PASTE_(a, b) a##b
#define TLS13_LADDER_PASTE(a, b) TLS13_LADDER_PASTE_(a, b)
#define TLS13_LADDER_DOUBLE3 TLS13_LADDER_PASTE(TLS13_LADDER_NAME, _double3)

/* (x : z) = [8](x : z), in place on canonical encodings: the ladder's last
 * three steps, whose bits a clamped k has clear, so that they only double
 * (2 squares, 2 products and the a24 step instead of a whole step's 4
 * squares, 5 products and a24). A function of its own, called on the
 * ladder's byte output: the same doublings written after the loop, or
 * called on the loop's own elements, changed gcc's register allocation of
 * the whole ladder and measured 2% slower; this way the loop compiles as
 * before and X25519 measured 0.5% faster. */
static TLS13_LADDER_ATTR TLS13_NOINLINE void TLS13_LADDER_DOUBLE3(uint8_t x_io[32], uint8_t z_io[32])
{
    TLS13_LADDER_FE x, z;
    TLS13_LADDER_OP(frombytes)(&x, x_io);
    TLS13_LADDER_OP(frombytes)(&z, z_io);
    for (int t = 0; t < 3; t++) {
        TLS13_LADDER_FE a, b, e;
        TLS13_LADDER_OP(add)(&a, &x, &z);
        TLS13_LADDER_OP(sub)(&b, &x, &z);
        TLS13_LADDER_OP(sq)(&a, &a);
        TLS13_LADDER_OP(sq)(&b, &b);
        TLS13_LADDER_OP(sub)(&e, &a, &b);
        TLS13_LADDER_OP(mul)(&x, &a, &b);
        TLS13_LADDER_OP(mul_small_add)(&z, &e, 121665, &a); /* a24 = (486662 - 2) / 4 */
        TLS13_LADDER_OP(mul)(&z, &z, &e);
    }
    TLS13_LADDER_OP(tobytes)(x_io, &x);
    TLS13_LADDER_OP(tobytes)(z_io, &z);
}

/* Not inlined, so that its frame (register spills included) lies where the
 * caller's tls13_wipe_stack then reaches. */
static TLS13_LADDER_ATTR TLS13_NOINLINE void TLS13_LADDER_NAME(uint8_t x_out[32], uint8_t z_out[32],
                                                              const uint8_t k[32], const uint8_t u[32])
{
    TLS13_LADDER_FE x1, x2, z2, x3, z3;
    unsigned swap = 0;
    TLS13_LADDER_OP(frombytes)(&x1, u); /* bit 255 ignored, non-canonical u accepted */
    TLS13_LADDER_OP(set_u32)(&x2, 1);
    TLS13_LADDER_OP(set_u32)(&z2, 0);
    x3 = x1;
    TLS13_LADDER_OP(set_u32)(&z3, 1);
    /* With m the number the bits of k taken so far make, (x2 : z2) and
     * (x3 : z3) hold [m]u and [m + 1]u: in that order when swap is 0,
     * exchanged when it is 1. */
    for (int t = 254; t >= 3; t--) {
        unsigned bit = (k[t >> 3] >> (t & 7)) & 1;
        /* Scoped to one step and not wiped one by one: a wiped variable
         * must live in memory, which cost the radix 2^64 ladder 3.5%. The
         * caller wipes the stack the ladder used instead. */
        TLS13_LADDER_FE a, aa, b, bb, e, c, d, da, cb;
        /* RFC 7748's step swaps the two points by bit, doubles the first
         * and adds the two into the second. The sum only needs the two
         * points' X + Z and X - Z, and its formulas, (DA + CB)^2 and
         * x1 (DA - CB)^2, come out the same when the points are exchanged
         * (that exchanges DA and CB). So the points stay in place: the sum
         * goes to (x3 : z3), the double to (x2 : z2), and only the
         * doubling's input, X + Z and X - Z of [m]u when bit is 0 or of
         * [m + 1]u when it is 1, is selected by cmov: 8 limbs where two
         * swaps move 16, and the products DA and CB do not wait for it.
         * X25519 measured 0.6-1.1% faster than with the swaps (89.7k ->
         * 88.7-89.1k cycles, radix 2^64). */
        unsigned pick = swap ^ bit;
        swap = bit;
        TLS13_LADDER_OP(add)(&a, &x2, &z2);
        TLS13_LADDER_OP(sub)(&b, &x2, &z2);
        TLS13_LADDER_OP(add)(&c, &x3, &z3);
        TLS13_LADDER_OP(sub)(&d, &x3, &z3);
        aa = a;
        TLS13_LADDER_OP(cmov)(&aa, &c, pick);
        bb = b;
        TLS13_LADDER_OP(cmov)(&bb, &d, pick);
        /* A product and a square in turn, then each sum or difference where
         * its square or product wants it: the out-of-order window holds
         * about one field operation (each is ~100 instructions), so
         * neighbours should not depend on each other. A hill-climbing
         * search over valid orders found this one 3% faster than the two
         * products, then the two squares. */
        TLS13_LADDER_OP(mul)(&da, &d, &a);
        TLS13_LADDER_OP(sq)(&aa, &aa);
        TLS13_LADDER_OP(mul)(&cb, &c, &b);
        TLS13_LADDER_OP(sq)(&bb, &bb);
        TLS13_LADDER_OP(add)(&x3, &da, &cb);
        TLS13_LADDER_OP(sub)(&e, &aa, &bb);
        TLS13_LADDER_OP(sub)(&z3, &da, &cb);
        TLS13_LADDER_OP(sq)(&z3, &z3);
        TLS13_LADDER_OP(mul_small_add)(&z2, &e, 121665, &aa); /* a24 = (486662 - 2) / 4 */
        TLS13_LADDER_OP(sq)(&x3, &x3);
        TLS13_LADDER_OP(mul)(&x2, &aa, &bb);
        TLS13_LADDER_OP(mul)(&z3, &z3, &x1);
        TLS13_LADDER_OP(mul)(&z2, &z2, &e);
    }
    /* [k / 8]u is (x3 : z3) when the last bit left the points exchanged. */
    TLS13_LADDER_OP(cmov)(&x2, &x3, swap);
    TLS13_LADDER_OP(cmov)(&z2, &z3, swap);
    TLS13_LADDER_OP(tobytes)(x_out, &x2);
    TLS13_LADDER_OP(tobytes)(z_out, &z2);
    tls13_wipe(&x2, sizeof(x2));
    tls13_wipe(&z2, sizeof(z2));
    tls13_wipe(&x3, sizeof(x3));
    tls13_wipe(&z3, sizeof(z3));
    TLS13_LADDER_DOUBLE3(x_out, z_out);
}

#undef TLS13_LADDER_DOUBLE3
#undef TLS13_LADDER_PASTE
#undef TLS13_LADDER_PASTE_
#undef TLS13_LADDER_NAME
#undef TLS13_LADDER_ATTR
#undef TLS13_LADDER_FE
#undef TLS13_LADDER_OP
