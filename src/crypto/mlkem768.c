/*
 * ML-KEM-768 (FIPS 203): K-PKE (section 5) and the KEM built on it
 * (sections 6 and 7) with k = 3, eta1 = eta2 = 2, du = 10, dv = 4.
 */
#include "mlkem768.h"

#include <string.h>

#include "base/ct.h"
#include "base/mem.h"
#include "base/random.h"
#include "mlkem_poly.h"
#include "sha3.h"
#include "tls13.h"

#define K 3
#define DU 10
#define DV 4
#define POLYVEC_BYTES (K * TLS13_MLKEM_POLY_BYTES)   /* 1152 */
#define CT_U_BYTES (K * 32 * DU)                     /* 960 */

typedef tls13_mlkem_poly poly;

/* A-hat, or its transpose: entry [i][j] is SampleNTT(rho || j || i), and
 * the transpose's is SampleNTT(rho || i || j) (Algorithms 13 and 14). */
static void generate_matrix(poly a[K][K], const uint8_t rho[32], int transposed)
{
    uint8_t ji[K * K][2];
    for (uint8_t i = 0; i < K; i++)
        for (uint8_t j = 0; j < K; j++) {
            ji[K * i + j][0] = transposed ? i : j;
            ji[K * i + j][1] = transposed ? j : i;
        }
    tls13_mlkem_poly_sample_ntt_many(&a[0][0], K * K, rho, (const uint8_t(*)[2])ji);
}

/* G (section 4.1): SHA3-512 of a || b, split into two 32-byte halves. */
static void hash_g(uint8_t out[64], const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    tls13_sha3_ctx g;
    tls13_sha3_512_init(&g);
    tls13_sha3_update(&g, a, a_len);
    tls13_sha3_update(&g, b, b_len);
    tls13_sha3_final(&g, out);
}

/* K-PKE.KeyGen (Algorithm 13): ek_pke = ByteEncode_12(t-hat) || rho and
 * dk_pke = ByteEncode_12(s-hat). */
static void pke_keygen(const uint8_t d[32], uint8_t ek[TLS13_MLKEM768_EK_SIZE], uint8_t dk_pke[POLYVEC_BYTES])
{
    struct {
        uint8_t rho_sigma[64];
        poly a[K][K], se[2 * K], t;   /* se: s, then e */
    } w;
    const uint8_t k_byte = K;
    const uint8_t *rho = w.rho_sigma, *sigma = w.rho_sigma + 32;
    poly *s = w.se, *e = w.se + K;

    hash_g(w.rho_sigma, d, 32, &k_byte, 1);
    generate_matrix(w.a, rho, 0);
    /* s[i] and e[i] from PRF nonces 0 .. 2k-1, in that order. */
    tls13_mlkem_poly_sample_cbd2_many(w.se, 2 * K, sigma, 0);
    for (size_t i = 0; i < K; i++) {
        tls13_mlkem_poly_ntt(&s[i]);
        tls13_mlkem_poly_ntt(&e[i]);
    }
    for (size_t i = 0; i < K; i++) {
        /* t-hat[i] = sum_j A-hat[i][j] s-hat[j] + e-hat[i] */
        tls13_mlkem_poly_dot(&w.t, w.a[i], s, K);
        tls13_mlkem_poly_tomont(&w.t);
        tls13_mlkem_poly_add(&w.t, &w.t, &e[i]);
        tls13_mlkem_poly_canonical(&w.t);
        tls13_mlkem_poly_encode12(ek + i * TLS13_MLKEM_POLY_BYTES, &w.t);
        tls13_mlkem_poly_canonical(&s[i]);
        tls13_mlkem_poly_encode12(dk_pke + i * TLS13_MLKEM_POLY_BYTES, &s[i]);
    }
    memcpy(ek + POLYVEC_BYTES, rho, 32);
    tls13_wipe(&w, sizeof(w));
}

/* Decodes t-hat from ek_pke; all-ones when it passes the modulus check
 * (section 7.2: ByteEncode_12(ByteDecode_12(ek)) == ek, i.e. every
 * coefficient is below q). */
static uint32_t decode_ek(poly t[K], const uint8_t ek[TLS13_MLKEM768_EK_SIZE])
{
    uint32_t ok = UINT32_MAX;
    for (size_t i = 0; i < K; i++)
        ok &= tls13_mlkem_poly_decode12(&t[i], ek + i * TLS13_MLKEM_POLY_BYTES);
    return ok;
}

/* K-PKE.Encrypt (Algorithm 14) of the message m with randomness r, under
 * the already decoded t-hat and rho. */
static void pke_encrypt(const poly t[K], const uint8_t rho[32], const uint8_t m[32], const uint8_t r[32],
                        uint8_t ct[TLS13_MLKEM768_CT_SIZE])
{
    struct {
        poly at[K][K], noise[2 * K + 1], u, v, mu;   /* noise: y, e1, e2 */
    } w;
    poly *y = w.noise, *e1 = w.noise + K, *e2 = w.noise + 2 * K;

    generate_matrix(w.at, rho, 1);
    /* y[i], e1[i], e2 from PRF nonces 0 .. 2k, in that order. */
    tls13_mlkem_poly_sample_cbd2_many(w.noise, 2 * K + 1, r, 0);
    for (size_t i = 0; i < K; i++)
        tls13_mlkem_poly_ntt(&y[i]);
    for (size_t i = 0; i < K; i++) {
        /* u[i] = NTT^-1(sum_j A-hat^T[i][j] y-hat[j]) + e1[i] */
        tls13_mlkem_poly_dot(&w.u, w.at[i], y, K);
        tls13_mlkem_poly_invntt(&w.u);
        tls13_mlkem_poly_add(&w.u, &w.u, &e1[i]);
        tls13_mlkem_poly_canonical(&w.u);
        tls13_mlkem_poly_compress(ct + i * 32 * DU, &w.u, DU);
    }
    /* v = NTT^-1(t-hat^T y-hat) + e2 + Decompress_1(ByteDecode_1(m)) */
    tls13_mlkem_poly_dot(&w.v, t, y, K);
    tls13_mlkem_poly_invntt(&w.v);
    tls13_mlkem_poly_decompress(&w.mu, m, 1);
    tls13_mlkem_poly_add(&w.v, &w.v, e2);
    tls13_mlkem_poly_add(&w.v, &w.v, &w.mu);
    tls13_mlkem_poly_canonical(&w.v);
    tls13_mlkem_poly_compress(ct + CT_U_BYTES, &w.v, DV);
    tls13_wipe(&w, sizeof(w));
}

/* K-PKE.Decrypt (Algorithm 15). */
static void pke_decrypt(const uint8_t dk_pke[POLYVEC_BYTES], const uint8_t ct[TLS13_MLKEM768_CT_SIZE], uint8_t m[32])
{
    struct {
        poly s[K], u[K], v, su;
    } w;
    for (size_t i = 0; i < K; i++) {
        /* A tampered dk may hold values up to 4095 here; the product
         * bounds of tls13_mlkem_poly_dot allow that. */
        (void)tls13_mlkem_poly_decode12(&w.s[i], dk_pke + i * TLS13_MLKEM_POLY_BYTES);
        tls13_mlkem_poly_decompress(&w.u[i], ct + i * 32 * DU, DU);
        tls13_mlkem_poly_ntt(&w.u[i]);
    }
    tls13_mlkem_poly_decompress(&w.v, ct + CT_U_BYTES, DV);
    /* w = v - NTT^-1(s-hat^T NTT(u)) */
    tls13_mlkem_poly_dot(&w.su, w.s, w.u, K);
    tls13_mlkem_poly_invntt(&w.su);
    tls13_mlkem_poly_sub(&w.v, &w.v, &w.su);
    tls13_mlkem_poly_canonical(&w.v);
    tls13_mlkem_poly_compress(m, &w.v, 1);
    tls13_wipe(&w, sizeof(w));
}

void tls13_mlkem768_keygen_from_seed(const uint8_t seed[64], uint8_t ek[1184], uint8_t dk[2400])
{
    /* ML-KEM.KeyGen_internal (Algorithm 16): dk = dk_pke || ek || H(ek) || z */
    pke_keygen(seed, ek, dk);
    memcpy(dk + POLYVEC_BYTES, ek, TLS13_MLKEM768_EK_SIZE);
    tls13_sha3_256(ek, TLS13_MLKEM768_EK_SIZE, dk + POLYVEC_BYTES + TLS13_MLKEM768_EK_SIZE);
    memcpy(dk + POLYVEC_BYTES + TLS13_MLKEM768_EK_SIZE + 32, seed + 32, 32);
}

int tls13_mlkem768_keygen(uint8_t ek[1184], uint8_t dk[2400])
{
    /* ML-KEM.KeyGen (Algorithm 19) */
    uint8_t seed[64];
    int rc = tls13_random_bytes(seed, sizeof(seed));
    if (rc == TLS13_OK)
        tls13_mlkem768_keygen_from_seed(seed, ek, dk);
    tls13_wipe(seed, sizeof(seed));
    return rc;
}

int tls13_mlkem768_encaps_with_m(const uint8_t ek[1184], const uint8_t m[32], uint8_t ct[1088], uint8_t ss[32])
{
    /* ML-KEM.Encaps_internal (Algorithm 17) after the input check of
     * section 7.2: (K, r) = G(m || H(ek)), c = K-PKE.Encrypt(ek, m, r). */
    poly t[K];
    uint8_t h[32], kr[64];
    if (decode_ek(t, ek) != UINT32_MAX)
        return TLS13_ERR_BAD_KEY;
    tls13_sha3_256(ek, TLS13_MLKEM768_EK_SIZE, h);
    hash_g(kr, m, 32, h, sizeof(h));
    pke_encrypt(t, ek + POLYVEC_BYTES, m, kr + 32, ct);
    memcpy(ss, kr, 32);
    tls13_wipe(kr, sizeof(kr));
    return TLS13_OK;
}

int tls13_mlkem768_encaps(const uint8_t ek[1184], uint8_t ct[1088], uint8_t ss[32])
{
    /* ML-KEM.Encaps (Algorithm 20) */
    uint8_t m[32];
    int rc = tls13_random_bytes(m, sizeof(m));
    if (rc == TLS13_OK)
        rc = tls13_mlkem768_encaps_with_m(ek, m, ct, ss);
    tls13_wipe(m, sizeof(m));
    return rc;
}

int tls13_mlkem768_decaps(const uint8_t dk[2400], const uint8_t ct[1088], uint8_t ss[32])
{
    /* ML-KEM.Decaps_internal (Algorithm 18) after the hash check of section
     * 7.3: H(ek) stored in dk must be the hash of the ek stored in dk. */
    const uint8_t *dk_pke = dk;
    const uint8_t *ek = dk + POLYVEC_BYTES;
    const uint8_t *h = ek + TLS13_MLKEM768_EK_SIZE;
    const uint8_t *z = h + 32;
    struct {
        poly t[K];
        uint8_t m[32], kr[64], k_bar[32], h_check[32], ct2[TLS13_MLKEM768_CT_SIZE];
    } w;
    tls13_sha3_ctx j;
    uint32_t same;

    tls13_sha3_256(ek, TLS13_MLKEM768_EK_SIZE, w.h_check);
    if (!tls13_ct_memeq(w.h_check, h, 32))
        return TLS13_ERR_BAD_KEY;
    pke_decrypt(dk_pke, ct, w.m);
    hash_g(w.kr, w.m, 32, h, 32);
    /* K-bar = J(z || c) = SHAKE256(z || c, 32): the implicit rejection key. */
    tls13_shake256_init(&j);
    tls13_sha3_update(&j, z, 32);
    tls13_sha3_update(&j, ct, TLS13_MLKEM768_CT_SIZE);
    tls13_shake_squeeze(&j, w.k_bar, 32);
    tls13_wipe(&j, sizeof(j));
    /* Re-encrypt and compare in constant time; select K' or K-bar with a
     * mask, so nothing reveals which ciphertexts were rejected. */
    (void)decode_ek(w.t, ek);
    pke_encrypt(w.t, ek + POLYVEC_BYTES, w.m, w.kr + 32, w.ct2);
    same = tls13_ct_nonzero_mask32((uint32_t)tls13_ct_memeq(ct, w.ct2, TLS13_MLKEM768_CT_SIZE));
    tls13_ct_cmov(w.k_bar, w.kr, 32, same);
    memcpy(ss, w.k_bar, 32);
    tls13_wipe(&w, sizeof(w));
    return TLS13_OK;
}
