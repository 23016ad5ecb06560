/*
 * The client handshake (RFC 8446 section 2, figure 1; section 4): the state
 * table at the bottom names the message each state expects.
 */
#include <stdio.h>
#include <string.h>

#include "../base/bytes.h"
#include "../base/mem.h"
#include "../base/random.h"
#include "alert.h"
#include "../x509/hostname.h"
#include "conn.h"
#include "messages.h"

/* The same test the certificate check uses, so SNI and verification agree
 * on what is an address. */
static int is_ip_literal(const char *s)
{
    uint8_t ip[16];
    return tls13_parse_ipv4(s, ip) || tls13_parse_ipv6(s, ip);
}

/* "a,b,c" from group codepoints. */
static void group_names(char *out, size_t cap, const uint16_t *groups, size_t n, const char *sep)
{
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? sep : "", tls13_group_name(groups[i]));
}

static void alpn_names(char *out, size_t cap, const tls13_config *cfg)
{
    out[0] = '\0';
    for (size_t i = 0; i < cfg->n_alpn; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? "," : "", cfg->alpn[i]);
}

static int generate_share(tls13_conn *c, size_t i, uint16_t group)
{
    int rc = tls13_keyshare_generate(group, &c->shares[i], c->share_pub[i], sizeof(c->share_pub[i]),
                                     &c->share_pub_len[i]);
    if (rc != TLS13_OK)
        return tls13_fail(c, -1, rc, "generating a %s key share failed: %s", tls13_group_name(group),
                          tls13_status_text(rc));
    c->share_groups[i] = group;
    c->n_shares = i + 1;
    return TLS13_OK;
}

static void free_shares(tls13_conn *c)
{
    for (size_t i = 0; i < c->n_shares; i++) {
        tls13_keyshare_free(c->shares[i]);
        c->shares[i] = NULL;
    }
    c->n_shares = 0;
}

static int send_client_hello(tls13_conn *c)
{
    const tls13_config *cfg = c->cfg;
    int sni = c->server_name && !is_ip_literal(c->server_name);
    size_t cap = 1024 + 2 * (TLS13_KEYSHARE_MAX_SHARE + 4) + c->cookie_len + 16 * 256;
    uint8_t *buf = tls13_scratch(c, cap);
    tls13_writer w;
    char groups[128], shares[64], alpn[512];
    if (!buf)
        return tls13_fail(c, -1, TLS13_ERR_NO_MEMORY, "out of memory building ClientHello");
    tls13_writer_init(&w, buf, cap);
    tls13_write_handshake_begin(&w, TLS13_HS_CLIENT_HELLO);
    tls13_write_u16(&w, TLS13_VERSION_12); /* legacy_version */
    tls13_write_bytes(&w, c->client_random, 32);
    tls13_write_begin_prefixed(&w, 1);
    tls13_write_bytes(&w, c->session_id, c->session_id_len);
    tls13_write_end_prefixed(&w);
    tls13_write_u16_list(&w, cfg->suites, cfg->n_suites);
    tls13_write_u8(&w, 1); /* legacy_compression_methods: null only */
    tls13_write_u8(&w, 0);
    tls13_write_begin_prefixed(&w, 2);
    if (sni) { /* RFC 6066 section 3: DNS names only, never IP literals */
        size_t n = strlen(c->server_name);
        if (n > 1 && c->server_name[n - 1] == '.')
            n--; /* RFC 6066 section 3: "without a trailing dot" */
        tls13_write_u16(&w, TLS13_EXT_SERVER_NAME);
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_u8(&w, 0); /* host_name */
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_bytes(&w, (const uint8_t *)c->server_name, n);
        tls13_write_end_prefixed(&w);
        tls13_write_end_prefixed(&w);
        tls13_write_end_prefixed(&w);
    }
    tls13_write_u16(&w, TLS13_EXT_SUPPORTED_VERSIONS);
    tls13_write_u16(&w, 3);
    tls13_write_u8(&w, 2);
    tls13_write_u16(&w, TLS13_VERSION_13);
    tls13_write_u16(&w, TLS13_EXT_SUPPORTED_GROUPS);
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_u16_list(&w, cfg->groups, cfg->n_groups);
    tls13_write_end_prefixed(&w);
    tls13_write_u16(&w, TLS13_EXT_KEY_SHARE);
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_begin_prefixed(&w, 2);
    for (size_t i = 0; i < c->n_shares; i++) {
        tls13_write_u16(&w, c->share_groups[i]);
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_bytes(&w, c->share_pub[i], c->share_pub_len[i]);
        tls13_write_end_prefixed(&w);
    }
    tls13_write_end_prefixed(&w);
    tls13_write_end_prefixed(&w);
    tls13_write_u16(&w, TLS13_EXT_SIGNATURE_ALGORITHMS);
    tls13_write_begin_prefixed(&w, 2);
    tls13_write_u16_list(&w, c->offered_sigalgs, c->n_offered_sigalgs);
    tls13_write_end_prefixed(&w);
    if (cfg->n_alpn > 0) {
        tls13_write_u16(&w, TLS13_EXT_ALPN);
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_begin_prefixed(&w, 2);
        for (size_t i = 0; i < cfg->n_alpn; i++) {
            tls13_write_begin_prefixed(&w, 1);
            tls13_write_bytes(&w, (const uint8_t *)cfg->alpn[i], strlen(cfg->alpn[i]));
            tls13_write_end_prefixed(&w);
        }
        tls13_write_end_prefixed(&w);
        tls13_write_end_prefixed(&w);
    }
    if (c->cookie_len > 0) {
        tls13_write_u16(&w, TLS13_EXT_COOKIE);
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_begin_prefixed(&w, 2);
        tls13_write_bytes(&w, c->cookie, c->cookie_len);
        tls13_write_end_prefixed(&w);
        tls13_write_end_prefixed(&w);
    }
    tls13_write_end_prefixed(&w); /* extensions */
    tls13_write_end_prefixed(&w); /* message */
    if (!tls13_writer_ok(&w))
        return tls13_fail(c, -1, TLS13_ERR_INTERNAL, "the ClientHello does not fit its buffer");
    group_names(groups, sizeof(groups), cfg->groups, cfg->n_groups, ",");
    group_names(shares, sizeof(shares), c->share_groups, c->n_shares, "+");
    alpn_names(alpn, sizeof(alpn), cfg);
    tls13_trace(c, "> ClientHello: TLS 1.3, %zu suite%s, groups %s, key share%s %s%s%s%s%s%s", cfg->n_suites,
                cfg->n_suites == 1 ? "" : "s", groups, c->n_shares == 1 ? "" : "s", shares, sni ? ", SNI " : "",
                sni ? c->server_name : "", cfg->n_alpn ? ", ALPN " : "", alpn, c->cookie_len ? ", cookie" : "");
    return tls13_send_handshake(c, buf, tls13_writer_len(&w));
}

int tls13_client_start(tls13_conn *c)
{
    const tls13_config *cfg = c->cfg;
    int rc;
    if (c->state != TLS13_ST_CLIENT_START)
        return TLS13_OK;
    c->state = TLS13_ST_CLIENT_WAIT_SERVER_HELLO;
    /* Appendix D.4 middlebox compatibility: a 32-byte legacy_session_id. */
    c->session_id_len = 32;
    if (tls13_random_bytes(c->client_random, 32) != TLS13_OK ||
        tls13_random_bytes(c->session_id, c->session_id_len) != TLS13_OK)
        return tls13_fail(c, -1, TLS13_ERR_RANDOM, "the operating system's random number generator failed");
    memcpy(c->offered_sigalgs, tls13_default_sigalgs, tls13_default_sigalgs_len * sizeof(uint16_t));
    c->n_offered_sigalgs = tls13_default_sigalgs_len;
    /* Shares for the first group and, for the hybrid, classic x25519 too
     * (servers without ML-KEM then need no HelloRetryRequest). */
    if ((rc = generate_share(c, 0, cfg->groups[0])) != TLS13_OK)
        return rc;
    if (cfg->groups[0] == TLS13_GROUP_X25519MLKEM768 &&
        tls13_u16_list_contains(cfg->groups, cfg->n_groups, TLS13_GROUP_X25519) &&
        (rc = generate_share(c, 1, TLS13_GROUP_X25519)) != TLS13_OK)
        return rc;
    return send_client_hello(c);
}

int tls13_client_start_with_hello(tls13_conn *c, const uint8_t *ch_msg, size_t ch_len, tls13_keyshare *share,
                                  uint16_t group)
{
    tls13_client_hello ch;
    const tls13_ext *sig;
    if (c->state != TLS13_ST_CLIENT_START || ch_len < 4 || ch_msg[0] != TLS13_HS_CLIENT_HELLO ||
        tls13_client_hello_parse(ch_msg + 4, ch_len - 4, &ch) != 0 ||
        !(sig = tls13_ext_find(&ch.exts, TLS13_EXT_SIGNATURE_ALGORITHMS)) ||
        tls13_u16_list_parse(sig, 2, NULL, c->offered_sigalgs, TLS13_MAX_SIGALGS, &c->n_offered_sigalgs) != 0)
        return TLS13_ERR_INVALID_ARGUMENT;
    c->offered_record_size_limit = tls13_ext_find(&ch.exts, TLS13_EXT_RECORD_SIZE_LIMIT) != NULL;
    memcpy(c->client_random, ch.random, 32);
    memcpy(c->session_id, ch.session_id, ch.session_id_len);
    c->session_id_len = ch.session_id_len;
    c->shares[0] = share;
    c->share_groups[0] = group;
    c->n_shares = 1;
    tls13_transcript_add(&c->transcript, ch_msg, ch_len);
    c->state = TLS13_ST_CLIENT_WAIT_SERVER_HELLO;
    return TLS13_OK;
}

static int offered_suite(const tls13_conn *c, uint16_t suite)
{
    return tls13_u16_list_contains(c->cfg->suites, c->cfg->n_suites, suite);
}

static int handle_hello_retry_request(tls13_conn *c, const tls13_server_hello *sh, const uint8_t *msg, size_t len)
{
    const tls13_ext *ks = tls13_ext_find(&sh->exts, TLS13_EXT_KEY_SHARE);
    const tls13_ext *cookie = tls13_ext_find(&sh->exts, TLS13_EXT_COOKIE);
    uint16_t group = 0;
    int rc;
    if (c->hrr_done)
        return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE, "the server sent a second HelloRetryRequest");
    if (!ks && !cookie)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server's HelloRetryRequest asks for no change to the ClientHello");
    if (ks) {
        tls13_reader r;
        tls13_reader_init(&r, ks->data, ks->len);
        if (!tls13_read_u16(&r, &group) || !tls13_reader_done(&r))
            return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server sent a malformed HelloRetryRequest key_share");
        if (!tls13_u16_list_contains(c->cfg->groups, c->cfg->n_groups, group))
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                                   "the server's HelloRetryRequest asks for group %s (0x%04x), which we did not offer",
                                   tls13_group_name(group), group);
        if (tls13_u16_list_contains(c->share_groups, c->n_shares, group))
            return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                                   "the server's HelloRetryRequest asks for a %s key share, which we already sent",
                                   tls13_group_name(group));
    }
    if (cookie) {
        tls13_reader r, body;
        tls13_reader_init(&r, cookie->data, cookie->len);
        if (!tls13_read_prefixed(&r, 2, &body) || body.len == 0 || !tls13_reader_done(&r))
            return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server sent a malformed cookie");
        c->cookie = tls13_alloc(body.len);
        if (!c->cookie)
            return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_NO_MEMORY, "out of memory storing the cookie");
        memcpy(c->cookie, body.p, body.len);
        c->cookie_len = body.len;
    }
    tls13_trace(c, "< HelloRetryRequest: %s%s%s%s", tls13_cipher_suite_name(sh->suite), ks ? ", group " : "",
                ks ? tls13_group_name(group) : "", cookie ? ", cookie" : "");
    c->hrr_done = 1;
    c->hrr_suite = sh->suite;
    /* Section 4.4.1: ClientHello1 is replaced by its message_hash. */
    tls13_transcript_select(&c->transcript, tls13_suite_find(sh->suite)->hash);
    tls13_transcript_hrr_rewrite(&c->transcript);
    tls13_transcript_add(&c->transcript, msg, len);
    if (ks) {
        free_shares(c);
        if ((rc = generate_share(c, 0, group)) != TLS13_OK)
            return rc;
    }
    /* Appendix D.4: the compatibility CCS goes before the second flight. */
    if (c->session_id_len > 0 && (rc = tls13_send_ccs(c)) != TLS13_OK)
        return rc;
    return send_client_hello(c);
}

static int client_server_hello(tls13_conn *c, const uint8_t *msg, size_t len)
{
    tls13_server_hello sh;
    const tls13_ext *sv, *ks;
    const tls13_suite *suite;
    int is_hrr, bad;
    uint16_t version, group;
    tls13_reader r, share;
    uint8_t secret[TLS13_KEYSHARE_MAX_SECRET];
    size_t secret_len = 0, idx;
    int rc;

    if ((bad = tls13_server_hello_parse(msg + 4, len - 4, &sh)) != 0)
        return tls13_violation(c, bad, bad == TLS13_ALERT_DECODE_ERROR ? "the server sent a malformed ServerHello"
                                                                       : "the server's ServerHello repeats an extension");
    is_hrr = memcmp(sh.random, tls13_hrr_random, 32) == 0;
    /* Section 4.1.3: the TLS 1.2 / 1.1 downgrade sentinels. */
    if (!is_hrr && memcmp(sh.random + 24, "DOWNGRD", 7) == 0 && (sh.random[31] == 0 || sh.random[31] == 1))
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server's random carries the TLS 1.%d downgrade sentinel: something between us "
                               "forced an older version", sh.random[31] ? 2 : 1);
    sv = tls13_ext_find(&sh.exts, TLS13_EXT_SUPPORTED_VERSIONS);
    if (!sv)
        return tls13_violation(c, TLS13_ALERT_PROTOCOL_VERSION,
                               "the server chose version 0x%04x (no supported_versions): libtls13 speaks only TLS 1.3",
                               sh.legacy_version);
    tls13_reader_init(&r, sv->data, sv->len);
    if (!tls13_read_u16(&r, &version) || !tls13_reader_done(&r))
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server sent a malformed supported_versions");
    if (version != TLS13_VERSION_13)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server selected version 0x%04x, which we did not offer", version);
    if (sh.legacy_version != TLS13_VERSION_12)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the server's ServerHello has legacy_version 0x%04x",
                               sh.legacy_version);
    if (sh.session_id_len != c->session_id_len || memcmp(sh.session_id, c->session_id, c->session_id_len) != 0)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the server did not echo our legacy_session_id");
    if (!offered_suite(c, sh.suite) || !(suite = tls13_suite_find(sh.suite)))
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server chose cipher suite 0x%04x, which we did not offer", sh.suite);
    if (sh.compression != 0)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the server chose compression method %u",
                               sh.compression);
    for (size_t i = 0; i < sh.exts.n; i++) {
        uint16_t t = sh.exts.ext[i].type;
        if (t != TLS13_EXT_KEY_SHARE && t != TLS13_EXT_SUPPORTED_VERSIONS && !(is_hrr && t == TLS13_EXT_COOKIE))
            return tls13_violation(c, TLS13_ALERT_UNSUPPORTED_EXTENSION,
                                   "the server sent extension %u in its %s, which we did not offer", t,
                                   is_hrr ? "HelloRetryRequest" : "ServerHello");
    }
    if (is_hrr)
        return handle_hello_retry_request(c, &sh, msg, len);
    if (c->hrr_done && sh.suite != c->hrr_suite)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server chose %s after asking for a retry with %s", suite->name,
                               tls13_cipher_suite_name(c->hrr_suite));
    ks = tls13_ext_find(&sh.exts, TLS13_EXT_KEY_SHARE);
    if (!ks)
        return tls13_violation(c, TLS13_ALERT_MISSING_EXTENSION, "the server's ServerHello has no key_share");
    tls13_reader_init(&r, ks->data, ks->len);
    if (!tls13_read_u16(&r, &group) || !tls13_read_prefixed(&r, 2, &share) || !tls13_reader_done(&r) ||
        share.len == 0)
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server sent a malformed key_share");
    for (idx = 0; idx < c->n_shares && c->share_groups[idx] != group; idx++)
        ;
    if (idx == c->n_shares)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server's key share is for %s (0x%04x), for which we sent no share",
                               tls13_group_name(group), group);
    rc = tls13_keyshare_finish(c->shares[idx], share.p, share.len, secret, sizeof(secret), &secret_len);
    free_shares(c);
    if (rc != TLS13_OK)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the server's %s key share is invalid: %s",
                               tls13_group_name(group), tls13_status_text(rc));
    tls13_trace(c, "< ServerHello: %s, key share %s", suite->name, tls13_group_name(group));
    c->suite = suite;
    c->group = group;
    memcpy(c->server_random, sh.random, 32);
    tls13_transcript_select(&c->transcript, suite->hash);
    tls13_transcript_add(&c->transcript, msg, len);
    rc = tls13_derive_handshake_secrets(c, secret, secret_len);
    tls13_wipe(secret, sizeof(secret));
    if (rc != TLS13_OK)
        return rc;
    if ((rc = tls13_set_read_secret(c, c->server_hs_secret)) != TLS13_OK ||
        (rc = tls13_set_write_secret(c, c->client_hs_secret)) != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "installing the handshake keys failed");
    c->state = TLS13_ST_CLIENT_WAIT_ENCRYPTED_EXTENSIONS;
    return TLS13_OK;
}

static int client_encrypted_extensions(tls13_conn *c, const uint8_t *msg, size_t len)
{
    tls13_reader r;
    tls13_ext_list exts;
    int bad;
    tls13_reader_init(&r, msg + 4, len - 4);
    if (tls13_reader_remaining(&r) < 2)
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server sent a malformed EncryptedExtensions");
    if ((bad = tls13_ext_list_parse(&r, &exts)) != 0)
        return tls13_violation(c, bad, bad == TLS13_ALERT_DECODE_ERROR ? "the server sent a malformed EncryptedExtensions"
                                                                       : "the server's EncryptedExtensions repeats an extension");
    for (size_t i = 0; i < exts.n; i++) {
        const tls13_ext *e = &exts.ext[i];
        if (e->type == TLS13_EXT_ALPN && c->cfg->n_alpn > 0) {
            tls13_reader er, list, name;
            size_t j;
            tls13_reader_init(&er, e->data, e->len);
            if (!tls13_read_prefixed(&er, 2, &list) || !tls13_reader_done(&er) || !tls13_read_prefixed(&list, 1, &name) ||
                !tls13_reader_done(&list) || name.len == 0)
                return tls13_violation(c, TLS13_ALERT_DECODE_ERROR,
                                       "the server's ALPN extension does not hold exactly one protocol");
            for (j = 0; j < c->cfg->n_alpn; j++)
                if (strlen(c->cfg->alpn[j]) == name.len && memcmp(c->cfg->alpn[j], name.p, name.len) == 0)
                    break;
            memcpy(c->alpn, name.p, name.len);
            c->alpn[name.len] = '\0';
            if (j == c->cfg->n_alpn)
                return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                                       "the server chose ALPN protocol \"%s\", which we did not offer", c->alpn);
            c->have_alpn = 1;
        } else if (e->type == TLS13_EXT_SERVER_NAME && c->server_name && !is_ip_literal(c->server_name)) {
            if (e->len != 0)
                return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server's server_name extension is not empty");
        } else if (e->type == TLS13_EXT_RECORD_SIZE_LIMIT && c->offered_record_size_limit) {
            tls13_reader er;
            uint16_t limit;
            tls13_reader_init(&er, e->data, e->len);
            if (!tls13_read_u16(&er, &limit) || !tls13_reader_done(&er) || limit < 64)
                return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the server sent an invalid record_size_limit");
            /* RFC 8449 section 4: the limit counts the inner content type. */
            c->max_fragment = (size_t)limit - 1 < TLS13_MAX_PLAINTEXT ? (size_t)limit - 1 : TLS13_MAX_PLAINTEXT;
        } else if (e->type != TLS13_EXT_SUPPORTED_GROUPS) {
            /* supported_groups is the server's preference list, informational
             * (section 4.2.7); anything else we did not offer. */
            return tls13_violation(c, TLS13_ALERT_UNSUPPORTED_EXTENSION,
                                   "the server sent extension %u in EncryptedExtensions, which we did not offer",
                                   e->type);
        }
    }
    tls13_trace(c, "< EncryptedExtensions%s%s", c->have_alpn ? ": ALPN " : "", c->have_alpn ? c->alpn : "");
    tls13_transcript_add(&c->transcript, msg, len);
    c->state = TLS13_ST_CLIENT_WAIT_CERT_OR_REQUEST;
    return TLS13_OK;
}

static int client_certificate_request(tls13_conn *c, const uint8_t *msg, size_t len)
{
    tls13_reader r, ctx;
    tls13_ext_list exts;
    const tls13_ext *sig, *misplaced;
    int bad;
    tls13_reader_init(&r, msg + 4, len - 4);
    if (!tls13_read_prefixed(&r, 1, &ctx) || tls13_reader_remaining(&r) < 2)
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server sent a malformed CertificateRequest");
    if ((bad = tls13_ext_list_parse(&r, &exts)) != 0)
        return tls13_violation(c, bad, bad == TLS13_ALERT_DECODE_ERROR ? "the server sent a malformed CertificateRequest"
                                                                       : "the server's CertificateRequest repeats an extension");
    if ((misplaced = tls13_ext_misplaced(&exts, TLS13_HS_CERTIFICATE_REQUEST)) != NULL)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server's CertificateRequest holds extension %u, which does not belong there",
                               misplaced->type);
    /* Section 4.3.2: in the main handshake the context is empty. */
    if (ctx.len != 0)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server's CertificateRequest has a non-empty certificate_request_context");
    sig = tls13_ext_find(&exts, TLS13_EXT_SIGNATURE_ALGORITHMS);
    if (!sig)
        return tls13_violation(c, TLS13_ALERT_MISSING_EXTENSION,
                               "the server's CertificateRequest has no signature_algorithms");
    if ((bad = tls13_u16_list_parse(sig, 2, tls13_sigalg_known, c->peer_sigalgs, TLS13_MAX_SIGALGS, &c->n_peer_sigalgs)) != 0)
        return tls13_violation(c, bad, "the server sent malformed signature_algorithms");
    c->cert_requested = 1;
    tls13_trace(c, "< CertificateRequest: %zu signature schemes", c->n_peer_sigalgs);
    tls13_transcript_add(&c->transcript, msg, len);
    c->state = TLS13_ST_CLIENT_WAIT_CERTIFICATE;
    return TLS13_OK;
}

static int client_certificate(tls13_conn *c, const uint8_t *msg, size_t len)
{
    int empty = 0;
    int rc = tls13_receive_certificate(c, msg, len, &empty);
    if (rc != TLS13_OK)
        return rc;
    if (empty) /* section 4.4.2.4 */
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server sent no certificate");
    c->state = TLS13_ST_CLIENT_WAIT_CERTIFICATE_VERIFY;
    return TLS13_OK;
}

static int client_certificate_verify(tls13_conn *c, const uint8_t *msg, size_t len)
{
    int rc = tls13_receive_certificate_verify(c, msg, len, c->offered_sigalgs, c->n_offered_sigalgs);
    if (rc == TLS13_OK)
        c->state = TLS13_ST_CLIENT_WAIT_FINISHED;
    return rc;
}

static int client_finished(tls13_conn *c, const uint8_t *msg, size_t len)
{
    int rc = tls13_receive_finished(c, msg, len, c->server_hs_secret);
    if (rc != TLS13_OK)
        return rc;
    if ((rc = tls13_derive_application_secrets(c)) != TLS13_OK)
        return rc;
    if ((rc = tls13_set_read_secret(c, c->server_ap_secret)) != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "installing the application keys failed");
    if (c->session_id_len > 0 && (rc = tls13_send_ccs(c)) != TLS13_OK)
        return rc;
    if (c->cert_requested) {
        /* Section 4.4.2.3: an empty Certificate when no chain of ours fits. */
        const tls13_cert_entry *entry = c->cfg->n_certs ? c->cfg->certs[0] : NULL;
        uint16_t scheme = entry ? tls13_choose_scheme(&entry->key, c->peer_sigalgs, c->n_peer_sigalgs) : 0;
        if (!scheme)
            entry = NULL;
        if ((rc = tls13_send_certificate(c, entry, c->request_context, c->request_context_len)) != TLS13_OK)
            return rc;
        if (entry && (rc = tls13_send_certificate_verify(c, entry, scheme)) != TLS13_OK)
            return rc;
    }
    if ((rc = tls13_send_finished(c, c->client_hs_secret)) != TLS13_OK)
        return rc;
    if ((rc = tls13_set_write_secret(c, c->client_ap_secret)) != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "installing the application keys failed");
    /* The record layer holds its own copies and ratchets them on KeyUpdate;
     * these generation-0 secrets must not outlive it (section 7.2). */
    tls13_wipe(c->client_ap_secret, sizeof(c->client_ap_secret));
    tls13_wipe(c->server_ap_secret, sizeof(c->server_ap_secret));
    tls13_wipe(c->client_hs_secret, sizeof(c->client_hs_secret));
    tls13_wipe(c->server_hs_secret, sizeof(c->server_hs_secret));
    c->state = TLS13_ST_CONNECTED;
    tls13_trace_negotiated(c);
    return TLS13_OK;
}

/* Resumption is a later feature: tickets are checked for form and dropped. */
static int client_new_session_ticket(tls13_conn *c, const uint8_t *msg, size_t len)
{
    tls13_reader r, nonce, ticket, exts;
    tls13_ext_list list;
    const tls13_ext *misplaced;
    uint32_t lifetime, age_add;
    int bad;
    tls13_reader_init(&r, msg + 4, len - 4);
    if (!tls13_read_u32(&r, &lifetime) || !tls13_read_u32(&r, &age_add) || !tls13_read_prefixed(&r, 1, &nonce) ||
        !tls13_read_prefixed(&r, 2, &ticket) || ticket.len == 0 || !tls13_read_prefixed(&r, 2, &exts) ||
        !tls13_reader_done(&r))
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the server sent a malformed NewSessionTicket");
    if ((bad = tls13_ext_list_parse_body(&exts, &list)) != 0)
        return tls13_violation(c, bad, "the server sent malformed NewSessionTicket extensions");
    if ((misplaced = tls13_ext_misplaced(&list, TLS13_HS_NEW_SESSION_TICKET)) != NULL)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the server's NewSessionTicket holds extension %u, which does not belong there",
                               misplaced->type);
    tls13_trace(c, "< NewSessionTicket: lifetime %lu s (ignored: no resumption)", (unsigned long)lifetime);
    return TLS13_OK;
}

const tls13_state_row tls13_client_table[] = {
    {TLS13_ST_CLIENT_WAIT_SERVER_HELLO, TLS13_HS_SERVER_HELLO, client_server_hello},
    {TLS13_ST_CLIENT_WAIT_ENCRYPTED_EXTENSIONS, TLS13_HS_ENCRYPTED_EXTENSIONS, client_encrypted_extensions},
    {TLS13_ST_CLIENT_WAIT_CERT_OR_REQUEST, TLS13_HS_CERTIFICATE_REQUEST, client_certificate_request},
    {TLS13_ST_CLIENT_WAIT_CERT_OR_REQUEST, TLS13_HS_CERTIFICATE, client_certificate},
    {TLS13_ST_CLIENT_WAIT_CERTIFICATE, TLS13_HS_CERTIFICATE, client_certificate},
    {TLS13_ST_CLIENT_WAIT_CERTIFICATE_VERIFY, TLS13_HS_CERTIFICATE_VERIFY, client_certificate_verify},
    {TLS13_ST_CLIENT_WAIT_FINISHED, TLS13_HS_FINISHED, client_finished},
    {TLS13_ST_CONNECTED, TLS13_HS_NEW_SESSION_TICKET, client_new_session_ticket},
    {TLS13_ST_CONNECTED, TLS13_HS_KEY_UPDATE, tls13_handle_key_update},
};
const size_t tls13_client_table_len = sizeof(tls13_client_table) / sizeof(tls13_client_table[0]);
