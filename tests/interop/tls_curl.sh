#!/bin/bash
# curl (HTTPS over TLS 1.3) against our server: ECDSA and RSA chains chosen by
# SNI, ALPN http/1.1, a client certificate.
set -u
. "$(dirname "$0")/tls_lib.bash"
tl_init "${1:?build directory}" curl
curl_get() { # PORT NAME ARGS...
    local port=$1 name=$2
    shift 2
    timeout 15 curl -sS --max-time 10 --tlsv1.3 --cacert "$C/ca.pem" --resolve "$name:$port:127.0.0.1" "$@" "https://$name:$port/"
}
for name in ec256.example rsa.example; do
    tl_our_server "ours-$name" --http --alpn http/1.1 --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" \
        --cert "$C/server-rsa.pem" --key "$C/server-rsa.key" --reply "served by libtls13" --trace
    tl_check "curl -> server (SNI $name)" expect_in "served by libtls13" curl_get "$TL_PORT" "$name"
done
tl_our_server ours-mtls --http --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" --ca "$C/ca.pem" \
    --verify required --reply "client authenticated"
tl_check "curl -> server (mTLS)" expect_in "client authenticated" curl_get "$TL_PORT" localhost \
    --cert "$C/client.pem" --key "$C/client.key"
tl_finish
