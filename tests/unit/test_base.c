/* src/base: reader/writer, constant-time helpers, memory, randomness, errors. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tls13.h"
#include "base/bytes.h"
#include "base/cpu.h"
#include "base/ct.h"
#include "base/mem.h"
#include "base/random.h"

static void reader_reads_big_endian_fields(void **state)
{
    static const uint8_t in[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    tls13_reader r;
    uint8_t a; uint16_t b; uint32_t c, d; uint64_t e;
    (void)state;
    tls13_reader_init(&r, in, sizeof(in));
    assert_true(tls13_read_u8(&r, &a));
    assert_true(tls13_read_u16(&r, &b));
    assert_true(tls13_read_u24(&r, &c));
    assert_true(tls13_read_u32(&r, &d));
    assert_true(tls13_read_u64(&r, &e));
    assert_int_equal(a, 1);
    assert_int_equal(b, 0x0203);
    assert_int_equal(c, 0x040506);
    assert_int_equal(d, 0x0708090a);
    assert_true(e == 0x0b0c0d0e0f101112ULL);
    assert_true(tls13_reader_done(&r));
}

static void every_read_past_the_end_fails_and_stays_failed(void **state)
{
    static const uint8_t in[] = {0xaa, 0xbb, 0xcc};
    (void)state;
    /* For each read kind, a reader one byte short must fail, and then every
     * later read fails too, even one that would fit. */
    for (int kind = 0; kind < 7; kind++) {
        tls13_reader r, sub;
        uint8_t u8; uint16_t u16; uint32_t u32; uint64_t u64; uint8_t buf[8];
        const uint8_t *p;
        bool ok;
        tls13_reader_init(&r, in, 1);
        assert_true(tls13_read_u8(&r, &u8)); /* now empty */
        switch (kind) {
        case 0: ok = tls13_read_u8(&r, &u8); break;
        case 1: ok = tls13_read_u16(&r, &u16); break;
        case 2: ok = tls13_read_u24(&r, &u32); break;
        case 3: ok = tls13_read_u32(&r, &u32); break;
        case 4: ok = tls13_read_u64(&r, &u64); break;
        case 5: ok = tls13_read_copy(&r, buf, 1); break;
        default: ok = tls13_read_prefixed(&r, 1, &sub); break;
        }
        assert_false(ok);
        assert_false(tls13_reader_ok(&r));
        assert_false(tls13_reader_done(&r));
        assert_int_equal(tls13_reader_remaining(&r), 0);
        assert_false(tls13_read_bytes(&r, 0, &p));
    }
    {
        tls13_reader r;
        uint16_t v;
        tls13_reader_init(&r, in, sizeof(in));
        assert_false(tls13_read_skip(&r, 4));
        assert_false(tls13_read_u16(&r, &v)); /* would fit, but sticky */
    }
}

static void nested_length_prefixes_read_and_write(void **state)
{
    uint8_t buf[64];
    tls13_writer w;
    tls13_reader r, outer, inner, rest;
    uint8_t x; uint16_t y;
    (void)state;
    tls13_writer_init(&w, buf, sizeof(buf));
    assert_true(tls13_write_begin_prefixed(&w, 2));
    assert_true(tls13_write_u8(&w, 0x11));
    assert_true(tls13_write_begin_prefixed(&w, 1));
    assert_true(tls13_write_u16(&w, 0x2233));
    assert_true(tls13_write_end_prefixed(&w));
    assert_true(tls13_write_begin_prefixed(&w, 3));
    assert_true(tls13_write_end_prefixed(&w));
    assert_true(tls13_write_end_prefixed(&w));
    assert_true(tls13_writer_ok(&w));
    tt_assert_hex(buf, tls13_writer_len(&w), "0007" "11" "02" "2233" "000000");

    tls13_reader_init(&r, buf, tls13_writer_len(&w));
    assert_true(tls13_read_prefixed(&r, 2, &outer));
    assert_true(tls13_read_u8(&outer, &x));
    assert_true(tls13_read_prefixed(&outer, 1, &inner));
    assert_true(tls13_read_u16(&inner, &y));
    assert_true(tls13_reader_done(&inner));
    assert_true(tls13_read_prefixed(&outer, 3, &rest));
    assert_int_equal(tls13_reader_remaining(&rest), 0);
    assert_true(tls13_reader_done(&outer));
    assert_true(tls13_reader_done(&r));
    assert_int_equal(x, 0x11);
    assert_int_equal(y, 0x2233);

    /* A prefix claiming more than is there fails both readers. */
    buf[1] = 0x09;
    tls13_reader_init(&r, buf, tls13_writer_len(&w));
    assert_false(tls13_read_prefixed(&r, 2, &outer));
    assert_false(tls13_reader_ok(&r));
    assert_false(tls13_reader_ok(&outer));
}

static void writer_fails_on_overflow_and_oversized_prefix(void **state)
{
    uint8_t buf[300];
    tls13_writer w;
    (void)state;
    tls13_writer_init(&w, buf, 3);
    assert_true(tls13_write_u16(&w, 1));
    assert_false(tls13_write_u16(&w, 2));
    assert_false(tls13_write_u8(&w, 3)); /* sticky */
    assert_false(tls13_writer_ok(&w));

    tls13_writer_init(&w, buf, sizeof(buf));
    assert_true(tls13_write_begin_prefixed(&w, 1));
    assert_non_null(tls13_write_reserve(&w, 256));
    assert_false(tls13_write_end_prefixed(&w)); /* 256 does not fit in one byte */
    assert_false(tls13_writer_ok(&w));

    tls13_writer_init(&w, buf, sizeof(buf));
    assert_true(tls13_write_begin_prefixed(&w, 2));
    assert_false(tls13_writer_ok(&w)); /* unclosed prefix */
    assert_false(tls13_write_u24(&w, 0x1000000));
}

static void constant_time_helpers(void **state)
{
    uint8_t a[5] = {1, 2, 3, 4, 5}, b[5] = {1, 2, 3, 4, 5}, z[4] = {0};
    (void)state;
    assert_int_equal(tls13_ct_memeq(a, b, 5), 1);
    b[4] ^= 0x80;
    assert_int_equal(tls13_ct_memeq(a, b, 5), 0);
    assert_int_equal(tls13_ct_is_zero(z, 4), 1);
    z[3] = 1;
    assert_int_equal(tls13_ct_is_zero(z, 4), 0);
    assert_int_equal(tls13_ct_nonzero_mask32(0), 0);
    assert_int_equal(tls13_ct_nonzero_mask32(0x80000000u), 0xffffffffu);
    assert_int_equal(tls13_ct_eq_mask32(7, 7), 0xffffffffu);
    assert_int_equal(tls13_ct_lt_mask32(3, 4), 0xffffffffu);
    assert_int_equal(tls13_ct_lt_mask32(4, 3), 0);
    assert_int_equal(tls13_ct_lt_mask32(0, 0xffffffffu), 0xffffffffu);
    assert_true(tls13_ct_lt_mask64(1, 0x8000000000000000ULL) == UINT64_MAX);
    assert_int_equal(tls13_ct_select32(0xffffffffu, 5, 9), 5);
    assert_int_equal(tls13_ct_select32(0, 5, 9), 9);
    tls13_ct_cmov(a, z, 4, 0);
    assert_int_equal(a[0], 1);
    tls13_ct_cmov(a, z, 4, 0xffffffffu);
    assert_int_equal(a[0], 0);
    assert_int_equal(a[3], 1);
}

static int fixed_source(void *arg, uint8_t *out, size_t len)
{
    uint8_t *next = arg;
    for (size_t i = 0; i < len; i++)
        out[i] = (*next)++;
    return TLS13_OK;
}

static int failing_source(void *arg, uint8_t *out, size_t len)
{
    (void)arg; (void)out; (void)len;
    return TLS13_ERR_RANDOM;
}

static void random_is_injectable_and_reports_failure(void **state)
{
    uint8_t a[300], b[300], counter = 0;
    (void)state;
    /* The OS source: two large draws (beyond getrandom's 256-byte single
     * read guarantee) differ. */
    assert_int_equal(tls13_random_bytes(a, sizeof(a)), TLS13_OK);
    assert_int_equal(tls13_random_bytes(b, sizeof(b)), TLS13_OK);
    assert_memory_not_equal(a, b, sizeof(a));

    tls13_random_set_source(fixed_source, &counter);
    assert_int_equal(tls13_random_bytes(a, 3), TLS13_OK);
    assert_int_equal(a[0], 0);
    assert_int_equal(a[2], 2);
    tls13_random_set_source(failing_source, NULL);
    assert_int_equal(tls13_random_bytes(a, 3), TLS13_ERR_RANDOM);
    tls13_random_set_source(NULL, NULL);
    assert_int_equal(tls13_random_bytes(a, 3), TLS13_OK);
    assert_int_equal(tls13_random_bytes(NULL, 3), TLS13_ERR_INVALID_ARGUMENT);
}

static size_t allocs, frees;
static void *count_alloc(void *arg, size_t n) { (void)arg; allocs++; return malloc(n); }
static void count_free(void *arg, void *p) { (void)arg; frees++; free(p); }

static void allocator_hook_and_wipe(void **state)
{
    uint8_t secret[16];
    void *p;
    (void)state;
    tls13_set_allocator(count_alloc, count_free, NULL);
    p = tls13_calloc(4, 8);
    assert_non_null(p);
    tls13_free_wiped(p, 32);
    assert_null(tls13_calloc(SIZE_MAX / 2, 4)); /* overflow, no allocation */
    tls13_set_allocator(NULL, NULL, NULL);
    assert_int_equal(allocs, 1);
    assert_int_equal(frees, 1);
    memset(secret, 0x5a, sizeof(secret));
    tls13_wipe(secret, sizeof(secret));
    assert_int_equal(tls13_ct_is_zero(secret, sizeof(secret)), 1);
}

static void every_status_has_a_sentence(void **state)
{
    (void)state;
    for (int s = TLS13_OK; s >= TLS13_ERR_STATE; s--) {
        const char *t = tls13_status_text(s);
        assert_non_null(t);
        assert_string_not_equal(t, "unknown status code");
    }
    assert_string_equal(tls13_status_text(12345), "unknown status code");
}

static void cpu_mask_restricts_features(void **state)
{
    (void)state;
    tls13_cpu_set_mask(0);
    assert_int_equal(tls13_cpu_features(), 0);
    tls13_cpu_set_mask(UINT32_MAX);
    printf("cpu features: 0x%x\n", (unsigned)tls13_cpu_features());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reader_reads_big_endian_fields),
        cmocka_unit_test(every_read_past_the_end_fails_and_stays_failed),
        cmocka_unit_test(nested_length_prefixes_read_and_write),
        cmocka_unit_test(writer_fails_on_overflow_and_oversized_prefix),
        cmocka_unit_test(constant_time_helpers),
        cmocka_unit_test(random_is_injectable_and_reports_failure),
        cmocka_unit_test(allocator_hook_and_wipe),
        cmocka_unit_test(every_status_has_a_sentence),
        cmocka_unit_test(cpu_mask_restricts_features),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
