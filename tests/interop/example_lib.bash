# Shared by tests/interop/example_*.sh (sourced, not a test: CTest runs *.sh only).
# Usage from a test: source "$(dirname "$0")/example_lib.bash" "$1"
# Everything runs on 127.0.0.1 in a temporary directory removed on exit.
set -euo pipefail

bin=${1:?usage: $0 BUILD_DIR}
bin=$(cd "$bin" && pwd)
tmp=$(mktemp -d)
bg_pids=()

cleanup() {
  local p
  for p in "${bg_pids[@]}"; do
    kill -CONT "$p" 2>/dev/null || true
    kill "$p" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
say() { echo "== $*"; }

# need_tool COMMAND DEBIAN_PACKAGE: installs the package when the command is
# missing; skips the test (exit 77) only when it cannot be installed.
need_tool() {
  local cmd=$1 pkg=$2 sudo=""
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo="sudo -n" ||
      skip "$cmd is missing and Debian package $pkg cannot be installed (not root, no sudo)"
  fi
  echo "installing Debian package $pkg for $cmd"
  if [ "$pkg" = tshark ]; then
    echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections
  fi
  DEBIAN_FRONTEND=noninteractive timeout 600 $sudo apt-get install -y -qq "$pkg" >"$tmp/apt.log" 2>&1 ||
    { $sudo apt-get update -qq >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive timeout 600 $sudo apt-get install -y -qq "$pkg" >"$tmp/apt.log" 2>&1; } ||
    skip "$cmd is missing and apt-get install $pkg failed: $(tail -n 1 "$tmp/apt.log")"
  command -v "$cmd" >/dev/null 2>&1 || skip "package $pkg installed but $cmd is still missing"
}

need_tool python3 python3
need_tool ss iproute2

for prog in tls13-client tls13-server tls13-mkcert; do
  [ -x "$bin/$prog" ] || fail "$bin/$prog was not built"
done

# make_certs DIR NAME...: a CA and a leaf for NAME... with tls13-mkcert.
make_certs() {
  local dir=$1
  shift
  "$bin/tls13-mkcert" --out "$dir" "$@" >"$dir.mkcert.log" 2>&1 || { cat "$dir.mkcert.log" >&2; fail "tls13-mkcert $*"; }
}

# start_server LOG ARGS...: tls13-server on 127.0.0.1, a free port; sets
# server_pid and server_port.
start_server() {
  local log=$1 i
  shift
  : >"$log"
  "$bin/tls13-server" --port 0 --bind 127.0.0.1 "$@" 2>"$log" &
  server_pid=$!
  bg_pids+=("$server_pid")
  for i in $(seq 100); do
    server_port=$(sed -n 's|.*listening on https://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log")
    [ -n "$server_port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; fail "tls13-server did not start"; }
    sleep 0.1
  done
  cat "$log" >&2
  fail "tls13-server did not report its port"
}

# stop_server LOG: SIGTERM, and the server must exit 0 after a clean shutdown.
stop_server() {
  local log=$1 rc=0
  kill -TERM "$server_pid"
  timeout 10 tail --pid="$server_pid" -f /dev/null || fail "tls13-server did not stop within 10 s of SIGTERM"
  wait "$server_pid" || rc=$?
  [ "$rc" -eq 0 ] || { cat "$log" >&2; fail "tls13-server exited $rc after SIGTERM"; }
  grep -q "shutting down" "$log" || fail "tls13-server did not log its shutdown"
}

# free_port: a TCP port on 127.0.0.1 the kernel just handed out (random
# ports collided with other tests' servers under ctest -j2).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_listening PID PORT: returns 0 once 127.0.0.1:PORT listens, 1 if PID
# exits first or after 20 s (under CI load 5 s were once not enough).
wait_listening() {
  local i
  for i in $(seq 200); do
    [ -n "$(ss -Hltn "sport = :$2")" ] && return 0
    kill -0 "$1" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# start_openssl_server LOG ARGS...: openssl s_server on a free port; sets
# ossl_pid and ossl_port.
start_openssl_server() {
  local log=$1 try
  shift
  for try in 1 2 3 4 5; do
    ossl_port=$(free_port)
    : >"$log"
    openssl s_server -accept "127.0.0.1:$ossl_port" -naccept 100 "$@" >"$log" 2>&1 </dev/null &
    ossl_pid=$!
    bg_pids+=("$ossl_pid")
    wait_listening "$ossl_pid" "$ossl_port" && return 0
    kill "$ossl_pid" 2>/dev/null || true
    wait "$ossl_pid" 2>/dev/null || true
  done
  cat "$log" >&2
  fail "openssl s_server did not start"
}

# expect_client STATUS REGEX ARGS...: runs tls13-client; its exit status must
# be STATUS and its stderr must match REGEX (grep -E; "" matches anything).
expect_client() {
  local want=$1 regex=$2 rc=0
  shift 2
  timeout 30 "$bin/tls13-client" "$@" >"$tmp/client.out" 2>"$tmp/client.err" || rc=$?
  if [ "$rc" -ne "$want" ] || { [ -n "$regex" ] && ! grep -Eq -- "$regex" "$tmp/client.err"; }; then
    echo "--- tls13-client $* (exit $rc) stderr:" >&2
    cat "$tmp/client.err" >&2
    fail "expected exit $want and stderr matching /$regex/, got exit $rc"
  fi
}

# The base64 SHA-256 of a key's SubjectPublicKeyInfo (curl --pinnedpubkey, Chromium's SPKI list).
spki_sha256() {
  openssl pkey -in "$1" -pubout -outform DER | openssl dgst -sha256 -binary | base64
}
