/* The blocking wrapper (src/io/blocking.c) over a socketpair, the server in
 * a thread: handshake, data both ways, close_notify as end of stream, the
 * timeout and connection-loss errors with their sentences. */
#define _POSIX_C_SOURCE 200809L
#include "tls_pair.h"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

typedef struct server_job {
    tls13_config *cfg;
    int fd;
    int rc;
    char got[64];
} server_job;

static void *serve(void *arg)
{
    server_job *j = arg;
    tls13_conn *s = tls13_conn_new(j->cfg, NULL);
    int n;
    tls13_conn_attach_fd(s, j->fd);
    tls13_conn_set_io_timeout(s, 5000);
    j->rc = tls13_handshake(s);
    if (j->rc == TLS13_OK && (n = tls13_read(s, j->got, sizeof(j->got) - 1)) > 0) {
        j->got[n] = '\0';
        j->rc = tls13_write(s, "pong", 4);
        if (j->rc == TLS13_OK)
            j->rc = tls13_close(s);
    }
    tls13_conn_free(s);
    return NULL;
}

static void test_blocking_round_trip(void **state)
{
    int fds[2];
    pthread_t t;
    server_job job;
    tls13_config *ccfg = tp_client_config();
    tls13_conn *c;
    char buf[16];
    (void)state;
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    memset(&job, 0, sizeof(job));
    job.cfg = tp_server_config("ec256");
    job.fd = fds[1];
    assert_int_equal(pthread_create(&t, NULL, serve, &job), 0);
    c = tls13_conn_new(ccfg, "localhost");
    assert_int_equal(tls13_handshake(c), TLS13_ERR_STATE); /* no socket attached yet */
    assert_int_equal(tls13_conn_attach_fd(c, fds[0]), TLS13_OK);
    tls13_conn_set_io_timeout(c, 5000);
    assert_int_equal(tls13_handshake(c), TLS13_OK);
    assert_int_equal(tls13_write(c, "ping", 4), TLS13_OK);
    assert_int_equal(tls13_read(c, buf, sizeof(buf)), 4);
    assert_memory_equal(buf, "pong", 4);
    assert_int_equal(tls13_read(c, buf, sizeof(buf)), 0); /* close_notify */
    pthread_join(t, NULL);
    assert_int_equal(job.rc, TLS13_OK);
    assert_string_equal(job.got, "ping");
    tls13_conn_free(c);
    close(fds[0]);
    close(fds[1]);
    tls13_config_free(ccfg);
    tls13_config_free(job.cfg);
}

static void test_timeout_and_lost_connection(void **state)
{
    int fds[2];
    tls13_config *ccfg = tp_client_config();
    tls13_conn *c;
    (void)state;
    /* Nobody answers: the handshake times out. */
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    c = tls13_conn_new(ccfg, "localhost");
    tls13_conn_attach_fd(c, fds[0]);
    tls13_conn_set_io_timeout(c, 100);
    assert_int_equal(tls13_handshake(c), TLS13_ERR_TIMEOUT);
    assert_string_equal(tls13_conn_error_text(c), "timed out after 100 ms waiting for data from the server");
    tls13_conn_free(c);
    /* The peer closes the socket during the handshake. */
    c = tls13_conn_new(ccfg, "localhost");
    tls13_conn_attach_fd(c, fds[0]);
    close(fds[1]);
    assert_int_equal(tls13_handshake(c), TLS13_ERR_IO);
    printf("%s\n", tls13_conn_error_text(c));
    assert_non_null(strstr(tls13_conn_error_text(c), "server"));
    tls13_conn_free(c);
    close(fds[0]);
    tls13_config_free(ccfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocking_round_trip),
        cmocka_unit_test(test_timeout_and_lost_connection),
    };
    signal(SIGPIPE, SIG_IGN);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
