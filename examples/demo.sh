#!/usr/bin/env bash
# The demo: builds libtls13 and its examples, makes a throw-away CA and server
# certificate with tls13-mkcert, starts tls13-server on 127.0.0.1 (a free
# port) and fetches its status page with `tls13-client -v`, so the whole
# handshake is traced. Everything it makes lives in a temporary directory
# that is removed at the end; the server is stopped however the script ends.
#
#   bash examples/demo.sh          (JOBS=N sets the build's parallelism)
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/install-deps.sh
echo "== building libtls13 and the examples (build/)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"${JOBS:-$(nproc 2>/dev/null || echo 2)}" >/dev/null

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

echo
echo "== tls13-mkcert --out \$tmp localhost 127.0.0.1"
build/tls13-mkcert --out "$tmp" localhost 127.0.0.1

echo
echo "== tls13-server --cert localhost.pem --key localhost-key.pem --bind 127.0.0.1 --port 0"
build/tls13-server --cert "$tmp/localhost.pem" --key "$tmp/localhost-key.pem" --bind 127.0.0.1 --port 0 \
  2>"$tmp/server.log" &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's|.*listening on https://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/server.log")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  cat "$tmp/server.log" >&2
  echo "demo: tls13-server did not start" >&2
  exit 1
fi
echo "tls13-server (pid $server_pid) is listening on https://127.0.0.1:$port/"

echo
echo "== tls13-client -v --cafile ca.pem https://localhost:$port/"
status=0
timeout 30 build/tls13-client -v --cafile "$tmp/ca.pem" "https://localhost:$port/" || status=$?

echo
echo "== the server's log"
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""
cat "$tmp/server.log"
if [ "$status" -ne 0 ]; then
  echo "demo: tls13-client failed (exit status $status)" >&2
  exit "$status"
fi
echo
echo "demo: done. Try it yourself: build/tls13-mkcert --help, build/tls13-server --help, build/tls13-client --help"
