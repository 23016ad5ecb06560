#!/bin/bash
# Runs make_chains.sh once per build tree: the set lives in
# $1/x509-test-chains and is regenerated only when make_chains.sh changes
# (the tests choose their verification times from the certificates, so an
# old set stays valid). Safe when several test programs start at once: each
# generates into its own directory and the first to finish publishes it.
set -euo pipefail
bin=${1:?usage: cached_chains.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
dir=$bin/x509-test-chains
sum=$(cksum < "$here/make_chains.sh")
if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$sum" ]; then
    tmp=$(mktemp -d "$bin/x509-chains.XXXXXX")
    bash "$here/make_chains.sh" "$tmp"
    echo "$sum" > "$tmp/stamp"
    if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$sum" ]; then
        old=$(mktemp -d "$bin/x509-chains-old.XXXXXX")
        mv "$dir" "$old/" 2>/dev/null || true
        mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"
        rm -rf "$old"
    else
        rm -rf "$tmp"
    fi
fi
echo "$dir"
