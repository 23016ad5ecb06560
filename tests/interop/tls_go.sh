#!/bin/bash
# libtls13 against Go's crypto/tls (Debian golang-go; tests/interop/go,
# standard library only, built here with no module downloads): our client
# against a Go server and our server against a Go client, per suite (Go picks
# the suite in TLS 1.3, so our side restricts it) and group, ECDSA and RSA
# certificates, ALPN, mTLS both ways.
set -u
. "$(dirname "$0")/tls_lib.bash"
tl_init "${1:?build directory}" go
GO_PEER="$TL_TMP/tlspeer"
if ! (cd "$(dirname "$0")/go" && GOFLAGS=-mod=mod GOPROXY=off GOCACHE="$TL_TMP/gocache" timeout 120 \
        go build -o "$GO_PEER" .) > "$TL_TMP/gobuild.log" 2>&1; then
    echo "FAIL: building the Go peer"; cat "$TL_TMP/gobuild.log"; exit 1
fi
SUITES="TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256"

go_server() { # NAME ARGS...: starts the Go server, sets G_PORT
    local name=$1
    shift
    tl_bg "$name" timeout 20 "$GO_PEER" server "$@"
    G_PORT=
    for _ in $(seq 100); do
        G_PORT=$(sed -n 's/^listening on //p' "$TL_TMP/$name.log" 2>/dev/null)
        [ -n "$G_PORT" ] && return 0
        sleep 0.05
    done
    echo "Go server did not start:"; cat "$TL_TMP/$name.log"; return 1
}

# --- our client -> Go server ---
for kind in ec256 rsa; do
    for suite in $SUITES; do
        for group in x25519 secp256r1 secp384r1; do
            go_server "go-$kind-$suite-$group" -addr 127.0.0.1:0 -cert "$C/server-$kind.pem" -key "$C/server-$kind.key" \
                -curves "$group" || continue
            tl_check "client -> Go server ($kind, $suite, $group)" "$TL_PEER" client --port "$G_PORT" --name localhost \
                --ca "$C/ca.pem" --suites "$suite" --groups "$group" --send ping --expect "hello from go"
        done
    done
done
# Default ClientHello; the Go server wants P-384 only: HelloRetryRequest.
go_server go-hrr -cert "$C/server-ec256.pem" -key "$C/server-ec256.key" -curves p384
tl_check "client -> Go server (HelloRetryRequest)" "$TL_PEER" client --port "$G_PORT" --name localhost --ca "$C/ca.pem" \
    --send ping --expect "hello from go"
go_server go-mtls -cert "$C/server-ec256.pem" -key "$C/server-ec256.key" -ca "$C/ca.pem" -require -alpn h2
tl_check "client -> Go server (mTLS, ALPN)" "$TL_PEER" client --port "$G_PORT" --name localhost --ca "$C/ca.pem" \
    --cert "$C/client.pem" --key "$C/client.key" --alpn h2 --send ping --expect "hello from go"

# --- Go client -> our server ---
for kind in ec256 rsa; do
    for suite in $SUITES; do
        for group in x25519 secp256r1 secp384r1; do
            tl_our_server "ours-$kind-$suite-$group" --cert "$C/server-$kind.pem" --key "$C/server-$kind.key" \
                --suites "$suite" || continue
            tl_check "Go client -> server ($kind, $suite, $group)" "$GO_PEER" client -addr "127.0.0.1:$TL_PORT" \
                -ca "$C/ca.pem" -name localhost -curves "$group"
        done
    done
done
tl_our_server ours-mtls --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" --ca "$C/ca.pem" --verify required \
    --alpn http/1.1,h2
tl_check "Go client -> server (mTLS, ALPN)" "$GO_PEER" client -addr "127.0.0.1:$TL_PORT" -ca "$C/ca.pem" \
    -cert "$C/client.pem" -key "$C/client.key" -alpn h2,http/1.1
tl_finish
