/*
 * Helpers shared by the cmocka suites: hex conversion and a reader for the
 * Wycheproof TSV files in ../shared/vectors (see its README: '#' comments, a
 * header line naming the columns, one vector per line, '-' for empty).
 *
 * Include after <cmocka.h>'s prerequisites; it includes them itself.
 */
#ifndef TLS13_TEST_SUPPORT_H
#define TLS13_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Decodes hex into a new buffer (free with free()); *len receives its size.
 * Returns NULL and fails the test on bad hex. "" and "-" give an empty,
 * non-NULL buffer. */
uint8_t *tt_hex_alloc(const char *hex, size_t *len);
/* Decodes exactly `len` bytes of hex into out; fails the test otherwise. */
void tt_hex(const char *hex, uint8_t *out, size_t len);
/* Fails the test, printing both sides in hex, when buf != hex. */
#define tt_assert_hex(buf, len, hex) tt_assert_hex_at(buf, len, hex, __FILE__, __LINE__)
void tt_assert_hex_at(const uint8_t *buf, size_t len, const char *hex, const char *file, int line);

typedef struct tt_vectors tt_vectors;
/* Opens ../shared/vectors/<relpath> (TLS13_VECTORS_DIR overrides the
 * directory). Fails the test if it is missing or has no header line. */
tt_vectors *tt_vectors_open(const char *relpath);
/* Advances to the next vector; false at the end of the file. */
bool tt_vectors_next(tt_vectors *v);
/* The field of the current vector in column `name` ("" for '-'); fails the
 * test if there is no such column. */
const char *tt_vectors_get(tt_vectors *v, const char *name);
/* True when the file has a column of that name. */
bool tt_vectors_has(tt_vectors *v, const char *name);
/* tt_hex_alloc of a field. */
uint8_t *tt_vectors_hex(tt_vectors *v, const char *name, size_t *len);
/* Line number of the current vector, for messages. */
int tt_vectors_line(const tt_vectors *v);
void tt_vectors_close(tt_vectors *v);

/* Counting for vector tests: every vector test reports what it ran and fails
 * when nothing ran. */
typedef struct tt_count {
    const char *name;
    unsigned run, passed, skipped;
} tt_count;
/* Prints "<name>: N vectors run, P passed, S skipped" and fails the test if
 * no vector ran or any ran without passing. */
void tt_count_report(const tt_count *c);

#endif
