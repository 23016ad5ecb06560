/*
 * RSA public keys, the public operation and signature verification: RSASSA-
 * PKCS1-v1_5 (RFC 8017 section 8.2.2) and RSASSA-PSS (section 8.1.2) with
 * MGF1 over the message hash. Everything here handles public data.
 */
#include "rsa.h"

#include <string.h>

#include "tls13.h"
#include "base/ct.h"
#include "base/mem.h"
#include "rsa_internal.h"

static void skip_leading_zeros(const uint8_t **p, size_t *len)
{
    while (*len > 0 && (*p)[0] == 0) {
        (*p)++;
        (*len)--;
    }
}

int tls13_rsa_public_init(tls13_rsa_public *pub, const uint8_t *n, size_t n_len, const uint8_t *e, size_t e_len,
                          size_t min_bits, size_t max_bits, int verify_only)
{
    tls13_limb m[TLS13_BN_MAX_LIMBS];
    int ok;
    size_t limbs;

    skip_leading_zeros(&n, &n_len);
    skip_leading_zeros(&e, &e_len);
    if (n_len == 0 || n_len > max_bits / 8 || e_len == 0)
        return TLS13_ERR_BAD_KEY;
    limbs = TLS13_BN_LIMBS_FOR_BYTES(n_len);
    tls13_bn_from_bytes(m, limbs, n, n_len);
    pub->bits = tls13_bn_bits_vartime(m, limbs);
    pub->bytes = n_len;
    if (pub->bits < min_bits || pub->bits > max_bits)
        return TLS13_ERR_BAD_KEY;
    ok = verify_only ? tls13_mont_init_vartime_without_rr(&pub->n, m, limbs)
                     : tls13_mont_init_vartime(&pub->n, m, limbs);
    if (!ok)
        return TLS13_ERR_BAD_KEY;
    /* e odd and at least 3 (section 3.1), and below n. */
    if (!(e[e_len - 1] & 1) || (e_len == 1 && e[0] < 3))
        return TLS13_ERR_BAD_KEY;
    if (e_len > n_len || (e_len == n_len && memcmp(e, n, n_len) >= 0))
        return TLS13_ERR_BAD_KEY;
    pub->e = e;
    pub->e_len = e_len;
    return TLS13_OK;
}

void tls13_rsa_public_op(const tls13_rsa_public *pub, tls13_limb *r, const tls13_limb *x)
{
    tls13_limb xm[TLS13_BN_MAX_LIMBS];
    tls13_mont_to(&pub->n, xm, x, pub->n.limbs);
    tls13_mont_exp_vartime(&pub->n, xm, xm, pub->e, pub->e_len);
    tls13_mont_from(&pub->n, r, xm);
    tls13_wipe(xm, sizeof(xm));
}

void tls13_rsa_public_op_vartime(const tls13_rsa_public *pub, tls13_limb *r, const tls13_limb *x)
{
    tls13_limb xm[TLS13_BN_MAX_LIMBS];
    tls13_mont_to_vartime(&pub->n, xm, x);
    tls13_mont_exp_vartime(&pub->n, xm, xm, pub->e, pub->e_len);
    tls13_mont_from(&pub->n, r, xm);
}

/* RSAVP1 with the length and range checks of RFC 8017 sections 8.x.2 step 1
 * and 5.2.2 step 1: em[0..k) = I2OSP(sig^e mod n, k). */
static int public_op_on_signature(const uint8_t *n, size_t n_len, const uint8_t *e, size_t e_len, const uint8_t *sig, size_t sig_len, tls13_rsa_public *pub,
                                  uint8_t *em)
{
    tls13_limb s[TLS13_BN_MAX_LIMBS];
    int rc = tls13_rsa_public_init(pub, n, n_len, e, e_len, TLS13_RSA_MIN_BITS, TLS13_RSA_MAX_BITS, 1);
    if (rc != TLS13_OK)
        return rc;
    if (sig_len != pub->bytes)
        return TLS13_ERR_BAD_SIGNATURE;
    tls13_bn_from_bytes(s, pub->n.limbs, sig, sig_len);
    if (!tls13_bn_lt_mask(s, pub->n.m, pub->n.limbs))
        return TLS13_ERR_BAD_SIGNATURE;
    tls13_rsa_public_op_vartime(pub, s, s);
    tls13_bn_to_bytes(em, pub->bytes, s, pub->n.limbs);
    return TLS13_OK;
}

/* DER of DigestInfo up to the digest, RFC 8017 section 9.2 note 1. */
static const uint8_t *digest_info_prefix(tls13_hash_alg hash, size_t *len)
{
    static const uint8_t sha256[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                     0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
    static const uint8_t sha384[] = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                     0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30};
    static const uint8_t sha512[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                     0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40};
    *len = sizeof(sha256); /* all three have the same length */
    switch (hash) {
    case TLS13_HASH_SHA256:
        return sha256;
    case TLS13_HASH_SHA384:
        return sha384;
    default:
        return sha512;
    }
}

int tls13_rsa_verify_pkcs1(tls13_hash_alg hash, const uint8_t *n, size_t n_len, const uint8_t *e, size_t e_len,
                           const uint8_t *digest, const uint8_t *sig, size_t sig_len)
{
    uint8_t em[TLS13_RSA_MAX_BITS / 8], want[TLS13_RSA_MAX_BITS / 8];
    size_t prefix_len, h_len = tls13_hash_size(hash), t_len, k;
    const uint8_t *prefix = digest_info_prefix(hash, &prefix_len);
    tls13_rsa_public pub;
    int rc = public_op_on_signature(n, n_len, e, e_len, sig, sig_len, &pub, em);

    if (rc != TLS13_OK)
        return rc;
    /* EMSA-PKCS1-v1_5-ENCODE (section 9.2) and a comparison of the whole
     * block (section 8.2.2 step 4): nothing in it is parsed. */
    k = pub.bytes;
    t_len = prefix_len + h_len;
    if (k < t_len + 11)
        return TLS13_ERR_BAD_SIGNATURE;
    want[0] = 0x00;
    want[1] = 0x01;
    memset(want + 2, 0xff, k - t_len - 3);
    want[k - t_len - 1] = 0x00;
    memcpy(want + k - t_len, prefix, prefix_len);
    memcpy(want + k - h_len, digest, h_len);
    return tls13_ct_memeq(em, want, k) ? TLS13_OK : TLS13_ERR_BAD_SIGNATURE;
}

/* out[0..len) ^= MGF1(seed, len) (RFC 8017 appendix B.2.1). */
static void mgf1_xor(tls13_hash_alg hash, const uint8_t *seed, size_t seed_len, uint8_t *out, size_t len)
{
    uint8_t block[TLS13_HASH_MAX_SIZE];
    size_t h_len = tls13_hash_size(hash);
    for (uint32_t counter = 0; (size_t)counter * h_len < len; counter++) {
        uint8_t c[4] = {(uint8_t)(counter >> 24), (uint8_t)(counter >> 16), (uint8_t)(counter >> 8),
                        (uint8_t)counter};
        size_t off = (size_t)counter * h_len, take = len - off < h_len ? len - off : h_len;
        tls13_hash_ctx ctx;
        tls13_hash_init(&ctx, hash);
        tls13_hash_update(&ctx, seed, seed_len);
        tls13_hash_update(&ctx, c, sizeof(c));
        tls13_hash_final(&ctx, block);
        for (size_t i = 0; i < take; i++)
            out[off + i] ^= block[i];
    }
    tls13_wipe(block, sizeof(block));
}

/* H = Hash(0x00 * 8 || mHash || salt) (section 9.1.1 steps 5-6). */
static void pss_hash(tls13_hash_alg hash, const uint8_t *digest, const uint8_t *salt, size_t salt_len,
                     uint8_t *out)
{
    static const uint8_t zeros[8] = {0};
    tls13_hash_ctx ctx;
    tls13_hash_init(&ctx, hash);
    tls13_hash_update(&ctx, zeros, sizeof(zeros));
    tls13_hash_update(&ctx, digest, tls13_hash_size(hash));
    tls13_hash_update(&ctx, salt, salt_len);
    tls13_hash_final(&ctx, out);
}

int tls13_rsa_pss_encode(tls13_hash_alg hash, const uint8_t *digest, const uint8_t *salt, size_t salt_len,
                         uint8_t *em, size_t em_bits)
{
    size_t em_len = (em_bits + 7) / 8, h_len = tls13_hash_size(hash), db_len;
    if (em_len < h_len + salt_len + 2)
        return TLS13_ERR_BAD_KEY;
    db_len = em_len - h_len - 1;
    /* DB = PS || 0x01 || salt, masked with MGF1(H); EM = maskedDB || H || 0xbc. */
    pss_hash(hash, digest, salt, salt_len, em + db_len);
    memset(em, 0, db_len - salt_len - 1);
    em[db_len - salt_len - 1] = 0x01;
    memcpy(em + db_len - salt_len, salt, salt_len);
    mgf1_xor(hash, em + db_len, h_len, em, db_len);
    em[0] &= (uint8_t)(0xff >> (8 * em_len - em_bits));
    em[em_len - 1] = 0xbc;
    return TLS13_OK;
}

int tls13_rsa_verify_pss(tls13_hash_alg hash, const uint8_t *n, size_t n_len, const uint8_t *e, size_t e_len,
                         const uint8_t *digest, size_t salt_len, const uint8_t *sig, size_t sig_len)
{
    uint8_t block[TLS13_RSA_MAX_BITS / 8], h2[TLS13_HASH_MAX_SIZE];
    size_t h_len = tls13_hash_size(hash), em_bits, em_len, db_len, ps_len;
    const uint8_t *h;
    uint8_t *em, top_mask;
    tls13_rsa_public pub;
    int rc = public_op_on_signature(n, n_len, e, e_len, sig, sig_len, &pub, block);

    if (rc != TLS13_OK)
        return rc;
    /* EMSA-PSS-VERIFY (section 9.1.2) with emBits = modBits - 1: EM is the
     * last emLen bytes; a leading byte left over must be zero (I2OSP). */
    em_bits = pub.bits - 1;
    em_len = (em_bits + 7) / 8;
    em = block + (pub.bytes - em_len);
    if (em_len < pub.bytes && block[0] != 0)
        return TLS13_ERR_BAD_SIGNATURE;
    if (em_len < h_len + salt_len + 2 || em[em_len - 1] != 0xbc)
        return TLS13_ERR_BAD_SIGNATURE;
    db_len = em_len - h_len - 1;
    h = em + db_len;
    top_mask = (uint8_t)(0xff >> (8 * em_len - em_bits));
    if (em[0] & ~top_mask)
        return TLS13_ERR_BAD_SIGNATURE;
    mgf1_xor(hash, h, h_len, em, db_len);
    em[0] &= top_mask;
    ps_len = db_len - salt_len - 1;
    if (!tls13_ct_is_zero(em, ps_len) || em[ps_len] != 0x01)
        return TLS13_ERR_BAD_SIGNATURE;
    pss_hash(hash, digest, em + ps_len + 1, salt_len, h2);
    return tls13_ct_memeq(h, h2, h_len) ? TLS13_OK : TLS13_ERR_BAD_SIGNATURE;
}
