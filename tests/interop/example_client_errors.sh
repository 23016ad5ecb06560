#!/usr/bin/env bash
# Every tls13-client failure class gives its exit status and a one-line reason:
# usage 2; connect 3 (refused, timed out); handshake 4 (alerts from
# openssl s_server); certificate 5 (untrusted, expired, wrong host, pin
# mismatch); HTTP 6 (status >= 400 is covered in example_client_server.sh).
source "$(dirname "$0")/example_lib.bash" "$1"
cd "$tmp"
make_certs certs localhost 127.0.0.1
ca=certs/ca.pem
client_err() { cat "$tmp/client.err"; }

say "usage errors (2)"
expect_client 2 '^tls13-client: --groups: unknown group "nosuchgroup"$' --groups x25519,nosuchgroup https://localhost/
expect_client 2 '^tls13-client: --ciphers: unknown cipher suite "TLS_RC4"$' --ciphers TLS_RC4 https://localhost/
expect_client 2 '^tls13-client: "http://localhost/" is not an https:// URL$' http://localhost/
expect_client 2 '^tls13-client: unknown option --frobnicate' --frobnicate https://localhost/
expect_client 2 '^tls13-client: --pin: ' --pin md5//abc https://localhost/
expect_client 2 '^tls13-client: --cafile: ' --cafile /nonexistent/ca.pem https://localhost/

say "connect failures (3)"
start_server server.log --cert certs/localhost.pem --key certs/localhost-key.pem
port=$server_port
stop_server server.log
expect_client 3 "^tls13-client: could not connect to localhost \(127\.0\.0\.1\) port $port: Connection refused$" \
  --cafile "$ca" "https://localhost:$port/"
# A server that accepted the TCP connection but never answers: stopped with SIGSTOP.
start_server stopped.log --cert certs/localhost.pem --key certs/localhost-key.pem
kill -STOP "$server_pid"
expect_client 3 "^tls13-client: timed out after 1000 ms waiting for the TLS handshake with localhost port $server_port$" \
  --timeout 1 --cafile "$ca" "https://localhost:$server_port/"
kill -CONT "$server_pid"

say "certificate failures (5)"
expect_client 5 "^tls13-client: certificate verify failed: " "https://localhost:$server_port/"
client_err | grep -Eiq "issuer|self.signed|trust" || { client_err; fail "untrusted: the reason does not name the issuer problem"; }
expect_client 5 "^tls13-client: certificate verify failed: " --cafile "$ca" \
  --connect-to "127.0.0.1:$server_port" "https://wrong.test:$server_port/"
client_err | grep -Eiq "wrong.test|match" || { client_err; fail "wrong host: the reason does not name the host"; }
zero_pin=sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
expect_client 5 "^tls13-client: certificate verify failed: .*pin" --cafile "$ca" --pin "$zero_pin" "https://localhost:$server_port/"
expect_client 0 "" --cafile "$ca" --pin "sha256//$(spki_sha256 certs/localhost-key.pem)" "https://localhost:$server_port/"
expect_client 0 "" --cafile "$ca" --pin "$zero_pin;sha256//$(spki_sha256 certs/localhost-key.pem)" "https://localhost:$server_port/"
expect_client 0 "WARNING: --insecure" --insecure "https://localhost:$server_port/"
stop_server stopped.log

# An expired certificate from the same CA (openssl ca sets past dates).
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout expired-key.pem -out expired.csr \
  -subj /CN=localhost 2>/dev/null
mkdir -p ca-db && : >ca-db/index.txt && echo 01 >ca-db/serial
cat >ca.cnf <<CNF
[ca]
default_ca = local
[local]
database = $tmp/ca-db/index.txt
new_certs_dir = $tmp/ca-db
serial = $tmp/ca-db/serial
default_md = sha256
policy = any
[any]
commonName = supplied
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
CNF
openssl ca -batch -notext -config ca.cnf -cert "$ca" -keyfile certs/ca-key.pem -in expired.csr -out expired.pem \
  -extensions leaf -startdate 20200101000000Z -enddate 20200201000000Z >ca.log 2>&1 || { cat ca.log; fail "openssl ca"; }
start_server expired.log --cert expired.pem --key expired-key.pem
expect_client 5 "^tls13-client: certificate verify failed: .*expired" --cafile "$ca" "https://localhost:$server_port/"
stop_server expired.log

say "handshake failures (4)"
# (-www: without it s_server drops the connection at once, its stdin being empty.)
start_openssl_server suites.log -www -tls1_3 -ciphersuites TLS_AES_256_GCM_SHA384 -cert certs/localhost.pem \
  -key certs/localhost-key.pem
expect_client 4 "^tls13-client: TLS handshake failed: received fatal alert handshake_failure from the server$" \
  --cafile "$ca" --ciphers TLS_AES_128_GCM_SHA256 "https://localhost:$ossl_port/"
start_openssl_server alpn.log -www -tls1_3 -alpn h2 -cert certs/localhost.pem -key certs/localhost-key.pem
expect_client 4 "^tls13-client: TLS handshake failed: .*alert no_application_protocol" --cafile "$ca" \
  --alpn http/1.1 "https://localhost:$ossl_port/"
start_openssl_server clientcert.log -tls1_3 -www -Verify 1 -cert certs/localhost.pem -key certs/localhost-key.pem -CAfile "$ca"
expect_client 4 "^tls13-client: TLS handshake failed: .*alert" --cafile "$ca" "https://localhost:$ossl_port/"
expect_client 0 "" --cafile "$ca" --cert certs/localhost.pem --key certs/localhost-key.pem "https://localhost:$ossl_port/"
# A server at its connection limit closes new connections at once.
start_server full.log --cert certs/localhost.pem --key certs/localhost-key.pem --max-connections 1
exec 4<>"/dev/tcp/127.0.0.1/$server_port" # the one connection allowed, held open
sleep 0.2
expect_client 4 "^tls13-client: TLS handshake failed: .*(closed|reset)" --cafile "$ca" "https://localhost:$server_port/"
exec 4>&-
grep -q "refusing connection: 1 connections open, the maximum (--max-connections)" full.log ||
  { cat full.log >&2; fail "no log line for the refused connection"; }
stop_server full.log

say "HTTP responses (0 and 6), written raw by openssl s_server"
# raw_client STATUS REGEX RESPONSE: s_server sends RESPONSE to the client, then closes.
raw_client() {
  local want=$1 regex=$2 port pid try
  for try in 1 2 3; do
    port=$(free_port)
    printf "$3" | timeout 30 openssl s_server -quiet -naccept 1 -accept "127.0.0.1:$port" \
      -cert certs/localhost.pem -key certs/localhost-key.pem >raw.log 2>&1 &
    pid=$!
    bg_pids+=("$pid")
    wait_listening "$pid" "$port" && break
  done
  [ -n "$(ss -Hltn "sport = :$port")" ] || { cat raw.log >&2; fail "openssl s_server did not listen on 127.0.0.1:$port"; }
  expect_client "$want" "$regex" --cafile "$ca" "https://localhost:$port/"
}
raw_client 0 "" 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n'
[ "$(cat "$tmp/client.out")" = "hello world" ] || fail "chunked body decoded as '$(cat "$tmp/client.out")'"
raw_client 0 "" 'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nread to the end'
[ "$(cat "$tmp/client.out")" = "read to the end" ] || fail "read-to-close body came out as '$(cat "$tmp/client.out")'"
raw_client 6 "^tls13-client: truncated body: got 5 of 100 bytes" 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort'
raw_client 6 '^tls13-client: bad HTTP response: not an HTTP/1.x status line: "SSH-2.0-OpenSSH_9.2"$' 'SSH-2.0-OpenSSH_9.2\r\n'
raw_client 6 "^tls13-client: truncated chunked body" 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc'
raw_client 6 "^tls13-client: HTTP status 503 Busy$" 'HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n'
echo "PASS"
