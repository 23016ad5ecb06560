#!/usr/bin/env bash
# Builds libtls13 and runs every test with CTest.
#   bash tests/run.sh              # default build (fast paths on), in build/
#   bash tests/run.sh --sanitize   # AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/
#   bash tests/run.sh --portable   # portable C paths only (no intrinsics), in build-portable/
# Installs the Debian packages it needs when they are missing (as root, or via sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=default
case "${1:-}" in
  "") ;;
  --sanitize) mode=sanitize ;;
  --portable) mode=portable ;;
  *) echo "usage: bash tests/run.sh [--sanitize|--portable]" >&2; exit 2 ;;
esac

bash tests/install-deps.sh

case $mode in
  default)  dir=build;          opts=() ;;
  sanitize) dir=build-asan;     opts=(-DTLS13_SANITIZE=ON) ;;
  portable) dir=build-portable; opts=(-DTLS13_PORTABLE=ON) ;;
esac

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${opts[@]}" >/dev/null
cmake --build "$dir" -j"$jobs"
cd "$dir"
ctest --output-on-failure -j"$jobs"
