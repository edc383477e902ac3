#!/usr/bin/env bash
# End-to-end checks of search: the command line (whole words, synonyms, marks, JSON
# places and ranges) and the app in tmux, where Enter and n walk every hit back to the
# first, each landing with the searched word on screen, marked, and "hit k of N".
# Usage: Tests/e2e/search.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
sock="rolescope-search-$$"
cleanup() { tm kill-server 2>/dev/null || true; remove_tree "$work"; }
trap cleanup EXIT
env_vars="HOME=$work XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config TERM=tmux-256color LANG=C.UTF-8"

echo "rolescope search"
"$bin" search RAG --format json > "$work/rag.json"
check "every RAG hit holds RAG (or its synonym) as a whole word, never inside average or leverage" python3 - "$work/rag.json" <<'EOF'
import json, re, sys
hits = json.load(open(sys.argv[1]))["hits"]
ok = len(hits) > 0
for hit in hits:
    for m in hit["matches"]:
        text = hit["text"][m["start"]:m["end"]]
        ok &= text == m["text"] and re.fullmatch(r"(?i)rag|retrieval.augmented generation", text) is not None
        before = hit["text"][m["start"] - 1:m["start"]] if m["start"] else " "
        after = hit["text"][m["end"]:m["end"] + 1] or " "
        ok &= not before.isalnum() and not after.isalnum()
    ok &= bool(hit["place"]) and bool(hit["target"])
sys.exit(0 if ok else 1)
EOF
"$bin" search k8s > "$work/k8s.txt"
contains "search k8s finds Kubernetes" "$work/k8s.txt" "*Kubernetes*"
"$bin" search '"A/B test"' --format markdown > "$work/ab.md"
contains "Markdown marks the match in bold" "$work/ab.md" "**A/B test"
contains "hits are grouped by place" "$work/ab.md" "## Role profiles"
expect_status "no hit exits 1" 1 "$work/none.txt" "$bin" search average-leverage-nothing
"$bin" search Airflow role:de in:profile > "$work/filter.txt"
if grep -q "Questionnaire results\|Timelines" "$work/filter.txt"; then fail "in: keeps one kind of place" "$(cat "$work/filter.txt")"; else pass "in: keeps one kind of place"; fi
contains "role: keeps one role's places" "$work/filter.txt" "Data Engineer ›"
mkdir -p "$work/content"
cp -r "$here/../../assets/." "$work/content/"
printf 'synonyms:\n  - terms: [k8s]\n' > "$work/content/synonyms.yaml"
expect_status "a broken synonyms file is refused like any content (65)" 65 "$work/syn.txt" "$bin" --data "$work/content" search k8s
contains "with its file and line" "$work/syn.txt" "synonyms.yaml:2:"

echo "Search in the app (tmux, 100x30)"
tm new-session -d -s e2e -x 100 -y 30 "env -i PATH=$PATH $env_vars bash --norc --noprofile"
tm set-option -t e2e status off >/dev/null
sleep 0.3
tm send-keys -t e2e "clear; $bin --fresh; echo APP-EXITED" Enter
wait_for "the app starts" "1 Roles"
for query in Airflow Kubernetes evals; do
    expected=$("$bin" search "$query" --format json | python3 -c 'import json,sys; print(sum(1 for h in json.load(sys.stdin)["hits"] if h["place"] != "source"))')
    keys /
    keys -l "$query"
    wait_for "/$query lists its hits" "1 of $expected"
    keys Enter
    places=""
    good=0
    for k in $(seq 1 "$expected"); do
        wait_for "/$query: hit $k of $expected" "hit $k of $expected" >/dev/null
        # The landing's marked cells: bold and underlined (SGR 1 and 4) in the content rows.
        marked=$(tm capture-pane -t e2e -p -e | sed -n '3,29p' | grep -c $'\e\[[0-9;]*4[;m]' || true)
        if [ "$marked" -gt 0 ] && screen | sed -n '3,29p' | grep -qiE "$query|kubernetes|k8s|evaluation"; then good=$((good + 1)); fi
        places="$places
$(screen | sed -n 2p | sed 's/ *hit [0-9]* of [0-9]* *$//')|$(screen | sed -n 3,6p | md5sum)"
        keys n
    done
    check "/$query: every one of $expected landings shows the word, marked ($good)" [ "$good" = "$expected" ]
    distinct=$(printf '%s\n' "$places" | sed '/^$/d' | sort -u | wc -l)
    check "/$query: $expected distinct landings, as many as the CLI's hits ($distinct)" [ "$distinct" = "$expected" ]
    wait_for "/$query: n wraps to the first hit" "hit 1 of $expected"
done
keys q
quit_app
wait_for "the app quits" "APP-EXITED"

summary
