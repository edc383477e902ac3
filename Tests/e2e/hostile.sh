#!/usr/bin/env bash
# End-to-end: hostile content (Tests/Fixtures/hostile, every string full of escape
# sequences, C1 controls, bidi overrides and zero-width characters) through every output
# path of the real binary, checked byte by byte with ptyharness.py:
#   - every plain-text command in text and Markdown, piped and on a pty, with TERM=dumb
#     too: no escape sequence at all, and the hostile text visibly there;
#   - JSON: valid, hostile characters escaped (\u001b ...), no raw control bytes;
#   - errors: validate quoting hostile ids, a hostile --data path, argument errors
#     quoting hostile arguments, a hostile role name;
#   - the interactive quiz on a pty;
#   - the full-screen app on a pty, driven through every tab, a profile, compare rows
#     and details, a questionnaire to its result, timelines, search with a hostile
#     query and help: only curses' own sequences (CSI, charset, keypad) reach the
#     terminal; no OSC, DCS, APC, PM, SOS, BEL, C1, bidi or zero-width character.
# Usage: Tests/e2e/hostile.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
data="$here/../Fixtures/hostile"
harness="$here/ptyharness.py"
work=$(mktemp -d)
trap 'remove_tree "$work"' EXIT
cd "$work"
export LANG=C.UTF-8 LC_ALL= COLUMNS=
unset NO_COLOR

# on_pty NAME OUTFILE STATUS [--step KEYS]... -- COMMAND...: runs COMMAND on a 100x30 pty
# with TERM=xterm-256color, saving the raw bytes to OUTFILE; passes when it exits STATUS.
on_pty() {
    local name=$1 out=$2 want=$3; shift 3
    local got
    got=$(TERM=${PTY_TERM:-xterm-256color} python3 "$harness" run --cols 100 --rows 30 --timeout 20 --out "$out" "$@" || true)
    if [ "$got" = "exit $want" ]; then pass "$name ($got)"; else fail "$name: $got, wanted exit $want" "$(head -c 2000 "$out" | cat -v)"; fi
}

# bytes_ok NAME FILE [check options]: the harness's byte check passes.
bytes_ok() {
    local name=$1 file=$2; shift 2
    local report
    if report=$(python3 "$harness" check "$file" "$@"); then pass "$name: $report"; else fail "$name" "$report"; fi
}

marks=(--expect "PWN" --expect "^[]0;PWN-title^G" --expect "<U+202E>PWN-evil" --expect "<U+009B>2J<U+009D>0;PWN-c1")

echo "Hostile content end-to-end ($data)"
expect_status "the hostile catalog is valid content" 0 "$work/validate" "$bin" --data "$data" validate

commands=("roles" "show pb" "show dt" "compare pb dt" "compare pb dt --only-differences" "quiz pick --answers 1,1,1"
          "quiz pick --answers 1,1,2" "quiz pick --answers 1,2" "quiz pick --answers 2" "quiz --list" "timeline pb"
          "timeline dt --week" "search PWN" "export" "plan --from analyst --to pb")
for command in "${commands[@]}"; do
    read -r -a args <<<"$command"
    for format in text markdown; do
        fmt=(--format "$format")
        out="$work/${args[0]}-$format"
        expect_status "$command --format $format, piped" 0 "$out" "$bin" --data "$data" "${args[@]}" "${fmt[@]}"
        if [ "$command" = "quiz --list" ]; then bytes_ok "  bytes" "$out" --plain; else bytes_ok "  bytes" "$out" --plain --expect PWN --expect "U+202E"; fi
        on_pty "$command --format $format, on a terminal" "$out.pty" 0 -- "$bin" --data "$data" "${args[@]}" "${fmt[@]}"
        bytes_ok "  bytes" "$out.pty" --plain
        PTY_TERM=dumb on_pty "$command --format $format, TERM=dumb" "$out.dumb" 0 -- "$bin" --data "$data" "${args[@]}" "${fmt[@]}"
        bytes_ok "  bytes" "$out.dumb" --plain
    done
    out="$work/${args[0]}.json"
    expect_status "$command --format json" 0 "$out" "$bin" --data "$data" "${args[@]}" --format json
    bytes_ok "  bytes" "$out" --plain
    check "  valid JSON with \\u escapes that decode to the hostile text" python3 - "$out" <<'PY'
import json, sys
raw = open(sys.argv[1], encoding="utf-8").read()
doc = json.loads(raw)
def strings(o):
    if isinstance(o, str): yield o
    elif isinstance(o, dict):
        for k, v in o.items(): yield k; yield from strings(v)
    elif isinstance(o, list):
        for v in o: yield from strings(v)
if "PWN" in raw:
    assert any(e in raw for e in ("\\u001b", "\\u009b", "\\u202e", "\\u200b")), "hostile characters arrive escaped"
    assert any(c in s for s in strings(doc) for c in "\x1b\x9b\u202e\u200b"), "and decode back to the content"
PY
done
profile="$work/show-text"
"$bin" --data "$data" show pb --format text >"$profile"
bytes_ok "show pb shows every hostile sequence" "$profile" --plain "${marks[@]}" --expect "^[]8;;https://evil.example/^[\\PWN-link" \
    --expect "^[]52;c;cm0gLXJmIH4K^G" --expect "^[P+q544e^[\\" --expect "^[[2J^[[H^[[31m" --expect "^[_PWN-apc^[\\" \
    --expect "<U+2066>iso<U+2069>" --expect "PWN<U+200B>zero<U+200C>width<U+200D><U+2060><U+FEFF><U+00AD>" \
    --expect "PWN-bs^H^H^HCR^MBEL^GDEL^?NUL^@VT^KFF^L" --expect "PWN<U+0085>nel<U+2028>ls<U+2029>ps"

# Sessions: a recorded walk through the hostile questionnaire, with a hostile candidate
# label and note, listed, shown and exported.
export ROLESCOPE_DATA_HOME="$work/sessions"
expect_status "record a session with a hostile candidate and note" 0 "$work/record" "$bin" --data "$data" sessions record pick \
    --steps 1,1,2 --candidate $'Ada\e]0;PWN-cand\a\u202e' --note $'2:note\e]52;c;eA==\a\u009b'
for command in "sessions list" "sessions show 1" "sessions export 1"; do
    read -r -a args <<<"$command"
    for format in text markdown json; do
        [ "$command" = "sessions export 1" ] && [ $format = text ] && continue
        out="$work/sessions-${args[1]}-$format"
        expect_status "$command --format $format" 0 "$out" "$bin" --data "$data" "${args[@]}" --format "$format"
        if [ $format = json ]; then bytes_ok "  bytes" "$out" --plain; else bytes_ok "  bytes" "$out" --plain --expect "PWN-cand"; fi
        on_pty "$command --format $format, on a terminal" "$out.pty" 0 -- "$bin" --data "$data" "${args[@]}" --format "$format"
        bytes_ok "  bytes" "$out.pty" --plain
    done
done
unset ROLESCOPE_DATA_HOME

# A search that finds nothing echoes the hostile query.
expect_status "search for a hostile query (no hits)" 1 "$work/search-none" "$bin" --data "$data" search $'nothing\e]0;PWN-q\a\u202e\u009b'
bytes_ok "  bytes" "$work/search-none" --plain --expect "nothing^[]0;PWN-q^G<U+202E><U+009B>"

# Errors that quote hostile text.
invalid="$work/invalid"
cp -r "$data" "$invalid"
cat >"$invalid/bad.yaml" <<'EOF'
role:
  id: "bad\e]0;PWN-id\a"
  title: "\e]52;c;cm0gLXJmIH4K\a"
  summary: s
  "colour\x9b31m": red
  values:
    "output\u202e":
      - text: t
        sources: ["alpha\e[2J"]
EOF
expect_status "validate with hostile ids" 65 "$work/invalid-out" "$bin" validate "$invalid"
bytes_ok "  bytes" "$work/invalid-out" --plain --expect "role id 'bad^[]0;PWN-id^G' is not a slug" --expect "colour<U+009B>31m" \
    --expect "output<U+202E>"
on_pty "validate with hostile ids, on a terminal" "$work/invalid-out.pty" 65 -- "$bin" validate "$invalid"
bytes_ok "  bytes" "$work/invalid-out.pty" --plain --expect "^[]0;PWN-id^G"
expect_status "the app refuses hostile invalid content" 65 "$work/invalid-app" "$bin" --data "$invalid"
bytes_ok "  bytes" "$work/invalid-app" --plain --expect "^[]0;PWN-id^G"
expect_status "a hostile --data path" 66 "$work/path" "$bin" --data $'/nonexistent/\e]0;PWN-path\a\u202e' roles
bytes_ok "  bytes" "$work/path" --plain --expect "/nonexistent/^[]0;PWN-path^G<U+202E>: no such directory"
expect_status "a hostile unknown option" 64 "$work/option" "$bin" roles $'--\e]0;PWN-opt\a'
bytes_ok "  bytes" "$work/option" --plain --expect "^[]0;PWN-opt^G"
expect_status "a hostile --format value" 64 "$work/format" "$bin" roles --format $'\e]2;PWN-fmt\a\u009d'
bytes_ok "  bytes" "$work/format" --plain --expect "^[]2;PWN-fmt^G<U+009D>"
expect_status "a hostile role name" 64 "$work/role" "$bin" --data "$data" show $'\e[2J\u202ePWN-role'
bytes_ok "  bytes" "$work/role" --plain --expect "^[[2J<U+202E>PWN-role"
expect_status "a hostile --answers value" 64 "$work/answers" "$bin" --data "$data" quiz --answers $'1,\e]0;PWN-ans\a'
bytes_ok "  bytes" "$work/answers" --plain --expect "^[]0;PWN-ans^G"
expect_status "an out-of-range answer quotes a hostile question" 64 "$work/range" "$bin" --data "$data" quiz --answers 9
bytes_ok "  bytes" "$work/range" --plain --expect "PWN"
on_pty "a hostile unknown option, on a terminal" "$work/option.pty" 64 -- "$bin" roles $'--\e]0;PWN-opt\a'
bytes_ok "  bytes" "$work/option.pty" --plain --expect "^[]0;PWN-opt^G"

# The interactive quiz prints questions and answers as they are asked.
on_pty "interactive quiz on a terminal" "$work/quiz.pty" 0 --step '1\r' --step '9\r' --step 'b\r' --step '1\r' --step '1\r' \
    --step '2\r' -- "$bin" --data "$data" quiz pick
bytes_ok "  bytes" "$work/quiz.pty" --plain "${marks[@]}" --expect "Type a number from 1 to 2"

# The full-screen app, through every screen.
app_steps=(--step 'j' --step '\r' --step '\x1b[6~' --step '\x1b[6~' --step ']' --step 'q'
           --step '2' --step 'j' --step 'j' --step '\r' --step '\x1b[6~' --step '\x1b' --step 'd' --step 's' --step 'r' --step '\x1b'
           --step '3' --step '\r' --step '1' --step '1' --step '1' --step '\x1b[6~' --step '\x7f' --step '2' --step '['
           --step '4' --step 'j' --step '\r' --step '\x1b' --step 'c' --step 'w'
           --step '/' --step 'PWN\u202e\u200b\ufeff\u2066\u009b\u009d' --step '\x1b[B' --step '\r' --step '/' --step 'zz\u2066\u0085' --step '\x1b'
           --step '?' --step '\x1b[6~' --step '\x1b'
           --step 'q' --step 'q' --step 'q' --step 'q' --step 'q' --step 'q' --step 'q' --step 'q')
for setting in "xterm-256color C.UTF-8" "xterm C.UTF-8" "vt100 C" "screen-256color C.UTF-8"; do
    read -r term lang <<<"$setting"
    out="$work/app-$term-$lang.pty"
    LANG=$lang PTY_TERM=$term on_pty "full-screen app, TERM=$term LANG=$lang" "$out" 0 "${app_steps[@]}" -- "$bin" --data "$data"
    if [ "$lang" = C ]; then
        bytes_ok "  only curses' own escape sequences" "$out" --expect "PWN" --expect "^[]0;PWN-title^G" --expect "<U+202E>PWN-evil"
    else
        bytes_ok "  only curses' own escape sequences" "$out" "${marks[@]}" --expect "Search: PWN<U+202E><U+200B><U+FEFF><U+2066>"
    fi
done
PTY_TERM=dumb on_pty "TERM=dumb: the plain overview, not the app" "$work/app-dumb.pty" 0 -- "$bin" --data "$data"
bytes_ok "  bytes" "$work/app-dumb.pty" --plain --expect "PWN" --expect "^[]0;PWN-title^G"

summary
