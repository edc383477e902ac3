#!/usr/bin/env bash
# End-to-end: files the app writes (`--output FILE`, `--force`), and plain output with no
# escape codes. Each written file must hold exactly what standard output would, be mode
# 0600 whatever the umask, never replace an existing file without --force (exit 73,
# file untouched), name a missing directory, and leave no temporary file behind.
# Usage: Tests/e2e/output.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
hostile="$here/../Fixtures/hostile"
harness="$here/ptyharness.py"
work=$(mktemp -d)
trap 'remove_tree "$work"' EXIT
cd "$work"
export LANG=C.UTF-8
unset COLUMNS

mode() { stat -c %a "$1"; }
same() { if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$(diff "$2" "$3" | head -10)"; fi; }
only() { local want=$1 got; got=$(ls -A "$work/files" | tr '\n' ' '); if [ "$got" = "$want" ]; then pass "no temporary files left ($got)"; else fail "files left: $got, wanted $want"; fi; }

echo "Files the app writes, end-to-end"
mkdir "$work/files"
umask 000
expect_status "export -o (umask 000)" 0 "$work/msg" "$bin" export -o "$work/files/catalog.md"
contains "  says where it wrote" "$work/msg" "rolescope: wrote $work/files/catalog.md"
check "  mode 600 despite umask 000 ($(mode "$work/files/catalog.md"))" test "$(mode "$work/files/catalog.md")" = 600
"$bin" export >"$work/stdout.md"
same "  the file holds exactly what standard output gets" "$work/stdout.md" "$work/files/catalog.md"
umask 022

sum=$(sha256sum "$work/files/catalog.md")
expect_status "export -o onto an existing file" 73 "$work/msg" "$bin" export --format json -o "$work/files/catalog.md"
contains "  names the file and the fix" "$work/msg" "$work/files/catalog.md already exists; nothing was written. Use --force to replace it"
check "  the file is unchanged" test "$(sha256sum "$work/files/catalog.md")" = "$sum"
only "catalog.md "

chmod 644 "$work/files/catalog.md"
expect_status "export --format json -o FILE --force" 0 "$work/msg" "$bin" export --format json -o "$work/files/catalog.md" --force
check "  replaced: valid JSON now" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/files/catalog.md"
check "  the replacement is mode 600 ($(mode "$work/files/catalog.md"))" test "$(mode "$work/files/catalog.md")" = 600
only "catalog.md "

expect_status "a directory that does not exist" 73 "$work/msg" "$bin" compare de mle -o "$work/nowhere/compare.md"
contains "  names the path" "$work/msg" "cannot write $work/nowhere/compare.md: the directory $work/nowhere does not exist"
expect_status "a directory as the file" 73 "$work/msg" "$bin" show mle -o "$work/files"
contains "  says it is a directory" "$work/msg" "it is a directory"
expect_status "--force without --output" 64 "$work/msg" "$bin" show mle --force
contains "  explains" "$work/msg" "--force only applies with --output FILE"

for command in "roles" "show mle" "compare de mle aie ds" "quiz hiring --answers 2,1,1" "timeline aie" "timeline ds --week" "search reranker"; do
    read -r -a args <<<"$command"
    for format in text markdown json; do
        file="$work/files/${args[0]}.$format"
        rm -f "$file"
        expect_status "$command --format $format -o FILE" 0 "$work/msg" "$bin" "${args[@]}" --format "$format" -o "$file"
        "$bin" "${args[@]}" --format "$format" >"$work/stdout"
        same "  same bytes as standard output" "$work/stdout" "$file"
        check "  mode 600" test "$(mode "$file")" = 600
    done
done
rm -f "$work/files"/*

# The interactive quiz asks on the terminal and writes only the result to the file.
got=$(TERM=xterm-256color python3 "$harness" run --timeout 15 --out "$work/quiz.pty" --step '2\r' --step '1\r' --step '1\r' \
      -- "$bin" quiz hiring -o "$work/files/quiz.md" --format markdown || true)
if [ "$got" = "exit 0" ]; then pass "interactive quiz -o FILE ($got)"; else fail "interactive quiz -o FILE: $got" "$(cat -v "$work/quiz.pty" | tail -5)"; fi
contains "  the questions went to the terminal" "$work/quiz.pty" "Why we ask"
contains "  the result went to the file" "$work/files/quiz.md" "AI Engineer"
check "  mode 600" test "$(mode "$work/files/quiz.md")" = 600

# Hostile content in a file: the same sanitized bytes as the terminal, no escape codes.
expect_status "hostile content to a file" 0 "$work/msg" "$bin" --data "$hostile" show pb -o "$work/files/hostile.txt"
if report=$(python3 "$harness" check "$work/files/hostile.txt" --plain --expect "^[]0;PWN-title^G" --expect "<U+202E>PWN-evil"); then
    pass "  no escape codes in the file: $report"; else fail "  hostile bytes in the file" "$report"; fi

# Piped and TERM=dumb output of every plain command carries no escape codes at all.
for command in "" "roles" "show mle" "compare de mle aie ds" "quiz hiring --answers 2,1,1" "quiz --list" "timeline aie" \
               "search reranker" "validate" "export" "--help" "compare --help"; do
    read -r -a args <<<"$command"
    for term in xterm-256color dumb; do
        TERM=$term "$bin" "${args[@]}" >"$work/plain" 2>&1 || true
        if grep -q $'\x1b' "$work/plain"; then fail "'rolescope $command' piped, TERM=$term: escape codes"; else pass "'rolescope $command' piped, TERM=$term: no escape codes"; fi
    done
done

# A wrapped bullet keeps its hanging indent: its next lines start under its text, never
# under the "•" (for `show`, that is column 0), in every text command that prints bullets.
bullet_wraps() {
    python3 - "$1" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
bad = []
for i, line in enumerate(lines[:-1]):
    for col, ch in enumerate(line):
        if ch == "•" and col < len(lines[i + 1]) and lines[i + 1][col].islower():
            bad.append(f"line {i + 2}: {lines[i + 1]}")
print("\n".join(bad[:5]))
sys.exit(1 if bad else 0)
PY
}
for command in "show ai-engineer" "compare ai-engineer ml-engineer" "show mle" "compare de mle aie ds" "timeline aie --week" "plan --from software-engineer --to aie"; do
    read -r -a args <<<"$command"
    for columns in 80 60; do
        COLUMNS=$columns "$bin" "${args[@]}" >"$work/plain" 2>&1 || true
        if report=$(bullet_wraps "$work/plain"); then pass "'rolescope $command' at $columns columns: wrapped bullets keep their indent"
        else fail "'rolescope $command' at $columns columns: a wrapped bullet line under its bullet" "$report"; fi
    done
done
# Pay bands line up by level across the roles' columns.
"$bin" compare ai-engineer ml-engineer >"$work/plain"
for band in "Pay: entry" "Pay: mid salary" "Pay: senior"; do
    line=$(grep -m1 "^$band" "$work/plain" || true)
    if [ "$(grep -o 'per year,' <<<"$line" | wc -l)" = 2 ]; then pass "compare: '$band' holds both roles' figures on one line"
    else fail "compare: '$band' is not lined up" "$line"; fi
done

summary
