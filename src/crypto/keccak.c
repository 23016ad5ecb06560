#include "keccak.h"

#include "base/bytes.h"
#include "base/mem.h"
#include "keccak_round.h"

static void keccak_round(const uint64_t src[25], uint64_t dst[25], uint64_t round_constant)
{
    KECCAK_ROUND(uint64_t, src, dst, round_constant);
}

/* Keccak-p[1600, 24]: 24 rounds, alternating between the state and a copy. */
void tls13_keccak_f1600(uint64_t lanes[25])
{
    uint64_t other[25];
    for (int round = 0; round < 24; round += 2) {
        keccak_round(lanes, other, tls13_keccak_round_constants[round]);
        keccak_round(other, lanes, tls13_keccak_round_constants[round + 1]);
    }
    tls13_wipe(other, sizeof(other));   /* an earlier state, as secret as the input */
}

void tls13_keccak_init(tls13_keccak *k, size_t rate, uint8_t suffix)
{
    for (int i = 0; i < 25; i++)
        k->lanes[i] = 0;
    k->rate = rate;
    k->pos = 0;
    k->suffix = suffix;
    k->squeezing = 0;
}

static inline void xor_byte(tls13_keccak *k, size_t i, uint8_t v)
{
    k->lanes[i / 8] ^= (uint64_t)v << (8 * (i % 8));
}

/* XORs n bytes into the state from byte offset pos: whole lanes where the
 * offset is lane-aligned, single bytes at the edges. */
static void xor_bytes(tls13_keccak *k, size_t pos, const uint8_t *in, size_t n)
{
    for (; n > 0 && pos % 8 != 0; n--)
        xor_byte(k, pos++, *in++);
    for (; n >= 8; n -= 8, pos += 8, in += 8)
        k->lanes[pos / 8] ^= tls13_load_le64(in);
    for (; n > 0; n--)
        xor_byte(k, pos++, *in++);
}

/* Copies n bytes of the state out from byte offset pos, likewise. */
static void extract_bytes(const tls13_keccak *k, size_t pos, uint8_t *out, size_t n)
{
    for (; n > 0 && pos % 8 != 0; n--, pos++)
        *out++ = (uint8_t)(k->lanes[pos / 8] >> (8 * (pos % 8)));
    for (; n >= 8; n -= 8, pos += 8, out += 8)
        tls13_store_le64(out, k->lanes[pos / 8]);
    for (; n > 0; n--, pos++)
        *out++ = (uint8_t)(k->lanes[pos / 8] >> (8 * (pos % 8)));
}

void tls13_keccak_absorb(tls13_keccak *k, const uint8_t *in, size_t len)
{
    while (len > 0) {
        size_t take = k->rate - k->pos < len ? k->rate - k->pos : len;
        xor_bytes(k, k->pos, in, take);
        k->pos += take;
        in += take;
        len -= take;
        if (k->pos == k->rate) {
            tls13_keccak_f1600(k->lanes);
            k->pos = 0;
        }
    }
}

void tls13_keccak_squeeze(tls13_keccak *k, uint8_t *out, size_t len)
{
    if (!k->squeezing) {
        /* pad10*1 after the suffix bits; the suffix byte holds the first 1. */
        xor_byte(k, k->pos, k->suffix);
        xor_byte(k, k->rate - 1, 0x80);
        tls13_keccak_f1600(k->lanes);
        k->pos = 0;
        k->squeezing = 1;
    }
    while (len > 0) {
        size_t take;
        if (k->pos == k->rate) {
            tls13_keccak_f1600(k->lanes);
            k->pos = 0;
        }
        take = k->rate - k->pos < len ? k->rate - k->pos : len;
        extract_bytes(k, k->pos, out, take);
        k->pos += take;
        out += take;
        len -= take;
    }
}
