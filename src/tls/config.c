/* The public configuration API (include/tls13.h). */
#include <stdio.h>
#include <string.h>

#include "../base/mem.h"
#include "conn.h"
#include "messages.h"

static const uint16_t default_groups[] = {TLS13_GROUP_X25519MLKEM768, TLS13_GROUP_X25519, TLS13_GROUP_SECP256R1,
                                          TLS13_GROUP_SECP384R1};
static const uint16_t default_suites[] = {TLS13_AES_128_GCM_SHA256, TLS13_AES_256_GCM_SHA384,
                                          TLS13_CHACHA20_POLY1305_SHA256};

tls13_config *tls13_config_new(tls13_role role)
{
    tls13_config *cfg;
    if (role != TLS13_CLIENT && role != TLS13_SERVER)
        return NULL;
    cfg = tls13_calloc(1, sizeof(*cfg));
    if (!cfg)
        return NULL;
    cfg->role = role;
    cfg->trust = tls13_trust_store_new();
    if (!cfg->trust) {
        tls13_free(cfg);
        return NULL;
    }
    memcpy(cfg->groups, default_groups, sizeof(default_groups));
    cfg->n_groups = sizeof(default_groups) / sizeof(default_groups[0]);
    memcpy(cfg->suites, default_suites, sizeof(default_suites));
    cfg->n_suites = 3;
    return cfg;
}

static void free_alpn(tls13_config *cfg)
{
    for (size_t i = 0; i < cfg->n_alpn; i++)
        tls13_free(cfg->alpn[i]);
    cfg->n_alpn = 0;
}

void tls13_config_free(tls13_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->n_certs; i++) {
        tls13_cert_chain_free(&cfg->certs[i]->chain);
        tls13_private_key_wipe(&cfg->certs[i]->key);
        tls13_free_wiped(cfg->certs[i], sizeof(*cfg->certs[i]));
    }
    tls13_trust_store_free(cfg->trust);
    free_alpn(cfg);
    tls13_free_wiped(cfg, sizeof(*cfg));
}

const char *tls13_config_error_text(const tls13_config *cfg)
{
    return cfg ? cfg->error : "";
}

static int config_fail(tls13_config *cfg, int status, const char *fmt, const char *a, const char *b)
{
    snprintf(cfg->error, sizeof(cfg->error), fmt, a, b);
    return status;
}

int tls13_config_add_certificate(tls13_config *cfg, const char *chain_pem_path, const char *key_path)
{
    tls13_cert_entry *e;
    char err[256] = "";
    int rc;
    char subject[256], issuer[256], nb[32], na[32];
    if (!cfg || !chain_pem_path || !key_path)
        return TLS13_ERR_INVALID_ARGUMENT;
    if (cfg->n_certs == TLS13_MAX_CONFIG_CERTS)
        return config_fail(cfg, TLS13_ERR_INVALID_ARGUMENT, "%s: too many certificates configured (the limit is 8)%s",
                           chain_pem_path, "");
    e = tls13_calloc(1, sizeof(*e));
    if (!e)
        return TLS13_ERR_NO_MEMORY;
    rc = tls13_cert_chain_load_file(&e->chain, chain_pem_path, err, sizeof(err));
    if (rc == TLS13_OK && e->chain.n_certs == 0) {
        rc = TLS13_ERR_PEM;
        snprintf(err, sizeof(err), "%s: no CERTIFICATE block found", chain_pem_path);
    }
    if (rc != TLS13_OK) {
        tls13_cert_chain_free(&e->chain);
        tls13_free(e);
        return config_fail(cfg, rc, "%s%s", err[0] ? err : chain_pem_path, err[0] ? "" : ": cannot load the certificate chain");
    }
    rc = tls13_private_key_load_file(&e->key, key_path, err, sizeof(err));
    if (rc == TLS13_OK) {
        rc = tls13_private_key_matches_cert(&e->key, e->chain.certs[0], e->chain.cert_lens[0]);
        if (rc != TLS13_OK)
            snprintf(err, sizeof(err), "%s: private key does not match the certificate in %s", key_path,
                     chain_pem_path);
    }
    if (rc != TLS13_OK) {
        tls13_cert_chain_free(&e->chain);
        tls13_private_key_wipe(&e->key);
        tls13_free_wiped(e, sizeof(*e));
        return config_fail(cfg, rc, "%s%s", err[0] ? err : key_path, err[0] ? "" : ": cannot load the private key");
    }
    if (tls13_x509_describe(e->chain.certs[0], e->chain.cert_lens[0], subject, sizeof(subject), issuer,
                            sizeof(issuer), nb, sizeof(nb), na, sizeof(na), e->sans, sizeof(e->sans)) != TLS13_OK)
        e->sans[0] = '\0';
    cfg->certs[cfg->n_certs++] = e;
    return TLS13_OK;
}

int tls13_config_load_trust_file(tls13_config *cfg, const char *path)
{
    int rc;
    if (!cfg || !path)
        return TLS13_ERR_INVALID_ARGUMENT;
    rc = tls13_trust_store_load_file(cfg->trust, path, cfg->error, sizeof(cfg->error));
    if (rc == TLS13_OK)
        cfg->trust_loaded = 1;
    return rc;
}

int tls13_config_load_trust_dir(tls13_config *cfg, const char *path)
{
    int rc;
    if (!cfg || !path)
        return TLS13_ERR_INVALID_ARGUMENT;
    rc = tls13_trust_store_load_dir(cfg->trust, path, cfg->error, sizeof(cfg->error));
    if (rc == TLS13_OK)
        cfg->trust_loaded = 1;
    return rc;
}

int tls13_config_add_pin(tls13_config *cfg, const uint8_t spki_sha256[32])
{
    if (!cfg || !spki_sha256)
        return TLS13_ERR_INVALID_ARGUMENT;
    return tls13_trust_store_add_pin(cfg->trust, spki_sha256);
}

void tls13_config_set_verify(tls13_config *cfg, tls13_verify_mode mode)
{
    if (cfg)
        cfg->verify = mode;
}

void tls13_config_set_time(tls13_config *cfg, int64_t unix_seconds)
{
    if (cfg)
        cfg->now = unix_seconds;
}

int tls13_config_set_alpn(tls13_config *cfg, const char *const *protos, size_t n)
{
    if (!cfg || (n && !protos) || n > TLS13_MAX_ALPN)
        return TLS13_ERR_INVALID_ARGUMENT;
    for (size_t i = 0; i < n; i++) {
        size_t len = protos[i] ? strlen(protos[i]) : 0;
        if (len == 0 || len > 255)
            return config_fail(cfg, TLS13_ERR_INVALID_ARGUMENT,
                               "ALPN protocol names must be 1 to 255 bytes long%s%s", "", "");
    }
    free_alpn(cfg);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(protos[i]);
        cfg->alpn[i] = tls13_alloc(len + 1);
        if (!cfg->alpn[i]) {
            free_alpn(cfg);
            return TLS13_ERR_NO_MEMORY;
        }
        memcpy(cfg->alpn[i], protos[i], len + 1);
        cfg->n_alpn = i + 1;
    }
    return TLS13_OK;
}

int tls13_config_set_groups(tls13_config *cfg, const uint16_t *groups, size_t n)
{
    if (!cfg || !groups || n == 0 || n > TLS13_MAX_GROUPS)
        return TLS13_ERR_INVALID_ARGUMENT;
    for (size_t i = 0; i < n; i++) {
        if (!tls13_group_supported(groups[i])) {
            snprintf(cfg->error, sizeof(cfg->error), "group 0x%04x is not supported", groups[i]);
            return TLS13_ERR_UNSUPPORTED;
        }
        if (tls13_u16_list_contains(groups, i, groups[i])) {
            snprintf(cfg->error, sizeof(cfg->error), "group %s is listed twice", tls13_group_name(groups[i]));
            return TLS13_ERR_INVALID_ARGUMENT;
        }
    }
    memcpy(cfg->groups, groups, n * sizeof(groups[0]));
    cfg->n_groups = n;
    return TLS13_OK;
}

int tls13_config_set_cipher_suites(tls13_config *cfg, const uint16_t *suites, size_t n)
{
    if (!cfg || !suites || n == 0 || n > 3)
        return TLS13_ERR_INVALID_ARGUMENT;
    for (size_t i = 0; i < n; i++) {
        if (!tls13_suite_find(suites[i])) {
            snprintf(cfg->error, sizeof(cfg->error), "cipher suite 0x%04x is not supported", suites[i]);
            return TLS13_ERR_UNSUPPORTED;
        }
        if (tls13_u16_list_contains(suites, i, suites[i])) {
            snprintf(cfg->error, sizeof(cfg->error), "cipher suite %s is listed twice",
                     tls13_cipher_suite_name(suites[i]));
            return TLS13_ERR_INVALID_ARGUMENT;
        }
    }
    memcpy(cfg->suites, suites, n * sizeof(suites[0]));
    cfg->n_suites = n;
    return TLS13_OK;
}

void tls13_config_set_trace(tls13_config *cfg, tls13_trace_fn fn, void *arg)
{
    if (cfg) {
        cfg->trace = fn;
        cfg->trace_arg = arg;
    }
}

void tls13_config_set_keylog(tls13_config *cfg, tls13_keylog_fn fn, void *arg)
{
    if (cfg) {
        cfg->keylog = fn;
        cfg->keylog_arg = arg;
    }
}

int tls13_cert_describe(const uint8_t *der, size_t len, tls13_cert_info *info)
{
    if (!der || !info)
        return TLS13_ERR_INVALID_ARGUMENT;
    return tls13_x509_describe(der, len, info->subject, sizeof(info->subject), info->issuer, sizeof(info->issuer),
                               info->not_before, sizeof(info->not_before), info->not_after,
                               sizeof(info->not_after), info->sans, sizeof(info->sans));
}
