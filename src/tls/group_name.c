/* tls13_group_from_name (include/tls13.h): the names themselves come from
 * the key share module (tls13_group_name), so the two cannot drift apart. */
#include "tls13.h"
#include "../crypto/keyshare.h"
#include "suite.h"

uint16_t tls13_group_from_name(const char *name)
{
    static const uint16_t groups[] = {TLS13_GROUP_X25519MLKEM768, TLS13_GROUP_X25519, TLS13_GROUP_SECP256R1,
                                      TLS13_GROUP_SECP384R1};
    if (!name)
        return 0;
    if (tls13_name_equal(name, "P-256"))
        return TLS13_GROUP_SECP256R1;
    if (tls13_name_equal(name, "P-384"))
        return TLS13_GROUP_SECP384R1;
    for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
        if (tls13_name_equal(name, tls13_group_name(groups[i])))
            return groups[i];
    return 0;
}
