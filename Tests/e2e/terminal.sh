#!/usr/bin/env bash
# End-to-end checks of the terminal conditions, on the real binary in tmux:
#   sizes from 1x1 to 400x150 and back; 200 resizes in two seconds; Ctrl-Z and fg;
#   kill -TSTP and kill -CONT; SIGINT, SIGTERM, SIGHUP, SIGQUIT and a deliberate crash;
#   TERM unset, dumb, vt100 and unknown; LANG=C; stdin at end of file or not a terminal;
#   the terminal going away while the app runs; stdout piped.
# Each time: the terminal settings (stty -g) are unchanged, the screen is the shell's
# again and the prompt works; nothing spins (CPU time read from /proc/PID/stat).
# Usage: Tests/e2e/terminal.sh PATH/TO/rolescope   (KEEP_WORK=1 keeps the raw log and captures)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock="rolescope-term-$$"
holder=
cleanup() {
    if [ -n "$holder" ]; then kill "$holder" 2>/dev/null || true; fi
    local socket
    socket=$(tm display -p '#{socket_path}' 2>/dev/null || true)
    tm kill-server 2>/dev/null || true
    if [ -n "$socket" ]; then rm -f "$socket"; fi
    if [ -n "${KEEP_WORK:-}" ]; then echo "kept $work"; else remove_tree "$work"; fi
}
trap cleanup EXIT
trap "exit 130" INT TERM HUP
hz=$(getconf CLK_TCK)

# run ID COMMAND...: how the pane's shell starts every program under test. A small sh
# with job control runs COMMAND as a foreground job and records the terminal settings
# before, while stopped and after, the exit status, and markers around the output in the
# raw log. Not bash: an interactive bash puts the terminal settings back itself when a job
# is stopped or killed by a signal, which would hide a program that did not.
cat > "$work/run" <<'EOF'
#!/bin/sh
set -m
ulimit -c 0
# dash kills itself with SIGINT when a job dies of SIGINT; a trap (unlike ignoring it,
# which the job would inherit) keeps the runner alive to record what happened.
trap : INT
id=$1; shift
dir=$(dirname "$0")
stty -g > "$dir/$id.before"
echo $$ > "$dir/$id.runner"
printf '%s-%s\n' BEGIN "$id"
"$@"
status=$?
stops=0
# 147-150: stopped by SIGSTOP, SIGTSTP, SIGTTIN or SIGTTOU. Enter continues it (fg).
while :; do
    case $status in 147|148|149|150) ;; *) break ;; esac
    stops=$((stops + 1))
    stty -g > "$dir/$id.stopped$stops"
    echo "STOPPED-$id-$stops"
    read go
    fg > /dev/null
    status=$?
done
printf '%s-%s\n' END "$id"
stty -g > "$dir/$id.after"
echo "$status" > "$dir/$id.status"
echo "EXIT-$id=$status"
EOF
chmod +x "$work/run"

# Byte-level helpers.
cat > "$work/bytes.py" <<'EOF'
import re, subprocess, sys, time
cmd, args = sys.argv[1], sys.argv[2:]
def data(path): return open(path, "rb").read()
if cmd == "slice":      # slice RAW ID OUT: the bytes between BEGIN-ID and END-ID
    raw, ident, out = args
    b = data(raw)
    m = re.search(b"BEGIN-" + re.escape(ident.encode()) + b"\r?\n", b)
    open(out, "wb").write(b[m.end():b.index(b"END-" + ident.encode(), m.end())])
elif cmd == "plain":    # no escape or other control bytes besides CR, LF, tab, no C1
    b = data(args[0])
    bad = [c for c in b if (c < 0x20 and c not in b"\r\n\t") or c == 0x7f]
    c1 = [ch for ch in b.decode("utf-8", "replace") if 0x80 <= ord(ch) <= 0x9f]
    sys.exit(1 if bad or c1 else 0)
elif cmd == "ascii":    # printable ASCII, spaces and line ends only
    b = data(args[0])
    sys.exit(0 if all(0x20 <= c < 0x7f or c in b"\r\n" for c in b) else 1)
elif cmd == "ascii-bytes":  # no byte above 0x7f (escape sequences allowed)
    sys.exit(0 if all(c < 0x80 for c in data(args[0])) else 1)
elif cmd == "colours":  # prints the SGR colour parameters found, one per line
    for params in re.findall(rb"\x1b\[([0-9;:]*)m", data(args[0])):
        parts = params.replace(b":", b";").split(b";")
        for i, p in enumerate(parts):
            n = int(p) if p else 0
            if 30 <= n <= 49 or 90 <= n <= 107: print(n)
elif cmd == "before":   # before FILE A B: A occurs, and before B
    b = data(args[0]); a, z = args[1].encode().decode("unicode_escape").encode("latin-1"), args[2].encode()
    sys.exit(0 if a in b and z in b and b.index(a) < b.index(z) else 1)
elif cmd == "column":   # column FILE TEXT: the character column where TEXT starts
    for line in open(args[0], encoding="utf-8"):
        if args[1] in line: print(line.index(args[1])); break
elif cmd == "storm":    # storm SOCKET TARGET COUNT SECONDS WxH...: resizes spread evenly
    sock, target, count, seconds = args[0], args[1], int(args[2]), float(args[3])
    sizes = [tuple(map(int, s.split("x"))) for s in args[4:]]
    # One control-mode client sends them all, so no process start sits between two.
    p = subprocess.Popen(["tmux", "-L", sock, "-C", "attach", "-t", target], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    start = time.monotonic()
    for i in range(count):
        w, h = sizes[i % len(sizes)]
        p.stdin.write(f"resize-window -t {target} -x {w} -y {h}\n".encode()); p.stdin.flush()
        delay = start + (i + 1) * seconds / count - time.monotonic()
        if delay > 0: time.sleep(delay)
    elapsed = time.monotonic() - start
    p.stdin.close(); p.wait()
    print(f"{elapsed:.2f}")
EOF
bytes() { python3 "$work/bytes.py" "$@"; }

pane=term
# poll COMMAND...: true once COMMAND succeeds, trying for 10 seconds.
poll() { for _ in $(seq 1 100); do if "$@"; then return 0; fi; sleep 0.1; done; return 1; }
on_screen() { screen | grep -qF -- "$1"; }
off_screen() { ! screen | grep -qF -- "$1"; }
wait_for() { if poll on_screen "$2"; then pass "$1"; else fail "$1: \"$2\" not on screen" "$(screen)"; fi; }
wait_gone() { if poll off_screen "$2"; then pass "$1"; else fail "$1: \"$2\" still on screen" "$(screen)"; fi; }
type_line() { tm send-keys -t "$pane" -l -- "$1"; tm send-keys -t "$pane" Enter; }

# launch ID COMMAND...: clears the screen and runs COMMAND through the runner.
launch() {
    local id=$1; shift
    rm -f "$work/$id".*
    rm -rf "$work/state"
    type_line "clear; $work/run $id $(printf '%q ' "$@")"
}
# finished ID: waits for the run to end; its exit status is then in $status.
finished() {
    if poll test -s "$work/$1.status"; then status=$(cat "$work/$1.status"); return 0; fi
    status=none; return 1
}
# app_pid ID: the app's process started by run ID (a child or grandchild of it).
comm=$(basename "$bin" | cut -c1-15)
app_pid() {
    local root
    root=$(cat "$work/$1.runner" 2>/dev/null) || return 1
    ps -e -o pid=,ppid=,comm= | awk -v root="$root" -v comm="$comm" '
        { parent[$1] = $2; name[$1] = $3 }
        END { for (p in parent) if (name[p] == comm) {
                  q = p; while ((q in parent) && q != root && q > 1) q = parent[q]
                  if (q == root) { print p; exit } } }'
}
found_pid() { pid=$(app_pid "$1"); [ -n "$pid" ]; }
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
seconds() { awk -v t="$1" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }'; }
# idle_cpu NAME PID: passes when PID used under 10% of a core over two seconds.
idle_cpu() {
    local before after
    before=$(cpu_ticks "$2") || { fail "$1: process $2 is gone"; return; }
    sleep 2
    after=$(cpu_ticks "$2") || { pass "$1 (it exited)"; return; }
    local used=$((after - before))
    if [ $((used * 10)) -lt $((2 * hz)) ]; then pass "$1 ($(seconds "$used")s CPU in 2s)"
    else fail "$1: $(seconds "$used")s CPU in 2s" "$(ps -o pid,stat,time,args -p "$2")"; fi
}
# expect_exit NAME ID STATUS...: the run ended with one of the statuses.
expect_exit() {
    local name=$1 id=$2; shift 2
    if ! finished "$id"; then
        if found_pid "$id"; then
            fail "$name: still running after 10s" "$(screen)"
            idle_cpu "$name: not spinning meanwhile" "$pid"
        else
            fail "$name: ended, but its runner recorded no status" "$(screen)"
        fi
        return
    fi
    for want in "$@"; do if [ "$status" = "$want" ]; then pass "$name (exit $status)"; return; fi; done
    fail "$name: exit $status, wanted $*" "$(screen)"
}
# stty_same NAME ID: the settings after the run are those before it, which are the shell's
# usual ones (so a terminal left broken by an earlier run cannot make both sides match).
stty_same() {
    check "$1: stty -g unchanged" cmp -s "$work/$2.before" "$work/$2.after"
    check "$1: stty -g as in a fresh shell" cmp -s "$work/baseline" "$work/$2.after"
}
prompt_n=0
# prompt_works NAME: the shell reads and runs a line (echo on, canonical input, CR as Enter).
prompt_works() {
    prompt_n=$((prompt_n + 1))
    type_line "echo PROMPT-\$((1000 + $prompt_n))"
    wait_for "$1: the shell prompt works" "PROMPT-$((1000 + prompt_n))"
}
# output ID: the raw bytes the run wrote between its markers, in $work/ID.out (a failed
# check, and an empty file, when the log does not have them).
output() {
    poll grep -qaF "END-$1" "$work/raw" || true
    sleep 0.2
    if ! bytes slice "$work/raw" "$1" "$work/$1.out" 2>/dev/null; then
        : > "$work/$1.out"
        fail "$1: its output is not in the raw log"
    fi
}
# modes_back NAME: the terminal's modes as tmux tracks them are a fresh shell's: main
# screen, cursor shown, keypad and mouse reporting off.
modes_format='#{alternate_on} #{cursor_flag} #{keypad_flag} #{keypad_cursor_flag} #{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{mouse_sgr_flag} #{mouse_all_flag}'
modes_are_shells() { [ "$(tm display -p -t "$pane" "$modes_format")" = "0 1 0 0 0 0 0 0 0" ]; }
modes_back() {
    if poll modes_are_shells; then pass "$1: main screen, cursor shown, keypad and mouse off"
    else fail "$1: terminal modes (alternate cursor keypad keypad-cursor mouse...) are $(tm display -p -t "$pane" "$modes_format")"; fi
}
# restored NAME ID: after an app run: the settings, the modes and the prompt are the shell's.
restored() {
    stty_same "$1" "$2"
    modes_back "$1"
    prompt_works "$1"
}
app_up() { wait_for "$1" " Rolescope  1 Roles"; }

echo "Terminal conditions end-to-end in tmux"
# SWIFT_BACKTRACE=interactive=no: on a crash, Swift's backtracer would otherwise ask
# "Press space to interact, D to debug, or any other key to quit" and wait 30 seconds
# when stdin and stderr are terminals. The backtrace itself is still printed.
# Each run starts afresh: no remembered view, no config (XDG_STATE_HOME is emptied by launch).
shell="env -i PATH=$PATH HOME=$work XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TERM=tmux-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no PS1='\$ ' bash --norc --noprofile"
tm new-session -d -s term -x 100 -y 30 "$shell"
tm set-option -g status off >/dev/null
# section NAME: a new shell on a new terminal in the pane, so a terminal left broken by
# one section fails that section only.
section() {
    echo "-- $1"
    tm pipe-pane -t term
    tm respawn-pane -k -t term "$shell"
    tm resize-window -t term -x 100 -y 30
    tm pipe-pane -t term "cat >> $work/raw"
    sleep 0.3
    prompt_works "$1: fresh shell"
}

section "sizes"
type_line "stty -g > $work/baseline"
poll test -s "$work/baseline" || fail "no baseline terminal settings"
launch base "$bin"
app_up "the app starts at 100x30"
if poll found_pid base; then idle_cpu "idle app does not spin" "$pid"; else fail "app pid not found"; fi
# size W H [EXPECTED]: resizes the window and checks what the app shows.
screen_is() { [ "$(screen)" = "$1" ]; }
size() {
    local w=$1 h=$2
    local mark
    mark=$(wc -c < "$work/raw")
    tm resize-window -t term -x "$w" -y "$h"
    local got
    got=$(tm display -p -t term '#{window_width}x#{window_height}')
    [ "$got" = "${w}x$h" ] || fail "tmux window is $got, wanted ${w}x$h"
    if [ "$w" = 1 ] && [ "$h" = 1 ]; then
        # What tmux then shows in its one cell varies from run to run (blank, usually;
        # once a stray wide character), so the check reads what the app wrote instead.
        if poll drew_since "$mark" "…"; then pass "1x1: the app draws its notice (…) in the one cell"
        else fail "1x1: the app draws its notice (…) in the one cell" "$(tail -c +$((mark + 1)) "$work/raw" | od -c | head -8)"; fi
        check "1x1: the app is still running" kill -0 "$pid"
    elif [ "$w" -lt 60 ] || [ "$h" -lt 16 ]; then
        if [ -n "${3:-}" ]; then
            if poll screen_is "$3"; then pass "${w}x$h: the notice, cut to fit"; else fail "${w}x$h: wanted $3" "$(screen)"; fi
        elif [ "$w" -ge 22 ]; then
            wait_for "${w}x$h: too small, with the size it has" "need 60x16, have ${w}x$h"
        else
            wait_for "${w}x$h: too small" "Terminal"
        fi
        wait_gone "${w}x$h: no app drawn" "Rolescope"
    else
        wait_for "${w}x$h: the app" " Rolescope  1 Roles"
        wait_gone "${w}x$h: no notice" "too small"
    fi
}
# At 1x1 the one cell is the lower-right corner, which ncurses can only write on a
# terminal with auto-margins by an insert trick that needs two columns: tmux shows the
# cell blank. The app still writes the notice there (its "…"), and must come back.
# drew_since OFFSET TEXT: the app wrote TEXT after byte OFFSET of the pane's output.
drew_since() { tail -c +$(($1 + 1)) "$work/raw" | grep -qF -- "$2"; }
size 1 1
size 2 2 "$(printf 'T…\nn…')"
size 10 5
size 59 15
size 60 15
size 59 16
size 60 16
size 80 24
size 400 150
wait_for "400x150: the key hints on the bottom row" "q quit"
size 1 1
size 100 30
keys 2
wait_for "keys work after the sizes" "Compare ›"
keys 1

echo "-- 200 resizes in two seconds"
# column_of TEXT: where TEXT starts on screen (help is centred: its corner moves with the width).
column_of() { screen > "$work/capture"; bytes column "$work/capture" "$1"; }
# storm NAME SIZES...: 200 resizes in two seconds, cycling through SIZES (the last one
# last); reports the app's CPU time meanwhile and checks it stayed under one core.
storm() {
    local name=$1; shift
    local before after took
    before=$(cpu_ticks "$pid") || { fail "$name: no app process to measure"; return; }
    took=$(bytes storm "$sock" term 200 2 "$@")
    after=$(cpu_ticks "$pid") || { fail "$name: the app died"; return; }
    local used=$((after - before))
    echo "        200 resizes sent in ${took}s; the app used $(seconds "$used")s CPU meanwhile"
    check "$name: under 2s CPU for 200 resizes ($(seconds "$used")s)" test "$used" -lt $((2 * hz))
}
storm "storm ending too small" 200x60 1x1 400x150 80x24 57x13
wait_for "after the storm: the final size 57x13 is shown" "have 57x13"
storm "storm ending at 120x40" 57x13 400x150 1x1 100x30 120x40
app_up "after the second storm: the app at 120x40"
keys '?'
wait_for "keys work after the storms" "Keys for"
check "help is centred for 120 columns (corner at column 21)" test "$(column_of '┌─ Help')" = 21
keys x
keys 2
wait_for "tabs switch after the storms" "Compare ›"
tm resize-window -t term -x 100 -y 30
idle_cpu "idle again after the storms" "$pid"
for _ in 1 2 3 4 5 6; do keys q; if [ -s "$work/base.status" ]; then break; fi; done
expect_exit "q quits" base 0
restored "q" base
unicode_screen=$(grep -ac '│' "$work/raw" || true)

section "Ctrl-Z and fg, kill -TSTP and kill -CONT"
launch tstp "$bin"
app_up "started"
keys 2
wait_for "on Compare" "Compare ›"
screen > "$work/pre"
same_as_pre() { screen | cmp -s - "$work/pre"; }
keys C-z
wait_for "Ctrl-Z stops the app" "STOPPED-tstp-1"
check "Ctrl-Z: the terminal settings are the shell's while stopped" cmp -s "$work/tstp.before" "$work/tstp.stopped1"
modes_back "Ctrl-Z: while stopped"
wait_gone "Ctrl-Z: the app's screen is gone while stopped" "Compare ›"
tm send-keys -t term Enter
if poll same_as_pre; then pass "fg redraws the whole screen exactly"; else fail "fg: the screen differs" "$(diff "$work/pre" <(screen))"; fi
keys 4
wait_for "keys work after fg" "Timeline ›"
if poll found_pid tstp; then
    kill -TSTP "$pid"
    wait_for "kill -TSTP stops the app" "STOPPED-tstp-2"
    check "kill -TSTP: the terminal settings are the shell's while stopped" cmp -s "$work/tstp.before" "$work/tstp.stopped2"
    modes_back "kill -TSTP: while stopped"
    # Continued while the shell owns the terminal, the app must not take it back: it
    # stops again on its first terminal write (SIGTTOU), and the shell keeps working.
    kill -CONT "$pid"
    stopped_again() { [ "$(awk '{ print $3 }' "/proc/$pid/stat")" = T ]; }
    sleep 0.5
    if poll stopped_again; then pass "kill -CONT in the background: the app waits (stopped) instead of taking the terminal"
    else fail "kill -CONT in the background: app state $(awk '{ print $3 }' "/proc/$pid/stat")"; fi
    tty=$(tm display -p -t term '#{pane_tty}')
    settings_now_same() { stty -g < "$tty" | cmp -s - "$work/tstp.before"; }
    check "kill -CONT in the background: the terminal settings are still the shell's" settings_now_same
    tm send-keys -t term Enter
    wait_for "fg after kill -CONT: the app is back" "Timeline ›"
    keys 1
    wait_for "keys work after kill -CONT and fg" "1 Roles"
else
    fail "kill -TSTP: app pid not found"
fi
for _ in 1 2 3 4 5 6; do keys q; if [ -s "$work/tstp.status" ]; then break; fi; done
expect_exit "q quits after three stops" tstp 0
restored "after Ctrl-Z, kill -TSTP and kill -CONT" tstp

section "Ctrl-Z and fg in an interactive bash (the usual way)"
type_line "clear; rm -rf $work/state; LANG=C.UTF-8 $bin"
app_up "started from bash"
keys 3
wait_for "on the questionnaire" "Choose a questionnaire"
screen > "$work/pre"
keys C-z
wait_for "Ctrl-Z: bash reports the job stopped" "Stopped"
wait_gone "Ctrl-Z: the app's screen is gone" "Choose a questionnaire"
modes_back "Ctrl-Z from bash: while stopped"
prompt_works "while stopped"
type_line "fg"
if poll same_as_pre; then pass "fg redraws the whole screen exactly"; else fail "fg: the screen differs" "$(diff "$work/pre" <(screen))"; fi
keys 1
wait_for "keys work after fg" "Roles"
keys C-c
wait_gone "Ctrl-C quits" " Rolescope  1 Roles"
modes_back "Ctrl-C"
prompt_works "after Ctrl-C"

section "signals and a crash"
for signal in INT TERM HUP QUIT; do
    number=$(kill -l "$signal")
    launch "sig$signal" "$bin"
    app_up "SIG$signal: started"
    if poll found_pid "sig$signal"; then kill "-$signal" "$pid"; else fail "SIG$signal: app pid not found"; fi
    expect_exit "SIG$signal ends the app by that signal" "sig$signal" $((128 + number))
    restored "SIG$signal" "sig$signal"
done
launch crash env ROLESCOPE_TEST_CRASH=1 "$bin"
# x86_64 traps with SIGILL (132), arm64 with SIGTRAP (133).
expect_exit "ROLESCOPE_TEST_CRASH=1 crashes" crash 132 133
restored "crash" crash
output crash
contains "crash: Swift's message is shown after the app" "$work/crash.out" "Fatal error: deliberate crash after the first frame"
check "crash: the alternate screen is left before the message is printed" \
    bytes before "$work/crash.out" '\x1b[?1049l' "Fatal error"

section "TERM"
launch termunset env -u TERM "$bin"
expect_exit "TERM unset: exits" termunset 0
output termunset
contains "TERM unset: the plain overview" "$work/termunset.out" "full-screen app"
check "TERM unset: no escape codes" bytes plain "$work/termunset.out"
stty_same "TERM unset" termunset
modes_back "TERM unset"
launch termdumb env TERM=dumb "$bin"
expect_exit "TERM=dumb: exits" termdumb 0
output termdumb
contains "TERM=dumb: the plain overview" "$work/termdumb.out" "full-screen app"
check "TERM=dumb: no escape codes" bytes plain "$work/termdumb.out"
stty_same "TERM=dumb" termdumb
modes_back "TERM=dumb"
launch termunknown env TERM=no-such-term "$bin"
expect_exit "unknown TERM: exits 1" termunknown 1
output termunknown
contains "unknown TERM: says which and how to fix it" "$work/termunknown.out" "unknown terminal type TERM=no-such-term"
check "unknown TERM: exactly one line" test "$(grep -c '' "$work/termunknown.out")" = 1
check "unknown TERM: no escape codes (terminal untouched)" bytes plain "$work/termunknown.out"
stty_same "unknown TERM" termunknown
modes_back "unknown TERM"
prompt_works "unknown TERM"
launch vt100 env TERM=vt100 "$bin"
app_up "TERM=vt100: full screen"
keys 2
wait_for "TERM=vt100: keys work" "Compare ›"
for _ in 1 2 3 4 5 6; do keys q; if [ -s "$work/vt100.status" ]; then break; fi; done
expect_exit "TERM=vt100: q quits" vt100 0
output vt100
output base
check "TERM=vt100: draws with escape sequences" grep -qaF $'\e[' "$work/vt100.out"
check "TERM=vt100: no colour escapes (monochrome theme)" test -z "$(bytes colours "$work/vt100.out")"
check "TERM=tmux-256color: colour escapes (so the check above can fail)" test -n "$(bytes colours "$work/base.out")"
stty_same "TERM=vt100" vt100
modes_back "TERM=vt100"
prompt_works "TERM=vt100"

section "LANG=C"
launch langc env LANG=C LC_ALL=C "$bin"
app_up "LANG=C: full screen"
ascii_screen() { screen > "$work/capture"; bytes ascii "$work/capture"; }
check "LANG=C: only printable ASCII on the Roles screen" ascii_screen
check "LANG=C: ASCII separators" on_screen " | "
keys 2
wait_for "LANG=C: Compare" "Compare >"
check "LANG=C: only printable ASCII on Compare" ascii_screen
keys '?'
wait_for "LANG=C: help box drawn with + and -" "+- Help -"
check "LANG=C: only printable ASCII in help" ascii_screen
keys x
for _ in 1 2 3 4 5 6; do keys q; if [ -s "$work/langc.status" ]; then break; fi; done
expect_exit "LANG=C: q quits" langc 0
output langc
check "LANG=C: no byte above 0x7f was written" bytes ascii-bytes "$work/langc.out"
check "UTF-8: box drawing written (so the check above can fail)" test "$unicode_screen" -gt 0
stty_same "LANG=C" langc
modes_back "LANG=C"

section "stdin at end of file or not a terminal; stdout piped"
launch devnull sh -c "exec \"\$0\" < /dev/null" "$bin"
expect_exit "stdin from /dev/null: exits" devnull 0
output devnull
contains "stdin from /dev/null: the plain overview" "$work/devnull.out" "full-screen app"
check "stdin from /dev/null: no escape codes" bytes plain "$work/devnull.out"
stty_same "stdin from /dev/null" devnull
launch echo sh -c "echo | \"\$0\"" "$bin"
expect_exit "echo | rolescope: exits" echo 0
output echo
contains "echo | rolescope: the plain overview" "$work/echo.out" "full-screen app"
mkfifo "$work/fifo"
sleep 600 > "$work/fifo" &
holder=$!
launch fifo sh -c "exec \"\$0\" < \"\$1\"" "$bin" "$work/fifo"
expect_exit "stdin a pipe that stays open: exits without waiting for it" fifo 0
output fifo
contains "stdin a pipe that stays open: the plain overview" "$work/fifo.out" "full-screen app"
kill "$holder" 2>/dev/null || true
holder=
launch quiz sh -c "exec \"\$0\" quiz < /dev/null" "$bin"
expect_exit "quiz with stdin at end of file: usage error" quiz 64
output quiz
contains "quiz with stdin at end of file: says why" "$work/quiz.out" "standard input is not a terminal"
launch quizd "$bin" quiz
wait_for "interactive quiz asks" "Question 1"
keys C-d
expect_exit "interactive quiz: Ctrl-D (end of file) ends it" quizd 0
launch piped sh -c "{ \"\$0\"; echo \"APP-STATUS=\$?\"; } | cat" "$bin"
expect_exit "rolescope | cat: exits" piped 0
output piped
contains "rolescope | cat: the plain overview" "$work/piped.out" "full-screen app"
contains "rolescope | cat: the app exits 0" "$work/piped.out" "APP-STATUS=0"
check "rolescope | cat: no escape codes" bytes plain "$work/piped.out"
stty_same "rolescope | cat" piped
prompt_works "after the plain runs"

section "the terminal goes away"
# A second window runs the app alone; killing the window closes its terminal (the
# server, and the first window, stay). Once with SIGHUP as usual, once with SIGHUP
# ignored (nohup): then only the end of input tells the app, and it must not spin.
gone() {
    local name=$1 command=$2
    rm -f "$work/gone.pid" "$work/gone.status"
    tm new-window -d -t term -n gone "$command"
    pane=term:gone
    app_up "$name: started"
    pane=term
    local app
    app=$(cat "$work/gone.pid")
    if [ -n "$3" ]; then app=$(pgrep -P "$app" -x "$comm" || true); fi
    local start
    start=$(date +%s%N)
    tm kill-window -t term:gone
    exited() { ! kill -0 "$app" 2>/dev/null; }
    if poll exited; then
        pass "$name: the app exits ($(( ($(date +%s%N) - start) / 1000000 ))ms after the window closed, with polling)"
    else
        echo "        still running: $(ps -o pid=,stat=,time=,args= -p "$app")"
        fail "$name: the app is still running"
        idle_cpu "$name: not spinning" "$app"
        kill -KILL "$app" 2>/dev/null || true
    fi
}
gone "terminal closed" "sh -c 'echo \$\$ > $work/gone.pid; exec env LANG=C.UTF-8 $bin'" ""
gone "terminal closed, SIGHUP ignored" \
    "sh -c 'trap \"\" HUP; echo \$\$ > $work/gone.pid; env LANG=C.UTF-8 $bin; echo \$? > $work/gone.status'" child
if poll test -s "$work/gone.status"; then
    check "terminal closed, SIGHUP ignored: it ended cleanly on end of input (exit $(cat "$work/gone.status"))" \
        test "$(cat "$work/gone.status")" = 0
else
    fail "terminal closed, SIGHUP ignored: no exit status"
fi

summary
