/*
 * The X25519 Montgomery ladder (RFC 7748 section 5), written once and
 * instantiated by x25519.c for each field backend. Define before including:
 *   TLS13_LADDER_NAME    the function's name
 *   TLS13_LADDER_ATTR    its attributes (TLS13_TARGET(...) for a fast path)
 *   TLS13_LADDER_FE      the backend's element type
 *   TLS13_LADDER_OP(op)  the backend's function for op: mul, sq, add, sub,
 *                        mul_small_add, set_u32, frombytes, tobytes, cswap
 * The function writes the projective result (X2 : Z2) of [k]u as two
 * canonical encodings; the caller divides, then calls tls13_wipe_stack().
 * Every step does the same field operations and swaps by mask: constant
 * time in k. The backends' add and sub only ever get products, squares and
 * the starting values (fe25519_64.h relies on that). This file has no include
 * guard on purpose and undefines its parameters at the end.
 */
#include <stdint.h>

#include "../base/mem.h"

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
    for (int t = 254; t >= 0; t--) {
        unsigned bit = (k[t >> 3] >> (t & 7)) & 1;
        /* Scoped to one step and not wiped one by one: a wiped variable
         * must live in memory, which cost the radix 2^64 ladder 3.5%. The
         * caller wipes the stack the ladder used instead. */
        TLS13_LADDER_FE a, aa, b, bb, e, c, d, da, cb;
        swap ^= bit;
        TLS13_LADDER_OP(cswap)(&x2, &x3, swap);
        TLS13_LADDER_OP(cswap)(&z2, &z3, swap);
        swap = bit;
        /* RFC 7748's step, reordered: the out-of-order window holds about
         * one field operation (each is ~100 instructions), so neighbours
         * should not depend on each other. A product and a square in turn,
         * then each sum or difference where its square or product wants
         * it: a hill-climbing search over valid orders found this one 3%
         * faster than the two products, then the two squares. */
        TLS13_LADDER_OP(add)(&a, &x2, &z2);
        TLS13_LADDER_OP(sub)(&b, &x2, &z2);
        TLS13_LADDER_OP(add)(&c, &x3, &z3);
        TLS13_LADDER_OP(sub)(&d, &x3, &z3);
        TLS13_LADDER_OP(mul)(&da, &d, &a);
        TLS13_LADDER_OP(sq)(&aa, &a);
        TLS13_LADDER_OP(mul)(&cb, &c, &b);
        TLS13_LADDER_OP(sq)(&bb, &b);
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
    TLS13_LADDER_OP(cswap)(&x2, &x3, swap);
    TLS13_LADDER_OP(cswap)(&z2, &z3, swap);
    TLS13_LADDER_OP(tobytes)(x_out, &x2);
    TLS13_LADDER_OP(tobytes)(z_out, &z2);
    tls13_wipe(&x2, sizeof(x2));
    tls13_wipe(&z2, sizeof(z2));
    tls13_wipe(&x3, sizeof(x3));
    tls13_wipe(&z3, sizeof(z3));
}

#undef TLS13_LADDER_NAME
#undef TLS13_LADDER_ATTR
#undef TLS13_LADDER_FE
#undef TLS13_LADDER_OP
