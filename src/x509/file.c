#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "tls13.h"

int tls13_x509_read_file(const char *path, uint8_t **data, size_t *len, char *err, size_t err_len)
{
    FILE *f;
    uint8_t *buf = NULL;
    size_t cap = 0, n = 0;
    *data = NULL;
    *len = 0;
    f = fopen(path, "rb");
    if (!f) {
        if (err)
            snprintf(err, err_len, "cannot open %s: %s", path, strerror(errno));
        return TLS13_ERR_FILE;
    }
    for (;;) {
        size_t got;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            uint8_t *nbuf;
            if (cap >= TLS13_X509_MAX_FILE) {
                if (err)
                    snprintf(err, err_len, "%s is larger than %u bytes", path, TLS13_X509_MAX_FILE);
                tls13_free_wiped(buf, cap);
                fclose(f);
                return TLS13_ERR_FILE;
            }
            nbuf = tls13_alloc(ncap);
            if (!nbuf) {
                tls13_free_wiped(buf, cap);
                fclose(f);
                return TLS13_ERR_NO_MEMORY;
            }
            if (buf)
                memcpy(nbuf, buf, n);
            tls13_free_wiped(buf, cap);
            buf = nbuf;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        if (err)
            snprintf(err, err_len, "cannot read %s: %s", path, strerror(errno));
        tls13_free_wiped(buf, cap);
        fclose(f);
        return TLS13_ERR_FILE;
    }
    fclose(f);
    /* Shrink so the caller can wipe with the length it knows. */
    {
        uint8_t *exact = tls13_alloc(n ? n : 1);
        if (!exact) {
            tls13_free_wiped(buf, cap);
            return TLS13_ERR_NO_MEMORY;
        }
        memcpy(exact, buf, n);
        tls13_free_wiped(buf, cap);
        *data = exact;
        *len = n;
    }
    return TLS13_OK;
}
