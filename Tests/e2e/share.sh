#!/usr/bin/env bash
# End-to-end checks of sharing from the app, in tmux: y copies the focused thing to the
# clipboard through OSC 52 (tmux's paste buffer with set-clipboard on), a terminal without
# it is told to export instead, and e exports a role profile in the format chosen.
# Usage: Tests/e2e/share.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock="rolescope-share-$$"
cleanup() { tm kill-server 2>/dev/null || true; remove_tree "$work"; }
trap cleanup EXIT
env_vars="HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config LANG=C.UTF-8"

tm new-session -d -s e2e -x 100 -y 30 "env -i PATH=$PATH $env_vars TERM=tmux-256color bash --norc --noprofile"
tm set-option -t e2e status off >/dev/null
tm set-option -g set-clipboard on >/dev/null
sleep 0.3

echo "y copies through OSC 52"
tm send-keys -t e2e "cd $work; clear; $bin --fresh; echo APP-EXITED" Enter
wait_for "the app starts" "1 Roles"
keys j y
wait_for "y says what it copied" "Copied Data Engineer's profile"
tm show-buffer > "$work/buffer.txt" 2>/dev/null || true
contains "the selected role's profile is in tmux's paste buffer" "$work/buffer.txt" "DATA ENGINEER"
contains "the whole profile, as rolescope show prints it" "$work/buffer.txt" "Also known as: de"
keys 2 y
wait_for "on Compare, y copies the cursor's row" "Copied the Primary output row"
tm show-buffer > "$work/row.txt" 2>/dev/null || true
contains "the row with its sources" "$work/row.txt" "Primary output"

echo "e exports a profile in the format chosen"
keys 1 Enter
wait_for "the profile opens" "Roles › Data Engineer"
keys e
wait_for "e asks where, as Markdown" "Export as Markdown"
wait_for "the name is suggested" "rolescope-data-engineer.md"
keys Tab
wait_for "Tab changes the format to text" "Export as text"
wait_for "and the name's extension" "rolescope-data-engineer.txt"
keys Enter
wait_for "the text file is saved" "Saved to $work/rolescope-data-engineer.txt"
env $env_vars "$bin" show data-engineer > "$work/show.txt"
check "the file is what rolescope show prints" cmp -s "$work/rolescope-data-engineer.txt" "$work/show.txt"
keys e Tab Tab
wait_for "Tab again: JSON" "rolescope-data-engineer.json"
keys Enter
wait_for "the JSON file is saved" "Saved to $work/rolescope-data-engineer.json"
check "it is JSON for the role" python3 -c "import json,sys; d=json.load(open('$work/rolescope-data-engineer.json')); sys.exit(0 if 'data-engineer' in json.dumps(d) else 1)"
keys q
quit_app
wait_for "the app quits" "APP-EXITED"

echo "A terminal that does not take copies"
tm send-keys -t e2e "clear; TERM=screen $bin --fresh; echo APP-EXITED" Enter
wait_for "the app starts under TERM=screen" "1 Roles"
keys y
wait_for "y says the terminal cannot and offers e" "does not take copies (OSC 52): e exports"
quit_app
wait_for "the app quits" "APP-EXITED"

echo "Help names the mouse"
tm send-keys -t e2e "clear; $bin --fresh; echo APP-EXITED" Enter
wait_for "the app starts" "1 Roles"
keys '?' G
wait_for "help says how to turn the mouse off" "--no-mouse"
keys Escape
quit_app

summary
