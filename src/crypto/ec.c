/* P-256 / P-384 key pairs, public-key validation and ECDH (SEC 1 sections
 * 3.2 and 3.3.1, RFC 8446 section 7.4.2). */
#include "ec.h"

#include "ec_scalar.h"
#include "tls13.h"
#include "../base/mem.h"
#include "../base/random.h"

ec_limb ec_scalar_from_bytes(const ec_curve *c, ec_limb *k, const uint8_t *in)
{
    ec_fe_from_bytes(c->n, k, in);
    return ec_fe_lt_modulus(c->n, k) & ~ec_fe_is_zero(c->n, k);
}

size_t tls13_ec_scalar_size(tls13_ec_curve curve)
{
    const ec_curve *c = ec_curve_get(curve);
    return c ? c->nbytes : 0;
}

size_t tls13_ec_point_size(tls13_ec_curve curve)
{
    const ec_curve *c = ec_curve_get(curve);
    return c ? 1 + 2 * c->nbytes : 0;
}

int tls13_ec_public_from_private(tls13_ec_curve curve, const uint8_t *priv, uint8_t *pub)
{
    const ec_curve *c = ec_curve_get(curve);
    ec_fe d;
    ec_point q;
    int rc;
    if (!c)
        return TLS13_ERR_INVALID_ARGUMENT;
    /* Whether the key is valid is not secret; its value is. */
    if (!ec_scalar_from_bytes(c, d, priv)) {
        tls13_wipe(d, sizeof(d));
        return TLS13_ERR_BAD_KEY;
    }
    ec_scalar_mul_base(c, &q, d);
    rc = ec_point_encode(c, pub, &q);
    tls13_wipe(d, sizeof(d));
    tls13_wipe(&q, sizeof(q));
    return rc;
}

/* FIPS 186-5 appendix A.2.2 (rejection sampling): draw nbytes at random
 * until they form an integer in [1, n-1]. As n is within 2^-32 of 2^bits for
 * both curves, a retry is rare. */
int tls13_ec_keygen(tls13_ec_curve curve, uint8_t *priv, uint8_t *pub)
{
    const ec_curve *c = ec_curve_get(curve);
    ec_fe d;
    ec_limb ok;
    int rc;
    if (!c)
        return TLS13_ERR_INVALID_ARGUMENT;
    do {
        rc = tls13_random_bytes(priv, c->nbytes);
        if (rc != TLS13_OK) {
            tls13_wipe(priv, c->nbytes);
            return rc;
        }
        ok = ec_scalar_from_bytes(c, d, priv);
    } while (!ok);
    tls13_wipe(d, sizeof(d));
    rc = tls13_ec_public_from_private(curve, priv, pub);
    if (rc != TLS13_OK)
        tls13_wipe(priv, c->nbytes);
    return rc;
}

int tls13_ec_validate_public(tls13_ec_curve curve, const uint8_t *pub, size_t pub_len)
{
    const ec_curve *c = ec_curve_get(curve);
    ec_point q;
    if (!c)
        return TLS13_ERR_INVALID_ARGUMENT;
    return ec_point_decode(c, &q, pub, pub_len);
}

int tls13_ecdh(tls13_ec_curve curve, const uint8_t *priv, const uint8_t *peer, size_t peer_len, uint8_t *shared_x)
{
    const ec_curve *c = ec_curve_get(curve);
    ec_fe d, x, y;
    ec_point q, s;
    int rc;
    if (!c)
        return TLS13_ERR_INVALID_ARGUMENT;
    rc = ec_point_decode(c, &q, peer, peer_len);
    if (rc != TLS13_OK)
        return rc;
    if (!ec_scalar_from_bytes(c, d, priv)) {
        tls13_wipe(d, sizeof(d));
        return TLS13_ERR_BAD_KEY;
    }
    ec_scalar_mul(c, &s, d, &q);
    /* With a valid point and 0 < d < n the product is never infinity (the
     * group has prime order); the check stays as a safeguard. */
    rc = ec_point_to_affine(c, x, y, &s);
    if (rc == TLS13_OK)
        ec_fe_to_bytes(c->p, shared_x, x);
    tls13_wipe(d, sizeof(d));
    tls13_wipe(x, sizeof(x));
    tls13_wipe(y, sizeof(y));
    tls13_wipe(&s, sizeof(s));
    return rc;
}
