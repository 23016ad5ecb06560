#include "messages.h"

#include "alert.h"

const uint8_t tls13_hrr_random[32] = {
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c};

int tls13_ext_list_parse(tls13_reader *r, tls13_ext_list *list)
{
    tls13_reader all;
    list->n = 0;
    if (tls13_reader_remaining(r) == 0)
        return 0; /* the extensions field may be absent in a ClientHello/ServerHello */
    if (!tls13_read_prefixed(r, 2, &all) || tls13_reader_remaining(r) != 0)
        return TLS13_ALERT_DECODE_ERROR;
    return tls13_ext_list_parse_body(&all, list);
}

int tls13_ext_list_parse_body(tls13_reader *all, tls13_ext_list *list)
{
    list->n = 0;
    while (tls13_reader_remaining(all) > 0) {
        uint16_t type;
        tls13_reader body;
        if (!tls13_read_u16(all, &type) || !tls13_read_prefixed(all, 2, &body))
            return TLS13_ALERT_DECODE_ERROR;
        for (size_t i = 0; i < list->n; i++)
            if (list->ext[i].type == type)
                return TLS13_ALERT_ILLEGAL_PARAMETER;
        if (list->n == TLS13_MAX_EXTENSIONS)
            return TLS13_ALERT_DECODE_ERROR;
        list->ext[list->n].type = type;
        list->ext[list->n].data = body.p;
        list->ext[list->n].len = body.len;
        list->n++;
    }
    return 0;
}

const tls13_ext *tls13_ext_find(const tls13_ext_list *list, uint16_t type)
{
    for (size_t i = 0; i < list->n; i++)
        if (list->ext[i].type == type)
            return &list->ext[i];
    return NULL;
}

int tls13_client_hello_parse(const uint8_t *body, size_t len, tls13_client_hello *ch)
{
    tls13_reader r, sid, suites, comp;
    tls13_reader_init(&r, body, len);
    if (!tls13_read_u16(&r, &ch->legacy_version) || !tls13_read_bytes(&r, 32, &ch->random) ||
        !tls13_read_prefixed(&r, 1, &sid) || !tls13_read_prefixed(&r, 2, &suites) ||
        !tls13_read_prefixed(&r, 1, &comp))
        return TLS13_ALERT_DECODE_ERROR;
    if (sid.len > 32 || suites.len == 0 || suites.len % 2 != 0 || comp.len == 0)
        return TLS13_ALERT_DECODE_ERROR;
    ch->session_id = sid.p;
    ch->session_id_len = sid.len;
    ch->suites = suites.p;
    ch->suites_len = suites.len;
    ch->compression = comp.p;
    ch->compression_len = comp.len;
    return tls13_ext_list_parse(&r, &ch->exts);
}

int tls13_server_hello_parse(const uint8_t *body, size_t len, tls13_server_hello *sh)
{
    tls13_reader r, sid;
    tls13_reader_init(&r, body, len);
    if (!tls13_read_u16(&r, &sh->legacy_version) || !tls13_read_bytes(&r, 32, &sh->random) ||
        !tls13_read_prefixed(&r, 1, &sid) || !tls13_read_u16(&r, &sh->suite) ||
        !tls13_read_u8(&r, &sh->compression) || sid.len > 32)
        return TLS13_ALERT_DECODE_ERROR;
    sh->session_id = sid.p;
    sh->session_id_len = sid.len;
    return tls13_ext_list_parse(&r, &sh->exts);
}

int tls13_u16_list_parse(const tls13_ext *ext, size_t prefix_bytes, int (*keep)(uint16_t), uint16_t *out,
                         size_t cap, size_t *n)
{
    tls13_reader r, list;
    tls13_reader_init(&r, ext->data, ext->len);
    *n = 0;
    if (!tls13_read_prefixed(&r, prefix_bytes, &list) || !tls13_reader_done(&r) || list.len == 0 ||
        list.len % 2 != 0)
        return TLS13_ALERT_DECODE_ERROR;
    while (tls13_reader_remaining(&list) > 0) {
        uint16_t v;
        tls13_read_u16(&list, &v);
        if (*n < cap && (!keep || keep(v)))
            out[(*n)++] = v;
    }
    return 0;
}

int tls13_u16_list_contains(const uint16_t *list, size_t n, uint16_t v)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == v)
            return 1;
    return 0;
}

int tls13_write_handshake_begin(tls13_writer *w, uint8_t type)
{
    return tls13_write_u8(w, type) && tls13_write_begin_prefixed(w, 3);
}

/* RFC 8446 section 4.2's table: the messages each recognised extension may
 * appear in, as bits (1 << HandshakeType). HelloRetryRequest shares
 * ServerHello's bit; those two are checked by their own handlers. */
#define IN(t) (1u << (t))
#define CH IN(TLS13_HS_CLIENT_HELLO)
#define SH IN(TLS13_HS_SERVER_HELLO)
#define NST IN(TLS13_HS_NEW_SESSION_TICKET)
#define EE IN(TLS13_HS_ENCRYPTED_EXTENSIONS)
#define CT IN(TLS13_HS_CERTIFICATE)
#define CR IN(TLS13_HS_CERTIFICATE_REQUEST)
static const struct {
    uint16_t type;
    uint32_t allowed;
} ext_places[] = {
    {TLS13_EXT_SERVER_NAME, CH | EE},
    {TLS13_EXT_MAX_FRAGMENT_LENGTH, CH | EE},
    {TLS13_EXT_STATUS_REQUEST, CH | CR | CT},
    {TLS13_EXT_SUPPORTED_GROUPS, CH | EE},
    {TLS13_EXT_SIGNATURE_ALGORITHMS, CH | CR},
    {TLS13_EXT_USE_SRTP, CH | EE},
    {TLS13_EXT_HEARTBEAT, CH | EE},
    {TLS13_EXT_ALPN, CH | EE},
    {TLS13_EXT_SCT, CH | CR | CT},
    {TLS13_EXT_CLIENT_CERT_TYPE, CH | EE},
    {TLS13_EXT_SERVER_CERT_TYPE, CH | EE},
    {TLS13_EXT_PADDING, CH},
    {TLS13_EXT_RECORD_SIZE_LIMIT, CH | EE}, /* RFC 8449 */
    {TLS13_EXT_PRE_SHARED_KEY, CH | SH},
    {TLS13_EXT_EARLY_DATA, CH | EE | NST},
    {TLS13_EXT_SUPPORTED_VERSIONS, CH | SH},
    {TLS13_EXT_COOKIE, CH | SH},
    {TLS13_EXT_PSK_KEY_EXCHANGE_MODES, CH},
    {TLS13_EXT_CERTIFICATE_AUTHORITIES, CH | CR},
    {TLS13_EXT_OID_FILTERS, CR},
    {TLS13_EXT_POST_HANDSHAKE_AUTH, CH},
    {TLS13_EXT_SIGNATURE_ALGORITHMS_CERT, CH | CR},
    {TLS13_EXT_KEY_SHARE, CH | SH},
};
#undef IN
#undef CH
#undef SH
#undef NST
#undef EE
#undef CT
#undef CR

const tls13_ext *tls13_ext_misplaced(const tls13_ext_list *list, uint8_t msg_type)
{
    for (size_t i = 0; i < list->n; i++)
        for (size_t j = 0; j < sizeof(ext_places) / sizeof(ext_places[0]); j++)
            if (ext_places[j].type == list->ext[i].type && !(ext_places[j].allowed & (1u << msg_type)))
                return &list->ext[i];
    return NULL;
}
