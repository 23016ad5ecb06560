/* AES key expansion (FIPS 197 section 5.2) and the block-function dispatch. */
#include "aes.h"

#include "tls13.h"

#include "../base/bytes.h"
#include "../base/cpu.h"
#include "../base/mem.h"
#include "aes_bitslice.h"
#include "aes_ni.h"

int tls13_aes_init(tls13_aes_key *key, const uint8_t *k, size_t key_len)
{
    /* Words are little-endian loads, so byte 0 of the FIPS word is the low byte. */
    static const uint8_t rcon[10] = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36};
    uint32_t w[4 * (TLS13_AES_MAX_ROUNDS + 1)];
    size_t nk, total;

    if (key_len != 16 && key_len != 32)
        return TLS13_ERR_INVALID_ARGUMENT;
    nk = key_len / 4;
    key->rounds = (unsigned)nk + 6;
    total = 4 * (key->rounds + 1);
    for (size_t i = 0; i < nk; i++)
        w[i] = tls13_load_le32(k + 4 * i);
    for (size_t i = nk; i < total; i++) {
        uint32_t t = w[i - 1];
        if (i % nk == 0)
            t = tls13_aes_subword((t >> 8) | (t << 24)) ^ rcon[i / nk - 1];
        else if (nk > 6 && i % nk == 4)
            t = tls13_aes_subword(t);
        w[i] = w[i - nk] ^ t;
    }
    for (unsigned r = 0; r <= key->rounds; r++) {
        for (int j = 0; j < 4; j++)
            tls13_store_le32(key->rk[r] + 4 * j, w[4 * r + j]);
        tls13_aes_slice_round_key(key->rk[r], key->rk_sliced[r]);
    }
    tls13_wipe(w, sizeof(w));
    return TLS13_OK;
}

void tls13_aes_encrypt_blocks(const tls13_aes_key *key, const uint8_t *in, uint8_t *out, size_t nblocks)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_AESNI)) {
        tls13_aes_ni_encrypt_blocks(key, in, out, nblocks);
        return;
    }
#endif
    while (nblocks > 0) {
        size_t n = nblocks < TLS13_AES_SLICED_BLOCKS ? nblocks : TLS13_AES_SLICED_BLOCKS;
        tls13_aes_bitslice_encrypt((const uint64_t(*)[8])key->rk_sliced, key->rounds, in, out, n);
        in += 16 * n;
        out += 16 * n;
        nblocks -= n;
    }
}
