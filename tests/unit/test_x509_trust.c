/* src/x509 trust stores: PEM bundles, DER files, directories, the system
 * locations. (Verification against them is in test_x509_verify.c.) */
#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include "../x509/fixture.h"

#include "x509/x509.h"

static void trust_store_loading(void **state)
{
    tls13_trust_store *store = tls13_trust_store_new();
    char err[300];
    (void)state;
    assert_int_equal(tls13_trust_store_load_file(store, tx_path("root.pem"), err, sizeof(err)), TLS13_OK);
    assert_int_equal(tls13_trust_store_count(store), 1);
    assert_int_equal(tls13_trust_store_load_file(store, tx_path("leaf.fullchain.pem"), err, sizeof(err)), TLS13_OK);
    assert_int_equal(tls13_trust_store_count(store), 3);
    assert_int_equal(tls13_trust_store_load_file(store, tx_path("root.pem"), err, sizeof(err)), TLS13_OK);
    assert_int_equal(tls13_trust_store_count(store), 3); /* duplicates kept once */
    assert_int_equal(tls13_trust_store_load_file(store, tx_path("leaf.der"), err, sizeof(err)), TLS13_OK);
    assert_int_equal(tls13_trust_store_count(store), 3);
    assert_int_equal(tls13_trust_store_load_file(store, tx_path("leaf.key"), err, sizeof(err)), TLS13_ERR_PEM);
    assert_non_null(strstr(err, "no CERTIFICATE block found"));
    assert_int_equal(tls13_trust_store_load_file(store, tx_path("leaf.key.der"), err, sizeof(err)), TLS13_ERR_DECODE);
    assert_int_equal(tls13_trust_store_load_file(store, tx_path("none.pem"), err, sizeof(err)), TLS13_ERR_FILE);
    assert_non_null(strstr(err, "none.pem"));
    tls13_trust_store_free(store);

    store = tls13_trust_store_new();
    assert_int_equal(tls13_trust_store_load_dir(store, tx_dir(), err, sizeof(err)), TLS13_OK);
    assert_true(tls13_trust_store_count(store) > 40);
    assert_int_equal(tls13_trust_store_load_dir(store, tx_path("no-such-dir"), err, sizeof(err)), TLS13_ERR_FILE);
    tls13_trust_store_free(store);

    /* OpenSSL's SSL_CERT_FILE / SSL_CERT_DIR override the system locations. */
    store = tls13_trust_store_new();
    assert_int_equal(setenv("SSL_CERT_FILE", tx_path("leaf.fullchain.pem"), 1), 0);
    assert_int_equal(tls13_trust_store_load_system(store, err, sizeof(err)), TLS13_OK);
    assert_int_equal(tls13_trust_store_count(store), 2);
    assert_int_equal(setenv("SSL_CERT_FILE", tx_path("missing.pem"), 1), 0);
    assert_int_equal(tls13_trust_store_load_system(store, err, sizeof(err)), TLS13_ERR_FILE);
    unsetenv("SSL_CERT_FILE");
    tls13_trust_store_free(store);

    store = tls13_trust_store_new();
    if (tls13_trust_store_load_system(store, err, sizeof(err)) == TLS13_OK) {
        print_message("system trust store: %zu anchors\n", tls13_trust_store_count(store));
        assert_true(tls13_trust_store_count(store) > 10);
    } else {
        print_message("skipped system store: %s\n", err);
    }
    tls13_trust_store_free(store);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trust_store_loading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
