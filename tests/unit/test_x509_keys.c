/* src/x509 private key files (PKCS#8, SEC 1, PKCS#1; PEM and DER;
 * encrypted ones refused) and certificate chain files. */
#define _POSIX_C_SOURCE 200809L
#include "test_support.h"

#include "../x509/fixture.h"

#include "base/ct.h"
#include "x509/x509.h"

static int load(const char *file, tls13_private_key *key, char *err, size_t err_len)
{
    return tls13_private_key_load_file(key, tx_path(file), err, err_len);
}

static void cert_key(const char *file, tls13_cert *c, uint8_t **der)
{
    size_t len;
    *der = tx_der(file, &len);
    assert_int_equal(tls13_cert_parse(c, *der, len, NULL, 0), TLS13_OK);
}

static void ec_key_forms(void **state)
{
    static const char *const files[] = {"leaf.key", "leaf.key.der", "leaf.sec1.pem", "leaf.sec1.der",
                                        "leaf.nopub.pem", "leaf.combined.pem"};
    tls13_private_key first, key;
    tls13_cert c;
    uint8_t *der;
    char err[256];
    tt_count count = {"EC key files", 0, 0, 0};
    (void)state;
    cert_key("leaf.pem", &c, &der);
    assert_int_equal(load("leaf.key", &first, err, sizeof(err)), TLS13_OK);
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        count.run++;
        if (load(files[i], &key, err, sizeof(err)) != TLS13_OK) {
            print_error("%s: %s\n", files[i], err);
            continue;
        }
        if (key.type != TLS13_KEY_EC_P256 || key.secret_len != 32 || memcmp(key.secret, first.secret, 32) != 0) {
            print_error("%s: wrong key\n", files[i]);
            continue;
        }
        /* The public point, from the file or computed when the file has none
         * (leaf.nopub.pem), is the certificate's. */
        if (key.pub_len != 65 || memcmp(key.pub, c.key.data, 65) != 0) {
            print_error("%s: wrong public point\n", files[i]);
            continue;
        }
        count.passed++;
    }
    tt_count_report(&count);
    tls13_free(der);

    assert_int_equal(load("ecparam.pem", &key, err, sizeof(err)), TLS13_OK); /* EC PARAMETERS block skipped */
    assert_int_equal(key.type, TLS13_KEY_EC_P256);
    cert_key("leaf_p384.pem", &c, &der);
    assert_int_equal(load("leaf_p384.key", &key, err, sizeof(err)), TLS13_OK);
    assert_int_equal(key.type, TLS13_KEY_EC_P384);
    assert_int_equal(key.secret_len, 48);
    assert_int_equal(key.pub_len, 97);
    assert_memory_equal(key.pub, c.key.data, 97);
    tls13_free(der);
    assert_int_equal(load("leaf_p521.key", &key, err, sizeof(err)), TLS13_ERR_UNSUPPORTED);
    assert_non_null(strstr(err, "unsupported curve secp521r1"));
}

static void rsa_and_ed25519_keys(void **state)
{
    static const char *const files[] = {"rsa_root.key", "rsa_root.pkcs1.pem", "rsa_root.pkcs1.der"};
    tls13_private_key key;
    tls13_cert c;
    uint8_t *der;
    char err[256];
    tt_count count = {"RSA key files", 0, 0, 0};
    (void)state;
    cert_key("rsa_root.pem", &c, &der);
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        count.run++;
        if (load(files[i], &key, err, sizeof(err)) != TLS13_OK) {
            print_error("%s: %s\n", files[i], err);
            continue;
        }
        if (key.type == TLS13_KEY_RSA && key.rsa.n_len == 256 && memcmp(key.rsa.n, c.key.data, 256) == 0 &&
            key.rsa.e_len == 3 && key.rsa.p_len == 128 && key.rsa.q_len == 128 && key.rsa.d_len >= 250)
            count.passed++;
    }
    tt_count_report(&count);
    tls13_free(der);
    assert_int_equal(load("leaf_ed.key", &key, err, sizeof(err)), TLS13_OK);
    assert_int_equal(key.type, TLS13_KEY_ED25519);
    assert_int_equal(key.secret_len, 32);
    assert_int_equal(key.pub_len, 32); /* computed: PKCS#8 v1 has no publicKey */
    cert_key("leaf_ed.pem", &c, &der);
    assert_memory_equal(key.pub, c.key.data, 32);
    tls13_free(der);
}

static void encrypted_and_bad_keys(void **state)
{
    static const char *const encrypted[] = {"leaf.legacy-enc.pem", "leaf.enc.pem", "leaf.enc.der"};
    tls13_private_key key;
    char err[256];
    size_t len;
    uint8_t *der;
    tt_count count = {"rejected key files", 0, 0, 0};
    (void)state;
    for (size_t i = 0; i < sizeof(encrypted) / sizeof(encrypted[0]); i++) {
        count.run++;
        if (load(encrypted[i], &key, err, sizeof(err)) == TLS13_ERR_KEY_ENCRYPTED && strstr(err, "decrypt it first") &&
            key.type == TLS13_KEY_NONE)
            count.passed++;
        else
            print_error("%s: %s\n", encrypted[i], err);
    }
    count.run++;
    if (load("leaf.pem", &key, err, sizeof(err)) == TLS13_ERR_PEM && strstr(err, "no PRIVATE KEY"))
        count.passed++;
    count.run++;
    if (load("no-such-file.pem", &key, err, sizeof(err)) == TLS13_ERR_FILE && strstr(err, "No such file"))
        count.passed++;
    count.run++;
    if (tls13_private_key_parse(&key, (const uint8_t *)"garbage", 7, err, sizeof(err)) == TLS13_ERR_DECODE)
        count.passed++;
    /* A SEC 1 key whose scalar is zero. */
    {
        uint8_t zero[51] = {0x30, 0x31, 0x02, 0x01, 0x01, 0x04, 0x20};
        static const uint8_t curve[] = {0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
        memcpy(zero + 39, curve, sizeof(curve));
        count.run++;
        if (tls13_private_key_parse(&key, zero, sizeof(zero), err, sizeof(err)) == TLS13_ERR_BAD_KEY &&
            strstr(err, "invalid EC private key"))
            count.passed++;
    }
    /* Every truncation of a DER key fails, and leaves no key behind. */
    der = tx_file("leaf.key.der", &len);
    for (size_t cut = 0; cut < len; cut++) {
        count.run++;
        if (tls13_private_key_parse(&key, der, cut, NULL, 0) != TLS13_OK && key.type == TLS13_KEY_NONE &&
            tls13_ct_is_zero(key.secret, sizeof(key.secret)))
            count.passed++;
    }
    tls13_free(der);
    der = tx_file("rsa_root.pkcs1.der", &len);
    for (size_t cut = 0; cut < len; cut += 7) {
        count.run++;
        if (tls13_private_key_parse(&key, der, cut, NULL, 0) != TLS13_OK)
            count.passed++;
    }
    tls13_free(der);
    tt_count_report(&count);
}

static void chain_files(void **state)
{
    tls13_cert_chain chain;
    char err[256];
    size_t leaf_len;
    uint8_t *leaf = tx_der("leaf.pem", &leaf_len);
    (void)state;
    assert_int_equal(tls13_cert_chain_load_file(&chain, tx_path("leaf.fullchain.pem"), err, sizeof(err)), TLS13_OK);
    assert_int_equal(chain.n_certs, 2);
    assert_int_equal(chain.cert_lens[0], leaf_len);
    assert_memory_equal(chain.certs[0], leaf, leaf_len);
    tls13_cert_chain_free(&chain);
    assert_int_equal(tls13_cert_chain_load_file(&chain, tx_path("leaf.combined.pem"), err, sizeof(err)), TLS13_OK);
    assert_int_equal(chain.n_certs, 1);
    tls13_cert_chain_free(&chain);
    assert_int_equal(tls13_cert_chain_load_file(&chain, tx_path("leaf.der"), err, sizeof(err)), TLS13_OK);
    assert_int_equal(chain.n_certs, 1);
    assert_memory_equal(chain.certs[0], leaf, leaf_len);
    tls13_cert_chain_free(&chain);
    assert_int_equal(tls13_cert_chain_load_file(&chain, tx_path("leaf.key"), err, sizeof(err)), TLS13_ERR_PEM);
    assert_non_null(strstr(err, "no CERTIFICATE block"));
    assert_int_equal(tls13_cert_chain_load_file(&chain, tx_path("leaf.key.der"), err, sizeof(err)), TLS13_ERR_DECODE);
    assert_int_equal(tls13_cert_chain_load_file(&chain, tx_path("missing.pem"), err, sizeof(err)), TLS13_ERR_FILE);
    tls13_free(leaf);
}

static void key_matches_certificate(void **state)
{
    static const struct {
        const char *key, *cert;
        int rc;
    } pairs[] = {
        {"leaf.key", "leaf.pem", TLS13_OK},
        {"leaf.nopub.pem", "leaf.pem", TLS13_OK},
        {"leaf.sec1.der", "leaf.pem", TLS13_OK},
        {"leaf.key", "inter.pem", TLS13_ERR_KEY_MISMATCH},
        {"leaf_p384.key", "leaf_p384.pem", TLS13_OK},
        {"leaf_p384.key", "leaf.pem", TLS13_ERR_KEY_MISMATCH},
        {"rsa_root.pkcs1.pem", "rsa_root.pem", TLS13_OK},
        {"rsa_root.key", "rsa_inter.pem", TLS13_ERR_KEY_MISMATCH},
        {"leaf_ed.key", "leaf_ed.pem", TLS13_OK},
        {"ed_ca.key", "leaf_ed.pem", TLS13_ERR_KEY_MISMATCH},
    };
    tt_count count = {"key/certificate pairs", 0, 0, 0};
    (void)state;
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        tls13_private_key key;
        char err[200];
        size_t len;
        uint8_t *der = tx_der(pairs[i].cert, &len);
        count.run++;
        assert_int_equal(tls13_private_key_load_file(&key, tx_path(pairs[i].key), err, sizeof(err)), TLS13_OK);
        if (tls13_private_key_matches_cert(&key, der, len) == pairs[i].rc)
            count.passed++;
        else
            print_error("%s with %s\n", pairs[i].key, pairs[i].cert);
        tls13_wipe(&key, sizeof(key));
        tls13_free(der);
    }
    tt_count_report(&count);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ec_key_forms),
        cmocka_unit_test(rsa_and_ed25519_keys),
        cmocka_unit_test(encrypted_and_bad_keys),
        cmocka_unit_test(chain_files),
        cmocka_unit_test(key_matches_certificate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
