#!/usr/bin/env python3
"""Writes x25519_ladder_avx2.h: the X25519 ladder loop (RFC 7748 section 5)
as one GNU C inline-assembly string, for x86-64 with BMI2, ADX and AVX2.
Run it from anywhere; it writes next to itself (--check: only compares,
as the test suite does). x25519.c explains the
caller's side.

Why: the radix 2^64 ladder (fe25519_ladder.h with fe25519_64.h) keeps the
integer multiplier busy 93% of the time, so it only gets faster if some of
the multiplications go elsewhere. The vector unit has a multiplier of its
own (vpmuludq, two 32 x 32 -> 64-bit products per instruction), and
interleaved with the integer code it runs almost for free: a two-lane
radix 2^25.5 product placed among four mulx products added 2% to their
time (139 against 137 TSC cycles), where one after the other took 201.
So all four squares of a step go there, as two two-lane squares:
  - (AA | BB), the doubling's, while the integer unit computes DA and CB;
  - ((DA + CB)^2 | (DA - CB)^2), the sum's, while it computes x2 = AA BB
    and z2 = E (AA + a24 E).
The integer unit then does five products and the a24 step a step (104 mulx
where the integer ladder has 160), and x1 (DA - CB)^2 ends the step.

Why generated: the two streams must be interleaved instruction by
instruction (out-of-order execution looks about 190 instructions ahead),
which no compiler does for inline assembly. This script only emits the
text (the interleaving is an even spread) and checks the vector code's
bounds (check_vector_bounds).

Measured (AMD EPYC, Zen 1, gcc 12): X25519 took 79.5k TSC cycles (the
fastest of 3000 calls) against 88.1k on the integer ladder in the same
program, and tls13-bench's x25519 rose from 1.27x to 1.34-1.39x OpenSSL.
Also measured, and slower or no better: only the sum's squares on the
vector unit (83.1-83.7k); the whole doubling there, its product too (the
vector chain's latency then exceeds the integer step's); carry passes over
all limbs at once instead of the carry chain (2% slower: more
instructions); pairs of rows sharing the right factor's loads (1%).
"""
import os
import sys

# ---------------------------------------------------------------- context
# The loop's state lives in a 16-byte aligned context (x25519.c); %rdi
# points BIAS bytes into it, so that the first 256 bytes, which hold the
# square's most-read operands, take one-byte displacements.
BIAS = 128
OFFSETS = {}
_next = [0]


def field(name, size):
    OFFSETS[name] = _next[0]
    _next[0] += size


field('VF', 160)          # the square's input: limb i of both lanes at 16 i
field('F19', 80)          # 19 times limbs 5..9 of VF
field('SELECTED', 64)     # the doubling's input, (A | B) or (C | D): word i of both lanes at 16 i
field('SUMS', 64)         # (DA + CB | DA - CB), likewise
field('PIECES_AB', 192)   # (AA | BB) as three 4-word pieces (vector_pieces)
field('PIECES_X3', 192)   # ((DA + CB)^2 | (DA - CB)^2) likewise
for _name in ['M26', 'M25', 'N19']:
    field(_name, 16)      # 2^26 - 1, 2^25 - 1 and 19 in both lanes
for _name in ['X1', 'X2', 'Z2', 'X3', 'Z3', 'A', 'B', 'C', 'D', 'AA', 'BB', 'E', 'DA', 'CB',
              'T', 'K']:
    field(_name, 32)      # radix 2^64 elements; K the clamped scalar
field('COUNT', 4)         # the bit index t, 254 down to 3
field('SWAP', 4)          # bit t + 1 of k
field('PICK', 8)          # SWAP ^ bit t: whether (C, D) is doubled
CONTEXT_SIZE = _next[0]


def mem(name, byte=0):
    return f'{OFFSETS[name] + byte - BIAS}(%rdi)'


def word(name):
    return lambda i: mem(name, 8 * i)


# ---------------------------------------------------------- integer stream
# As in mulx_wide.h and fe25519_64.h: t0..t7 = r8..r15, lo = rax, hi = rbx,
# z = rcx (zero), rdx mulx's factor.
T = ['%r8', '%r9', '%r10', '%r11', '%r12', '%r13', '%r14', '%r15']
LO, HI, Z = '%rax', '%rbx', '%rcx'


def product_rows(a, b):
    """(t0..t7) = a b: mulx_wide.h's TLS13_MULX_ASM_MUL_WIDE, instruction for
    instruction, on fixed registers. The interleaving needs each instruction
    as an item of its own, so the C macros cannot serve here; a change to
    one wants the same change to the other."""
    t = T
    out = [f'movq {a(0)}, %rdx', f'mulxq {b(0)}, {t[0]}, {t[1]}', f'mulxq {b(1)}, {LO}, {t[2]}', f'addq {LO}, {t[1]}',
           f'mulxq {b(2)}, {LO}, {t[3]}', f'adcq {LO}, {t[2]}', f'mulxq {b(3)}, {LO}, {t[4]}', f'adcq {LO}, {t[3]}',
           f'adcq $0, {t[4]}']
    for i in range(1, 4):
        r = t[i:i + 5]
        out.append(f'movq {a(i)}, %rdx')
        if i == 1:
            out.append('xorl %ecx, %ecx')
        for j in range(3):
            out += [f'mulxq {b(j)}, {LO}, {HI}', f'adcxq {LO}, {r[j]}', f'adoxq {HI}, {r[j + 1]}']
        out += [f'mulxq {b(3)}, {LO}, {r[4]}', f'adcxq {LO}, {r[3]}', f'adoxq {Z}, {r[4]}', f'adcxq {Z}, {r[4]}']
    return out


def square_rows(a):
    """(t0..t7) = a^2: TLS13_MULX_ASM_SQR_WIDE likewise (cross products
    once, doubled, plus the diagonal)."""
    t = T
    return [
        f'movq {a(0)}, %rdx', f'mulxq {a(1)}, {t[1]}, {t[2]}', f'mulxq {a(2)}, {LO}, {t[3]}', f'addq {LO}, {t[2]}',
        f'mulxq {a(3)}, {LO}, {t[4]}', f'adcq {LO}, {t[3]}', f'adcq $0, {t[4]}',
        f'movq {a(1)}, %rdx', 'xorl %ecx, %ecx', f'mulxq {a(2)}, {LO}, {HI}', f'adcxq {LO}, {t[3]}',
        f'adoxq {HI}, {t[4]}', f'mulxq {a(3)}, {LO}, {t[5]}', f'adcxq {LO}, {t[4]}', f'adoxq {Z}, {t[5]}',
        f'adcxq {Z}, {t[5]}',
        f'movq {a(2)}, %rdx', f'mulxq {a(3)}, {LO}, {t[6]}', f'addq {LO}, {t[5]}', f'adcq $0, {t[6]}',
        f'movq {a(0)}, %rdx', 'xorl %ecx, %ecx', f'mulxq %rdx, {t[0]}, {HI}', f'adcxq {t[1]}, {t[1]}',
        f'adoxq {HI}, {t[1]}',
        f'movq {a(1)}, %rdx', f'mulxq %rdx, {LO}, {HI}', f'adcxq {t[2]}, {t[2]}', f'adoxq {LO}, {t[2]}',
        f'adcxq {t[3]}, {t[3]}', f'adoxq {HI}, {t[3]}',
        f'movq {a(2)}, %rdx', f'mulxq %rdx, {LO}, {HI}', f'adcxq {t[4]}, {t[4]}', f'adoxq {LO}, {t[4]}',
        f'adcxq {t[5]}, {t[5]}', f'adoxq {HI}, {t[5]}',
        f'movq {a(3)}, %rdx', f'mulxq %rdx, {LO}, {t[7]}', f'adcxq {t[6]}, {t[6]}', f'adoxq {LO}, {t[6]}',
        f'adcxq {Z}, {t[7]}', f'adoxq {Z}, {t[7]}']


def fold(dst):
    """(t0..t3) = (t0..t7) mod p, reduced, stored to dst: fe25519_64.h's
    TLS13_FE64_ASM_FOLD, 38 (t4..t7) added in two chains (2^256 = 38 mod
    p), then fold_top on the fifth word."""
    t = T
    out = ['movl $38, %edx']
    for i in range(3):
        out += [f'mulxq {t[4 + i]}, {LO}, {HI}', f'adcxq {LO}, {t[i]}', f'adoxq {HI}, {t[i + 1]}']
    out += [f'mulxq {t[7]}, {LO}, {t[4]}', f'adcxq {LO}, {t[3]}', f'adoxq {Z}, {t[4]}', f'adcxq {Z}, {t[4]}']
    return out + fold_top() + store(t[:4], dst)


def fold_top():
    """(t0..t3) += 19 (2 t4 + bit 255), bit 255 cleared: below 2^255 + 2^38
    for t4 < 2^32 (tls13_fe64_fold_top)."""
    t = T
    return [f'btrq $63, {t[3]}', f'adcq {t[4]}, {t[4]}', f'imulq $19, {t[4]}, {t[4]}', f'addq {t[4]}, {t[0]}',
            f'adcq $0, {t[1]}', f'adcq $0, {t[2]}', f'adcq $0, {t[3]}']


def mul(dst, a, b):
    return product_rows(word(a), word(b)) + fold(dst)


def square(dst, a):
    return square_rows(word(a)) + fold(dst)


def mul_small_add(dst, f, n, g):
    """dst = f n + g for n < 2^31, reduced: tls13_fe64_mul_small_add."""
    t = T
    out = [f'movl ${n}, %edx', f'mulxq {mem(f, 0)}, {t[0]}, {t[1]}', f'mulxq {mem(f, 8)}, {LO}, {t[2]}',
           f'addq {LO}, {t[1]}', f'mulxq {mem(f, 16)}, {LO}, {t[3]}', f'adcq {LO}, {t[2]}',
           f'mulxq {mem(f, 24)}, {LO}, {t[4]}', f'adcq {LO}, {t[3]}', f'adcq $0, {t[4]}',
           f'addq {mem(g, 0)}, {t[0]}', f'adcq {mem(g, 8)}, {t[1]}', f'adcq {mem(g, 16)}, {t[2]}',
           f'adcq {mem(g, 24)}, {t[3]}', f'adcq $0, {t[4]}']
    return out + fold_top() + store(t[:4], dst)


def add_regs(r, s):
    """r += s (four words each), the carry out (2^256 = 38 mod p) added back
    in. Unlike tls13_fe64_add, the 38 is carried through all four words: x3
    comes from the vector unit below 2^255 + 2^139 (vector_carry), not below
    2^255 + 2^38, so what is left after a carry out need not fit one word
    (Wycheproof's tcId 58 hits that). For inputs below 2^255 + 2^254 the sum
    is below 2^256 + 2^255, so adding 38 to the rest cannot carry out."""
    return [f'addq {s[0]}, {r[0]}', f'adcq {s[1]}, {r[1]}', f'adcq {s[2]}, {r[2]}', f'adcq {s[3]}, {r[3]}',
            f'sbbq {LO}, {LO}', f'andq $38, {LO}', f'addq {LO}, {r[0]}', f'adcq $0, {r[1]}', f'adcq $0, {r[2]}',
            f'adcq $0, {r[3]}']


def sub_regs(r, s):
    """r -= s, a borrow's 38 taken out again: tls13_fe64_sub. After a
    borrow the wrapped difference is above 2^256 - (2^255 + 2^254), so taking
    38 from it cannot borrow again."""
    return [f'subq {s[0]}, {r[0]}', f'sbbq {s[1]}, {r[1]}', f'sbbq {s[2]}, {r[2]}', f'sbbq {s[3]}, {r[3]}',
            f'sbbq {LO}, {LO}', f'andq $38, {LO}', f'subq {LO}, {r[0]}', f'sbbq $0, {r[1]}', f'sbbq $0, {r[2]}',
            f'sbbq $0, {r[3]}']


def store(regs, name, stride=8, lane=0):
    return [f'movq {r}, {mem(name, stride * i + lane)}' for i, r in enumerate(regs)]


def sum_and_difference(p, q, s, d):
    """s = p + q, d = p - q; s and d are store()'s arguments after the
    registers."""
    a, b = T[:4], T[4:]
    qs = [mem(q, 8 * i) for i in range(4)]
    out = [f'movq {mem(p, 8 * i)}, {a[i]}' for i in range(4)] + [f'movq {a[i]}, {b[i]}' for i in range(4)]
    return out + add_regs(a, qs) + store(a, *s) + sub_regs(b, qs) + store(b, *d)


def difference(p, q, d):
    """d = p - q."""
    r = T[:4]
    return ([f'movq {mem(p, 8 * i)}, {r[i]}' for i in range(4)] + sub_regs(r, [mem(q, 8 * i) for i in range(4)]) +
            store(r, d))


def integer_start():
    """Bit t of k; C = x3 + z3, D = x3 - z3, A = x2 + z2, B = x2 - z2 (as
    fe25519_ladder.h, the points stay in place and only the doubling's
    input is selected): SELECTED = (A | B), or (C | D) when PICK is set, by
    cmov."""
    out = [f'movl {mem("COUNT")}, %eax', 'movl %eax, %ecx', 'shrl $3, %eax', 'andl $7, %ecx',
           f'movzbl {OFFSETS["K"] - BIAS}(%rdi,%rax), %eax', 'shrl %cl, %eax', 'andl $1, %eax',
           f'movl {mem("SWAP")}, %ebx', f'movl %eax, {mem("SWAP")}', 'xorl %eax, %ebx', f'movl %ebx, {mem("PICK")}']
    out += sum_and_difference('X3', 'Z3', ('C',), ('D',)) + sum_and_difference('X2', 'Z2', ('A',), ('B',))
    out += [f'testl $1, {mem("PICK")}']
    out += [f'cmovnzq {mem("C", 8 * i)}, {T[i]}' for i in range(4)]
    out += [f'cmovnzq {mem("D", 8 * i)}, {T[4 + i]}' for i in range(4)]
    return out + store(T[:4], 'SELECTED', 16, 0) + store(T[4:], 'SELECTED', 16, 8)


def integer_products():
    """DA and CB, while the vector unit squares SELECTED; then DA + CB and
    DA - CB to SUMS, its next input."""
    return (mul('DA', 'D', 'A') + mul('CB', 'C', 'B') +
            sum_and_difference('DA', 'CB', ('SUMS', 16, 0), ('SUMS', 16, 8)))


def integer_doubling():
    """x2 = AA BB, z2 = E (AA + a24 E), E = AA - BB, a24 = 121665, while
    the vector unit squares SUMS."""
    return (unpack('PIECES_AB', 0, 'AA') + unpack('PIECES_AB', 1, 'BB') + difference('AA', 'BB', 'E') +
            mul('X2', 'AA', 'BB') + mul_small_add('Z2', 'E', 121665, 'AA') + mul('Z2', 'Z2', 'E'))


def unpack(src, lane, dst):
    """dst = lane 0 or 1 of a two-lane square as four words: the sum of its
    three pieces in src (vector_pieces), with carries. Limbs 1 and 5 may
    exceed their widths by 2^15 and 2^10, the rest do not, so the value is
    below 2^255 + 2^139."""
    out = [f'movq {mem(src, 16 * w + 8 * lane)}, {T[w]}' for w in range(4)]
    for piece in (1, 2):
        for w in range(4):
            out.append(f'{"addq" if w == 0 else "adcq"} {mem(src, 16 * (4 * piece + w) + 8 * lane)}, {T[w]}')
    return out + store(T[:4], dst)


def integer_end():
    """x3 = (DA + CB)^2, z3 = x1 (DA - CB)^2."""
    return unpack('PIECES_X3', 0, 'X3') + unpack('PIECES_X3', 1, 'T') + mul('Z3', 'T', 'X1')


# ----------------------------------------------------------- vector stream
# Two lanes, ten limbs of 26, 25, 26, ... bits (limb i at bit ceil(25.5 i)).
# xmm0..xmm9 hold the limbs, or the square's ten sums; xmm13 = 19,
# xmm14 = 2^26 - 1, xmm15 = 2^25 - 1, except during the square, which uses
# xmm10..xmm15 for its factors.
def x(i):
    return f'%xmm{i}'


def width(i):
    return 26 if i % 2 == 0 else 25


def mask(i):
    return '%xmm14' if width(i) == 26 else '%xmm15'


def constants():
    return [f'vmovdqa {mem("N19")}, %xmm13', f'vmovdqa {mem("M26")}, %xmm14', f'vmovdqa {mem("M25")}, %xmm15']


def vector_split(sel):
    """The words at sel (SELECTED or SUMS) to limbs: limb i takes its width
    from bit ceil(25.5 i), joining two words for limbs 2 and 7; the top limb
    takes bit 255 too, so every limb is below 2^26. VF = the limbs, F19 = 19
    times limbs 5..9, the only ones a square's wrapped terms multiply by
    19."""
    w = [mem(sel, 16 * i) for i in range(4)]
    out = [f'vmovdqa {w[0]}, %xmm10', 'vpand %xmm14, %xmm10, %xmm0', 'vpsrlq $26, %xmm10, %xmm1',
           'vpand %xmm15, %xmm1, %xmm1', 'vpsrlq $51, %xmm10, %xmm2',
           f'vmovdqa {w[1]}, %xmm11', 'vpsllq $13, %xmm11, %xmm12', 'vpor %xmm12, %xmm2, %xmm2',
           'vpand %xmm14, %xmm2, %xmm2', 'vpsrlq $13, %xmm11, %xmm3', 'vpand %xmm15, %xmm3, %xmm3',
           'vpsrlq $38, %xmm11, %xmm4',
           f'vmovdqa {w[2]}, %xmm10', 'vpand %xmm15, %xmm10, %xmm5', 'vpsrlq $25, %xmm10, %xmm6',
           'vpand %xmm14, %xmm6, %xmm6', 'vpsrlq $51, %xmm10, %xmm7',
           f'vmovdqa {w[3]}, %xmm11', 'vpsllq $13, %xmm11, %xmm12', 'vpor %xmm12, %xmm7, %xmm7',
           'vpand %xmm15, %xmm7, %xmm7', 'vpsrlq $12, %xmm11, %xmm8', 'vpand %xmm14, %xmm8, %xmm8',
           'vpsrlq $38, %xmm11, %xmm9']
    out += [f'vmovdqa {x(i)}, {mem("VF", 16 * i)}' for i in range(10)]
    for j in range(5, 10):
        out += [f'vpmuludq %xmm13, {x(j)}, %xmm10', f'vmovdqa %xmm10, {mem("F19", 16 * (j - 5))}']
    return out


def vector_square():
    """Both lanes squared: h_k = sum over i <= j with i + j = k mod 10 of
    f_i f_j times 2 when i != j, 2 when i and j are odd (their bit positions
    each lose a half) and 19 when i + j >= 10 (2^255 = 19 mod p). Row by
    row: xmm10 = f_i (2 f_i for odd i), xmm11 = 2 xmm10, the right factor
    from VF or F19. With limbs below 2^26 every factor fits vpmuludq's 32
    bits (19 f < 2^31) and every sum is below 2^61."""
    out, started = [], set()
    for i in range(10):
        out.append(f'vmovdqa {mem("VF", 16 * i)}, %xmm10')
        if i % 2:
            out.append('vpaddq %xmm10, %xmm10, %xmm10')
        if i < 9:
            out.append('vpaddq %xmm10, %xmm10, %xmm11')
        for j in range(i, 10):
            right = mem('F19', 16 * (j - 5)) if i + j >= 10 else mem('VF', 16 * j)
            # the diagonal, and odd rows' cross terms with even j, take xmm10
            left = '%xmm10' if j == i or (i % 2 and j % 2 == 0) else '%xmm11'
            k = (i + j) % 10
            if k in started:
                out += [f'vpmuludq {right}, {left}, %xmm12', f'vpaddq %xmm12, {x(k)}, {x(k)}']
            else:
                started.add(k)
                out.append(f'vpmuludq {right}, {left}, {x(k)}')
    return out + constants() + vector_carry()


def vector_carry():
    """The sums carried to limbs below their widths, but limbs 1 and 5 below
    their widths plus 2^15 and 2^10 (the carries they take after their own):
    ref10's order, two chains from limbs 0 and 4, then the top's carry times
    19 into limb 0 and limb 0's into 1. The top carry exceeds vpmuludq's 32
    bits, so 19 c = 16 c + 2 c + c."""
    def carry(i):
        return [f'vpsrlq ${width(i)}, {x(i)}, %xmm10', f'vpaddq %xmm10, {x(i + 1)}, {x(i + 1)}',
                f'vpand {mask(i)}, {x(i)}, {x(i)}']
    out = []
    for i in [0, 4, 1, 5, 2, 6, 3, 7, 4, 8]:
        out += carry(i)
    out += ['vpsrlq $25, %xmm9, %xmm10', 'vpand %xmm15, %xmm9, %xmm9', 'vpsllq $4, %xmm10, %xmm11',
            'vpaddq %xmm10, %xmm0, %xmm0', 'vpaddq %xmm10, %xmm10, %xmm10', 'vpaddq %xmm11, %xmm0, %xmm0',
            'vpaddq %xmm10, %xmm0, %xmm0']
    return out + carry(0)


def vector_pieces(dst):
    """The squares back to radix 2^64 as three 4-word pieces whose sum (with
    carries: unpack) is the value: each limb shifted to its place in its
    word, limbs 2 and 7, which cross a word, split in two by shifts."""
    out = []
    for piece, w, limb, shift in [(0, 0, 0, 0), (0, 1, 2, -13), (0, 2, 5, 0), (0, 3, 7, -13),
                                  (1, 0, 1, 26), (1, 1, 3, 13), (1, 2, 6, 25), (1, 3, 8, 12),
                                  (2, 0, 2, 51), (2, 1, 4, 38), (2, 2, 7, 51), (2, 3, 9, 38)]:
        reg = x(limb)
        if shift:
            out.append(f'{"vpsllq" if shift > 0 else "vpsrlq"} ${abs(shift)}, {x(limb)}, %xmm10')
            reg = '%xmm10'
        out.append(f'vmovdqa {reg}, {mem(dst, 16 * (4 * piece + w))}')
    return out


def check_vector_bounds(stream, sel, pieces):
    """Runs the vector stream on upper bounds instead of values (all values
    are non-negative) and fails unless every vpmuludq factor fits 32 bits,
    no sum overflows 64 bits, no shift loses bits that are not masked off
    or kept in another piece (limbs 2 and 7 split across words), and the
    squares' pieces sum to below 2^255 + 2^254, as add_regs and sub_regs
    need. The words at sel, the input, may be any 64-bit value."""
    top = (1 << 64) - 1
    bound = {mem('N19'): 19, mem('M26'): (1 << 26) - 1, mem('M25'): (1 << 25) - 1,
             '%xmm13': 19, '%xmm14': (1 << 26) - 1, '%xmm15': (1 << 25) - 1}
    bound.update({mem(sel, 16 * i): top for i in range(4)})
    cut = set()  # locations holding a shift's truncated result

    def put(dst, value, truncated=False):
        bound[dst] = value
        (cut.add if truncated else cut.discard)(dst)

    for line in stream:
        op, _, args = line.partition(' ')
        a = args.split(', ')
        if op == 'vmovdqa':
            put(a[1], bound[a[0]], a[0] in cut)
        elif op in ('vpsrlq', 'vpsllq'):
            n, src, dst = int(a[0][1:]), a[1], a[2]
            assert src not in cut, line
            value = bound[src] >> n if op == 'vpsrlq' else bound[src] << n
            put(dst, min(value, top), value > top)
        elif op == 'vpand':  # the mask keeps only exact bits
            put(a[2], min(bound[a[0]], bound[a[1]]))
        elif op == 'vpor':  # joins a word's top bits and the next word's bottom ones, then masked
            put(a[2], bound[a[0]] + bound[a[1]], a[0] in cut or a[1] in cut)
        elif op == 'vpaddq':
            assert a[0] not in cut and a[1] not in cut and bound[a[0]] + bound[a[1]] <= top, line
            put(a[2], bound[a[0]] + bound[a[1]])
        elif op == 'vpmuludq':
            assert bound[a[0]] < 1 << 32 and bound[a[1]] < 1 << 32, line
            put(a[2], bound[a[0]] * bound[a[1]])
        else:
            raise AssertionError('no bound rule for ' + line)
    total = 0
    for piece in range(3):
        for w in range(4):
            location = mem(pieces, 16 * (4 * piece + w))
            assert location not in cut or (piece, w) in ((2, 0), (2, 2)), location
            total += bound[location] << (64 * w)
    assert total < (1 << 255) + (1 << 254), hex(total)


def interleave(a, b):
    """b spread evenly through a. Neither touches the other's registers or
    memory, and vector instructions leave the flags alone."""
    out, taken = [], 0
    for n, line in enumerate(a):
        out.append(line)
        while taken < (n + 1) * len(b) // len(a):
            out.append(b[taken])
            taken += 1
    return out + b[taken:]


def two_lane_square(sel, pieces):
    """The vector unit's work on one input: the words at sel squared into
    pieces, its bounds checked."""
    stream = vector_split(sel) + vector_square() + vector_pieces(pieces)
    check_vector_bounds(stream, sel, pieces)
    return stream


def loop():
    squares_ab = two_lane_square('SELECTED', 'PIECES_AB')
    squares_x3 = two_lane_square('SUMS', 'PIECES_X3')
    step = (integer_start() + interleave(squares_ab, integer_products()) + interleave(squares_x3, integer_doubling()) +
            integer_end())
    # vzeroall: no secret is left in a vector register
    return (constants() + ['1:'] + step + [f'subl $1, {mem("COUNT")}', f'cmpl $3, {mem("COUNT")}', 'jge 1b'] +
            ['vzeroall'])


def main():
    lines = ['/* Generated by x25519_ladder_avx2_gen.py, which explains it. Do not edit. */',
             '#ifndef TLS13_CRYPTO_X25519_LADDER_AVX2_H', '#define TLS13_CRYPTO_X25519_LADDER_AVX2_H', '',
             '/* Byte offsets of the loop\'s context fields; the loop takes a pointer',
             ' * TLS13_LADDER_AVX2_BIAS bytes into the context in %rdi. */',
             f'#define TLS13_LADDER_AVX2_BIAS {BIAS}']
    lines += [f'#define TLS13_LADDER_AVX2_{name} {off}' for name, off in OFFSETS.items()]
    lines += [f'#define TLS13_LADDER_AVX2_SIZE {CONTEXT_SIZE}', '',
              '/* Steps t = COUNT down to 3; clobbers rax, rbx, rcx, rdx, r8-r15,',
              ' * xmm0-xmm15 (zeroed at the end) and the flags. */',
              '#define TLS13_LADDER_AVX2_LOOP \\']
    body = loop()
    lines += [f'    "{line.replace("%", "%%")}\\n\\t" \\' for line in body[:-1]]
    lines += [f'    "{body[-1].replace("%", "%%")}\\n\\t"', '', '#endif', '']
    text = '\n'.join(lines)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'x25519_ladder_avx2.h')
    if sys.argv[1:] == ['--check']:  # the test suite's: is the header this script's output?
        with open(path) as f:
            if f.read() != text:
                sys.exit(f'{path} is not what {sys.argv[0]} writes: run it')
        return
    with open(path, 'w') as f:
        f.write(text)


if __name__ == '__main__':
    main()
