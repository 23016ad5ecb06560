/* Whole-file reads for certificate, key and trust store files. */
#ifndef TLS13_X509_FILE_H
#define TLS13_X509_FILE_H

#include <stddef.h>
#include <stdint.h>

/* Larger files are refused: the biggest CA bundles are well under 1 MiB. */
#define TLS13_X509_MAX_FILE (16u << 20)

/* Reads path into a new buffer (free with tls13_free_wiped(*data, *len), as
 * it may hold a key). TLS13_OK, TLS13_ERR_FILE or TLS13_ERR_NO_MEMORY; err
 * (may be NULL) gets "cannot open key.pem: No such file or directory". */
int tls13_x509_read_file(const char *path, uint8_t **data, size_t *len, char *err, size_t err_len);

#endif
