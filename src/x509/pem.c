#include "pem.h"

#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "tls13.h"

static const char begin_marker[] = "-----BEGIN ";
static const char end_marker[] = "-----END ";
static const char dashes[] = "-----";

/* 1 when lo <= x <= hi, else 0, without a branch (x, lo, hi < 2^16). */
static uint32_t in_range(uint32_t x, uint32_t lo, uint32_t hi)
{
    return (((lo - 1 - x) & (x - hi - 1)) >> 31) & 1;
}

/* The 6-bit value of a base64 character (RFC 4648 table 1) and *valid = 1,
 * computed by masks: no table index or branch on c. */
static uint32_t b64_value(uint8_t c, uint32_t *valid)
{
    uint32_t x = c;
    uint32_t upper = in_range(x, 'A', 'Z'), lower = in_range(x, 'a', 'z'), digit = in_range(x, '0', '9');
    uint32_t plus = in_range(x, '+', '+'), slash = in_range(x, '/', '/');
    uint32_t v = ((0u - upper) & (x - 'A')) | ((0u - lower) & (x - 'a' + 26)) |
                 ((0u - digit) & (x - '0' + 52)) | ((0u - plus) & 62) | ((0u - slash) & 63);
    *valid = upper | lower | digit | plus | slash;
    return v & 63;
}

bool tls13_base64_decode(const char *in, size_t len, uint8_t *out, size_t *out_len)
{
    size_t pad = 0, n = 0;
    uint32_t ok = 1;
    if (len == 0 || len % 4 != 0)
        return false;
    /* Padding position is public (it gives the length), so it may branch. */
    if (in[len - 1] == '=')
        pad = in[len - 2] == '=' ? 2 : 1;
    for (size_t i = 0; i < len; i += 4) {
        uint32_t v[4], valid, word;
        size_t real = (i + 4 == len) ? 4 - pad : 4;
        for (size_t j = 0; j < 4; j++) {
            if (j < real) {
                v[j] = b64_value((uint8_t)in[i + j], &valid);
                ok &= valid;
            } else {
                v[j] = 0;
            }
        }
        word = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        out[n++] = (uint8_t)(word >> 16);
        if (real > 2)
            out[n++] = (uint8_t)(word >> 8);
        if (real > 3)
            out[n++] = (uint8_t)word;
        if (real == 3) /* "xxx=": the last character's two low bits are padding */
            ok &= (uint32_t)((v[2] & 3) == 0);
        if (real == 2) /* "xx==": four pad bits */
            ok &= (uint32_t)((v[1] & 15) == 0);
    }
    *out_len = n;
    return ok == 1;
}

static bool starts_with(const char *p, const char *end, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

static const char *line_end(const char *p, const char *end)
{
    while (p < end && *p != '\n')
        p++;
    return p;
}

static const char *next_line(const char *p, const char *end)
{
    p = line_end(p, end);
    return p < end ? p + 1 : p;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Finds "-----BEGIN " at the start of a line (after optional blanks). */
static const char *find_begin(const char *p, const char *end)
{
    while (p < end) {
        const char *q = p;
        while (q < end && is_blank(*q))
            q++;
        if (starts_with(q, end, begin_marker))
            return q;
        p = next_line(p, end);
    }
    return NULL;
}

/* Reads "LABEL-----" at p up to the end of the line into label. */
static bool read_label(const char *p, const char *eol, char *label)
{
    size_t n = 0;
    while (p < eol && *p != '-') {
        if (n + 1 >= TLS13_PEM_MAX_LABEL || (unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
            return false;
        label[n++] = *p++;
    }
    label[n] = '\0';
    if (!starts_with(p, eol, dashes))
        return false;
    for (p += 5; p < eol; p++)
        if (!is_blank(*p))
            return false;
    return n > 0 && label[n - 1] != ' ';
}

static bool line_has_colon(const char *p, const char *eol)
{
    return memchr(p, ':', (size_t)(eol - p)) != NULL;
}

static int fail(tls13_pem_reader *r, const char *label, const char *why)
{
    snprintf(r->err, sizeof(r->err), "PEM block %u (%s): %s", r->blocks, label, why);
    return TLS13_ERR_PEM;
}

int tls13_pem_next(tls13_pem_reader *r, tls13_pem_block *b)
{
    const char *p = find_begin(r->p, r->end), *eol, *body_start;
    char end_label[TLS13_PEM_MAX_LABEL];
    char *text;
    size_t text_len = 0, cap;
    bool in_headers = true, ok;
    memset(b, 0, sizeof(*b));
    r->err[0] = '\0';
    if (!p) {
        r->p = r->end;
        return 0;
    }
    r->blocks++;
    eol = line_end(p, r->end);
    if (!read_label(p + strlen(begin_marker), eol, b->label))
        return fail(r, "?", "malformed BEGIN line (expected \"-----BEGIN LABEL-----\")");
    body_start = p = next_line(p, r->end);
    /* Find the END line first so the body buffer can be sized. */
    while (p < r->end && !starts_with(p, r->end, end_marker)) {
        if (starts_with(p, r->end, begin_marker))
            return fail(r, b->label, "no matching -----END line before the next -----BEGIN line");
        p = next_line(p, r->end);
    }
    if (p >= r->end)
        return fail(r, b->label, "no matching -----END line");
    eol = line_end(p, r->end);
    if (!read_label(p + strlen(end_marker), eol, end_label))
        return fail(r, b->label, "malformed END line");
    if (strcmp(end_label, b->label) != 0) {
        char why[120];
        snprintf(why, sizeof(why), "BEGIN %s ends with END %s", b->label, end_label);
        return fail(r, b->label, why);
    }
    r->p = next_line(p, r->end);
    cap = (size_t)(p - body_start);
    text = tls13_alloc(cap + 1);
    if (!text)
        return TLS13_ERR_NO_MEMORY;
    for (const char *q = body_start; q < p; q = next_line(q, r->end)) {
        const char *le = line_end(q, r->end);
        if (in_headers && line_has_colon(q, le)) {
            /* RFC 1421 section 4.6 header; only Proc-Type matters to us. */
            static const char proc[] = "Proc-Type:";
            if (starts_with(q, le, proc)) {
                const char *v = q + strlen(proc);
                size_t vl = (size_t)(le - v);
                for (size_t i = 0; i + 9 <= vl; i++)
                    if (memcmp(v + i, "ENCRYPTED", 9) == 0)
                        b->encrypted = true;
            }
            continue;
        }
        in_headers = false;
        for (const char *c = q; c < le; c++)
            if (!is_blank(*c))
                text[text_len++] = *c;
    }
    if (b->encrypted) {
        /* Encrypted legacy keys are reported by the caller; no need to decode. */
        tls13_free_wiped(text, cap + 1);
        return 1;
    }
    if (text_len == 0) {
        tls13_free_wiped(text, cap + 1);
        return fail(r, b->label, "empty body");
    }
    size_t der_cap = text_len / 4 * 3 + 3;
    b->der = tls13_alloc(der_cap);
    if (!b->der) {
        tls13_free_wiped(text, cap + 1);
        return TLS13_ERR_NO_MEMORY;
    }
    ok = tls13_base64_decode(text, text_len, b->der, &b->der_len);
    tls13_free_wiped(text, cap + 1);
    if (!ok) {
        b->der_len = der_cap; /* wipe all of it: partial output may be key bytes */
        tls13_pem_block_free(b);
        return fail(r, end_label, "invalid base64 (bad character, length or padding)");
    }
    return 1;
}

void tls13_pem_block_free(tls13_pem_block *b)
{
    if (b->der)
        tls13_free_wiped(b->der, b->der_len);
    b->der = NULL;
    b->der_len = 0;
}

void tls13_pem_reader_init(tls13_pem_reader *r, const uint8_t *data, size_t len)
{
    r->p = (const char *)data;
    r->end = (const char *)data + len;
    r->blocks = 0;
    r->err[0] = '\0';
}

bool tls13_pem_detect(const uint8_t *data, size_t len)
{
    return find_begin((const char *)data, (const char *)data + len) != NULL;
}
