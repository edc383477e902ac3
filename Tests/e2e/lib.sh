# Shared helpers for the end-to-end scripts: checks that count, a summary line, and the
# tmux helpers of the full-screen scripts.
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

# The full-screen scripts drive the app in tmux on a private server: they set $sock (the
# server's name) and, if the window is not called e2e, $pane.
tm() { tmux -L "$sock" "$@"; }
screen() { tm capture-pane -t "${pane:-e2e}" -p; }
keys() { tm send-keys -t "${pane:-e2e}" "$@"; sleep 0.15; }

# answer N...: answers the question on screen with its Nth answer (the arrows and Enter:
# the digits switch tabs), then the next question with the next N, and so on.
answer() {
    local n i
    for n in "$@"; do
        keys g
        for ((i = 1; i < n; i++)); do keys j; done
        keys Enter
    done
}

# quit_app: q until the app has quit (q leaves a profile, a plan or a question first).
quit_app() {
    local _
    for _ in 1 2 3 4 5 6; do
        if screen | grep -qF "APP-EXITED"; then return 0; fi
        keys q
        sleep 0.2
    done
}

# wait_for NAME TEXT: passes when TEXT appears on screen within 5 seconds.
wait_for() {
    local name=$1 text=$2
    for _ in $(seq 1 50); do
        if screen | grep -qF -- "$text"; then pass "$name"; return 0; fi
        sleep 0.1
    done
    fail "$name: \"$text\" not on screen" "$(screen)"
}

# absent NAME TEXT: passes when TEXT is not on screen (after the screen settles).
absent() {
    sleep 0.3
    if screen | grep -qF -- "$2"; then fail "$1: \"$2\" still on screen" "$(screen)"; else pass "$1"; fi
}

summary() {
    echo "$(basename "$0"): $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# remove_tree DIR: removes a script's scratch directory when it ends. An app the tmux
# server's end has just hung up on may still be writing its state file there, so a
# failing rm is tried again for up to three seconds; a directory that still cannot go is
# reported, not failed: the checks are over, and a failing EXIT trap under `set -e` would
# turn a passing script into a failing one (as it did once in CI, terminal.sh).
remove_tree() {
    local tries=0
    until rm -rf "$1" 2>/dev/null; do
        tries=$((tries + 1))
        if [ "$tries" -ge 30 ]; then echo "note: could not remove $1" >&2; return 0; fi
        sleep 0.1
    done
}
