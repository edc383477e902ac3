# Shared helpers for the end-to-end scripts: checks that count, and a summary line.
passed=0
failed=0

pass() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$1"; if [ -n "${2:-}" ]; then printf '%s\n' "$2" | sed 's/^/        /' | head -40; fi; }

# check NAME COMMAND...: passes when the command succeeds.
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

# expect_status NAME STATUS OUTFILE COMMAND...: runs COMMAND, saves stdout+stderr to OUTFILE.
expect_status() {
    local name=$1 want=$2 out=$3; shift 3
    set +e; "$@" >"$out" 2>&1; local got=$?; set -e
    if [ "$got" = "$want" ]; then pass "$name (exit $got)"; else fail "$name: exit $got, wanted $want" "$(cat "$out")"; fi
}

# contains NAME FILE TEXT: the file holds TEXT (fixed string).
contains() { if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1: missing \"$3\"" "$(head -30 "$2")"; fi; }

summary() {
    echo "$(basename "$0"): $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
