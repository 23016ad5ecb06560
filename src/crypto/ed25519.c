/* Ed25519 (RFC 8032 section 5.1), pure variant, strict verification. */
#include "ed25519.h"

#include <string.h>

#include "tls13.h"
#include "../base/mem.h"
#include "ge25519.h"
#include "sc25519.h"
#include "sha2.h"

/* Section 5.1.5: the first half of SHA-512(seed), clamped, is the secret
 * scalar s; the second half is the prefix the nonce is derived from. */
static void expand_key(uint8_t h[64], const uint8_t seed[32])
{
    tls13_sha512(seed, 32, h);
    h[0] &= 248;
    h[31] &= 127;
    h[31] |= 64;
}

void tls13_ed25519_public(uint8_t pub[32], const uint8_t seed[32])
{
    uint8_t h[64];
    tls13_ge_p3 A;
    expand_key(h, seed);
    tls13_ge_scalarmult_base(&A, h);
    tls13_ge_p3_tobytes(pub, &A);
    tls13_wipe(h, sizeof(h));
    tls13_wipe(&A, sizeof(A));
}

/* k = SHA-512(R || A || M) mod L (sections 5.1.6 step 4 and 5.1.7 step 2) */
static void challenge(uint8_t k[32], const uint8_t R[32], const uint8_t pub[32], const uint8_t *msg, size_t msg_len)
{
    tls13_sha512_ctx ctx;
    uint8_t digest[64];
    tls13_sha512_init(&ctx);
    tls13_sha512_update(&ctx, R, 32);
    tls13_sha512_update(&ctx, pub, 32);
    tls13_sha512_update(&ctx, msg, msg_len);
    tls13_sha512_final(&ctx, digest);
    tls13_sc_reduce64(k, digest);
}

void tls13_ed25519_sign(uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t seed[32],
                        const uint8_t pub[32])
{
    uint8_t h[64], digest[64], r[32], k[32];
    tls13_sha512_ctx ctx;
    tls13_ge_p3 R;
    expand_key(h, seed);
    /* Step 2: r = SHA-512(prefix || M) mod L, the secret nonce. */
    tls13_sha512_init(&ctx);
    tls13_sha512_update(&ctx, h + 32, 32);
    tls13_sha512_update(&ctx, msg, msg_len);
    tls13_sha512_final(&ctx, digest);
    tls13_sc_reduce64(r, digest);
    /* Step 3: R = [r]B. */
    tls13_ge_scalarmult_base(&R, r);
    tls13_ge_p3_tobytes(sig, &R);
    /* Steps 4-5: S = (r + k s) mod L. */
    challenge(k, sig, pub, msg, msg_len);
    tls13_sc_muladd(sig + 32, k, h, r);
    tls13_wipe(h, sizeof(h));
    tls13_wipe(digest, sizeof(digest));
    tls13_wipe(r, sizeof(r));
    tls13_wipe(&R, sizeof(R));
}

int tls13_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len, const uint8_t pub[32])
{
    uint8_t k[32], check[32];
    tls13_ge_p3 A;
    tls13_ge_p2 R;
    /* Step 1: S must be canonical (S < L, no malleability) and A must
     * decode strictly (canonical y, a root exists, no "-0"). */
    if (!tls13_sc_is_canonical(sig + 32) || tls13_ge_frombytes_vartime(&A, pub) != 0)
        return TLS13_ERR_BAD_SIGNATURE;
    challenge(k, sig, pub, msg, msg_len);
    /* Step 3 without the cofactor: [S]B = R + [k]A, i.e. R = [S]B - [k]A,
     * checked by encoding the right side and comparing bytes. An R that is
     * non-canonical or not a point never equals a canonical encoding, so it
     * is rejected here too. */
    tls13_fe_neg(&A.X, &A.X);
    tls13_fe_neg(&A.T, &A.T);
    tls13_ge_double_scalarmult_vartime(&R, k, &A, sig + 32);
    tls13_ge_p2_tobytes(check, &R);
    return memcmp(check, sig, 32) == 0 ? TLS13_OK : TLS13_ERR_BAD_SIGNATURE;
}
