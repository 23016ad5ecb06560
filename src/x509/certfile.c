/* tls13_cert_chain_load_file: our own certificate chain from a PEM file
 * (leaf first, as written) or a single DER certificate. */
#include "x509.h"

#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "cert.h"
#include "file.h"
#include "pem.h"
#include "tls13.h"

#define MAX_CHAIN_FILE_CERTS 16

static int add_cert(tls13_cert_chain *chain, const uint8_t *der, size_t len)
{
    uint8_t *copy;
    if (chain->n_certs == MAX_CHAIN_FILE_CERTS)
        return TLS13_ERR_DECODE;
    copy = tls13_alloc(len);
    if (!copy)
        return TLS13_ERR_NO_MEMORY;
    memcpy(copy, der, len);
    chain->certs[chain->n_certs] = copy;
    chain->cert_lens[chain->n_certs++] = len;
    return TLS13_OK;
}

int tls13_cert_chain_load_file(tls13_cert_chain *chain, const char *path, char *err, size_t err_len)
{
    uint8_t *data;
    size_t len;
    char why[200];
    int rc;
    memset(chain, 0, sizeof(*chain));
    rc = tls13_x509_read_file(path, &data, &len, err, err_len);
    if (rc != TLS13_OK)
        return rc;
    chain->certs = tls13_calloc(MAX_CHAIN_FILE_CERTS, sizeof(*chain->certs));
    chain->cert_lens = tls13_calloc(MAX_CHAIN_FILE_CERTS, sizeof(*chain->cert_lens));
    if (!chain->certs || !chain->cert_lens) {
        rc = TLS13_ERR_NO_MEMORY;
        goto out;
    }
    if (tls13_pem_detect(data, len)) {
        tls13_pem_reader r;
        tls13_pem_block b;
        tls13_pem_reader_init(&r, data, len);
        while ((rc = tls13_pem_next(&r, &b)) == 1) {
            tls13_cert c;
            if (strcmp(b.label, "CERTIFICATE") != 0) {
                tls13_pem_block_free(&b);
                continue; /* a key in the same file, for example */
            }
            if (tls13_cert_parse(&c, b.der, b.der_len, why, sizeof(why)) != TLS13_OK) {
                if (err)
                    snprintf(err, err_len, "%s: certificate %zu: %s", path, chain->n_certs + 1, why);
                tls13_pem_block_free(&b);
                rc = TLS13_ERR_DECODE;
                goto out;
            }
            rc = add_cert(chain, b.der, b.der_len);
            tls13_pem_block_free(&b);
            if (rc != TLS13_OK) {
                if (err)
                    snprintf(err, err_len, "%s: more than %d certificates", path, MAX_CHAIN_FILE_CERTS);
                goto out;
            }
        }
        if (rc < 0) {
            if (err)
                snprintf(err, err_len, "%s: %s", path, r.err);
            goto out;
        }
    } else {
        tls13_cert c;
        if (tls13_cert_parse(&c, data, len, why, sizeof(why)) != TLS13_OK) {
            if (err)
                snprintf(err, err_len, "%s: not PEM, and not a DER certificate (%s)", path, why);
            rc = TLS13_ERR_DECODE;
            goto out;
        }
        if ((rc = add_cert(chain, data, len)) != TLS13_OK)
            goto out;
    }
    if (chain->n_certs == 0) {
        if (err)
            snprintf(err, err_len, "%s: no CERTIFICATE block found", path);
        rc = TLS13_ERR_PEM;
        goto out;
    }
    rc = TLS13_OK;
out:
    tls13_free_wiped(data, len);
    if (rc != TLS13_OK)
        tls13_cert_chain_free(chain);
    return rc;
}

void tls13_cert_chain_free(tls13_cert_chain *chain)
{
    if (chain->certs) {
        for (size_t i = 0; i < chain->n_certs; i++)
            tls13_free(chain->certs[i]);
    }
    tls13_free(chain->certs);
    tls13_free(chain->cert_lens);
    memset(chain, 0, sizeof(*chain));
}
