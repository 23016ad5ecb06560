/*
 * Signatures by TLS SignatureScheme (RFC 8446 section 4.2.3): one table says
 * what each scheme means (algorithm, hash, name); the functions below hash
 * the message with the scheme's hash and call ECDSA (ec.h), RSA (rsa.h) or
 * Ed25519 (ed25519.h).
 */
#include "signature.h"

#include <string.h>

#include "base/mem.h"
#include "ec.h"
#include "ed25519.h"
#include "hash.h"
#include "rsa.h"
#include "tls13.h"

typedef enum scheme_kind {
    KIND_RSA_PKCS1,
    KIND_RSA_PSS_RSAE, /* PSS with an rsaEncryption key */
    KIND_RSA_PSS_PSS,  /* PSS with an id-RSASSA-PSS key */
    KIND_ECDSA,
    KIND_ED25519,
    KIND_UNSUPPORTED
} scheme_kind;

struct scheme_info {
    uint16_t scheme;
    const char *name;
    scheme_kind kind;
    tls13_hash_alg hash;   /* not used by Ed25519 (it hashes internally) */
    tls13_key_type ec_key; /* ECDSA: the key type TLS 1.3 pairs it with */
};

static const struct scheme_info schemes[] = {
    {TLS13_SIG_RSA_PKCS1_SHA256, "rsa_pkcs1_sha256", KIND_RSA_PKCS1, TLS13_HASH_SHA256, TLS13_KEY_NONE},
    {TLS13_SIG_RSA_PKCS1_SHA384, "rsa_pkcs1_sha384", KIND_RSA_PKCS1, TLS13_HASH_SHA384, TLS13_KEY_NONE},
    {TLS13_SIG_RSA_PKCS1_SHA512, "rsa_pkcs1_sha512", KIND_RSA_PKCS1, TLS13_HASH_SHA512, TLS13_KEY_NONE},
    {TLS13_SIG_ECDSA_SECP256R1_SHA256, "ecdsa_secp256r1_sha256", KIND_ECDSA, TLS13_HASH_SHA256, TLS13_KEY_EC_P256},
    {TLS13_SIG_ECDSA_SECP384R1_SHA384, "ecdsa_secp384r1_sha384", KIND_ECDSA, TLS13_HASH_SHA384, TLS13_KEY_EC_P384},
    {TLS13_SIG_ECDSA_SECP521R1_SHA512, "ecdsa_secp521r1_sha512", KIND_UNSUPPORTED, TLS13_HASH_SHA512,
     TLS13_KEY_NONE},
    {TLS13_SIG_RSA_PSS_RSAE_SHA256, "rsa_pss_rsae_sha256", KIND_RSA_PSS_RSAE, TLS13_HASH_SHA256, TLS13_KEY_NONE},
    {TLS13_SIG_RSA_PSS_RSAE_SHA384, "rsa_pss_rsae_sha384", KIND_RSA_PSS_RSAE, TLS13_HASH_SHA384, TLS13_KEY_NONE},
    {TLS13_SIG_RSA_PSS_RSAE_SHA512, "rsa_pss_rsae_sha512", KIND_RSA_PSS_RSAE, TLS13_HASH_SHA512, TLS13_KEY_NONE},
    {TLS13_SIG_ED25519, "ed25519", KIND_ED25519, TLS13_HASH_SHA512, TLS13_KEY_NONE},
    {TLS13_SIG_RSA_PSS_PSS_SHA256, "rsa_pss_pss_sha256", KIND_RSA_PSS_PSS, TLS13_HASH_SHA256, TLS13_KEY_NONE},
    {TLS13_SIG_RSA_PSS_PSS_SHA384, "rsa_pss_pss_sha384", KIND_RSA_PSS_PSS, TLS13_HASH_SHA384, TLS13_KEY_NONE},
    {TLS13_SIG_RSA_PSS_PSS_SHA512, "rsa_pss_pss_sha512", KIND_RSA_PSS_PSS, TLS13_HASH_SHA512, TLS13_KEY_NONE},
};

static const struct scheme_info *find_scheme(uint16_t scheme)
{
    for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
        if (schemes[i].scheme == scheme)
            return &schemes[i];
    return NULL;
}

static int is_rsa(scheme_kind kind)
{
    return kind == KIND_RSA_PKCS1 || kind == KIND_RSA_PSS_RSAE || kind == KIND_RSA_PSS_PSS;
}

/* The curve of an EC key type; 0 when the type is not an EC key. */
static int ec_curve_of(tls13_key_type type, tls13_ec_curve *curve)
{
    if (type == TLS13_KEY_EC_P256)
        *curve = TLS13_CURVE_P256;
    else if (type == TLS13_KEY_EC_P384)
        *curve = TLS13_CURVE_P384;
    else
        return 0;
    return 1;
}

/* Whether the scheme's algorithm can use a key of this type at all (X.509
 * rules: any EC curve with any ECDSA hash). */
static int algorithm_matches_key(const struct scheme_info *info, tls13_key_type type)
{
    tls13_ec_curve curve = TLS13_CURVE_P256;
    if (is_rsa(info->kind))
        return type == TLS13_KEY_RSA;
    if (info->kind == KIND_ECDSA)
        return ec_curve_of(type, &curve);
    return info->kind == KIND_ED25519 && type == TLS13_KEY_ED25519;
}

int tls13_signature_verify(uint16_t scheme, const tls13_public_key *key,
                           const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len)
{
    const struct scheme_info *info = find_scheme(scheme);
    uint8_t digest[TLS13_HASH_MAX_SIZE];
    size_t h_len;
    tls13_ec_curve curve = TLS13_CURVE_P256;

    if (!info || info->kind == KIND_UNSUPPORTED)
        return TLS13_ERR_UNSUPPORTED;
    if (!algorithm_matches_key(info, key->type))
        return TLS13_ERR_BAD_KEY;
    if (info->kind == KIND_ED25519) {
        if (key->len != 32)
            return TLS13_ERR_BAD_KEY;
        if (sig_len != 64)
            return TLS13_ERR_BAD_SIGNATURE;
        return tls13_ed25519_verify(sig, msg, msg_len, key->data);
    }
    h_len = tls13_hash_size(info->hash);
    tls13_hash(info->hash, msg, msg_len, digest);
    switch (info->kind) {
    case KIND_RSA_PKCS1:
        return tls13_rsa_verify_pkcs1(info->hash, key->data, key->len, key->rsa_e, key->rsa_e_len, digest, sig,
                                      sig_len);
    case KIND_RSA_PSS_RSAE:
    case KIND_RSA_PSS_PSS:
        /* TLS 1.3 fixes the salt length to the hash length. */
        return tls13_rsa_verify_pss(info->hash, key->data, key->len, key->rsa_e, key->rsa_e_len, digest, h_len,
                                    sig, sig_len);
    default:
        ec_curve_of(key->type, &curve);
        return tls13_ecdsa_verify(curve, key->data, key->len, digest, h_len, sig, sig_len);
    }
}

int tls13_signature_sign(uint16_t scheme, const tls13_private_key *key,
                         const uint8_t *msg, size_t msg_len, uint8_t *sig, size_t sig_cap, size_t *sig_len)
{
    const struct scheme_info *info = find_scheme(scheme);
    uint8_t digest[TLS13_HASH_MAX_SIZE], pub[32];
    tls13_ec_curve curve = TLS13_CURVE_P256;
    int rc;

    /* RFC 8446 section 4.2.3: PKCS#1 v1.5 is for certificates only; a TLS
     * 1.3 endpoint never signs with it. */
    if (!info || info->kind == KIND_UNSUPPORTED || info->kind == KIND_RSA_PKCS1)
        return TLS13_ERR_UNSUPPORTED;
    if (!algorithm_matches_key(info, key->type))
        return TLS13_ERR_BAD_KEY;
    if (info->kind == KIND_ED25519) {
        if (key->secret_len != 32)
            return TLS13_ERR_BAD_KEY;
        if (sig_cap < 64)
            return TLS13_ERR_BUFFER_TOO_SMALL;
        if (key->pub_len == 32)
            memcpy(pub, key->pub, 32);
        else
            tls13_ed25519_public(pub, key->secret);
        tls13_ed25519_sign(sig, msg, msg_len, key->secret, pub);
        *sig_len = 64;
        return TLS13_OK;
    }
    tls13_hash(info->hash, msg, msg_len, digest);
    if (is_rsa(info->kind))
        return tls13_rsa_sign_pss(info->hash, &key->rsa, digest, sig, sig_cap, sig_len);
    ec_curve_of(key->type, &curve);
    if (key->secret_len != tls13_ec_scalar_size(curve))
        return TLS13_ERR_BAD_KEY;
    rc = tls13_ecdsa_sign(curve, info->hash, key->secret, digest, tls13_hash_size(info->hash), sig, sig_cap,
                          sig_len);
    tls13_wipe(digest, sizeof(digest));
    return rc;
}

int tls13_signature_scheme_fits_key(uint16_t scheme, tls13_key_type type)
{
    const struct scheme_info *info = find_scheme(scheme);
    if (!info)
        return 0;
    switch (info->kind) {
    case KIND_RSA_PSS_RSAE:
        return type == TLS13_KEY_RSA;
    case KIND_ECDSA:
        return type == info->ec_key; /* TLS 1.3 ties the curve to the hash */
    case KIND_ED25519:
        return type == TLS13_KEY_ED25519;
    default:
        return 0; /* PKCS#1 v1.5 (certificates only), PSS-only keys, P-521 */
    }
}

const char *tls13_signature_scheme_name(uint16_t scheme)
{
    const struct scheme_info *info = find_scheme(scheme);
    return info ? info->name : "unknown";
}

size_t tls13_public_key_bits(const tls13_public_key *key)
{
    switch (key->type) {
    case TLS13_KEY_RSA: {
        const uint8_t *n = key->data;
        size_t len = key->len, bits;
        while (len > 0 && n[0] == 0)
            n++, len--;
        if (len == 0)
            return 0;
        bits = 8 * len;
        for (uint8_t top = n[0]; !(top & 0x80); top <<= 1)
            bits--;
        return bits;
    }
    case TLS13_KEY_EC_P256:
        return 256;
    case TLS13_KEY_EC_P384:
        return 384;
    case TLS13_KEY_ED25519:
        return 253; /* the group order is 2^252 + ... (RFC 8032 section 5.1) */
    default:
        return 0;
    }
}

void tls13_private_key_wipe(tls13_private_key *key)
{
    tls13_wipe(key, sizeof(*key));
}

void tls13_private_key_public(const tls13_private_key *key, tls13_public_key *pub)
{
    memset(pub, 0, sizeof(*pub));
    pub->type = key->type;
    if (key->type == TLS13_KEY_RSA) {
        const uint8_t *n = key->rsa.n;
        size_t len = key->rsa.n_len;
        while (len > 0 && n[0] == 0)
            n++, len--;
        pub->data = n;
        pub->len = len;
        pub->rsa_e = key->rsa.e;
        pub->rsa_e_len = key->rsa.e_len;
    } else {
        pub->data = key->pub;
        pub->len = key->pub_len;
    }
}
