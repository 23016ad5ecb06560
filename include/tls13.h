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

#ifdef __cplusplus
}
#endif
#endif
