#include "name.h"

#include <string.h>

#include "base/der.h"
#include "oid.h"

/* Walks a Name; when out is non-NULL, appends its text. */
static bool walk(const uint8_t *name, size_t len, tls13_strbuf *out);

bool tls13_x509_name_valid(const uint8_t *name, size_t len)
{
    return walk(name, len, NULL);
}

void tls13_x509_name_format(const uint8_t *name, size_t len, tls13_strbuf *out)
{
    if (len == 0)
        tls13_strbuf_puts(out, "(empty name)");
    else if (!walk(name, len, out))
        tls13_strbuf_puts(out, "(malformed name)");
}

bool tls13_x509_name_equal(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    return a_len == b_len && memcmp(a, b, a_len) == 0;
}

/* Appends one Unicode code point as UTF-8. */
static void put_utf8(tls13_strbuf *out, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xc0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xe0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        b[0] = (char)(0xf0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    tls13_strbuf_put(out, b, n);
}

/* One character of an attribute value with RFC 4514 section 2.4 escaping:
 * specials get a backslash, control characters become \XX. */
static void put_escaped(tls13_strbuf *out, uint32_t cp, bool first, bool last)
{
    static const char hex[] = "0123456789ABCDEF";
    if (cp < 0x20 || cp == 0x7f) {
        char e[3] = {'\\', hex[cp >> 4], hex[cp & 15]};
        tls13_strbuf_put(out, e, 3);
        return;
    }
    if (cp == ',' || cp == '+' || cp == '"' || cp == '\\' || cp == '<' || cp == '>' || cp == ';' ||
        (first && (cp == '#' || cp == ' ')) || (last && cp == ' '))
        tls13_strbuf_putc(out, '\\');
    put_utf8(out, cp);
}

/* Appends a string value, decoding BMPString (UCS-2) and UniversalString
 * (UCS-4) to UTF-8; other string types are copied byte for byte. */
static bool put_value(tls13_strbuf *out, uint8_t tag, const uint8_t *v, size_t len)
{
    size_t width;
    switch (tag) {
    case TLS13_DER_BMP_STRING: width = 2; break;
    case TLS13_DER_UNIVERSAL_STRING: width = 4; break;
    case TLS13_DER_UTF8_STRING: case TLS13_DER_PRINTABLE_STRING: case TLS13_DER_IA5_STRING:
    case TLS13_DER_T61_STRING: case 0x12 /* NumericString */: case 0x1a /* VisibleString */:
        width = 1;
        break;
    default:
        return false;
    }
    if (len % width)
        return false;
    for (size_t i = 0; i < len; i += width) {
        uint32_t cp = 0;
        for (size_t j = 0; j < width; j++)
            cp = (cp << 8) | v[i + j];
        if (width == 1 && cp >= 0x80) {
            tls13_strbuf_putc(out, (char)cp); /* UTF-8 (or T.61) bytes pass through */
            continue;
        }
        put_escaped(out, cp, i == 0, i + width == len);
    }
    return true;
}

static void put_hex_value(tls13_strbuf *out, const uint8_t *whole, size_t len)
{
    tls13_strbuf_putc(out, '#');
    for (size_t i = 0; i < len; i++)
        tls13_strbuf_printf(out, "%02X", whole[i]);
}

static bool walk(const uint8_t *name, size_t len, tls13_strbuf *out)
{
    tls13_reader r, rdn, atv, oid, value, whole;
    bool first_rdn = true;
    tls13_reader_init(&r, name, len);
    while (tls13_reader_remaining(&r) > 0) {
        bool first_atv = true;
        if (!tls13_der_read(&r, TLS13_DER_SET, &rdn) || tls13_reader_remaining(&rdn) == 0)
            return false;
        if (out && !first_rdn)
            tls13_strbuf_puts(out, ", ");
        first_rdn = false;
        while (tls13_reader_remaining(&rdn) > 0) {
            uint8_t tag;
            const uint8_t *vstart;
            if (!tls13_der_read(&rdn, TLS13_DER_SEQUENCE, &atv) || !tls13_der_read(&atv, TLS13_DER_OID, &oid))
                return false;
            vstart = atv.p;
            if (!tls13_der_read_any(&atv, &tag, &value) || !tls13_reader_done(&atv) || oid.len == 0)
                return false;
            if (!out)
                continue;
            if (!first_atv)
                tls13_strbuf_putc(out, '+');
            first_atv = false;
            {
                char type[64];
                tls13_oid_describe(oid.p, oid.len, type, sizeof(type));
                tls13_strbuf_puts(out, type);
                tls13_strbuf_putc(out, '=');
            }
            tls13_reader_init(&whole, vstart, (size_t)(value.p + value.len - vstart));
            if (!put_value(out, tag, value.p, value.len))
                put_hex_value(out, whole.p, whole.len);
        }
    }
    return tls13_reader_done(&r);
}
