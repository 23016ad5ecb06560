/* src/x509/hostname: RFC 6125 matching, strict IP literals. */
#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include "../x509/fixture.h"

#include "x509/hostname.h"

typedef struct match_case {
    const char *pattern;
    const char *host;
    int matches;
} match_case;

static void dns_patterns(void **state)
{
    static const match_case cases[] = {
        {"example.com", "example.com", 1},
        {"Example.COM", "example.com", 1},
        {"example.com", "EXAMPLE.com", 1},
        {"example.com", "example.com.", 1},     /* trailing dot on the host */
        {"example.com", "www.example.com", 0},
        {"*.example.com", "a.example.com", 1},
        {"*.example.com", "A.Example.Com", 1},
        {"*.example.com", "example.com", 0},
        {"*.example.com", "a.b.example.com", 0},
        {"*.example.com", ".example.com", 0},
        {"f*.example.com", "foo.example.com", 0}, /* partial label */
        {"*oo.example.com", "foo.example.com", 0},
        {"a.*.example.com", "a.b.example.com", 0},
        {"*.*.example.com", "a.b.example.com", 0},
        {"*", "localhost", 0},
        {"*.com", "example.com", 0},             /* wildcard over a single label */
        {"*.example.com", "a.example.org", 0},
        {"xn--bcher-kva.example", "xn--bcher-kva.example", 1},
        {"example.com", "example.co", 0},
        {"example.co", "example.com", 0},
    };
    tt_count count = {"dNSName patterns", 0, 0, 0};
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        tls13_host h;
        bool got;
        count.run++;
        tls13_host_parse(cases[i].host, &h);
        got = h.kind == TLS13_HOST_DNS &&
              tls13_dns_pattern_matches((const uint8_t *)cases[i].pattern, strlen(cases[i].pattern), h.name);
        if (got == (cases[i].matches != 0))
            count.passed++;
        else
            print_error("%s vs %s: got %d\n", cases[i].pattern, cases[i].host, got);
    }
    tt_count_report(&count);
}

typedef struct ip_case {
    const char *text;
    int kind; /* 4, 6, or 0 for neither */
    const char *hex;
} ip_case;

static void ip_literals(void **state)
{
    static const ip_case cases[] = {
        {"127.0.0.1", 4, "7f000001"},
        {"0.0.0.0", 4, "00000000"},
        {"255.255.255.255", 4, "ffffffff"},
        {"256.0.0.1", 0, NULL},
        {"01.2.3.4", 0, NULL},
        {"1.2.3", 0, NULL},
        {"1.2.3.4.", 0, NULL},
        {"1.2.3.4.5", 0, NULL},
        {"1..3.4", 0, NULL},
        {" 1.2.3.4", 0, NULL},
        {"::1", 6, "00000000000000000000000000000001"},
        {"::", 6, "00000000000000000000000000000000"},
        {"2001:db8::1", 6, "20010db8000000000000000000000001"},
        {"2001:DB8:0:0:0:0:0:1", 6, "20010db8000000000000000000000001"},
        {"1::", 6, "00010000000000000000000000000000"},
        {"::ffff:192.0.2.1", 6, "00000000000000000000ffffc0000201"},
        {"1:2:3:4:5:6:7:8", 6, "00010002000300040005000600070008"},
        {"1:2:3:4:5:6:7:8:9", 0, NULL},
        {"1:2:3:4:5:6:7", 0, NULL},
        {"1::2::3", 0, NULL},
        {"12345::", 0, NULL},
        {":1", 0, NULL},
        {"1:", 0, NULL},
        {"fe80::1%eth0", 0, NULL},
        {"[::1]", 0, NULL},
        {"::1.2.3", 0, NULL},
    };
    tt_count count = {"IP literals", 0, 0, 0};
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint8_t want[16], got[16];
        bool ok4 = tls13_parse_ipv4(cases[i].text, got);
        bool ok6 = !ok4 && tls13_parse_ipv6(cases[i].text, got);
        int kind = ok4 ? 4 : ok6 ? 6 : 0;
        count.run++;
        if (kind != cases[i].kind) {
            print_error("%s: kind %d\n", cases[i].text, kind);
            continue;
        }
        if (kind) {
            tt_hex(cases[i].hex, want, (size_t)(kind == 4 ? 4 : 16));
            if (memcmp(want, got, kind == 4 ? 4 : 16) != 0) {
                print_error("%s: wrong bytes\n", cases[i].text);
                continue;
            }
        }
        count.passed++;
    }
    tt_count_report(&count);
}

static bool cert_host(const char *file, const char *host)
{
    size_t len;
    uint8_t *der = tx_der(file, &len);
    tls13_cert c;
    tls13_host h;
    bool r;
    assert_int_equal(tls13_cert_parse(&c, der, len, NULL, 0), TLS13_OK);
    tls13_host_parse(host, &h);
    r = tls13_cert_matches_host(&c, &h);
    tls13_free(der);
    return r;
}

static void certificate_hosts(void **state)
{
    (void)state;
    assert_true(cert_host("leaf.pem", "example.com"));
    assert_true(cert_host("leaf.pem", "api.example.com"));
    assert_true(cert_host("leaf.pem", "API.EXAMPLE.COM."));
    assert_false(cert_host("leaf.pem", "a.b.example.com"));
    assert_false(cert_host("leaf.pem", "api.example.org"));
    assert_true(cert_host("leaf.pem", "127.0.0.1"));
    assert_true(cert_host("leaf.pem", "::1"));
    assert_true(cert_host("leaf.pem", "0:0:0:0:0:0:0:1"));
    assert_false(cert_host("leaf.pem", "127.0.0.2"));
    /* The CN is never used, so a certificate without SANs matches nothing. */
    assert_false(cert_host("leaf_nosan.pem", "nosan.example.com"));
    /* An IP host never matches a dNSName SAN that spells it. */
    assert_false(cert_host("leaf_ipv6.pem", "10.0.0.1"));
    assert_true(cert_host("leaf_ipv6.pem", "2001:db8::1"));
    assert_false(cert_host("leaf.pem", "exa mple.com"));
    assert_false(cert_host("leaf.pem", "*.example.com"));
    assert_false(cert_host("leaf.pem", ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dns_patterns),
        cmocka_unit_test(ip_literals),
        cmocka_unit_test(certificate_hosts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
