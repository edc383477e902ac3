#!/usr/bin/env bash
# End-to-end checks in tmux of what the app adds for interviews: --hide-pay and the $ key
# (every tab captured, no pay figure on any of them), and a recorded session that survives
# SIGKILL: start (S, a candidate's name), answer, note (n), change an answer via the trail,
# kill -9, restart, resume, finish; then `sessions export` holds all of it. The data lives
# in a temporary ROLESCOPE_DATA_HOME. SIGKILL cannot be caught, so the app cannot restore
# the terminal: the script runs `stty sane` in the pane afterwards.
# Usage: Tests/e2e/sessions-ui.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock="rolescope-sessions-ui-$$"
cleanup() { tm kill-server 2>/dev/null || true; remove_tree "$work"; }
trap cleanup EXIT

# no_figure NAME: no "$" followed by a digit anywhere on screen.
no_figure() {
    sleep 0.3
    if screen | grep -qE '\$[0-9]'; then fail "$1: a pay figure is on screen" "$(screen | grep -E '\$[0-9]')"; else pass "$1"; fi
}

export_env="env -i PATH=$PATH HOME=$work ROLESCOPE_DATA_HOME=$work/data TERM=tmux-256color LANG=C.UTF-8"
# --fresh: each start opens on Roles, whatever view the last one quit on.
start_app() { tm send-keys -t e2e "$bin --fresh $*; echo APP-EXITED" Enter; }

echo "Hide pay in the full-screen app (tmux, 120x40)"
tm new-session -d -s e2e -x 120 -y 40 "$export_env bash --norc --noprofile"
tm set-option -t e2e status off >/dev/null
sleep 0.3

start_app --hide-pay
wait_for "--hide-pay says so in the header" "pay hidden"
wait_for "the preview's pay reads hidden" "hidden (press \$ to show)"
no_figure "Roles: no figure in the preview"
for role in 1 2 3 4; do
    keys Enter
    for _ in $(seq 1 40); do keys PgDn; done
    no_figure "Roles: profile $role paged to its end has no figure"
    keys q j
done
keys 2
wait_for "Compare opens" "Compare ›"
# Page through the whole table, capturing every page.
seen_hidden=no; seen_figure=no
for _ in $(seq 1 25); do
    sleep 0.2
    page=$(screen)
    printf '%s' "$page" | grep -qF "hidden [JoinAI]" && seen_hidden=yes
    printf '%s' "$page" | grep -qE '\$[0-9]' && seen_figure=yes
    keys PgDn
done
check "Compare: no figure on any page" [ "$seen_figure" = no ]
check "Compare: the pay row reads hidden" [ "$seen_hidden" = yes ]
keys 3
wait_for "Questionnaire opens" "Questionnaire"
no_figure "Questionnaire: no figure"
keys 4
wait_for "Timeline opens" "Timeline ›"
no_figure "Timeline: no figure"
keys '$'
keys 2
wait_for "\$ shows pay again" "Compare ›"
sleep 0.3
if screen | grep -qF "pay hidden"; then fail "\$ turns hiding off" "$(screen | head -3)"; else pass "\$ turns hiding off"; fi
quit_app
wait_for "the app quits" "APP-EXITED"

echo "A session survives SIGKILL"
tm send-keys -t e2e "clear" Enter
start_app
wait_for "the app starts with no resume offer" "1 Roles"
keys 3
wait_for "the questionnaire chooser shows" "Which path fits me?"
keys S
wait_for "S asks for a candidate" "Candidate (optional)"
keys -l "Ada Lovelace"
keys Enter
wait_for "the session starts" "(Ada Lovelace)"
wait_for "the first question shows" "Question 1"
answer 1
wait_for "answered the first question" "Question 2"
keys a
wait_for "a opens the note editor, on the answer just given" "Note on your answer 1 to question 1"
wait_for "the note's prompt shows the whole question" "products on models others trained?\""
keys -l "Hesitated between data and models"
keys Enter
keys -l "then chose models"
keys C-s
wait_for "the note is saved, and the screen says so" "Note saved on answer 1"
wait_for "the note shows under its answer" "Note: Hesitated between data and models"
wait_for "every line of it" "then chose models"
wait_for "the answer carries a mark" "(note)"
keys '[' '[' Enter
wait_for "the trail re-opens the first question" "Question 1"
answer 2
wait_for "the changed answer leads on" "Question 2"
sleep 0.3
shell_pid=$(tm list-panes -t e2e -F '#{pane_pid}')
app=$(pgrep -P "$shell_pid" -f rolescope | head -1)
check "the app is running" [ -n "$app" ]
kill -KILL "$app"
wait_for "SIGKILL ends the app" "APP-EXITED"
# SIGKILL cannot be handled, so curses never restored the terminal: restore it here.
tm send-keys -t e2e "stty sane; clear" Enter
sleep 0.3
start_app
wait_for "the restart offers to resume" "Resume session"
wait_for "the offer names the candidate" "for Ada Lovelace"
keys Enter
wait_for "Enter resumes at the next question" "Question 2"
answer 1
sleep 0.3
keys a
wait_for "a note on the answer just given (question 2's)" "Note on your answer 1 to question 2"
keys -l "Strong on evals"
keys C-s
wait_for "the note shows beside its answer in the trail" "Note: Strong on evals"
for _ in 1 2 3 4; do
    if screen | grep -qF "› Result"; then break; fi
    answer 1
    sleep 0.2
done
wait_for "the walk finishes" "› Result"
keys ']' ']'
wait_for "the note shows on the result, under its answer" "Note: Strong on evals"
quit_app
wait_for "the app quits" "APP-EXITED"

echo "Export what is on screen"
tm send-keys -t e2e "clear; cd $work" Enter
start_app
wait_for "the app starts" "1 Roles"
keys 2
wait_for "Compare opens" "Compare ›"
keys e
wait_for "e asks for a file name, prefilled" "rolescope-compare-"
keys Enter
wait_for "the header says where it went" "Saved to"
name=$(ls "$work" | grep '^rolescope-compare-.*\.md$' | head -1 || true)
check "the file is written" [ -n "$name" ]
roles=$(printf '%s' "$name" | sed -n 's/^rolescope-compare-\(.*-engineer\|.*-scientist\)-\(.*\)\.md$/\1 \2/p')
if [ -n "$name" ] && [ -n "$roles" ]; then
    # shellcheck disable=SC2086
    $export_env "$bin" compare $roles --format markdown > "$work/cli.md" 2>/dev/null || true
    check "the file matches the CLI's Markdown" cmp -s "$work/$name" "$work/cli.md"
fi
keys e Enter
wait_for "an existing file is not replaced silently" "Replace it?"
keys y
wait_for "y replaces it" "Saved to"
quit_app
wait_for "the app quits" "APP-EXITED"

tm send-keys -t e2e "clear" Enter
start_app
wait_for "a finished session is not offered again" "1 Roles"
if screen | grep -qF "Resume session"; then fail "no resume offer after finishing" "$(screen)"; else pass "no resume offer after finishing"; fi
keys L
wait_for "L lists past sessions" "Past sessions"
wait_for "the list shows the finished session" "Ada Lovelace"
keys Enter
wait_for "Enter reopens it read-only" "read-only"
wait_for "the header keeps the candidate" "(Ada Lovelace) · read-only"
keys ']' ']'
wait_for "the reopened session shows its note" "Note: Strong on evals"
keys R
wait_for "changing it offers a new session instead" "Start a new session?"
keys n
wait_for "n keeps it as it was" "read-only"
quit_app
wait_for "the app quits" "APP-EXITED"

id=$($export_env "$bin" sessions list --format json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["sessions"] if isinstance(d,dict) else d; print(s[0]["id"])' || echo "")
check "the session is listed" [ -n "$id" ]
$export_env "$bin" sessions export "$id" --format markdown > "$work/export.md" 2>&1 || true
contains "export names the candidate" "$work/export.md" "Ada Lovelace"
contains "export has the note" "$work/export.md" "Hesitated between data and models"
contains "export has the note on the answer just given" "$work/export.md" "Strong on evals"
contains "export shows the change" "$work/export.md" "Changed from"
contains "export has the outcome" "$work/export.md" "Outcome"
if grep -qi "unfinished" "$work/export.md"; then fail "the session is finished" "$(head -20 "$work/export.md")"; else pass "the session is finished"; fi

echo "The self-assessment (Skills tab) stored with a running session"
tm send-keys -t e2e "clear; cd $work" Enter
start_app
wait_for "the app starts" "5 Skills"
keys 3
wait_for "the questionnaire chooser shows" "Which path fits me?"
keys S
wait_for "S asks for a candidate" "Candidate (optional)"
keys -l "Grace Hopper"
keys Enter
wait_for "the session starts" "(Grace Hopper)"
# The digits switch tabs on a question too: 5 is the Skills tab.
keys 5
wait_for "5 reaches the Skills tab" "Rate yourself · 0 of 21 skills rated"
wait_for "the selected step is explained" "Not rated: left out of every fit"
# Python (the 1st skill) advanced, ML modelling (the 4th) basic.
keys g
wait_for "g moves to Python, with its sources' own scale" "H2K: High on Medium < High (= advanced)"
keys + + + +
wait_for "+ four times rates it advanced (none, basic, intermediate, advanced)" "1 of 21 skills rated"
wait_for "the step is explained for this skill" "advanced: Structures larger code bases"
for _ in $(seq 1 3); do keys j; done
wait_for "j moves to ML modelling" "ML modelling · Choosing, training"
keys + +
wait_for "+ twice rates it basic" "2 of 21 skills rated"
keys Enter
wait_for "Enter shows the fit by role" "Fit by role · 2 of 21 skills rated"
# AI Engineer: Python advanced (3) of advanced, ML modelling basic (1) of intermediate (2):
# 5 levels needed, 1 short, 4 of 5 = 80%.
wait_for "AI Engineer fits 80%, in whole levels" "4 of the 5 levels needed"
wait_for "its gap is in plain words" "you: Basic; AI Engineer needs Intermediate"
wait_for "the gaps are drawn for the chosen role" "Gaps to close for AI Engineer"
wait_for "the assessment is stored with the session" "stored with session #"
keys e
wait_for "e offers a file name for the assessment" "rolescope-self-assessment.md"
keys Enter
wait_for "the assessment is exported" "Saved to"
$export_env "$bin" assess --rate python=advanced --rate ml-modelling=basic --format markdown > "$work/assess-cli.md" 2>/dev/null || true
check "the export matches rolescope assess --format markdown" cmp -s "$work/rolescope-self-assessment.md" "$work/assess-cli.md"
quit_app
wait_for "the app quits" "APP-EXITED"
id=$($export_env "$bin" sessions list --format json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["sessions"] if isinstance(d,dict) else d; print(s[0]["id"])' || echo "")
$export_env "$bin" sessions export "$id" --format markdown > "$work/export-assess.md" 2>&1 || true
contains "sessions export has the self-assessment" "$work/export-assess.md" "Self-assessment ("
contains "sessions export has a rating" "$work/export-assess.md" "ML modelling"
contains "sessions export has the fit's working" "$work/export-assess.md" "Levels needed: 3 + 2 = 5. Levels short: 0 + 1 = 1."
tm send-keys -t e2e "clear" Enter
start_app
wait_for "the restart offers to resume the session" "for Grace Hopper"
keys Enter
keys 5
wait_for "the resumed session brings its ratings back" "Rate yourself · 2 of 21 skills rated"
quit_app
wait_for "the app quits" "APP-EXITED"

summary
