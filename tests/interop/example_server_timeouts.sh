#!/usr/bin/env bash
# tls13-server drops clients that stall: a TCP connection that never starts
# the handshake, a client that sends half a request, and an idle keep-alive
# connection (limits shortened to 1 s with --handshake-timeout/--idle-timeout).
source "$(dirname "$0")/example_lib.bash" "$1"
cd "$tmp"
make_certs certs localhost 127.0.0.1
start_server server.log -v --cert certs/localhost.pem --key certs/localhost-key.pem \
  --handshake-timeout 1 --idle-timeout 1

# wait_log REGEX: the server logs a line matching REGEX within 5 s.
wait_log() {
  local i
  for i in $(seq 50); do
    grep -Eq -- "$1" server.log && return 0
    sleep 0.1
  done
  cat server.log >&2
  fail "the server did not log /$1/"
}

say "no handshake"
exec 4<>"/dev/tcp/127.0.0.1/$server_port"
wait_log "127\.0\.0\.1:[0-9]+: handshake timed out after 1 s"
timeout 5 cat <&4 >/dev/null || fail "the connection stayed open after the handshake timeout"
exec 4<&-

# s_client with its stdin on a fifo we write to (fd 3) and hold open.
start_s_client() {
  rm -f in.fifo
  mkfifo in.fifo
  timeout 20 openssl s_client -quiet -connect "127.0.0.1:$server_port" -servername localhost <in.fifo >s_client.out 2>&1 &
  s_client_pid=$!
  bg_pids+=("$s_client_pid")
  exec 3>in.fifo
}

say "half a request"
start_s_client
printf 'GET / HTTP/1.1\r\nHost: localhost\r\n' >&3
wait_log "request timed out after 1 s \(incomplete headers\)"
timeout 5 tail --pid="$s_client_pid" -f /dev/null || fail "s_client still connected after the request timeout"
exec 3>&-

say "idle keep-alive connection"
start_s_client
printf 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n' >&3
wait_log '"GET / HTTP/1.1" 200'
wait_log "idle for 1 s, closing"
timeout 5 tail --pid="$s_client_pid" -f /dev/null || fail "s_client still connected after the idle timeout"
grep -q "TLS 1.3" s_client.out || fail "the keep-alive client got no page"
exec 3>&-

stop_server server.log
echo "PASS"
