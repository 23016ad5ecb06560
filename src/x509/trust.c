/* Trust store loading: PEM bundles, DER files, certificate directories and
 * the system locations of the common Linux distributions. */
#define _POSIX_C_SOURCE 200809L /* opendir, readdir */
#include "trust.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "file.h"
#include "name.h"
#include "pem.h"
#include "tls13.h"

tls13_trust_store *tls13_trust_store_new(void)
{
    return tls13_calloc(1, sizeof(tls13_trust_store));
}

void tls13_trust_store_free(tls13_trust_store *store)
{
    if (!store)
        return;
    for (size_t i = 0; i < store->n_anchors; i++)
        tls13_free(store->anchors[i].der);
    tls13_free(store->anchors);
    tls13_free(store->pins);
    tls13_free(store);
}

size_t tls13_trust_store_count(const tls13_trust_store *store)
{
    return store ? store->n_anchors : 0;
}

/* Grows an array of `size`-byte elements to hold one more. */
static bool grow(void **array, size_t *cap, size_t n, size_t size)
{
    size_t ncap;
    void *fresh;
    if (n < *cap)
        return true;
    ncap = *cap ? *cap * 2 : 64;
    fresh = tls13_calloc(ncap, size);
    if (!fresh)
        return false;
    if (*array)
        memcpy(fresh, *array, n * size);
    tls13_free(*array);
    *array = fresh;
    *cap = ncap;
    return true;
}

/* Adds one certificate; a byte-identical duplicate (a bundle and the same
 * file in a directory) is accepted and kept once. */
static int add_der(tls13_trust_store *store, const uint8_t *der, size_t len, char *why, size_t why_len)
{
    tls13_trust_anchor *a;
    int rc;
    for (size_t i = 0; i < store->n_anchors; i++)
        if (store->anchors[i].len == len && memcmp(store->anchors[i].der, der, len) == 0)
            return TLS13_OK;
    if (!grow((void **)&store->anchors, &store->cap_anchors, store->n_anchors, sizeof(*store->anchors)))
        return TLS13_ERR_NO_MEMORY;
    a = &store->anchors[store->n_anchors];
    a->der = tls13_alloc(len ? len : 1);
    if (!a->der)
        return TLS13_ERR_NO_MEMORY;
    memcpy(a->der, der, len);
    a->len = len;
    rc = tls13_cert_parse(&a->cert, a->der, len, why, why_len);
    if (rc != TLS13_OK) {
        tls13_free(a->der);
        return rc;
    }
    store->n_anchors++;
    return TLS13_OK;
}

int tls13_trust_store_add_der(tls13_trust_store *store, const uint8_t *der, size_t len)
{
    return add_der(store, der, len, NULL, 0);
}

int tls13_trust_store_add_pin(tls13_trust_store *store, const uint8_t spki_sha256[32])
{
    if (!grow((void **)&store->pins, &store->cap_pins, store->n_pins, sizeof(*store->pins)))
        return TLS13_ERR_NO_MEMORY;
    memcpy(store->pins[store->n_pins++], spki_sha256, 32);
    return TLS13_OK;
}

const tls13_cert *tls13_trust_store_find_key(const tls13_trust_store *store, const tls13_cert *cert)
{
    for (size_t i = 0; i < store->n_anchors; i++) {
        const tls13_cert *a = &store->anchors[i].cert;
        if (tls13_x509_name_equal(a->subject, a->subject_len, cert->subject, cert->subject_len) &&
            a->spki_len == cert->spki_len && memcmp(a->spki, cert->spki, a->spki_len) == 0)
            return a;
    }
    return NULL;
}

/* Adds every CERTIFICATE block of a PEM text, or the DER certificate. */
static int load_data(tls13_trust_store *store, const char *path, const uint8_t *data, size_t len, char *err,
                     size_t err_len)
{
    char why[200];
    size_t added = 0;
    int rc;
    if (!tls13_pem_detect(data, len)) {
        rc = add_der(store, data, len, why, sizeof(why));
        if (rc != TLS13_OK && err)
            snprintf(err, err_len, "%s: not PEM, and not a DER certificate (%s)", path, why);
        return rc;
    }
    {
        tls13_pem_reader r;
        tls13_pem_block b;
        tls13_pem_reader_init(&r, data, len);
        while ((rc = tls13_pem_next(&r, &b)) == 1) {
            if (strcmp(b.label, "CERTIFICATE") != 0) {
                tls13_pem_block_free(&b);
                continue;
            }
            rc = add_der(store, b.der, b.der_len, why, sizeof(why));
            tls13_pem_block_free(&b);
            if (rc != TLS13_OK) {
                if (err)
                    snprintf(err, err_len, "%s: PEM block %u: %s", path, r.blocks, why);
                return rc;
            }
            added++;
        }
        if (rc < 0) {
            if (err)
                snprintf(err, err_len, "%s: %s", path, r.err);
            return rc;
        }
    }
    if (added == 0) {
        if (err)
            snprintf(err, err_len, "%s: no CERTIFICATE block found", path);
        return TLS13_ERR_PEM;
    }
    return TLS13_OK;
}

int tls13_trust_store_load_file(tls13_trust_store *store, const char *path, char *err, size_t err_len)
{
    uint8_t *data;
    size_t len;
    int rc = tls13_x509_read_file(path, &data, &len, err, err_len);
    if (rc != TLS13_OK)
        return rc;
    rc = load_data(store, path, data, len, err, err_len);
    tls13_free(data);
    return rc;
}

static bool has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix);
    return n > s && strcmp(name + n - s, suffix) == 0;
}

int tls13_trust_store_load_dir(tls13_trust_store *store, const char *path, char *err, size_t err_len)
{
    DIR *d = opendir(path);
    struct dirent *e;
    size_t before = store->n_anchors, failed = 0;
    char first_error[256] = "";
    if (!d) {
        if (err)
            snprintf(err, err_len, "cannot open directory %s", path);
        return TLS13_ERR_FILE;
    }
    /* A directory holds whatever the administrator put there: a file that
     * does not load is skipped (and reported if nothing loads at all). */
    while ((e = readdir(d)) != NULL) {
        char file[4096];
        if (!has_suffix(e->d_name, ".pem") && !has_suffix(e->d_name, ".crt"))
            continue;
        snprintf(file, sizeof(file), "%s/%s", path, e->d_name);
        if (tls13_trust_store_load_file(store, file, first_error[0] ? NULL : first_error, sizeof(first_error)) !=
            TLS13_OK)
            failed++;
    }
    closedir(d);
    if (store->n_anchors == before) {
        if (err) {
            if (failed)
                snprintf(err, err_len, "%s: no certificate could be loaded (%s)", path, first_error);
            else
                snprintf(err, err_len, "%s: no *.pem or *.crt certificate files", path);
        }
        return TLS13_ERR_FILE;
    }
    return TLS13_OK;
}

int tls13_trust_store_load_system(tls13_trust_store *store, char *err, size_t err_len)
{
    static const char *const bundles[] = {
        "/etc/ssl/certs/ca-certificates.crt", /* Debian, Ubuntu */
        "/etc/pki/tls/certs/ca-bundle.crt",   /* Fedora, RHEL */
        "/etc/ssl/cert.pem",                  /* Alpine, macOS */
    };
    const char *env_file = getenv("SSL_CERT_FILE"), *env_dir = getenv("SSL_CERT_DIR");
    /* OpenSSL's variables, so that users can point every tool at one store. */
    if (env_file && env_file[0])
        return tls13_trust_store_load_file(store, env_file, err, err_len);
    if (env_dir && env_dir[0])
        return tls13_trust_store_load_dir(store, env_dir, err, err_len);
    for (size_t i = 0; i < sizeof(bundles) / sizeof(bundles[0]); i++)
        if (tls13_trust_store_load_file(store, bundles[i], NULL, 0) == TLS13_OK)
            return TLS13_OK;
    if (tls13_trust_store_load_dir(store, "/etc/ssl/certs", NULL, 0) == TLS13_OK)
        return TLS13_OK;
    if (err)
        snprintf(err, err_len,
                 "no system trust store found (tried /etc/ssl/certs/ca-certificates.crt, "
                 "/etc/pki/tls/certs/ca-bundle.crt, /etc/ssl/cert.pem and /etc/ssl/certs/; "
                 "Debian: apt-get install ca-certificates)");
    return TLS13_ERR_FILE;
}
