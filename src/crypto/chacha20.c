/* ChaCha20, RFC 8439 sections 2.1-2.4, and the dispatch to the AVX2 path. */
#include "chacha20.h"

#include "../base/bytes.h"
#include "../base/cpu.h"
#include "../base/mem.h"
#include "chacha20_avx2.h"

#define ROTL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

/* Section 2.1. */
#define QUARTER_ROUND(a, b, c, d)              \
    do {                                       \
        a += b; d ^= a; d = ROTL32(d, 16);     \
        c += d; b ^= c; b = ROTL32(b, 12);     \
        a += b; d ^= a; d = ROTL32(d, 8);      \
        c += d; b ^= c; b = ROTL32(b, 7);      \
    } while (0)

void tls13_chacha20_state(uint32_t state[16], const uint8_t key[32], uint32_t counter, const uint8_t nonce[12])
{
    /* "expand 32-byte k" */
    state[0] = 0x61707865;
    state[1] = 0x3320646e;
    state[2] = 0x79622d32;
    state[3] = 0x6b206574;
    for (int i = 0; i < 8; i++)
        state[4 + i] = tls13_load_le32(key + 4 * i);
    state[12] = counter;
    for (int i = 0; i < 3; i++)
        state[13 + i] = tls13_load_le32(nonce + 4 * i);
}

/* Section 2.3: 20 rounds (10 column + diagonal double rounds), then the
 * input state added back. */
static void block_words(const uint32_t in[16], uint32_t x[16])
{
    for (int i = 0; i < 16; i++)
        x[i] = in[i];
    for (int i = 0; i < 10; i++) {
        QUARTER_ROUND(x[0], x[4], x[8], x[12]);
        QUARTER_ROUND(x[1], x[5], x[9], x[13]);
        QUARTER_ROUND(x[2], x[6], x[10], x[14]);
        QUARTER_ROUND(x[3], x[7], x[11], x[15]);
        QUARTER_ROUND(x[0], x[5], x[10], x[15]);
        QUARTER_ROUND(x[1], x[6], x[11], x[12]);
        QUARTER_ROUND(x[2], x[7], x[8], x[13]);
        QUARTER_ROUND(x[3], x[4], x[9], x[14]);
    }
    for (int i = 0; i < 16; i++)
        x[i] += in[i];
}

void tls13_chacha20_block(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t out[64])
{
    uint32_t state[16], x[16];
    tls13_chacha20_state(state, key, counter, nonce);
    block_words(state, x);
    for (int i = 0; i < 16; i++)
        tls13_store_le32(out + 4 * i, x[i]);
    tls13_wipe(state, sizeof(state));
    tls13_wipe(x, sizeof(x));
}

void tls13_chacha20_xor_portable(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t *data,
                                 size_t len)
{
    uint32_t state[16], x[16];
    tls13_chacha20_state(state, key, counter, nonce);
    while (len > 0) {
        size_t n = len < 64 ? len : 64;
        block_words(state, x);
        for (size_t i = 0; i < n; i++)
            data[i] ^= (uint8_t)(x[i / 4] >> (8 * (i % 4)));
        state[12]++;
        data += n;
        len -= n;
    }
    tls13_wipe(state, sizeof(state));
    tls13_wipe(x, sizeof(x));
}

void tls13_chacha20_xor(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12], uint8_t *data, size_t len)
{
#ifdef TLS13_X86_64
    if (tls13_cpu_has(TLS13_CPU_AVX2)) {
        tls13_chacha20_xor_avx2(key, counter, nonce, data, len, NULL, 0);
        return;
    }
#endif
    tls13_chacha20_xor_portable(key, counter, nonce, data, len);
}
