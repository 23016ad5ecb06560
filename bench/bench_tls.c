/*
 * The TLS engine: record protection (seal and open of full 2^14-byte records,
 * AES-128-GCM; OpenSSL's figure is EVP AES-128-GCM over the same record, the
 * work its record layer does) and full in-process handshakes (X25519 and
 * X25519MLKEM768, ECDSA P-256, certificate verified; no OpenSSL figure: the
 * benchmark links libcrypto, not libssl).
 */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tls13.h"
#include "crypto/keyshare.h"
#include "tls/conn.h"
#include "tls/record.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/evp.h>
#endif

static uint8_t plain[TLS13_MAX_PLAINTEXT], record[TLS13_MAX_PLAINTEXT + TLS13_RECORD_OVERHEAD];
static tls13_record_dir seal_dir, open_dir;
static size_t record_len;

static void ours_seal(void *arg)
{
    (void)arg;
    tls13_record_seal(&seal_dir, TLS13_CT_APPLICATION_DATA, plain, sizeof(plain), record);
}

static void ours_open(void *arg)
{
    static uint8_t copy[sizeof(record)];
    uint8_t type;
    size_t len;
    (void)arg;
    memcpy(copy, record, record_len);
    open_dir.seq = 0;
    tls13_record_open(&open_dir, copy, record_len - TLS13_RECORD_HEADER, &type, &len);
}

#ifdef TLS13_BENCH_OPENSSL
static EVP_CIPHER_CTX *ossl_ctx;
static void openssl_seal(void *arg)
{
    static const uint8_t iv[12] = {1, 2, 3};
    uint8_t tag[16];
    int n;
    (void)arg;
    EVP_EncryptInit_ex(ossl_ctx, NULL, NULL, NULL, iv);
    EVP_EncryptUpdate(ossl_ctx, NULL, &n, record, 5);
    EVP_EncryptUpdate(ossl_ctx, record + 5, &n, plain, sizeof(plain));
    EVP_EncryptFinal_ex(ossl_ctx, record + 5 + n, &n);
    EVP_CIPHER_CTX_ctrl(ossl_ctx, EVP_CTRL_GCM_GET_TAG, 16, tag);
}
#endif

/* --- handshakes --- */

static tls13_config *client_cfg, *server_cfg;

static int pump(tls13_conn *from, tls13_conn *to)
{
    const uint8_t *out;
    size_t len, used;
    int rc = tls13_conn_output(from, &out, &len);
    if (rc == TLS13_OK && len) {
        rc = tls13_conn_feed(to, out, len, &used);
        tls13_conn_output_done(from, used);
    }
    return rc;
}

static void handshake(void *arg)
{
    tls13_conn *c = tls13_conn_new(client_cfg, "bench.example"), *s = tls13_conn_new(server_cfg, NULL);
    (void)arg;
    for (int i = 0; i < 8 && !(tls13_conn_handshake_done(c) && tls13_conn_handshake_done(s)); i++)
        if (pump(c, s) != TLS13_OK || pump(s, c) != TLS13_OK)
            break;
    if (!tls13_conn_handshake_done(s)) {
        fprintf(stderr, "bench handshake failed: %s / %s\n", tls13_conn_error_text(c), tls13_conn_error_text(s));
        exit(1);
    }
    tls13_conn_free(c);
    tls13_conn_free(s);
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

/* A self-signed P-256 certificate in a temporary directory. */
static int make_configs(void)
{
    static const char *const names[] = {"bench.example"};
    tls13_cert_spec spec = {"bench.example", names, 1, 0, 0, 0};
    char dir[] = "/tmp/tls13-bench-XXXXXX", cert[64], key[64], *cert_pem = NULL, *key_pem = NULL, err[256];
    int rc;
    spec.not_before = (int64_t)time(NULL) - 3600;
    spec.not_after = spec.not_before + 86400;
    if (!mkdtemp(dir) || tls13_cert_generate(&spec, NULL, NULL, &cert_pem, &key_pem, err, sizeof(err)) != TLS13_OK)
        return -1;
    snprintf(cert, sizeof(cert), "%s/cert.pem", dir);
    snprintf(key, sizeof(key), "%s/key.pem", dir);
    rc = write_file(cert, cert_pem) || write_file(key, key_pem);
    tls13_free_pem(cert_pem);
    tls13_free_pem(key_pem);
    client_cfg = tls13_config_new(TLS13_CLIENT);
    server_cfg = tls13_config_new(TLS13_SERVER);
    if (rc || tls13_config_add_certificate(server_cfg, cert, key) != TLS13_OK ||
        tls13_config_load_trust_file(client_cfg, cert) != TLS13_OK)
        rc = -1;
    unlink(cert);
    unlink(key);
    rmdir(dir);
    return rc;
}

void tls13_bench_tls(void)
{
    static const uint8_t secret[32] = {7};
    const tls13_suite *suite = tls13_suite_find(TLS13_AES_128_GCM_SHA256);
    double ours, theirs = -1;

    tls13_record_dir_set(&seal_dir, suite, secret);
    tls13_record_dir_set(&open_dir, suite, secret);
    record_len = tls13_record_seal(&seal_dir, TLS13_CT_APPLICATION_DATA, plain, sizeof(plain), record);
    if (bench_wanted("tls record seal aes-128-gcm 16k")) {
        ours = bench_mbps(bench_rate(ours_seal, NULL), sizeof(plain));
#ifdef TLS13_BENCH_OPENSSL
        {
            static const uint8_t key[16] = {7};
            ossl_ctx = EVP_CIPHER_CTX_new();
            EVP_EncryptInit_ex(ossl_ctx, EVP_aes_128_gcm(), NULL, key, NULL);
            theirs = bench_mbps(bench_rate(openssl_seal, NULL), sizeof(plain));
            EVP_CIPHER_CTX_free(ossl_ctx);
        }
#endif
        bench_report("tls record seal aes-128-gcm 16k", ours, theirs, "MB/s");
    }
    if (bench_wanted("tls record open aes-128-gcm 16k"))
        bench_report("tls record open aes-128-gcm 16k", bench_mbps(bench_rate(ours_open, NULL), sizeof(plain)), -1,
                     "MB/s");
    tls13_record_dir_wipe(&seal_dir);
    tls13_record_dir_wipe(&open_dir);

    if (!bench_wanted("tls handshake"))
        return;
    if (make_configs() != 0) {
        fprintf(stderr, "bench_tls: could not make a certificate\n");
        return;
    }
    {
        static const uint16_t x25519 = TLS13_GROUP_X25519;
        if (bench_wanted("tls handshake X25519MLKEM768 ecdsa-p256"))
            bench_report("tls handshake X25519MLKEM768 ecdsa-p256", bench_rate(handshake, NULL), -1, "handshakes/s");
        tls13_config_set_groups(client_cfg, &x25519, 1);
        if (bench_wanted("tls handshake x25519 ecdsa-p256"))
            bench_report("tls handshake x25519 ecdsa-p256", bench_rate(handshake, NULL), -1, "handshakes/s");
    }
    tls13_config_free(client_cfg);
    tls13_config_free(server_cfg);
}
