#!/usr/bin/env bash
# End-to-end checks of `rolescope sessions` and `rolescope plan` on the release binary,
# with the sessions database in a temporary ROLESCOPE_DATA_HOME. Includes two processes
# recording sessions at the same moment, which must lose nothing; a store that cannot be
# written read as a user who cannot write it (nobody, via setpriv or runuser: CI runs as
# root); and path problems said in one sentence with the exit code (66 reading, 73 writing).
# Usage: Tests/e2e/sessions.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
fixtures="$here/../Fixtures"
src=${1:?usage: sessions.sh PATH/TO/rolescope}
work=$(mktemp -d)
trap 'remove_tree "$work"' EXIT
mkdir "$work/bin"
cp "$src" "$work/bin/rolescope"
bin="$work/bin/rolescope"
out="$work/out"
export ROLESCOPE_DATA_HOME="$work/data"
unset XDG_DATA_HOME
cd /

mode() { stat -c %a "$1"; }

echo "Sessions end-to-end (data in $ROLESCOPE_DATA_HOME)"
expect_status "list with no sessions" 0 "$out" "$bin" sessions list
contains "says there are none" "$out" "No sessions yet"
check "reading creates no data folder" test ! -e "$ROLESCOPE_DATA_HOME"

expect_status "record a walk with a change and notes" 0 "$out" "$bin" sessions record hiring --steps 1,1=2,1,1 \
    --candidate "Ada Lovelace" --note "1:Hesitated; calls a hosted LLM today." --note "3:Data arrives via Fivetran"
check "record prints the new id" grep -qx 1 "$out"
check "data folder is 0700" test "$(mode "$ROLESCOPE_DATA_HOME")" = 700
check "database file is 0600" test "$(mode "$ROLESCOPE_DATA_HOME/sessions.sqlite")" = 600

# Wide, so no line of the list wraps whatever the date.
COLUMNS=200 expect_status "list" 0 "$out" "$bin" sessions list
contains "list names the candidate" "$out" "Ada Lovelace"
contains "list shows the outcome" "$out" "finished: Hire an AI Engineer"
contains "list counts the notes" "$out" "2 notes"

expect_status "show" 0 "$out" "$bin" sessions show 1
contains "show has the final first answer" "$out" "We build on models others trained"
contains "show has the change" "$out" "Changed from: We train or fine-tune our own models"
contains "show has the note" "$out" "Hesitated; calls a hosted LLM today."
contains "show has the outcome" "$out" "Outcome: Hire an AI Engineer (not an ML Engineer)"
contains "show has the explanation" "$out" "This result follows because"

expect_status "export markdown to stdout" 0 "$out" "$bin" sessions export 1 --format markdown
contains "markdown title" "$out" "# Session 1: Which role do I need?"
contains "markdown every answer in order" "$out" "### 3. Does the data this feature relies on arrive reliably?"
contains "markdown change of answer" "$out" "- Changed from: We train or fine-tune our own models, or we plan to"
contains "markdown note against its answer" "$out" "- Note ("
contains "markdown history shows the change" "$out" "Changed the answer to"
contains "markdown outcome" "$out" "## Outcome: Hire an AI Engineer (not an ML Engineer)"
contains "markdown outcome keeps its citations" "$out" "\\[A.Team, JoinAI\\]"

report="$work/reports/ada.md"
mkdir -p "$work/reports"
expect_status "export to a file" 0 "$out" "$bin" sessions export 1 --format markdown --output "$report"
check "exported file is 0600" test "$(mode "$report")" = 600
check "exported file matches stdout export" cmp -s "$report" <("$bin" sessions export 1 --format markdown)
echo "keep me" > "$report.keep"
expect_status "no silent overwrite" 73 "$out" "$bin" sessions export 1 --format markdown --output "$report.keep"
contains "overwrite refusal names --force" "$out" "Use --force to replace it"
check "refused file is unchanged" grep -qx "keep me" "$report.keep"
expect_status "overwrite with --force" 0 "$out" "$bin" sessions export 1 --format markdown --output "$report.keep" --force
contains "forced file replaced" "$report.keep" "# Session 1"
check "no temporary files left beside the export" test "$(ls -A "$work/reports" | wc -l)" = 2

expect_status "export json to a file" 0 "$out" "$bin" sessions export 1 --format json --output "$work/reports/ada.json"
check "json export has every answer, the change, the notes and the outcome" python3 - "$work/reports/ada.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["candidate"] == "Ada Lovelace"
assert [a["answer"] for a in doc["answers"]] == [2, 1, 1], doc["answers"]
assert doc["answers"][0]["replaced"] == ["We train or fine-tune our own models, or we plan to"]
assert [e["kind"] for e in doc["events"]] == ["answer", "change", "answer", "answer"]
assert len(doc["notes"]) == 2 and doc["answers"][0]["notes"][0]["text"].startswith("Hesitated")
assert doc["finished"] and doc["outcome"]["id"] == "hire-ai-engineer" and doc["outcome"]["explanation"]
PY
# issue 17: text is the default for every command, sessions export included.
expect_status "export with no --format" 0 "$out" "$bin" sessions export 1
contains "export defaults to text" "$out" "Outcome: Hire an AI Engineer (not an ML Engineer)"
check "  not Markdown" bash -c "! grep -q '^# Session' '$out'"
check "  the same as sessions show" cmp -s "$out" <("$bin" sessions show 1)
expect_status "show json" 0 "$out.json" "$bin" sessions show 1 --format json
check "show json parses" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$out.json"
expect_status "list json" 0 "$out.json" "$bin" sessions list --format json
check "list json has the session" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['sessions'][0]['id']==1 and d['sessions'][0]['notes']==2" "$out.json"

expect_status "unknown session" 66 "$out" "$bin" sessions show 99
contains "unknown session points at list" "$out" "rolescope sessions list"
expect_status "delete unknown session" 66 "$out" "$bin" sessions delete 99 --yes
expect_status "non-numeric id" 64 "$out" "$bin" sessions show abc
expect_status "record: a step that does not exist" 64 "$out" "$bin" sessions record hiring --steps 1,9
contains "bad step explained" "$out" "has answers 1 to"
expect_status "record: a note beyond the path" 64 "$out" "$bin" sessions record hiring --steps 1 --note "5:x"
check "refused records left no session" test "$("$bin" sessions list --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["sessions"]))')" = 1

expect_status "record with back and restart" 0 "$out" "$bin" sessions record career --steps 1,b,2,r,1
expect_status "show unfinished session" 0 "$out" "$bin" sessions show 2
contains "unfinished session says so" "$out" "in progress"
contains "back is in the history" "$out" "Went back from"
contains "restart is in the history" "$out" "Started again from the first question"

echo "Managing sessions: rename, filter by candidate, delete"
expect_status "rename" 0 "$out" "$bin" sessions rename 2 "Grace Hopper"
contains "rename says the new label" "$out" "Grace Hopper"
COLUMNS=200 expect_status "list --candidate" 0 "$out" "$bin" sessions list --candidate hopper
contains "  the renamed session is listed" "$out" "Grace Hopper"
check "  the other is not" bash -c '! grep -qF "Ada Lovelace" "$1"' _ "$out"
contains "  unfinished sessions say so" "$out" "in progress"
check "list --candidate json has only session 2" python3 -c "import json,sys; d=json.load(sys.stdin); assert [s['id'] for s in d['sessions']]==[2] and d['sessions'][0]['payHidden'] is False, d" \
    < <("$bin" sessions list --candidate HOPPER --format json)
expect_status "rename an unknown session" 66 "$out" "$bin" sessions rename 99 x
expect_status "delete asks first: refused on a non-interactive stdin" 64 "$out" "$bin" sessions delete 1 </dev/null
contains "  and says how" "$out" "--yes"
expect_status "  nothing was deleted" 0 "$out" "$bin" sessions show 1
expect_status "delete --yes" 0 "$out" "$bin" sessions delete 1 --yes
expect_status "deleted session is gone" 66 "$out" "$bin" sessions show 1
expect_status "the other session stays" 0 "$out" "$bin" sessions show 2

echo "Where the data lives"
(
    unset ROLESCOPE_DATA_HOME
    XDG_DATA_HOME="$work/xdg" "$bin" sessions record hiring --steps 3,2 >/dev/null
    HOME="$work/home" XDG_DATA_HOME= "$bin" sessions record hiring --steps 3,2 >/dev/null
)
check "XDG_DATA_HOME/rolescope" test -f "$work/xdg/rolescope/sessions.sqlite"
check "falls back to ~/.local/share/rolescope" test -f "$work/home/.local/share/rolescope/sessions.sqlite"

echo "An old (v1) database upgrades"
mkdir -p "$work/old"
cp "$fixtures/sessions/v1.sqlite" "$work/old/sessions.sqlite"
ROLESCOPE_DATA_HOME="$work/old" expect_status "show a v1 session" 0 "$out" "$bin" sessions show 1
contains "v1 candidate" "$out" "Ada (fixture)"
contains "v1 note" "$out" "Hesitated here"
contains "v1 outcome" "$out" "Outcome: Hire an AI Engineer"

echo "Two processes recording at once"
export ROLESCOPE_DATA_HOME="$work/concurrent"
writer() {
    local name=$1 i
    for i in $(seq 1 20); do
        "$bin" sessions record hiring --steps 2,1,1 --candidate "$name-$i" --note "2:note $name $i" >/dev/null 2>>"$work/$name.err" \
            || echo "record $name-$i failed" >>"$work/$name.err"
    done
}
writer alpha & first=$!
writer beta & second=$!
wait "$first" "$second"
check "neither writer saw an error" test ! -s "$work/alpha.err" -a ! -s "$work/beta.err"
[ -s "$work/alpha.err" ] && head -5 "$work/alpha.err"
[ -s "$work/beta.err" ] && head -5 "$work/beta.err"
"$bin" sessions list --format json >"$out.json"
check "all 40 sessions are there, each whole" python3 - "$out.json" <<'PY'
import json, sys
sessions = json.load(open(sys.argv[1]))["sessions"]
names = sorted(s["candidate"] for s in sessions)
want = sorted(f"{w}-{i}" for w in ("alpha", "beta") for i in range(1, 21))
assert names == want, (len(names), set(want) - set(names))
assert all(s["answers"] == 3 and s["notes"] == 1 and s["finished"] for s in sessions), [s for s in sessions if s["answers"] != 3]
assert len({s["id"] for s in sessions}) == 40
PY

echo "A store that cannot be written is still read (as a user who cannot write it)"
as_nobody=
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
        as_nobody="setpriv --reuid=nobody --regid=nogroup --clear-groups"
    elif command -v runuser >/dev/null && runuser -u nobody -- true 2>/dev/null; then
        as_nobody="runuser -u nobody --"
    fi
fi
if [ -n "$as_nobody" ]; then
    ro="$work/ro"
    mkdir -p "$ro"
    ROLESCOPE_DATA_HOME="$ro/data" "$bin" sessions record hiring --steps 1,1 --candidate "Read Only" --note "1:kept" >/dev/null
    # nobody may read the store but write neither the file nor its folder.
    chmod 755 "$work" "$ro" "$ro/data"
    chmod 644 "$ro/data/sessions.sqlite"
    for args in "list" "show 1" "export 1 --format markdown"; do
        # shellcheck disable=SC2086
        expect_status "sessions $args as nobody on a read-only store" 0 "$out" $as_nobody env ROLESCOPE_DATA_HOME="$ro/data" "$bin" sessions $args
        contains "  says so in one line" "$out" "cannot be written, so it is read read-only"
        contains "  and reads it" "$out" "Read Only"
        check "  no SQLite error" bash -c '! grep -qi "readonly database" "$1"' _ "$out"
    done
    chmod 600 "$ro/data/sessions.sqlite"
    expect_status "a store nobody may not read: exit 66" 66 "$out" $as_nobody env ROLESCOPE_DATA_HOME="$ro/data" "$bin" sessions list
    contains "  names the file and the fix" "$out" "sessions.sqlite cannot be read (permission denied)"
    check "  one line" test "$(wc -l < "$out")" = 1
    chmod 644 "$ro/data/sessions.sqlite"
    expect_status "sessions record as nobody: cannot write" 73 "$out" $as_nobody env ROLESCOPE_DATA_HOME="$ro/data" "$bin" sessions record hiring --steps 1
    contains "  names the path and the fix" "$out" "set ROLESCOPE_DATA_HOME to a folder you can write"
    expect_status "sessions rename as nobody: cannot write" 73 "$out" $as_nobody env ROLESCOPE_DATA_HOME="$ro/data" "$bin" sessions rename 1 x
    # The folder nobody's, the file not: the file alone read-only.
    chown nobody "$ro/data"
    expect_status "a read-only file in a writable folder is read too" 0 "$out" $as_nobody env ROLESCOPE_DATA_HOME="$ro/data" "$bin" sessions show 1
    contains "  says so" "$out" "read read-only"
    check "  and the file is unchanged" test "$(stat -c %U "$ro/data/sessions.sqlite")" = root
    chown root "$ro/data"
    chmod 700 "$work"
else
    echo "  skip  not root, or no setpriv/runuser: the non-root read-only part did not run"
fi

echo "Path problems: one sentence naming the path and the fix"
touch "$work/a-file"
XDG_DATA_HOME="$work/a-file" ROLESCOPE_DATA_HOME= expect_status "XDG_DATA_HOME naming a file: list" 66 "$out" "$bin" sessions list
contains "  names the file and the fix" "$out" "$work/a-file is a file, but sessions are kept in a folder under it"
check "  one line" test "$(wc -l < "$out")" = 1
check "  no error dump" bash -c '! grep -q "NSCocoaErrorDomain\|UserInfo" "$1"' _ "$out"
XDG_DATA_HOME="$work/a-file" ROLESCOPE_DATA_HOME= expect_status "XDG_DATA_HOME naming a file: show" 66 "$out" "$bin" sessions show 1
XDG_DATA_HOME="$work/a-file" ROLESCOPE_DATA_HOME= expect_status "XDG_DATA_HOME naming a file: record" 73 "$out" "$bin" sessions record hiring --steps 1
contains "  names the file and the fix" "$out" "move the file aside"
check "  no error dump" bash -c '! grep -q "NSCocoaErrorDomain\|UserInfo" "$1"' _ "$out"
mkdir -p "$work/folder-db/sessions.sqlite"
ROLESCOPE_DATA_HOME="$work/folder-db" expect_status "the database's name taken by a folder" 66 "$out" "$bin" sessions list
contains "  says so" "$out" "is a folder, where the sessions database file should be"

echo "Transition plans"
expect_status "plan swe to aie" 0 "$out" "$bin" plan --from swe --to aie
contains "plan says how long" "$out" "about three months"
contains "plan lists what to learn first" "$out" "1. Retrieval: designing and building RAG pipelines"
contains "plan cites sources" "$out" "[JoinAI]"
expect_status "plan with no transition" 1 "$out" "$bin" plan --from analyst --to ml-engineer
contains "no transition said" "$out" "No article describes a move from Data analyst to ML Engineer."
contains "lists backgrounds that lead there" "$out" "Software engineer (--from software-engineer)"
expect_status "plan unknown background" 64 "$out" "$bin" plan --from astronaut --to de
contains "unknown background lists the valid ones" "$out" "known backgrounds: software-engineer, data-analyst, data-scientist, ml-graduate, quant-stats-econ"
expect_status "plan markdown" 0 "$out" "$bin" plan --from ds --to mle --format markdown
contains "markdown plan heading" "$out" "# From Data scientist to ML Engineer"
contains "markdown plan duration" "$out" "6–18 months"
expect_status "plan json" 0 "$out.json" "$bin" plan --from quant --to ds --format json
check "plan json lists the steps" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['found'] and d['learn'][0]=='SQL and data manipulation'" "$out.json"

summary
