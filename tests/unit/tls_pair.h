/*
 * In-process TLS for the engine's tests: certificates made once per program
 * by tests/interop/tls_make_certs.bash (once, in the build directory), and a memory pipe between a client
 * and a server tls13_conn. Define _POSIX_C_SOURCE 200809L before including.
 */
#ifndef TLS13_TEST_TLS_PAIR_H
#define TLS13_TEST_TLS_PAIR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_support.h"
#include "tls13.h"

static char tp_dir[256];

/* Path of a generated file, e.g. tp_path("server-ec256.pem"). The set is made
 * once in the build directory and shared by the test programs. */
static inline const char *tp_path(const char *name)
{
    static char paths[8][512];
    static int next;
    char *p = paths[next++ % 8];
    if (!tp_dir[0]) {
        const char *src = getenv("TLS13_SOURCE_DIR"), *bin = getenv("TLS13_BINARY_DIR");
        char cmd[1024];
        if (!src || !bin)
            fail_msg("TLS13_SOURCE_DIR / TLS13_BINARY_DIR are not set (run the tests through ctest)");
        snprintf(tp_dir, sizeof(tp_dir), "%s/tls-test-certs", bin);
        snprintf(cmd, sizeof(cmd), "timeout 120 bash '%s/tests/interop/tls_make_certs.bash' '%s'", src, tp_dir);
        if (system(cmd) != 0)
            fail_msg("tests/interop/tls_make_certs.bash failed (is the openssl command installed?)");
    }
    snprintf(p, 512, "%s/%s", tp_dir, name);
    return p;
}

/* A server with one chain ("ec256", "rsa", ...) and a client trusting ca.pem. */
static inline tls13_config *tp_server_config(const char *kind)
{
    tls13_config *cfg = tls13_config_new(TLS13_SERVER);
    char chain[64], key[64];
    assert_non_null(cfg);
    snprintf(chain, sizeof(chain), "server-%s.pem", kind);
    snprintf(key, sizeof(key), "server-%s.key", kind);
    if (tls13_config_add_certificate(cfg, tp_path(chain), tp_path(key)) != TLS13_OK)
        fail_msg("loading %s: %s", chain, tls13_config_error_text(cfg));
    return cfg;
}

static inline tls13_config *tp_client_config(void)
{
    tls13_config *cfg = tls13_config_new(TLS13_CLIENT);
    assert_non_null(cfg);
    if (tls13_config_load_trust_file(cfg, tp_path("ca.pem")) != TLS13_OK)
        fail_msg("loading ca.pem: %s", tls13_config_error_text(cfg));
    return cfg;
}

/* Moves everything `from` has to send into `to`. Returns the first error
 * of `to`'s feed (TLS13_OK if none). */
static inline int tp_move(tls13_conn *from, tls13_conn *to)
{
    const uint8_t *out;
    size_t len, used;
    int rc = tls13_conn_output(from, &out, &len);
    if (rc != TLS13_OK)
        return rc;
    if (len == 0)
        return TLS13_OK;
    rc = tls13_conn_feed(to, out, len, &used);
    tls13_conn_output_done(from, used);
    return rc;
}

/* Runs both sides until the handshake completes or either fails; returns
 * TLS13_OK or the first error, with the failing side's alert still
 * delivered to the other side. */
static inline int tp_handshake(tls13_conn *client, tls13_conn *server)
{
    for (int round = 0; round < 20; round++) {
        int rc = tp_move(client, server);
        if (rc != TLS13_OK) {
            tp_move(server, client);
            return rc;
        }
        rc = tp_move(server, client);
        if (rc != TLS13_OK) {
            tp_move(client, server);
            return rc;
        }
        if (tls13_conn_handshake_done(client) && tls13_conn_handshake_done(server)) {
            const uint8_t *out;
            size_t len;
            tls13_conn_output(client, &out, &len);
            if (len == 0)
                return TLS13_OK;
        }
    }
    return TLS13_ERR_INTERNAL;
}

/* Sends len bytes from a to b and checks they arrive intact. */
static inline void tp_transfer(tls13_conn *a, tls13_conn *b, size_t len)
{
    uint8_t *data = malloc(len), *got = malloc(len);
    size_t sent = 0, received = 0;
    assert_non_null(data);
    assert_non_null(got);
    for (size_t i = 0; i < len; i++)
        data[i] = (uint8_t)(i * 31 + 7);
    while (received < len) {
        const uint8_t *out;
        size_t out_len, used, off = 0;
        if (sent < len) {
            int n = tls13_conn_write(a, data + sent, len - sent);
            if (n > 0)
                sent += (size_t)n;
            else
                assert_int_equal(n, TLS13_ERR_WANT_WRITE);
        }
        assert_int_equal(tls13_conn_output(a, &out, &out_len), TLS13_OK);
        while (off < out_len) {
            int n;
            assert_int_equal(tls13_conn_feed(b, out + off, out_len - off, &used), TLS13_OK);
            off += used;
            while ((n = tls13_conn_read(b, got + received, len - received)) > 0)
                received += (size_t)n;
            assert_int_equal(n, TLS13_ERR_WANT_READ);
        }
        tls13_conn_output_done(a, out_len);
    }
    assert_memory_equal(data, got, len);
    free(data);
    free(got);
}

#endif
