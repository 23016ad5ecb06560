#!/usr/bin/env bash
# tls13-server under valgrind: requests, a client that vanishes mid-handshake,
# a client that sends garbage, an idle keep-alive connection still open at
# SIGTERM (it gets close_notify), then a clean exit with no leaks or errors.
source "$(dirname "$0")/example_lib.bash" "$1"
grep -q "^TLS13_SANITIZE:BOOL=ON" "$bin/CMakeCache.txt" 2>/dev/null &&
  skip "valgrind cannot run AddressSanitizer builds (the default and portable builds run this test)"
need_tool valgrind valgrind
cd "$tmp"
make_certs certs localhost 127.0.0.1
ca=certs/ca.pem
: >vg.log
: >server.log # exists before the loop below reads it (the background shell may not have opened it yet)
timeout 120 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --log-file="$tmp/vg.log" "$bin/tls13-server" --port 0 --bind 127.0.0.1 --cert certs/localhost.pem \
  --key certs/localhost-key.pem 2>server.log &
server_pid=$!
bg_pids+=("$server_pid")
for i in $(seq 300); do
  server_port=$(sed -n 's|.*listening on https://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' server.log)
  [ -n "$server_port" ] && break
  sleep 0.1
done
[ -n "$server_port" ] || { cat server.log vg.log >&2; fail "tls13-server under valgrind did not start"; }

expect_client 0 "" --cafile "$ca" "https://localhost:$server_port/"
timeout 30 curl -sS --cacert "$ca" "https://localhost:$server_port/" "https://localhost:$server_port/nope" >/dev/null
# Half a ClientHello, then gone; then bytes that are not TLS at all.
printf '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03' >/dev/tcp/127.0.0.1/"$server_port"
printf 'GET / HTTP/1.1\r\n\r\n' >/dev/tcp/127.0.0.1/"$server_port"
# An idle keep-alive connection, open when the server is stopped.
mkfifo idle.in
timeout 40 openssl s_client -quiet -connect "127.0.0.1:$server_port" -servername localhost <idle.in >idle.out 2>idle.err &
idle_pid=$!
bg_pids+=("$idle_pid")
exec 3>idle.in # held open: s_client keeps the connection until the server closes it
printf 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n' >&3
for i in $(seq 100); do
  grep -q "TLS 1.3" idle.out 2>/dev/null && break
  sleep 0.1
done
grep -q "TLS 1.3" idle.out || { cat idle.err server.log >&2; fail "the keep-alive client got no page"; }
kill -TERM "$server_pid"
rc=0
wait "$server_pid" || rc=$?
if [ "$rc" -ne 0 ]; then
  cat server.log vg.log >&2
  fail "tls13-server under valgrind exited $rc (99: valgrind found errors or leaks)"
fi
grep -q "closing 1 connection" server.log || { cat server.log >&2; fail "the open connection was not closed at shutdown"; }
[ ! -s vg.log ] || { cat vg.log >&2; fail "valgrind reported problems"; }
timeout 10 tail --pid="$idle_pid" -f /dev/null || fail "s_client was not disconnected by the shutdown"
exec 3>&-
echo "PASS"
