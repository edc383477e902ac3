#!/usr/bin/env bash
# End-to-end checks of `rolescope sessions` and `rolescope plan` on the release binary,
# with the sessions database in a temporary ROLESCOPE_DATA_HOME. Includes two processes
# recording sessions at the same moment, which must lose nothing.
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
expect_status "delete unknown session" 66 "$out" "$bin" sessions delete 99
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

expect_status "delete" 0 "$out" "$bin" sessions delete 1
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
