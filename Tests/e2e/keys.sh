#!/usr/bin/env bash
# End-to-end checks of the one interaction model, in tmux: a digit switches tabs on every
# screen (a recorded interview gets no stray answer, a rating stays as it was), the
# terminal cursor sits on the focused item, the app remembers its view (quit, SIGTERM,
# --fresh), and the config file's keys and errors.
# Usage: Tests/e2e/keys.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock="rolescope-keys-$$"
cleanup() { tm kill-server 2>/dev/null || true; remove_tree "$work"; }
trap cleanup EXIT

env_vars="HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config TERM=tmux-256color LANG=C.UTF-8"
start_app() {
    tm send-keys -t e2e "clear; stty -g > $work/stty.before; $bin $*; echo \"APP-STATUS=\$?\"; stty -g > $work/stty.after; echo APP-EXITED" Enter
    sleep 0.2
}
cursor() { tm display -p -t e2e '#{cursor_x} #{cursor_y}'; }
# line_at_cursor: the screen's line the cursor is on.
line_at_cursor() { local y; y=$(cursor | cut -d' ' -f2); screen | sed -n "$((y + 1))p"; }
# on_focus NAME TEXT: the cursor's line holds TEXT (the focused item).
on_focus() {
    sleep 0.2
    if line_at_cursor | grep -qF -- "$2"; then pass "$1 (cursor at $(cursor))"
    else fail "$1: cursor at $(cursor), on \"$(line_at_cursor)\", not on \"$2\"" "$(screen)"; fi
}
answers_of() { env $env_vars "$bin" sessions show "$1" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["answers"]))'; }

mkdir -p "$work/config/rolescope"
tm new-session -d -s e2e -x 100 -y 30 "env -i PATH=$PATH $env_vars bash --norc --noprofile"
tm set-option -t e2e status off >/dev/null
sleep 0.3

echo "A digit switches tabs on a question screen, and records no answer"
start_app
wait_for "the app starts on Roles" "1 Roles"
keys 3
wait_for "3 opens the questionnaires" "Choose a questionnaire"
keys S
wait_for "S asks for a candidate" "Candidate (optional)"
keys -l "Kim"
keys Enter
wait_for "the session starts on question 1" "Question 1"
answer 2
wait_for "one answer given" "Question 2"
sleep 0.3
before=$(answers_of 1)
check "the session holds one answer" [ "$before" = 1 ]
for digit in 1 2 4 5; do
    keys "$digit"
    case $digit in
        1) wait_for "1 on a question opens Roles" "Enter open profile" ;;
        2) wait_for "2 on a question opens Compare" "Compare ›" ;;
        4) wait_for "4 on a question opens Timeline" "Timeline ›" ;;
        5) wait_for "5 on a question opens Skills" "Skills ›" ;;
    esac
    keys 3
    wait_for "3 comes back to the same question" "Question 2"
done
sleep 0.3
after=$(answers_of 1)
check "the session still holds one answer after 1-5 ($after)" [ "$after" = 1 ]
wait_for "the earlier answer is still in the trail" "Your answers so far"

echo "A digit switches tabs on the Skills rating page, and rates nothing"
keys 5
wait_for "Skills opens" "Rate yourself"
keys + +
wait_for "+ twice rates the first skill basic" "1 of 21 skills rated"
for digit in 1 2 3 4; do
    keys "$digit" 5
done
wait_for "back on Skills" "Rate yourself"
wait_for "still one skill rated, the same one" "1 of 21 skills rated"
wait_for "rated basic, as before" "basic: "

echo "The cursor follows the focus"
keys 1
keys g
on_focus "Roles: on the first role" "AI Engineer"
keys j
on_focus "Roles: j moves it to the second role" "Data Engineer"
keys j
on_focus "Roles: and the third" "Data Scientist"
keys 3
keys q
wait_for "q on a question goes to the chooser" "Choose a questionnaire"
keys g
on_focus "Questionnaire chooser: on the first questionnaire" "Which path fits me?"
keys j
on_focus "Questionnaire chooser: j moves to the second" "Which role do I need?"
keys Enter
wait_for "a questionnaire starts" "Why we ask"
on_focus "Question: on the first answer" "1. "
keys j
on_focus "Question: j moves to the second answer" "2. "
keys j
on_focus "Question: and the third" "3. "
keys 2
wait_for "Compare opens" "Compare ›"
keys g
on_focus "Compare: on the first row" "Primary output"
keys G
on_focus "Compare: G puts it on the last row" "▶"
y1=$(cursor | cut -d' ' -f2)
keys k
on_focus "Compare: k moves to the row above" "▶"
y2=$(cursor | cut -d' ' -f2)
check "Compare: the cursor moved up with the row ($y1 -> $y2)" [ "$y2" -lt "$y1" ]
keys 4
wait_for "Timeline opens" "Timeline ›"
keys g
on_focus "Timeline: on the first entry" "▶"
keys j
on_focus "Timeline: j moves to the next entry" "▶"
y3=$(cursor | cut -d' ' -f2)
keys j
y4=$(cursor | cut -d' ' -f2)
check "Timeline: the cursor moves down with the selection ($y3 -> $y4)" [ "$y4" -gt "$y3" ]
keys 5
keys g
on_focus "Skills: on the first skill" "Python"
keys j
on_focus "Skills: j moves to the next skill" "SQL"

echo "The app remembers its view"
keys 4
keys ']'
wait_for "] shows the second role's day" "Timeline › Data Engineer"
keys q
wait_for "q quits" "APP-EXITED"
check "stty unchanged after q" cmp -s "$work/stty.before" "$work/stty.after"
check "the view is saved" test -s "$work/state/rolescope/state.yaml"
start_app
wait_for "the next start opens on that timeline" "Timeline › Data Engineer"
# Kim's session is unfinished: the app offers to resume it, over the view it restored.
wait_for "the unfinished session is offered" "Resume session"
keys n
keys 3
wait_for "the questionnaire in progress is remembered" "Which role do I need?"
keys 5
wait_for "the rating made in the app survives a restart" "1 of 21 skills rated"
wait_for "  on the same skill, at the same step" "▶ Python                           ██░░░░░░ basic"
quit_app
start_app --fresh
wait_for "the unfinished session is offered again" "Resume session"
keys n
wait_for "--fresh opens on Roles" "Enter open profile"
absent "--fresh does not open the timeline" "Timeline › Data Engineer"
keys 4 ']' ']'
wait_for "the third role's day" "Timeline › Data Scientist"
# The app this pane runs (a child of its shell), not another rolescope on the machine.
shell_pid=$(tm list-panes -t e2e -F '#{pane_pid}')
app=$(pgrep -P "$shell_pid" -f "^$bin" | head -1 || true)
check "the app is running" [ -n "$app" ]
kill -TERM "$app"
wait_for "SIGTERM ends the app" "APP-EXITED"
check "stty unchanged after SIGTERM" cmp -s "$work/stty.before" "$work/stty.after"
if grep -q "APP-STATUS=143" <(screen); then pass "SIGTERM: exit status 143 (the signal)"; else fail "SIGTERM: exit status" "$(screen | tail -5)"; fi
start_app
wait_for "the view SIGTERM saved opens next" "Timeline › Data Scientist"
keys n
quit_app
printf 'tab: [' > "$work/state/rolescope/state.yaml"
start_app
wait_for "an unreadable state file does not stop the app" "1 Roles"
keys n
wait_for "and says so in one line" "last view not restored"
check "the unreadable file is set aside" test -f "$work/state/rolescope/state.yaml.unreadable"
quit_app

echo "Keys from the config file"
printf 'keys:\n  help: [H]\n' > "$work/config/rolescope/config.yaml"
start_app
wait_for "the app starts with a config" "1 Roles"
keys n
keys H
wait_for "H opens help" "Keys for Roles"
wait_for "help shows H for help" "H  help"
keys Escape
keys '?'
absent "? no longer opens help" "Keys for Roles"
keys q
wait_for "the app quits" "APP-EXITED"
printf 'keys:\n  help: [H]\n  hepl: [x]\n' > "$work/config/rolescope/config.yaml"
start_app
wait_for "an unknown action stops the start" "APP-EXITED"
wait_for "with the file, line and column" "config.yaml:3:3: unknown action 'hepl'"
wait_for "and a hint" "hint: "
wait_for "exit 78" "APP-STATUS=78"
check "stty unchanged" cmp -s "$work/stty.before" "$work/stty.after"
expect_status "config --check names the problem" 78 "$work/check.out" env $env_vars "$bin" config --check
contains "config --check says where" "$work/check.out" "config.yaml:3:3: unknown action 'hepl'"
printf 'keys:\n  help: [q]\n' > "$work/config/rolescope/config.yaml"
expect_status "a key bound to two actions is refused" 78 "$work/clash.out" env $env_vars "$bin" config --check
contains "the clash names both actions" "$work/clash.out" "'q' is bound to both quit and help"
rm "$work/config/rolescope/config.yaml"
expect_status "config prints the settings in effect" 0 "$work/config.out" env $env_vars "$bin" config
contains "config lists every action by name" "$work/config.out" "  next-hit: [n]"
cp "$work/config.out" "$work/config/rolescope/config.yaml"
expect_status "the printed config is itself a valid config" 0 "$work/check2.out" env $env_vars "$bin" config --check

summary
