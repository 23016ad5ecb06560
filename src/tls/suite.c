#include "suite.h"

#include <ctype.h>

#include "tls13.h"
#include "../crypto/keyshare.h"

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

static int name_equal(const char *a, const char *b)
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
        if (name_equal(name, suites[i].name))
            return suites[i].id;
    return 0;
}

uint16_t tls13_group_from_name(const char *name)
{
    static const uint16_t groups[] = {TLS13_GROUP_X25519MLKEM768, TLS13_GROUP_X25519, TLS13_GROUP_SECP256R1,
                                      TLS13_GROUP_SECP384R1};
    if (!name)
        return 0;
    if (name_equal(name, "P-256"))
        return TLS13_GROUP_SECP256R1;
    if (name_equal(name, "P-384"))
        return TLS13_GROUP_SECP384R1;
    /* The names themselves come from the key share module, so the two lists
     * cannot drift apart. */
    for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
        if (name_equal(name, tls13_group_name(groups[i])))
            return groups[i];
    return 0;
}
