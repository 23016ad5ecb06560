#!/usr/bin/env bash
# Builds libtls13 and runs every test with CTest.
#   bash tests/run.sh              # default build (fast paths on), in build/
#   bash tests/run.sh --sanitize   # AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/
#   bash tests/run.sh --portable   # portable C paths only (no intrinsics), in build-portable/
#   bash tests/run.sh --clang      # default build with clang instead of cc, in build-clang/
# Installs the Debian packages it needs when they are missing (as root, or via sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=default
case "${1:-}" in
  "") ;;
  --sanitize) mode=sanitize ;;
  --portable) mode=portable ;;
  --clang) mode=clang ;;
  *) echo "usage: bash tests/run.sh [--sanitize|--portable|--clang]" >&2; exit 2 ;;
esac

# each mode: its build directory, CMake options and extra Debian packages
deps=()
case $mode in
  default)  dir=build;          opts=() ;;
  sanitize) dir=build-asan;     opts=(-DTLS13_SANITIZE=ON) ;;
  portable) dir=build-portable; opts=(-DTLS13_PORTABLE=ON) ;;
  clang)    dir=build-clang;    opts=(-DCMAKE_C_COMPILER=clang -DCMAKE_C_FLAGS=-gdwarf-4); deps=(clang) ;; # valgrind 3.19 reads no DWARF 5
esac

bash tests/install-deps.sh "${deps[@]}"

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${opts[@]}" >/dev/null
cmake --build "$dir" -j"$jobs"
cd "$dir"
ctest --output-on-failure -j"$jobs"
