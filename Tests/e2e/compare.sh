#!/usr/bin/env bash
# End-to-end: Compare at 80x24 in tmux, as a new user meets it. The summary of AI Engineer
# and ML Engineer reaches its last row in at most five pages; ] jumps to the next section
# and the row indicator names it; d hides the rows that are the same and shows how many
# differ; v switches to the full text and back; with all four roles ticked no word of the
# content is split across lines (the captured screens are read against the content's own
# words, from `rolescope export --format json`).
# Usage: Tests/e2e/compare.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock="rolescope-compare-$$"
cleanup() { tm kill-server 2>/dev/null || true; remove_tree "$work"; }
trap cleanup EXIT

echo "Compare at 80x24 in tmux"
tm new-session -d -s e2e -x 80 -y 24 "env -i PATH=$PATH HOME=$work XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TERM=tmux-256color LANG=C.UTF-8 $bin --fresh"
tm set-option -t e2e status off >/dev/null
wait_for "the app starts" "1 Roles"
keys 2
wait_for "2 opens Compare, on the summary" "v full text"
# The chooser lists AI Engineer, Data Engineer, Data Scientist, ML Engineer; the first two
# are ticked. Untick Data Engineer, tick ML Engineer.
keys r j x j j x Enter
wait_for "the chooser compares AI Engineer and ML Engineer" "AI Engineer vs ML Engineer"

# The last row is the last overlap the command line lists; page down until it is on
# screen, counting the pages.
last=$("$bin" compare ai-engineer ml-engineer --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["overlaps"][-1]["title"])')
pages=1
for _ in $(seq 1 20); do
    screen | grep -qF -- "${last:0:10}" && break
    keys PgDn
    sleep 0.1
    pages=$((pages + 1))
done
if screen | grep -qF -- "${last:0:10}" && [ "$pages" -le 5 ]; then pass "the summary reaches its last row ($last) on page $pages (at most 5)"
else fail "the summary does not reach its last row ($last) in 5 pages (page $pages)" "$(screen)"; fi

keys g
keys ]
wait_for "] moves to the next section and the indicator names it" "Responsibilities in an AI project (H2K) · row 1 of 7"
keys ]
wait_for "  and the next" "Skills, H2K specialised matrix · row 1 of 7"
keys [ [
wait_for "[ goes back" "The work · row 1 of 10"

keys d
count=$("$bin" compare ai-engineer ml-engineer --only-differences | grep -o '^[0-9]* of [0-9]* rows differ' | head -1)
wait_for "d shows the count of rows that differ ($count)" " $count "
absent "  and hides the rows that are the same (Python programming: High for both)" "Python…"
keys d
keys v
wait_for "v shows the full text" "v summary"
wait_for "  the first row in full" "A working product feature or"
keys v
wait_for "v goes back to the summary" "v full text"

# Four roles: every page, in the summary and in full text, against the content's words.
"$bin" export --format json >"$work/catalog.json"
keys r
keys g j x j x
wait_for "all four roles ticked" "4 ticked"
keys Enter
wait_for "four roles side by side" "Data Scientist"
check_words() {
    python3 - "$work/catalog.json" "$work/pages" <<'PY'
import json, re, sys
words = set()
def add(x):
    if isinstance(x, str):
        words.update(t for t in tokens(x))
    elif isinstance(x, list):
        for y in x: add(y)
    elif isinstance(x, dict):
        for y in x.values(): add(y)
def tokens(text):
    out = []
    for raw in re.split(r"[\s│┃|/]+", text.lower()):
        t = raw.strip("[](),.;:\"'“”‘’!?")
        if t: out.append(t)
    return out
add(json.load(open(sys.argv[1])))
add("not covered by the sources no source steps to hidden total comp salary median entry mid senior all yrs")
add("Figures keep each source's own style.")   # the pay legend, drawn in the label column
bad = []
for page in open(sys.argv[2]).read().split("\f"):
    lines = page.rstrip("\n").split("\n")[4:-1]   # the table's body: below the header, above the hints
    continuing = set(range(-1, 200))  # the top line may continue one scrolled off
    for n, line in enumerate(lines):
        following = set()
        for m in re.finditer(r"[^\s│┃]+", line):
            raw, x = m.group(0), m.start()
            cell = max([i for i, c in enumerate(line[:x]) if c in "│┃"], default=-1)
            first = line[cell + 1:x].strip() == ""
            if raw.endswith("-"):
                following.add(cell)
                continue
            if first and cell in continuing:
                continue
            if raw.endswith("…") or raw.startswith("+") or re.search(r"[0-9$¥█░▶→•─]", raw):
                continue
            for t in tokens(raw):
                if t not in words and "-" not in t:
                    bad.append(f"{t!r} in: {line.strip()}")
        continuing = following
print("\n".join(bad[:8]))
sys.exit(1 if bad else 0)
PY
}
for view in summary "full text"; do
    : >"$work/pages"
    previous=""
    for _ in $(seq 1 120); do
        now=$(screen)
        [ "$now" = "$previous" ] && break
        printf '%s\n\f' "$now" >>"$work/pages"
        previous=$now
        keys PgDn
        sleep 0.05
    done
    if report=$(check_words); then pass "four roles, $view: no word is split across lines"; else fail "four roles, $view: a word split" "$report"; fi
    keys g v
    sleep 0.2
done

keys q
sleep 0.3
summary
