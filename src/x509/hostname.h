/*
 * Matching a certificate to the host the client asked for (RFC 6125 and the
 * CA/Browser Forum baseline requirements): dNSName SANs only (the subject
 * CN is never used), case-insensitive, one trailing dot on the host
 * ignored, a wildcard only as the whole left-most label and matching
 * exactly one label; IP literals only against iPAddress SANs.
 */
#ifndef TLS13_X509_HOSTNAME_H
#define TLS13_X509_HOSTNAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cert.h"

#define TLS13_MAX_DNS_NAME 253

typedef enum tls13_host_kind {
    TLS13_HOST_INVALID,
    TLS13_HOST_DNS,
    TLS13_HOST_IPV4,
    TLS13_HOST_IPV6
} tls13_host_kind;

typedef struct tls13_host {
    tls13_host_kind kind;
    char name[TLS13_MAX_DNS_NAME + 1]; /* DNS: lower case, no trailing dot */
    uint8_t ip[16];                    /* IPv4: 4 bytes, IPv6: 16 bytes */
    size_t ip_len;
} tls13_host;

/* Strict dotted quad: four decimal numbers 0..255 without leading zeros. */
bool tls13_parse_ipv4(const char *s, uint8_t out[4]);
/* RFC 4291 section 2.2 text form (with "::" and an IPv4 tail), no zone,
 * no brackets. */
bool tls13_parse_ipv6(const char *s, uint8_t out[16]);
/* Classifies and normalises what the caller wants to connect to. */
void tls13_host_parse(const char *host, tls13_host *h);
/* True when a dNSName SAN value matches a normalised DNS host. */
bool tls13_dns_pattern_matches(const uint8_t *pattern, size_t len, const char *host);
/* True when a SAN of the certificate matches the host. */
bool tls13_cert_matches_host(const tls13_cert *cert, const tls13_host *host);

#endif
