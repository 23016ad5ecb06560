/*
 * A minimal TLS peer on the blocking API, for the interop scripts.
 *
 *   tls13_peer client --port P [--host 127.0.0.1] [--name localhost] [--ca F]
 *                     [--cert F --key F] [--alpn a,b] [--groups g,g] [--suites s,s]
 *                     [--insecure] [--send TEXT] [--expect TEXT] [--trace]
 *   tls13_peer server --port P|0 [--cert F --key F]... [--ca F] [--verify optional|required]
 *                     [--alpn a,b] [--groups g,g] [--suites s,s] [--http] [--reply TEXT]
 *                     [--count N] [--trace]
 *   both:               [--export LABEL]  prints "exporter: HEX" (32 bytes, empty context)
 *
 * The client connects, sends TEXT (with \n), reads until the peer closes and
 * prints what it got; --expect fails (exit 1) unless TEXT appears. The server
 * prints "listening on PORT", serves N connections (default 1): with --http
 * it answers one HTTP request, else it sends TEXT and reads one chunk. Both
 * print "negotiated ..." and, on failure, the library's error text.
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tls13.h"
#include "tls/conn.h"

#define MAX_LIST 8

typedef struct options {
    int server;
    const char *host, *name, *ca, *verify, *send, *expect, *reply, *export_label;
    const char *certs[MAX_LIST], *keys[MAX_LIST];
    int n_certs, n_keys;
    char *alpn[MAX_LIST];
    size_t n_alpn;
    uint16_t groups[MAX_LIST], suites[MAX_LIST];
    size_t n_groups, n_suites;
    int port, insecure, http, count, trace;
} options;

static void usage(void)
{
    fprintf(stderr, "usage: tls13_peer client|server --port P [options] (see the source)\n");
    exit(2);
}

static size_t split(char *s, char **out)
{
    size_t n = 0;
    for (char *tok = strtok(s, ","); tok && n < MAX_LIST; tok = strtok(NULL, ","))
        out[n++] = tok;
    return n;
}

static void parse(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof(*o));
    o->host = "127.0.0.1";
    o->count = 1;
    o->reply = "hello from libtls13";
    if (argc < 2)
        usage();
    o->server = strcmp(argv[1], "server") == 0;
    if (!o->server && strcmp(argv[1], "client") != 0)
        usage();
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *names[MAX_LIST];
        size_t n;
        if (strcmp(a, "--insecure") == 0) { o->insecure = 1; continue; }
        if (strcmp(a, "--http") == 0) { o->http = 1; continue; }
        if (strcmp(a, "--trace") == 0) { o->trace = 1; continue; }
        if (!v)
            usage();
        i++;
        if (strcmp(a, "--port") == 0) o->port = atoi(v);
        else if (strcmp(a, "--host") == 0) o->host = v;
        else if (strcmp(a, "--name") == 0) o->name = v;
        else if (strcmp(a, "--ca") == 0) o->ca = v;
        else if (strcmp(a, "--verify") == 0) o->verify = v;
        else if (strcmp(a, "--send") == 0) o->send = v;
        else if (strcmp(a, "--expect") == 0) o->expect = v;
        else if (strcmp(a, "--reply") == 0) o->reply = v;
        else if (strcmp(a, "--count") == 0) o->count = atoi(v);
        else if (strcmp(a, "--export") == 0) o->export_label = v;
        else if (strcmp(a, "--cert") == 0 && o->n_certs < MAX_LIST) o->certs[o->n_certs++] = v;
        else if (strcmp(a, "--key") == 0 && o->n_keys < MAX_LIST) o->keys[o->n_keys++] = v;
        else if (strcmp(a, "--alpn") == 0) o->n_alpn = split(argv[i], o->alpn);
        else if (strcmp(a, "--groups") == 0 || strcmp(a, "--suites") == 0) {
            int groups = a[2] == 'g';
            n = split(argv[i], names);
            for (size_t k = 0; k < n; k++) {
                uint16_t id = groups ? tls13_group_from_name(names[k]) : tls13_cipher_suite_from_name(names[k]);
                if (!id) {
                    fprintf(stderr, "unknown %s %s\n", groups ? "group" : "cipher suite", names[k]);
                    exit(2);
                }
                if (groups) o->groups[o->n_groups++] = id;
                else o->suites[o->n_suites++] = id;
            }
        } else
            usage();
    }
    if (o->n_certs != o->n_keys)
        usage();
}

static void print_trace(void *arg, const char *line)
{
    fprintf(stderr, "%s: %s\n", (const char *)arg, line);
}

static tls13_config *make_config(const options *o)
{
    tls13_config *cfg = tls13_config_new(o->server ? TLS13_SERVER : TLS13_CLIENT);
    int rc = TLS13_OK;
    if (!cfg)
        exit(1);
    for (int i = 0; i < o->n_certs && rc == TLS13_OK; i++)
        rc = tls13_config_add_certificate(cfg, o->certs[i], o->keys[i]);
    if (rc == TLS13_OK && o->ca)
        rc = tls13_config_load_trust_file(cfg, o->ca);
    if (rc == TLS13_OK && o->n_alpn)
        rc = tls13_config_set_alpn(cfg, (const char *const *)o->alpn, o->n_alpn);
    if (rc == TLS13_OK && o->n_groups)
        rc = tls13_config_set_groups(cfg, o->groups, o->n_groups);
    if (rc == TLS13_OK && o->n_suites)
        rc = tls13_config_set_cipher_suites(cfg, o->suites, o->n_suites);
    if (rc != TLS13_OK) {
        fprintf(stderr, "configuration: %s\n", tls13_config_error_text(cfg));
        exit(1);
    }
    if (o->insecure)
        tls13_config_set_verify(cfg, TLS13_VERIFY_NONE);
    if (o->verify)
        tls13_config_set_verify(cfg, strcmp(o->verify, "required") == 0 ? TLS13_VERIFY_REQUIRED : TLS13_VERIFY_OPTIONAL);
    if (o->trace)
        tls13_config_set_trace(cfg, print_trace, o->server ? "server" : "client");
    return cfg;
}

static void print_negotiated(tls13_conn *conn, const char *export_label)
{
    const char *alpn = tls13_conn_alpn(conn);
    if (export_label) {
        uint8_t km[32];
        if (tls13_conn_export(conn, export_label, NULL, 0, km, sizeof(km)) == TLS13_OK) {
            printf("exporter: ");
            for (size_t i = 0; i < sizeof(km); i++)
                printf("%02X", km[i]);
            printf("\n");
        }
    }
    printf("negotiated TLS %s %s %s peer-signature %s alpn %s peer-certs %zu\n",
           tls13_conn_version(conn) == 0x0304 ? "1.3" : "?", tls13_cipher_suite_name(tls13_conn_cipher_suite(conn)),
           tls13_group_name(tls13_conn_group(conn)), tls13_signature_scheme_name(tls13_conn_signature_scheme(conn)),
           alpn ? alpn : "-", tls13_conn_peer_cert_count(conn));
    fflush(stdout);
}

static int fail(tls13_conn *conn, int rc, const char *what)
{
    fprintf(stderr, "%s failed: %s: %s\n", what, tls13_status_text(rc), tls13_conn_error_text(conn));
    return 1;
}

static int run_client(const options *o, tls13_config *cfg)
{
    struct sockaddr_in addr;
    int fd = socket(AF_INET, SOCK_STREAM, 0), rc, total = 0;
    char buf[16384 + 1], got[65536] = "";
    tls13_conn *conn;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o->port);
    if (inet_pton(AF_INET, o->host, &addr.sin_addr) != 1 || connect(fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
        perror("connect");
        return 1;
    }
    conn = tls13_conn_new(cfg, o->name ? o->name : o->host);
    tls13_conn_attach_fd(conn, fd);
    tls13_conn_set_io_timeout(conn, 10000);
    if ((rc = tls13_handshake(conn)) != TLS13_OK)
        return fail(conn, rc, "handshake");
    print_negotiated(conn, o->export_label);
    if (o->send) {
        char line[1024];
        snprintf(line, sizeof(line), "%s\n", o->send);
        /* "\r\n" in HTTP requests arrives as the two characters \ and r: translate. */
        for (char *p = line; (p = strstr(p, "\\r\\n")) != NULL;)
            memcpy(p, "\r\n", 2), memmove(p + 2, p + 4, strlen(p + 4) + 1);
        if ((rc = tls13_write(conn, line, strlen(line))) != TLS13_OK)
            return fail(conn, rc, "write");
    }
    while ((rc = tls13_read(conn, buf, sizeof(buf) - 1)) > 0) {
        buf[rc] = '\0';
        if (total + rc < (int)sizeof(got)) {
            memcpy(got + total, buf, (size_t)rc + 1);
            total += rc;
        }
        if (o->expect && strstr(got, o->expect))
            break;
    }
    if (rc < 0 && !(o->expect && strstr(got, o->expect)))
        return fail(conn, rc, "read");
    printf("received %d bytes: %.200s\n", total, got);
    tls13_close(conn);
    tls13_conn_free(conn);
    close(fd);
    if (o->expect && !strstr(got, o->expect)) {
        fprintf(stderr, "expected \"%s\" in the reply\n", o->expect);
        return 1;
    }
    return 0;
}

static int serve_one(const options *o, tls13_config *cfg, int fd)
{
    tls13_conn *conn = tls13_conn_new(cfg, NULL);
    char buf[16384];
    int rc, status = 0;
    tls13_conn_attach_fd(conn, fd);
    tls13_conn_set_io_timeout(conn, 10000);
    if ((rc = tls13_handshake(conn)) != TLS13_OK) {
        status = fail(conn, rc, "handshake");
    } else {
        print_negotiated(conn, o->export_label);
        if (o->http) {
            char req[8192] = "", resp[512];
            size_t have = 0;
            while (!strstr(req, "\r\n\r\n") && (rc = tls13_read(conn, req + have, sizeof(req) - 1 - have)) > 0)
                req[have += (size_t)rc] = '\0';
            snprintf(resp, sizeof(resp),
                     "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s\n",
                     strlen(o->reply) + 1, o->reply);
            if ((rc = tls13_write(conn, resp, strlen(resp))) != TLS13_OK)
                status = fail(conn, rc, "write");
        } else {
            char line[1024];
            snprintf(line, sizeof(line), "%s\n", o->reply);
            if ((rc = tls13_write(conn, line, strlen(line))) != TLS13_OK)
                status = fail(conn, rc, "write");
            else if ((rc = tls13_read(conn, buf, sizeof(buf) - 1)) > 0)
                printf("received %d bytes: %.*s\n", rc, rc > 200 ? 200 : rc, buf);
        }
        tls13_close(conn);
    }
    tls13_conn_free(conn);
    close(fd);
    return status;
}

static int run_server(const options *o, tls13_config *cfg)
{
    struct sockaddr_in addr;
    socklen_t alen = sizeof(addr);
    int lfd = socket(AF_INET, SOCK_STREAM, 0), one = 1, status = 0;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o->port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(lfd, 8) != 0 ||
        getsockname(lfd, (struct sockaddr *)&addr, &alen) != 0) {
        perror("bind/listen");
        return 1;
    }
    printf("listening on %d\n", ntohs(addr.sin_port));
    fflush(stdout);
    for (int i = 0; i < o->count; i++) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            perror("accept");
            return 1;
        }
        status |= serve_one(o, cfg, fd);
    }
    close(lfd);
    return status;
}

int main(int argc, char **argv)
{
    options o;
    tls13_config *cfg;
    int status;
    parse(argc, argv, &o);
    cfg = make_config(&o);
    status = o.server ? run_server(&o, cfg) : run_client(&o, cfg);
    tls13_config_free(cfg);
    return status;
}
