#!/usr/bin/env bash
# End-to-end checks in tmux of what the app adds for interviews: --hide-pay and the $ key
# (every tab captured, no pay figure on any of them).
# Usage: Tests/e2e/sessions-ui.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock="rolescope-sessions-ui-$$"
tm() { tmux -L "$sock" "$@"; }
cleanup() { tm kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

screen() { tm capture-pane -t e2e -p; }

wait_for() {
    local name=$1 text=$2
    for _ in $(seq 1 50); do
        if screen | grep -qF -- "$text"; then pass "$name"; return 0; fi
        sleep 0.1
    done
    fail "$name: \"$text\" not on screen" "$(screen)"
}

# no_figure NAME: no "$" followed by a digit anywhere on screen.
no_figure() {
    sleep 0.3
    if screen | grep -qE '\$[0-9]'; then fail "$1: a pay figure is on screen" "$(screen | grep -E '\$[0-9]')"; else pass "$1"; fi
}

keys() { tm send-keys -t e2e "$@"; sleep 0.15; }

export_env="env -i PATH=$PATH HOME=$work ROLESCOPE_DATA_HOME=$work/data TERM=tmux-256color LANG=C.UTF-8"
start_app() { tm send-keys -t e2e "$bin $*; echo APP-EXITED" Enter; }

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
keys q q q q q
wait_for "the app quits" "APP-EXITED"

summary
