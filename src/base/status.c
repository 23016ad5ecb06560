#include "tls13.h"

const char *tls13_status_text(int status)
{
    switch ((tls13_status)status) {
    case TLS13_OK: return "success";
    case TLS13_ERR_INTERNAL: return "internal error in libtls13";
    case TLS13_ERR_NO_MEMORY: return "out of memory";
    case TLS13_ERR_INVALID_ARGUMENT: return "invalid argument";
    case TLS13_ERR_RANDOM: return "the operating system's random number generator failed";
    case TLS13_ERR_DECODE: return "malformed input could not be decoded";
    case TLS13_ERR_BUFFER_TOO_SMALL: return "output buffer too small";
    case TLS13_ERR_UNSUPPORTED: return "unsupported algorithm or feature";
    case TLS13_ERR_AUTH_FAILED: return "authentication failed: the data was modified or the key is wrong";
    case TLS13_ERR_BAD_SIGNATURE: return "signature verification failed";
    case TLS13_ERR_BAD_KEY: return "invalid key";
    case TLS13_ERR_ZERO_SHARED_SECRET: return "key exchange produced an all-zero shared secret";
    case TLS13_ERR_FILE: return "file could not be read";
    case TLS13_ERR_PEM: return "malformed PEM data";
    case TLS13_ERR_KEY_ENCRYPTED: return "encrypted private keys are not supported; decrypt the key first";
    case TLS13_ERR_KEY_MISMATCH: return "private key does not match the certificate";
    case TLS13_ERR_CERT_VERIFY: return "certificate verify failed";
    case TLS13_ERR_WANT_READ: return "more data from the peer is needed";
    case TLS13_ERR_WANT_WRITE: return "pending output must be sent first";
    case TLS13_ERR_CLOSED: return "the peer closed the connection";
    case TLS13_ERR_PEER_ALERT: return "the peer sent a fatal alert";
    case TLS13_ERR_PROTOCOL: return "the peer violated the TLS protocol";
    case TLS13_ERR_HANDSHAKE_FAILURE: return "handshake failed: no parameters in common with the peer";
    case TLS13_ERR_IO: return "network read or write failed";
    case TLS13_ERR_TIMEOUT: return "operation timed out";
    case TLS13_ERR_STATE: return "operation not allowed in the connection's current state";
    }
    return "unknown status code";
}
