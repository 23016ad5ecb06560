/*
 * Key exchange for the TLS key_share extension (RFC 8446 section 4.2.8), one
 * interface for every group: X25519 (x25519.h), secp256r1 and secp384r1
 * (ec.h), and the hybrid X25519MLKEM768 (mlkem768.h + x25519.h).
 *
 * A client generates a share, sends it, and finishes with the server's share.
 * A server responds to the client's share in one step (DH or KEM
 * encapsulation), producing its own share and the shared secret.
 */
#ifndef TLS13_CRYPTO_KEYSHARE_H
#define TLS13_CRYPTO_KEYSHARE_H

#include <stddef.h>
#include <stdint.h>

/* NamedGroup codepoints (IANA TLS Supported Groups registry). */
#define TLS13_GROUP_SECP256R1 0x0017
#define TLS13_GROUP_SECP384R1 0x0018
#define TLS13_GROUP_X25519 0x001d
#define TLS13_GROUP_X25519MLKEM768 0x11ec

/* Largest share: the hybrid client share, ML-KEM-768 ek (1184) + X25519 (32). */
#define TLS13_KEYSHARE_MAX_SHARE 1216
/* Largest shared secret: the hybrid's ML-KEM (32) + X25519 (32). */
#define TLS13_KEYSHARE_MAX_SECRET 64

typedef struct tls13_keyshare tls13_keyshare;

/* True for the groups above. */
int tls13_group_supported(uint16_t group);
/* "X25519MLKEM768", "x25519", "secp256r1", "secp384r1", or "unknown". */
const char *tls13_group_name(uint16_t group);

/* Client: a fresh key pair for `group`; writes the public share. */
int tls13_keyshare_generate(uint16_t group, tls13_keyshare **ks,
                            uint8_t *share, size_t share_cap, size_t *share_len);
/* Client: the shared secret from the server's share. A share of the wrong
 * length or an invalid point is TLS13_ERR_BAD_KEY; an all-zero X25519 result
 * is TLS13_ERR_ZERO_SHARED_SECRET. */
int tls13_keyshare_finish(tls13_keyshare *ks, const uint8_t *peer_share, size_t peer_len,
                          uint8_t *secret, size_t secret_cap, size_t *secret_len);
/* Server: our share and the shared secret from the client's share. */
int tls13_keyshare_respond(uint16_t group, const uint8_t *peer_share, size_t peer_len,
                           uint8_t *share, size_t share_cap, size_t *share_len,
                           uint8_t *secret, size_t secret_cap, size_t *secret_len);
/* Wipes and frees; NULL is fine. */
void tls13_keyshare_free(tls13_keyshare *ks);

#endif
