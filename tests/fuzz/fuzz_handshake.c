/* libFuzzer: bytes from a hostile peer fed to a server connection and to a
 * client connection (after its ClientHello). The first input byte picks the
 * role. The server's certificate is generated once at start-up. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tls13.h"

static tls13_config *server_cfg, *client_cfg;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0)
        abort();
}

static void setup(void)
{
    static const char *const names[] = {"localhost"};
    tls13_cert_spec spec = {"localhost", names, 1, 0, 0, 4102444800LL};
    char *cert, *key, dir[] = "/tmp/tls13-fuzz-XXXXXX", cpath[64], kpath[64];
    if (!mkdtemp(dir) || tls13_cert_generate(&spec, NULL, NULL, &cert, &key, NULL, 0) != 0)
        abort();
    snprintf(cpath, sizeof(cpath), "%s/cert.pem", dir);
    snprintf(kpath, sizeof(kpath), "%s/key.pem", dir);
    write_file(cpath, cert);
    write_file(kpath, key);
    tls13_free_pem(cert);
    tls13_free_pem(key);
    server_cfg = tls13_config_new(TLS13_SERVER);
    client_cfg = tls13_config_new(TLS13_CLIENT);
    if (!server_cfg || !client_cfg || tls13_config_add_certificate(server_cfg, cpath, kpath) != 0)
        abort();
    tls13_config_set_verify(client_cfg, TLS13_VERIFY_NONE);
    unlink(cpath);
    unlink(kpath);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tls13_conn *conn;
    const uint8_t *out;
    size_t out_len, used;
    uint8_t app[256];

    if (!server_cfg)
        setup();
    if (size < 1)
        return 0;
    conn = tls13_conn_new(data[0] & 1 ? client_cfg : server_cfg, data[0] & 1 ? "localhost" : NULL);
    if (!conn)
        return 0;
    data++;
    size--;
    /* Our first flight (the client's ClientHello) before the peer's bytes. */
    if (tls13_conn_output(conn, &out, &out_len) == 0)
        tls13_conn_output_done(conn, out_len);
    while (size > 0) {
        if (tls13_conn_feed(conn, data, size, &used) != 0 || used == 0)
            break;
        data += used;
        size -= used;
        if (tls13_conn_output(conn, &out, &out_len) == 0)
            tls13_conn_output_done(conn, out_len);
        while (tls13_conn_read(conn, app, sizeof(app)) > 0)
            ;
    }
    tls13_conn_free(conn);
    return 0;
}
