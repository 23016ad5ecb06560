/*
 * RSASSA-PSS signing (RFC 8017 section 8.1.1) with the private key in CRT
 * form: RSASP1 (section 5.1.2, case 2, Garner's recombination), base
 * blinding with a random r (the exponentiations see m * r^e), and a check
 * that s^e mod n == m before the signature leaves, so that a fault in the
 * private operation cannot reveal a factor of n (Boneh, DeMillo, Lipton).
 */
#include "rsa.h"

#include <string.h>

#include "base/mem.h"
#include "base/random.h"
#include "rsa_internal.h"
#include "tls13.h"

#define SIGN_MAX_BITS (TLS13_RSA_MAX_BYTES * 8)
#define SIGN_LIMBS TLS13_BN_LIMBS_FOR_BYTES(TLS13_RSA_MAX_BYTES)
#define HALF_LIMBS TLS13_BN_LIMBS_FOR_BYTES(TLS13_RSA_MAX_BYTES / 2)

/* Every secret intermediate lives here, so one wipe clears them all. */
struct sign_work {
    tls13_mont p, q;
    tls13_limb dp[HALF_LIMBS], dq[HALF_LIMBS], qinv[HALF_LIMBS], qlimbs[HALF_LIMBS];
    tls13_limb m[SIGN_LIMBS], r[SIGN_LIMBS], b[SIGN_LIMBS], x[SIGN_LIMBS], rinv[SIGN_LIMBS];
    tls13_limb s[2 * HALF_LIMBS + 1];
    tls13_limb sp[HALF_LIMBS], sq[HALF_LIMBS], t[HALF_LIMBS], h[HALF_LIMBS];
    tls13_limb pq[2 * HALF_LIMBS];
    uint8_t em[TLS13_RSA_MAX_BYTES], salt[TLS13_HASH_MAX_SIZE], rnd[TLS13_RSA_MAX_BYTES];
};

static void skip_leading_zeros(const uint8_t **p, size_t *len)
{
    while (*len > 0 && (*p)[0] == 0) {
        (*p)++;
        (*len)--;
    }
}

/* A limb array from a key component; 0 when it does not fit. */
static int component(tls13_limb *r, size_t limbs, const uint8_t *in, size_t len)
{
    return len > 0 && tls13_bn_from_bytes(r, limbs, in, len);
}

/* Loads p, q, dp, dq and qinv and checks that they belong to n: p * q == n
 * and qinv < p. The checks only branch on whether the key is valid. */
static int load_private(struct sign_work *w, const tls13_rsa_private_key *key, const tls13_rsa_public *pub)
{
    const uint8_t *p = key->p, *q = key->q;
    size_t p_len = key->p_len, q_len = key->q_len, pn, qn, nn = pub->n.limbs;
    tls13_limb pl[HALF_LIMBS];
    int ok;

    if (p_len > sizeof(key->p) || q_len > sizeof(key->q) || key->dp_len > sizeof(key->dp) ||
        key->dq_len > sizeof(key->dq) || key->qinv_len > sizeof(key->qinv))
        return 0;
    skip_leading_zeros(&p, &p_len);
    skip_leading_zeros(&q, &q_len);
    pn = TLS13_BN_LIMBS_FOR_BYTES(p_len);
    qn = TLS13_BN_LIMBS_FOR_BYTES(q_len);
    if (pn == 0 || qn == 0 || pn > HALF_LIMBS || qn > HALF_LIMBS || pn + qn < nn)
        return 0;
    ok = component(pl, pn, p, p_len) && tls13_mont_init(&w->p, pl, pn);
    tls13_wipe(pl, sizeof(pl));
    if (!ok || !component(w->qlimbs, qn, q, q_len) || !tls13_mont_init(&w->q, w->qlimbs, qn))
        return 0;
    if (!component(w->dp, pn, key->dp, key->dp_len) || !component(w->dq, qn, key->dq, key->dq_len) ||
        !component(w->qinv, pn, key->qinv, key->qinv_len))
        return 0;
    if (!tls13_bn_lt_mask(w->qinv, w->p.m, pn))
        return 0;
    tls13_bn_mul(w->pq, w->p.m, pn, w->qlimbs, qn);
    if (!tls13_bn_eq_mask(w->pq, pub->n.m, nn) || !tls13_bn_is_zero_mask(w->pq + nn, pn + qn - nn))
        return 0;
    return 1;
}

/* A random value in [1, 2^(bits-1)), below n. */
static int random_below_n(struct sign_work *w, tls13_limb *r, const tls13_rsa_public *pub)
{
    size_t k = pub->bytes, top_bits = (pub->bits - 1) % 8;
    do {
        if (tls13_random_bytes(w->rnd, k) != TLS13_OK)
            return TLS13_ERR_RANDOM;
        /* Keep bits-1 bits: the top byte holds (bits-1) mod 8 of them, or
         * none when bits-1 is a multiple of 8. */
        w->rnd[0] &= (uint8_t)((1u << top_bits) - 1);
        tls13_bn_from_bytes(r, pub->n.limbs, w->rnd, k);
    } while (tls13_bn_is_zero_mask(r, pub->n.limbs));
    return TLS13_OK;
}

/* c^d_prime in prime's Montgomery form for the blinded message c = m r^e
 * (m, r below n, nn limbs): c mod prime from m and r reduced separately,
 * with r^e taken at half size (cheaper than r^e mod n, and the same
 * value mod prime). `re` and `t` are half-size scratch. */
static void blinded_half_exp(const tls13_mont *prime, tls13_limb *out, const tls13_limb *dexp,
                             const struct sign_work *w, const tls13_rsa_public *pub, tls13_limb *re,
                             tls13_limb *t)
{
    size_t nn = pub->n.limbs;
    tls13_mont_to(prime, re, w->r, nn);                      /* r R */
    tls13_mont_exp_vartime(prime, re, re, pub->e, pub->e_len); /* r^e R */
    tls13_mont_to(prime, t, w->m, nn);                       /* m R */
    tls13_mont_mul(prime, t, t, re);                         /* c R */
    tls13_mont_exp(prime, out, t, dexp, prime->limbs);       /* c^d R */
}

/* RSASP1 with CRT on the blinded message c = m r^e (section 5.1.2 step
 * 2b): s_p = c^dp mod p, s_q = c^dq mod q, h = (s_p - s_q) qinv mod p,
 * s = s_q + q h = (m r^e)^d = s r, which is below n without reduction. */
static void private_op_crt(struct sign_work *w, const tls13_rsa_public *pub)
{
    size_t pn = w->p.limbs, qn = w->q.limbs, nn = pub->n.limbs;
    blinded_half_exp(&w->p, w->sp, w->dp, w, pub, w->h, w->t);
    blinded_half_exp(&w->q, w->t, w->dq, w, pub, w->h, w->sq);
    tls13_mont_from(&w->q, w->sq, w->t);
    /* In p's Montgomery form: (s_p - s_q) R; times qinv R^-1 is h. */
    tls13_mont_to(&w->p, w->t, w->sq, qn);
    tls13_mont_sub(&w->p, w->t, w->sp, w->t);
    tls13_mont_mul(&w->p, w->h, w->t, w->qinv);
    tls13_bn_mul(w->s, w->h, pn, w->qlimbs, qn);
    memset(w->pq, 0, sizeof(w->pq));
    memcpy(w->pq, w->sq, qn * sizeof(tls13_limb));
    tls13_bn_add(w->s, w->s, w->pq, pn + qn);
    memset(w->s + nn, 0, (2 * HALF_LIMBS + 1 - nn) * sizeof(tls13_limb));
}

static int sign(struct sign_work *w, tls13_hash_alg hash, const tls13_rsa_private_key *key,
                const uint8_t *digest, uint8_t *sig, size_t sig_cap, size_t *sig_len)
{
    tls13_rsa_public pub;
    size_t h_len = tls13_hash_size(hash), nn;
    int rc = tls13_rsa_public_init(&pub, key->n, key->n_len <= sizeof(key->n) ? key->n_len : 0, key->e,
                                   key->e_len <= sizeof(key->e) ? key->e_len : 0, TLS13_RSA_MIN_BITS,
                                   SIGN_MAX_BITS, 0);
    if (rc != TLS13_OK)
        return rc;
    nn = pub.n.limbs;
    if (sig_cap < pub.bytes)
        return TLS13_ERR_BUFFER_TOO_SMALL;
    if (!load_private(w, key, &pub))
        return TLS13_ERR_BAD_KEY;

    /* EM with emBits = modBits - 1 and a fresh salt of the hash length;
     * m = OS2IP(EM) in k bytes (a zero byte leads when emBits % 8 == 0). */
    if ((rc = tls13_random_bytes(w->salt, h_len)) != TLS13_OK)
        return rc;
    memset(w->em, 0, pub.bytes);
    rc = tls13_rsa_pss_encode(hash, digest, w->salt, h_len, w->em + pub.bytes - (pub.bits + 6) / 8,
                              pub.bits - 1);
    if (rc != TLS13_OK)
        return rc;
    tls13_bn_from_bytes(w->m, nn, w->em, pub.bytes);

    /* Blinding: the CRT step works on m r^e and yields s r. r^-1 comes from
     * a variable-time inversion of x = r b for a second random b, which
     * reveals nothing about r: r^-1 = x^-1 b. */
    if ((rc = random_below_n(w, w->r, &pub)) != TLS13_OK || (rc = random_below_n(w, w->b, &pub)) != TLS13_OK)
        return rc;
    tls13_mont_to(&pub.n, w->b, w->b, nn);             /* b R */
    tls13_mont_mul(&pub.n, w->x, w->r, w->b);          /* r b */
    if (!tls13_bn_mod_inverse_vartime(w->x, w->x, pub.n.m, nn))
        return TLS13_ERR_BAD_KEY; /* r b shares a factor with n: n is not p q */
    tls13_mont_mul(&pub.n, w->rinv, w->b, pub.n.rr);   /* b R^2 */
    tls13_mont_mul(&pub.n, w->rinv, w->rinv, w->x);    /* r^-1 R */

    private_op_crt(w, &pub);                           /* s r */
    tls13_mont_mul(&pub.n, w->s, w->s, w->rinv);       /* s */

    /* Fault check: s^e mod n must give m back. */
    tls13_rsa_public_op(&pub, w->x, w->s);
    if (!tls13_bn_eq_mask(w->x, w->m, nn))
        return TLS13_ERR_INTERNAL;
    tls13_bn_to_bytes(sig, pub.bytes, w->s, nn);
    *sig_len = pub.bytes;
    return TLS13_OK;
}

int tls13_rsa_sign_pss(tls13_hash_alg hash, const tls13_rsa_private_key *key,
                       const uint8_t *digest, uint8_t *sig, size_t sig_cap, size_t *sig_len)
{
    struct sign_work *w = tls13_alloc(sizeof(*w));
    int rc;
    if (!w)
        return TLS13_ERR_NO_MEMORY;
    rc = sign(w, hash, key, digest, sig, sig_cap, sig_len);
    tls13_free_wiped(w, sizeof(*w));
    return rc;
}
