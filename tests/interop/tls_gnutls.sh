#!/bin/bash
# libtls13 against GnuTLS (Debian gnutls-bin): our client against
# gnutls-serv, our server against gnutls-cli; suites, groups, ECDSA and RSA
# certificates, mTLS both ways.
set -u
. "$(dirname "$0")/tls_lib.bash"
tl_init "${1:?build directory}" gnutls-cli gnutls-serv
SUITES="TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256"
gnutls_group() { case $1 in x25519) echo X25519 ;; secp256r1) echo SECP256R1 ;; secp384r1) echo SECP384R1 ;; esac; }
GET='GET / HTTP/1.0\r\n\r\n'

# --- our client -> gnutls-serv ---
for kind in ec256 rsa; do
    port=$(tl_port)
    tl_bg "gnutls-serv-$kind" timeout 40 gnutls-serv --http -p "$port" --x509certfile "$C/server-$kind.pem" \
        --x509keyfile "$C/server-$kind.key" --priority "NORMAL:-VERS-ALL:+VERS-TLS1.3"
    tl_wait_port "$port"
    for suite in $SUITES; do
        for group in x25519 secp256r1 secp384r1; do
            tl_check "client -> gnutls-serv ($kind, $suite, $group)" "$TL_PEER" client --port "$port" --name localhost \
                --ca "$C/ca.pem" --suites "$suite" --groups "$group" --send "$GET" --expect "HTTP/1.0 200 OK"
        done
    done
done
port=$(tl_port)
tl_bg gnutls-serv-mtls timeout 40 gnutls-serv --http -p "$port" --x509certfile "$C/server-ec256.pem" \
    --x509keyfile "$C/server-ec256.key" --x509cafile "$C/ca.pem" --require-client-cert --verify-client-cert \
    --priority "NORMAL:-VERS-ALL:+VERS-TLS1.3"
tl_wait_port "$port"
tl_check "client -> gnutls-serv (mTLS)" "$TL_PEER" client --port "$port" --name localhost --ca "$C/ca.pem" \
    --cert "$C/client.pem" --key "$C/client.key" --send "$GET" --expect "HTTP/1.0 200 OK"

# --- gnutls-cli -> our server ---
gnutls_cli() { # PORT ARGS...
    local port=$1
    shift
    (printf 'ping\n'; sleep 0.4) | timeout 15 gnutls-cli -p "$port" --x509cafile "$C/ca.pem" localhost "$@" 2>&1
}
for kind in ec256 rsa; do
    for suite in $SUITES; do
        for group in x25519 secp256r1 secp384r1; do
            tl_our_server "ours-$kind-$suite-$group" --cert "$C/server-$kind.pem" --key "$C/server-$kind.key" \
                --suites "$suite" || continue
            tl_check "gnutls-cli -> server ($kind, $suite, $group)" expect_in "hello from libtls13" gnutls_cli "$TL_PORT" \
                --priority "NORMAL:-VERS-ALL:+VERS-TLS1.3:-GROUP-ALL:+GROUP-$(gnutls_group "$group")"
        done
    done
done
tl_our_server ours-mtls --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" --ca "$C/ca.pem" --verify required
tl_check "gnutls-cli -> server (mTLS)" expect_in "hello from libtls13" gnutls_cli "$TL_PORT" \
    --x509certfile "$C/client.pem" --x509keyfile "$C/client.key"
tl_finish
