#!/usr/bin/env bash
# The demo: builds libtls13 and shows what it can do so far.
# (Until the example programs exist, it runs the test suite and the benchmark's
# first figures.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
(cd build && ctest -j2 | tail -n 3)
echo "benchmark (name ours openssl unit):"
build/tls13-bench --seconds 0.2 sha256
