/*
 * The engine's shared state: configuration, connection, and the functions
 * the record layer (conn.c), the handshake driver (handshake.c) and the two
 * state machines (client.c, server.c) call on each other.
 *
 * Memory per connection (documented in docs/TLS.md): the record input buffer
 * (5 + 2^14 + 256 bytes), the output buffer (two full records, grown during
 * the handshake when a flight is larger), a handshake reassembly buffer and
 * a scratch buffer for building messages (both at most
 * TLS13_MAX_HANDSHAKE_MESSAGE + 4, freed when the handshake ends) and a copy
 * of the peer's Certificate message (at most the same).
 */
#ifndef TLS13_TLS_CONN_H
#define TLS13_TLS_CONN_H

#include <stdarg.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "tls13.h"
#include "../base/bytes.h"
#include "../crypto/keyshare.h"
#include "../crypto/signature.h"
#include "../x509/x509.h"
#include "key_schedule.h"
#include "record.h"
#include "suite.h"
#include "transcript.h"

#define TLS13_MAX_HANDSHAKE_MESSAGE (64 * 1024)
#define TLS13_MAX_CONFIG_CERTS 8
#define TLS13_MAX_ALPN 16
#define TLS13_MAX_GROUPS 8
#define TLS13_MAX_SIGALGS 32
#define TLS13_MAX_PEER_CERTS 16
#define TLS13_MAX_KEY_UPDATES_IN_ROW 32 /* received without application data between them */
#define TLS13_OUT_CAPACITY (2 * (TLS13_MAX_PLAINTEXT + TLS13_RECORD_OVERHEAD))

typedef struct tls13_cert_entry {
    tls13_cert_chain chain;
    tls13_private_key key;
    char sans[512];   /* "DNS:a.example, IP:127.0.0.1", for choosing by SNI */
} tls13_cert_entry;

struct tls13_config {
    tls13_role role;
    char error[512];
    tls13_cert_entry *certs[TLS13_MAX_CONFIG_CERTS];
    size_t n_certs;
    tls13_trust_store *trust;
    int trust_loaded;        /* a file or directory was loaded (else a client uses the system store) */
    pthread_mutex_t system_store_lock; /* serialises the lazy load of the system store */
    tls13_verify_mode verify;
    int64_t now;
    char *alpn[TLS13_MAX_ALPN];
    size_t n_alpn;
    uint16_t groups[TLS13_MAX_GROUPS];
    size_t n_groups;
    uint16_t suites[3];
    size_t n_suites;
    tls13_trace_fn trace;
    void *trace_arg;
    tls13_keylog_fn keylog;
    void *keylog_arg;
};

/* Handshake states (see the tables in client.c and server.c). */
typedef enum tls13_state {
    TLS13_ST_CLIENT_START,
    TLS13_ST_CLIENT_WAIT_SERVER_HELLO,
    TLS13_ST_CLIENT_WAIT_ENCRYPTED_EXTENSIONS,
    TLS13_ST_CLIENT_WAIT_CERT_OR_REQUEST,
    TLS13_ST_CLIENT_WAIT_CERTIFICATE,
    TLS13_ST_CLIENT_WAIT_CERTIFICATE_VERIFY,
    TLS13_ST_CLIENT_WAIT_FINISHED,
    TLS13_ST_SERVER_WAIT_CLIENT_HELLO,
    TLS13_ST_SERVER_WAIT_SECOND_CLIENT_HELLO,
    TLS13_ST_SERVER_WAIT_CERTIFICATE,
    TLS13_ST_SERVER_WAIT_CERTIFICATE_VERIFY,
    TLS13_ST_SERVER_WAIT_FINISHED,
    TLS13_ST_CONNECTED
} tls13_state;

struct tls13_conn {
    const tls13_config *cfg;
    tls13_role role;
    tls13_state state;
    int status;             /* TLS13_OK, or the fatal error every later call returns */
    char error[640];
    int alert_sent, alert_received;
    int peer_closed, close_sent;

    /* Input: the record being assembled; decrypted application data stays
     * in place until read. */
    uint8_t *in;
    size_t in_len;
    size_t app_off, app_len;
    /* Handshake messages being reassembled from records. */
    uint8_t *hs;
    size_t hs_len, hs_cap;
    int read_key_changed;   /* the read key changed while handling a message */
    unsigned key_updates_in_row; /* KeyUpdates received since the peer's last application data */
    int key_update_answered;     /* our KeyUpdate reply is sent and no application data followed yet */

    /* Output waiting to be sent: out[out_start .. out_len). */
    uint8_t *out;
    size_t out_start, out_len, out_cap;

    tls13_record_dir rd, wr;

    /* Handshake. */
    tls13_transcript transcript;
    tls13_key_schedule ks;
    const tls13_suite *suite;
    uint16_t group;
    uint8_t client_random[32], server_random[32];
    uint8_t session_id[32];
    size_t session_id_len;
    uint8_t client_hs_secret[TLS13_HASH_MAX_SIZE], server_hs_secret[TLS13_HASH_MAX_SIZE];
    uint8_t client_ap_secret[TLS13_HASH_MAX_SIZE], server_ap_secret[TLS13_HASH_MAX_SIZE];
    uint8_t exporter_secret[TLS13_HASH_MAX_SIZE];
    int hrr_done;
    int ccs_sent;
    size_t max_fragment;    /* 2^14, or less when the peer sent record_size_limit (RFC 8449) */
    uint8_t *scratch;       /* message building */
    size_t scratch_cap;

    /* Client. */
    char *server_name;      /* SNI and verification host */
    tls13_keyshare *shares[2];
    uint16_t share_groups[2];
    uint8_t share_pub[2][TLS13_KEYSHARE_MAX_SHARE]; /* kept to repeat after a cookie-only HelloRetryRequest */
    size_t share_pub_len[2];
    size_t n_shares;
    uint8_t *cookie;
    size_t cookie_len;
    uint16_t offered_sigalgs[TLS13_MAX_SIGALGS];
    size_t n_offered_sigalgs;
    int cert_requested;
    int offered_record_size_limit; /* only when started from given ClientHello bytes (tests) */
    uint8_t request_context[255];
    size_t request_context_len;

    /* Peer's signature_algorithms (server: from the ClientHello; client: from
     * the CertificateRequest). */
    uint16_t peer_sigalgs[TLS13_MAX_SIGALGS];
    size_t n_peer_sigalgs;

    /* Server. */
    const tls13_cert_entry *cert; /* the chain we present (client: for mTLS, or NULL) */
    uint16_t sign_scheme;
    char sni[256];
    uint16_t hrr_suite;

    /* Negotiated results. */
    uint16_t peer_scheme;
    char alpn[256];
    int have_alpn;
    uint8_t *peer_cert_msg;
    const uint8_t *peer_certs[TLS13_MAX_PEER_CERTS];
    size_t peer_cert_lens[TLS13_MAX_PEER_CERTS];
    size_t n_peer_certs;
    tls13_public_key peer_key;

    /* Blocking I/O (src/io). */
    int fd;
    int io_timeout_ms;
};

/* --- conn.c: records, errors, trace --- */
/* Fails the connection: records `fmt` as the error text, queues `alert`
 * (-1 for none) and returns `status`, which every later call returns too. */
int tls13_fail(tls13_conn *c, int alert, int status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* A protocol violation: TLS13_ERR_PROTOCOL with the alert. */
#define tls13_violation(c, alert, ...) tls13_fail((c), (alert), TLS13_ERR_PROTOCOL, __VA_ARGS__)
void tls13_trace(tls13_conn *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void tls13_keylog(tls13_conn *c, const char *label, const uint8_t *secret);
/* Sends a handshake message (with header): adds it to the transcript and
 * writes it in records under the current write key. */
int tls13_send_handshake(tls13_conn *c, const uint8_t *msg, size_t len);
int tls13_send_ccs(tls13_conn *c);
/* Installs new keys: the read side marks a key change for the boundary check. */
int tls13_set_read_secret(tls13_conn *c, const uint8_t *secret);
int tls13_set_write_secret(tls13_conn *c, const uint8_t *secret);
/* How many more bytes the record being assembled needs (a header, then its
 * body): a blocking reader that reads no more never has input left over. */
size_t tls13_conn_bytes_wanted(const tls13_conn *c);
/* Loads the system trust store into a client configuration given no anchors
 * (once, thread-safe; see config.c). */
void tls13_config_use_system_store(const tls13_config *cfg);
/* A scratch buffer of at least `size` bytes for building a message. */
uint8_t *tls13_scratch(tls13_conn *c, size_t size);
const char *tls13_peer_name(const tls13_conn *c); /* "server" or "client" */

/* --- handshake.c: the driver and steps both sides share --- */
typedef int (*tls13_msg_handler)(tls13_conn *c, const uint8_t *msg, size_t len);
typedef struct tls13_state_row {
    tls13_state state;
    uint8_t msg_type;
    tls13_msg_handler handle;
} tls13_state_row;
extern const tls13_state_row tls13_client_table[];
extern const size_t tls13_client_table_len;
extern const tls13_state_row tls13_server_table[];
extern const size_t tls13_server_table_len;
/* Dispatches one complete handshake message through the role's table. */
int tls13_handle_message(tls13_conn *c, const uint8_t *msg, size_t len);
const char *tls13_message_name(uint8_t type);

int tls13_derive_handshake_secrets(tls13_conn *c, const uint8_t *shared, size_t shared_len);
int tls13_derive_application_secrets(tls13_conn *c);
/* Our Certificate and CertificateVerify (entry may be NULL: empty Certificate). */
int tls13_send_certificate(tls13_conn *c, const tls13_cert_entry *entry, const uint8_t *context, size_t context_len);
int tls13_send_certificate_verify(tls13_conn *c, const tls13_cert_entry *entry, uint16_t scheme);
int tls13_send_finished(tls13_conn *c, const uint8_t *base_secret);
/* The peer's Certificate, CertificateVerify and Finished. */
int tls13_receive_certificate(tls13_conn *c, const uint8_t *msg, size_t len, int *empty);
int tls13_receive_certificate_verify(tls13_conn *c, const uint8_t *msg, size_t len, const uint16_t *allowed,
                                     size_t n_allowed);
int tls13_receive_finished(tls13_conn *c, const uint8_t *msg, size_t len, const uint8_t *base_secret);
int tls13_handle_key_update(tls13_conn *c, const uint8_t *msg, size_t len);
/* TLS-Exporter (section 7.5) over the connection's exporter_master_secret,
 * once the handshake is done; not in the public API yet (tests and tools). */
int tls13_conn_export(const tls13_conn *c, const char *label, const uint8_t *context, size_t context_len,
                      uint8_t *out, size_t out_len);
/* KeyUpdate initiated by us (tests; section 4.6.3). */
int tls13_conn_key_update(tls13_conn *c, int request_peer_update);
/* The signature schemes we offer and accept, in preference order. */
extern const uint16_t tls13_default_sigalgs[];
extern const size_t tls13_default_sigalgs_len;
/* Our first scheme for `key` that the peer listed, or 0. */
uint16_t tls13_choose_scheme(const tls13_private_key *key, const uint16_t *peer, size_t n_peer);
/* Writes a u16 list (with its 2-byte length) as an extension body. */
int tls13_write_u16_list(tls13_writer *w, const uint16_t *list, size_t n);
void tls13_trace_negotiated(tls13_conn *c);
int tls13_hex_string(const uint8_t *in, size_t len, char *out, size_t out_cap);

/* --- client.c / server.c --- */
int tls13_client_start(tls13_conn *c);
/* Tests (RFC 8448): start from given ClientHello bytes and key share. */
int tls13_client_start_with_hello(tls13_conn *c, const uint8_t *ch, size_t ch_len, tls13_keyshare *share,
                                  uint16_t group);

#endif
