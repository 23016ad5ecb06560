#include "hostname.h"

#include <string.h>

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool tls13_parse_ipv4(const char *s, uint8_t out[4])
{
    for (int part = 0; part < 4; part++) {
        unsigned v = 0, n = 0;
        while (s[n] >= '0' && s[n] <= '9' && n < 4) {
            v = v * 10 + (unsigned)(s[n] - '0');
            n++;
        }
        /* "010" could mean octal to some resolvers: refuse leading zeros. */
        if (n == 0 || n > 3 || v > 255 || (n > 1 && s[0] == '0'))
            return false;
        out[part] = (uint8_t)v;
        s += n;
        if (part < 3) {
            if (*s != '.')
                return false;
            s++;
        }
    }
    return *s == '\0';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool tls13_parse_ipv6(const char *s, uint8_t out[16])
{
    uint16_t groups[8];
    int n = 0, gap = -1; /* gap: index where "::" stands */
    if (s[0] == ':') {
        if (s[1] != ':')
            return false;
        gap = 0;
        s += 2;
        if (*s == '\0')
            goto done;
    }
    for (;;) {
        unsigned v = 0;
        int digits = 0;
        /* An IPv4 tail takes the last two groups (RFC 4291 2.2 item 3). */
        if (n <= 6 && strchr(s, '.') && !strchr(s, ':')) {
            uint8_t v4[4];
            if (!tls13_parse_ipv4(s, v4))
                return false;
            groups[n++] = (uint16_t)(v4[0] << 8 | v4[1]);
            groups[n++] = (uint16_t)(v4[2] << 8 | v4[3]);
            break;
        }
        while (digits < 5 && hex_value(s[digits]) >= 0)
            v = v * 16 + (unsigned)hex_value(s[digits++]);
        if (digits == 0 || digits > 4 || n == 8)
            return false;
        groups[n++] = (uint16_t)v;
        s += digits;
        if (*s == '\0')
            break;
        if (*s != ':')
            return false;
        s++;
        if (*s == ':') {
            if (gap >= 0)
                return false; /* a second "::" */
            gap = n;
            s++;
            if (*s == '\0')
                break;
        }
    }
done:
    if ((gap < 0 && n != 8) || (gap >= 0 && n > 7))
        return false;
    memset(out, 0, 16);
    for (int i = 0; i < n; i++) {
        int at = (gap >= 0 && i >= gap) ? i + (8 - n) : i;
        out[2 * at] = (uint8_t)(groups[i] >> 8);
        out[2 * at + 1] = (uint8_t)groups[i];
    }
    return true;
}

/* RFC 1123 host name syntax, plus '_' which appears in real DNS names. */
static bool valid_dns_name(const char *s, size_t len)
{
    size_t label = 0;
    if (len == 0 || len > TLS13_MAX_DNS_NAME)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '.') {
            if (label == 0)
                return false;
            label = 0;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
        if (++label > 63)
            return false;
    }
    return label > 0;
}

void tls13_host_parse(const char *host, tls13_host *h)
{
    size_t len = strlen(host);
    memset(h, 0, sizeof(*h));
    if (tls13_parse_ipv4(host, h->ip)) {
        h->kind = TLS13_HOST_IPV4;
        h->ip_len = 4;
        return;
    }
    if (tls13_parse_ipv6(host, h->ip)) {
        h->kind = TLS13_HOST_IPV6;
        h->ip_len = 16;
        return;
    }
    if (len > 0 && host[len - 1] == '.')
        len--; /* the absolute form names the same host */
    if (!valid_dns_name(host, len))
        return;
    for (size_t i = 0; i < len; i++)
        h->name[i] = lower(host[i]);
    h->name[len] = '\0';
    h->kind = TLS13_HOST_DNS;
}

static bool equal_nocase(const uint8_t *a, size_t a_len, const char *b, size_t b_len)
{
    if (a_len != b_len)
        return false;
    for (size_t i = 0; i < a_len; i++)
        if (lower((char)a[i]) != b[i])
            return false;
    return true;
}

bool tls13_dns_pattern_matches(const uint8_t *p, size_t len, const char *host)
{
    size_t host_len = strlen(host);
    const char *dot;
    if (len > 0 && p[len - 1] == '.')
        len--;
    if (len >= 2 && p[0] == '*' && p[1] == '.') {
        /* "*.example.com": the rest must itself have two labels (no "*.com"),
         * no other wildcard, and the host's first label is replaced whole. */
        const uint8_t *rest = p + 2;
        size_t rest_len = len - 2;
        if (rest_len == 0 || memchr(rest, '*', rest_len) || !memchr(rest, '.', rest_len))
            return false;
        dot = strchr(host, '.');
        if (!dot || dot == host)
            return false;
        return equal_nocase(rest, rest_len, dot + 1, host_len - (size_t)(dot + 1 - host));
    }
    if (memchr(p, '*', len))
        return false; /* partial-label wildcards ("f*.example.com") never match */
    return equal_nocase(p, len, host, host_len);
}

bool tls13_cert_matches_host(const tls13_cert *c, const tls13_host *h)
{
    tls13_reader r, v;
    uint8_t tag;
    if (!c->san || h->kind == TLS13_HOST_INVALID)
        return false;
    tls13_reader_init(&r, c->san, c->san_len);
    while (tls13_reader_remaining(&r) > 0 && tls13_der_read_any(&r, &tag, &v)) {
        if (h->kind == TLS13_HOST_DNS && tag == TLS13_GN_DNS && tls13_dns_pattern_matches(v.p, v.len, h->name))
            return true;
        if (h->kind != TLS13_HOST_DNS && tag == TLS13_GN_IP && v.len == h->ip_len &&
            memcmp(v.p, h->ip, v.len) == 0)
            return true;
    }
    return false;
}
