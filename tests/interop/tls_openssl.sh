#!/bin/bash
# libtls13 against OpenSSL on 127.0.0.1: our client (tests/tools/tls13_peer)
# against `openssl s_server -tls1_3`, and our server against
# `openssl s_client`, for each suite and group OpenSSL supports (3.0: no
# ML-KEM), ECDSA and RSA certificates, ALPN, HelloRetryRequest, mTLS both ways.
set -u
. "$(dirname "$0")/tls_lib.bash"
tl_init "${1:?build directory}" openssl

SUITES="TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_CHACHA20_POLY1305_SHA256"
GROUPS_OURS="x25519 secp256r1 secp384r1"
ossl_group() { case $1 in x25519) echo X25519 ;; secp256r1) echo P-256 ;; secp384r1) echo P-384 ;; esac; }
GET='GET / HTTP/1.0\r\n\r\n'

# --- our client -> openssl s_server ---
s_server() { # NAME CERTKIND [extra s_server args]
    local name=$1 kind=$2
    shift 2
    S_PORT=$(tl_port)
    tl_bg "$name" timeout 50 openssl s_server -accept "$S_PORT" -tls1_3 -cert "$C/server-$kind-leaf.pem" \
        -key "$C/server-$kind.key" -www "$@"
    tl_wait_port "$S_PORT"
}

for kind in ec256 rsa; do
    s_server "s_server-$kind" "$kind"
    for suite in $SUITES; do
        for group in $GROUPS_OURS; do
            tl_check "client -> s_server ($kind, $suite, $group)" "$TL_PEER" client --port "$S_PORT" --name localhost \
                --ca "$C/ca.pem" --suites "$suite" --groups "$group" --send "$GET" --expect "HTTP/1.0 200 ok"
        done
    done
    # Our default ClientHello (X25519MLKEM768 + x25519 shares): OpenSSL 3.0 takes x25519.
    tl_check "client -> s_server ($kind, default groups)" "$TL_PEER" client --port "$S_PORT" --name localhost \
        --ca "$C/ca.pem" --send "$GET" --expect "HTTP/1.0 200 ok"
done
# Every signature scheme OpenSSL can sign with for our certificates.
for spec in "ec384 ecdsa_secp384r1_sha384" "ed25519 ed25519" "rsa rsa_pss_rsae_sha384" "rsa rsa_pss_rsae_sha512"; do
    set -- $spec
    s_server "s_server-$2" "$1" -sigalgs "$2"
    tl_check "client -> s_server (CertificateVerify $2)" expect_in "peer-signature $2" \
        "$TL_PEER" client --port "$S_PORT" --name localhost --ca "$C/ca.pem" --send "$GET" --expect "HTTP/1.0 200 ok"
done
tl_check_fails "client -> s_server: wrong host name" "certificate verify failed" \
    "$TL_PEER" client --port "$S_PORT" --name wrong.example --ca "$C/ca.pem" --send "$GET"

# HelloRetryRequest: we offer a share for x25519, the server wants P-384.
s_server s_server-hrr ec256 -groups P-384
tl_check "client -> s_server (HelloRetryRequest to secp384r1)" "$TL_PEER" client --port "$S_PORT" --name localhost \
    --ca "$C/ca.pem" --groups x25519,secp384r1 --send "$GET" --expect "HTTP/1.0 200 ok"
# ALPN and a client certificate the server requires.
s_server s_server-mtls ec256 -Verify 1 -CAfile "$C/ca.pem" -alpn h2,http/1.1
tl_check "client -> s_server (mTLS, ALPN)" "$TL_PEER" client --port "$S_PORT" --name localhost --ca "$C/ca.pem" \
    --cert "$C/client.pem" --key "$C/client.key" --alpn http/1.1 --send "$GET" --expect "HTTP/1.0 200 ok"
tl_check_fails "client -> s_server (mTLS, no client certificate)" "alert" \
    "$TL_PEER" client --port "$S_PORT" --name localhost --ca "$C/ca.pem" --send "$GET" --expect "HTTP/1.0 200 ok"

# --- openssl s_client -> our server ---
s_client() { # PORT [args]
    local port=$1
    shift
    printf 'ping\n' | timeout 15 openssl s_client -connect "127.0.0.1:$port" -servername localhost -CAfile "$C/ca.pem" \
        -verify_return_error -ign_eof "$@" 2>&1
}

for kind in ec256 rsa; do
    for suite in $SUITES; do
        for group in $GROUPS_OURS; do
            tl_our_server "server-$kind-$suite-$group" --cert "$C/server-$kind.pem" --key "$C/server-$kind.key" || continue
            tl_check "s_client -> server ($kind, $suite, $group)" expect_in "hello from libtls13" \
                s_client "$TL_PORT" -tls1_3 -ciphersuites "$suite" -groups "$(ossl_group "$group")"
        done
    done
done
# HelloRetryRequest: s_client sends an x25519 share, we accept only P-384.
tl_our_server server-hrr --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" --groups secp384r1
tl_check "s_client -> server (HelloRetryRequest)" expect_in "hello from libtls13" s_client "$TL_PORT" -groups X25519:P-384
# ALPN chosen by server preference.
tl_our_server server-alpn --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" --alpn h2,http/1.1
tl_check "s_client -> server (ALPN)" expect_in "ALPN protocol: h2" s_client "$TL_PORT" -alpn http/1.1,h2
# mTLS required: with and without a client certificate.
tl_our_server server-mtls --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" --ca "$C/ca.pem" --verify required
tl_check "s_client -> server (mTLS)" expect_in "hello from libtls13" \
    s_client "$TL_PORT" -cert "$C/client.pem" -key "$C/client.key"
tl_our_server server-mtls-missing --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" --ca "$C/ca.pem" --verify required
tl_check "s_client -> server (mTLS, no certificate: certificate_required)" expect_in "certificate required" \
    s_client "$TL_PORT"
# Two chains: the SNI picks RSA or ECDSA.
tl_our_server server-sni --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" \
    --cert "$C/server-rsa.pem" --key "$C/server-rsa.key"
tl_check "s_client -> server (SNI picks the RSA chain)" expect_in "Peer signature type: RSA-PSS" \
    s_client "$TL_PORT" -servername rsa.example
# Our server signs with the scheme the client allows.
for spec in "rsa rsa_pss_rsae_sha384 SHA384" "rsa rsa_pss_rsae_sha512 SHA512" "ec384 ecdsa_secp384r1_sha384 SHA384" \
    "ed25519 ed25519 ed25519"; do
    set -- $spec
    tl_our_server "server-sig-$2" --cert "$C/server-$1.pem" --key "$C/server-$1.key" || continue
    tl_check "s_client -> server (CertificateVerify $2)" expect_in "Peer signing digest: $3\|Peer signature type: $3" \
        s_client "$TL_PORT" -sigalgs "$2"
done
# TLS-Exporter (RFC 8446 section 7.5, empty context) agrees with OpenSSL's.
tl_our_server server-export --cert "$C/server-ec256.pem" --key "$C/server-ec256.key" --export "EXPORTER-libtls13-test"
exporter_matches() {
    local out ours theirs
    out=$(s_client "$TL_PORT" -keymatexport EXPORTER-libtls13-test -keymatexportlen 32)
    sleep 0.2
    theirs=$(sed -n 's/^ *Keying material: *//p' <<< "$out")
    ours=$(sed -n 's/^exporter: //p' "$TL_TMP/server-export.log")
    echo "openssl: $theirs"; echo "ours:    $ours"
    [ -n "$ours" ] && [ "$ours" = "$theirs" ]
}
tl_check "exporter agrees with openssl -keymatexport" exporter_matches
# A TLS 1.2-only server: our client refuses with protocol_version.
S_PORT=$(tl_port)
tl_bg s_server-tls12 timeout 50 openssl s_server -accept "$S_PORT" -tls1_2 -cert "$C/server-ec256-leaf.pem" \
    -key "$C/server-ec256.key" -www
tl_wait_port "$S_PORT"
tl_check_fails "client -> s_server -tls1_2 (protocol_version)" "protocol_version" \
    "$TL_PEER" client --port "$S_PORT" --name localhost --ca "$C/ca.pem" --send "$GET"
tl_finish
