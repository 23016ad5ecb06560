#!/usr/bin/env bash
# Headless Chromium (Debian package chromium) loads tls13-server's status page
# over TLS 1.3. Chromium is told to trust the server's key by its SPKI hash,
# the way a developer would pin a local certificate.
source "$(dirname "$0")/example_lib.bash" "$1"
need_tool chromium chromium
cd "$tmp"
make_certs certs localhost 127.0.0.1
start_server server.log --cert certs/localhost.pem --key certs/localhost-key.pem
spki=$(spki_sha256 certs/localhost-key.pem)
rc=0
timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$tmp/profile" --ignore-certificate-errors-spki-list="$spki" \
  --dump-dom "https://127.0.0.1:$server_port/" >dom.html 2>chromium.log || rc=$?
if [ $rc -ne 0 ] || ! grep -q '<td id="version">TLS 1.3</td>' dom.html; then
  echo "--- chromium (exit $rc) log:" >&2; tail -n 20 chromium.log >&2
  echo "--- dom:" >&2; cat dom.html >&2
  echo "--- server log:" >&2; cat server.log >&2
  fail "Chromium did not load the status page over TLS 1.3"
fi
grep -Eo '<td id="(suite|group|alpn)">[^<]*' dom.html | sed 's/<td id=/  /'
grep -q '"GET / HTTP/1.1" 200' server.log || fail "the server did not log Chromium's request"
# Chromium offers the post-quantum hybrid first; our server prefers it too.
grep -q '<td id="group">X25519MLKEM768</td>' dom.html || fail "Chromium and tls13-server did not agree on X25519MLKEM768"
stop_server server.log
echo "PASS"
