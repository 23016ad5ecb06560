/*
 * A bounded text builder for messages and descriptions: appends never
 * overflow, the text is always NUL-terminated, and truncation ends in "...".
 */
#ifndef TLS13_X509_STRBUF_H
#define TLS13_X509_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tls13_strbuf {
    char *buf;
    size_t cap;
    size_t len;
    bool truncated;
} tls13_strbuf;

/* buf may be NULL with cap 0 (text is then only measured, not stored). */
void tls13_strbuf_init(tls13_strbuf *s, char *buf, size_t cap);
void tls13_strbuf_putc(tls13_strbuf *s, char c);
void tls13_strbuf_puts(tls13_strbuf *s, const char *text);
void tls13_strbuf_put(tls13_strbuf *s, const char *text, size_t n);
void tls13_strbuf_printf(tls13_strbuf *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
