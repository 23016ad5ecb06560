/*
 * ECDSA over P-256 and P-384 (FIPS 186-5 section 6.4) with deterministic,
 * hedged nonces (RFC 6979 sections 3.2 and 3.6) and DER signatures
 * (SEC 1 appendix C.5: ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER })
 * read and written by the strict DER code in src/base/der.
 */
#include "ecdsa_internal.h"

#include <string.h>

#include "ec_scalar.h"
#include "tls13.h"
#include "../base/der.h"
#include "../base/mem.h"
#include "../base/random.h"

/* e = bits2int(digest) mod n (FIPS 186-5 section 6.4.1 step 3, RFC 6979
 * section 2.3.2): the leftmost bits(n) bits of the digest. Both orders are a
 * whole number of bytes long, so that is the first nbytes bytes (left-padded
 * when the digest is shorter); the value is below 2^bits < 2n, so one
 * conditional subtraction reduces it. */
static void digest_to_scalar(const ec_curve *c, ec_limb *e, const uint8_t *digest, size_t digest_len)
{
    uint8_t buf[TLS13_EC_MAX_SCALAR] = { 0 };
    if (digest_len >= c->nbytes)
        memcpy(buf, digest, c->nbytes);
    else
        memcpy(buf + c->nbytes - digest_len, digest, digest_len);
    ec_fe_from_bytes(c->n, e, buf);
    ec_fe_reduce_once(c->n, e, e);
}

void tls13_ecdsa_nonce_init(tls13_hmac_drbg *drbg, tls13_ec_curve curve, tls13_hash_alg hash, const uint8_t *priv,
                            const uint8_t *digest, size_t digest_len, const uint8_t *extra, size_t extra_len)
{
    const ec_curve *c = ec_curve_get(curve);
    uint8_t h1[TLS13_EC_MAX_SCALAR];
    ec_fe e;
    tls13_drbg_input seed[3];
    /* bits2octets(h1) = int2octets(bits2int(h1) mod q) (section 2.3.4). */
    digest_to_scalar(c, e, digest, digest_len);
    ec_fe_to_bytes(c->n, h1, e);
    seed[0].data = priv;
    seed[0].len = c->nbytes;
    seed[1].data = h1;
    seed[1].len = c->nbytes;
    seed[2].data = extra;
    seed[2].len = extra_len;
    tls13_hmac_drbg_init(drbg, hash, seed, extra_len ? 3 : 2);
    tls13_wipe(h1, sizeof(h1));
    tls13_wipe(e, sizeof(e));
}

/* Section 3.2 step h: T of qlen bits (the first nbytes bytes of the output,
 * as qlen is a multiple of 8), accepted when 1 <= k < q; a rejected
 * candidate is followed by K = HMAC_K(V || 0x00), V = HMAC_K(V), which is the
 * DRBG's own update after each output. */
void tls13_ecdsa_nonce_next(tls13_hmac_drbg *drbg, tls13_ec_curve curve, uint8_t *k)
{
    const ec_curve *c = ec_curve_get(curve);
    ec_fe t;
    ec_limb ok;
    do {
        tls13_hmac_drbg_generate(drbg, k, c->nbytes);
        ok = ec_scalar_from_bytes(c, t, k);
    } while (!ok);
    tls13_wipe(t, sizeof(t));
}

static int encode_signature(const ec_curve *c, const ec_limb *r, const ec_limb *s, uint8_t *sig, size_t sig_cap,
                            size_t *sig_len)
{
    uint8_t rb[TLS13_EC_MAX_SCALAR], sb[TLS13_EC_MAX_SCALAR];
    tls13_writer w;
    size_t start;
    ec_fe_to_bytes(c->n, rb, r);
    ec_fe_to_bytes(c->n, sb, s);
    tls13_writer_init(&w, sig, sig_cap);
    start = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    tls13_der_write_uint(&w, rb, c->nbytes);
    tls13_der_write_uint(&w, sb, c->nbytes);
    tls13_der_end(&w, start);
    if (!tls13_writer_ok(&w))
        return TLS13_ERR_BUFFER_TOO_SMALL;
    *sig_len = tls13_writer_len(&w);
    return TLS13_OK;
}

int tls13_ecdsa_sign_with_entropy(tls13_ec_curve curve, tls13_hash_alg hash, const uint8_t *priv,
                                  const uint8_t *digest, size_t digest_len, const uint8_t *extra, size_t extra_len,
                                  uint8_t *sig, size_t sig_cap, size_t *sig_len)
{
    const ec_curve *c = ec_curve_get(curve);
    const ec_field *n;
    tls13_hmac_drbg drbg;
    uint8_t kb[TLS13_EC_MAX_SCALAR];
    ec_fe d, e, k, r, s, x, y, t;
    ec_point kg;
    int rc;
    if (!c || (hash != TLS13_HASH_SHA256 && hash != TLS13_HASH_SHA384 && hash != TLS13_HASH_SHA512))
        return TLS13_ERR_INVALID_ARGUMENT;
    n = c->n;
    if (!ec_scalar_from_bytes(c, d, priv)) {
        tls13_wipe(d, sizeof(d));
        return TLS13_ERR_BAD_KEY;
    }
    digest_to_scalar(c, e, digest, digest_len);
    tls13_ecdsa_nonce_init(&drbg, curve, hash, priv, digest, digest_len, extra, extra_len);
    ec_fe_to_mont(n, d, d);
    ec_fe_to_mont(n, e, e);
    for (;;) {
        /* FIPS 186-5 section 6.4.1 steps 4-12: R = kG, r = x_R mod n,
         * s = k^-1 (e + r d) mod n; a zero r or s (probability ~2^-256)
         * takes the next nonce. */
        tls13_ecdsa_nonce_next(&drbg, curve, kb);
        ec_scalar_from_bytes(c, k, kb);
        ec_scalar_mul_base(c, &kg, k);
        rc = ec_point_to_affine(c, x, y, &kg);
        if (rc != TLS13_OK)
            break;
        ec_fe_reduce_once(n, r, x); /* x < p < 2n */
        if (ec_fe_is_zero(n, r))
            continue;
        ec_mod_inv(n, k, k); /* k^-1, plain, constant time */
        ec_fe_to_mont(n, t, r);
        ec_fe_mul(n, t, t, d);
        ec_fe_add(n, t, t, e);         /* e + r d, Montgomery form */
        ec_fe_mul(n, s, k, t);         /* plain */
        if (ec_fe_is_zero(n, s))
            continue;
        rc = encode_signature(c, r, s, sig, sig_cap, sig_len);
        break;
    }
    tls13_hmac_drbg_wipe(&drbg);
    tls13_wipe(kb, sizeof(kb));
    tls13_wipe(d, sizeof(d));
    tls13_wipe(e, sizeof(e));
    tls13_wipe(k, sizeof(k));
    tls13_wipe(s, sizeof(s));
    tls13_wipe(x, sizeof(x));
    tls13_wipe(y, sizeof(y));
    tls13_wipe(t, sizeof(t));
    tls13_wipe(&kg, sizeof(kg));
    return rc;
}

int tls13_ecdsa_sign(tls13_ec_curve curve, tls13_hash_alg hash, const uint8_t *priv, const uint8_t *digest,
                     size_t digest_len, uint8_t *sig, size_t sig_cap, size_t *sig_len)
{
    uint8_t extra[TLS13_EC_MAX_SCALAR];
    size_t size = tls13_ec_scalar_size(curve);
    int rc;
    if (size == 0)
        return TLS13_ERR_INVALID_ARGUMENT;
    rc = tls13_random_bytes(extra, size);
    if (rc == TLS13_OK)
        rc = tls13_ecdsa_sign_with_entropy(curve, hash, priv, digest, digest_len, extra, size, sig, sig_cap,
                                           sig_len);
    tls13_wipe(extra, sizeof(extra));
    return rc;
}

/* One INTEGER of the signature as a scalar in [1, n-1]. */
static bool read_scalar(const ec_curve *c, tls13_reader *seq, ec_limb *out)
{
    uint8_t buf[TLS13_EC_MAX_SCALAR] = { 0 };
    const uint8_t *mag;
    size_t len;
    if (!tls13_der_read_uint(seq, &mag, &len) || len > c->nbytes)
        return false;
    memcpy(buf + c->nbytes - len, mag, len);
    return ec_scalar_from_bytes(c, out, buf) != 0;
}

int tls13_ecdsa_verify(tls13_ec_curve curve, const uint8_t *pub, size_t pub_len, const uint8_t *digest,
                       size_t digest_len, const uint8_t *sig, size_t sig_len)
{
    const ec_curve *c = ec_curve_get(curve);
    const ec_field *n, *p;
    tls13_reader in, seq;
    ec_point q, sum;
    ec_fe r, s, e, w, u1, u2, rz, rp, zz;
    int rc;
    if (!c)
        return TLS13_ERR_INVALID_ARGUMENT;
    n = c->n;
    p = c->p;
    rc = ec_point_decode(c, &q, pub, pub_len);
    if (rc != TLS13_OK)
        return rc;
    /* Strict DER: one SEQUENCE and nothing after it, two minimal INTEGERs
     * and nothing after them; then 0 < r, s < n (section 6.4.2 step 1). */
    tls13_reader_init(&in, sig, sig_len);
    if (!tls13_der_read(&in, TLS13_DER_SEQUENCE, &seq) || !tls13_reader_done(&in) || !read_scalar(c, &seq, r) ||
        !read_scalar(c, &seq, s) || !tls13_reader_done(&seq))
        return TLS13_ERR_BAD_SIGNATURE;
    /* Steps 3-6: w = s^-1, u1 = e w, u2 = r w,
     * R = u1 G + u2 Q; a Montgomery product with the plain w is plain. */
    digest_to_scalar(c, e, digest, digest_len);
    ec_mod_inv(n, w, s);
    ec_fe_to_mont(n, e, e);
    ec_fe_mul(n, u1, e, w);
    ec_fe_to_mont(n, u2, r);
    ec_fe_mul(n, u2, u2, w);
    ec_double_scalar_mul_public(c, &sum, u1, u2, &q);
    if (ec_point_is_infinity(c, &sum))
        return TLS13_ERR_BAD_SIGNATURE;
    /* Steps 7-8: x_R mod n == r, checked without leaving Jacobian
     * coordinates: x_R = X/Z^2 is r or r + n (the only values below p that
     * reduce to r), so compare X with r Z^2 and, when r + n < p, (r + n) Z^2. */
    ec_fe_sqr(p, zz, sum.z);
    ec_fe_to_mont(p, rp, r);
    ec_fe_mul(p, rz, rp, zz);
    if (ec_fe_equal(p, rz, sum.x))
        return TLS13_OK;
    {
        ec_limb carry = 0;
        for (size_t j = 0; j < n->nlimbs; j++) {
            ec_dlimb t = (ec_dlimb)r[j] + n->m[j] + carry;
            r[j] = (ec_limb)t;
            carry = (ec_limb)(t >> EC_LIMB_BITS);
        }
        if (carry || !ec_fe_lt_modulus(p, r))
            return TLS13_ERR_BAD_SIGNATURE;
    }
    ec_fe_to_mont(p, rp, r);
    ec_fe_mul(p, rz, rp, zz);
    return ec_fe_equal(p, rz, sum.x) ? TLS13_OK : TLS13_ERR_BAD_SIGNATURE;
}
