/*
 * The handshake driver: the state tables of client.c and server.c are
 * consulted here, so a message that does not fit the state is always an
 * unexpected_message (section 6.2). Also the steps both sides share: secrets,
 * Certificate, CertificateVerify, Finished and KeyUpdate.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/bytes.h"
#include "../base/ct.h"
#include "../base/mem.h"
#include "alert.h"
#include "conn.h"
#include "messages.h"

const uint16_t tls13_default_sigalgs[] = {
    TLS13_SIG_ECDSA_SECP256R1_SHA256, TLS13_SIG_ECDSA_SECP384R1_SHA384, TLS13_SIG_ED25519,
    TLS13_SIG_RSA_PSS_RSAE_SHA256,   TLS13_SIG_RSA_PSS_RSAE_SHA384,    TLS13_SIG_RSA_PSS_RSAE_SHA512,
    /* rsa_pss_pss_* (RSASSA-PSS keys) are not offered: a CertificateVerify
     * from such a key cannot be told apart from rsae yet (section 4.2.3). */
    /* PKCS#1 v1.5 only for signatures in certificates (section 4.2.3). */
    TLS13_SIG_RSA_PKCS1_SHA256,      TLS13_SIG_RSA_PKCS1_SHA384,       TLS13_SIG_RSA_PKCS1_SHA512};
const size_t tls13_default_sigalgs_len = sizeof(tls13_default_sigalgs) / sizeof(tls13_default_sigalgs[0]);

int tls13_sigalg_known(uint16_t scheme)
{
    return tls13_u16_list_contains(tls13_default_sigalgs, tls13_default_sigalgs_len, scheme);
}

const char *tls13_message_name(uint8_t type)
{
    switch (type) {
    case TLS13_HS_CLIENT_HELLO: return "ClientHello";
    case TLS13_HS_SERVER_HELLO: return "ServerHello";
    case TLS13_HS_NEW_SESSION_TICKET: return "NewSessionTicket";
    case TLS13_HS_END_OF_EARLY_DATA: return "EndOfEarlyData";
    case TLS13_HS_ENCRYPTED_EXTENSIONS: return "EncryptedExtensions";
    case TLS13_HS_CERTIFICATE: return "Certificate";
    case TLS13_HS_CERTIFICATE_REQUEST: return "CertificateRequest";
    case TLS13_HS_CERTIFICATE_VERIFY: return "CertificateVerify";
    case TLS13_HS_FINISHED: return "Finished";
    case TLS13_HS_KEY_UPDATE: return "KeyUpdate";
    case TLS13_HS_MESSAGE_HASH: return "message_hash";
    }
    return "an unknown handshake message";
}

int tls13_handle_message(tls13_conn *c, const uint8_t *msg, size_t len)
{
    const tls13_state_row *table = c->role == TLS13_CLIENT ? tls13_client_table : tls13_server_table;
    size_t n = c->role == TLS13_CLIENT ? tls13_client_table_len : tls13_server_table_len;
    char expected[128] = "";
    for (size_t i = 0; i < n; i++) {
        if (table[i].state != c->state)
            continue;
        if (table[i].msg_type == msg[0])
            return table[i].handle(c, msg, len);
        snprintf(expected + strlen(expected), sizeof(expected) - strlen(expected), "%s%s",
                 expected[0] ? " or " : "", tls13_message_name(table[i].msg_type));
    }
    return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE, "the %s sent %s where %s was expected",
                           tls13_peer_name(c), tls13_message_name(msg[0]), expected[0] ? expected : "no message");
}

/* --- secrets --- */

int tls13_derive_handshake_secrets(tls13_conn *c, const uint8_t *shared, size_t shared_len)
{
    uint8_t th[TLS13_HASH_MAX_SIZE];
    int rc;
    tls13_ks_init(&c->ks, c->suite->hash);
    rc = tls13_ks_handshake(&c->ks, shared, shared_len);
    tls13_transcript_hash(&c->transcript, th);
    if (rc == TLS13_OK)
        rc = tls13_ks_derive(&c->ks, "c hs traffic", th, c->client_hs_secret);
    if (rc == TLS13_OK)
        rc = tls13_ks_derive(&c->ks, "s hs traffic", th, c->server_hs_secret);
    if (rc != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "deriving the handshake secrets failed");
    tls13_keylog(c, "CLIENT_HANDSHAKE_TRAFFIC_SECRET", c->client_hs_secret);
    tls13_keylog(c, "SERVER_HANDSHAKE_TRAFFIC_SECRET", c->server_hs_secret);
    return TLS13_OK;
}

int tls13_derive_application_secrets(tls13_conn *c)
{
    uint8_t th[TLS13_HASH_MAX_SIZE];
    int rc = tls13_ks_master(&c->ks);
    tls13_transcript_hash(&c->transcript, th);
    if (rc == TLS13_OK)
        rc = tls13_ks_derive(&c->ks, "c ap traffic", th, c->client_ap_secret);
    if (rc == TLS13_OK)
        rc = tls13_ks_derive(&c->ks, "s ap traffic", th, c->server_ap_secret);
    if (rc == TLS13_OK)
        rc = tls13_ks_derive(&c->ks, "exp master", th, c->exporter_secret);
    tls13_ks_wipe(&c->ks);
    if (rc != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "deriving the application secrets failed");
    tls13_keylog(c, "CLIENT_TRAFFIC_SECRET_0", c->client_ap_secret);
    tls13_keylog(c, "SERVER_TRAFFIC_SECRET_0", c->server_ap_secret);
    tls13_keylog(c, "EXPORTER_SECRET", c->exporter_secret);
    return TLS13_OK;
}

/* --- signature schemes --- */

uint16_t tls13_choose_scheme(const tls13_private_key *key, const uint16_t *peer, size_t n_peer)
{
    for (size_t i = 0; i < tls13_default_sigalgs_len; i++) {
        uint16_t s = tls13_default_sigalgs[i];
        if (tls13_signature_scheme_fits_key(s, key->type) && tls13_u16_list_contains(peer, n_peer, s))
            return s;
    }
    return 0;
}

int tls13_write_u16_list(tls13_writer *w, const uint16_t *list, size_t n)
{
    tls13_write_begin_prefixed(w, 2);
    for (size_t i = 0; i < n; i++)
        tls13_write_u16(w, list[i]);
    return tls13_write_end_prefixed(w);
}

/* --- Certificate (section 4.4.2) --- */

int tls13_send_certificate(tls13_conn *c, const tls13_cert_entry *entry, const uint8_t *context, size_t context_len)
{
    size_t size = 16 + context_len, n = entry ? entry->chain.n_certs : 0;
    uint8_t *buf;
    tls13_writer w;
    for (size_t i = 0; i < n; i++)
        size += entry->chain.cert_lens[i] + 5;
    buf = tls13_scratch(c, size);
    if (!buf)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_NO_MEMORY, "out of memory building Certificate");
    tls13_writer_init(&w, buf, size);
    tls13_write_handshake_begin(&w, TLS13_HS_CERTIFICATE);
    tls13_write_begin_prefixed(&w, 1);
    tls13_write_bytes(&w, context, context_len);
    tls13_write_end_prefixed(&w);
    tls13_write_begin_prefixed(&w, 3);
    for (size_t i = 0; i < n; i++) {
        tls13_write_begin_prefixed(&w, 3);
        tls13_write_bytes(&w, entry->chain.certs[i], entry->chain.cert_lens[i]);
        tls13_write_end_prefixed(&w);
        tls13_write_u16(&w, 0); /* no per-certificate extensions */
    }
    tls13_write_end_prefixed(&w);
    tls13_write_end_prefixed(&w);
    if (!tls13_writer_ok(&w))
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_INTERNAL,
                          "our certificate chain is too large for a Certificate message");
    tls13_trace(c, "> Certificate: %zu certificate%s", n, n == 1 ? "" : "s");
    return tls13_send_handshake(c, buf, tls13_writer_len(&w));
}

static int verify_alert(tls13_verify_code code)
{
    switch (code) {
    case TLS13_VERIFY_EXPIRED:
    case TLS13_VERIFY_NOT_YET_VALID:
        return TLS13_ALERT_CERTIFICATE_EXPIRED;
    case TLS13_VERIFY_UNABLE_TO_GET_ISSUER:
    case TLS13_VERIFY_SELF_SIGNED:
    case TLS13_VERIFY_SELF_SIGNED_IN_CHAIN:
        return TLS13_ALERT_UNKNOWN_CA;
    case TLS13_VERIFY_KEY_USAGE:
    case TLS13_VERIFY_EXT_KEY_USAGE:
    case TLS13_VERIFY_UNSUPPORTED_ALGORITHM:
    case TLS13_VERIFY_UNKNOWN_CRITICAL_EXTENSION:
        return TLS13_ALERT_UNSUPPORTED_CERTIFICATE;
    case TLS13_VERIFY_NO_CERTIFICATE:
        return TLS13_ALERT_CERTIFICATE_REQUIRED;
    default:
        return TLS13_ALERT_BAD_CERTIFICATE;
    }
}

int tls13_receive_certificate(tls13_conn *c, const uint8_t *msg, size_t len, int *empty)
{
    tls13_reader r, ctx, list;
    tls13_verify_result vr;
    tls13_verify_mode mode = c->cfg->verify;
    int verify = c->role == TLS13_CLIENT ? mode != TLS13_VERIFY_NONE : 1;
    char subject[256] = "", issuer[256], sans[512], nb[32], na[32];
    int rc;

    tls13_free(c->peer_cert_msg);
    c->n_peer_certs = 0;
    c->peer_cert_msg = tls13_alloc(len);
    if (!c->peer_cert_msg)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_NO_MEMORY, "out of memory storing the certificates");
    memcpy(c->peer_cert_msg, msg, len);
    tls13_reader_init(&r, c->peer_cert_msg + 4, len - 4);
    if (!tls13_read_prefixed(&r, 1, &ctx) || !tls13_read_prefixed(&r, 3, &list) || !tls13_reader_done(&r))
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the %s sent a malformed Certificate message",
                               tls13_peer_name(c));
    if (ctx.len != c->request_context_len || (ctx.len && memcmp(ctx.p, c->request_context, ctx.len) != 0))
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the %s sent a Certificate with the wrong certificate_request_context",
                               tls13_peer_name(c));
    while (tls13_reader_remaining(&list) > 0) {
        tls13_reader cert, exts;
        tls13_ext_list ext_list;
        int bad;
        if (!tls13_read_prefixed(&list, 3, &cert) || cert.len == 0 || !tls13_read_prefixed(&list, 2, &exts))
            return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the %s sent a malformed Certificate message",
                                   tls13_peer_name(c));
        if (c->n_peer_certs == TLS13_MAX_PEER_CERTS)
            return tls13_violation(c, TLS13_ALERT_BAD_CERTIFICATE, "the %s sent more than %d certificates",
                                   tls13_peer_name(c), TLS13_MAX_PEER_CERTS);
        /* We request no per-certificate extensions (status_request, SCT). */
        if ((bad = tls13_ext_list_parse_body(&exts, &ext_list)) != 0)
            return tls13_violation(c, bad, "the %s sent malformed certificate extensions", tls13_peer_name(c));
        if (ext_list.n > 0)
            return tls13_violation(c, TLS13_ALERT_UNSUPPORTED_EXTENSION,
                                   "the %s sent certificate extension %u, which we did not request",
                                   tls13_peer_name(c), ext_list.ext[0].type);
        c->peer_certs[c->n_peer_certs] = cert.p;
        c->peer_cert_lens[c->n_peer_certs] = cert.len;
        c->n_peer_certs++;
    }
    *empty = c->n_peer_certs == 0;
    if (*empty) {
        tls13_trace(c, "< Certificate: no certificates");
        tls13_transcript_add(&c->transcript, msg, len);
        return TLS13_OK;
    }
    if (tls13_x509_describe(c->peer_certs[0], c->peer_cert_lens[0], subject, sizeof(subject), issuer, sizeof(issuer),
                            nb, sizeof(nb), na, sizeof(na), sans, sizeof(sans)) != TLS13_OK)
        subject[0] = '\0';
    tls13_trace(c, "< Certificate: %zu certificate%s, leaf %s", c->n_peer_certs, c->n_peer_certs == 1 ? "" : "s",
                subject[0] ? subject : "(unreadable)");
    /* A valid chain alone authenticates nobody (RFC 6125 section 6): a
     * client that verifies must know which name to check. */
    if (verify && c->role == TLS13_CLIENT && !c->server_name)
        return tls13_fail(c, TLS13_ALERT_CERTIFICATE_UNKNOWN, TLS13_ERR_CERT_VERIFY,
                          "certificate verify failed: no server name to check the certificate against (pass the "
                          "host name or IP address to tls13_conn_new, or disable verification, insecurely, with "
                          "TLS13_VERIFY_NONE)");
    if (verify) {
        int64_t now = c->cfg->now ? c->cfg->now : (int64_t)time(NULL);
        rc = tls13_x509_verify_chain(c->cfg->trust, c->peer_certs, c->peer_cert_lens, c->n_peer_certs,
                                     c->role == TLS13_CLIENT ? c->server_name : NULL,
                                     c->role == TLS13_CLIENT ? TLS13_PURPOSE_SERVER_AUTH : TLS13_PURPOSE_CLIENT_AUTH,
                                     now, &c->peer_key, &vr);
        if (rc != TLS13_OK) {
            tls13_trace(c, "certificate verify failed: %s", vr.message);
            return tls13_fail(c, verify_alert(vr.code), TLS13_ERR_CERT_VERIFY, "certificate verify failed: %s",
                              vr.message);
        }
        tls13_trace(c, "certificate verify ok");
    } else {
        if (tls13_x509_public_key(c->peer_certs[0], c->peer_cert_lens[0], &c->peer_key) != TLS13_OK)
            return tls13_violation(c, TLS13_ALERT_BAD_CERTIFICATE,
                                   "the %s's certificate could not be parsed for its public key", tls13_peer_name(c));
        tls13_trace(c, "certificate not verified (verify mode NONE)");
    }
    tls13_transcript_add(&c->transcript, msg, len);
    return TLS13_OK;
}

/* --- CertificateVerify (section 4.4.3) --- */

/* 64 spaces, the context string, a zero byte, the transcript hash. */
static size_t signed_content(tls13_conn *c, int by_server, uint8_t *out)
{
    static const char server_ctx[] = "TLS 1.3, server CertificateVerify";
    static const char client_ctx[] = "TLS 1.3, client CertificateVerify";
    const char *ctx = by_server ? server_ctx : client_ctx;
    size_t n = 64;
    memset(out, 0x20, 64);
    memcpy(out + n, ctx, sizeof(server_ctx)); /* with the terminating zero byte */
    n += sizeof(server_ctx);
    return n + tls13_transcript_hash(&c->transcript, out + n);
}

int tls13_send_certificate_verify(tls13_conn *c, const tls13_cert_entry *entry, uint16_t scheme)
{
    uint8_t content[64 + 34 + TLS13_HASH_MAX_SIZE], msg[8 + 2 * TLS13_RSA_MAX_BYTES];
    size_t content_len = signed_content(c, c->role == TLS13_SERVER, content), sig_len = 0;
    int rc = tls13_signature_sign(scheme, &entry->key, content, content_len, msg + 8, sizeof(msg) - 8, &sig_len);
    if (rc != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "signing CertificateVerify with %s failed: %s",
                          tls13_signature_scheme_name(scheme), tls13_status_text(rc));
    msg[0] = TLS13_HS_CERTIFICATE_VERIFY;
    msg[1] = 0;
    msg[2] = (uint8_t)((sig_len + 4) >> 8);
    msg[3] = (uint8_t)(sig_len + 4);
    msg[4] = (uint8_t)(scheme >> 8);
    msg[5] = (uint8_t)scheme;
    msg[6] = (uint8_t)(sig_len >> 8);
    msg[7] = (uint8_t)sig_len;
    tls13_trace(c, "> CertificateVerify: %s", tls13_signature_scheme_name(scheme));
    return tls13_send_handshake(c, msg, 8 + sig_len);
}

int tls13_receive_certificate_verify(tls13_conn *c, const uint8_t *msg, size_t len, const uint16_t *allowed,
                                     size_t n_allowed)
{
    tls13_reader r, sig;
    uint16_t scheme;
    uint8_t content[64 + 34 + TLS13_HASH_MAX_SIZE];
    size_t content_len;
    int rc;
    tls13_reader_init(&r, msg + 4, len - 4);
    if (!tls13_read_u16(&r, &scheme) || !tls13_read_prefixed(&r, 2, &sig) || !tls13_reader_done(&r))
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the %s sent a malformed CertificateVerify",
                               tls13_peer_name(c));
    tls13_trace(c, "< CertificateVerify: %s", tls13_signature_scheme_name(scheme));
    if (!tls13_u16_list_contains(allowed, n_allowed, scheme))
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the %s signed with %s (0x%04x), which we did not offer", tls13_peer_name(c),
                               tls13_signature_scheme_name(scheme), scheme);
    if (!tls13_signature_scheme_fits_key(scheme, c->peer_key.type))
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER,
                               "the %s signed with %s, which does not fit its certificate's key", tls13_peer_name(c),
                               tls13_signature_scheme_name(scheme));
    content_len = signed_content(c, c->role == TLS13_CLIENT, content);
    rc = tls13_signature_verify(scheme, &c->peer_key, content, content_len, sig.p, sig.len);
    if (rc != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_DECRYPT_ERROR, TLS13_ERR_BAD_SIGNATURE,
                          "the %s's CertificateVerify signature (%s) does not verify: %s", tls13_peer_name(c),
                          tls13_signature_scheme_name(scheme), tls13_status_text(rc));
    c->peer_scheme = scheme;
    tls13_transcript_add(&c->transcript, msg, len);
    return TLS13_OK;
}

/* --- Finished (section 4.4.4) --- */

int tls13_send_finished(tls13_conn *c, const uint8_t *base_secret)
{
    uint8_t th[TLS13_HASH_MAX_SIZE], msg[4 + TLS13_HASH_MAX_SIZE];
    size_t hlen = tls13_hash_size(c->suite->hash);
    int rc;
    tls13_transcript_hash(&c->transcript, th);
    rc = tls13_finished_verify_data(c->suite->hash, base_secret, th, msg + 4);
    if (rc != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "computing Finished failed");
    msg[0] = TLS13_HS_FINISHED;
    msg[1] = 0;
    msg[2] = 0;
    msg[3] = (uint8_t)hlen;
    tls13_trace(c, "> Finished");
    return tls13_send_handshake(c, msg, 4 + hlen);
}

int tls13_receive_finished(tls13_conn *c, const uint8_t *msg, size_t len, const uint8_t *base_secret)
{
    uint8_t th[TLS13_HASH_MAX_SIZE], expected[TLS13_HASH_MAX_SIZE];
    size_t hlen = tls13_hash_size(c->suite->hash);
    int ok;
    if (len != 4 + hlen)
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the %s's Finished has %zu bytes of verify_data, not %zu",
                               tls13_peer_name(c), len - 4, hlen);
    tls13_transcript_hash(&c->transcript, th);
    if (tls13_finished_verify_data(c->suite->hash, base_secret, th, expected) != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_INTERNAL, "computing Finished failed");
    ok = tls13_ct_memeq(expected, msg + 4, hlen);
    tls13_wipe(expected, sizeof(expected));
    tls13_trace(c, "< Finished%s", ok ? "" : " (does not verify)");
    if (!ok)
        return tls13_violation(c, TLS13_ALERT_DECRYPT_ERROR,
                               "the %s's Finished does not match the handshake (the transcript or keys differ)",
                               tls13_peer_name(c));
    tls13_transcript_add(&c->transcript, msg, len);
    return TLS13_OK;
}

/* --- KeyUpdate (section 4.6.3) --- */

static int send_key_update(tls13_conn *c, int request)
{
    uint8_t msg[5] = {TLS13_HS_KEY_UPDATE, 0, 0, 1, 0};
    int rc;
    msg[4] = (uint8_t)(request ? 1 : 0);
    tls13_trace(c, "> KeyUpdate: %s", request ? "update_requested" : "update_not_requested");
    /* The transcript is finished after the handshake; adding to it is harmless. */
    rc = tls13_send_handshake(c, msg, sizeof(msg));
    if (rc == TLS13_OK)
        rc = tls13_record_dir_update(&c->wr);
    if (rc != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "sending KeyUpdate failed");
    return TLS13_OK;
}

int tls13_handle_key_update(tls13_conn *c, const uint8_t *msg, size_t len)
{
    int rc;
    if (len != 5)
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the %s sent a malformed KeyUpdate", tls13_peer_name(c));
    if (msg[4] > 1)
        return tls13_violation(c, TLS13_ALERT_ILLEGAL_PARAMETER, "the %s sent KeyUpdate with request_update %u",
                               tls13_peer_name(c), msg[4]);
    tls13_trace(c, "< KeyUpdate: %s", msg[4] ? "update_requested" : "update_not_requested");
    /* A peer may rotate keys as it likes, but an endless run of KeyUpdates
     * with no data between them only burns our CPU. */
    if (++c->key_updates_in_row > TLS13_MAX_KEY_UPDATES_IN_ROW)
        return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                               "the %s sent more than %u KeyUpdate messages without application data",
                               tls13_peer_name(c), TLS13_MAX_KEY_UPDATES_IN_ROW);
    rc = tls13_record_dir_update(&c->rd);
    c->read_key_changed = 1;
    if (rc != TLS13_OK)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, rc, "deriving the next traffic secret failed");
    /* Section 4.6.3: one KeyUpdate of ours before our next application data
     * answers any number of requests. */
    if (msg[4] == 1 && !c->close_sent && !c->key_update_answered) {
        c->key_update_answered = 1;
        return send_key_update(c, 0);
    }
    return TLS13_OK;
}

int tls13_conn_key_update(tls13_conn *c, int request_peer_update)
{
    if (c->status != TLS13_OK)
        return c->status;
    if (c->state != TLS13_ST_CONNECTED || c->close_sent)
        return TLS13_ERR_STATE;
    return send_key_update(c, request_peer_update);
}

int tls13_conn_export(const tls13_conn *c, const char *label, const uint8_t *context, size_t context_len,
                      uint8_t *out, size_t out_len)
{
    if (!c || !label || !out || (context_len && !context))
        return TLS13_ERR_INVALID_ARGUMENT;
    if (c->state != TLS13_ST_CONNECTED)
        return TLS13_ERR_STATE;
    return tls13_exporter(c->suite->hash, c->exporter_secret, label, context, context_len, out, out_len);
}

void tls13_trace_negotiated(tls13_conn *c)
{
    tls13_trace(c, "negotiated TLS 1.3 / %s / %s%s%s", c->suite->name, tls13_group_name(c->group),
                c->have_alpn ? ", ALPN " : "", c->have_alpn ? c->alpn : "");
}
