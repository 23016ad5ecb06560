#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a
# bounded time (default 60 s each):
#   bash tests/fuzz/run.sh [SECONDS] [TARGET]
# Not part of CI: long fuzzing is done by hand. Needs clang and
# libclang-rt-14-dev (installed when missing). Corpora grow in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
only=${2:-}
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null
done
out=build-fuzz
flags=(-std=c99 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -Iinclude -Isrc)
mkdir -p "$out/obj"

# The library once, as objects instrumented for coverage; then one link per target.
objects=()
for src in $(find src -name '*.c' | sort); do
  obj="$out/obj/$(echo "$src" | tr / _).o"
  objects+=("$obj")
  if [ ! "$obj" -nt "$src" ]; then
    clang "${flags[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" &
    [ "$(jobs -r | wc -l)" -ge "$(nproc)" ] && wait -n
  fi
done
wait

for target in tests/fuzz/fuzz_*.c; do
  name=$(basename "$target" .c)
  [ -n "$only" ] && [ "$name" != "$only" ] && continue
  clang "${flags[@]}" -fsanitize=fuzzer -o "$out/$name" "$target" "${objects[@]}"
  corpus="$out/corpus-$name"
  mkdir -p "$corpus"
  if [ -d "tests/fuzz/seeds/$name" ]; then cp -n tests/fuzz/seeds/"$name"/* "$corpus"/ 2>/dev/null || true; fi
  echo "== $name for ${seconds}s"
  "$out/$name" -max_total_time="$seconds" -max_len=16384 -timeout=10 "$corpus"
done
