/*
 * Shared by the X.509 test programs: finds (or makes) the generated
 * certificates and loads their files. Define _POSIX_C_SOURCE 200809L first
 * (popen).
 */
#ifndef TLS13_TEST_X509_FIXTURE_H
#define TLS13_TEST_X509_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/mem.h"
#include "tls13.h"
#include "x509/asn1_time.h"
#include "x509/cert.h"
#include "x509/file.h"
#include "x509/pem.h"

static char tx_dir_path[512];

/* The directory of generated files (tests/x509/cached_chains.sh: made once
 * per build tree); fails the test when generation fails. */
static inline const char *tx_dir(void)
{
    const char *src = getenv("TLS13_SOURCE_DIR"), *bin = getenv("TLS13_BINARY_DIR");
    char cmd[1024];
    FILE *p;
    size_t n;
    if (tx_dir_path[0])
        return tx_dir_path;
    if (!src || !bin)
        fail_msg("TLS13_SOURCE_DIR and TLS13_BINARY_DIR are not set (run the tests through ctest)");
    snprintf(cmd, sizeof(cmd), "timeout 120 bash '%s/tests/x509/cached_chains.sh' '%s'", src, bin);
    p = popen(cmd, "r");
    if (!p || !fgets(tx_dir_path, sizeof(tx_dir_path), p) || pclose(p) != 0) {
        tx_dir_path[0] = '\0';
        fail_msg("tests/x509/make_chains.sh failed (is the openssl command installed?)");
    }
    n = strlen(tx_dir_path);
    if (n && tx_dir_path[n - 1] == '\n')
        tx_dir_path[n - 1] = '\0';
    return tx_dir_path;
}

static inline char *tx_path(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof(path), "%s/%s", tx_dir(), name);
    return path;
}

/* The raw bytes of a generated file (free with tls13_free). */
static inline uint8_t *tx_file(const char *name, size_t *len)
{
    uint8_t *data;
    char err[256];
    if (tls13_x509_read_file(tx_path(name), &data, len, err, sizeof(err)) != TLS13_OK)
        fail_msg("%s", err);
    return data;
}

/* The DER of the first PEM block of a generated file (free with tls13_free). */
static inline uint8_t *tx_der(const char *name, size_t *len)
{
    size_t flen;
    uint8_t *text = tx_file(name, &flen), *der;
    tls13_pem_reader r;
    tls13_pem_block b;
    tls13_pem_reader_init(&r, text, flen);
    if (tls13_pem_next(&r, &b) != 1)
        fail_msg("%s: no PEM block (%s)", name, r.err);
    tls13_free(text);
    der = b.der;
    *len = b.der_len;
    return der;
}

#endif
