/*
 * The server handshake (RFC 8446 section 2; section 4): negotiation by server
 * preference, HelloRetryRequest when the client sent no usable key share,
 * certificate selection by SNI and signature_algorithms, optional client
 * authentication. The state table is at the bottom.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../base/bytes.h"
#include "../base/mem.h"
#include "../base/random.h"
#include "alert.h"
#include "conn.h"
#include "messages.h"

#define MAX_CLIENT_GROUPS 64
#define MAX_CLIENT_SHARES 16

/* What the server took from a ClientHello. */
typedef struct client_offer {
    tls13_client_hello ch;
    const tls13_ext *groups_ext;        /* supported_groups as sent */
    uint16_t groups[MAX_CLIENT_GROUPS]; /* the ones we support, in the client's order */
    size_t n_groups;
    uint16_t share_groups[MAX_CLIENT_SHARES];
    const uint8_t *shares[MAX_CLIENT_SHARES];
    size_t share_lens[MAX_CLIENT_SHARES];
    size_t n_shares;
    const tls13_ext *alpn;
    int record_size_limit; /* the client's limit, 0 if none */
} client_offer;

static int parse_server_name(tls13_conn *c, const tls13_ext *e)
{
    tls13_reader r, list;
    tls13_reader_init(&r, e->data, e->len);
    if (!tls13_read_prefixed(&r, 2, &list) || !tls13_reader_done(&r) || list.len == 0)
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the client sent a malformed server_name");
    while (tls13_reader_remaining(&list) > 0) {
        uint8_t type;
        tls13_reader name;
        if (!tls13_read_u8(&list, &type) || !tls13_read_prefixed(&list, 2, &name) || name.len == 0)
            return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the client sent a malformed server_name");
        if (type != 0)
            continue;
        if (c->sni[0] || name.len >= sizeof(c->sni) || memchr(name.p, 0, name.len))
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the client sent an invalid server_name");
        memcpy(c->sni, name.p, name.len);
        c->sni[name.len] = '\0';
    }
    return TLS13_OK;
}

static int is_tls13(uint16_t version)
{
    return version == TLS13_VERSION_13;
}

/* Section 4.2.8: a share must be for a group the client lists; o->groups
 * holds only the groups we support, so look in the whole wire list. */
static int client_lists_group(const client_offer *o, uint16_t group)
{
    tls13_reader r, list;
    tls13_reader_init(&r, o->groups_ext->data, o->groups_ext->len);
    tls13_read_prefixed(&r, 2, &list);
    while (tls13_reader_remaining(&list) >= 2) {
        uint16_t v;
        tls13_read_u16(&list, &v);
        if (v == group)
            return 1;
    }
    return 0;
}

static int parse_key_shares(tls13_conn *c, const tls13_ext *e, client_offer *o)
{
    tls13_reader r, list;
    tls13_reader_init(&r, e->data, e->len);
    if (!tls13_read_prefixed(&r, 2, &list) || !tls13_reader_done(&r))
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the client sent a malformed key_share");
    while (tls13_reader_remaining(&list) > 0) {
        uint16_t group;
        tls13_reader share;
        if (!tls13_read_u16(&list, &group) || !tls13_read_prefixed(&list, 2, &share) || share.len == 0)
            return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the client sent a malformed key_share");
        /* Section 4.2.8: one share per group, each for a group it offers. */
        if (tls13_u16_list_contains(o->share_groups, o->n_shares, group))
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the client sent two key shares for %s (0x%04x)",
                                   tls13_group_name(group), group);
        if (!client_lists_group(o, group))
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                                   "the client sent a key share for %s (0x%04x), a group it does not list in "
                                   "supported_groups", tls13_group_name(group), group);
        if (o->n_shares == MAX_CLIENT_SHARES)
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the client sent more than %d key shares",
                                   MAX_CLIENT_SHARES);
        o->share_groups[o->n_shares] = group;
        o->shares[o->n_shares] = share.p;
        o->share_lens[o->n_shares] = share.len;
        o->n_shares++;
    }
    return TLS13_OK;
}

static int parse_client_hello(tls13_conn *c, const uint8_t *msg, size_t len, client_offer *o)
{
    const tls13_ext *sv, *groups, *ks, *sig, *sni, *rsl;
    uint16_t versions[32];
    size_t n_versions;
    int bad, rc;
    memset(o, 0, sizeof(*o));
    if ((bad = tls13_client_hello_parse(msg + 4, len - 4, &o->ch)) != 0)
        return tls13_violation(c, bad, bad == TLS13_ALERT_DECODE_ERROR ? "the client sent a malformed ClientHello"
                                                                       : "the client's ClientHello repeats an extension");
    sv = tls13_ext_find(&o->ch.exts, TLS13_EXT_SUPPORTED_VERSIONS);
    if (!sv)
        return tls13_violation(c, TLS13_ALERT_PROTOCOL_VERSION,
                               "the client does not offer TLS 1.3 (no supported_versions; legacy_version 0x%04x)",
                               o->ch.legacy_version);
    if ((bad = tls13_u16_list_parse(sv, 1, is_tls13, versions, 1, &n_versions)) != 0)
        return tls13_violation(c, bad, "the client sent a malformed supported_versions");
    if (!tls13_u16_list_contains(versions, n_versions, TLS13_VERSION_13))
        return tls13_violation(c, TLS13_ALERT_PROTOCOL_VERSION, "the client does not offer TLS 1.3 in supported_versions");
    if (o->ch.legacy_version != TLS13_VERSION_12)
        return tls13_violation(c, TLS13_ALERT_PROTOCOL_VERSION, "the client's legacy_version is 0x%04x, not 0x0303",
                               o->ch.legacy_version);
    if (o->ch.compression_len != 1 || o->ch.compression[0] != 0)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the client's legacy_compression_methods is not the single null method");
    sig = tls13_ext_find(&o->ch.exts, TLS13_EXT_SIGNATURE_ALGORITHMS);
    if (!sig)
        return tls13_violation(c, TLS13_ALERT_MISSING_EXTENSION, "the client sent no signature_algorithms");
    if ((bad = tls13_u16_list_parse(sig, 2, tls13_sigalg_known, c->peer_sigalgs, TLS13_MAX_SIGALGS, &c->n_peer_sigalgs)) != 0)
        return tls13_violation(c, bad, "the client sent malformed signature_algorithms");
    groups = tls13_ext_find(&o->ch.exts, TLS13_EXT_SUPPORTED_GROUPS);
    ks = tls13_ext_find(&o->ch.exts, TLS13_EXT_KEY_SHARE);
    /* Section 9.2: without PSKs both are mandatory. */
    if (!groups || !ks)
        return tls13_violation(c, TLS13_ALERT_MISSING_EXTENSION, "the client sent no %s",
                               groups ? "key_share" : "supported_groups");
    o->groups_ext = groups;
    if ((bad = tls13_u16_list_parse(groups, 2, tls13_group_supported, o->groups, MAX_CLIENT_GROUPS, &o->n_groups)) != 0)
        return tls13_violation(c, bad, "the client sent malformed supported_groups");
    if ((rc = parse_key_shares(c, ks, o)) != TLS13_OK)
        return rc;
    c->sni[0] = '\0';
    sni = tls13_ext_find(&o->ch.exts, TLS13_EXT_SERVER_NAME);
    if (sni && (rc = parse_server_name(c, sni)) != TLS13_OK)
        return rc;
    o->alpn = tls13_ext_find(&o->ch.exts, TLS13_EXT_ALPN);
    rsl = tls13_ext_find(&o->ch.exts, TLS13_EXT_RECORD_SIZE_LIMIT);
    if (rsl) {
        tls13_reader r;
        uint16_t limit;
        tls13_reader_init(&r, rsl->data, rsl->len);
        if (!tls13_read_u16(&r, &limit) || !tls13_reader_done(&r) || limit < 64)
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the client sent an invalid record_size_limit");
        o->record_size_limit = limit;
    }
    return TLS13_OK;
}

/* RFC 6125 style: case-insensitive, a wildcard only as the whole leftmost label. */
static int dns_name_matches(const char *pattern, size_t plen, const char *host)
{
    size_t hlen = strlen(host);
    if (plen > 2 && pattern[0] == '*' && pattern[1] == '.') {
        const char *dot = strchr(host, '.');
        if (!dot || dot == host)
            return 0;
        pattern++;
        plen--;
        host = dot;
        hlen = strlen(dot);
    }
    if (plen != hlen)
        return 0;
    for (size_t i = 0; i < plen; i++)
        if (tolower((unsigned char)pattern[i]) != tolower((unsigned char)host[i]))
            return 0;
    return 1;
}

static int sans_match(const char *sans, const char *host)
{
    const char *p = sans;
    while ((p = strstr(p, "DNS:")) != NULL) {
        const char *end;
        p += 4;
        end = strchr(p, ',');
        if (!end)
            end = p + strlen(p);
        if (dns_name_matches(p, (size_t)(end - p), host))
            return 1;
        p = end;
    }
    return 0;
}

/* Section 4.4.2.2: a chain whose leaf names the SNI host first, then any
 * chain whose key can sign with a scheme the client offers. */
static int choose_certificate(tls13_conn *c)
{
    const tls13_config *cfg = c->cfg;
    if (cfg->n_certs == 0)
        return tls13_fail(c, TLS13_ALERT_HANDSHAKE_FAILURE, TLS13_ERR_HANDSHAKE_FAILURE,
                          "the server has no certificate configured");
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < cfg->n_certs; i++) {
            uint16_t scheme;
            if (pass == 0 && (!c->sni[0] || !sans_match(cfg->certs[i]->sans, c->sni)))
                continue;
            scheme = tls13_choose_scheme(&cfg->certs[i]->key, c->peer_sigalgs, c->n_peer_sigalgs);
            if (scheme) {
                c->cert = cfg->certs[i];
                c->sign_scheme = scheme;
                return TLS13_OK;
            }
        }
    }
    return tls13_fail(c, TLS13_ALERT_HANDSHAKE_FAILURE, TLS13_ERR_HANDSHAKE_FAILURE,
                      "none of our certificates can sign with a signature scheme the client offers");
}

static int choose_alpn(tls13_conn *c, const client_offer *o)
{
    const tls13_config *cfg = c->cfg;
    tls13_reader r, list;
    char offered[256] = "";
    if (!o->alpn || cfg->n_alpn == 0)
        return TLS13_OK;
    tls13_reader_init(&r, o->alpn->data, o->alpn->len);
    if (!tls13_read_prefixed(&r, 2, &list) || !tls13_reader_done(&r) || list.len == 0)
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the client sent a malformed ALPN extension");
    for (size_t i = 0; i < cfg->n_alpn; i++) {
        tls13_reader names = list;
        size_t want = strlen(cfg->alpn[i]);
        while (tls13_reader_remaining(&names) > 0) {
            tls13_reader name;
            if (!tls13_read_prefixed(&names, 1, &name) || name.len == 0)
                return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the client sent a malformed ALPN extension");
            if (i == 0)
                snprintf(offered + strlen(offered), sizeof(offered) - strlen(offered), "%s%.*s",
                         offered[0] ? "," : "", (int)name.len, (const char *)name.p);
            if (name.len == want && memcmp(name.p, cfg->alpn[i], want) == 0) {
                memcpy(c->alpn, cfg->alpn[i], want + 1);
                c->have_alpn = 1;
                return TLS13_OK;
            }
        }
    }
    return tls13_fail(c, TLS13_ALERT_NO_APPLICATION_PROTOCOL, TLS13_ERR_HANDSHAKE_FAILURE,
                      "the client offers ALPN %s, none of which we accept", offered);
}

/* ServerHello and HelloRetryRequest share one layout (section 4.1.3). */
static int send_server_hello(tls13_conn *c, const uint8_t *random, uint16_t group, const uint8_t *share,
                             size_t share_len)
{
    uint8_t buf[128 + TLS13_KEYSHARE_MAX_SHARE];
    tls13_writer w;
    tls13_writer_init(&w, buf, sizeof(buf));
    tls13_write_handshake_begin(&w, TLS13_HS_SERVER_HELLO);
    tls13_write_u16(&w, TLS13_VERSION_12);
    tls13_write_bytes(&w, random, 32);
    tls13_write_begin_prefixed(&w, 1);
    tls13_write_bytes(&w, c->session_id, c->session_id_len);
    tls13_write_end_prefixed(&w);
    tls13_write_u16(&w, c->suite ? c->suite->id : c->hrr_suite);
    tls13_write_u8(&w, 0);
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_u16(&w, TLS13_EXT_KEY_SHARE);
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_u16(&w, group);
    if (share) {
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_bytes(&w, share, share_len);
        tls13_write_end_prefixed(&w);
    }
    tls13_write_end_prefixed(&w);
    tls13_write_u16(&w, TLS13_EXT_SUPPORTED_VERSIONS);
    tls13_write_u16(&w, 2);
    tls13_write_u16(&w, TLS13_VERSION_13);
    tls13_write_end_prefixed(&w);
    tls13_write_end_prefixed(&w);
    if (!tls13_writer_ok(&w))
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_INTERNAL, "the ServerHello does not fit its buffer");
    return tls13_send_handshake(c, buf, tls13_writer_len(&w));
}

static int send_encrypted_extensions(tls13_conn *c, int record_size_limit)
{
    uint8_t buf[512];
    tls13_writer w;
    tls13_writer_init(&w, buf, sizeof(buf));
    tls13_write_handshake_begin(&w, TLS13_HS_ENCRYPTED_EXTENSIONS);
    tls13_write_begin_prefixed(&w, 2);
    if (record_size_limit) {
        /* RFC 8449 section 4: in TLS 1.3 the limit counts the content type byte. */
        tls13_write_u16(&w, TLS13_EXT_RECORD_SIZE_LIMIT);
        tls13_write_u16(&w, 2);
        tls13_write_u16(&w, TLS13_MAX_PLAINTEXT + 1);
    }
    if (c->sni[0]) { /* RFC 6066 section 3: an empty server_name acknowledges it */
        tls13_write_u16(&w, TLS13_EXT_SERVER_NAME);
        tls13_write_u16(&w, 0);
    }
    if (c->have_alpn) {
        size_t n = strlen(c->alpn);
        tls13_write_u16(&w, TLS13_EXT_ALPN);
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_begin_prefixed(&w, 1);
        tls13_write_bytes(&w, (const uint8_t *)c->alpn, n);
        tls13_write_end_prefixed(&w);
        tls13_write_end_prefixed(&w);
        tls13_write_end_prefixed(&w);
    }
    tls13_write_end_prefixed(&w);
    tls13_write_end_prefixed(&w);
    if (!tls13_writer_ok(&w))
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_INTERNAL, "EncryptedExtensions does not fit");
    tls13_trace(c, "> EncryptedExtensions%s%s", c->have_alpn ? ": ALPN " : "", c->have_alpn ? c->alpn : "");
    return tls13_send_handshake(c, buf, tls13_writer_len(&w));
}

static int send_certificate_request(tls13_conn *c)
{
    uint8_t buf[128];
    tls13_writer w;
    tls13_writer_init(&w, buf, sizeof(buf));
    tls13_write_handshake_begin(&w, TLS13_HS_CERTIFICATE_REQUEST);
    tls13_write_u8(&w, 0); /* empty certificate_request_context */
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_u16(&w, TLS13_EXT_SIGNATURE_ALGORITHMS);
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_u16_list(&w, tls13_default_sigalgs, tls13_default_sigalgs_len);
    tls13_write_end_prefixed(&w);
    tls13_write_end_prefixed(&w);
    tls13_write_end_prefixed(&w);
    if (!tls13_writer_ok(&w))
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_INTERNAL, "CertificateRequest does not fit");
    tls13_trace(c, "> CertificateRequest (client certificate %s)",
                c->cfg->verify == TLS13_VERIFY_REQUIRED ? "required" : "optional");
    return tls13_send_handshake(c, buf, tls13_writer_len(&w));
}

static void trace_client_hello(tls13_conn *c, const client_offer *o)
{
    char groups[256] = "", shares[128] = "", alpn[256] = "";
    for (size_t i = 0; i < o->n_groups; i++)
        snprintf(groups + strlen(groups), sizeof(groups) - strlen(groups), "%s%s", i ? "," : "",
                 tls13_group_name(o->groups[i]));
    for (size_t i = 0; i < o->n_shares; i++)
        snprintf(shares + strlen(shares), sizeof(shares) - strlen(shares), "%s%s", i ? "+" : "",
                 tls13_group_name(o->share_groups[i]));
    if (o->alpn && o->alpn->len > 2) {
        tls13_reader r;
        tls13_reader_init(&r, o->alpn->data + 2, o->alpn->len - 2);
        while (tls13_reader_remaining(&r) > 0) {
            tls13_reader name;
            if (!tls13_read_prefixed(&r, 1, &name))
                break;
            snprintf(alpn + strlen(alpn), sizeof(alpn) - strlen(alpn), "%s%.*s", alpn[0] ? "," : "",
                     (int)name.len, (const char *)name.p);
        }
    }
    tls13_trace(c, "< ClientHello: TLS 1.3, %zu suites, groups %s, key shares %s%s%s%s%s", o->ch.suites_len / 2,
                groups, shares[0] ? shares : "none", c->sni[0] ? ", SNI " : "", c->sni, alpn[0] ? ", ALPN " : "",
                alpn);
}

static int server_client_hello(tls13_conn *c, const uint8_t *msg, size_t len)
{
    const tls13_config *cfg = c->cfg;
    client_offer o;
    const tls13_suite *suite = NULL;
    uint16_t group = 0;
    size_t share_idx = 0;
    int second = c->state == TLS13_ST_SERVER_WAIT_SECOND_CLIENT_HELLO, rc;
    uint8_t share[TLS13_KEYSHARE_MAX_SHARE], secret[TLS13_KEYSHARE_MAX_SECRET];
    size_t share_len = 0, secret_len = 0;

    if ((rc = parse_client_hello(c, msg, len, &o)) != TLS13_OK)
        return rc;
    trace_client_hello(c, &o);
    for (size_t i = 0; i < cfg->n_suites && !suite; i++)
        for (size_t j = 0; j + 1 < o.ch.suites_len; j += 2)
            if (((uint16_t)(o.ch.suites[j] << 8) | o.ch.suites[j + 1]) == cfg->suites[i])
                suite = tls13_suite_find(cfg->suites[i]);
    if (!suite)
        return tls13_fail(c, TLS13_ALERT_HANDSHAKE_FAILURE, TLS13_ERR_HANDSHAKE_FAILURE,
                          "the client offers no cipher suite we accept");
    /* A usable key share by our preference; else a retry with our most
     * preferred group the client supports (section 4.1.4). */
    for (size_t i = 0; i < cfg->n_groups && !group; i++)
        for (size_t j = 0; j < o.n_shares; j++)
            if (o.share_groups[j] == cfg->groups[i]) {
                group = cfg->groups[i];
                share_idx = j;
                break;
            }
    if (second) {
        if (suite->id != c->hrr_suite)
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                                   "after HelloRetryRequest the client changed its cipher suites");
        if (o.n_shares != 1 || o.share_groups[0] != c->group)
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                                   "after HelloRetryRequest the client did not send exactly one %s key share",
                                   tls13_group_name(c->group));
        group = c->group;
        share_idx = 0;
    }
    if ((rc = choose_certificate(c)) != TLS13_OK || (rc = choose_alpn(c, &o)) != TLS13_OK)
        return rc;
    memcpy(c->session_id, o.ch.session_id, o.ch.session_id_len);
    c->session_id_len = o.ch.session_id_len;
    if (!second)
        memcpy(c->client_random, o.ch.random, 32);

    if (!group) {
        for (size_t i = 0; i < cfg->n_groups && !group; i++)
            if (tls13_u16_list_contains(o.groups, o.n_groups, cfg->groups[i]))
                group = cfg->groups[i];
        if (!group)
            return tls13_fail(c, TLS13_ALERT_HANDSHAKE_FAILURE, TLS13_ERR_HANDSHAKE_FAILURE,
                              "the client supports no key exchange group we accept");
        c->hrr_suite = suite->id;
        c->group = group;
        c->hrr_done = 1;
        tls13_transcript_select(&c->transcript, suite->hash);
        tls13_transcript_add(&c->transcript, msg, len);
        tls13_transcript_hrr_rewrite(&c->transcript);
        tls13_trace(c, "> HelloRetryRequest: %s, group %s", suite->name, tls13_group_name(group));
        if ((rc = send_server_hello(c, tls13_hrr_random, group, NULL, 0)) != TLS13_OK)
            return rc;
        if (c->session_id_len > 0 && (rc = tls13_send_ccs(c)) != TLS13_OK)
            return rc;
        c->state = TLS13_ST_SERVER_WAIT_SECOND_CLIENT_HELLO;
        return TLS13_OK;
    }

    rc = tls13_keyshare_respond(group, o.shares[share_idx], o.share_lens[share_idx], share, sizeof(share), &share_len,
                                secret, sizeof(secret), &secret_len);
    if (rc != TLS13_OK)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the client's %s key share is invalid: %s",
                               tls13_group_name(group), tls13_status_text(rc));
    if (tls13_random_bytes(c->server_random, 32) != TLS13_OK) {
        tls13_wipe(secret, sizeof(secret));
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_RANDOM, "the random number generator failed");
    }
    c->suite = suite;
    c->group = group;
    if (o.record_size_limit)
        c->max_fragment = o.record_size_limit - 1 < TLS13_MAX_PLAINTEXT ? (size_t)o.record_size_limit - 1
                                                                        : TLS13_MAX_PLAINTEXT;
    tls13_transcript_select(&c->transcript, suite->hash);
    tls13_transcript_add(&c->transcript, msg, len);
    tls13_trace(c, "> ServerHello: %s, key share %s", suite->name, tls13_group_name(group));
    rc = send_server_hello(c, c->server_random, group, share, share_len);
    if (rc == TLS13_OK)
        rc = tls13_derive_handshake_secrets(c, secret, secret_len);
    tls13_wipe(secret, sizeof(secret));
    if (rc != TLS13_OK)
        return rc;
    if (c->session_id_len > 0 && (rc = tls13_send_ccs(c)) != TLS13_OK)
        return rc;
    if ((rc = tls13_set_write_secret(c, c->server_hs_secret)) != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "installing the handshake keys failed");
    if ((rc = send_encrypted_extensions(c, o.record_size_limit)) != TLS13_OK)
        return rc;
    if (cfg->verify == TLS13_VERIFY_OPTIONAL || cfg->verify == TLS13_VERIFY_REQUIRED) {
        if ((rc = send_certificate_request(c)) != TLS13_OK)
            return rc;
        c->cert_requested = 1;
    }
    if ((rc = tls13_send_certificate(c, c->cert, NULL, 0)) != TLS13_OK ||
        (rc = tls13_send_certificate_verify(c, c->cert, c->sign_scheme)) != TLS13_OK ||
        (rc = tls13_send_finished(c, c->server_hs_secret)) != TLS13_OK ||
        (rc = tls13_derive_application_secrets(c)) != TLS13_OK)
        return rc;
    if ((rc = tls13_set_write_secret(c, c->server_ap_secret)) != TLS13_OK ||
        (rc = tls13_set_read_secret(c, c->client_hs_secret)) != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "installing the traffic keys failed");
    tls13_wipe(c->server_ap_secret, sizeof(c->server_ap_secret)); /* the record layer has its copy */
    c->state = c->cert_requested ? TLS13_ST_SERVER_WAIT_CERTIFICATE : TLS13_ST_SERVER_WAIT_FINISHED;
    return TLS13_OK;
}

static int server_certificate(tls13_conn *c, const uint8_t *msg, size_t len)
{
    int empty = 0;
    int rc = tls13_receive_certificate(c, msg, len, &empty);
    if (rc != TLS13_OK)
        return rc;
    if (empty) {
        if (c->cfg->verify == TLS13_VERIFY_REQUIRED) /* section 4.4.2.4 */
            return tls13_fail(c, TLS13_ALERT_CERTIFICATE_REQUIRED, TLS13_ERR_CERT_VERIFY,
                              "the client sent no certificate, but one is required");
        c->state = TLS13_ST_SERVER_WAIT_FINISHED;
        return TLS13_OK;
    }
    c->state = TLS13_ST_SERVER_WAIT_CERTIFICATE_VERIFY;
    return TLS13_OK;
}

static int server_certificate_verify(tls13_conn *c, const uint8_t *msg, size_t len)
{
    int rc = tls13_receive_certificate_verify(c, msg, len, tls13_default_sigalgs, tls13_default_sigalgs_len);
    if (rc == TLS13_OK)
        c->state = TLS13_ST_SERVER_WAIT_FINISHED;
    return rc;
}

static int server_finished(tls13_conn *c, const uint8_t *msg, size_t len)
{
    int rc = tls13_receive_finished(c, msg, len, c->client_hs_secret);
    if (rc != TLS13_OK)
        return rc;
    if ((rc = tls13_set_read_secret(c, c->client_ap_secret)) != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "installing the application keys failed");
    tls13_wipe(c->client_ap_secret, sizeof(c->client_ap_secret)); /* section 7.2 */
    tls13_wipe(c->client_hs_secret, sizeof(c->client_hs_secret));
    tls13_wipe(c->server_hs_secret, sizeof(c->server_hs_secret));
    c->state = TLS13_ST_CONNECTED;
    tls13_trace_negotiated(c);
    return TLS13_OK;
}

const tls13_state_row tls13_server_table[] = {
    {TLS13_ST_SERVER_WAIT_CLIENT_HELLO, TLS13_HS_CLIENT_HELLO, server_client_hello},
    {TLS13_ST_SERVER_WAIT_SECOND_CLIENT_HELLO, TLS13_HS_CLIENT_HELLO, server_client_hello},
    {TLS13_ST_SERVER_WAIT_CERTIFICATE, TLS13_HS_CERTIFICATE, server_certificate},
    {TLS13_ST_SERVER_WAIT_CERTIFICATE_VERIFY, TLS13_HS_CERTIFICATE_VERIFY, server_certificate_verify},
    {TLS13_ST_SERVER_WAIT_FINISHED, TLS13_HS_FINISHED, server_finished},
    {TLS13_ST_CONNECTED, TLS13_HS_KEY_UPDATE, tls13_handle_key_update},
};
const size_t tls13_server_table_len = sizeof(tls13_server_table) / sizeof(tls13_server_table[0]);
