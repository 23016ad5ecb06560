/* libFuzzer: a DER certificate through parsing, description and chain
 * verification (with itself as the only anchor and as the peer's chain). */
#include <stddef.h>
#include <stdint.h>

#include "x509/cert.h"
#include "x509/x509.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tls13_cert cert;
    char why[128], subject[256], issuer[256], nb[32], na[32], sans[512];
    tls13_public_key key;
    tls13_verify_result result;
    const uint8_t *certs[2] = {data, data};
    size_t lens[2] = {size, size};
    tls13_trust_store *store;

    if (tls13_cert_parse(&cert, data, size, why, sizeof(why)) != 0)
        return 0;
    tls13_x509_describe(data, size, subject, sizeof(subject), issuer, sizeof(issuer), nb, sizeof(nb), na,
                        sizeof(na), sans, sizeof(sans));
    store = tls13_trust_store_new();
    if (!store)
        return 0;
    tls13_trust_store_add_der(store, data, size);
    tls13_x509_verify_chain(store, certs, lens, 2, "a.example.com", TLS13_PURPOSE_SERVER_AUTH, 1800000000, &key,
                            &result);
    tls13_x509_verify_chain(store, certs, lens, 1, "127.0.0.1", TLS13_PURPOSE_CLIENT_AUTH, 1800000000, &key,
                            &result);
    tls13_trust_store_free(store);
    return 0;
}
