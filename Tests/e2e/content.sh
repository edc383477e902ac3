#!/usr/bin/env bash
# End-to-end: broken content. Each case is generated in a temporary directory (the big
# ones too: nothing large is committed), then `validate DIR` and `--data DIR roles` must
# print a problem naming the file, the line and the fix, and exit 65 (66 for a directory
# that is missing, not a directory or unreadable), without a crash or a hang: every run
# is under `timeout 10`, and its time is printed (not asserted). The full-screen app,
# started on a pty, must print the same problems and never take over the screen.
# Usage: Tests/e2e/content.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
minimal="$here/../Fixtures/minimal"
harness="$here/ptyharness.py"
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; remove_tree "$work"' EXIT
export LANG=C.UTF-8

# fresh NAME: a copy of the minimal catalog at $work/NAME, echoed.
fresh() { rm -rf "${work:?}/$1"; cp -r "$minimal" "$work/$1"; echo "$work/$1"; }

# case_ NAME STATUS DIR TEXT...: validate DIR and `--data DIR roles` both exit STATUS in
# time and print every TEXT (fixed strings: the file:line prefix, the message, the fix).
case_() {
    local name=$1 want=$2 dir=$3; shift 3
    local out="$work/out" got start end
    for command in validate roles; do
        start=$(date +%s%N)
        set +e
        if [ $command = validate ]; then timeout 10 "$bin" validate "$dir" >"$out" 2>&1; else timeout 10 "$bin" --data "$dir" roles >"$out" 2>&1; fi
        got=$?
        set -e
        end=$(date +%s%N)
        local ms=$(( (end - start) / 1000000 ))
        if [ "$got" != "$want" ]; then fail "$name ($command): exit $got, wanted $want, ${ms} ms" "$(head -c 1500 "$out")"; continue; fi
        local missing=""
        for text in "$@"; do grep -qF -- "$text" "$out" || missing+=" \"$text\""; done
        if [ -n "$missing" ]; then fail "$name ($command): missing$missing" "$(head -c 1500 "$out")"; continue; fi
        pass "$name ($command): exit $got in ${ms} ms"
    done
}

echo "Broken content end-to-end"

d=$(fresh malformed); printf 'sources:\n  - {id: gamma, title: [oops\n' >"$d/extra.yaml"
case_ "malformed YAML (an unclosed bracket: named on its own last line)" 65 "$d" "$d/extra.yaml:2:29: YAML syntax error" "check indentation and quoting"

d=$(fresh types); printf 'sources:\n  - id: gamma\n    title: [a, b]\n    publisher: P\n    date: "2026"\n    covers: c\n' >"$d/extra.yaml"
case_ "wrong type" 65 "$d" "$d/extra.yaml:3:12: 'title' in source 'gamma' should be text, found a list" "quote it"

d=$(fresh missing); printf 'sources:\n  - {id: gamma, title: G, publisher: P, date: "2026"}\n' >"$d/extra.yaml"
case_ "missing required field" 65 "$d" "$d/extra.yaml:2:5: source 'gamma' is missing 'covers'" "add \`covers: ...\`"

d=$(fresh duplicate); sed 's/id: thinker$/id: builder/; s/aliases: \[dt\]/aliases: []/' "$minimal/thinker.yaml" >"$d/thinker.yaml"
case_ "duplicate id" 65 "$d" "$d/thinker.yaml:2:7: duplicate role id 'builder'" "first defined at $d/builder.yaml:2; rename one of them"

d=$(fresh dangling); sed 's/recommend: \[thinker\]/recommend: [thinkr]/' "$minimal/quiz.yaml" >"$d/quiz.yaml"
case_ "dangling reference" 65 "$d" "$d/quiz.yaml:28:" "unknown role 'thinkr'" "known roles: builder, thinker"

d=$(fresh cycle); sed 's/{label: Both, because: you need both, outcome: get-both}/{label: Both, because: you need both, next: q1}/' "$minimal/quiz.yaml" >"$d/quiz.yaml"
case_ "cycle" 65 "$d" "$d/quiz.yaml:25:" "leads back to 'q1', making a loop" "point it at a question further down"

d=$(fresh unreachable)
awk '/^  outcomes:/ { print "    - id: orphan\n      prompt: Lost?\n      why: w\n      answers:\n        - {label: x, outcome: get-builder}" } { print }' "$minimal/quiz.yaml" >"$d/quiz.yaml"
case_ "unreachable question" 65 "$d" "$d/quiz.yaml:26:" "question 'orphan' cannot be reached from the start" "lead an answer to it"

d=$(fresh empty-file); : >"$d/empty.yaml"
case_ "empty file" 65 "$d" "$d/empty.yaml:1: file is empty" "add a section (see docs/CONTENT.md) or delete the file"

d=$(fresh comments-only); echo "# to do" >"$d/todo.yaml"
case_ "file with only a comment" 65 "$d" "$d/todo.yaml:1: file is empty"

mkdir "$work/empty-dir"
case_ "empty directory" 65 "$work/empty-dir" "$work/empty-dir: no content files (.yaml or .yml) in the directory" "see docs/CONTENT.md"

case_ "directory that does not exist" 66 "$work/nowhere" "$work/nowhere: no such directory" "check the path given to --data"

printf 'sources: []\n' >"$work/plain.yaml"
case_ "not a directory" 66 "$work/plain.yaml" "$work/plain.yaml: not a directory" "--data takes a directory"

d=$(fresh fifo); mkfifo "$d/pipe.yaml"
case_ "a FIFO named .yaml (a read would block forever)" 65 "$d" "$d/pipe.yaml:1: not a regular file (a FIFO)" "remove it or rename it"

d=$(fresh folder); mkdir "$d/folder.yaml"
case_ "a directory named .yaml" 65 "$d" "$d/folder.yaml:1: not a regular file (a directory)"

d=$(fresh link); ln -s /nonexistent/x.yaml "$d/gone.yaml"
case_ "a dangling symbolic link" 65 "$d" "$d/gone.yaml:1: a symbolic link to nothing" "point the link at a content file"

d=$(fresh latin1); printf 's:\n caf\xe9\n' >"$d/bad.yaml"
case_ "not UTF-8" 65 "$d" "$d/bad.yaml:2:5: file is not valid UTF-8" "save it as UTF-8"

d=$(fresh raw-control); printf 'sources:\n  - {id: gamma, title: "a\033]0;x\007"}\n' >"$d/esc.yaml"
case_ "a raw control character" 65 "$d" "$d/esc.yaml:2:26: a raw control character (U+001B) is not allowed in YAML" "double-quoted string"

d=$(fresh huge)
python3 - "$d/huge.yaml" <<'PY'
import sys
line = "  - {id: s, title: Twenty megabytes of sources, publisher: P, date: '2026', covers: c}\n"
with open(sys.argv[1], "w") as f:
    f.write("sources:\n" + line * (20 * 1024 * 1024 // len(line) + 1))
PY
case_ "a 20 MB file" 65 "$d" "$d/huge.yaml:12054: file is too large (20.0 MiB; the limit is 1 MiB, passed on this line)" "split it into several files"

d=$(fresh near-limit)
python3 - "$d/many.yaml" <<'PY'
import sys
line = "  - {id: s%d, title: Just under a mebibyte of sources, publisher: P, date: '2026', covers: c}\n"
out, i = ["sources:\n"], 0
while sum(map(len, out)) < 1024 * 1024 - 200:
    out.append(line % i); i += 1
out.append("  - {id: s0, title: Again, publisher: P, date: '2026', covers: c}\n")
open(sys.argv[1], "w").write("".join(out))
PY
case_ "a file just under 1 MiB with a mistake on its last line" 65 "$d" "$d/many.yaml:" "duplicate source id 's0'"

d=$(fresh deep-flow); python3 -c "import sys; open(sys.argv[1], 'w').write('sources:\n  - ' + '[' * 10000 + ']' * 10000 + '\n')" "$d/deep.yaml"
case_ "10,000 levels of brackets" 65 "$d" "$d/deep.yaml:2:66: the YAML nests more than 64 levels deep here" "flatten it"

d=$(fresh deep-lists); python3 -c "import sys; open(sys.argv[1], 'w').write('sources:\n' + '- ' * 10000 + 'x\n')" "$d/deep.yaml"
case_ "10,000 levels of nested lists" 65 "$d" "$d/deep.yaml:2:129: the YAML nests more than 64 levels deep here"

d=$(fresh deep-keys); python3 -c "import sys; open(sys.argv[1], 'w').write('sources:\n' + ''.join(' ' * i + 'k%d:\n' % i for i in range(1, 10000)))" "$d/deep.yaml"
case_ "10,000 levels of indented keys (50 MB)" 65 "$d" "$d/deep.yaml:1443: file is too large"

d=$(fresh deep-keys-300); python3 -c "import sys; open(sys.argv[1], 'w').write('sources:\n' + ''.join(' ' * i + 'k%d:\n' % i for i in range(1, 300)))" "$d/deep.yaml"
case_ "300 levels of indented keys" 65 "$d" "$d/deep.yaml:65:65: the YAML nests more than 64 levels deep here"

d=$(fresh long-string)
python3 -c "import sys; open(sys.argv[1], 'w').write('overlaps:\n  - id: big\n    title: Big\n    roles: [builder, thinker]\n    summary: \"' + 'x' * 1000000 + '\"\n    sources: [alpha]\n')" "$d/big.yaml"
case_ "a string of 1 MB" 65 "$d" "$d/big.yaml:5:14: text is too long (976 KiB; the limit is 64 KiB)" "shorten it"

d=$(fresh letter); sed 's/letter: M}/letter: "\\e"}/' "$minimal/shared.yaml" >"$d/shared.yaml"
case_ "an invisible category letter" 65 "$d" "$d/shared.yaml:19:" "a category's letter must be visible, found U+001B" "pick a letter"

d=$(fresh filler); printf 'overlaps:\n  - id: filler\n    title: Filler\n    roles: [builder, thinker]\n    summary: Both are in one list. No further detail is given.\n    sources: [alpha]\n' >"$d/extra.yaml"
case_ "a sentence that only says the source says nothing more" 65 "$d" "$d/extra.yaml:5:14: a sentence says only that the source says nothing more" "leave it out"

d=$(fresh two-skills); printf '  - id: modelling-summary\n    title: Modelling (summary)\n    summary: Again.\n    listed: [{role: builder, says: it builds, sources: [alpha]}]\n    levels: [a, b, c, d]\n' >>"$d/skills.yaml"
case_ "two skills for one concept" 65 "$d" "$d/skills.yaml:12:" "skill title 'Modelling (summary)' contains, or is contained in, 'Modelling'" "one skill per concept"

d=$(fresh orphan-level); sed 's/    rated-by: \[modelling\]/    listed: [{role: builder, says: it builds, sources: [alpha]}]/' "$minimal/skills.yaml" >"$d/skills.yaml"
case_ "a level no skill rates" 65 "$d" "$d/shared.yaml:14:" "level dimension 'modelling' belongs to no skill" "rated-by list"

# Permissions: root reads everything, so these run as nobody (setpriv), on a copy of the
# binary that nobody may run.
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    chmod 755 "$work"
    cp "$bin" "$work/rolescope-copy"; chmod 755 "$work/rolescope-copy"
    as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$work/rolescope-copy" "$@"; }
    d=$(fresh perm-dir); chmod -R a+rX "$d"; chmod 000 "$d"
    expect_status "unreadable directory (as nobody)" 66 "$work/out" as_nobody validate "$d"
    contains "  names it and the fix" "$work/out" "$d: cannot read the directory; check its permissions"
    d=$(fresh perm-file); chmod -R a+rX "$d"; chmod 000 "$d/week.yaml"
    expect_status "unreadable file (as nobody)" 65 "$work/out" as_nobody validate "$d"
    contains "  names it and the fix" "$work/out" "$d/week.yaml:1: cannot read the file (Permission denied); check its permissions"
    d=$(fresh perm-sub); mkdir "$d/more"; cp "$minimal/week.yaml" "$d/more/other.yaml"; chmod -R a+rX "$d"; chmod 000 "$d/more"
    expect_status "unreadable subdirectory (as nobody)" 65 "$work/out" as_nobody validate "$d"
    contains "  names it and the fix" "$work/out" "$d/more:1: cannot read the directory, so its files were not checked"
else
    echo "  skip  unreadable directory and file (needs root and setpriv to run as another user)"
fi

# The built-in content: no sentence that only says a source says nothing, and H2K's
# ingestion step with its tools.
echo "The built-in content"
expect_status "export --format markdown" 0 "$work/export.md" "$bin" export --format markdown
check "  no 'says nothing' sentence" bash -c '! grep -qiE "no further detail|gives no further|says nothing (else|more)|nothing else about it" "$1"' _ "$work/export.md"
for tool in "Apache Kafka" "AWS S3" "Azure Data Factory" "Google BigQuery"; do
    contains "  H2K's ingestion tool $tool" "$work/export.md" "$tool"
done
contains "  H2K's ingestion step" "$work/export.md" "Step 1, data ingestion"
expect_status "quiz hiring --answers 2,1,1" 0 "$work/quiz.txt" "$bin" quiz hiring --answers 2,1,1
contains "  answers leading to one result are grouped under it" "$work/quiz.txt" "These 2 answers lead to Hire a Data Engineer first, then an AI Engineer:"
expect_status "quiz career --answers 2,1,1" 0 "$work/career.txt" "$bin" quiz career --answers 2,1,1
check "  'about three months' is said once" bash -c '[ "$(tr "\n" " " <"$1" | grep -oiE "(about|around) +three +months" | wc -l)" = 1 ]' _ "$work/career.txt"
expect_status "plan --from software-engineer --to ai-engineer" 0 "$work/plan.txt" "$bin" plan --from software-engineer --to ai-engineer
check "  the plan says it once too" bash -c '[ "$(tr "\n" " " <"$1" | grep -oiE "(about|around) +three +months" | wc -l)" = 1 ]' _ "$work/plan.txt"

# The full-screen app never starts on invalid content: on a terminal it prints the same
# problems, exits 65, and writes no escape sequence at all (no alternate screen).
for name in malformed cycle huge deep-flow long-string fifo; do
    out="$work/app-$name.pty"
    got=$(TERM=xterm-256color python3 "$harness" run --cols 100 --rows 30 --timeout 15 --out "$out" -- "$bin" --data "$work/$name" || true)
    if [ "$got" = "exit 65" ]; then pass "app on $name content: $got"; else fail "app on $name content: $got" "$(cat -v "$out" | head -20)"; fi
    expected=$("$bin" validate "$work/$name" 2>/dev/null | head -1 || true)
    if report=$(python3 "$harness" check "$out" --plain --expect "${expected:0:60}"); then pass "  the same problem, no escape sequences: $report"; else fail "  app output" "$report"; fi
done
got=$(TERM=xterm-256color python3 "$harness" run --timeout 15 --out "$work/app-missing.pty" -- "$bin" --data "$work/nowhere" || true)
if [ "$got" = "exit 66" ]; then pass "app on a missing directory: $got"; else fail "app on a missing directory: $got"; fi
bytes=$(python3 "$harness" check "$work/app-missing.pty" --plain --expect "no such directory") && pass "  $bytes" || fail "  app output" "$bytes"

summary
