/* src/base/der: strict DER reading (every non-DER form rejected) and writing. */
#include "test_support.h"

#include <string.h>

#include "base/der.h"

static bool read_one(const uint8_t *in, size_t len, uint8_t *tag, size_t *value_len)
{
    tls13_reader r, v;
    tls13_reader_init(&r, in, len);
    if (!tls13_der_read_any(&r, tag, &v) || !tls13_reader_done(&r))
        return false;
    *value_len = tls13_reader_remaining(&v);
    return true;
}

static void lengths_short_and_long_form(void **state)
{
    static uint8_t buf[300];
    uint8_t tag;
    size_t n;
    (void)state;
    buf[0] = 0x04; buf[1] = 0x03;
    assert_true(read_one(buf, 5, &tag, &n));
    assert_int_equal(tag, 0x04);
    assert_int_equal(n, 3);
    buf[1] = 0x81; buf[2] = 0x80; /* 128 bytes in long form: minimal */
    assert_true(read_one(buf, 3 + 128, &tag, &n));
    assert_int_equal(n, 128);
    buf[1] = 0x82; buf[2] = 0x01; buf[3] = 0x00;
    assert_true(read_one(buf, 4 + 256, &tag, &n));
    assert_int_equal(n, 256);
}

static void non_der_forms_rejected(void **state)
{
    static const uint8_t indefinite[] = {0x30, 0x80, 0x00, 0x00};
    static const uint8_t long_for_short[] = {0x04, 0x81, 0x05, 1, 2, 3, 4, 5};
    static const uint8_t leading_zero_len[] = {0x04, 0x82, 0x00, 0x81};
    static const uint8_t past_end[] = {0x04, 0x05, 1, 2};
    static const uint8_t high_tag[] = {0x1f, 0x81, 0x01, 0x00};
    static const uint8_t truncated_len[] = {0x04, 0x82, 0x01};
    static const uint8_t five_len_bytes[] = {0x04, 0x85, 1, 0, 0, 0, 0};
    uint8_t tag;
    size_t n;
    (void)state;
    assert_false(read_one(indefinite, sizeof(indefinite), &tag, &n));
    assert_false(read_one(long_for_short, sizeof(long_for_short), &tag, &n));
    assert_false(read_one(leading_zero_len, sizeof(leading_zero_len), &tag, &n));
    assert_false(read_one(past_end, sizeof(past_end), &tag, &n));
    assert_false(read_one(high_tag, sizeof(high_tag), &tag, &n));
    assert_false(read_one(truncated_len, sizeof(truncated_len), &tag, &n));
    assert_false(read_one(five_len_bytes, sizeof(five_len_bytes), &tag, &n));
}

static bool read_uint(const uint8_t *in, size_t len, const uint8_t **mag, size_t *n)
{
    tls13_reader r;
    tls13_reader_init(&r, in, len);
    return tls13_der_read_uint(&r, mag, n) && tls13_reader_done(&r);
}

static void integers_minimal_and_non_negative(void **state)
{
    static const uint8_t zero[] = {0x02, 0x01, 0x00};
    static const uint8_t high[] = {0x02, 0x02, 0x00, 0x80};
    static const uint8_t negative[] = {0x02, 0x01, 0x80};
    static const uint8_t padded[] = {0x02, 0x02, 0x00, 0x7f};
    static const uint8_t empty[] = {0x02, 0x00};
    static const uint8_t wrong_tag[] = {0x04, 0x01, 0x01};
    const uint8_t *mag;
    size_t n;
    (void)state;
    assert_true(read_uint(zero, sizeof(zero), &mag, &n));
    assert_int_equal(n, 0);
    assert_true(read_uint(high, sizeof(high), &mag, &n));
    assert_int_equal(n, 1);
    assert_int_equal(mag[0], 0x80);
    assert_false(read_uint(negative, sizeof(negative), &mag, &n));
    assert_false(read_uint(padded, sizeof(padded), &mag, &n));
    assert_false(read_uint(empty, sizeof(empty), &mag, &n));
    assert_false(read_uint(wrong_tag, sizeof(wrong_tag), &mag, &n));
}

static void booleans_and_optional_fields(void **state)
{
    static const uint8_t in[] = {0x01, 0x01, 0xff, 0xa0, 0x00, 0x01, 0x01, 0x01};
    tls13_reader r, c;
    bool b, present;
    (void)state;
    tls13_reader_init(&r, in, sizeof(in));
    assert_true(tls13_der_read_bool(&r, &b));
    assert_true(b);
    assert_true(tls13_der_read_optional(&r, TLS13_DER_CONTEXT_CONSTRUCTED(1), &c, &present));
    assert_false(present);
    assert_true(tls13_der_read_optional(&r, TLS13_DER_CONTEXT_CONSTRUCTED(0), &c, &present));
    assert_true(present);
    assert_false(tls13_der_read_bool(&r, &b)); /* 0x01 is not a DER BOOLEAN value */
    assert_false(tls13_reader_ok(&r));
}

static void writer_nests_and_uses_long_form(void **state)
{
    uint8_t buf[400], big[200];
    static const uint8_t high[] = {0x00, 0x00, 0x80, 0x01};
    tls13_writer w;
    tls13_reader r, seq, v;
    const uint8_t *mag;
    size_t outer, n;
    (void)state;
    memset(big, 0x5a, sizeof(big));
    tls13_writer_init(&w, buf, sizeof(buf));
    outer = tls13_der_begin(&w, TLS13_DER_SEQUENCE);
    tls13_der_write_uint(&w, high, sizeof(high));
    tls13_der_write_element(&w, TLS13_DER_OCTET_STRING, big, sizeof(big));
    assert_true(tls13_der_end(&w, outer));
    assert_true(tls13_writer_ok(&w));
    /* 30 81 d1 | 02 03 00 80 01 | 04 81 c8 ... */
    assert_int_equal(tls13_writer_len(&w), 3 + 5 + 3 + 200);
    assert_int_equal(buf[1], 0x81);
    assert_int_equal(buf[2], 5 + 3 + 200);
    tls13_reader_init(&r, buf, tls13_writer_len(&w));
    assert_true(tls13_der_read(&r, TLS13_DER_SEQUENCE, &seq));
    assert_true(tls13_der_read_uint(&seq, &mag, &n));
    assert_int_equal(n, 2);
    assert_int_equal(mag[0], 0x80);
    assert_true(tls13_der_read(&seq, TLS13_DER_OCTET_STRING, &v));
    assert_int_equal(tls13_reader_remaining(&v), 200);
    assert_true(tls13_reader_done(&seq) && tls13_reader_done(&r));
}

static void writer_fails_when_full(void **state)
{
    uint8_t buf[130], big[128] = {0};
    tls13_writer w;
    (void)state;
    tls13_writer_init(&w, buf, sizeof(buf));
    /* 128 bytes need the long form: 2 + 1 + 128 > 130. */
    assert_false(tls13_der_write_element(&w, TLS13_DER_OCTET_STRING, big, sizeof(big)));
    assert_false(tls13_writer_ok(&w));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lengths_short_and_long_form),
        cmocka_unit_test(non_der_forms_rejected),
        cmocka_unit_test(integers_minimal_and_non_negative),
        cmocka_unit_test(booleans_and_optional_fields),
        cmocka_unit_test(writer_nests_and_uses_long_form),
        cmocka_unit_test(writer_fails_when_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
