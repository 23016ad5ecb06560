#include "der.h"

#include <string.h>

/* X.690 section 8.1.3: the definite form only, and (section 10.1) the
 * shortest encoding: short form below 128, no leading zero length octets. */
static bool read_length(tls13_reader *r, size_t *len)
{
    uint8_t first, b;
    size_t n, v = 0;
    if (!tls13_read_u8(r, &first))
        return false;
    if (first < 0x80) {
        *len = first;
        return true;
    }
    n = first & 0x7f;
    if (n == 0 || n > 4) { /* 0x80 is the indefinite form; > 4 GiB is never valid here */
        tls13_reader_fail(r);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!tls13_read_u8(r, &b))
            return false;
        if (i == 0 && b == 0) {
            tls13_reader_fail(r);
            return false;
        }
        v = (v << 8) | b;
    }
    if (v < 0x80) {
        tls13_reader_fail(r);
        return false;
    }
    *len = v;
    return true;
}

bool tls13_der_read_any(tls13_reader *r, uint8_t *tag, tls13_reader *contents)
{
    size_t len;
    const uint8_t *p;
    if (!tls13_read_u8(r, tag))
        return false;
    if ((*tag & 0x1f) == 0x1f) { /* high-tag-number form */
        tls13_reader_fail(r);
        return false;
    }
    if (!read_length(r, &len) || !tls13_read_bytes(r, len, &p))
        return false;
    tls13_reader_init(contents, p, len);
    return true;
}

bool tls13_der_read_whole(tls13_reader *r, uint8_t tag, tls13_reader *contents, tls13_reader *whole)
{
    const uint8_t *start = r->p;
    uint8_t got;
    if (!tls13_der_read_any(r, &got, contents))
        return false;
    if (got != tag) {
        tls13_reader_fail(r);
        return false;
    }
    if (whole)
        tls13_reader_init(whole, start, (size_t)(r->p - start));
    return true;
}

bool tls13_der_read(tls13_reader *r, uint8_t tag, tls13_reader *contents)
{
    return tls13_der_read_whole(r, tag, contents, NULL);
}

bool tls13_der_next_is(const tls13_reader *r, uint8_t tag)
{
    return !r->failed && r->len > 0 && r->p[0] == tag;
}

bool tls13_der_read_optional(tls13_reader *r, uint8_t tag, tls13_reader *contents, bool *present)
{
    *present = tls13_der_next_is(r, tag);
    if (!*present) {
        tls13_reader_init(contents, NULL, 0);
        return tls13_reader_ok(r);
    }
    return tls13_der_read(r, tag, contents);
}

/* X.690 section 8.3.2: the first nine bits of an INTEGER are never all zero
 * or all one. */
bool tls13_der_read_uint(tls13_reader *r, const uint8_t **mag, size_t *mag_len)
{
    tls13_reader v;
    const uint8_t *p;
    size_t n;
    if (!tls13_der_read(r, TLS13_DER_INTEGER, &v))
        return false;
    n = tls13_reader_remaining(&v);
    tls13_read_bytes(&v, n, &p);
    if (n == 0 || (p[0] & 0x80) || (n > 1 && p[0] == 0 && !(p[1] & 0x80))) {
        tls13_reader_fail(r);
        return false;
    }
    if (p[0] == 0) {
        p++;
        n--;
    }
    *mag = p;
    *mag_len = n;
    return true;
}

bool tls13_der_read_small_uint(tls13_reader *r, uint64_t *value)
{
    const uint8_t *p;
    size_t n;
    uint64_t v = 0;
    if (!tls13_der_read_uint(r, &p, &n))
        return false;
    if (n > 8) {
        tls13_reader_fail(r);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        v = (v << 8) | p[i];
    *value = v;
    return true;
}

bool tls13_der_read_bool(tls13_reader *r, bool *value)
{
    tls13_reader v;
    uint8_t b;
    if (!tls13_der_read(r, TLS13_DER_BOOLEAN, &v) || !tls13_read_u8(&v, &b) || !tls13_reader_done(&v) ||
        (b != 0x00 && b != 0xff)) {
        tls13_reader_fail(r);
        return false;
    }
    *value = b == 0xff;
    return true;
}

size_t tls13_der_begin(tls13_writer *w, uint8_t tag)
{
    size_t start = tls13_writer_len(w);
    tls13_write_u8(w, tag);
    tls13_write_u8(w, 0);
    return start;
}

bool tls13_der_end(tls13_writer *w, size_t start)
{
    size_t body, extra = 0;
    uint8_t *value;
    if (w->failed || start + 2 > w->len) {
        w->failed = true;
        return false;
    }
    body = w->len - start - 2;
    for (size_t v = body; body >= 0x80 && v; v >>= 8)
        extra++;
    if (extra > 4 || !tls13_write_reserve(w, extra))
        return false;
    value = w->buf + start + 2;
    if (extra) {
        memmove(value + extra, value, body);
        w->buf[start + 1] = (uint8_t)(0x80 | extra);
        for (size_t i = extra; i-- > 0;)
            value[extra - 1 - i] = (uint8_t)(body >> (8 * i));
    } else {
        w->buf[start + 1] = (uint8_t)body;
    }
    return true;
}

bool tls13_der_write_element(tls13_writer *w, uint8_t tag, const uint8_t *value, size_t len)
{
    size_t start = tls13_der_begin(w, tag);
    tls13_write_bytes(w, value, len);
    return tls13_der_end(w, start);
}

bool tls13_der_write_uint(tls13_writer *w, const uint8_t *be, size_t len)
{
    size_t start;
    while (len > 0 && be[0] == 0) {
        be++;
        len--;
    }
    start = tls13_der_begin(w, TLS13_DER_INTEGER);
    if (len == 0 || (be[0] & 0x80))
        tls13_write_u8(w, 0);
    tls13_write_bytes(w, be, len);
    return tls13_der_end(w, start);
}
