#!/usr/bin/env bash
# tls13-client and tls13-server against each other and against OpenSSL and
# curl: the status page, static files (content types, traversal refused,
# error pages), keep-alive, HTTP/1.0, mTLS, ECDSA and RSA certificates chosen
# by signature algorithm, and a clean shutdown on SIGTERM.
source "$(dirname "$0")/example_lib.bash" "$1"
cd "$tmp"
make_certs certs localhost 127.0.0.1
ca=certs/ca.pem

mkdir -p www/css
printf '<!DOCTYPE html><h1>index</h1>\n' >www/index.html
printf 'body { color: red }\n' >www/css/site.css
printf '{"ok": true}\n' >www/data.json
printf 'outside the root\n' >secret.txt
ln -s ../secret.txt www/escape.txt
head -c 300000 /dev/urandom >www/big.bin

say "tls13-client -> tls13-server (status page)"
start_server server.log --cert certs/localhost.pem --key certs/localhost-key.pem
expect_client 0 "certificate verify ok" -v --cafile "$ca" "https://localhost:$server_port/"
grep -q '<td id="version">TLS 1.3</td>' "$tmp/client.out" || { cat "$tmp/client.out"; fail "status page without TLS 1.3"; }
grep -q '<td id="sni">localhost</td>' "$tmp/client.out" || fail "status page without the SNI"
grep -Eq '^\* TLS 1\.3 / TLS_[A-Z0-9_]+ / [A-Za-z0-9]+' "$tmp/client.err" || fail "no negotiated parameters line in the trace"
grep -q '^> GET / HTTP/1.1' "$tmp/client.err" && grep -q '^< HTTP/1.1 200 OK' "$tmp/client.err" || fail "no HTTP headers in the trace"
grep -q 'subject: .*localhost' "$tmp/client.err" || fail "no server chain in the trace"
expect_client 6 "HTTP status 404" --cafile "$ca" "https://localhost:$server_port/missing"
mkdir -p cadir && cp "$ca" cadir/
expect_client 0 "certificate verify ok" -v --capath cadir "https://localhost:$server_port/"
# --sni: the name sent and verified, whatever the URL says; IPs as hosts send no SNI.
expect_client 0 "" --cafile "$ca" --sni localhost "https://127.0.0.1:$server_port/"
grep -q '<td id="sni">localhost</td>' "$tmp/client.out" || fail "--sni localhost not sent"
expect_client 0 "" --cafile "$ca" "https://127.0.0.1:$server_port/"
grep -q '<td id="sni">(none)</td>' "$tmp/client.out" || fail "an IP literal was sent as SNI"
# ALPN: the server picks http/1.1 out of the client's list.
expect_client 0 "ALPN: server accepted http/1.1" -v --cafile "$ca" --alpn h2,http/1.1 "https://localhost:$server_port/"
# SSLKEYLOGFILE, as --keylog.
SSLKEYLOGFILE="$tmp/env-keys.log" timeout 20 "$bin/tls13-client" --cafile "$ca" "https://localhost:$server_port/" >/dev/null
grep -q "^SERVER_TRAFFIC_SECRET_0 [0-9a-f]\{64\} [0-9a-f]\{64\}$" env-keys.log || fail "SSLKEYLOGFILE got no key log"

say "curl -> tls13-server (status page, keep-alive, HTTP/1.0)"
timeout 20 curl -sS --cacert "$ca" "https://localhost:$server_port/" | grep -q "TLS 1.3" || fail "curl: no status page"
timeout 20 curl -sS -v --cacert "$ca" "https://localhost:$server_port/" "https://localhost:$server_port/" -o /dev/null -o /dev/null 2>curl.err
grep -q "Re-using existing connection" curl.err || { cat curl.err; fail "curl: keep-alive connection not reused"; }
timeout 20 curl -sS --http1.0 --cacert "$ca" "https://localhost:$server_port/" | grep -q "GET / HTTP/1.0" || fail "curl --http1.0"
code=$(timeout 20 curl -sS -o /dev/null -w '%{http_code}' -X DELETE --cacert "$ca" "https://localhost:$server_port/")
[ "$code" = 405 ] || fail "DELETE gave $code, not 405"

say "openssl s_client -> tls13-server"
printf 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' |
  timeout 20 openssl s_client -quiet -tls1_3 -connect "127.0.0.1:$server_port" -servername localhost \
    -CAfile "$ca" -verify_return_error -verify_hostname localhost >s_client.out 2>s_client.err ||
  { cat s_client.err; fail "openssl s_client failed"; }
grep -q "TLS 1.3" s_client.out || { cat s_client.out s_client.err; fail "s_client: no status page"; }
grep -q '"GET / HTTP/1.1" 200' server.log || fail "no request log line"
grep -Eq '127\.0\.0\.1:[0-9]+ "GET / HTTP/1.1" 200 [0-9]+ TLS_[A-Z0-9_]+ [A-Za-z0-9]+ sni=localhost' server.log ||
  { cat server.log; fail "request log line lacks its TLS parameters"; }
stop_server server.log

say "static files from --root"
start_server files.log --cert certs/localhost.pem --key certs/localhost-key.pem --root www
check() { # PATH STATUS CONTENT-TYPE
  local got
  got=$(timeout 20 curl -sS --path-as-is -o body.out -w '%{http_code} %{content_type}' --cacert "$ca" "https://localhost:$server_port$1")
  [ "$got" = "$2 $3" ] || fail "GET $1: got '$got', expected '$2 $3'"
}
check / 200 "text/html; charset=utf-8"
check /css/site.css 200 "text/css; charset=utf-8"
check /data.json 200 "application/json"
check /big.bin 200 "application/octet-stream"
cmp -s body.out www/big.bin || fail "big.bin arrived changed"
check /nothing.html 404 "text/html; charset=utf-8"
check /escape.txt 403 "text/html; charset=utf-8"
check /../secret.txt 400 "text/html; charset=utf-8"
check /css/%2e%2e/%2e%2e/secret.txt 400 "text/html; charset=utf-8"
expect_client 0 "" --cafile "$ca" "https://localhost:$server_port/big.bin"
cmp -s "$tmp/client.out" www/big.bin || fail "tls13-client: big.bin arrived changed"
head=$(timeout 20 curl -sS -I --cacert "$ca" "https://localhost:$server_port/data.json" | tr -d '\r')
echo "$head" | grep -q "^Content-Length: 13$" || { echo "$head"; fail "HEAD: no Content-Length of the file"; }

say "concurrency: 20 clients at once while a stalled connection and a half handshake sit open"
exec 4<>"/dev/tcp/127.0.0.1/$server_port"                  # connected, silent
exec 5<>"/dev/tcp/127.0.0.1/$server_port"
printf '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03' >&5   # half a ClientHello
pids=()
for i in $(seq 20); do
  timeout 30 "$bin/tls13-client" --cafile "$ca" "https://localhost:$server_port/big.bin" >"par$i.out" 2>"par$i.err" &
  pids+=($!)
done
for i in $(seq 20); do
  wait "${pids[$((i - 1))]}" || { cat "par$i.err" >&2; fail "concurrent client $i failed"; }
  cmp -s "par$i.out" www/big.bin || fail "concurrent client $i got a changed big.bin"
done
exec 4>&- 5>&-
stop_server files.log

say "mTLS: --client-ca with --require-client-cert"
start_server mtls.log --cert certs/localhost.pem --key certs/localhost-key.pem --client-ca "$ca" --require-client-cert
expect_client 4 "^tls13-client: TLS handshake failed: " --cafile "$ca" "https://localhost:$server_port/"
expect_client 0 "" --cafile "$ca" --cert certs/localhost.pem --key certs/localhost-key.pem "https://localhost:$server_port/"
grep -q '<td id="client-cert">.*CN=localhost' "$tmp/client.out" || { cat "$tmp/client.out"; fail "status page without the client certificate"; }
stop_server mtls.log

say "ECDSA and RSA certificates, chosen by the client's signature algorithms"
openssl req -x509 -newkey rsa:2048 -nodes -keyout rsa-key.pem -out rsa.pem -subj /CN=localhost -days 2 \
  -addext "subjectAltName=DNS:localhost" 2>/dev/null
start_server pairs.log --cert certs/localhost.pem --key certs/localhost-key.pem --cert rsa.pem --key rsa-key.pem
for alg in rsa_pss_rsae_sha256:RSA-PSS ecdsa_secp256r1_sha256:ECDSA; do
  printf 'GET / HTTP/1.0\r\n\r\n' | timeout 20 openssl s_client -tls1_3 -connect "127.0.0.1:$server_port" \
    -servername localhost -sigalgs "${alg%%:*}" >sig.out 2>&1 || { cat sig.out; fail "s_client -sigalgs ${alg%%:*}"; }
  grep -q "Peer signature type: ${alg##*:}" sig.out || { grep -i "signature" sig.out; fail "-sigalgs ${alg%%:*} did not get a ${alg##*:} signature"; }
done
stop_server pairs.log

say "two ECDSA certificates, chosen by SNI"
make_certs certs a.test
make_certs certs b.test
start_server sni.log --cert certs/a.test.pem --key certs/a.test-key.pem --cert certs/b.test.pem --key certs/b.test-key.pem
for name in a.test b.test; do
  expect_client 0 "subject: CN=$name" -v --cafile "$ca" --connect-to "127.0.0.1:$server_port" "https://$name/"
done
stop_server sni.log

say "IPv6: tls13-server --bind ::1, tls13-client https://[::1]:PORT/"
if ip -6 addr show dev lo 2>/dev/null | grep -q "::1/128"; then
  make_certs certs6 localhost ::1
  : >v6.log
  "$bin/tls13-server" --port 0 --bind ::1 --cert certs6/localhost.pem --key certs6/localhost-key.pem 2>v6.log &
  v6_pid=$!
  bg_pids+=("$v6_pid")
  for i in $(seq 50); do
    v6_port=$(sed -n 's|.*listening on https://\[::1\]:\([0-9]*\)/.*|\1|p' v6.log)
    [ -n "$v6_port" ] && break
    sleep 0.1
  done
  [ -n "$v6_port" ] || { cat v6.log >&2; fail "tls13-server --bind ::1 did not start"; }
  expect_client 0 "Connecting to ::1 \(::1\) port $v6_port" -v --cafile certs6/ca.pem "https://[::1]:$v6_port/"
  grep -q '<td>\[::1\]:[0-9]*</td>' "$tmp/client.out" || fail "the status page does not show the IPv6 client address"
  kill -TERM "$v6_pid"
else
  echo "(no ::1 on lo: IPv6 part not run)"
fi

say "tls13-client -> openssl s_server -www -tls1_3"
start_openssl_server s_server.log -www -tls1_3 -cert certs/localhost.pem -key certs/localhost-key.pem
expect_client 0 "certificate verify ok" -v --cafile "$ca" "https://localhost:$ossl_port/"
grep -q "Ciphers supported in s_server binary" "$tmp/client.out" || { cat "$tmp/client.out"; fail "no s_server -www page"; }
grep -q "TLSv1.3" "$tmp/client.out" || fail "s_server did not report TLSv1.3"
expect_client 0 "" --cafile "$ca" --ciphers TLS_AES_256_GCM_SHA384 --groups secp256r1 "https://localhost:$ossl_port/"
grep -q "TLS_AES_256_GCM_SHA384" "$tmp/client.out" || fail "--ciphers TLS_AES_256_GCM_SHA384 not used"
echo "PASS"
