/*
 * Bounds-checked byte reader and writer (in the spirit of BoringSSL's CBS/CBB).
 *
 * Every parser in libtls13 reads through tls13_reader: each read is checked
 * against the remaining length, and the first failure is sticky, so a sequence
 * of reads can be checked once at the end with tls13_reader_ok/done.
 * Every serialiser writes through tls13_writer into a caller-provided buffer;
 * length prefixes are reserved up front and back-patched when closed.
 */
#ifndef TLS13_BASE_BYTES_H
#define TLS13_BASE_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tls13_reader {
    const uint8_t *p;
    size_t len;
    bool failed;
} tls13_reader;

void tls13_reader_init(tls13_reader *r, const uint8_t *data, size_t len);
bool tls13_read_u8(tls13_reader *r, uint8_t *out);
bool tls13_read_u16(tls13_reader *r, uint16_t *out);
bool tls13_read_u24(tls13_reader *r, uint32_t *out);
bool tls13_read_u32(tls13_reader *r, uint32_t *out);
bool tls13_read_u64(tls13_reader *r, uint64_t *out);
/* Points *out at the next n bytes (no copy) and consumes them. */
bool tls13_read_bytes(tls13_reader *r, size_t n, const uint8_t **out);
bool tls13_read_copy(tls13_reader *r, uint8_t *out, size_t n);
bool tls13_read_skip(tls13_reader *r, size_t n);
/* Reads a big-endian length of prefix_bytes (1..4) and then that many bytes
 * into a sub-reader. */
bool tls13_read_prefixed(tls13_reader *r, size_t prefix_bytes, tls13_reader *sub);
/* Consumes everything left into a sub-reader. */
void tls13_read_rest(tls13_reader *r, tls13_reader *sub);
size_t tls13_reader_remaining(const tls13_reader *r);
bool tls13_reader_ok(const tls13_reader *r);
/* True when no read failed and every byte was consumed. */
bool tls13_reader_done(const tls13_reader *r);
/* Marks the reader failed (for semantic errors found by the caller). */
void tls13_reader_fail(tls13_reader *r);

#define TLS13_WRITER_MAX_DEPTH 8

typedef struct tls13_writer {
    uint8_t *buf;
    size_t cap;
    size_t len;
    bool failed;
    size_t depth;
    size_t prefix_pos[TLS13_WRITER_MAX_DEPTH];
    uint8_t prefix_bytes[TLS13_WRITER_MAX_DEPTH];
} tls13_writer;

void tls13_writer_init(tls13_writer *w, uint8_t *buf, size_t cap);
bool tls13_write_u8(tls13_writer *w, uint8_t v);
bool tls13_write_u16(tls13_writer *w, uint16_t v);
bool tls13_write_u24(tls13_writer *w, uint32_t v);
bool tls13_write_u32(tls13_writer *w, uint32_t v);
bool tls13_write_u64(tls13_writer *w, uint64_t v);
bool tls13_write_bytes(tls13_writer *w, const uint8_t *data, size_t n);
/* Reserves n bytes and returns a pointer to fill them in, or NULL. */
uint8_t *tls13_write_reserve(tls13_writer *w, size_t n);
/* Opens a length prefix of prefix_bytes (1..4); nested up to
 * TLS13_WRITER_MAX_DEPTH deep. */
bool tls13_write_begin_prefixed(tls13_writer *w, size_t prefix_bytes);
/* Closes the innermost prefix; fails if the body does not fit its size. */
bool tls13_write_end_prefixed(tls13_writer *w);
/* True when nothing failed and every prefix was closed. */
bool tls13_writer_ok(const tls13_writer *w);
size_t tls13_writer_len(const tls13_writer *w);

/* Big-endian loads and stores for fixed-size fields (no bounds: the caller
 * owns a buffer of the stated size). */
static inline uint32_t tls13_load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static inline uint64_t tls13_load_be64(const uint8_t *p)
{
    return ((uint64_t)tls13_load_be32(p) << 32) | tls13_load_be32(p + 4);
}
static inline void tls13_store_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}
static inline void tls13_store_be64(uint8_t *p, uint64_t v)
{
    tls13_store_be32(p, (uint32_t)(v >> 32)); tls13_store_be32(p + 4, (uint32_t)v);
}
static inline uint32_t tls13_load_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static inline uint64_t tls13_load_le64(const uint8_t *p)
{
    return (uint64_t)tls13_load_le32(p) | ((uint64_t)tls13_load_le32(p + 4) << 32);
}
static inline void tls13_store_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}
static inline void tls13_store_le64(uint8_t *p, uint64_t v)
{
    tls13_store_le32(p, (uint32_t)v); tls13_store_le32(p + 4, (uint32_t)(v >> 32));
}

#endif
