/*
 * tls13-mkcert: local development certificates without OpenSSL.
 *
 *   tls13-mkcert [--out DIR] [--ca-cert F --ca-key F] NAME...
 *
 * Creates (or reuses) a local CA, DIR/ca.pem and DIR/ca-key.pem (ECDSA P-256,
 * 10 years), and a leaf certificate for the DNS names and IP addresses given,
 * DIR/NAME.pem and DIR/NAME-key.pem (825 days, the longest validity browsers
 * accept), named after the first NAME. Keys are written with mode 0600.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tls13.h"

#define CA_DAYS 3650
#define LEAF_DAYS 825
#define SKEW_SECONDS 3600 /* not_before an hour back: tolerates clocks slightly behind */
#define MAX_PEM_FILE (1 << 20)

static const char *prog = "tls13-mkcert";

static void usage(FILE *out)
{
    fprintf(out,
            "usage: %s [--out DIR] [--ca-cert FILE --ca-key FILE] NAME...\n"
            "\n"
            "Makes development certificates: a local CA (DIR/ca.pem, DIR/ca-key.pem; reused when\n"
            "both exist) and a certificate for the DNS names and IP addresses NAME... signed by it\n"
            "(DIR/NAME.pem and DIR/NAME-key.pem, named after the first NAME; '*' becomes _wildcard).\n"
            "Keys are ECDSA P-256; the CA is valid for %d days, the certificate for %d days.\n"
            "\n"
            "  --out DIR       where to write (default: the current directory; created if missing)\n"
            "  --ca-cert FILE  sign with this CA certificate (PEM) instead of DIR/ca.pem\n"
            "  --ca-key FILE   the CA's private key (PEM; ECDSA P-256 or P-384)\n"
            "  -h, --help      this text\n"
            "\n"
            "Trust the CA in a client with e.g. `tls13-client --cafile DIR/ca.pem` or `curl --cacert DIR/ca.pem`.\n"
            "Exit status: 0 done, 1 failure, 2 usage error.\n",
            prog, CA_DAYS, LEAF_DAYS);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* The whole file as a NUL-terminated string, or NULL (reason on stderr). */
static char *read_text_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    size_t n;
    if (!f) {
        fprintf(stderr, "%s: cannot open %s: %s\n", prog, path, strerror(errno));
        return NULL;
    }
    buf = malloc(MAX_PEM_FILE + 1);
    n = buf ? fread(buf, 1, MAX_PEM_FILE + 1, f) : 0;
    if (!buf || ferror(f) || n > MAX_PEM_FILE) {
        fprintf(stderr, "%s: cannot read %s: %s\n", prog, path, buf && n > MAX_PEM_FILE ? "file too large" : strerror(errno));
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* Writes text to path atomically (a temporary file renamed over it) with the
 * given mode, so a reader never sees half a key and a key is never briefly
 * world-readable. */
static int write_text_file(const char *path, const char *text, mode_t mode)
{
    char tmp[4096];
    size_t len = strlen(text), done = 0;
    int fd;
    if (snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid()) >= (int)sizeof tmp) {
        fprintf(stderr, "%s: path too long: %s\n", prog, path);
        return -1;
    }
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, mode);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot create %s: %s\n", prog, tmp, strerror(errno));
        return -1;
    }
    while (done < len) {
        ssize_t n = write(fd, text + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            fprintf(stderr, "%s: cannot write %s: %s\n", prog, tmp, strerror(errno));
            close(fd);
            unlink(tmp);
            return -1;
        }
        done += (size_t)n;
    }
    if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

static int make_dirs(const char *dir)
{
    char path[4096];
    size_t len = strlen(dir);
    if (len == 0 || len >= sizeof path) {
        fprintf(stderr, "%s: bad --out directory \"%s\"\n", prog, dir);
        return -1;
    }
    memcpy(path, dir, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (path[i] != '/' && path[i] != '\0')
            continue;
        path[i] = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) {
            fprintf(stderr, "%s: cannot create directory %s: %s\n", prog, path, strerror(errno));
            return -1;
        }
        path[i] = i < len ? '/' : '\0';
    }
    return 0;
}

/* Zeroes memory the compiler may not treat as dead (it holds a private key). */
static void wipe(void *p, size_t n)
{
    volatile unsigned char *v = p;
    while (n--)
        *v++ = 0;
}

static int write_pair(const char *what, const char *cert_path, const char *key_path, const char *cert_pem,
                      const char *key_pem, int64_t not_after)
{
    char until[32];
    time_t t = (time_t)not_after;
    struct tm tm;
    if (write_text_file(key_path, key_pem, 0600) != 0 || write_text_file(cert_path, cert_pem, 0644) != 0)
        return -1;
    strftime(until, sizeof until, "%Y-%m-%d", gmtime_r(&t, &tm));
    printf("%s: wrote %s (valid until %s)\n", what, cert_path, until);
    printf("%s: wrote %s (private key, mode 0600)\n", what, key_path);
    return 0;
}

/* File stem for the leaf: its first name, with a wildcard spelled out. */
static void leaf_stem(const char *name, char *out, size_t cap)
{
    if (name[0] == '*' && name[1] == '.')
        snprintf(out, cap, "_wildcard.%s", name + 2);
    else
        snprintf(out, cap, "%s", name);
    for (char *p = out; *p; p++)
        if (*p == '/')
            *p = '_';
}

int main(int argc, char **argv)
{
    const char *out_dir = ".", *ca_cert_path = NULL, *ca_key_path = NULL;
    char ca_path[4096], ca_key_file[4096], cert_path[4096], key_path[4096], stem[512], err[512];
    char *ca_pem = NULL, *ca_key_pem = NULL, *cert_pem = NULL, *key_pem = NULL;
    const char **names;
    int first_name, n_names, status = 1, rc;
    time_t now = time(NULL);
    tls13_cert_spec spec;

    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if ((strcmp(a, "--out") == 0 || strcmp(a, "--ca-cert") == 0 || strcmp(a, "--ca-key") == 0)) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: %s needs an argument\n", prog, a);
                return 2;
            }
            if (strcmp(a, "--out") == 0)
                out_dir = argv[++i];
            else if (strcmp(a, "--ca-cert") == 0)
                ca_cert_path = argv[++i];
            else
                ca_key_path = argv[++i];
        } else if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (a[0] == '-') {
            fprintf(stderr, "%s: unknown option %s (see --help)\n", prog, a);
            return 2;
        } else {
            break;
        }
    }
    first_name = i;
    n_names = argc - first_name;
    for (int j = first_name; j < argc; j++)
        if (argv[j][0] == '-') {
            fprintf(stderr, "%s: options go before the names: %s\n", prog, argv[j]);
            return 2;
        }
    if ((ca_cert_path == NULL) != (ca_key_path == NULL)) {
        fprintf(stderr, "%s: --ca-cert and --ca-key go together\n", prog);
        return 2;
    }
    if (n_names == 0 && ca_cert_path) {
        fprintf(stderr, "%s: name at least one DNS name or IP address to certify\n", prog);
        return 2;
    }
    if (make_dirs(out_dir) != 0)
        return 1;

    /* The CA: given, reused, or made. */
    if (!ca_cert_path) {
        snprintf(ca_path, sizeof ca_path, "%s/ca.pem", out_dir);
        snprintf(ca_key_file, sizeof ca_key_file, "%s/ca-key.pem", out_dir);
        if (file_exists(ca_path) != file_exists(ca_key_file)) {
            fprintf(stderr, "%s: found only one of %s and %s; remove it or supply both\n", prog, ca_path, ca_key_file);
            return 1;
        }
        if (file_exists(ca_path)) {
            printf("CA: reusing %s\n", ca_path);
        } else {
            memset(&spec, 0, sizeof spec);
            spec.common_name = "libtls13 development CA";
            spec.is_ca = 1;
            spec.not_before = (int64_t)now - SKEW_SECONDS;
            spec.not_after = (int64_t)now + (int64_t)CA_DAYS * 86400;
            rc = tls13_cert_generate(&spec, NULL, NULL, &ca_pem, &ca_key_pem, err, sizeof err);
            if (rc != TLS13_OK) {
                fprintf(stderr, "%s: cannot make the CA: %s\n", prog, err);
                return 1;
            }
            rc = write_pair("CA", ca_path, ca_key_file, ca_pem, ca_key_pem, spec.not_after);
            tls13_free_pem(ca_pem);
            tls13_free_pem(ca_key_pem);
            ca_pem = ca_key_pem = NULL;
            if (rc != 0)
                return 1;
        }
        ca_cert_path = ca_path;
        ca_key_path = ca_key_file;
    }
    if (n_names == 0)
        return 0;

    ca_pem = read_text_file(ca_cert_path);
    ca_key_pem = ca_pem ? read_text_file(ca_key_path) : NULL;
    names = (const char **)(argv + first_name);
    if (!ca_key_pem)
        goto done;
    memset(&spec, 0, sizeof spec);
    spec.common_name = names[0];
    spec.names = names;
    spec.n_names = (size_t)n_names;
    spec.not_before = (int64_t)now - SKEW_SECONDS;
    spec.not_after = (int64_t)now + (int64_t)LEAF_DAYS * 86400;
    rc = tls13_cert_generate(&spec, ca_pem, ca_key_pem, &cert_pem, &key_pem, err, sizeof err);
    if (rc != TLS13_OK) {
        fprintf(stderr, "%s: cannot make the certificate: %s\n", prog, err);
        goto done;
    }
    leaf_stem(names[0], stem, sizeof stem);
    snprintf(cert_path, sizeof cert_path, "%s/%s.pem", out_dir, stem);
    snprintf(key_path, sizeof key_path, "%s/%s-key.pem", out_dir, stem);
    if (write_pair("certificate", cert_path, key_path, cert_pem, key_pem, spec.not_after) != 0)
        goto done;
    printf("certificate: for");
    for (int j = 0; j < n_names; j++)
        printf(" %s", names[j]);
    printf(", signed by %s\n", ca_cert_path);
    status = 0;
done:
    tls13_free_pem(cert_pem);
    tls13_free_pem(key_pem);
    if (ca_key_pem) {
        wipe(ca_key_pem, strlen(ca_key_pem));
        free(ca_key_pem);
    }
    free(ca_pem);
    return status;
}
