# Shared by the tests/interop/tls_*.sh scripts (sourced, not run): a
# temporary directory with certificates, free ports on 127.0.0.1, background
# peers that are always killed, and pass/fail bookkeeping.
#   tl_init BUILD_DIR TOOL...   skips (exit 77) when a tool is missing and
#                               cannot be installed with apt-get
#   tl_port                     prints a free TCP port
#   tl_bg NAME CMD...           starts CMD in the background, output in $TL_TMP/NAME.log
#   tl_our_server NAME ARGS...  starts tls13_peer server on a free port; sets TL_PORT
#   tl_check NAME CMD...        runs CMD (bounded by timeout); counts pass/fail
#   tl_check_fails NAME TEXT CMD...  CMD must fail, mentioning TEXT
#   expect_in TEXT CMD...       CMD's output (printed) contains TEXT
#   tl_finish                   prints the summary, exits 0 or 1
TL_PASS=0
TL_FAIL=0
TL_PIDS=()

tl_cleanup() {
    for pid in "${TL_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    [ -n "${TL_TMP:-}" ] && rm -rf "$TL_TMP"
}

tl_init() {
    local build=${1:?build directory}
    shift
    TL_PEER="$build/tls13_peer"
    if [ ! -x "$TL_PEER" ]; then
        echo "FAIL: $TL_PEER was not built"
        exit 1
    fi
    local missing=()
    for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
    if [ ${#missing[@]} -gt 0 ]; then
        local pkgs=()
        for tool in "${missing[@]}"; do
            case $tool in
            gnutls-cli | gnutls-serv) pkgs+=(gnutls-bin) ;;
            go) pkgs+=(golang-go) ;;
            *) pkgs+=("$tool") ;;
            esac
        done
        DEBIAN_FRONTEND=noninteractive timeout 240 apt-get install -y -qq "${pkgs[@]}" >/dev/null 2>&1 || true
        for tool in "${missing[@]}"; do
            if ! command -v "$tool" >/dev/null; then
                echo "SKIP: $tool is not installed and apt-get could not install it"
                exit 77
            fi
        done
    fi
    TL_TMP=$(mktemp -d /tmp/tls13-interop-XXXXXX)
    trap tl_cleanup EXIT
    # The certificate set is shared with the unit tests (made once per build directory).
    C="$build/tls-test-certs"
    bash "$(dirname "${BASH_SOURCE[0]}")/tls_make_certs.bash" "$C" || { echo "FAIL: certificates"; exit 1; }
}

tl_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

tl_bg() {
    local name=$1
    shift
    "$@" > "$TL_TMP/$name.log" 2>&1 &
    TL_PIDS+=($!)
    TL_BG_PID=$!
}

# Waits until something listens on 127.0.0.1:$1.
tl_wait_port() {
    for _ in $(seq 100); do
        if python3 -c "import socket,sys; s=socket.socket(); s.settimeout(0.2); sys.exit(s.connect_ex(('127.0.0.1', $1)))" 2>/dev/null; then
            return 0
        fi
        sleep 0.05
    done
    return 1
}

tl_our_server() {
    local name=$1
    shift
    tl_bg "$name" timeout 20 "$TL_PEER" server --port 0 "$@"
    TL_PORT=
    for _ in $(seq 100); do
        TL_PORT=$(sed -n 's/^listening on //p' "$TL_TMP/$name.log" 2>/dev/null)
        [ -n "$TL_PORT" ] && return 0
        sleep 0.05
    done
    echo "our server did not start:"; cat "$TL_TMP/$name.log"
    return 1
}

# Runs CMD bounded in time (shell functions bound their own commands).
tl_run() {
    if declare -F "$1" > /dev/null; then "$@"; else timeout 20 "$@"; fi
}

tl_check() {
    local name=$1
    shift
    if tl_run "$@" > "$TL_TMP/check.log" 2>&1; then
        TL_PASS=$((TL_PASS + 1))
        echo "ok   $name"
    else
        TL_FAIL=$((TL_FAIL + 1))
        echo "FAIL $name"
        sed 's/^/     | /' "$TL_TMP/check.log" | tail -25
    fi
}

# Like tl_check, but CMD must fail and its output must contain TEXT.
tl_check_fails() {
    local name=$1 text=$2
    shift 2
    if ! tl_run "$@" > "$TL_TMP/check.log" 2>&1 && grep -q -- "$text" "$TL_TMP/check.log"; then
        TL_PASS=$((TL_PASS + 1))
        echo "ok   $name"
    else
        TL_FAIL=$((TL_FAIL + 1))
        echo "FAIL $name (wanted a failure mentioning: $text)"
        sed 's/^/     | /' "$TL_TMP/check.log" | tail -25
    fi
}

expect_in() {
    local text=$1 out
    shift
    out=$("$@" 2>&1)
    echo "$out"
    grep -q -- "$text" <<< "$out"
}

tl_finish() {
    echo "$TL_PASS passed, $TL_FAIL failed"
    [ "$TL_FAIL" -eq 0 ]
    exit $?
}
