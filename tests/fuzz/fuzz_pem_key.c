/* libFuzzer: PEM blocks and private keys (PEM or DER, every format). */
#include <stddef.h>
#include <stdint.h>

#include "x509/pem.h"
#include "x509/x509.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tls13_pem_reader r;
    tls13_pem_block b;
    tls13_private_key key;
    char err[256];

    tls13_pem_reader_init(&r, data, size);
    while (tls13_pem_next(&r, &b) == 1)
        tls13_pem_block_free(&b);
    if (tls13_private_key_parse(&key, data, size, err, sizeof(err)) == 0)
        tls13_private_key_wipe(&key);
    return 0;
}
