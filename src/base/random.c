#define _GNU_SOURCE 1 /* syscall(2) and SYS_getrandom under -std=c99 */
#include "random.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

#include "tls13.h"

static tls13_random_source_fn test_source;
static void *test_source_arg;

void tls13_random_set_source(tls13_random_source_fn fn, void *arg)
{
    test_source = fn;
    test_source_arg = arg;
}

/* getrandom(2) may return fewer bytes than asked (above 256 bytes, or when
 * interrupted by a signal); loop until done. Returns 0 on success, 1 when the
 * kernel has no getrandom (fall back), -1 on any other failure. */
static int fill_getrandom(uint8_t *out, size_t len)
{
#if defined(__linux__) && defined(SYS_getrandom)
    while (len > 0) {
        long n = syscall(SYS_getrandom, out, len, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno == ENOSYS ? 1 : -1;
        }
        out += n;
        len -= (size_t)n;
    }
    return 0;
#else
    (void)out;
    (void)len;
    return 1;
#endif
}

static int fill_urandom(uint8_t *out, size_t len)
{
    int fd;
    do {
        fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return -1;
    while (len > 0) {
        ssize_t n = read(fd, out, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            close(fd);
            return -1;
        }
        out += n;
        len -= (size_t)n;
    }
    close(fd);
    return 0;
}

int tls13_random_bytes(uint8_t *out, size_t len)
{
    int r;
    if (len == 0)
        return TLS13_OK;
    if (!out)
        return TLS13_ERR_INVALID_ARGUMENT;
    if (test_source)
        return test_source(test_source_arg, out, len);
    r = fill_getrandom(out, len);
    if (r == 1)
        r = fill_urandom(out, len);
    return r == 0 ? TLS13_OK : TLS13_ERR_RANDOM;
}
