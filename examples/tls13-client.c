/*
 * tls13-client: fetch an https:// URL over TLS 1.3 with libtls13 and print the
 * body, with a curl -v style trace of the connection on request.
 *
 *   tls13-client [options] https://host[:port]/path
 *
 * It uses only the public API (tls13.h): a config, one connection, the
 * blocking wrapper over a connected socket, the trace and key log callbacks.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "tls13.h"

/* Exit statuses: one per failure class, so scripts can tell them apart. */
enum {
    EXIT_OK = 0,
    EXIT_OTHER = 1,     /* out of memory, output errors */
    EXIT_USAGE = 2,     /* bad options or URL, unreadable certificate/key/CA files */
    EXIT_CONNECT = 3,   /* DNS, refused, unreachable, timed out */
    EXIT_HANDSHAKE = 4, /* alerts, protocol errors, no common parameters */
    EXIT_CERT = 5,      /* untrusted, expired, wrong host, pin mismatch */
    EXIT_HTTP = 6       /* malformed or truncated response, HTTP status >= 400 */
};

#define MAX_LIST 16
#define MAX_HEADER_BYTES (64 * 1024)
#define IO_CHUNK 16384

static const char *prog = "tls13-client";
static int verbose;

typedef struct options {
    const char *url, *cafile, *capath, *cert, *key, *keylog, *sni, *connect_to;
    const char *alpn[MAX_LIST];
    size_t n_alpn;
    uint16_t groups[MAX_LIST], suites[MAX_LIST];
    size_t n_groups, n_suites;
    uint8_t pins[MAX_LIST][32];
    size_t n_pins;
    int insecure;
    int timeout_ms;
} options;

typedef struct url {
    char host[256]; /* without brackets for IPv6 literals */
    char port[8];
    char path[2048];
    char authority[300]; /* the Host header: host[:port] as written */
} url;

/* Prints "tls13-client: <reason>" and returns the exit status. */
static int die(int status, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return status;
}

static void info(const char *fmt, ...)
{
    va_list ap;
    if (!verbose)
        return;
    fputs("* ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void usage(FILE *out)
{
    fprintf(out,
            "usage: %s [options] https://host[:port]/path\n"
            "\n"
            "Fetches the URL over TLS 1.3 (HTTP/1.1 GET) and writes the body to stdout.\n"
            "\n"
            "  -v, --verbose          trace the connection, handshake, certificates and HTTP headers to stderr\n"
            "  --cafile FILE          trust the CA certificates in FILE (PEM) instead of the system store\n"
            "  --capath DIR           trust the CA certificates in DIR (*.pem, *.crt)\n"
            "  --insecure             do not verify the server certificate (dangerous: anyone can impersonate it)\n"
            "  --pin sha256//BASE64   require this SHA-256 SubjectPublicKeyInfo hash in the chain; ';' separates\n"
            "                         several (as curl --pinnedpubkey)\n"
            "  --alpn LIST            ALPN protocols to offer, comma separated (default: http/1.1)\n"
            "  --cert FILE --key FILE client certificate chain and key (PEM) for servers that ask for one\n"
            "  --keylog FILE          append the session's secrets to FILE in NSS key log format (for Wireshark);\n"
            "                         SSLKEYLOGFILE in the environment does the same\n"
            "  --groups LIST          key exchange groups in preference order, e.g. X25519MLKEM768,x25519,secp256r1\n"
            "  --ciphers LIST         cipher suites in preference order, e.g. TLS_AES_256_GCM_SHA384\n"
            "  --sni NAME             send NAME as server name and verify the certificate for it (default: URL host)\n"
            "  --connect-to HOST:PORT connect there instead of the URL's host and port (SNI, Host header unchanged)\n"
            "  --timeout S            seconds allowed for the connect and for each read or write (default: 30)\n"
            "  -h, --help             this text\n"
            "\n"
            "Exit status:\n"
            "  0  success\n"
            "  1  other failure (out of memory, cannot write output)\n"
            "  2  usage error: bad option, URL or name; unreadable certificate, key or CA file\n"
            "  3  connect failed: DNS lookup, connection refused, network unreachable, timed out\n"
            "  4  TLS handshake failed: alert from the server, protocol error, no common parameters\n"
            "  5  certificate verify failed: untrusted, expired, wrong host name, pin mismatch\n"
            "  6  HTTP failed: malformed or truncated response, status 400 or above\n"
            "Each failure prints one line on stderr naming the cause.\n",
            prog);
}

/* ---- Option parsing ---------------------------------------------------- */

static int b64_value(char c)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *p = c ? strchr(alphabet, c) : NULL;
    return p ? (int)(p - alphabet) : -1;
}

/* Standard base64 of exactly 32 bytes: 43 characters and one '='. */
static int decode_sha256_b64(const char *s, size_t len, uint8_t out[32])
{
    uint32_t acc = 0;
    int bits = 0;
    size_t n = 0;
    if (len != 44 || s[43] != '=')
        return -1;
    for (size_t i = 0; i < 43; i++) {
        int v = b64_value(s[i]);
        if (v < 0)
            return -1;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (uint8_t)(acc >> bits);
        }
    }
    return n == 32 && (acc & ((1u << bits) - 1)) == 0 ? 0 : -1;
}

static int parse_pins(options *o, const char *arg)
{
    const char *p = arg;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len < 8 || strncmp(p, "sha256//", 8) != 0 || o->n_pins == MAX_LIST ||
            decode_sha256_b64(p + 8, len - 8, o->pins[o->n_pins]) != 0)
            return die(EXIT_USAGE, "--pin: \"%.*s\" is not sha256//<base64 of 32 bytes>", (int)len, p);
        o->n_pins++;
        p += len + (end ? 1 : 0);
    }
    return o->n_pins ? 0 : die(EXIT_USAGE, "--pin: no pin given");
}

/* Splits a comma-separated list in place (arg is argv memory). */
static int split_list(char *arg, const char **items, size_t *n, const char *option)
{
    *n = 0;
    for (char *save = NULL, *tok = strtok_r(arg, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (*n == MAX_LIST)
            return die(EXIT_USAGE, "%s: more than %d entries", option, MAX_LIST);
        items[(*n)++] = tok;
    }
    return *n ? 0 : die(EXIT_USAGE, "%s: empty list", option);
}

static int parse_codes(char *arg, uint16_t *codes, size_t *n, const char *option,
                       uint16_t (*from_name)(const char *), const char *kind)
{
    const char *names[MAX_LIST];
    int rc = split_list(arg, names, n, option);
    if (rc)
        return rc;
    for (size_t i = 0; i < *n; i++) {
        codes[i] = from_name(names[i]);
        if (codes[i] == 0)
            return die(EXIT_USAGE, "%s: unknown %s \"%s\"", option, kind, names[i]);
    }
    return 0;
}

static int parse_timeout(const char *arg, int *ms)
{
    char *end;
    double s = strtod(arg, &end);
    if (end == arg || *end || !(s > 0) || s > 86400)
        return die(EXIT_USAGE, "--timeout: \"%s\" is not a number of seconds between 0 and 86400", arg);
    *ms = (int)(s * 1000 + 0.5);
    if (*ms == 0)
        *ms = 1;
    return 0;
}

static int parse_options(int argc, char **argv, options *o)
{
    static char default_alpn[] = "http/1.1";
    int rc = 0;
    memset(o, 0, sizeof *o);
    o->timeout_ms = 30000;
    for (int i = 1; i < argc && rc == 0; i++) {
        const char *a = argv[i];
        char *val = NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(EXIT_OK);
        }
        if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            verbose = 1;
            continue;
        }
        if (strcmp(a, "--insecure") == 0 || strcmp(a, "-k") == 0) {
            o->insecure = 1;
            continue;
        }
        if (a[0] != '-') {
            if (o->url)
                return die(EXIT_USAGE, "one URL only (got \"%s\" and \"%s\")", o->url, a);
            o->url = a;
            continue;
        }
        /* Every other option takes a value. (Resumption options --resume,
         * --early-data will join this table with the engine's ticket work.) */
        if (i + 1 >= argc)
            return die(EXIT_USAGE, "%s needs a value (see --help)", a);
        val = argv[++i];
        if (strcmp(a, "--cafile") == 0)
            o->cafile = val;
        else if (strcmp(a, "--capath") == 0)
            o->capath = val;
        else if (strcmp(a, "--pin") == 0 || strcmp(a, "--pinnedpubkey") == 0)
            rc = parse_pins(o, val);
        else if (strcmp(a, "--alpn") == 0)
            rc = split_list(val, o->alpn, &o->n_alpn, "--alpn");
        else if (strcmp(a, "--cert") == 0)
            o->cert = val;
        else if (strcmp(a, "--key") == 0)
            o->key = val;
        else if (strcmp(a, "--keylog") == 0)
            o->keylog = val;
        else if (strcmp(a, "--groups") == 0)
            rc = parse_codes(val, o->groups, &o->n_groups, "--groups", tls13_group_from_name, "group");
        else if (strcmp(a, "--ciphers") == 0)
            rc = parse_codes(val, o->suites, &o->n_suites, "--ciphers", tls13_cipher_suite_from_name, "cipher suite");
        else if (strcmp(a, "--sni") == 0)
            o->sni = val;
        else if (strcmp(a, "--connect-to") == 0)
            o->connect_to = val;
        else if (strcmp(a, "--timeout") == 0)
            rc = parse_timeout(val, &o->timeout_ms);
        else
            return die(EXIT_USAGE, "unknown option %s (see --help)", a);
    }
    if (rc)
        return rc;
    if (!o->url)
        return die(EXIT_USAGE, "no URL given (usage: %s [options] https://host[:port]/path; see --help)", prog);
    if ((o->cert == NULL) != (o->key == NULL))
        return die(EXIT_USAGE, "--cert and --key go together");
    if (o->insecure && (o->cafile || o->capath || o->n_pins))
        return die(EXIT_USAGE, "--insecure cannot be combined with --cafile, --capath or --pin");
    if (o->n_alpn == 0) {
        o->alpn[0] = default_alpn;
        o->n_alpn = 1;
    }
    if (!o->keylog) {
        const char *env = getenv("SSLKEYLOGFILE");
        if (env && *env)
            o->keylog = env;
    }
    return 0;
}

/* https://host[:port][/path]; host may be an [IPv6] literal. */
static int parse_url(const char *s, url *u)
{
    const char *p, *host_end, *auth_end;
    size_t host_len;
    memset(u, 0, sizeof *u);
    if (strncasecmp(s, "https://", 8) != 0)
        return die(EXIT_USAGE, "\"%s\" is not an https:// URL", s);
    p = s + 8;
    auth_end = p + strcspn(p, "/?#");
    if (*p == '[') {
        host_end = memchr(p, ']', (size_t)(auth_end - p));
        if (!host_end)
            return die(EXIT_USAGE, "\"%s\": unterminated [IPv6 address]", s);
        host_len = (size_t)(host_end - p - 1);
        memcpy(u->host, p + 1, host_len < sizeof u->host ? host_len : 0);
        host_end++;
    } else {
        host_end = p + strcspn(p, ":/?#");
        host_len = (size_t)(host_end - p);
        memcpy(u->host, p, host_len < sizeof u->host ? host_len : 0);
    }
    if (host_len == 0 || host_len >= sizeof u->host)
        return die(EXIT_USAGE, "\"%s\": missing or overlong host name", s);
    if (host_end < auth_end) {
        size_t port_len = (size_t)(auth_end - host_end - 1);
        char *end;
        long port;
        if (*host_end != ':' || port_len == 0 || port_len >= sizeof u->port)
            return die(EXIT_USAGE, "\"%s\": bad port", s);
        memcpy(u->port, host_end + 1, port_len);
        port = strtol(u->port, &end, 10);
        if (*end || port < 1 || port > 65535)
            return die(EXIT_USAGE, "\"%s\": port must be 1 to 65535", s);
    } else {
        strcpy(u->port, "443");
    }
    if ((size_t)(auth_end - p) >= sizeof u->authority)
        return die(EXIT_USAGE, "\"%s\": host too long", s);
    memcpy(u->authority, p, (size_t)(auth_end - p));
    if (*auth_end == '#' || *auth_end == '\0')
        strcpy(u->path, "/");
    else if (snprintf(u->path, sizeof u->path, "%s%.*s", *auth_end == '?' ? "/" : "",
                      (int)strcspn(auth_end, "#"), auth_end) >= (int)sizeof u->path)
        return die(EXIT_USAGE, "URL path too long");
    for (const char *c = u->path; *c; c++)
        if ((unsigned char)*c <= ' ' || *c == 0x7f)
            return die(EXIT_USAGE, "\"%s\": the path has spaces or control characters (percent-encode them)", s);
    return 0;
}

/* ---- Connecting -------------------------------------------------------- */

static int wait_fd(int fd, short events, int timeout_ms)
{
    struct pollfd pfd;
    int rc;
    pfd.fd = fd;
    pfd.events = events;
    pfd.revents = 0;
    do
        rc = poll(&pfd, 1, timeout_ms > 0 ? timeout_ms : -1);
    while (rc < 0 && errno == EINTR);
    return rc;
}

/* Tries each address in turn with a non-blocking connect bounded by the
 * timeout; returns a connected, blocking socket or -1 with *why set. */
static int connect_to(const char *host, const char *port, int timeout_ms, char *why, size_t why_len)
{
    struct addrinfo hints, *res, *ai;
    int fd = -1, rc;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM; /* no AI_ADDRCONFIG: it can hide ::1 or 127.0.0.1 on loopback-only hosts */
    rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0) {
        snprintf(why, why_len, "could not resolve host %s: %s", host, gai_strerror(rc));
        return -1;
    }
    snprintf(why, why_len, "no address for %s", host);
    for (ai = res; ai; ai = ai->ai_next) {
        char addr[INET6_ADDRSTRLEN] = "?";
        int err = 0, flags;
        socklen_t len = sizeof err;
        getnameinfo(ai->ai_addr, ai->ai_addrlen, addr, sizeof addr, NULL, 0, NI_NUMERICHOST);
        info("Connecting to %s (%s) port %s", host, addr, port);
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) {
            snprintf(why, why_len, "socket: %s", strerror(errno));
            continue;
        }
        flags = fcntl(fd, F_GETFL);
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            if (errno != EINPROGRESS) {
                err = errno;
            } else {
                rc = wait_fd(fd, POLLOUT, timeout_ms);
                if (rc == 0)
                    err = ETIMEDOUT;
                else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
                    err = errno;
            }
        }
        if (err == 0) {
            fcntl(fd, F_SETFL, flags); /* the blocking wrapper bounds each I/O itself */
            info("Connected to %s (%s) port %s", host, addr, port);
            freeaddrinfo(res);
            return fd;
        }
        if (err == ETIMEDOUT)
            snprintf(why, why_len, "connection to %s (%s) port %s timed out after %d ms", host, addr, port, timeout_ms);
        else
            snprintf(why, why_len, "could not connect to %s (%s) port %s: %s", host, addr, port, strerror(err));
        info("%s", why);
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return -1;
}

/* ---- TLS --------------------------------------------------------------- */

static void trace_line(void *arg, const char *line)
{
    (void)arg;
    fprintf(stderr, "* %s\n", line);
}

static void keylog_line(void *arg, const char *line)
{
    FILE *f = arg;
    fprintf(f, "%s\n", line);
    fflush(f);
}

static int configure(const options *o, tls13_config *cfg, FILE **keylog)
{
    int rc = TLS13_OK;
    const char *what = "";
    if (o->insecure) {
        fprintf(stderr, "%s: WARNING: --insecure: the server's certificate is NOT verified; anyone on the path can "
                        "read and change this connection\n", prog);
        tls13_config_set_verify(cfg, TLS13_VERIFY_NONE);
    }
    if (rc == TLS13_OK && o->cafile)
        rc = tls13_config_load_trust_file(cfg, o->cafile), what = "--cafile";
    if (rc == TLS13_OK && o->capath)
        rc = tls13_config_load_trust_dir(cfg, o->capath), what = "--capath";
    for (size_t i = 0; rc == TLS13_OK && i < o->n_pins; i++)
        rc = tls13_config_add_pin(cfg, o->pins[i]), what = "--pin";
    if (rc == TLS13_OK && o->cert)
        rc = tls13_config_add_certificate(cfg, o->cert, o->key), what = "--cert/--key";
    if (rc == TLS13_OK)
        rc = tls13_config_set_alpn(cfg, o->alpn, o->n_alpn), what = "--alpn";
    if (rc == TLS13_OK && o->n_groups)
        rc = tls13_config_set_groups(cfg, o->groups, o->n_groups), what = "--groups";
    if (rc == TLS13_OK && o->n_suites)
        rc = tls13_config_set_cipher_suites(cfg, o->suites, o->n_suites), what = "--ciphers";
    if (rc != TLS13_OK) {
        const char *text = tls13_config_error_text(cfg);
        return die(EXIT_USAGE, "%s: %s", what, text && *text ? text : tls13_status_text(rc));
    }
    if (verbose)
        tls13_config_set_trace(cfg, trace_line, NULL);
    if (o->keylog) {
        *keylog = fopen(o->keylog, "a");
        if (!*keylog)
            return die(EXIT_USAGE, "cannot open key log file %s: %s", o->keylog, strerror(errno));
        info("Writing TLS secrets to %s (key log; for debugging only)", o->keylog);
        tls13_config_set_keylog(cfg, keylog_line, *keylog);
    }
    return 0;
}

static void print_chain(const tls13_conn *conn)
{
    size_t n = tls13_conn_peer_cert_count(conn);
    if (!verbose || n == 0)
        return;
    info("Server certificate chain (%zu certificate%s):", n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const uint8_t *der = tls13_conn_peer_cert(conn, i, &len);
        tls13_cert_info ci;
        if (!der || tls13_cert_describe(der, len, &ci) != TLS13_OK) {
            info(" %zu (%zu bytes, could not be described)", i, len);
            continue;
        }
        info(" %zu subject: %s", i, ci.subject);
        info("   issuer:  %s", ci.issuer);
        info("   valid:   %s .. %s", ci.not_before, ci.not_after);
        if (ci.sans[0])
            info("   SAN:     %s", ci.sans);
    }
}

/* The exit status for a failed handshake, from the status code. */
static int handshake_failure(const tls13_conn *conn, int rc, const char *host, const char *port, int timeout_ms)
{
    const char *text = tls13_conn_error_text(conn);
    if (!text || !*text)
        text = tls13_status_text(rc);
    switch (rc) {
    case TLS13_ERR_CERT_VERIFY:
        print_chain(conn);
        /* The engine's sentence starts "certificate verify failed: ..." */
        if (strncmp(text, "certificate verify failed", 25) == 0)
            return die(EXIT_CERT, "%s", text);
        return die(EXIT_CERT, "certificate verify failed: %s", text);
    case TLS13_ERR_TIMEOUT:
        return die(EXIT_CONNECT, "timed out after %d ms waiting for the TLS handshake with %s port %s", timeout_ms,
                   host, port);
    case TLS13_ERR_NO_MEMORY:
    case TLS13_ERR_INTERNAL:
        return die(EXIT_OTHER, "%s", text);
    default:
        return die(EXIT_HANDSHAKE, "TLS handshake failed: %s", text);
    }
}

static void report_handshake(const tls13_conn *conn, const options *o)
{
    const char *alpn = tls13_conn_alpn(conn);
    uint16_t scheme = tls13_conn_signature_scheme(conn);
    if (!verbose)
        return;
    info("TLS 1.3 / %s / %s", tls13_cipher_suite_name(tls13_conn_cipher_suite(conn)),
         tls13_group_name(tls13_conn_group(conn)));
    info("Server signature: %s", scheme ? tls13_signature_scheme_name(scheme) : "(none)");
    if (alpn)
        info("ALPN: server accepted %s", alpn);
    else
        info("ALPN: server did not agree to a protocol");
    print_chain(conn);
    if (o->insecure)
        info("certificate NOT verified (--insecure)");
    else
        info("certificate verify ok%s", o->n_pins ? " (public key pin matched)" : "");
}

/* ---- HTTP/1.1 (RFC 9112) ----------------------------------------------- */

typedef struct http {
    tls13_conn *conn;
    uint8_t buf[IO_CHUNK];
    size_t start, end;  /* unread bytes buf[start..end) */
    int eof;            /* the server closed the TLS connection (close_notify) */
    int io_error;       /* reading failed with status rc; *why says how */
    int rc;
    long long received; /* decrypted bytes so far */
    int timeout_ms;
    char why[300];
} http;

/* Reads more bytes into the buffer: 1, 0 at close_notify, -1 on error. */
static int http_fill(http *h)
{
    int n;
    if (h->eof)
        return 0;
    if (h->start > 0) {
        memmove(h->buf, h->buf + h->start, h->end - h->start);
        h->end -= h->start;
        h->start = 0;
    }
    if (h->end == sizeof h->buf)
        return 1;
    n = tls13_read(h->conn, h->buf + h->end, sizeof h->buf - h->end);
    if (n > 0) {
        h->end += (size_t)n;
        h->received += n;
        return 1;
    }
    if (n == 0) {
        h->eof = 1;
        return 0;
    }
    h->io_error = 1;
    h->rc = n;
    snprintf(h->why, sizeof h->why, "%s",
             *tls13_conn_error_text(h->conn) ? tls13_conn_error_text(h->conn) : tls13_status_text(n));
    return -1;
}

/* One CRLF-terminated line (the CR optional), NUL-terminated in place. */
static char *http_line(http *h)
{
    for (;;) {
        char *nl = memchr(h->buf + h->start, '\n', h->end - h->start);
        if (nl) {
            char *line = (char *)h->buf + h->start;
            *nl = '\0';
            if (nl > line && nl[-1] == '\r')
                nl[-1] = '\0';
            h->start = (size_t)((uint8_t *)nl - h->buf) + 1;
            return line;
        }
        if (h->end - h->start == sizeof h->buf) {
            snprintf(h->why, sizeof h->why, "a response line is longer than %zu bytes", sizeof h->buf);
            return NULL;
        }
        if (http_fill(h) <= 0) {
            if (!h->io_error)
                snprintf(h->why, sizeof h->why, "the server closed the connection in the middle of the headers");
            return NULL;
        }
    }
}

/* Copies up to `want` body bytes to stdout (want < 0: until close). */
static int http_copy(http *h, long long want, long long *copied)
{
    while (want != 0) {
        size_t avail = h->end - h->start, n;
        if (avail == 0) {
            int rc = http_fill(h);
            if (rc < 0)
                return -1;
            if (rc == 0)
                return want < 0 ? 0 : -1;
            continue;
        }
        n = want < 0 || (long long)avail < want ? avail : (size_t)want;
        if (fwrite(h->buf + h->start, 1, n, stdout) != n)
            return -2;
        h->start += n;
        *copied += (long long)n;
        if (want > 0)
            want -= (long long)n;
    }
    return 0;
}

static int send_request(tls13_conn *conn, const url *u)
{
    char req[4096];
    int n = snprintf(req, sizeof req,
                     "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: tls13-client/" TLS13_VERSION_STRING
                     "\r\nAccept: */*\r\nConnection: close\r\n\r\n",
                     u->path, u->authority);
    int rc;
    if (n < 0 || n >= (int)sizeof req)
        return die(EXIT_USAGE, "request too long");
    if (verbose) {
        char *copy = strdup(req), *save = NULL;
        for (char *l = copy ? strtok_r(copy, "\r\n", &save) : NULL; l; l = strtok_r(NULL, "\r\n", &save))
            fprintf(stderr, "> %s\n", l);
        fprintf(stderr, ">\n");
        free(copy);
    }
    rc = tls13_write(conn, req, (size_t)n);
    if (rc != TLS13_OK)
        return die(rc == TLS13_ERR_TIMEOUT ? EXIT_CONNECT : EXIT_HTTP, "sending the request failed: %s",
                   *tls13_conn_error_text(conn) ? tls13_conn_error_text(conn) : tls13_status_text(rc));
    return 0;
}

/* A read that failed below HTTP: the TLS layer's class decides the status.
 * (A server that rejects our client certificate does so after our side of
 * the handshake is done, with an alert before any response: that is still a
 * handshake failure.) */
static int tls_read_failure(http *h, const char *what)
{
    switch (h->rc) {
    case TLS13_ERR_TIMEOUT:
        return die(EXIT_CONNECT, "timed out after %d ms waiting for the response", h->timeout_ms);
    case TLS13_ERR_CERT_VERIFY:
        return die(EXIT_CERT, "%s", h->why);
    case TLS13_ERR_PEER_ALERT:
    case TLS13_ERR_PROTOCOL:
    case TLS13_ERR_HANDSHAKE_FAILURE:
        return die(EXIT_HANDSHAKE, "%s: %s", h->received ? "TLS connection failed" : "TLS handshake failed", h->why);
    case TLS13_ERR_NO_MEMORY:
    case TLS13_ERR_INTERNAL:
        return die(EXIT_OTHER, "%s", h->why);
    default:
        return die(EXIT_HTTP, "%s: %s", what, h->why);
    }
}

static int http_fail(http *h, const char *what)
{
    if (h->io_error)
        return tls_read_failure(h, what);
    return die(EXIT_HTTP, "%s: %s", what, h->why[0] ? h->why : "malformed response");
}

/* Reads the response and writes its body to stdout. */
static int read_response(http *h)
{
    long long content_length = -1, copied = 0;
    int chunked = 0, status, rc;
    char *line, reason[128] = "";
    size_t header_bytes = 0;

    /* Status line; 1xx interim responses (RFC 9110 section 15.2) are skipped. */
    do {
        line = http_line(h);
        if (!line)
            return http_fail(h, "no HTTP response");
        if (sscanf(line, "HTTP/1.%*1[01] %3d %127[^\r\n]", &status, reason) < 1 || status < 100 || status > 999) {
            snprintf(h->why, sizeof h->why, "not an HTTP/1.x status line: \"%.60s\"", line);
            return http_fail(h, "bad HTTP response");
        }
        if (verbose)
            fprintf(stderr, "< %s\n", line);
        for (;;) {
            line = http_line(h);
            if (!line)
                return http_fail(h, "bad HTTP response headers");
            header_bytes += strlen(line) + 2;
            if (header_bytes > MAX_HEADER_BYTES) {
                snprintf(h->why, sizeof h->why, "more than %d bytes of headers", MAX_HEADER_BYTES);
                return http_fail(h, "bad HTTP response");
            }
            if (verbose)
                fprintf(stderr, *line ? "< %s\n" : "<\n", line);
            if (!*line)
                break;
            if (strncasecmp(line, "Content-Length:", 15) == 0) {
                char *end;
                content_length = strtoll(line + 15, &end, 10);
                while (*end == ' ' || *end == '\t')
                    end++;
                if (*end || content_length < 0) {
                    snprintf(h->why, sizeof h->why, "bad Content-Length \"%s\"", line + 15);
                    return http_fail(h, "bad HTTP response");
                }
            } else if (strncasecmp(line, "Transfer-Encoding:", 18) == 0) {
                chunked = strstr(line + 18, "chunked") != NULL;
            }
        }
    } while (status >= 100 && status < 200);

    /* Body (RFC 9112 section 6.3): chunked wins over Content-Length. */
    if (chunked) {
        for (;;) {
            char *end;
            long long size;
            line = http_line(h);
            if (!line)
                return http_fail(h, "truncated chunked body");
            size = strtoll(line, &end, 16);
            if (end == line || size < 0 || (*end && *end != ';' && *end != ' ')) {
                snprintf(h->why, sizeof h->why, "bad chunk size line \"%.40s\"", line);
                return http_fail(h, "bad HTTP response");
            }
            if (size == 0)
                break;
            rc = http_copy(h, size, &copied);
            if (rc == -2)
                return die(EXIT_OTHER, "cannot write to stdout: %s", strerror(errno));
            if (rc < 0 || !(line = http_line(h)) || *line) {
                if (!h->why[0])
                    snprintf(h->why, sizeof h->why, "the server closed the connection inside a chunk");
                return http_fail(h, "truncated chunked body");
            }
        }
        /* Trailer fields end with an empty line. */
        while ((line = http_line(h)) && *line)
            ;
    } else {
        rc = http_copy(h, content_length, &copied);
        if (rc == -2)
            return die(EXIT_OTHER, "cannot write to stdout: %s", strerror(errno));
        if (rc < 0) {
            if (h->io_error && content_length < 0)
                return tls_read_failure(h, "the response may be truncated");
            if (h->io_error)
                return tls_read_failure(h, "truncated body");
            return die(EXIT_HTTP, "truncated body: got %lld of %lld bytes%s%s", copied, content_length,
                       h->why[0] ? ": " : "", h->why);
        }
    }
    if (fflush(stdout) != 0)
        return die(EXIT_OTHER, "cannot write to stdout: %s", strerror(errno));
    info("Received %lld body bytes", copied);
    if (status >= 400)
        return die(EXIT_HTTP, "HTTP status %d%s%s", status, reason[0] ? " " : "", reason);
    return 0;
}

/* ---- main ---------------------------------------------------------------- */

int main(int argc, char **argv)
{
    options o;
    url u;
    char connect_host[256], connect_port[8], why[512];
    const char *server_name;
    tls13_config *cfg = NULL;
    tls13_conn *conn = NULL;
    FILE *keylog = NULL;
    http *h = NULL;
    int fd = -1, rc, status;

    status = parse_options(argc, argv, &o);
    if (status == 0)
        status = parse_url(o.url, &u);
    if (status)
        return status;
    snprintf(connect_host, sizeof connect_host, "%s", u.host);
    snprintf(connect_port, sizeof connect_port, "%s", u.port);
    if (o.connect_to) {
        const char *colon = strrchr(o.connect_to, ':');
        const char *h0 = o.connect_to;
        size_t hl = colon ? (size_t)(colon - h0) : 0;
        if (hl >= 2 && h0[0] == '[' && h0[hl - 1] == ']')
            h0++, hl -= 2;
        if (!colon || hl == 0 || hl >= sizeof connect_host || strlen(colon + 1) == 0 ||
            strlen(colon + 1) >= sizeof connect_port || strspn(colon + 1, "0123456789") != strlen(colon + 1))
            return die(EXIT_USAGE, "--connect-to: \"%s\" is not HOST:PORT", o.connect_to);
        memcpy(connect_host, h0, hl);
        connect_host[hl] = '\0';
        strcpy(connect_port, colon + 1);
    }
    server_name = o.sni ? o.sni : u.host;

    cfg = tls13_config_new(TLS13_CLIENT);
    if (!cfg)
        return die(EXIT_OTHER, "out of memory");
    status = configure(&o, cfg, &keylog);
    if (status)
        goto done;

    fd = connect_to(connect_host, connect_port, o.timeout_ms, why, sizeof why);
    if (fd < 0) {
        status = die(EXIT_CONNECT, "%s", why);
        goto done;
    }
    conn = tls13_conn_new(cfg, server_name);
    h = calloc(1, sizeof *h);
    if (!conn || !h) {
        status = die(EXIT_OTHER, "out of memory");
        goto done;
    }
    tls13_conn_attach_fd(conn, fd);
    tls13_conn_set_io_timeout(conn, o.timeout_ms);
    info("TLS 1.3 handshake with %s%s", server_name, o.sni ? " (--sni)" : "");
    rc = tls13_handshake(conn);
    if (rc != TLS13_OK) {
        status = handshake_failure(conn, rc, connect_host, connect_port, o.timeout_ms);
        goto done;
    }
    report_handshake(conn, &o);

    status = send_request(conn, &u);
    if (status)
        goto done;
    h->conn = conn;
    h->timeout_ms = o.timeout_ms;
    status = read_response(h);
    if (status == 0 || status == EXIT_HTTP)
        tls13_close(conn); /* close_notify; a failure here changes nothing for the user */
done:
    if (conn)
        tls13_conn_free(conn);
    free(h);
    if (fd >= 0)
        close(fd);
    tls13_config_free(cfg);
    if (keylog)
        fclose(keylog);
    return status;
}
