#!/usr/bin/env bash
# End-to-end checks for the second hardening round (issue 16), on the real binary:
#   1. a stray byte, or a non-ASCII key under LANG=C, holds back no key after it;
#   2. --output refuses FIFOs, devices, sockets and directories, --force or not;
#   4. COLUMNS/LINES do not override the real terminal size;
#   5. file names that are not UTF-8 reach open() as bytes.
# Usage: Tests/e2e/hardening.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock=
# One tmux server per app run, so a server still shutting down never meets the next one.
stop_server() {
    [ -n "$sock" ] || return 0
    local socket
    socket=$(tm display -p '#{socket_path}' 2>/dev/null || true)
    tm kill-server 2>/dev/null || true
    if [ -n "$socket" ]; then rm -f "$socket"; fi
}
cleanup() { stop_server; remove_tree "$work"; }
trap cleanup EXIT
export LANG=C.UTF-8 LC_ALL= COLUMNS= LINES=
unset NO_COLOR

# app ID [VAR=VALUE...]: starts the app in a fresh 80x24 tmux window with its own XDG
# folders; the pane prints EXITED-<status> when the app ends.
app() {
    local id=$1; shift
    mkdir -p "$work/$id/data" "$work/$id/state" "$work/$id/config"
    stop_server
    sock="rolescope-harden-$$-$id"
    tm new-session -d -s e2e -x "${WIDTH:-80}" -y "${HEIGHT:-24}" \
        "env TERM=tmux-256color XDG_DATA_HOME=$work/$id/data XDG_STATE_HOME=$work/$id/state XDG_CONFIG_HOME=$work/$id/config $* '$bin'; echo EXITED-\$?; sleep 30"
    wait_for "$id: the app starts" "1 Roles"
}

# soon NAME TEXT: passes when TEXT is on screen within one second.
soon() {
    for _ in $(seq 1 20); do
        if screen | grep -qF -- "$2"; then pass "$1"; return 0; fi
        sleep 0.05
    done
    fail "$1: \"$2\" not on screen within a second" "$(screen)"
}

echo "1. Keys after a broken character"
app stray LANG=C.UTF-8
tm send-keys -t e2e -H c3; tm send-keys -t e2e 2
soon "a lone 0xC3, then 2: Compare at once" "Compare ›"
keys q; keys q
soon "q quits" "EXITED-0"

app latin LANG=C
tm send-keys -t e2e -H c3 a9; tm send-keys -t e2e 2
soon "LANG=C, é then 2: Compare at once" "Compare >"
tm send-keys -t e2e -H e2 82; tm send-keys -t e2e C-c
soon "LANG=C, a broken € then Ctrl-C: quits at once" "EXITED-"

app truncated LANG=C.UTF-8
tm send-keys -t e2e -H f0 9f 98; tm send-keys -t e2e C-c
soon "a truncated emoji then Ctrl-C: quits at once" "EXITED-"

# Text entry keeps what the locale can represent, and loses no key after what it cannot.
app label LANG=C.UTF-8
keys 3; keys S; tm send-keys -t e2e -l "Zoë 김"; keys Enter
soon "UTF-8: the candidate label is Zoë 김" "session #1 (Zoë 김)"
app label-c LANG=C LC_ALL=C
keys 3; keys S; tm send-keys -t e2e -l "Zoë 김 ok"; keys Enter
soon "LANG=C: ë and 김 are dropped, the keys after them kept" "session #1 (Zo  ok)"

echo "2. --output and special files"
mkfifo "$work/pipe.md"
expect_status "export --output FIFO --force" 73 "$work/fifo.out" timeout 10 "$bin" export --output "$work/pipe.md" --force
if [ -p "$work/pipe.md" ]; then pass "the FIFO is still a FIFO"; else fail "the FIFO was replaced" "$(ls -l "$work/pipe.md")"; fi
contains "  and the message says why" "$work/fifo.out" "it is a FIFO, not a regular file"
if mknod "$work/null.md" c 1 3 2>/dev/null; then
    expect_status "export --output DEVICE --force" 73 "$work/dev.out" "$bin" export --output "$work/null.md" --force
    if [ -c "$work/null.md" ]; then pass "the device node is still a device"; else fail "the device node was replaced"; fi
fi
echo kept > "$work/target.md"; ln -s "$work/target.md" "$work/link.md"
expect_status "export --output SYMLINK --force" 73 "$work/link.out" "$bin" export --output "$work/link.md" --force
if [ -L "$work/link.md" ] && [ "$(cat "$work/target.md")" = kept ]; then pass "the link and its target are unchanged"; else fail "the link or its target changed"; fi
(cd "$work" && "$bin" roles --output - >"$work/dash.out" 2>&1)
if [ ! -e "$work/-" ] && grep -qF "ml-engineer" "$work/dash.out"; then pass "--output - writes to standard output"; else fail "--output - made a file named -"; fi

echo "5. File names that are not UTF-8"
expect_status "--output with a 0xFF byte in the name" 0 "$work/ff.out" "$bin" roles --output "$work/f"$'\xff'".md"
if [ -f "$work/f"$'\xff'".md" ] && [ ! -e "$work/f"$'\xef\xbf\xbd'".md" ]; then pass "  the file has exactly those bytes"; else fail "  the name was re-encoded" "$(ls "$work" | od -c | head)"; fi
contains "  and the message shows the byte escaped" "$work/ff.out" 'f\xFF.md'

mkdir "$work/dir"$'\xe9'; cp "$here/../../assets/"*.yaml "$work/dir"$'\xe9/' 2>/dev/null || true
expect_status "validate a directory whose name is not UTF-8" 66 "$work/dir.out" "$bin" validate "$work/dir"$'\xe9'
contains "  says the name is not UTF-8, shown escaped" "$work/dir.out" 'dir\xE9: the directory'"'"'s name is not UTF-8'

echo "6. Messages"
for command in "timeline aie" "show ds" "compare aie mle"; do
    read -r -a args <<<"$command"
    LC_ALL=C "$bin" "${args[@]}" >"$work/ascii.out" 2>&1
    if LC_ALL=C grep -q $'[\x80-\xff]' "$work/ascii.out"; then
        fail "LC_ALL=C $command: non-ASCII bytes" "$(LC_ALL=C grep -n $'[\x80-\xff]' "$work/ascii.out" | head -3)"
    else
        pass "LC_ALL=C $command: ASCII only"
    fi
done
mkdir -p "$work/names"
printf 'sources: [\n' >"$work/names/two"$'\n'"lines.yaml"
expect_status "a newline in a file name" 65 "$work/names.out" "$bin" validate "$work/names"
contains "  stays on the file:line:col line" "$work/names.out" 'two^Jlines.yaml:1:'

echo "3. Content that costs the most to load, refused in under a second"
python3 - "$work/costly" <<'PY'
import os, sys
root = sys.argv[1]
def write(name, text):
    os.makedirs(f"{root}/{name}", exist_ok=True)
    open(f"{root}/{name}/a.yaml", "w").write(text)
source = "{" + ", ".join(f"k{i}: v" for i in range(20)) + "}"
# The alias bomb (about 1 KB for 10^12 values), and an alias chain 100 levels deep.
write("bomb", "\n".join(["sources:", '  - &l0 "lol"'] + [f"  - &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(1, 13)]) + "\n")
write("deep", "\n".join(["sources:", "  - &d0 [x]"] + [f"  - &d{n} [*d{n - 1}]" for n in range(1, 101)]) + "\n")
# Just within the alias budget: 2,400 copies of a source with 20 unknown keys.
write("aliases", "sources: [&m0 " + source + ", " + ", ".join(["*m0"] * 2399) + "]\n")
# No aliases: 1 MiB of sources with 20 unknown keys each (140,000 problems).
item = "  - " + source + "\n"
write("mistakes", "sources:\n" + item * ((1024 * 1024 - 20) // len(item)))
PY
for name in bomb deep aliases mistakes; do
    start=$(date +%s%N)
    set +e; "$bin" validate "$work/costly/$name" >"$work/costly/$name.out" 2>&1; got=$?; set -e
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$got" = 65 ] && [ "$ms" -lt 1000 ]; then pass "$name: refused in ${ms} ms"; else fail "$name: exit $got after ${ms} ms" "$(head -3 "$work/costly/$name.out")"; fi
done
contains "  the bomb's problem names the file and the alias's line" "$work/costly/bomb.out" "costly/bomb/a.yaml:7:"

echo "4. COLUMNS and LINES against the real size"
WIDTH=100 HEIGHT=30 app sizes COLUMNS=5000 LINES=5000 LANG=C.UTF-8
soon "a 100x30 window: the key hints end at column 100" "? help  e export  q quit"
last=$(screen | sed -n 30p)
if [ "${#last}" -le 100 ] && screen | sed -n 30p | grep -qF "e export  q quit"; then pass "the frame's last row is row 30"; else fail "the frame is not 100x30" "$(screen)"; fi
shell=$(tm display -p -t e2e '#{pane_pid}')
pid=$(ps --ppid "$shell" -o pid= | tr -d ' ' | head -1)
peak=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
if [ -n "$peak" ] && [ "$peak" -lt 51200 ]; then pass "peak memory ${peak} kB, under 50 MB"; else fail "peak memory ${peak:-unknown} kB"; fi
keys q
soon "q quits" "EXITED-0"

summary
