/*
 * The TLS engine: record protection (seal and open of full 2^14-byte records,
 * AES-128-GCM; OpenSSL's figure is EVP AES-128-GCM over the same record, the
 * work its record layer does) and full in-process handshakes: client and
 * server in one process, both sides of a fresh connection per handshake, the
 * server certificate verified by the client against a CA, no session tickets
 * and no resumption. OpenSSL (libssl, when linked) does the same handshake
 * over a memory BIO pair with the same CA, certificates, group and suite.
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
#include "crypto/signature.h"
#include "tls/conn.h"
#include "tls/record.h"

#ifdef TLS13_BENCH_OPENSSL
#include <openssl/evp.h>
#endif
#ifdef TLS13_BENCH_OPENSSL_SSL
#include <openssl/err.h>
#include <openssl/ssl.h>
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

#define BENCH_HOST "bench.example"

/* One handshake figure, and what both libraries must negotiate for a
 * handshake to count (a benchmark of failed handshakes measures nothing). */
typedef struct hs_figure {
    const char *name;
    uint16_t group;
    const char *openssl_groups; /* NULL: OpenSSL 3.0 has no such group */
    int rsa;                    /* RSA-2048 server certificate, else ECDSA P-256 */
} hs_figure;

static const hs_figure figures[] = {
    {"tls handshake X25519MLKEM768 ecdsa-p256", TLS13_GROUP_X25519MLKEM768, NULL, 0},
    {"tls handshake x25519 ecdsa-p256", TLS13_GROUP_X25519, "X25519", 0},
    {"tls handshake secp256r1 ecdsa-p256", TLS13_GROUP_SECP256R1, "P-256", 0},
    {"tls handshake x25519 rsa-2048", TLS13_GROUP_X25519, "X25519", 1},
};

/* The certificates, in a temporary directory while the configurations load:
 * one CA (ECDSA P-256) issuing both server certificates, so each client
 * verifies one chain signature plus the CertificateVerify. */
typedef struct hs_files {
    char dir[32], ca[64], ca_key[64], ecdsa[64], ecdsa_key[64], rsa[64], rsa_key[64], rsa_csr[64], rsa_ext[64];
    int have_rsa;
} hs_files;

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

static int generate_pem_pair(const tls13_cert_spec *spec, const char *issuer_cert, const char *issuer_key,
                             const char *cert_path, const char *key_path, char **cert_pem, char **key_pem)
{
    char err[256];
    if (tls13_cert_generate(spec, issuer_cert, issuer_key, cert_pem, key_pem, err, sizeof(err)) != TLS13_OK) {
        fprintf(stderr, "bench_tls: %s\n", err);
        return -1;
    }
    return write_file(cert_path, *cert_pem) || write_file(key_path, *key_pem) ? -1 : 0;
}

/* tls13_cert_generate makes ECDSA keys only: the RSA-2048 server certificate
 * comes from the openssl command (signed by the same CA), run only when the
 * RSA figure is asked for; without the command that figure is skipped. */
static int make_rsa_cert(const hs_files *f)
{
    char cmd[1024];
    if (write_file(f->rsa_ext, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                               "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:" BENCH_HOST "\n"))
        return -1;
    snprintf(cmd, sizeof(cmd),
             "openssl req -new -newkey rsa:2048 -nodes -subj /CN=" BENCH_HOST " -keyout %s -out %s >/dev/null 2>&1 && "
             "openssl x509 -req -in %s -CA %s -CAkey %s -set_serial 2 -days 1 -extfile %s -out %s >/dev/null 2>&1",
             f->rsa_key, f->rsa_csr, f->rsa_csr, f->ca, f->ca_key, f->rsa_ext, f->rsa);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in(char *out, size_t n, const char *dir, const char *name)
{
    snprintf(out, n, "%s/%s", dir, name);
}

static int make_files(hs_files *f, int want_rsa)
{
    static const char *const names[] = {BENCH_HOST};
    tls13_cert_spec ca = {"libtls13 bench CA", NULL, 0, 1, 0, 0}, leaf = {BENCH_HOST, names, 1, 0, 0, 0};
    char *ca_pem = NULL, *ca_key_pem = NULL, *leaf_pem = NULL, *leaf_key_pem = NULL;
    int rc;
    memset(f, 0, sizeof(*f));
    strcpy(f->dir, "/tmp/tls13-bench-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    path_in(f->ca, sizeof(f->ca), f->dir, "ca.pem");
    path_in(f->ca_key, sizeof(f->ca_key), f->dir, "ca.key");
    path_in(f->ecdsa, sizeof(f->ecdsa), f->dir, "ecdsa.pem");
    path_in(f->ecdsa_key, sizeof(f->ecdsa_key), f->dir, "ecdsa.key");
    path_in(f->rsa, sizeof(f->rsa), f->dir, "rsa.pem");
    path_in(f->rsa_key, sizeof(f->rsa_key), f->dir, "rsa.key");
    path_in(f->rsa_csr, sizeof(f->rsa_csr), f->dir, "rsa.csr");
    path_in(f->rsa_ext, sizeof(f->rsa_ext), f->dir, "rsa.ext");
    ca.not_before = leaf.not_before = (int64_t)time(NULL) - 3600;
    ca.not_after = leaf.not_after = ca.not_before + 86400;
    rc = generate_pem_pair(&ca, NULL, NULL, f->ca, f->ca_key, &ca_pem, &ca_key_pem);
    if (rc == 0)
        rc = generate_pem_pair(&leaf, ca_pem, ca_key_pem, f->ecdsa, f->ecdsa_key, &leaf_pem, &leaf_key_pem);
    tls13_free_pem(ca_pem);
    tls13_free_pem(ca_key_pem);
    tls13_free_pem(leaf_pem);
    tls13_free_pem(leaf_key_pem);
    if (rc == 0 && want_rsa) {
        f->have_rsa = make_rsa_cert(f) == 0;
        if (!f->have_rsa)
            fprintf(stderr, "bench_tls: no RSA-2048 certificate (needs the openssl command); RSA figure skipped\n");
    }
    return rc;
}

static void remove_files(const hs_files *f)
{
    const char *const paths[] = {f->ca, f->ca_key, f->ecdsa, f->ecdsa_key, f->rsa, f->rsa_key, f->rsa_csr, f->rsa_ext};
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
        unlink(paths[i]);
    rmdir(f->dir);
}

/* Ours. */
typedef struct hs_ours {
    tls13_config *client, *server_ecdsa, *server_rsa;
    const tls13_config *server; /* the one the figure uses */
    uint16_t group, scheme;
} hs_ours;

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
    const hs_ours *h = arg;
    tls13_conn *c = tls13_conn_new(h->client, BENCH_HOST), *s = tls13_conn_new(h->server, NULL);
    if (!c || !s) {
        fprintf(stderr, "bench handshake: out of memory\n");
        exit(1);
    }
    for (int i = 0; i < 8 && !(tls13_conn_handshake_done(c) && tls13_conn_handshake_done(s)); i++)
        if (pump(c, s) != TLS13_OK || pump(s, c) != TLS13_OK)
            break;
    if (!tls13_conn_handshake_done(c) || !tls13_conn_handshake_done(s)) {
        fprintf(stderr, "bench handshake failed: %s / %s\n", tls13_conn_error_text(c), tls13_conn_error_text(s));
        exit(1);
    }
    if (tls13_conn_group(c) != h->group || tls13_conn_cipher_suite(c) != TLS13_AES_128_GCM_SHA256 ||
        tls13_conn_signature_scheme(c) != h->scheme) {
        fprintf(stderr, "bench handshake negotiated %s %s %s, not the figure's\n",
                tls13_group_name(tls13_conn_group(c)), tls13_cipher_suite_name(tls13_conn_cipher_suite(c)),
                tls13_signature_scheme_name(tls13_conn_signature_scheme(c)));
        exit(1);
    }
    tls13_conn_free(c);
    tls13_conn_free(s);
}

static tls13_config *ours_server(const char *cert, const char *key)
{
    static const uint16_t suite = TLS13_AES_128_GCM_SHA256;
    tls13_config *cfg = tls13_config_new(TLS13_SERVER);
    if (cfg && (tls13_config_add_certificate(cfg, cert, key) != TLS13_OK ||
                tls13_config_set_cipher_suites(cfg, &suite, 1) != TLS13_OK)) {
        fprintf(stderr, "bench_tls: %s\n", tls13_config_error_text(cfg));
        tls13_config_free(cfg);
        cfg = NULL;
    }
    return cfg;
}

static int ours_setup(hs_ours *h, const hs_files *f)
{
    static const uint16_t suite = TLS13_AES_128_GCM_SHA256;
    h->client = tls13_config_new(TLS13_CLIENT);
    if (!h->client || tls13_config_load_trust_file(h->client, f->ca) != TLS13_OK ||
        tls13_config_set_cipher_suites(h->client, &suite, 1) != TLS13_OK)
        return -1;
    h->server_ecdsa = ours_server(f->ecdsa, f->ecdsa_key);
    if (f->have_rsa && !(h->server_rsa = ours_server(f->rsa, f->rsa_key)))
        return -1;
    return h->server_ecdsa ? 0 : -1;
}

static void ours_free(hs_ours *h)
{
    tls13_config_free(h->client);
    tls13_config_free(h->server_ecdsa);
    tls13_config_free(h->server_rsa);
}

#ifdef TLS13_BENCH_OPENSSL_SSL
/* OpenSSL: contexts made once; a fresh SSL pair joined by a BIO pair per
 * handshake. The client sends SNI and checks the host name, as ours does;
 * no tickets and no session cache on either side, so nothing is resumed. */
typedef struct hs_openssl {
    SSL_CTX *client, *server_ecdsa, *server_rsa;
    SSL_CTX *server; /* the one the figure uses */
    int group_nid, sig_type_nid;
} hs_openssl;

static void openssl_fail(const char *what)
{
    fprintf(stderr, "bench handshake (OpenSSL): %s\n", what);
    ERR_print_errors_fp(stderr);
    exit(1);
}

/* 1 when this side's handshake is complete, 0 when it waits for the peer. */
static int openssl_step(SSL *ssl)
{
    int rc = SSL_do_handshake(ssl), e;
    if (rc == 1)
        return 1;
    e = SSL_get_error(ssl, rc);
    if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE)
        openssl_fail(SSL_is_server(ssl) ? "server handshake failed" : "client handshake failed");
    return 0;
}

static void openssl_handshake(void *arg)
{
    const hs_openssl *h = arg;
    SSL *c = SSL_new(h->client), *s = SSL_new(h->server);
    BIO *cb = NULL, *sb = NULL;
    int c_done = 0, s_done = 0, sig_type = 0, sig_hash = 0;
    if (!c || !s || !BIO_new_bio_pair(&cb, 0, &sb, 0))
        openssl_fail("out of memory");
    SSL_set_bio(c, cb, cb);
    SSL_set_bio(s, sb, sb);
    SSL_set_connect_state(c);
    SSL_set_accept_state(s);
    if (!SSL_set_tlsext_host_name(c, BENCH_HOST) || !SSL_set1_host(c, BENCH_HOST))
        openssl_fail("could not set the host name");
    for (int i = 0; i < 8 && !(c_done && s_done); i++) {
        c_done = c_done || openssl_step(c);
        s_done = s_done || openssl_step(s);
    }
    if (!c_done || !s_done)
        openssl_fail("handshake did not complete");
    SSL_get_peer_signature_type_nid(c, &sig_type);
    SSL_get_peer_signature_nid(c, &sig_hash);
    if (SSL_version(c) != TLS1_3_VERSION || SSL_session_reused(c) || SSL_get_verify_result(c) != X509_V_OK ||
        SSL_get_negotiated_group(c) != h->group_nid || sig_type != h->sig_type_nid || sig_hash != NID_sha256 ||
        SSL_CIPHER_get_protocol_id(SSL_get_current_cipher(c)) != TLS13_AES_128_GCM_SHA256)
        openssl_fail("negotiated other parameters than the figure's");
    SSL_free(c);
    SSL_free(s);
}

static SSL_CTX *openssl_ctx(int server)
{
    SSL_CTX *ctx = SSL_CTX_new(server ? TLS_server_method() : TLS_client_method());
    if (!ctx || !SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION) ||
        !SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION) ||
        !SSL_CTX_set_ciphersuites(ctx, "TLS_AES_128_GCM_SHA256") || !SSL_CTX_set_num_tickets(ctx, 0))
        openssl_fail("could not make a context");
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    return ctx;
}

static SSL_CTX *openssl_server(const char *cert, const char *key)
{
    SSL_CTX *ctx = openssl_ctx(1);
    if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1 || SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(ctx) != 1)
        openssl_fail("could not load the server certificate");
    return ctx;
}

static void openssl_setup(hs_openssl *h, const hs_files *f)
{
    memset(h, 0, sizeof(*h));
    h->client = openssl_ctx(0);
    SSL_CTX_set_verify(h->client, SSL_VERIFY_PEER, NULL);
    if (SSL_CTX_load_verify_locations(h->client, f->ca, NULL) != 1)
        openssl_fail("could not load the CA");
    h->server_ecdsa = openssl_server(f->ecdsa, f->ecdsa_key);
    if (f->have_rsa)
        h->server_rsa = openssl_server(f->rsa, f->rsa_key);
}

/* Sets h up for the figure's handshake; 0 when OpenSSL has none to offer. */
static int openssl_prepare(hs_openssl *h, const hs_figure *fig)
{
    if (!fig->openssl_groups)
        return 0;
    h->server = fig->rsa ? h->server_rsa : h->server_ecdsa;
    h->group_nid = fig->group == TLS13_GROUP_X25519 ? NID_X25519 : NID_X9_62_prime256v1;
    h->sig_type_nid = fig->rsa ? EVP_PKEY_RSA_PSS : EVP_PKEY_EC;
    if (!SSL_CTX_set1_groups_list(h->client, fig->openssl_groups) ||
        !SSL_CTX_set1_groups_list(h->server, fig->openssl_groups))
        openssl_fail("unknown group");
    return 1;
}

static void openssl_free(hs_openssl *h)
{
    SSL_CTX_free(h->client);
    SSL_CTX_free(h->server_ecdsa);
    SSL_CTX_free(h->server_rsa);
}
#endif

static void bench_handshakes(void)
{
    hs_files files;
    hs_ours ours;
#ifdef TLS13_BENCH_OPENSSL_SSL
    hs_openssl theirs;
#endif
    int rc = -1, want_rsa = 0;
    for (size_t i = 0; i < sizeof(figures) / sizeof(figures[0]); i++)
        if (bench_wanted(figures[i].name)) {
            rc = 0;
            want_rsa |= figures[i].rsa;
        }
    if (rc != 0) /* no handshake figure asked for: skip making certificates */
        return;
    memset(&ours, 0, sizeof(ours));
    rc = make_files(&files, want_rsa);
    if (rc == 0)
        rc = ours_setup(&ours, &files);
#ifdef TLS13_BENCH_OPENSSL_SSL
    if (rc == 0)
        openssl_setup(&theirs, &files);
#endif
    remove_files(&files);
    if (rc != 0) {
        fprintf(stderr, "bench_tls: could not make the certificates and configurations\n");
        ours_free(&ours);
        return;
    }
    for (size_t i = 0; i < sizeof(figures) / sizeof(figures[0]); i++) {
        const hs_figure *fig = &figures[i];
        void (*theirs_fn)(void *) = NULL;
        void *theirs_arg = NULL;
        double rate, openssl;
        if (!bench_wanted(fig->name) || (fig->rsa && !files.have_rsa))
            continue;
        ours.server = fig->rsa ? ours.server_rsa : ours.server_ecdsa;
        ours.group = fig->group;
        ours.scheme = fig->rsa ? TLS13_SIG_RSA_PSS_RSAE_SHA256 : TLS13_SIG_ECDSA_SECP256R1_SHA256;
        if (tls13_config_set_groups(ours.client, &fig->group, 1) != TLS13_OK) {
            fprintf(stderr, "bench_tls: %s\n", tls13_config_error_text(ours.client));
            break;
        }
#ifdef TLS13_BENCH_OPENSSL_SSL
        if (openssl_prepare(&theirs, fig)) {
            theirs_fn = openssl_handshake;
            theirs_arg = &theirs;
        }
#endif
        /* alternating slices, as every ops figure: the machine's clock moves */
        bench_compare(handshake, &ours, theirs_fn, theirs_arg, &rate, &openssl);
        bench_report(fig->name, rate, openssl, "handshakes/s");
    }
    ours_free(&ours);
#ifdef TLS13_BENCH_OPENSSL_SSL
    openssl_free(&theirs);
#endif
}

void tls13_bench_tls(void)
{
    static const uint8_t secret[32] = {7};
    const tls13_suite *suite = tls13_suite_find(TLS13_AES_128_GCM_SHA256);
    double ours, theirs;

    tls13_record_dir_set(&seal_dir, suite, secret);
    tls13_record_dir_set(&open_dir, suite, secret);
    record_len = tls13_record_seal(&seal_dir, TLS13_CT_APPLICATION_DATA, plain, sizeof(plain), record);
    if (bench_wanted("tls record seal aes-128-gcm 16k")) {
#ifdef TLS13_BENCH_OPENSSL
        static const uint8_t key[16] = {7};
        ossl_ctx = EVP_CIPHER_CTX_new();
        EVP_EncryptInit_ex(ossl_ctx, EVP_aes_128_gcm(), NULL, key, NULL);
#endif
        bench_compare(ours_seal, NULL, BENCH_OPENSSL(openssl_seal), NULL, &ours, &theirs);
#ifdef TLS13_BENCH_OPENSSL
        EVP_CIPHER_CTX_free(ossl_ctx);
#endif
        bench_report("tls record seal aes-128-gcm 16k", bench_mbps(ours, sizeof(plain)),
                     bench_mbps(theirs, sizeof(plain)), "MB/s");
    }
    if (bench_wanted("tls record open aes-128-gcm 16k"))
        bench_report("tls record open aes-128-gcm 16k", bench_mbps(bench_rate(ours_open, NULL), sizeof(plain)), -1,
                     "MB/s");
    tls13_record_dir_wipe(&seal_dir);
    tls13_record_dir_wipe(&open_dir);

    bench_handshakes();
}
