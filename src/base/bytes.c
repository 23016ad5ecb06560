#include "bytes.h"

#include <string.h>

void tls13_reader_init(tls13_reader *r, const uint8_t *data, size_t len)
{
    r->p = data;
    r->len = data ? len : 0;
    r->failed = false;
}

void tls13_reader_fail(tls13_reader *r)
{
    r->failed = true;
    r->len = 0;
}

/* The one place a reader advances: everything else is built on it. */
bool tls13_read_bytes(tls13_reader *r, size_t n, const uint8_t **out)
{
    if (r->failed || n > r->len) {
        tls13_reader_fail(r);
        return false;
    }
    if (out)
        *out = r->p;
    r->p += n;
    r->len -= n;
    return true;
}

static bool read_be(tls13_reader *r, size_t n, uint64_t *out)
{
    const uint8_t *p;
    uint64_t v = 0;
    if (!tls13_read_bytes(r, n, &p))
        return false;
    for (size_t i = 0; i < n; i++)
        v = (v << 8) | p[i];
    *out = v;
    return true;
}

bool tls13_read_u8(tls13_reader *r, uint8_t *out)
{
    uint64_t v;
    if (!read_be(r, 1, &v))
        return false;
    *out = (uint8_t)v;
    return true;
}

bool tls13_read_u16(tls13_reader *r, uint16_t *out)
{
    uint64_t v;
    if (!read_be(r, 2, &v))
        return false;
    *out = (uint16_t)v;
    return true;
}

bool tls13_read_u24(tls13_reader *r, uint32_t *out)
{
    uint64_t v;
    if (!read_be(r, 3, &v))
        return false;
    *out = (uint32_t)v;
    return true;
}

bool tls13_read_u32(tls13_reader *r, uint32_t *out)
{
    uint64_t v;
    if (!read_be(r, 4, &v))
        return false;
    *out = (uint32_t)v;
    return true;
}

bool tls13_read_u64(tls13_reader *r, uint64_t *out)
{
    return read_be(r, 8, out);
}

bool tls13_read_copy(tls13_reader *r, uint8_t *out, size_t n)
{
    const uint8_t *p;
    if (!tls13_read_bytes(r, n, &p))
        return false;
    if (n)
        memcpy(out, p, n);
    return true;
}

bool tls13_read_skip(tls13_reader *r, size_t n)
{
    return tls13_read_bytes(r, n, NULL);
}

bool tls13_read_prefixed(tls13_reader *r, size_t prefix_bytes, tls13_reader *sub)
{
    uint64_t n;
    const uint8_t *p;
    tls13_reader_init(sub, NULL, 0);
    if (prefix_bytes < 1 || prefix_bytes > 4) {
        tls13_reader_fail(r);
        sub->failed = true;
        return false;
    }
    if (!read_be(r, prefix_bytes, &n) || !tls13_read_bytes(r, (size_t)n, &p)) {
        sub->failed = true;
        return false;
    }
    tls13_reader_init(sub, p, (size_t)n);
    return true;
}

void tls13_read_rest(tls13_reader *r, tls13_reader *sub)
{
    const uint8_t *p = r->p;
    size_t n = r->len;
    tls13_reader_init(sub, p, n);
    sub->failed = r->failed;
    r->p += n;
    r->len = 0;
}

size_t tls13_reader_remaining(const tls13_reader *r)
{
    return r->failed ? 0 : r->len;
}

bool tls13_reader_ok(const tls13_reader *r)
{
    return !r->failed;
}

bool tls13_reader_done(const tls13_reader *r)
{
    return !r->failed && r->len == 0;
}

void tls13_writer_init(tls13_writer *w, uint8_t *buf, size_t cap)
{
    memset(w, 0, sizeof(*w));
    w->buf = buf;
    w->cap = buf ? cap : 0;
}

/* The one place a writer advances. */
uint8_t *tls13_write_reserve(tls13_writer *w, size_t n)
{
    uint8_t *p;
    if (w->failed || n > w->cap - w->len) {
        w->failed = true;
        return NULL;
    }
    p = w->buf + w->len;
    w->len += n;
    return p;
}

static bool write_be(tls13_writer *w, uint64_t v, size_t n)
{
    uint8_t *p = tls13_write_reserve(w, n);
    if (!p)
        return false;
    for (size_t i = n; i-- > 0;) {
        p[i] = (uint8_t)v;
        v >>= 8;
    }
    return true;
}

bool tls13_write_u8(tls13_writer *w, uint8_t v) { return write_be(w, v, 1); }
bool tls13_write_u16(tls13_writer *w, uint16_t v) { return write_be(w, v, 2); }
bool tls13_write_u24(tls13_writer *w, uint32_t v)
{
    if (v > 0xffffffu) {
        w->failed = true;
        return false;
    }
    return write_be(w, v, 3);
}
bool tls13_write_u32(tls13_writer *w, uint32_t v) { return write_be(w, v, 4); }
bool tls13_write_u64(tls13_writer *w, uint64_t v) { return write_be(w, v, 8); }

bool tls13_write_bytes(tls13_writer *w, const uint8_t *data, size_t n)
{
    uint8_t *p = tls13_write_reserve(w, n);
    if (!p)
        return false;
    if (n)
        memcpy(p, data, n);
    return true;
}

bool tls13_write_begin_prefixed(tls13_writer *w, size_t prefix_bytes)
{
    if (w->failed || prefix_bytes < 1 || prefix_bytes > 4 || w->depth == TLS13_WRITER_MAX_DEPTH) {
        w->failed = true;
        return false;
    }
    w->prefix_pos[w->depth] = w->len;
    w->prefix_bytes[w->depth] = (uint8_t)prefix_bytes;
    w->depth++;
    return write_be(w, 0, prefix_bytes);
}

bool tls13_write_end_prefixed(tls13_writer *w)
{
    size_t pos, nb, body;
    if (w->failed || w->depth == 0) {
        w->failed = true;
        return false;
    }
    w->depth--;
    pos = w->prefix_pos[w->depth];
    nb = w->prefix_bytes[w->depth];
    body = w->len - pos - nb;
    if (nb < 4 && body >> (8 * nb)) {
        w->failed = true;
        return false;
    }
    for (size_t i = nb; i-- > 0;) {
        w->buf[pos + i] = (uint8_t)body;
        body >>= 8;
    }
    return true;
}

bool tls13_writer_ok(const tls13_writer *w)
{
    return !w->failed && w->depth == 0;
}

size_t tls13_writer_len(const tls13_writer *w)
{
    return w->len;
}
