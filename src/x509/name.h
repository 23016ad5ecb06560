/*
 * X.501 distinguished names (RFC 5280 section 4.1.2.4) as text in the
 * style of RFC 4514 ("CN=example.com, O=Example"), but in the order the
 * RDNs appear in the certificate (the order users see in most tools).
 * Names are compared as DER bytes (RFC 5280 section 7.1 allows this for
 * names encoded identically, which every CA does for issuer/subject).
 */
#ifndef TLS13_X509_NAME_H
#define TLS13_X509_NAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* Checks the structure of a Name's contents (inside its SEQUENCE). */
bool tls13_x509_name_valid(const uint8_t *name, size_t len);
/* Appends the text of a Name's contents; "(empty name)" for no RDNs. */
void tls13_x509_name_format(const uint8_t *name, size_t len, tls13_strbuf *out);
bool tls13_x509_name_equal(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);

#endif
