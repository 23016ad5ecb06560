/* src/tls/messages: extension lists and RFC 8446 section 4.2's placement
 * table. */
#include "test_support.h"

#include "tls/alert.h"
#include "tls/messages.h"

static void extension_placement(void **state)
{
    tls13_ext_list list = {0};
    (void)state;
    list.n = 2;
    list.ext[0].type = TLS13_EXT_SIGNATURE_ALGORITHMS;
    list.ext[1].type = 0xfafa; /* unknown (GREASE): ignored anywhere */
    assert_null(tls13_ext_misplaced(&list, TLS13_HS_CERTIFICATE_REQUEST));
    assert_non_null(tls13_ext_misplaced(&list, TLS13_HS_NEW_SESSION_TICKET));
    list.ext[0].type = TLS13_EXT_KEY_SHARE;
    assert_int_equal(tls13_ext_misplaced(&list, TLS13_HS_CERTIFICATE_REQUEST)->type, TLS13_EXT_KEY_SHARE);
    list.ext[0].type = TLS13_EXT_EARLY_DATA;
    assert_null(tls13_ext_misplaced(&list, TLS13_HS_NEW_SESSION_TICKET));
    list.ext[0].type = TLS13_EXT_OID_FILTERS;
    assert_null(tls13_ext_misplaced(&list, TLS13_HS_CERTIFICATE_REQUEST));
    assert_non_null(tls13_ext_misplaced(&list, TLS13_HS_CLIENT_HELLO));
}

/* A CertificateEntry's extensions field is read once with its length; its
 * contents are the list (section 4.4.2). */
static void extension_list_body(void **state)
{
    static const uint8_t empty[1] = {0};
    static const uint8_t status_request[] = {0x00, 0x05, 0x00, 0x00};
    static const uint8_t truncated[] = {0x00, 0x00};
    static const uint8_t duplicate[] = {0x00, 0x05, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00};
    tls13_reader r;
    tls13_ext_list list;
    (void)state;
    tls13_reader_init(&r, empty, 0);
    assert_int_equal(tls13_ext_list_parse_body(&r, &list), 0);
    assert_int_equal(list.n, 0);
    tls13_reader_init(&r, status_request, sizeof(status_request));
    assert_int_equal(tls13_ext_list_parse_body(&r, &list), 0);
    assert_int_equal(list.n, 1);
    assert_int_equal(list.ext[0].type, TLS13_EXT_STATUS_REQUEST);
    tls13_reader_init(&r, truncated, sizeof(truncated));
    assert_int_equal(tls13_ext_list_parse_body(&r, &list), TLS13_ALERT_DECODE_ERROR);
    tls13_reader_init(&r, duplicate, sizeof(duplicate));
    assert_int_equal(tls13_ext_list_parse_body(&r, &list), TLS13_ALERT_ILLEGAL_PARAMETER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(extension_placement),
        cmocka_unit_test(extension_list_body),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
