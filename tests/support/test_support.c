#define _POSIX_C_SOURCE 200809L /* getline */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

uint8_t *tt_hex_alloc(const char *hex, size_t *len)
{
    size_t n;
    uint8_t *out;
    if (strcmp(hex, "-") == 0)
        hex = "";
    n = strlen(hex);
    if (n % 2) {
        fail_msg("odd-length hex string: %.40s", hex);
        return NULL;
    }
    out = malloc(n / 2 + 1);
    assert_non_null(out);
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(out);
            fail_msg("bad hex digit in: %.40s", hex);
            return NULL;
        }
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    *len = n / 2;
    return out;
}

void tt_hex(const char *hex, uint8_t *out, size_t len)
{
    size_t n;
    uint8_t *b = tt_hex_alloc(hex, &n);
    if (n != len) {
        free(b);
        fail_msg("hex string has %zu bytes, expected %zu", n, len);
    }
    memcpy(out, b, len);
    free(b);
}

void tt_assert_hex_at(const uint8_t *buf, size_t len, const char *hex, const char *file, int line)
{
    size_t n;
    uint8_t *want = tt_hex_alloc(hex, &n);
    if (n != len || memcmp(buf, want, len) != 0) {
        fprintf(stderr, "%s:%d: mismatch\n  want %s\n  got  ", file, line, hex);
        for (size_t i = 0; i < len; i++)
            fprintf(stderr, "%02x", buf[i]);
        fprintf(stderr, "\n");
        free(want);
        fail_msg("%s:%d: bytes differ from expected hex", file, line);
    }
    free(want);
}

#define TT_MAX_COLUMNS 32

struct tt_vectors {
    FILE *f;
    char *header;
    char *line;
    size_t line_cap;
    int line_no;
    int ncols;
    char *colname[TT_MAX_COLUMNS];
    char *field[TT_MAX_COLUMNS];
};

static void split_tabs(char *s, char **out, int *n)
{
    *n = 0;
    s[strcspn(s, "\r\n")] = 0;
    while (*n < TT_MAX_COLUMNS) {
        char *tab = strchr(s, '\t');
        out[(*n)++] = s;
        if (!tab)
            break;
        *tab = 0;
        s = tab + 1;
    }
}

tt_vectors *tt_vectors_open(const char *relpath)
{
    const char *dir = getenv("TLS13_VECTORS_DIR");
    char path[4096];
    tt_vectors *v = calloc(1, sizeof(*v));
    ssize_t got;
    assert_non_null(v);
    if (!dir || !*dir)
        dir = TLS13_DEFAULT_VECTORS_DIR;
    snprintf(path, sizeof(path), "%s/%s", dir, relpath);
    v->f = fopen(path, "r");
    if (!v->f) {
        free(v);
        fail_msg("test vector file %s is missing", path);
        return NULL;
    }
    while ((got = getline(&v->line, &v->line_cap, v->f)) >= 0) {
        v->line_no++;
        if (v->line[0] == '#' || v->line[0] == '\n')
            continue;
        v->header = strdup(v->line);
        split_tabs(v->header, v->colname, &v->ncols);
        return v;
    }
    fail_msg("test vector file %s has no header line", path);
    return NULL;
}

bool tt_vectors_next(tt_vectors *v)
{
    while (getline(&v->line, &v->line_cap, v->f) >= 0) {
        int n;
        v->line_no++;
        if (v->line[0] == '#' || v->line[0] == '\n')
            continue;
        split_tabs(v->line, v->field, &n);
        if (n != v->ncols)
            fail_msg("vector at line %d has %d fields, header has %d", v->line_no, n, v->ncols);
        return true;
    }
    return false;
}

static int column(tt_vectors *v, const char *name)
{
    for (int i = 0; i < v->ncols; i++)
        if (strcmp(v->colname[i], name) == 0)
            return i;
    return -1;
}

bool tt_vectors_has(tt_vectors *v, const char *name)
{
    return column(v, name) >= 0;
}

const char *tt_vectors_get(tt_vectors *v, const char *name)
{
    int i = column(v, name);
    if (i < 0) {
        fail_msg("vector file has no column '%s'", name);
        return "";
    }
    return strcmp(v->field[i], "-") == 0 ? "" : v->field[i];
}

uint8_t *tt_vectors_hex(tt_vectors *v, const char *name, size_t *len)
{
    return tt_hex_alloc(tt_vectors_get(v, name), len);
}

int tt_vectors_line(const tt_vectors *v)
{
    return v->line_no;
}

void tt_vectors_close(tt_vectors *v)
{
    if (!v)
        return;
    fclose(v->f);
    free(v->line);
    free(v->header);
    free(v);
}

void tt_count_report(const tt_count *c)
{
    printf("%s: %u vectors run, %u passed, %u skipped\n", c->name, c->run, c->passed, c->skipped);
    fflush(stdout);
    if (c->run == 0)
        fail_msg("%s: no vectors ran", c->name);
    if (c->passed != c->run)
        fail_msg("%s: %u of %u vectors failed", c->name, c->run - c->passed, c->run);
}
