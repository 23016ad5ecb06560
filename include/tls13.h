/*
 * libtls13 — a small TLS 1.3 library (RFC 8446) written from the specifications.
 *
 * This is the only public header. Every function returns TLS13_OK (0) on success
 * or a negative tls13_status; tls13_status_text() turns a status into a sentence.
 */
#ifndef TLS13_H
#define TLS13_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with -fvisibility=hidden: what this header declares
 * is its whole exported interface. */
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC visibility push(default)
#endif

#define TLS13_VERSION_STRING "0.1.0"

/* Status codes. Zero is success; every failure is negative and has a sentence
 * (tls13_status_text). Connections additionally carry a detailed message naming
 * the exact cause (tls13_conn_error_text). */
typedef enum tls13_status {
    TLS13_OK = 0,
    TLS13_ERR_INTERNAL = -1,          /* a bug in libtls13: please report it */
    TLS13_ERR_NO_MEMORY = -2,
    TLS13_ERR_INVALID_ARGUMENT = -3,
    TLS13_ERR_RANDOM = -4,            /* the operating system's random source failed */
    TLS13_ERR_DECODE = -5,            /* malformed input */
    TLS13_ERR_BUFFER_TOO_SMALL = -6,
    TLS13_ERR_UNSUPPORTED = -7,       /* a valid but unsupported algorithm or feature */
    TLS13_ERR_AUTH_FAILED = -8,       /* AEAD authentication tag mismatch */
    TLS13_ERR_BAD_SIGNATURE = -9,
    TLS13_ERR_BAD_KEY = -10,          /* invalid public or private key */
    TLS13_ERR_ZERO_SHARED_SECRET = -11,
    TLS13_ERR_FILE = -12,             /* a file could not be opened or read */
    TLS13_ERR_PEM = -13,              /* malformed PEM */
    TLS13_ERR_KEY_ENCRYPTED = -14,    /* encrypted private keys are not supported */
    TLS13_ERR_KEY_MISMATCH = -15,     /* private key does not match the certificate */
    TLS13_ERR_CERT_VERIFY = -16,      /* peer certificate rejected; details in the error text */
    TLS13_ERR_WANT_READ = -17,        /* the engine needs more input from the peer */
    TLS13_ERR_WANT_WRITE = -18,       /* drain the engine's output before going on */
    TLS13_ERR_CLOSED = -19,           /* the peer closed the connection (close_notify) */
    TLS13_ERR_PEER_ALERT = -20,       /* the peer sent a fatal alert */
    TLS13_ERR_PROTOCOL = -21,         /* the peer violated the protocol; we sent an alert */
    TLS13_ERR_HANDSHAKE_FAILURE = -22,/* no common parameters with the peer */
    TLS13_ERR_IO = -23,               /* a socket read or write failed */
    TLS13_ERR_TIMEOUT = -24,
    TLS13_ERR_STATE = -25             /* the call does not fit the connection's state */
} tls13_status;

/* A sentence describing a status code, e.g. "AEAD authentication failed". */
const char *tls13_status_text(int status);

/* Memory: by default malloc/free. Set once, before any other call. */
typedef void *(*tls13_alloc_fn)(void *arg, size_t size);
typedef void (*tls13_free_fn)(void *arg, void *ptr);
void tls13_set_allocator(tls13_alloc_fn alloc, tls13_free_fn free_fn, void *arg);


/* ------------------------------------------------------------------------
 * Names and codepoints (IANA TLS registries)
 * ------------------------------------------------------------------------ */
#define TLS13_AES_128_GCM_SHA256 0x1301
#define TLS13_AES_256_GCM_SHA384 0x1302
#define TLS13_CHACHA20_POLY1305_SHA256 0x1303

/* NamedGroup codepoints: secp256r1 0x0017, secp384r1 0x0018, x25519 0x001d,
 * X25519MLKEM768 0x11ec. */
/* "TLS_AES_128_GCM_SHA256", ... or "unknown". */
const char *tls13_cipher_suite_name(uint16_t suite);
/* "X25519MLKEM768", "x25519", "secp256r1", "secp384r1", or "unknown". */
const char *tls13_group_name(uint16_t group);
/* "ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256", "ed25519", ... or "unknown". */
const char *tls13_signature_scheme_name(uint16_t scheme);
/* Parses a name as printed by the functions above (case-insensitive; also
 * "P-256"/"P-384" for groups). 0 when unknown. */
uint16_t tls13_cipher_suite_from_name(const char *name);
uint16_t tls13_group_from_name(const char *name);

/* ------------------------------------------------------------------------
 * Configuration: shared by many connections, read-only once a connection
 * uses it.
 * ------------------------------------------------------------------------ */
typedef enum tls13_role { TLS13_CLIENT, TLS13_SERVER } tls13_role;

typedef enum tls13_verify_mode {
    TLS13_VERIFY_DEFAULT = 0, /* client: REQUIRED; server: NONE */
    TLS13_VERIFY_NONE,        /* client: do not verify the server (insecure!); server: no client cert */
    TLS13_VERIFY_OPTIONAL,    /* server: ask for a client certificate, accept none, verify one sent */
    TLS13_VERIFY_REQUIRED     /* verify the peer's chain; a server fails without a client cert */
} tls13_verify_mode;

typedef struct tls13_config tls13_config;

tls13_config *tls13_config_new(tls13_role role);
void tls13_config_free(tls13_config *cfg);
/* The sentence explaining the last failed tls13_config_* call, e.g.
 * "server.key: private key does not match the certificate in server.pem". */
const char *tls13_config_error_text(const tls13_config *cfg);

/* Our certificate chain (PEM, leaf first) and its private key (PEM or DER:
 * PKCS#8, SEC1, PKCS#1). A server may add several pairs (e.g. ECDSA and RSA);
 * each handshake picks one by SNI and the client's signature_algorithms. A
 * client adds one for mTLS. Fails when the key does not match the leaf. */
int tls13_config_add_certificate(tls13_config *cfg, const char *chain_pem_path, const char *key_path);
/* Trust anchors: a PEM bundle file or a directory of PEM files. A client that
 * loads none uses the system store. A server uses them to verify client
 * certificates. */
int tls13_config_load_trust_file(tls13_config *cfg, const char *path);
int tls13_config_load_trust_dir(tls13_config *cfg, const char *path);
/* A SHA-256 pin of a SubjectPublicKeyInfo; once any is set, the verified
 * chain must contain a pinned key. */
int tls13_config_add_pin(tls13_config *cfg, const uint8_t spki_sha256[32]);
void tls13_config_set_verify(tls13_config *cfg, tls13_verify_mode mode);
/* The time certificates are checked at, seconds since 1970 UTC; 0 (the
 * default) means the system clock. */
void tls13_config_set_time(tls13_config *cfg, int64_t unix_seconds);
/* ALPN protocols in preference order (client: offered; server: accepted,
 * the server's order decides). A server with ALPN configured and no overlap
 * fails the handshake with no_application_protocol. */
int tls13_config_set_alpn(tls13_config *cfg, const char *const *protos, size_t n);
/* Groups in preference order. Default: X25519MLKEM768, x25519, secp256r1,
 * secp384r1. A client sends key shares for the first group and, when that is
 * X25519MLKEM768, also for x25519 if listed. */
int tls13_config_set_groups(tls13_config *cfg, const uint16_t *groups, size_t n);
/* Cipher suites in preference order. Default: AES-128-GCM, AES-256-GCM,
 * ChaCha20-Poly1305. */
int tls13_config_set_cipher_suites(tls13_config *cfg, const uint16_t *suites, size_t n);

/* Trace: one human-readable line per handshake event (each message sent or
 * received with its key fields, negotiated parameters, the verify result),
 * without a trailing newline. */
typedef void (*tls13_trace_fn)(void *arg, const char *line);
void tls13_config_set_trace(tls13_config *cfg, tls13_trace_fn fn, void *arg);
/* Key log: NSS key log lines ("CLIENT_HANDSHAKE_TRAFFIC_SECRET <client_random>
 * <secret>", ...), without a trailing newline, for Wireshark. Secrets leave
 * the library through this: enable for debugging only. */
typedef void (*tls13_keylog_fn)(void *arg, const char *line);
void tls13_config_set_keylog(tls13_config *cfg, tls13_keylog_fn fn, void *arg);

/* ------------------------------------------------------------------------
 * Connections (sans-IO): the engine never touches a socket. Feed it what the
 * peer sent; send what it has to output.
 * ------------------------------------------------------------------------ */
typedef struct tls13_conn tls13_conn;

/* server_name: for a client, the host to send as SNI and to verify the
 * certificate against (a DNS name or an IP literal). A verifying client
 * needs it: with NULL its handshake fails rather than accept any trusted
 * certificate. NULL for a server. The config must outlive the connection. */
tls13_conn *tls13_conn_new(const tls13_config *cfg, const char *server_name);
void tls13_conn_free(tls13_conn *conn);

/* Consumes up to len received bytes (*used says how many) and processes every
 * complete record. TLS13_OK, or a fatal error (the alert to send is then
 * queued in the output). */
int tls13_conn_feed(tls13_conn *conn, const uint8_t *in, size_t len, size_t *used);
/* Bytes waiting to be sent (*len 0 when none). A client's ClientHello is
 * produced by the first call. Send them, then call tls13_conn_output_done
 * with the count sent. */
int tls13_conn_output(tls13_conn *conn, const uint8_t **out, size_t *len);
void tls13_conn_output_done(tls13_conn *conn, size_t len);
/* Nonzero once the handshake has completed. */
int tls13_conn_handshake_done(const tls13_conn *conn);
/* Encrypts application data into the output: returns the count accepted
 * (> 0), TLS13_ERR_WANT_WRITE when the output is full, or an error. */
int tls13_conn_write(tls13_conn *conn, const void *buf, size_t len);
/* Decrypted application data: returns the count copied (> 0),
 * TLS13_ERR_WANT_READ when none is buffered, TLS13_ERR_CLOSED after the
 * peer's close_notify, or an error. */
int tls13_conn_read(tls13_conn *conn, void *buf, size_t len);
/* Queues close_notify. */
int tls13_conn_close(tls13_conn *conn);

/* Why the connection failed, as a sentence naming the cause, e.g.
 * "certificate verify failed: certificate has expired (notAfter ...): CN=x"
 * or "received fatal alert handshake_failure from the server". "" if none. */
const char *tls13_conn_error_text(const tls13_conn *conn);
/* The alert we sent or received (AlertDescription), or -1. */
int tls13_conn_alert_sent(const tls13_conn *conn);
int tls13_conn_alert_received(const tls13_conn *conn);

/* Negotiated parameters (0 / NULL before they are known). */
uint16_t tls13_conn_version(const tls13_conn *conn);          /* 0x0304 */
uint16_t tls13_conn_cipher_suite(const tls13_conn *conn);
uint16_t tls13_conn_group(const tls13_conn *conn);
uint16_t tls13_conn_signature_scheme(const tls13_conn *conn); /* the peer's CertificateVerify */
const char *tls13_conn_alpn(const tls13_conn *conn);          /* NULL when none */
const char *tls13_conn_server_name(const tls13_conn *conn);   /* server: the client's SNI */
/* The peer's certificate chain as sent (DER, leaf first). */
size_t tls13_conn_peer_cert_count(const tls13_conn *conn);
const uint8_t *tls13_conn_peer_cert(const tls13_conn *conn, size_t i, size_t *len);

/* A certificate in words, for traces and status pages. */
typedef struct tls13_cert_info {
    char subject[256];    /* "CN=example.com, O=Example" */
    char issuer[256];
    char not_before[32];  /* "2026-01-01 00:00:00 UTC" */
    char not_after[32];
    char sans[512];       /* "DNS:example.com, IP:127.0.0.1" */
} tls13_cert_info;
int tls13_cert_describe(const uint8_t *der, size_t len, tls13_cert_info *info);

/* ------------------------------------------------------------------------
 * Blocking convenience over a connected socket (src/io).
 * ------------------------------------------------------------------------ */
/* Attaches a connected stream socket; the connection does not close it. */
int tls13_conn_attach_fd(tls13_conn *conn, int fd);
/* Timeout for each blocking read/write, in milliseconds (0 = none). */
void tls13_conn_set_io_timeout(tls13_conn *conn, int milliseconds);
/* Runs the handshake to completion: TLS13_OK or an error (see
 * tls13_conn_error_text). */
int tls13_handshake(tls13_conn *conn);
/* Returns bytes read (> 0), 0 at the peer's close_notify, or an error. */
int tls13_read(tls13_conn *conn, void *buf, size_t len);
/* Writes all of buf: TLS13_OK or an error. */
int tls13_write(tls13_conn *conn, const void *buf, size_t len);
/* Sends close_notify and flushes it. */
int tls13_close(tls13_conn *conn);

/* ------------------------------------------------------------------------
 * Development certificates (what tls13-mkcert uses): a fresh ECDSA P-256 key
 * and a certificate for it.
 * ------------------------------------------------------------------------ */
typedef struct tls13_cert_spec {
    const char *common_name;
    const char *const *names;  /* DNS names and IP literals for subjectAltName */
    size_t n_names;
    int is_ca;                 /* a CA (keyCertSign) rather than a server/client leaf */
    int64_t not_before, not_after; /* seconds since 1970 UTC */
} tls13_cert_spec;
/* Signs with the issuer's PEM certificate and key, or self-signs when both
 * are NULL. *cert_pem and *key_pem are NUL-terminated PEM text to free with
 * tls13_free_pem. err (may be NULL) receives the reason on failure. */
int tls13_cert_generate(const tls13_cert_spec *spec, const char *issuer_cert_pem, const char *issuer_key_pem,
                        char **cert_pem, char **key_pem, char *err, size_t err_len);
void tls13_free_pem(char *pem);

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif
#endif
