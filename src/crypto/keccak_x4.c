#include "keccak_x4.h"

#include "base/bytes.h"
#include "base/cpu.h"
#include "base/mem.h"
#include "keccak.h"
#include "keccak_x4_avx2.h"

void tls13_keccak_x4_f1600(tls13_keccak_x4 *k)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_AVX2)) {
        tls13_keccak_x4_f1600_avx2(k);
        return;
    }
#endif
    for (size_t s = 0; s < 4; s++) {
        uint64_t one[25];
        for (size_t i = 0; i < 25; i++)
            one[i] = k->lanes[i][s];
        tls13_keccak_f1600(one);
        for (size_t i = 0; i < 25; i++)
            k->lanes[i][s] = one[i];
        tls13_wipe(one, sizeof(one));
    }
}

static inline void xor_byte(tls13_keccak_x4 *k, size_t s, size_t i, uint8_t v)
{
    k->lanes[i / 8][s] ^= (uint64_t)v << (8 * (i % 8));
}

void tls13_keccak_x4_absorb_block(tls13_keccak_x4 *k, size_t rate, uint8_t suffix, const uint8_t *const in[4], size_t len)
{
    for (size_t i = 0; i < 25; i++)
        for (size_t s = 0; s < 4; s++)
            k->lanes[i][s] = 0;
    for (size_t s = 0; s < 4; s++) {
        size_t pos = 0;
        for (; pos + 8 <= len; pos += 8)
            k->lanes[pos / 8][s] = tls13_load_le64(in[s] + pos);
        for (; pos < len; pos++)
            xor_byte(k, s, pos, in[s][pos]);
        /* pad10*1 as in tls13_keccak_squeeze */
        xor_byte(k, s, len, suffix);
        xor_byte(k, s, rate - 1, 0x80);
    }
}

void tls13_keccak_x4_squeeze_block(tls13_keccak_x4 *k, size_t rate, uint8_t *const out[4])
{
    tls13_keccak_x4_f1600(k);
    for (size_t s = 0; s < 4; s++)
        for (size_t i = 0; i < rate / 8; i++)
            tls13_store_le64(out[s] + 8 * i, k->lanes[i][s]);
}
