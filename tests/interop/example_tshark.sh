#!/usr/bin/env bash
# The key log tls13-client writes (--keylog) lets tshark (Debian package
# tshark) decrypt a loopback capture of the connection and show the HTTP
# request inside it.
source "$(dirname "$0")/example_lib.bash" "$1"
need_tool tshark tshark
cd "$tmp"
make_certs certs localhost 127.0.0.1
start_server server.log --cert certs/localhost.pem --key certs/localhost-key.pem
# tshark writes the capture as the user "root" only when allowed: keep it in a
# directory everyone may write.
chmod 0777 "$tmp"
timeout 60 tshark -q -i lo -f "tcp port $server_port" -w "$tmp/capture.pcapng" >tshark.log 2>&1 &
tshark_pid=$!
bg_pids+=("$tshark_pid")
for i in $(seq 100); do
  grep -q "Capturing on" tshark.log && break
  kill -0 "$tshark_pid" 2>/dev/null || { cat tshark.log >&2; skip "tshark cannot capture on lo here (no permission?)"; }
  sleep 0.1
done
grep -q "Capturing on" tshark.log || { cat tshark.log >&2; fail "tshark did not start capturing"; }
sleep 1 # "Capturing on" comes slightly before the capture filter is live
expect_client 0 "" --keylog "$tmp/keys.log" --cafile certs/ca.pem "https://localhost:$server_port/?keylog-test"
[ -s keys.log ] || fail "the client wrote no key log"
grep -q "^CLIENT_HANDSHAKE_TRAFFIC_SECRET " keys.log && grep -q "^CLIENT_TRAFFIC_SECRET_0 " keys.log ||
  { cat keys.log; fail "key log lacks TLS 1.3 secrets"; }
sleep 0.5
kill -INT "$tshark_pid"
timeout 20 tail --pid="$tshark_pid" -f /dev/null || true
timeout 60 tshark -r capture.pcapng -o "tls.keylog_file:$tmp/keys.log" -Y http.request \
  -T fields -e http.request.method -e http.request.uri >decoded.txt 2>decode.err || { cat decode.err; fail "tshark -r"; }
grep -q "^GET	/?keylog-test$" decoded.txt || {
  cat decoded.txt decode.err >&2
  timeout 30 tshark -r capture.pcapng -o "tls.keylog_file:$tmp/keys.log" >&2 || true
  fail "tshark did not decrypt the HTTP request"
}
echo "tshark decrypted: $(cat decoded.txt)"
stop_server server.log
echo "PASS"
