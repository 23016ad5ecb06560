#!/usr/bin/env bash
# Installs the Debian packages libtls13's build, tests and interop peers need,
# only when something is missing, plus any packages named as arguments
# (tests/run.sh --clang adds clang). Works as root or through sudo.
set -euo pipefail
packages=(cmake gcc make pkg-config libcmocka-dev libssl-dev openssl "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo=sudo; else
    echo "missing Debian packages: ${missing[*]}; run as root or install them: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
