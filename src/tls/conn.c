/*
 * The connection: the public sans-IO API, record framing on top of record.c
 * (section 5.1: limits, zero-length rules, change_cipher_spec compatibility
 * records, handshake reassembly and the key-change boundary rule), alerts
 * (section 6) and the error, trace and key log plumbing.
 */
#include <stdio.h>
#include <string.h>

#include "../base/bytes.h"
#include "../base/mem.h"
#include "alert.h"
#include "conn.h"
#include "messages.h"

#define IN_CAPACITY (TLS13_RECORD_HEADER + TLS13_MAX_CIPHERTEXT)

const char *tls13_peer_name(const tls13_conn *c)
{
    return c->role == TLS13_CLIENT ? "server" : "client";
}

/* --- output --- */

/* Makes room for `need` more output bytes. The buffer only grows during the
 * handshake (a large Certificate flight); afterwards records must fit the
 * fixed capacity, so the application data path never allocates. */
static int out_reserve(tls13_conn *c, size_t need, int may_grow)
{
    if (c->out_cap - c->out_len >= need)
        return TLS13_OK;
    if (c->out_start > 0) {
        memmove(c->out, c->out + c->out_start, c->out_len - c->out_start);
        c->out_len -= c->out_start;
        c->out_start = 0;
    }
    if (c->out_cap - c->out_len >= need)
        return TLS13_OK;
    if (!may_grow)
        return TLS13_ERR_WANT_WRITE;
    {
        /* Doubling keeps a run of small records linear in time. */
        size_t cap = c->out_len + need > 2 * c->out_cap ? c->out_len + need : 2 * c->out_cap;
        uint8_t *p = tls13_alloc(cap);
        if (!p)
            return TLS13_ERR_NO_MEMORY;
        memcpy(p, c->out, c->out_len);
        tls13_free_wiped(c->out, c->out_cap);
        c->out = p;
        c->out_cap = cap;
    }
    return TLS13_OK;
}

/* Writes one record (len <= 2^14) under the current write key. */
static int write_record(tls13_conn *c, uint8_t type, const uint8_t *data, size_t len)
{
    size_t n;
    /* Only application data is held to the fixed capacity; handshake
     * messages, alerts and compatibility records may grow the buffer. */
    int rc = out_reserve(c, len + TLS13_RECORD_OVERHEAD,
                         c->state != TLS13_ST_CONNECTED || type != TLS13_CT_APPLICATION_DATA);
    if (rc != TLS13_OK)
        return rc;
    n = tls13_record_seal(&c->wr, type, data, len, c->out + c->out_len);
    if (type == TLS13_CT_APPLICATION_DATA)
        c->key_update_answered = 0;
    if (n == 0)
        return TLS13_ERR_STATE; /* 2^64 records: the sequence number may not wrap */
    /* The first ClientHello goes out with legacy_record_version 0x0301 for
     * middleboxes (section 5.1); everything else says 0x0303. */
    if (type == TLS13_CT_HANDSHAKE && !c->wr.active && c->role == TLS13_CLIENT && !c->hrr_done)
        c->out[c->out_len + 2] = 0x01;
    c->out_len += n;
    return TLS13_OK;
}

int tls13_send_handshake(tls13_conn *c, const uint8_t *msg, size_t len)
{
    tls13_transcript_add(&c->transcript, msg, len);
    while (len > 0) {
        size_t take = len < c->max_fragment ? len : c->max_fragment;
        int rc = write_record(c, TLS13_CT_HANDSHAKE, msg, take);
        if (rc != TLS13_OK)
            return rc;
        msg += take;
        len -= take;
    }
    return TLS13_OK;
}

int tls13_send_ccs(tls13_conn *c)
{
    static const uint8_t one = 1;
    if (c->ccs_sent)
        return TLS13_OK;
    c->ccs_sent = 1;
    return write_record(c, TLS13_CT_CHANGE_CIPHER_SPEC, &one, 1);
}

static void send_alert(tls13_conn *c, int description)
{
    uint8_t alert[2];
    alert[0] = description == TLS13_ALERT_CLOSE_NOTIFY ? 1 : 2; /* warning : fatal */
    alert[1] = (uint8_t)description;
    if (write_record(c, TLS13_CT_ALERT, alert, 2) == TLS13_OK && description != TLS13_ALERT_CLOSE_NOTIFY)
        c->alert_sent = description;
}

int tls13_fail(tls13_conn *c, int alert, int status, const char *fmt, ...)
{
    va_list ap;
    if (c->status != TLS13_OK)
        return c->status;
    va_start(ap, fmt);
    vsnprintf(c->error, sizeof(c->error), fmt, ap);
    va_end(ap);
    c->status = status;
    if (alert >= 0) {
        send_alert(c, alert);
        tls13_trace(c, "> Alert: %s (%s)", tls13_alert_name(alert), c->error);
    } else {
        tls13_trace(c, "error: %s", c->error);
    }
    return status;
}

/* --- keys --- */

int tls13_set_read_secret(tls13_conn *c, const uint8_t *secret)
{
    int rc = tls13_record_dir_set(&c->rd, c->suite, secret);
    c->read_key_changed = 1;
    return rc;
}

int tls13_set_write_secret(tls13_conn *c, const uint8_t *secret)
{
    return tls13_record_dir_set(&c->wr, c->suite, secret);
}

uint8_t *tls13_scratch(tls13_conn *c, size_t size)
{
    if (c->scratch_cap < size) {
        uint8_t *p = tls13_alloc(size);
        if (!p)
            return NULL;
        tls13_free_wiped(c->scratch, c->scratch_cap);
        c->scratch = p;
        c->scratch_cap = size;
    }
    return c->scratch;
}

/* --- input --- */

static int ensure_hs_capacity(tls13_conn *c, size_t need)
{
    uint8_t *p;
    if (c->hs_cap >= need)
        return TLS13_OK;
    p = tls13_alloc(need);
    if (!p)
        return tls13_fail(c, TLS13_ALERT_INTERNAL_ERROR, TLS13_ERR_NO_MEMORY, "out of memory reassembling a handshake message");
    if (c->hs_len)
        memcpy(p, c->hs, c->hs_len);
    tls13_free_wiped(c->hs, c->hs_cap);
    c->hs = p;
    c->hs_cap = need;
    return TLS13_OK;
}

static int process_handshake_data(tls13_conn *c, const uint8_t *data, size_t len)
{
    int rc = ensure_hs_capacity(c, c->hs_len + len);
    if (rc != TLS13_OK)
        return rc;
    memcpy(c->hs + c->hs_len, data, len);
    c->hs_len += len;
    while (c->hs_len >= 4) {
        size_t msg_len = ((size_t)c->hs[1] << 16) | ((size_t)c->hs[2] << 8) | c->hs[3];
        if (msg_len > TLS13_MAX_HANDSHAKE_MESSAGE)
            return tls13_violation(c, TLS13_ALERT_DECODE_ERROR,
                                   "the %s sent a %s of %zu bytes, more than the limit of %d",
                                   tls13_peer_name(c), tls13_message_name(c->hs[0]), msg_len,
                                   TLS13_MAX_HANDSHAKE_MESSAGE);
        if (c->hs_len < 4 + msg_len) /* the rest comes in later records: make room for it once */
            return ensure_hs_capacity(c, 4 + msg_len);
        c->read_key_changed = 0;
        rc = tls13_handle_message(c, c->hs, 4 + msg_len);
        if (rc != TLS13_OK)
            return rc;
        memmove(c->hs, c->hs + 4 + msg_len, c->hs_len - 4 - msg_len);
        c->hs_len -= 4 + msg_len;
        /* Section 5.1: a key change must fall on a record boundary. */
        if (c->read_key_changed && c->hs_len > 0)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent more handshake data in the record that ended its keys' use",
                                   tls13_peer_name(c));
    }
    /* The handshake buffers are only needed while the handshake runs. */
    if (c->state == TLS13_ST_CONNECTED && c->hs_len == 0) {
        tls13_free_wiped(c->hs, c->hs_cap);
        c->hs = NULL;
        c->hs_cap = 0;
        tls13_free_wiped(c->scratch, c->scratch_cap);
        c->scratch = NULL;
        c->scratch_cap = 0;
    }
    return TLS13_OK;
}

static int process_alert(tls13_conn *c, const uint8_t *body, size_t len)
{
    int desc;
    if (len != 2)
        return tls13_violation(c, TLS13_ALERT_DECODE_ERROR, "the %s sent an alert record of %zu bytes (an alert is 2)",
                               tls13_peer_name(c), len);
    desc = body[1];
    c->alert_received = desc;
    tls13_trace(c, "< Alert: %s", tls13_alert_name(desc));
    if (desc == TLS13_ALERT_USER_CANCELED)
        return TLS13_OK; /* section 6.1: a warning, normally followed by close_notify */
    if (desc == TLS13_ALERT_CLOSE_NOTIFY) {
        c->peer_closed = 1;
        if (c->state != TLS13_ST_CONNECTED)
            return tls13_fail(c, -1, TLS13_ERR_CLOSED, "the %s closed the connection (close_notify) during the handshake",
                              tls13_peer_name(c));
        return TLS13_OK;
    }
    return tls13_fail(c, -1, TLS13_ERR_PEER_ALERT, "received fatal alert %s from the %s", tls13_alert_name(desc),
                      tls13_peer_name(c));
}

static int ccs_allowed(const tls13_conn *c)
{
    /* Appendix D.4: a compatibility change_cipher_spec may arrive after the
     * first ClientHello and before the peer's Finished. */
    if (c->state == TLS13_ST_CONNECTED || c->state == TLS13_ST_SERVER_WAIT_CLIENT_HELLO ||
        c->state == TLS13_ST_CLIENT_START)
        return 0;
    return 1;
}

static int process_record(tls13_conn *c)
{
    uint8_t type = c->in[0];
    size_t body_len = c->in_len - TLS13_RECORD_HEADER;
    uint8_t *body = c->in + TLS13_RECORD_HEADER;
    size_t len = body_len;

    if (type == TLS13_CT_CHANGE_CIPHER_SPEC) {
        if (body_len != 1 || body[0] != 1)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent a change_cipher_spec record that is not the single byte 0x01",
                                   tls13_peer_name(c));
        if (c->hs_len > 0)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent change_cipher_spec inside a fragmented handshake message",
                                   tls13_peer_name(c));
        if (!ccs_allowed(c))
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent change_cipher_spec outside the handshake", tls13_peer_name(c));
        return TLS13_OK;
    }
    /* A client that rejects our ServerHello has no keys yet and can only send
     * its alert in plaintext: a server accepts one until the client's first
     * protected record. Everything else unprotected is unexpected (section 5). */
    if (c->rd.active && type == TLS13_CT_ALERT && c->role == TLS13_SERVER && c->state != TLS13_ST_CONNECTED &&
        c->rd.seq == 0 && body_len == 2 && c->hs_len == 0)
        return process_alert(c, body, body_len);
    if (c->rd.active) {
        int rc;
        if (type != TLS13_CT_APPLICATION_DATA)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent an unprotected record of type %u after encryption started",
                                   tls13_peer_name(c), type);
        rc = tls13_record_open(&c->rd, c->in, body_len, &type, &len);
        if (rc == TLS13_ERR_AUTH_FAILED)
            return tls13_fail(c, TLS13_ALERT_BAD_RECORD_MAC, TLS13_ERR_AUTH_FAILED,
                              "a record from the %s failed authentication (bad_record_mac): it was modified or "
                              "encrypted with other keys", tls13_peer_name(c));
        if (rc == TLS13_ERR_DECODE)
            return tls13_violation(c, TLS13_ALERT_RECORD_OVERFLOW,
                                   "the %s sent a record whose plaintext is longer than 2^14 bytes", tls13_peer_name(c));
        if (rc != TLS13_OK)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent a protected record with no content type (all padding)",
                                   tls13_peer_name(c));
    } else if (type == TLS13_CT_APPLICATION_DATA) {
        return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                               "the %s sent application data before the handshake keys were in place",
                               tls13_peer_name(c));
    }

    switch (type) {
    case TLS13_CT_HANDSHAKE:
        if (len == 0)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE, "the %s sent an empty handshake record",
                                   tls13_peer_name(c));
        return process_handshake_data(c, body, len);
    case TLS13_CT_ALERT:
        if (c->hs_len > 0)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent an alert inside a fragmented handshake message", tls13_peer_name(c));
        return process_alert(c, body, len);
    case TLS13_CT_APPLICATION_DATA:
        if (c->hs_len > 0)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent application data inside a fragmented handshake message",
                                   tls13_peer_name(c));
        if (c->state != TLS13_ST_CONNECTED)
            return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                                   "the %s sent application data before the handshake completed", tls13_peer_name(c));
        c->key_updates_in_row = 0;
        c->app_off = TLS13_RECORD_HEADER;
        c->app_len = len; /* zero-length application data is allowed (section 5.4) */
        return TLS13_OK;
    case TLS13_CT_CHANGE_CIPHER_SPEC:
        return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                               "the %s sent change_cipher_spec inside a protected record", tls13_peer_name(c));
    default:
        return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE, "the %s sent a record of unknown type %u",
                               tls13_peer_name(c), type);
    }
}

/* Checks a complete 5-byte header (section 5.1 and 5.2 length limits). */
static int check_header(tls13_conn *c, size_t *body_len)
{
    uint8_t type = c->in[0];
    *body_len = ((size_t)c->in[3] << 8) | c->in[4];
    if (type < TLS13_CT_CHANGE_CIPHER_SPEC || type > TLS13_CT_APPLICATION_DATA)
        return tls13_violation(c, TLS13_ALERT_UNEXPECTED_MESSAGE,
                               "the %s sent a record of unknown type %u (is it speaking TLS?)", tls13_peer_name(c), type);
    if (*body_len > TLS13_MAX_CIPHERTEXT)
        return tls13_violation(c, TLS13_ALERT_RECORD_OVERFLOW,
                               "the %s sent a record of %zu bytes, more than 2^14 + 256", tls13_peer_name(c), *body_len);
    if (type != TLS13_CT_APPLICATION_DATA && *body_len > TLS13_MAX_PLAINTEXT)
        return tls13_violation(c, TLS13_ALERT_RECORD_OVERFLOW,
                               "the %s sent a plaintext record of %zu bytes, more than 2^14", tls13_peer_name(c),
                               *body_len);
    return TLS13_OK;
}

size_t tls13_conn_bytes_wanted(const tls13_conn *c)
{
    if (c->in_len < TLS13_RECORD_HEADER)
        return TLS13_RECORD_HEADER - c->in_len;
    return TLS13_RECORD_HEADER + (((size_t)c->in[3] << 8) | c->in[4]) - c->in_len;
}

int tls13_conn_feed(tls13_conn *c, const uint8_t *in, size_t len, size_t *used)
{
    int rc;
    if (used)
        *used = 0;
    if (!c || !used || (len && !in))
        return TLS13_ERR_INVALID_ARGUMENT;
    if (c->status != TLS13_OK)
        return c->status;
    if (c->state == TLS13_ST_CLIENT_START && (rc = tls13_client_start(c)) != TLS13_OK)
        return rc;
    while (*used < len && c->app_len == 0 && !c->peer_closed) {
        size_t body_len = 0, want, take;
        if (c->in_len >= TLS13_RECORD_HEADER)
            body_len = ((size_t)c->in[3] << 8) | c->in[4];
        want = c->in_len < TLS13_RECORD_HEADER ? TLS13_RECORD_HEADER - c->in_len
                                               : TLS13_RECORD_HEADER + body_len - c->in_len;
        take = len - *used < want ? len - *used : want;
        memcpy(c->in + c->in_len, in + *used, take);
        c->in_len += take;
        *used += take;
        if (c->in_len == TLS13_RECORD_HEADER) {
            rc = check_header(c, &body_len);
            if (rc != TLS13_OK)
                return rc;
        }
        if (c->in_len >= TLS13_RECORD_HEADER && c->in_len == TLS13_RECORD_HEADER + body_len) {
            rc = process_record(c);
            c->in_len = 0;
            if (rc != TLS13_OK)
                return rc;
        }
    }
    return TLS13_OK;
}

int tls13_conn_output(tls13_conn *c, const uint8_t **out, size_t *len)
{
    if (!c || !out || !len)
        return TLS13_ERR_INVALID_ARGUMENT;
    if (c->state == TLS13_ST_CLIENT_START && c->status == TLS13_OK) {
        int rc = tls13_client_start(c);
        if (rc != TLS13_OK && c->out_len == c->out_start)
            return rc;
    }
    *out = c->out + c->out_start;
    *len = c->out_len - c->out_start;
    return TLS13_OK;
}

void tls13_conn_output_done(tls13_conn *c, size_t len)
{
    if (!c)
        return;
    if (len > c->out_len - c->out_start)
        len = c->out_len - c->out_start;
    c->out_start += len;
    if (c->out_start == c->out_len)
        c->out_start = c->out_len = 0;
}

int tls13_conn_handshake_done(const tls13_conn *c)
{
    return c && c->state == TLS13_ST_CONNECTED;
}

int tls13_conn_write(tls13_conn *c, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    size_t accepted = 0;
    if (!c || (len && !buf))
        return TLS13_ERR_INVALID_ARGUMENT;
    if (c->status != TLS13_OK)
        return c->status;
    if (c->state != TLS13_ST_CONNECTED || c->close_sent)
        return TLS13_ERR_STATE;
    if (len > 0x7fffffff)
        len = 0x7fffffff; /* the count must fit the int result */
    while (accepted < len) {
        size_t chunk = len - accepted < c->max_fragment ? len - accepted : c->max_fragment;
        size_t room;
        int rc;
        out_reserve(c, chunk + TLS13_RECORD_OVERHEAD, 0);
        room = c->out_cap - c->out_len;
        if (room < chunk + TLS13_RECORD_OVERHEAD) {
            if (room <= TLS13_RECORD_OVERHEAD)
                break;
            chunk = room - TLS13_RECORD_OVERHEAD;
        }
        rc = write_record(c, TLS13_CT_APPLICATION_DATA, p + accepted, chunk);
        if (rc != TLS13_OK)
            return accepted ? (int)accepted : rc;
        accepted += chunk;
    }
    return accepted ? (int)accepted : (len ? TLS13_ERR_WANT_WRITE : 0);
}

int tls13_conn_read(tls13_conn *c, void *buf, size_t len)
{
    size_t n;
    if (!c || (len && !buf))
        return TLS13_ERR_INVALID_ARGUMENT;
    if (c->app_len > 0) {
        n = len < c->app_len ? len : c->app_len;
        if (n > 0x7fffffff)
            n = 0x7fffffff;
        memcpy(buf, c->in + c->app_off, n);
        c->app_off += n;
        c->app_len -= n;
        return (int)n;
    }
    if (c->status != TLS13_OK)
        return c->status;
    if (c->peer_closed)
        return TLS13_ERR_CLOSED;
    return TLS13_ERR_WANT_READ;
}

int tls13_conn_close(tls13_conn *c)
{
    if (!c)
        return TLS13_ERR_INVALID_ARGUMENT;
    if (c->status != TLS13_OK)
        return c->status;
    if (!c->close_sent) {
        c->close_sent = 1;
        send_alert(c, TLS13_ALERT_CLOSE_NOTIFY);
        tls13_trace(c, "> Alert: close_notify");
    }
    return TLS13_OK;
}

/* --- lifetime --- */

tls13_conn *tls13_conn_new(const tls13_config *cfg, const char *server_name)
{
    tls13_conn *c;
    if (!cfg || (server_name && (strlen(server_name) == 0 || strlen(server_name) > 253)))
        return NULL;
    c = tls13_calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->cfg = cfg;
    c->role = cfg->role;
    c->state = cfg->role == TLS13_CLIENT ? TLS13_ST_CLIENT_START : TLS13_ST_SERVER_WAIT_CLIENT_HELLO;
    c->alert_sent = c->alert_received = -1;
    c->fd = -1;
    c->max_fragment = TLS13_MAX_PLAINTEXT;
    c->in = tls13_alloc(IN_CAPACITY);
    c->out = tls13_alloc(TLS13_OUT_CAPACITY);
    c->out_cap = TLS13_OUT_CAPACITY;
    if (server_name && cfg->role == TLS13_CLIENT) {
        size_t n = strlen(server_name);
        c->server_name = tls13_alloc(n + 1);
        if (c->server_name)
            memcpy(c->server_name, server_name, n + 1);
    }
    if (!c->in || !c->out || (server_name && cfg->role == TLS13_CLIENT && !c->server_name)) {
        tls13_conn_free(c);
        return NULL;
    }
    tls13_transcript_init(&c->transcript);
    tls13_config_use_system_store(cfg);
    return c;
}

void tls13_conn_free(tls13_conn *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_shares; i++)
        tls13_keyshare_free(c->shares[i]);
    tls13_record_dir_wipe(&c->rd);
    tls13_record_dir_wipe(&c->wr);
    tls13_free_wiped(c->in, c->in ? IN_CAPACITY : 0);
    tls13_free_wiped(c->out, c->out ? c->out_cap : 0);
    tls13_free_wiped(c->hs, c->hs_cap);
    tls13_free_wiped(c->scratch, c->scratch_cap);
    tls13_free(c->cookie);
    tls13_free(c->server_name);
    tls13_free(c->peer_cert_msg);
    tls13_free_wiped(c, sizeof(*c));
}

/* --- results --- */

const char *tls13_conn_error_text(const tls13_conn *c) { return c ? c->error : ""; }
int tls13_conn_alert_sent(const tls13_conn *c) { return c ? c->alert_sent : -1; }
int tls13_conn_alert_received(const tls13_conn *c) { return c ? c->alert_received : -1; }
uint16_t tls13_conn_version(const tls13_conn *c) { return c && c->suite ? TLS13_VERSION_13 : 0; }
uint16_t tls13_conn_cipher_suite(const tls13_conn *c) { return c && c->suite ? c->suite->id : 0; }
uint16_t tls13_conn_group(const tls13_conn *c) { return c && c->suite ? c->group : 0; }
uint16_t tls13_conn_signature_scheme(const tls13_conn *c) { return c ? c->peer_scheme : 0; }
const char *tls13_conn_alpn(const tls13_conn *c) { return c && c->have_alpn ? c->alpn : NULL; }

const char *tls13_conn_server_name(const tls13_conn *c)
{
    if (!c)
        return NULL;
    if (c->role == TLS13_CLIENT)
        return c->server_name;
    return c->sni[0] ? c->sni : NULL;
}

size_t tls13_conn_peer_cert_count(const tls13_conn *c) { return c ? c->n_peer_certs : 0; }

const uint8_t *tls13_conn_peer_cert(const tls13_conn *c, size_t i, size_t *len)
{
    if (!c || i >= c->n_peer_certs) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = c->peer_cert_lens[i];
    return c->peer_certs[i];
}

/* --- trace and key log --- */

void tls13_trace(tls13_conn *c, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    if (!c->cfg->trace)
        return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    c->cfg->trace(c->cfg->trace_arg, line);
}

int tls13_hex_string(const uint8_t *in, size_t len, char *out, size_t out_cap)
{
    static const char digits[] = "0123456789abcdef";
    if (out_cap < 2 * len + 1)
        return TLS13_ERR_BUFFER_TOO_SMALL;
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * len] = '\0';
    return TLS13_OK;
}

void tls13_keylog(tls13_conn *c, const char *label, const uint8_t *secret)
{
    char line[64 + 2 * 32 + 2 * TLS13_HASH_MAX_SIZE + 8], random_hex[65], secret_hex[2 * TLS13_HASH_MAX_SIZE + 1];
    if (!c->cfg->keylog)
        return;
    tls13_hex_string(c->client_random, 32, random_hex, sizeof(random_hex));
    tls13_hex_string(secret, tls13_hash_size(c->suite->hash), secret_hex, sizeof(secret_hex));
    snprintf(line, sizeof(line), "%s %s %s", label, random_hex, secret_hex);
    c->cfg->keylog(c->cfg->keylog_arg, line);
    tls13_wipe(line, sizeof(line));
    tls13_wipe(secret_hex, sizeof(secret_hex));
}
