/* tls13_private_key_matches_cert: is this key the private half of the
 * certificate's public key? The public half is recomputed from the secret
 * (not only taken from the file) so a corrupted file is caught here rather
 * than as failed handshakes. */
#include "x509.h"

#include <string.h>

#include "base/mem.h"
#include "cert.h"
#include "crypto/ec.h"
#include "crypto/ed25519.h"
#include "tls13.h"

static bool same(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    return a_len == b_len && memcmp(a, b, a_len) == 0;
}

int tls13_private_key_matches_cert(const tls13_private_key *key, const uint8_t *cert_der, size_t cert_len)
{
    tls13_cert c;
    uint8_t pub[TLS13_EC_MAX_POINT];
    int rc = tls13_cert_parse(&c, cert_der, cert_len, NULL, 0);
    if (rc != TLS13_OK)
        return rc;
    if (c.key.type != key->type)
        return TLS13_ERR_KEY_MISMATCH;
    switch (key->type) {
    case TLS13_KEY_RSA:
        return same(c.key.data, c.key.len, key->rsa.n, key->rsa.n_len) &&
                       same(c.key.rsa_e, c.key.rsa_e_len, key->rsa.e, key->rsa.e_len)
                   ? TLS13_OK
                   : TLS13_ERR_KEY_MISMATCH;
    case TLS13_KEY_EC_P256:
    case TLS13_KEY_EC_P384: {
        tls13_ec_curve curve = key->type == TLS13_KEY_EC_P256 ? TLS13_CURVE_P256 : TLS13_CURVE_P384;
        size_t n = tls13_ec_point_size(curve);
        rc = tls13_ec_public_from_private(curve, key->secret, pub);
        if (rc != TLS13_OK)
            return rc;
        rc = same(pub, n, c.key.data, c.key.len) && (key->pub_len == 0 || same(key->pub, key->pub_len, pub, n))
                 ? TLS13_OK
                 : TLS13_ERR_KEY_MISMATCH;
        tls13_wipe(pub, sizeof(pub));
        return rc;
    }
    case TLS13_KEY_ED25519:
        tls13_ed25519_public(pub, key->secret);
        rc = same(pub, 32, c.key.data, c.key.len) && (key->pub_len == 0 || same(key->pub, key->pub_len, pub, 32))
                 ? TLS13_OK
                 : TLS13_ERR_KEY_MISMATCH;
        tls13_wipe(pub, sizeof(pub));
        return rc;
    default:
        return TLS13_ERR_UNSUPPORTED;
    }
}
