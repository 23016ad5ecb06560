#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void tls13_strbuf_init(tls13_strbuf *s, char *buf, size_t cap)
{
    s->buf = buf;
    s->cap = buf ? cap : 0;
    s->len = 0;
    s->truncated = false;
    if (s->cap)
        buf[0] = '\0';
}

static void mark_truncated(tls13_strbuf *s)
{
    if (s->truncated || s->cap == 0)
        return;
    s->truncated = true;
    /* Replace the tail with "..." when there is room for it. */
    if (s->cap >= 4) {
        size_t at = s->len < s->cap - 4 ? s->len : s->cap - 4;
        memcpy(s->buf + at, "...", 4);
        s->len = at + 3;
    }
}

void tls13_strbuf_put(tls13_strbuf *s, const char *text, size_t n)
{
    if (s->truncated)
        return;
    if (s->cap == 0) {
        s->len += n;
        return;
    }
    if (s->len + n + 1 > s->cap) {
        size_t room = s->cap - 1 - s->len;
        memcpy(s->buf + s->len, text, room);
        s->len += room;
        s->buf[s->len] = '\0';
        mark_truncated(s);
        return;
    }
    memcpy(s->buf + s->len, text, n);
    s->len += n;
    s->buf[s->len] = '\0';
}

void tls13_strbuf_putc(tls13_strbuf *s, char c)
{
    tls13_strbuf_put(s, &c, 1);
}

void tls13_strbuf_puts(tls13_strbuf *s, const char *text)
{
    tls13_strbuf_put(s, text, strlen(text));
}

void tls13_strbuf_printf(tls13_strbuf *s, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    tls13_strbuf_put(s, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}
