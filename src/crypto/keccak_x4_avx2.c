/* The Keccak round of keccak_round.h on a GCC/Clang vector of four 64-bit
 * lanes, which the compiler maps to AVX2 registers in this function only. */
#include "keccak_x4_avx2.h"

#ifdef TLS13_X86_64
#include <string.h>

#include "base/mem.h"
#include "keccak_round.h"

typedef uint64_t lanes4 __attribute__((vector_size(32)));

TLS13_TARGET("avx2") static void keccak_round4(const lanes4 src[25], lanes4 dst[25], uint64_t round_constant)
{
    const lanes4 rc = {round_constant, round_constant, round_constant, round_constant};
    KECCAK_ROUND(lanes4, src, dst, rc);
}

TLS13_TARGET("avx2") void tls13_keccak_x4_f1600_avx2(tls13_keccak_x4 *k)
{
    lanes4 a[25], other[25];
    memcpy(a, k->lanes, sizeof(a));
    for (int round = 0; round < 24; round += 2) {
        keccak_round4(a, other, tls13_keccak_round_constants[round]);
        keccak_round4(other, a, tls13_keccak_round_constants[round + 1]);
    }
    memcpy(k->lanes, a, sizeof(a));
    tls13_wipe(a, sizeof(a));
    tls13_wipe(other, sizeof(other));
}

#endif
