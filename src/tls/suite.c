#include "suite.h"

#include <ctype.h>

#include "tls13.h"

static const tls13_suite suites[] = {
    {TLS13_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256", TLS13_AEAD_AES_128_GCM, TLS13_HASH_SHA256, 16},
    {TLS13_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384", TLS13_AEAD_AES_256_GCM, TLS13_HASH_SHA384, 32},
    {TLS13_CHACHA20_POLY1305_SHA256, "TLS_CHACHA20_POLY1305_SHA256", TLS13_AEAD_CHACHA20_POLY1305,
     TLS13_HASH_SHA256, 32},
};

const tls13_suite *tls13_suite_find(uint16_t id)
{
    for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
        if (suites[i].id == id)
            return &suites[i];
    return NULL;
}

const char *tls13_cipher_suite_name(uint16_t suite)
{
    const tls13_suite *s = tls13_suite_find(suite);
    return s ? s->name : "unknown";
}

int tls13_name_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

uint16_t tls13_cipher_suite_from_name(const char *name)
{
    if (!name)
        return 0;
    for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
        if (tls13_name_equal(name, suites[i].name))
            return suites[i].id;
    return 0;
}
