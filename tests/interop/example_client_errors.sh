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
start_openssl_server suites.log -tls1_3 -ciphersuites TLS_AES_256_GCM_SHA384 -cert certs/localhost.pem -key certs/localhost-key.pem
expect_client 4 "^tls13-client: TLS handshake failed: .*(alert|handshake)" --cafile "$ca" --ciphers TLS_AES_128_GCM_SHA256 \
  "https://localhost:$ossl_port/"
start_openssl_server clientcert.log -tls1_3 -www -Verify 1 -cert certs/localhost.pem -key certs/localhost-key.pem -CAfile "$ca"
expect_client 4 "^tls13-client: TLS handshake failed: .*alert" --cafile "$ca" "https://localhost:$ossl_port/"
expect_client 0 "" --cafile "$ca" --cert certs/localhost.pem --key certs/localhost-key.pem "https://localhost:$ossl_port/"
echo "PASS"
