/*
 * Blocking convenience over a connected stream socket (include/tls13.h):
 * the sans-IO engine driven with send/recv, poll(2) for timeouts, EINTR
 * retried. Reads ask the socket for exactly the bytes the current record
 * still needs, so no input is ever left over outside the engine.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

#include "../tls/conn.h"

int tls13_conn_attach_fd(tls13_conn *c, int fd)
{
    if (!c || fd < 0)
        return TLS13_ERR_INVALID_ARGUMENT;
    c->fd = fd;
    return TLS13_OK;
}

void tls13_conn_set_io_timeout(tls13_conn *c, int milliseconds)
{
    if (c)
        c->io_timeout_ms = milliseconds > 0 ? milliseconds : 0;
}

static int wait_fd(tls13_conn *c, short events)
{
    const char *what = events == POLLIN ? "for data from the" : "to send to the";
    for (;;) {
        struct pollfd p;
        int r;
        p.fd = c->fd;
        p.events = events;
        p.revents = 0;
        r = poll(&p, 1, c->io_timeout_ms > 0 ? c->io_timeout_ms : -1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return tls13_fail(c, -1, TLS13_ERR_IO, "waiting %s %s failed: poll: %s", what, tls13_peer_name(c),
                              strerror(errno));
        if (r == 0)
            return tls13_fail(c, -1, TLS13_ERR_TIMEOUT, "timed out after %d ms waiting %s %s", c->io_timeout_ms, what,
                              tls13_peer_name(c));
        return TLS13_OK;
    }
}

/* Sends everything the engine has queued. */
static int flush(tls13_conn *c)
{
    for (;;) {
        const uint8_t *out;
        size_t len;
        ssize_t n;
        int rc = tls13_conn_output(c, &out, &len);
        if (rc != TLS13_OK)
            return rc;
        if (len == 0)
            return TLS13_OK;
        if (c->io_timeout_ms > 0 && (rc = wait_fd(c, POLLOUT)) != TLS13_OK)
            return rc;
        n = send(c->fd, out, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if ((rc = wait_fd(c, POLLOUT)) != TLS13_OK)
                return rc;
            continue;
        }
        if (n < 0) {
            /* The connection is lost: nothing more (not even an alert) can go out. */
            tls13_conn_output_done(c, len);
            return tls13_fail(c, -1, TLS13_ERR_IO, "sending to the %s failed: %s", tls13_peer_name(c), strerror(errno));
        }
        tls13_conn_output_done(c, (size_t)n);
    }
}

/* Receives what the current record still needs and feeds it to the engine. */
static int fill(tls13_conn *c)
{
    uint8_t buf[TLS13_RECORD_HEADER + TLS13_MAX_CIPHERTEXT];
    size_t want = tls13_conn_bytes_wanted(c), used = 0;
    ssize_t n;
    int rc;
    for (;;) {
        if (c->io_timeout_ms > 0 && (rc = wait_fd(c, POLLIN)) != TLS13_OK)
            return rc;
        n = recv(c->fd, buf, want, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if ((rc = wait_fd(c, POLLIN)) != TLS13_OK)
                return rc;
            continue;
        }
        break;
    }
    if (n < 0)
        return tls13_fail(c, -1, TLS13_ERR_IO, "receiving from the %s failed: %s", tls13_peer_name(c), strerror(errno));
    if (n == 0)
        return tls13_fail(c, -1, TLS13_ERR_IO, "the %s closed the TCP connection %s", tls13_peer_name(c),
                          tls13_conn_handshake_done(c) ? "without sending close_notify"
                                                       : "during the handshake (does it speak TLS 1.3?)");
    rc = tls13_conn_feed(c, buf, (size_t)n, &used);
    return rc;
}

int tls13_handshake(tls13_conn *c)
{
    int rc;
    if (!c)
        return TLS13_ERR_INVALID_ARGUMENT;
    if (c->fd < 0)
        return TLS13_ERR_STATE;
    for (;;) {
        rc = flush(c);
        if (c->status != TLS13_OK)
            return c->status;
        if (rc != TLS13_OK)
            return rc;
        if (tls13_conn_handshake_done(c))
            return TLS13_OK;
        rc = fill(c);
        if (rc != TLS13_OK) {
            flush(c); /* the alert, if any */
            return c->status != TLS13_OK ? c->status : rc;
        }
    }
}

int tls13_read(tls13_conn *c, void *buf, size_t len)
{
    int rc;
    if (!c || (len && !buf))
        return TLS13_ERR_INVALID_ARGUMENT;
    if (!tls13_conn_handshake_done(c) && (rc = tls13_handshake(c)) != TLS13_OK)
        return rc;
    for (;;) {
        rc = tls13_conn_read(c, buf, len);
        if (rc > 0)
            return rc;
        if (rc == TLS13_ERR_CLOSED)
            return 0;
        if (rc != TLS13_ERR_WANT_READ)
            return rc;
        rc = fill(c);
        /* Responses the engine queued (KeyUpdate, an alert) go out now. */
        flush(c);
        if (rc != TLS13_OK)
            return c->status != TLS13_OK ? c->status : rc;
    }
}

int tls13_write(tls13_conn *c, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    int rc;
    if (!c || (len && !buf))
        return TLS13_ERR_INVALID_ARGUMENT;
    if (!tls13_conn_handshake_done(c) && (rc = tls13_handshake(c)) != TLS13_OK)
        return rc;
    while (len > 0) {
        int n = tls13_conn_write(c, p, len);
        if (n == TLS13_ERR_WANT_WRITE) {
            if ((rc = flush(c)) != TLS13_OK)
                return rc;
            continue;
        }
        if (n < 0)
            return n;
        p += n;
        len -= (size_t)n;
    }
    return flush(c);
}

int tls13_close(tls13_conn *c)
{
    int rc;
    if (!c)
        return TLS13_ERR_INVALID_ARGUMENT;
    rc = tls13_conn_close(c);
    if (rc != TLS13_OK)
        return rc;
    return c->fd >= 0 ? flush(c) : TLS13_OK;
}
