#!/usr/bin/env bash
# End-to-end checks of the plain-text commands, run on the release binary copied to an
# empty folder and run from / (the binary must carry its content).
# Usage: Tests/e2e/cli.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
fixtures="$here/../Fixtures"
src=${1:?usage: cli.sh PATH/TO/rolescope}
work=$(mktemp -d)
trap 'remove_tree "$work"' EXIT
mkdir "$work/bin"
cp "$src" "$work/bin/rolescope"
bin="$work/bin/rolescope"
out="$work/out"
cd /

echo "CLI end-to-end (binary copied to $work/bin, run from /)"
expect_status "roles" 0 "$out" "$bin" roles
for role in data-engineer ml-engineer ai-engineer data-scientist; do contains "roles lists $role" "$out" "$role"; done
for name in "Data Engineer" "ML Engineer" "AI Engineer" "Data Scientist"; do contains "roles names $name" "$out" "$name"; done
contains "roles gives each name its id and aliases" "$out" "Data Engineer:  data-engineer (also: de)"

# issue 17: the conventions a CLI is expected to keep.
expect_status "--version" 0 "$out" "$bin" --version
check "--version prints the version first" grep -qE '^rolescope [0-9]+\.[0-9]+\.[0-9]+$' "$out"
contains "--version prints the content's fingerprint" "$out" "content: built-in, fingerprint "
expect_status "version (the command)" 0 "$out.v" "$bin" version
check "version says what --version says" cmp -s "$out" "$out.v"
expect_status "--version on other content" 0 "$out.v" "$bin" --data "$fixtures/minimal" --version
check "  has another fingerprint" bash -c "! cmp -s '$out' '$out.v'"
expect_status "export with no --format" 0 "$out" "$bin" export
contains "export defaults to text, as every command does" "$out" "ROLESCOPE CATALOG"
check "  not Markdown" bash -c "! grep -q '^## Sources' '$out'"
"$bin" export --format text >"$out.t"
check "  the same as --format text" cmp -s "$out" "$out.t"
expect_status "assess --list" 0 "$out" env COLUMNS=80 "$bin" assess --list
contains "assess --list puts a space after a long label" "$out" "Data Scientist: AI Graduate: Critical"
check "  no id runs into its text" bash -c "! grep -qE '^[a-z0-9-]+:[^ ]' '$out'"
expect_status "quiz career --answers 1,1,1" 0 "$out" "$bin" quiz career --answers 1,1,1
contains "alternatives read as the app's" "$out" "could have led to one of"
contains "  with the answers to try it" "$out" "To try it: --answers 2."
check "  no \"possible results\" or \"(answers:\"" bash -c "! grep -qE 'possible results|\\(answers:' '$out'"
COLUMNS=200 "$bin" --help >"$out" 2>&1
contains "help is wrapped by the parser, not by hand (200 columns: one line)" "$out" \
    "With no command, on a terminal, rolescope opens the full-screen app. Every view is also a plain-text command, for pipes, scripts, screen readers and sharing."
COLUMNS=80 "$bin" quiz --help >"$out" 2>&1
check "quiz --help at 80 columns: no line of its discussion is a stray word" bash -c "! sed '/^USAGE:/q' '$out' | grep -qxE ' *[A-Za-z,.]{1,8} *'"
contains "  and its sentences are whole" "$out" "With --answers, follows those answer numbers and prints the path, the outcome"

expect_status "compare de aie" 0 "$out" "$bin" compare data-engineer ai-engineer
contains "compare has both columns" "$out" "Data Engineer"
contains "compare has AI Engineer" "$out" "AI Engineer"

expect_status "compare json" 0 "$out.json" "$bin" compare data-engineer ai-engineer --format json
check "compare json is valid JSON with source ids" python3 - "$out.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
values = [v for d in doc["dimensions"] for vs in d["values"].values() for v in vs]
assert values and all(v["sources"] for v in values), "every value carries source ids"
assert {r["id"] for r in doc["roles"]} == {"data-engineer", "ai-engineer"}
PY

expect_status "compare aie mle shows both pay sources" 0 "$out" "$bin" compare ai-engineer ml-engineer --dimension pay
contains "JoinAI total compensation" "$out" "total compensation"
contains "H2K salary" "$out" "salary"
contains "JoinAI cited" "$out" "[JoinAI]"
contains "H2K cited" "$out" "[H2K]"

expect_status "quiz LLM feature on existing models" 0 "$out" "$bin" quiz hiring --answers 2,1,1
contains "ends at AI Engineer" "$out" "Recommended: AI Engineer"
contains "explains why from the answers" "$out" "This result follows because"
expect_status "quiz pipelines keep breaking" 0 "$out" "$bin" quiz hiring --answers 3,2
contains "ends at Data Engineer first" "$out" "1. Data Engineer"
expect_status "quiz list" 0 "$out" "$bin" quiz --list
contains "quiz list names career" "$out" "career"
expect_status "quiz bad answer" 64 "$out" "$bin" quiz hiring --answers 9
contains "bad answer explained" "$out" "has answers 1 to"

expect_status "timeline" 0 "$out" "$bin" timeline ai-engineer
contains "timeline has times" "$out" "09:00"
expect_status "timeline week" 0 "$out" "$bin" timeline ds --week
contains "week has Monday" "$out" "Monday"
expect_status "timeline composed day" 0 "$out" "$bin" timeline de
contains "composed day is labelled" "$out" "composed"

expect_status "show by alias" 0 "$out" "$bin" show mle
contains "show has pay" "$out" "Pay"
expect_status "search" 0 "$out" "$bin" search reranker
# The plain quiz, the screen-reader path, answered on a 60-column pseudo-terminal: every
# line, questions, answers and the result, fits in 60 columns, with no escape codes.
steps=(); for _ in 1 2 3 4 5 6 7 8; do steps+=(--step '1\r'); done
got=$(LANG=C.UTF-8 TERM=xterm python3 "$here/ptyharness.py" run --cols 60 --rows 24 --timeout 30 --out "$out.pty" "${steps[@]}" -- "$bin" quiz career || true)
check "plain quiz on a 60-column terminal ($got)" test "$got" = "exit 0"
check "  plain bytes, no escape codes" python3 "$here/ptyharness.py" check "$out.pty" --plain --expect "Question 1: " --expect "Result: "
check "  every line within 60 columns" python3 - "$out.pty" <<'PY'
import sys, unicodedata
text = open(sys.argv[1], "rb").read().decode("utf-8")
def cells(line):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
long = [line for line in text.replace("\r", "").split("\n") if cells(line) > 60]
assert not long, "over 60 columns:\n" + "\n".join(long)
PY

expect_status "export markdown" 0 "$out" "$bin" export --format markdown
contains "export has sources" "$out" "## Sources"
expect_status "export json" 0 "$out.json" "$bin" export --format json
check "export json parses" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$out.json"

expect_status "unknown role" 64 "$out" "$bin" show astronaut
contains "unknown role lists ids" "$out" "known roles: ai-engineer, data-engineer, data-scientist, ml-engineer"
expect_status "ambiguous prefix" 64 "$out" "$bin" show data
contains "ambiguous role lists matches" "$out" "could be any of these roles"

expect_status "validate built-in" 0 "$out" "$bin" validate
contains "built-in valid" "$out" "valid"
expect_status "validate broken fixture" 65 "$out" "$bin" --data "$fixtures/broken" validate
contains "syntax error with line" "$out" "broken/builder.yaml:11:16: YAML syntax error"
contains "dangling reference with line" "$out" "broken/quiz.yaml:20:60: unknown role 'thinkr'"
contains "cycle with line" "$out" "broken/quiz.yaml:17:32: answer 1 of question 'q2' leads back to 'q1', making a loop"
contains "overlap with line" "$out" "broken/day.yaml:10:7: entry 'Stand-up' (10:00–11:00) overlaps"
expect_status "other commands refuse broken content" 65 "$out" "$bin" --data "$fixtures/broken" roles
expect_status "missing directory" 66 "$out" "$bin" --data /nonexistent/rolescope roles
contains "missing directory named" "$out" "/nonexistent/rolescope: no such directory"
expect_status "user content" 0 "$out" "$bin" --data "$fixtures/minimal" compare pb dt
contains "user content used" "$out" "Pipeline Builder"

expect_status "no arguments, not a terminal: overview" 0 "$out" "$bin"
contains "overview lists commands" "$out" "compare ROLE ROLE"
check "piped output has no escape codes" bash -c "! grep -q $'\x1b' '$out'"

summary
