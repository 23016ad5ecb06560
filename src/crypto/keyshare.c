/*
 * Key shares for every supported group behind one table: each group says
 * how long its shares and secret are and how to generate, finish and
 * respond. Diffie-Hellman groups respond by generating a share and
 * finishing with the client's; the hybrid responds by ML-KEM encapsulation
 * and X25519 (draft-ietf-tls-ecdhe-mlkem section 4.1: ML-KEM part first).
 */
#include "keyshare.h"

#include <string.h>

#include "base/mem.h"
#include "ec.h"
#include "mlkem768.h"
#include "tls13.h"
#include "x25519.h"

typedef struct group_desc group_desc;
struct group_desc {
    uint16_t id;
    const char *name;
    size_t priv_size, client_share_size, server_share_size, secret_size;
    tls13_ec_curve curve;   /* EC groups only */
    int (*generate)(const group_desc *g, uint8_t *priv, uint8_t *share);
    /* peer is server_share_size bytes. */
    int (*finish)(const group_desc *g, const uint8_t *priv, const uint8_t *peer, uint8_t *secret);
    /* peer is client_share_size bytes; NULL for DH groups (generate + finish). */
    int (*respond)(const group_desc *g, const uint8_t *peer, uint8_t *share, uint8_t *secret);
};

static int x25519_generate(const group_desc *g, uint8_t *priv, uint8_t *share)
{
    (void)g;
    return tls13_x25519_keygen(priv, share);
}

static int x25519_finish(const group_desc *g, const uint8_t *priv, const uint8_t *peer, uint8_t *secret)
{
    (void)g;
    return tls13_x25519(secret, priv, peer);
}

static int ec_generate(const group_desc *g, uint8_t *priv, uint8_t *share)
{
    return tls13_ec_keygen(g->curve, priv, share);
}

static int ec_finish(const group_desc *g, const uint8_t *priv, const uint8_t *peer, uint8_t *secret)
{
    /* tls13_ecdh validates the point (SEC 1 section 3.2.2.1). */
    return tls13_ecdh(g->curve, priv, peer, g->server_share_size, secret);
}

/* X25519MLKEM768: private = dk (2400) || X25519 scalar (32). */
static int hybrid_generate(const group_desc *g, uint8_t *priv, uint8_t *share)
{
    int rc = tls13_mlkem768_keygen(share, priv);
    (void)g;
    if (rc != TLS13_OK)
        return rc;
    return tls13_x25519_keygen(priv + TLS13_MLKEM768_DK_SIZE, share + TLS13_MLKEM768_EK_SIZE);
}

static int hybrid_finish(const group_desc *g, const uint8_t *priv, const uint8_t *peer, uint8_t *secret)
{
    int rc = tls13_mlkem768_decaps(priv, peer, secret);
    (void)g;
    if (rc != TLS13_OK)
        return rc;
    return tls13_x25519(secret + TLS13_MLKEM768_SS_SIZE, priv + TLS13_MLKEM768_DK_SIZE, peer + TLS13_MLKEM768_CT_SIZE);
}

static int hybrid_respond(const group_desc *g, const uint8_t *peer, uint8_t *share, uint8_t *secret)
{
    uint8_t scalar[TLS13_X25519_SIZE];
    int rc = tls13_mlkem768_encaps(peer, share, secret);
    (void)g;
    if (rc == TLS13_OK)
        rc = tls13_x25519_keygen(scalar, share + TLS13_MLKEM768_CT_SIZE);
    if (rc == TLS13_OK)
        rc = tls13_x25519(secret + TLS13_MLKEM768_SS_SIZE, scalar, peer + TLS13_MLKEM768_EK_SIZE);
    tls13_wipe(scalar, sizeof(scalar));
    return rc;
}

static const group_desc groups[] = {
    {.id = TLS13_GROUP_X25519MLKEM768, .name = "X25519MLKEM768",
     .priv_size = TLS13_MLKEM768_DK_SIZE + TLS13_X25519_SIZE,
     .client_share_size = TLS13_MLKEM768_EK_SIZE + TLS13_X25519_SIZE,
     .server_share_size = TLS13_MLKEM768_CT_SIZE + TLS13_X25519_SIZE,
     .secret_size = TLS13_MLKEM768_SS_SIZE + TLS13_X25519_SIZE,
     .generate = hybrid_generate, .finish = hybrid_finish, .respond = hybrid_respond},
    {.id = TLS13_GROUP_X25519, .name = "x25519", .priv_size = TLS13_X25519_SIZE,
     .client_share_size = TLS13_X25519_SIZE, .server_share_size = TLS13_X25519_SIZE,
     .secret_size = TLS13_X25519_SIZE, .generate = x25519_generate, .finish = x25519_finish},
    {.id = TLS13_GROUP_SECP256R1, .name = "secp256r1", .priv_size = 32, .client_share_size = 65,
     .server_share_size = 65, .secret_size = 32, .curve = TLS13_CURVE_P256,
     .generate = ec_generate, .finish = ec_finish},
    {.id = TLS13_GROUP_SECP384R1, .name = "secp384r1", .priv_size = 48, .client_share_size = 97,
     .server_share_size = 97, .secret_size = 48, .curve = TLS13_CURVE_P384,
     .generate = ec_generate, .finish = ec_finish},
};

/* The largest private part: the hybrid's dk and X25519 scalar. */
#define MAX_PRIV (TLS13_MLKEM768_DK_SIZE + TLS13_X25519_SIZE)

struct tls13_keyshare {
    const group_desc *group;
    uint8_t priv[MAX_PRIV];
};

static const group_desc *find_group(uint16_t id)
{
    for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
        if (groups[i].id == id)
            return &groups[i];
    return NULL;
}

int tls13_group_supported(uint16_t group)
{
    return find_group(group) != NULL;
}

const char *tls13_group_name(uint16_t group)
{
    const group_desc *g = find_group(group);
    return g ? g->name : "unknown";
}

int tls13_keyshare_generate(uint16_t group, tls13_keyshare **ks, uint8_t *share, size_t share_cap, size_t *share_len)
{
    const group_desc *g = find_group(group);
    tls13_keyshare *k;
    int rc;
    if (ks == NULL || share == NULL || share_len == NULL)
        return TLS13_ERR_INVALID_ARGUMENT;
    *ks = NULL;
    *share_len = 0;
    if (g == NULL)
        return TLS13_ERR_UNSUPPORTED;
    if (share_cap < g->client_share_size)
        return TLS13_ERR_BUFFER_TOO_SMALL;
    k = tls13_calloc(1, sizeof(*k));
    if (k == NULL)
        return TLS13_ERR_NO_MEMORY;
    k->group = g;
    rc = g->generate(g, k->priv, share);
    if (rc != TLS13_OK) {
        tls13_keyshare_free(k);
        return rc;
    }
    *ks = k;
    *share_len = g->client_share_size;
    return TLS13_OK;
}

/* Shared checks of finish and respond: the secret fits, the peer's share
 * has exactly the group's length (RFC 8446 section 4.2.8 and the hybrid
 * draft section 4.1). */
static int check_sizes(size_t peer_len, size_t want_len, size_t secret_cap, size_t secret_size)
{
    if (secret_cap < secret_size)
        return TLS13_ERR_BUFFER_TOO_SMALL;
    if (peer_len != want_len)
        return TLS13_ERR_BAD_KEY;
    return TLS13_OK;
}

int tls13_keyshare_finish(tls13_keyshare *ks, const uint8_t *peer_share, size_t peer_len,
                          uint8_t *secret, size_t secret_cap, size_t *secret_len)
{
    const group_desc *g;
    int rc;
    if (ks == NULL || peer_share == NULL || secret == NULL || secret_len == NULL)
        return TLS13_ERR_INVALID_ARGUMENT;
    g = ks->group;
    *secret_len = 0;
    rc = check_sizes(peer_len, g->server_share_size, secret_cap, g->secret_size);
    if (rc == TLS13_OK)
        rc = g->finish(g, ks->priv, peer_share, secret);
    if (rc != TLS13_OK) {
        tls13_wipe(secret, secret_cap < g->secret_size ? secret_cap : g->secret_size);
        return rc;
    }
    *secret_len = g->secret_size;
    return TLS13_OK;
}

int tls13_keyshare_respond(uint16_t group, const uint8_t *peer_share, size_t peer_len,
                           uint8_t *share, size_t share_cap, size_t *share_len,
                           uint8_t *secret, size_t secret_cap, size_t *secret_len)
{
    const group_desc *g = find_group(group);
    int rc;
    if (peer_share == NULL || share == NULL || share_len == NULL || secret == NULL || secret_len == NULL)
        return TLS13_ERR_INVALID_ARGUMENT;
    *share_len = 0;
    *secret_len = 0;
    if (g == NULL)
        return TLS13_ERR_UNSUPPORTED;
    if (share_cap < g->server_share_size)
        return TLS13_ERR_BUFFER_TOO_SMALL;
    rc = check_sizes(peer_len, g->client_share_size, secret_cap, g->secret_size);
    if (rc != TLS13_OK)
        return rc;
    if (g->respond != NULL) {
        rc = g->respond(g, peer_share, share, secret);
    } else {
        uint8_t priv[MAX_PRIV];
        rc = g->generate(g, priv, share);
        if (rc == TLS13_OK)
            rc = g->finish(g, priv, peer_share, secret);
        tls13_wipe(priv, g->priv_size);
    }
    if (rc != TLS13_OK) {
        tls13_wipe(secret, g->secret_size);
        return rc;
    }
    *share_len = g->server_share_size;
    *secret_len = g->secret_size;
    return TLS13_OK;
}

void tls13_keyshare_free(tls13_keyshare *ks)
{
    if (ks != NULL)
        tls13_free_wiped(ks, sizeof(*ks));
}
