#!/usr/bin/env bash
# End-to-end checks of the full-screen app in a real terminal (tmux): every tab, a
# questionnaire to its result and back, timelines side by side, search, help, resize to
# "too small" and back, quitting with q and with SIGTERM, and the terminal settings
# (stty -g) unchanged afterwards.
# Usage: Tests/e2e/tui.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock="rolescope-e2e-$$"
cleanup() { tm kill-server 2>/dev/null || true; remove_tree "$work"; }
trap cleanup EXIT

start_app() {
    # A shell records the terminal settings, runs the app, and records them again.
    tm send-keys -t e2e "stty -g > $work/stty.before; TERM=tmux-256color LANG=C.UTF-8 $bin $*; stty -g > $work/stty.after; echo APP-EXITED" Enter
}

echo "Full-screen app end-to-end in tmux (100x30)"
tm new-session -d -s e2e -x 100 -y 30 "env -i PATH=$PATH HOME=$work XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TERM=tmux-256color bash --norc --noprofile"
tm set-option -t e2e status off >/dev/null
sleep 0.3
start_app
wait_for "opens on the Roles tab" "1 Roles"
wait_for "role list shows every role" "Data Scientist"
wait_for "preview shows pay with its source" "[JoinAI]"
keys Enter
wait_for "Enter opens the profile" "Roles › AI Engineer"
keys P
wait_for "P on the profile opens the plan into its role" "Plan › From Software engineer to AI Engineer"
keys q
wait_for "q goes back from the plan to the profile" "Roles › AI Engineer"
keys q
wait_for "q goes back to the list" "Enter open profile"

keys 2
wait_for "2 opens Compare" "Compare ›"
keys 3
wait_for "3 opens the questionnaire chooser" "Which role do I need?"
keys j Enter
wait_for "a questionnaire starts" "Why we ask"
answer 2 1 1
wait_for "answers lead to a result" "Recommended"
wait_for "hiring 2,1,1 ends at AI Engineer" "AI Engineer"
wait_for "the result explains why" "This result follows because"
keys BSpace
wait_for "Backspace returns to the last question" "Question 3"
answer 1
wait_for "answering again returns to the result" "Recommended"

# P: the plan into the recommended role, over the result; ] changes the background, e
# exports it (never over an existing file without asking), Esc comes back to the result.
keys P
wait_for "P opens the plan into the recommended role" "Plan › From Software engineer to AI Engineer"
wait_for "the plan says how long the move takes" "about three months"
wait_for "the plan cites its sources" "[JoinAI, A.Team]"
wait_for "the picker marks backgrounds with a plan" "✓ has a plan into AI Engineer"
keys ']'
wait_for "] changes the background" "Plan › From Data analyst to AI Engineer"
keys e
wait_for "e asks where to export the plan" "rolescope-plan-data-analyst-to-ai-engineer.md"
keys C-u
keys -l "$work/plan.md"
keys Enter
wait_for "the export is saved" "Saved to $work/plan.md"
contains "the exported plan is titled with the move" "$work/plan.md" "# From Data analyst to AI Engineer"
contains "the exported plan lists what to learn" "$work/plan.md" "What to learn, in order"
contains "the exported plan says how long" "$work/plan.md" "How long"
contains "the exported plan names its sources in full" "$work/plan.md" "AI Engineer vs Machine Learning Engineer vs Data Scientist (2026)"
keys e C-u
keys -l "$work/plan.md"
keys Enter
wait_for "exporting onto the same file asks first" "Replace it?"
keys n Escape
absent "n keeps the file and Esc cancels the prompt" "Export to (Markdown)"
keys Escape
wait_for "Esc goes back to the result" "Recommended"
absent "the plan is closed" "Plan › From"

keys 4
wait_for "4 opens the timeline" "Timeline ›"
wait_for "the day has an hour axis" "09:00"
keys c
wait_for "c shows two days side by side" "› Days"
keys c
keys w
wait_for "w reports a missing week" "No week for"

keys /
keys -l reranker
wait_for "search finds matches, and says which is selected" "1 of "
keys Enter
wait_for "Enter jumps to the first hit's profile" "Roles › AI Engineer"
wait_for "scrolled to the dimension that matched" "Areas of day-to-day work"
keys n n
wait_for "n steps to later hits (a timeline entry)" "Timeline ›"

keys '?'
wait_for "? opens help" "Help"
wait_for "help lists the screen's keys first" "Keys for"
keys G
wait_for "help scrolls to the keys that work everywhere" "quit at once"
keys x
absent "any key closes help" "Any other key closes this help."

tm resize-window -t e2e -x 40 -y 12
wait_for "40x12 shows too small" "too small"
tm resize-window -t e2e -x 100 -y 30
wait_for "enlarging recovers" "1 Roles"

# q quits from a tab's top (Esc walks back through the tabs visited).
keys q
wait_for "q quits from the top" "APP-EXITED"
check "stty unchanged after q" cmp -s "$work/stty.before" "$work/stty.after"

# SIGTERM while running restores the terminal too.
tm send-keys -t e2e clear Enter
start_app
wait_for "app restarted" "1 Roles"
pid=$(pgrep -n -f "^$bin\$" || pgrep -n -f "$bin")
kill -TERM "$pid"
wait_for "SIGTERM ends the app" "APP-EXITED"
check "stty unchanged after SIGTERM" cmp -s "$work/stty.before" "$work/stty.after"

summary
