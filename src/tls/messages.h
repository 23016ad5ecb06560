/*
 * Handshake message and extension codecs (RFC 8446 section 4), all through
 * tls13_reader / tls13_writer. Decoders return 0 or the alert the caller
 * should send (decode_error for malformed bytes, illegal_parameter for a
 * duplicate extension), and point into the caller's message bytes.
 */
#ifndef TLS13_TLS_MESSAGES_H
#define TLS13_TLS_MESSAGES_H

#include <stddef.h>
#include <stdint.h>

#include "../base/bytes.h"

enum {
    TLS13_HS_CLIENT_HELLO = 1,
    TLS13_HS_SERVER_HELLO = 2,
    TLS13_HS_NEW_SESSION_TICKET = 4,
    TLS13_HS_END_OF_EARLY_DATA = 5,
    TLS13_HS_ENCRYPTED_EXTENSIONS = 8,
    TLS13_HS_CERTIFICATE = 11,
    TLS13_HS_CERTIFICATE_REQUEST = 13,
    TLS13_HS_CERTIFICATE_VERIFY = 15,
    TLS13_HS_FINISHED = 20,
    TLS13_HS_KEY_UPDATE = 24,
    TLS13_HS_MESSAGE_HASH = 254
};

enum {
    TLS13_EXT_SERVER_NAME = 0,
    TLS13_EXT_MAX_FRAGMENT_LENGTH = 1,
    TLS13_EXT_STATUS_REQUEST = 5,
    TLS13_EXT_SUPPORTED_GROUPS = 10,
    TLS13_EXT_SIGNATURE_ALGORITHMS = 13,
    TLS13_EXT_USE_SRTP = 14,
    TLS13_EXT_HEARTBEAT = 15,
    TLS13_EXT_ALPN = 16,
    TLS13_EXT_SCT = 18,
    TLS13_EXT_CLIENT_CERT_TYPE = 19,
    TLS13_EXT_SERVER_CERT_TYPE = 20,
    TLS13_EXT_PADDING = 21,
    TLS13_EXT_RECORD_SIZE_LIMIT = 28,
    TLS13_EXT_PRE_SHARED_KEY = 41,
    TLS13_EXT_EARLY_DATA = 42,
    TLS13_EXT_SUPPORTED_VERSIONS = 43,
    TLS13_EXT_COOKIE = 44,
    TLS13_EXT_PSK_KEY_EXCHANGE_MODES = 45,
    TLS13_EXT_CERTIFICATE_AUTHORITIES = 47,
    TLS13_EXT_OID_FILTERS = 48,
    TLS13_EXT_POST_HANDSHAKE_AUTH = 49,
    TLS13_EXT_SIGNATURE_ALGORITHMS_CERT = 50,
    TLS13_EXT_KEY_SHARE = 51
};

#define TLS13_VERSION_13 0x0304
#define TLS13_VERSION_12 0x0303
#define TLS13_MAX_EXTENSIONS 64

/* SHA-256("HelloRetryRequest"): the ServerHello.random of a HelloRetryRequest (section 4.1.3). */
extern const uint8_t tls13_hrr_random[32];

typedef struct tls13_ext {
    uint16_t type;
    const uint8_t *data;
    size_t len;
} tls13_ext;

typedef struct tls13_ext_list {
    tls13_ext ext[TLS13_MAX_EXTENSIONS];
    size_t n;
} tls13_ext_list;

/* Reads Extension extensions<0..2^16-1> to the end of r. Duplicates are
 * illegal_parameter (section 4.2). */
int tls13_ext_list_parse(tls13_reader *r, tls13_ext_list *list);
/* The same for the contents of an extensions<0..2^16-1> field already read
 * with its length prefix (e.g. a CertificateEntry's). */
int tls13_ext_list_parse_body(tls13_reader *all, tls13_ext_list *list);
/* The first extension of the list that RFC 8446 section 4.2 names but does
 * not allow in a message of msg_type (illegal_parameter), or NULL. Unknown
 * extensions are never misplaced: they are ignored. */
const tls13_ext *tls13_ext_misplaced(const tls13_ext_list *list, uint8_t msg_type);
const tls13_ext *tls13_ext_find(const tls13_ext_list *list, uint16_t type);

typedef struct tls13_client_hello {
    uint16_t legacy_version;
    const uint8_t *random;
    const uint8_t *session_id;
    size_t session_id_len;
    const uint8_t *suites;       /* 2 bytes each */
    size_t suites_len;
    const uint8_t *compression;
    size_t compression_len;
    tls13_ext_list exts;
} tls13_client_hello;

/* body: the message without its 4-byte header. */
int tls13_client_hello_parse(const uint8_t *body, size_t len, tls13_client_hello *ch);

typedef struct tls13_server_hello {
    uint16_t legacy_version;
    const uint8_t *random;
    const uint8_t *session_id;
    size_t session_id_len;
    uint16_t suite;
    uint8_t compression;
    tls13_ext_list exts;
} tls13_server_hello;

int tls13_server_hello_parse(const uint8_t *body, size_t len, tls13_server_hello *sh);

/* Parses an extension body holding one uint16 list with a length prefix of
 * prefix_bytes (supported_groups, signature_algorithms: 2; supported_versions
 * in a ClientHello: 1). The entries `keep` accepts (all when NULL) are stored,
 * up to cap; *n gets the count kept. Filtering before storing means a long
 * list (GREASE, many unknown codepoints) cannot push a usable entry past the
 * cap. The list must be non-empty and of even length: else decode_error. */
int tls13_u16_list_parse(const tls13_ext *ext, size_t prefix_bytes, int (*keep)(uint16_t), uint16_t *out,
                         size_t cap, size_t *n);
/* True when the signature scheme is one we can verify or sign with. */
int tls13_sigalg_known(uint16_t scheme);
int tls13_u16_list_contains(const uint16_t *list, size_t n, uint16_t v);

/* Opens a handshake message (type + 24-bit length) in w; close it with tls13_write_end_prefixed. */
int tls13_write_handshake_begin(tls13_writer *w, uint8_t type);

#endif
