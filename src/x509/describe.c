/* tls13_x509_describe and tls13_x509_public_key: single-certificate views
 * for traces and for the TLS engine. */
#include "x509.h"

#include <string.h>

#include "asn1_time.h"
#include "cert.h"
#include "tls13.h"

int tls13_x509_public_key(const uint8_t *der, size_t len, tls13_public_key *key)
{
    tls13_cert c;
    int rc = tls13_cert_parse(&c, der, len, NULL, 0);
    if (rc != TLS13_OK)
        return rc;
    if (c.key.type == TLS13_KEY_NONE)
        return TLS13_ERR_UNSUPPORTED;
    *key = c.key;
    return TLS13_OK;
}

static void put(char *out, size_t out_len, void (*fn)(const tls13_cert *, tls13_strbuf *), const tls13_cert *c)
{
    tls13_strbuf s;
    if (!out || out_len == 0)
        return;
    tls13_strbuf_init(&s, out, out_len);
    fn(c, &s);
}

int tls13_x509_describe(const uint8_t *der, size_t len,
                        char *subject, size_t subject_len, char *issuer, size_t issuer_len,
                        char *not_before, size_t nb_len, char *not_after, size_t na_len,
                        char *sans, size_t sans_len)
{
    tls13_cert c;
    int rc = tls13_cert_parse(&c, der, len, NULL, 0);
    if (rc != TLS13_OK)
        return rc;
    put(subject, subject_len, tls13_cert_subject, &c);
    put(issuer, issuer_len, tls13_cert_issuer, &c);
    put(sans, sans_len, tls13_cert_format_sans, &c);
    if (not_before && nb_len)
        tls13_asn1_time_format(c.not_before, not_before, nb_len);
    if (not_after && na_len)
        tls13_asn1_time_format(c.not_after, not_after, na_len);
    return TLS13_OK;
}
