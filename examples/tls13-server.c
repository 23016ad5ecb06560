/*
 * tls13-server: an HTTPS server over libtls13's sans-IO engine.
 *
 *   tls13-server --cert chain.pem --key key.pem [--cert ... --key ...] [--port 8443]
 *                [--bind ADDR] [--root DIR] [--client-ca F [--require-client-cert]] [--alpn LIST]
 *
 * One thread, one poll(2) loop, non-blocking sockets: each connection feeds
 * what it receives to its tls13_conn and sends what the engine outputs. It
 * serves static files from --root, or a page showing the connection's TLS
 * parameters. HTTP/1.0 and 1.1 with keep-alive; idle and slow clients time
 * out; SIGINT/SIGTERM close every connection with close_notify and exit.
 */
#define _XOPEN_SOURCE 700 /* POSIX.1-2008 with realpath */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "tls13.h"

#define MAX_PAIRS 8
#define MAX_ALPN 8
#define MAX_LISTENERS 8
#define DEFAULT_MAX_CONNECTIONS 1024
#define MAX_REQUEST 16384          /* request line and headers */
#define NET_BUF 18432              /* one TLS record (2^14 + overhead) and some */
#define FILE_CHUNK 16384

static const char *prog = "tls13-server";
static volatile sig_atomic_t stop_signal, hangup_signal;

/* Time limits in milliseconds (--handshake-timeout, --idle-timeout). */
static int handshake_timeout_ms = 10000; /* from accept to the client's Finished */
static int request_timeout_ms = 10000;   /* from a request's first byte to its last header */
static int idle_timeout_ms = 30000;      /* keep-alive: between requests; also a stalled send */

typedef struct server {
    tls13_config *cfg;
    char root[PATH_MAX]; /* realpath of --root, "" for the status page */
    int listeners[MAX_LISTENERS];
    size_t n_listeners;
    size_t max_conns;
    int verbose;
} server;

typedef enum conn_state { ST_HANDSHAKE, ST_REQUEST, ST_RESPONSE, ST_CLOSING } conn_state;

typedef struct conn {
    int fd;
    tls13_conn *tls;
    conn_state state;
    char peer[INET6_ADDRSTRLEN + 8];
    long long deadline;       /* monotonic ms when the current phase times out */
    uint8_t in[NET_BUF];      /* received, not yet consumed by the engine */
    size_t in_len;
    int tcp_eof;              /* the client shut down its side of the TCP connection */
    int tls_closed;           /* the client sent close_notify */
    char req[MAX_REQUEST + 1];
    size_t req_len;
    /* The response being sent: out[out_off..out_len) then file bytes. */
    char *out;
    size_t out_len, out_off, out_cap;
    int file_fd;
    long long file_left;
    int keep_alive;
    /* For the log line. */
    char method[16], path[256], version[16];
    int status;
    long long body_bytes;
} conn;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void log_line(const char *fmt, ...)
{
    char stamp[32];
    time_t t = time(NULL);
    struct tm tm;
    va_list ap;
    strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
    fprintf(stderr, "%s ", stamp);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void usage(FILE *out)
{
    fprintf(out,
            "usage: %s --cert CHAIN.pem --key KEY.pem [--cert ... --key ...] [options]\n"
            "\n"
            "Serves HTTPS (TLS 1.3 only) on --port: files under --root, or a page showing each\n"
            "connection's negotiated TLS parameters.\n"
            "\n"
            "  --cert FILE --key FILE  a certificate chain (PEM, leaf first) and its private key; repeat for\n"
            "                          several (e.g. ECDSA and RSA): each handshake picks one by SNI and the\n"
            "                          client's signature algorithms\n"
            "  --port N                TCP port (default 8443; 0 picks a free one, printed at start)\n"
            "  --bind ADDR             listen on this address only (default: every local address)\n"
            "  --root DIR              serve the files under DIR (index.html for directories)\n"
            "  --client-ca FILE        ask clients for a certificate and verify it against these CAs\n"
            "  --require-client-cert   with --client-ca: refuse clients without a valid certificate\n"
            "  --alpn LIST             ALPN protocols to accept, comma separated, preferred first\n"
            "                          (default: http/1.1,http/1.0)\n"
            "  --max-connections N     refuse connections beyond N open ones (default %d)\n"
            "  --handshake-timeout S   seconds a client has to finish the handshake and, later, to send\n"
            "                          each request's headers (default 10)\n"
            "  --idle-timeout S        seconds a keep-alive connection may sit idle, or a client may stop\n"
            "                          reading a response, before it is closed (default 30)\n"
            "  -v, --verbose           trace every handshake to stderr\n"
            "  -h, --help              this text\n"
            "\n"
            "Logs one line per request to stderr. SIGINT or SIGTERM shuts down cleanly; SIGHUP reloads\n"
            "nothing (it is logged and ignored): restart the server to load new certificates.\n"
            "Exit status: 0 after a signal, 1 on a start-up failure, 2 on a usage error.\n",
            prog, DEFAULT_MAX_CONNECTIONS);
}

/* ---- Responses ------------------------------------------------------------ */

static int out_append(conn *c, const char *data, size_t len)
{
    if (c->out_len + len > c->out_cap) {
        size_t cap = c->out_cap ? c->out_cap : 4096;
        char *p;
        while (cap < c->out_len + len)
            cap *= 2;
        p = realloc(c->out, cap);
        if (!p)
            return -1;
        c->out = p;
        c->out_cap = cap;
    }
    memcpy(c->out + c->out_len, data, len);
    c->out_len += len;
    return 0;
}

static int out_printf(conn *c, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n >= sizeof buf)
        n = (int)sizeof buf - 1;
    return out_append(c, buf, (size_t)n);
}

/* HTML-escapes text into the response. */
static int out_html(conn *c, const char *s)
{
    for (; *s; s++) {
        const char *e = NULL;
        switch (*s) {
        case '<': e = "&lt;"; break;
        case '>': e = "&gt;"; break;
        case '&': e = "&amp;"; break;
        case '"': e = "&quot;"; break;
        default: break;
        }
        if (e ? out_append(c, e, strlen(e)) : out_append(c, s, 1))
            return -1;
    }
    return 0;
}

static const char *reason_phrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 500: return "Internal Server Error";
    default: return "Error";
    }
}

static void start_headers(conn *c, int status, const char *type, long long length, const char *extra)
{
    c->status = status;
    c->body_bytes = length;
    out_printf(c, "HTTP/1.1 %d %s\r\nServer: tls13-server/" TLS13_VERSION_STRING "\r\n", status,
               reason_phrase(status));
    out_printf(c, "Content-Type: %s\r\nContent-Length: %lld\r\n%s%s\r\n", type, length,
               c->keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n", extra ? extra : "");
}

/* A complete response with a small generated body. */
static void respond_text(conn *c, int status, const char *type, const char *body, size_t len, int head,
                         const char *extra)
{
    start_headers(c, status, type, (long long)len, extra);
    if (!head)
        out_append(c, body, len);
}

static void respond_error(conn *c, int status, int head, const char *extra)
{
    char body[256];
    int n = snprintf(body, sizeof body, "<!DOCTYPE html>\n<title>%d %s</title>\n<h1>%d %s</h1>\n", status,
                     reason_phrase(status), status, reason_phrase(status));
    respond_text(c, status, "text/html; charset=utf-8", body, (size_t)n, head, extra);
}

/* The status page: everything the handshake negotiated. */
static void respond_status_page(conn *c, int head)
{
    conn tmp; /* the body is built in a scratch buffer so Content-Length is known */
    const char *alpn = tls13_conn_alpn(c->tls), *sni = tls13_conn_server_name(c->tls);
    uint16_t scheme = tls13_conn_signature_scheme(c->tls);
    size_t n_client = tls13_conn_peer_cert_count(c->tls);
    memset(&tmp, 0, sizeof tmp);
    out_printf(&tmp, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>tls13-server</title></head>\n"
                     "<body>\n<h1>libtls13 test server</h1>\n<table>\n");
    out_printf(&tmp, "<tr><th>Protocol</th><td id=\"version\">%s</td></tr>\n",
               tls13_conn_version(c->tls) == 0x0304 ? "TLS 1.3" : "unknown");
    out_printf(&tmp, "<tr><th>Cipher suite</th><td id=\"suite\">%s</td></tr>\n",
               tls13_cipher_suite_name(tls13_conn_cipher_suite(c->tls)));
    out_printf(&tmp, "<tr><th>Key exchange group</th><td id=\"group\">%s</td></tr>\n",
               tls13_group_name(tls13_conn_group(c->tls)));
    out_printf(&tmp, "<tr><th>Client signature scheme</th><td id=\"scheme\">%s</td></tr>\n",
               scheme ? tls13_signature_scheme_name(scheme) : "(no client certificate)");
    out_printf(&tmp, "<tr><th>ALPN</th><td id=\"alpn\">");
    out_html(&tmp, alpn ? alpn : "(none)");
    out_printf(&tmp, "</td></tr>\n<tr><th>SNI</th><td id=\"sni\">");
    out_html(&tmp, sni ? sni : "(none)");
    out_printf(&tmp, "</td></tr>\n<tr><th>Client certificate</th><td id=\"client-cert\">");
    if (n_client > 0) {
        size_t len;
        const uint8_t *der = tls13_conn_peer_cert(c->tls, 0, &len);
        tls13_cert_info ci;
        if (der && tls13_cert_describe(der, len, &ci) == TLS13_OK) {
            out_html(&tmp, ci.subject);
            out_printf(&tmp, " (issuer ");
            out_html(&tmp, ci.issuer);
            out_printf(&tmp, ")");
        } else {
            out_printf(&tmp, "(could not be described)");
        }
    } else {
        out_printf(&tmp, "(none)");
    }
    out_printf(&tmp, "</td></tr>\n<tr><th>Client address</th><td>");
    out_html(&tmp, c->peer);
    out_printf(&tmp, "</td></tr>\n<tr><th>Request</th><td>");
    out_html(&tmp, c->method);
    out_printf(&tmp, " ");
    out_html(&tmp, c->path);
    out_printf(&tmp, " ");
    out_html(&tmp, c->version);
    out_printf(&tmp, "</td></tr>\n</table>\n</body></html>\n");
    if (!tmp.out) {
        respond_error(c, 500, head, NULL);
        return;
    }
    respond_text(c, 200, "text/html; charset=utf-8", tmp.out, tmp.out_len, head, NULL);
    free(tmp.out);
}

static const char *content_type(const char *path)
{
    static const struct { const char *ext, *type; } types[] = {
        {".html", "text/html; charset=utf-8"}, {".htm", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},         {".png", "image/png"},
        {".jpg", "image/jpeg"},                {".jpeg", "image/jpeg"},
        {".svg", "image/svg+xml"},             {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(path, '.');
    if (dot && !strchr(dot, '/'))
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (strcasecmp(dot, types[i].ext) == 0)
                return types[i].type;
    return "application/octet-stream";
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decodes the path part of a request target (RFC 3986 section 2.1);
 * -1 on bad escapes, NUL bytes or a ".." segment. */
static int decode_path(const char *target, char *out, size_t cap)
{
    size_t n = 0;
    const char *p = target;
    if (*p != '/')
        return -1;
    for (; *p && *p != '?' && *p != '#'; p++) {
        char ch = *p;
        if (ch == '%') {
            int hi = hex_digit(p[1]), lo = hi >= 0 ? hex_digit(p[2]) : -1;
            if (lo < 0)
                return -1;
            ch = (char)(hi * 16 + lo);
            p += 2;
        }
        if (ch == '\0' || n + 1 >= cap)
            return -1;
        out[n++] = ch;
    }
    out[n] = '\0';
    /* Reject any ".." segment, before resolution, whatever follows. */
    for (const char *s = out; (s = strstr(s, "..")) != NULL; s += 2)
        if (s[-1] == '/' && (s[2] == '/' || s[2] == '\0'))
            return -1;
    return 0;
}

static void respond_file(server *srv, conn *c, const char *target, int head)
{
    char rel[PATH_MAX], joined[PATH_MAX * 2], real[PATH_MAX];
    size_t root_len = strlen(srv->root);
    struct stat st;
    int fd;
    if (decode_path(target, rel, sizeof rel) != 0) {
        respond_error(c, 400, head, NULL);
        return;
    }
    snprintf(joined, sizeof joined, "%s%s", srv->root, rel);
    if (!realpath(joined, real)) {
        respond_error(c, errno == EACCES ? 403 : 404, head, NULL);
        return;
    }
    /* Symlinks may point anywhere: only what resolves under the root is served. */
    if (strncmp(real, srv->root, root_len) != 0 || (real[root_len] != '/' && real[root_len] != '\0')) {
        respond_error(c, 403, head, NULL);
        return;
    }
    if (stat(real, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t len = strlen(real);
        if (len + sizeof "/index.html" > sizeof real) {
            respond_error(c, 404, head, NULL);
            return;
        }
        memcpy(real + len, "/index.html", sizeof "/index.html");
    }
    fd = open(real, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        int status = fd < 0 && errno == ENOENT ? 404 : 403;
        if (fd >= 0)
            close(fd);
        respond_error(c, status, head, NULL);
        return;
    }
    start_headers(c, 200, content_type(real), (long long)st.st_size, NULL);
    if (head) {
        close(fd);
        return;
    }
    c->file_fd = fd;
    c->file_left = (long long)st.st_size;
}

/* True when the comma-separated header value lists `token` (RFC 9110 section 5.6.1). */
static int has_token(const char *value, const char *token)
{
    size_t tlen = strlen(token);
    for (const char *p = value; *p;) {
        size_t len;
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        len = strcspn(p, ", \t");
        if (len == tlen && strncasecmp(p, token, tlen) == 0)
            return 1;
        p += len;
    }
    return 0;
}

static void log_request(const conn *c)
{
    const char *sni = tls13_conn_server_name(c->tls), *alpn = tls13_conn_alpn(c->tls);
    log_line("%s \"%s %s %s\" %d %lld %s %s sni=%s alpn=%s", c->peer, c->method, c->path, c->version, c->status,
             c->body_bytes, tls13_cipher_suite_name(tls13_conn_cipher_suite(c->tls)),
             tls13_group_name(tls13_conn_group(c->tls)), sni ? sni : "-", alpn ? alpn : "-");
}

/* Parses the complete request at the start of c->req, queues its response
 * and returns the bytes it used; 0 while the request is incomplete. A
 * malformed request is answered with 400 and the connection closes after. */
static size_t handle_request(server *srv, conn *c)
{
    char *end = strstr(c->req, "\r\n\r\n"), *line, *save = NULL, target[2048];
    size_t used;
    int head, http10, conn_close = 0, conn_keep = 0, has_body = 0;
    if (!end && c->req_len < MAX_REQUEST && !memchr(c->req, '\0', c->req_len))
        return 0;
    snprintf(c->method, sizeof c->method, "-");
    snprintf(c->version, sizeof c->version, "-");
    if (!end) {
        c->keep_alive = 0;
        snprintf(c->path, sizeof c->path, "(malformed or over %d bytes)", MAX_REQUEST);
        respond_error(c, 400, 0, NULL);
        return c->req_len;
    }
    *end = '\0';
    used = (size_t)(end - c->req) + 4;
    line = strtok_r(c->req, "\r\n", &save);
    if (!line || sscanf(line, "%15s %2047s %15s", c->method, target, c->version) != 3 ||
        (strcmp(c->version, "HTTP/1.1") != 0 && strcmp(c->version, "HTTP/1.0") != 0) || target[0] != '/') {
        c->keep_alive = 0;
        snprintf(c->path, sizeof c->path, "%.200s", line ? line : "");
        respond_error(c, 400, 0, NULL);
        return used;
    }
    snprintf(c->path, sizeof c->path, "%.*s", (int)sizeof c->path - 1, target);
    http10 = strcmp(c->version, "HTTP/1.0") == 0;
    for (char *h = strtok_r(NULL, "\r\n", &save); h; h = strtok_r(NULL, "\r\n", &save)) {
        if (strncasecmp(h, "Connection:", 11) == 0) {
            conn_close |= has_token(h + 11, "close");
            conn_keep |= has_token(h + 11, "keep-alive");
        } else if (strncasecmp(h, "Transfer-Encoding:", 18) == 0) {
            has_body = 1;
        } else if (strncasecmp(h, "Content-Length:", 15) == 0) {
            has_body |= strtoll(h + 15, NULL, 10) != 0;
        }
    }
    /* RFC 9112 section 9.3: 1.1 persists unless "close"; 1.0 only with "keep-alive".
     * We do not read request bodies: a request with one is answered and the
     * connection closed, so its body is never mistaken for a request. */
    c->keep_alive = !has_body && (http10 ? conn_keep && !conn_close : !conn_close);
    head = strcmp(c->method, "HEAD") == 0;
    if (!head && strcmp(c->method, "GET") != 0)
        respond_error(c, 405, 0, "Allow: GET, HEAD\r\n");
    else if (has_body)
        respond_error(c, 400, head, NULL);
    else if (srv->root[0])
        respond_file(srv, c, target, head);
    else if (target[1] == '\0' || target[1] == '?')
        respond_status_page(c, head);
    else
        respond_error(c, 404, head, NULL);
    return used;
}

/* ---- Connections over the sans-IO engine ----------------------------------- */

static void conn_free(conn *c)
{
    if (c->file_fd >= 0)
        close(c->file_fd);
    tls13_conn_free(c->tls);
    close(c->fd);
    free(c->out);
    free(c);
}

static const char *conn_error(const conn *c, int rc)
{
    const char *text = tls13_conn_error_text(c->tls);
    return text && *text ? text : tls13_status_text(rc);
}

/* Sends what the engine has queued, as far as the socket takes it. */
static int flush_output(conn *c)
{
    for (;;) {
        const uint8_t *p;
        size_t len;
        ssize_t n;
        if (tls13_conn_output(c->tls, &p, &len) != TLS13_OK)
            return -1;
        if (len == 0)
            return 0;
        n = send(c->fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
        tls13_conn_output_done(c->tls, (size_t)n);
    }
}

static int output_pending(const conn *c)
{
    const uint8_t *p;
    size_t len = 0;
    return tls13_conn_output(c->tls, &p, &len) == TLS13_OK && len > 0;
}

/* Encrypts the queued response (then file contents) into the engine while it
 * has room. 1 when the response is complete, 0 when waiting for the socket,
 * -1 on failure. */
static int pump_response(conn *c)
{
    for (;;) {
        int n;
        if (c->out_off < c->out_len) {
            n = tls13_conn_write(c->tls, c->out + c->out_off, c->out_len - c->out_off);
            if (n == TLS13_ERR_WANT_WRITE) {
                if (flush_output(c) != 0)
                    return -1;
                if (output_pending(c))
                    return 0;
                continue;
            }
            if (n < 0) {
                log_line("%s: sending failed: %s", c->peer, conn_error(c, n));
                return -1;
            }
            c->out_off += (size_t)n;
        } else if (c->file_left > 0) {
            size_t want = c->file_left < FILE_CHUNK ? (size_t)c->file_left : FILE_CHUNK;
            ssize_t got;
            c->out_len = c->out_off = 0;
            if (c->out_cap < FILE_CHUNK) {
                char *p = realloc(c->out, FILE_CHUNK);
                if (!p)
                    return -1;
                c->out = p;
                c->out_cap = FILE_CHUNK;
            }
            got = read(c->file_fd, c->out, want);
            if (got <= 0) {
                log_line("%s: reading %s failed: %s", c->peer, c->path, got < 0 ? strerror(errno) : "file shrank");
                return -1;
            }
            c->out_len = (size_t)got;
            c->file_left -= got;
        } else {
            if (c->file_fd >= 0) {
                close(c->file_fd);
                c->file_fd = -1;
            }
            c->out_len = c->out_off = 0;
            return 1;
        }
    }
}

/* Feeds buffered input to the engine: the bytes it took, or -1 on a fatal
 * error. The engine stops taking input while decrypted data waits to be
 * read, so callers alternate this with read_app_data. */
static long feed_input(conn *c)
{
    long total = 0;
    while (c->in_len > 0) {
        size_t used = 0;
        int rc = tls13_conn_feed(c->tls, c->in, c->in_len, &used);
        if (rc != TLS13_OK) {
            log_line("%s: %s failed: %s", c->peer, c->state == ST_HANDSHAKE ? "handshake" : "connection",
                     conn_error(c, rc));
            flush_output(c); /* the alert, best effort */
            return -1;
        }
        memmove(c->in, c->in + used, c->in_len - used);
        c->in_len -= used;
        total += (long)used;
        if (used == 0)
            break;
    }
    return total;
}

/* Moves decrypted data into the request buffer: the bytes moved, or -1. */
static long read_app_data(conn *c)
{
    long total = 0;
    while (c->state != ST_HANDSHAKE && c->state != ST_CLOSING && !c->tls_closed && c->req_len < MAX_REQUEST) {
        int rc = tls13_conn_read(c->tls, c->req + c->req_len, MAX_REQUEST - c->req_len);
        if (rc == TLS13_ERR_WANT_READ)
            break;
        if (rc == TLS13_ERR_CLOSED) {
            c->tls_closed = 1; /* close_notify: answer what was asked, then close */
            break;
        }
        if (rc < 0) {
            log_line("%s: connection failed: %s", c->peer, conn_error(c, rc));
            return -1;
        }
        if (c->req_len == 0 && c->state == ST_REQUEST)
            c->deadline = now_ms() + request_timeout_ms; /* a slow client gets a bounded time per request */
        c->req_len += (size_t)rc;
        c->req[c->req_len] = '\0';
        total += rc;
    }
    return total;
}

/* Answers buffered requests one after another (pipelining): 1 when a
 * response completed, 0 when waiting for more input or the socket, -1. */
static int serve(server *srv, conn *c)
{
    int rc;
    if (c->state == ST_REQUEST && c->req_len > 0) {
        size_t used = handle_request(srv, c);
        if (used == 0)
            return 0;
        log_request(c);
        memmove(c->req, c->req + used, c->req_len - used);
        c->req_len -= used;
        c->req[c->req_len] = '\0';
        c->state = ST_RESPONSE;
        c->deadline = now_ms() + idle_timeout_ms;
    }
    if (c->state != ST_RESPONSE)
        return 0;
    rc = pump_response(c);
    if (rc <= 0)
        return rc;
    if (c->keep_alive && !c->tcp_eof && !c->tls_closed) {
        c->state = ST_REQUEST;
        c->deadline = now_ms() + (c->req_len ? request_timeout_ms : idle_timeout_ms);
    } else {
        tls13_conn_close(c->tls);
        c->state = ST_CLOSING;
        c->deadline = now_ms() + idle_timeout_ms;
    }
    return 1;
}

/* Moves the connection as far as its buffered input and the socket allow.
 * Returns 0 to keep it, -1 to drop it. */
static int progress(server *srv, conn *c)
{
    for (;;) {
        long fed = feed_input(c), got;
        int served;
        if (fed < 0)
            return -1;
        if (c->state == ST_HANDSHAKE && tls13_conn_handshake_done(c->tls)) {
            c->state = ST_REQUEST;
            c->deadline = now_ms() + idle_timeout_ms;
            if (srv->verbose)
                log_line("%s: handshake done: TLS 1.3 %s %s", c->peer,
                         tls13_cipher_suite_name(tls13_conn_cipher_suite(c->tls)),
                         tls13_group_name(tls13_conn_group(c->tls)));
        }
        got = read_app_data(c);
        if (got < 0)
            return -1;
        served = serve(srv, c);
        if (served < 0)
            return -1;
        if (fed == 0 && got == 0 && served == 0)
            break;
    }
    if (flush_output(c) != 0)
        return -1;
    if (c->state == ST_CLOSING && !output_pending(c))
        return -1;
    /* The client went away: nothing more can be sent or received. */
    if ((c->tcp_eof || c->tls_closed) && c->state != ST_RESPONSE && !output_pending(c))
        return -1;
    return 0;
}

static void on_readable(server *srv, conn **slot)
{
    conn *c = *slot;
    if (c->in_len < sizeof c->in && !c->tcp_eof) {
        ssize_t n = recv(c->fd, c->in + c->in_len, sizeof c->in - c->in_len, 0);
        if (n == 0) {
            c->tcp_eof = 1;
        } else if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                if (srv->verbose)
                    log_line("%s: receive failed: %s", c->peer, strerror(errno));
                conn_free(c);
                *slot = NULL;
                return;
            }
        } else {
            c->in_len += (size_t)n;
        }
    }
    if (c->tcp_eof && c->state == ST_HANDSHAKE && c->in_len == 0) {
        if (srv->verbose)
            log_line("%s: closed the connection during the handshake", c->peer);
        conn_free(c);
        *slot = NULL;
        return;
    }
    if (progress(srv, c) != 0) {
        conn_free(c);
        *slot = NULL;
    }
}

static void format_peer(const struct sockaddr *sa, socklen_t len, char *out, size_t cap)
{
    char host[INET6_ADDRSTRLEN] = "?", port[8] = "?";
    getnameinfo(sa, len, host, sizeof host, port, sizeof port, NI_NUMERICHOST | NI_NUMERICSERV);
    snprintf(out, cap, sa->sa_family == AF_INET6 ? "[%s]:%s" : "%s:%s", host, port);
}

static void accept_all(server *srv, int listener, conn **conns, size_t *n_open)
{
    for (;;) {
        struct sockaddr_storage ss;
        socklen_t len = sizeof ss;
        char peer[sizeof((conn *)0)->peer];
        conn *c;
        size_t i;
        int fd = accept(listener, (struct sockaddr *)&ss, &len), flags;
        if (fd < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && errno != ECONNABORTED)
                log_line("accept failed: %s", strerror(errno));
            return;
        }
        format_peer((struct sockaddr *)&ss, len, peer, sizeof peer);
        if (*n_open >= srv->max_conns) {
            log_line("%s: refusing connection: %zu connections open, the maximum (--max-connections)", peer, *n_open);
            close(fd);
            continue;
        }
        flags = fcntl(fd, F_GETFL);
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        fcntl(fd, F_SETFD, FD_CLOEXEC);
        c = calloc(1, sizeof *c);
        if (c)
            c->tls = tls13_conn_new(srv->cfg, NULL);
        if (!c || !c->tls) {
            log_line("%s: refusing connection: out of memory", peer);
            free(c);
            close(fd);
            continue;
        }
        c->fd = fd;
        c->file_fd = -1;
        c->state = ST_HANDSHAKE;
        c->deadline = now_ms() + handshake_timeout_ms;
        snprintf(c->peer, sizeof c->peer, "%s", peer);
        for (i = 0; conns[i]; i++)
            ;
        conns[i] = c;
        (*n_open)++;
    }
}

static void on_timeout(server *srv, conn *c)
{
    switch (c->state) {
    case ST_HANDSHAKE:
        log_line("%s: handshake timed out after %g s", c->peer, handshake_timeout_ms / 1000.0);
        break;
    case ST_REQUEST:
        if (c->req_len)
            log_line("%s: request timed out after %g s (incomplete headers)", c->peer, request_timeout_ms / 1000.0);
        else if (srv->verbose)
            log_line("%s: idle for %g s, closing", c->peer, idle_timeout_ms / 1000.0);
        tls13_conn_close(c->tls);
        flush_output(c);
        break;
    case ST_RESPONSE:
    case ST_CLOSING:
        log_line("%s: client stopped reading for %g s, dropping it", c->peer, idle_timeout_ms / 1000.0);
        break;
    }
}

/* ---- Start-up and the event loop --------------------------------------------- */

static int signal_pipe[2] = {-1, -1};

static void trace_line(void *arg, const char *line)
{
    (void)arg;
    log_line("trace: %s", line);
}

static void on_signal(int sig)
{
    int saved = errno;
    if (sig == SIGHUP)
        hangup_signal = 1;
    else
        stop_signal = sig;
    if (write(signal_pipe[1], "x", 1) < 0) {
        /* the pipe is full: a wake-up is already pending */
    }
    errno = saved;
}

static int listen_on(server *srv, const char *bind_addr, const char *port)
{
    struct addrinfo hints, *res, *ai;
    unsigned short chosen = 0;
    int rc;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    rc = getaddrinfo(bind_addr, port, &hints, &res);
    if (rc != 0) {
        fprintf(stderr, "%s: cannot listen on %s port %s: %s\n", prog, bind_addr ? bind_addr : "*", port,
                gai_strerror(rc));
        return -1;
    }
    for (ai = res; ai && srv->n_listeners < MAX_LISTENERS; ai = ai->ai_next) {
        struct sockaddr_storage ss;
        socklen_t len = sizeof ss;
        char where[INET6_ADDRSTRLEN + 8];
        int one = 1, fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (ai->ai_family == AF_INET6) /* separate IPv4 and IPv6 listeners */
            setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
        /* With --port 0, every listener uses the port the first one got. */
        if (chosen && ai->ai_family == AF_INET)
            ((struct sockaddr_in *)ai->ai_addr)->sin_port = htons(chosen);
        else if (chosen && ai->ai_family == AF_INET6)
            ((struct sockaddr_in6 *)ai->ai_addr)->sin6_port = htons(chosen);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 128) != 0 ||
            getsockname(fd, (struct sockaddr *)&ss, &len) != 0) {
            format_peer(ai->ai_addr, ai->ai_addrlen, where, sizeof where);
            fprintf(stderr, "%s: cannot listen on %s: %s\n", prog, where, strerror(errno));
            close(fd);
            continue;
        }
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        chosen = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                                : ((struct sockaddr_in *)&ss)->sin_port);
        format_peer((struct sockaddr *)&ss, len, where, sizeof where);
        log_line("listening on https://%s/", where);
        srv->listeners[srv->n_listeners++] = fd;
    }
    freeaddrinfo(res);
    return srv->n_listeners > 0 ? 0 : -1;
}

static void run(server *srv)
{
    size_t cap = srv->max_conns, n_open = 0;
    conn **conns = calloc(cap + 1, sizeof *conns); /* +1: a NULL sentinel for free slots */
    struct pollfd *pfds = calloc(srv->n_listeners + 1 + cap, sizeof *pfds);
    size_t *polled = calloc(cap, sizeof *polled); /* conns[] index of each polled connection */
    if (!conns || !pfds || !polled) {
        fprintf(stderr, "%s: out of memory\n", prog);
        stop_signal = -1;
    }
    while (!stop_signal) {
        size_t np = 0, nl, i;
        long long now = now_ms(), next = now + 60000;
        int timeout, rc;
        pfds[np].fd = signal_pipe[0];
        pfds[np++].events = POLLIN;
        for (i = 0; i < srv->n_listeners; i++) {
            pfds[np].fd = srv->listeners[i];
            pfds[np++].events = POLLIN;
        }
        nl = np;
        for (i = 0; i < cap; i++) {
            conn *c = conns[i];
            if (!c)
                continue;
            pfds[np].fd = c->fd;
            pfds[np].events = (short)((c->in_len < sizeof c->in && !c->tcp_eof ? POLLIN : 0) |
                                      (output_pending(c) ? POLLOUT : 0));
            pfds[np].revents = 0;
            polled[np - nl] = i;
            np++;
            if (c->deadline < next)
                next = c->deadline;
        }
        timeout = next > now ? (int)(next - now) : 0;
        rc = poll(pfds, np, timeout);
        if (rc < 0 && errno != EINTR) {
            log_line("poll failed: %s", strerror(errno));
            break;
        }
        if (rc < 0 || stop_signal)
            continue;
        if (pfds[0].revents & POLLIN) {
            char drain[64];
            if (read(signal_pipe[0], drain, sizeof drain) < 0) {
                /* nothing to drain */
            }
        }
        if (hangup_signal) {
            hangup_signal = 0;
            log_line("SIGHUP: ignored; tls13-server reloads nothing (certificates are read at start-up), restart it "
                     "to load new ones");
        }
        now = now_ms();
        for (i = nl; i < np; i++) {
            size_t slot = polled[i - nl];
            conn *c = conns[slot];
            if (pfds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                on_readable(srv, &conns[slot]);
            } else if (pfds[i].revents & POLLOUT) {
                if (c->state == ST_RESPONSE || c->state == ST_CLOSING)
                    c->deadline = now + idle_timeout_ms; /* the client is reading: progress */
                if (progress(srv, c) != 0) {
                    conn_free(c);
                    conns[slot] = NULL;
                }
            }
            /* A deadline passes however the client trickles its bytes. */
            if (conns[slot] && conns[slot]->deadline <= now) {
                on_timeout(srv, conns[slot]);
                conn_free(conns[slot]);
                conns[slot] = NULL;
            }
            if (!conns[slot])
                n_open--;
        }
        for (i = 1; i < nl; i++)
            if (pfds[i].revents & POLLIN)
                accept_all(srv, pfds[i].fd, conns, &n_open);
    }
    if (stop_signal > 0)
        log_line("received %s: shutting down, closing %zu connection%s", stop_signal == SIGINT ? "SIGINT" : "SIGTERM",
                 n_open, n_open == 1 ? "" : "s");
    for (size_t i = 0; conns && i < cap; i++) {
        if (!conns[i])
            continue;
        if (tls13_conn_handshake_done(conns[i]->tls)) {
            tls13_conn_close(conns[i]->tls); /* close_notify, as far as the socket takes it now */
            flush_output(conns[i]);
        }
        conn_free(conns[i]);
    }
    free(conns);
    free(pfds);
    free(polled);
}

int main(int argc, char **argv)
{
    const char *certs[MAX_PAIRS], *keys[MAX_PAIRS], *alpn[MAX_ALPN];
    const char *port = "8443", *bind_addr = NULL, *root = NULL, *client_ca = NULL;
    char alpn_default[] = "http/1.1,http/1.0", *alpn_arg = alpn_default;
    size_t n_certs = 0, n_keys = 0, n_alpn = 0;
    int require_client_cert = 0, status = 1;
    struct sigaction sa;
    server srv;

    memset(&srv, 0, sizeof srv);
    srv.max_conns = DEFAULT_MAX_CONNECTIONS;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        char *val;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            srv.verbose = 1;
            continue;
        }
        if (strcmp(a, "--require-client-cert") == 0) {
            require_client_cert = 1;
            continue;
        }
        if (a[0] != '-' || i + 1 >= argc) {
            fprintf(stderr, "%s: %s %s (see --help)\n", prog, a, a[0] != '-' ? "is not an option" : "needs a value");
            return 2;
        }
        val = argv[++i];
        if (strcmp(a, "--cert") == 0 || strcmp(a, "--key") == 0) {
            int is_cert = a[2] == 'c';
            if ((is_cert ? n_certs : n_keys) == MAX_PAIRS) {
                fprintf(stderr, "%s: at most %d --cert/--key pairs\n", prog, MAX_PAIRS);
                return 2;
            }
            if (is_cert)
                certs[n_certs++] = val;
            else
                keys[n_keys++] = val;
        } else if (strcmp(a, "--port") == 0) {
            char *end;
            long p = strtol(val, &end, 10);
            if (*end || end == val || p < 0 || p > 65535) {
                fprintf(stderr, "%s: --port: \"%s\" is not a port number\n", prog, val);
                return 2;
            }
            port = val;
        } else if (strcmp(a, "--bind") == 0) {
            bind_addr = val;
        } else if (strcmp(a, "--root") == 0) {
            root = val;
        } else if (strcmp(a, "--client-ca") == 0) {
            client_ca = val;
        } else if (strcmp(a, "--alpn") == 0) {
            alpn_arg = val;
        } else if (strcmp(a, "--handshake-timeout") == 0 || strcmp(a, "--idle-timeout") == 0) {
            char *end;
            double sec = strtod(val, &end);
            if (*end || end == val || !(sec > 0) || sec > 86400) {
                fprintf(stderr, "%s: %s: \"%s\" is not a number of seconds between 0 and 86400\n", prog, a, val);
                return 2;
            }
            if (a[2] == 'h')
                handshake_timeout_ms = request_timeout_ms = (int)(sec * 1000 + 0.5) + (sec * 1000 < 0.5);
            else
                idle_timeout_ms = (int)(sec * 1000 + 0.5) + (sec * 1000 < 0.5);
        } else if (strcmp(a, "--max-connections") == 0) {
            char *end;
            long m = strtol(val, &end, 10);
            if (*end || end == val || m < 1 || m > 65536) {
                fprintf(stderr, "%s: --max-connections: \"%s\" is not a number from 1 to 65536\n", prog, val);
                return 2;
            }
            srv.max_conns = (size_t)m;
        } else {
            fprintf(stderr, "%s: unknown option %s (see --help)\n", prog, a);
            return 2;
        }
    }
    if (n_certs == 0 || n_certs != n_keys) {
        fprintf(stderr, "%s: give each --cert its --key (got %zu certificates, %zu keys); see --help\n", prog,
                n_certs, n_keys);
        return 2;
    }
    if (require_client_cert && !client_ca) {
        fprintf(stderr, "%s: --require-client-cert needs --client-ca\n", prog);
        return 2;
    }
    for (char *save = NULL, *tok = strtok_r(alpn_arg, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (n_alpn == MAX_ALPN) {
            fprintf(stderr, "%s: --alpn: at most %d protocols\n", prog, MAX_ALPN);
            return 2;
        }
        alpn[n_alpn++] = tok;
    }
    if (root) {
        struct stat st;
        if (!realpath(root, srv.root) || stat(srv.root, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "%s: --root %s is not a directory\n", prog, root);
            return 2;
        }
    }

    srv.cfg = tls13_config_new(TLS13_SERVER);
    if (!srv.cfg) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 1;
    }
    for (size_t i = 0; i < n_certs; i++) {
        if (tls13_config_add_certificate(srv.cfg, certs[i], keys[i]) != TLS13_OK) {
            fprintf(stderr, "%s: --cert %s --key %s: %s\n", prog, certs[i], keys[i], tls13_config_error_text(srv.cfg));
            goto done;
        }
    }
    if (client_ca) {
        if (tls13_config_load_trust_file(srv.cfg, client_ca) != TLS13_OK) {
            fprintf(stderr, "%s: --client-ca %s: %s\n", prog, client_ca, tls13_config_error_text(srv.cfg));
            goto done;
        }
        tls13_config_set_verify(srv.cfg, require_client_cert ? TLS13_VERIFY_REQUIRED : TLS13_VERIFY_OPTIONAL);
    }
    if (n_alpn && tls13_config_set_alpn(srv.cfg, alpn, n_alpn) != TLS13_OK) {
        fprintf(stderr, "%s: --alpn: %s\n", prog, tls13_config_error_text(srv.cfg));
        goto done;
    }

    if (srv.verbose)
        tls13_config_set_trace(srv.cfg, trace_line, NULL);
    if (pipe(signal_pipe) != 0) {
        fprintf(stderr, "%s: pipe: %s\n", prog, strerror(errno));
        goto done;
    }
    fcntl(signal_pipe[1], F_SETFL, O_NONBLOCK);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    if (listen_on(&srv, bind_addr, port) != 0)
        goto done;
    log_line("serving %s with %zu certificate%s%s", srv.root[0] ? srv.root : "the TLS status page", n_certs,
             n_certs == 1 ? "" : "s", client_ca ? (require_client_cert ? ", client certificates required" :
                                                                         ", client certificates requested") : "");
    run(&srv);
    status = stop_signal > 0 ? 0 : 1;
done:
    for (size_t i = 0; i < srv.n_listeners; i++)
        close(srv.listeners[i]);
    if (signal_pipe[0] >= 0) {
        close(signal_pipe[0]);
        close(signal_pipe[1]);
    }
    tls13_config_free(srv.cfg);
    return status;
}
