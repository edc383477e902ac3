#!/usr/bin/env bash
# End-to-end checks of `rolescope assess`: a known rating set gives the fit numbers the
# README's formula predicts (its worked example, and a second set worked by hand below),
# levels by name or number, the usage errors (exit 64 with the valid ones), --list, and
# -o/--force. The app's Skills tab is checked in tmux by sessions-ui.sh.
# Usage: Tests/e2e/assess.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "${1:?usage: assess.sh PATH/TO/rolescope}")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'remove_tree "$work"' EXIT
out="$work/out"
cd "$work"

echo "rolescope assess"
# The README's worked example: Statistics strong (3), Python programming working (2).
expect_status "the worked example" 0 "$out" "$bin" assess --rate ag-statistics=strong --rate h2k-python=working
contains "Data Scientist's working: gap 1 of 4" "$out" "fit = 100 × (1 − 1 ÷ 4) = 75%"
contains "ML Engineer's working: gap 2 of 6" "$out" "fit = 100 × (1 − 2 ÷ 6) = 67%"
contains "AI Engineer's working: gap 2 of 4" "$out" "fit = 100 × (1 − 2 ÷ 4) = 50%"
contains "skills not rated are listed" "$out" "Left out (not rated)"
expect_status "the worked example as Markdown" 0 "$out.md" "$bin" assess --rate ag-statistics=strong --rate h2k-python=working --format markdown
contains "Markdown: Data Scientist fits 75%" "$out.md" "| Data Scientist | 75% | Statistics (1) |"
contains "Markdown: Data Engineer gets no score" "$out.md" "| Data Engineer | — | no article rates this role's skills |"

expect_status "the worked example as JSON, levels by number" 0 "$out.json" "$bin" assess --rate ag-statistics=3 --rate h2k-python=2 --format json
check "JSON fits are the formula's" python3 - "$out.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
fits = {f["role"]: f for f in doc["fits"]}
def totals(fit):
    return (sum(s["gap"] for s in fit["skills"]), sum(s["required"] for s in fit["skills"]))
assert [f["role"] for f in doc["fits"]] == ["data-scientist", "ml-engineer", "ai-engineer", "data-engineer"], doc["fits"]
assert totals(fits["data-scientist"]) == (1, 4), totals(fits["data-scientist"])
assert totals(fits["ml-engineer"]) == (2, 6), totals(fits["ml-engineer"])
assert totals(fits["ai-engineer"]) == (2, 4), totals(fits["ai-engineer"])
assert fits["data-engineer"]["skills"] == [] and fits["data-engineer"]["unrated"] == []
assert {r["skill"]: r["rating"] for r in doc["ratings"]} == {"h2k-python": 2, "ag-statistics": 3}, doc["ratings"]
assert len(doc["unrated"]) == 24 and "ag-sql" in doc["unrated"], doc["unrated"]
PY

# Worked by hand from the README's formula (levels from assets/roles):
#   ag-ml-modeling none (0): Data Scientist Critical = 4 -> gap 4
#   ag-sql basic (1): Data Scientist Critical = 4 -> gap 3; ML Engineer Important = 3 -> gap 2
#   h2k-cloud-deployment expert (4): AI Engineer Advanced = 4, ML Engineer Moderate = 2.67 -> no gap
# Data Scientist: 100 × (1 − 7 ÷ 8) = 12.5 -> 13%; ML Engineer: 1 − 2 ÷ 5.67 -> 65%; AI Engineer: 100%.
expect_status "a second set" 0 "$out" "$bin" assess --rate ag-ml-modeling=none --rate ag-sql=1 --rate h2k-cloud-deployment=expert
contains "Data Scientist: 100 × (1 − 7 ÷ 8)" "$out" "fit = 100 × (1 − 7 ÷ 8) = 13%"
contains "ML Engineer: 100 × (1 − 2 ÷ 5.67)" "$out" "fit = 100 × (1 − 2 ÷ 5.67) = 65%"
contains "AI Engineer: no gap" "$out" "fit = 100 × (1 − 0 ÷ 4) = 100%"
contains "Data Scientist's largest gap first" "$out" "1. ML modelling: gap 4"
contains "then the next" "$out" "2. SQL and data work: gap 3"

expect_status "unknown skill" 64 "$out" "$bin" assess --rate python=3
contains "unknown skill lists the valid ids" "$out" "skills to rate: h2k-model-development"
expect_status "unknown level" 64 "$out" "$bin" assess --rate ag-sql=guru
contains "unknown level lists the levels" "$out" "levels: none (0), basic (1), working (2), strong (3), expert (4)"
expect_status "level out of range" 64 "$out" "$bin" assess --rate ag-sql=5
expect_status "not SKILL=LEVEL" 64 "$out" "$bin" assess --rate ag-sql
expect_status "no rating at all" 64 "$out" "$bin" assess

expect_status "--list" 0 "$out" "$bin" assess --list
contains "--list names skills by id" "$out" "ag-statistics:"
expect_status "--list as Markdown" 0 "$out.md" "$bin" assess --list --format markdown
contains "--list shows the scale" "$out.md" "| expert | 4 | Could teach it, or set how a team does it. |"
expect_status "--list json" 0 "$out.json" "$bin" assess --list --format json
check "--list json has 26 skills and five steps" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["skills"]) == 26 and [s["value"] for s in d["scale"]] == [0,1,2,3,4]' "$out.json"

expect_status "-o writes Markdown" 0 "$out" "$bin" assess --rate ag-sql=working --format markdown -o mine.md
contains "the file is Markdown" mine.md "# Self-assessment"
expect_status "-o does not replace a file silently" 73 "$out" "$bin" assess --rate ag-sql=expert --format markdown -o mine.md
contains "the file is unchanged" mine.md "**SQL and data work**: working"
expect_status "--force replaces it" 0 "$out" "$bin" assess --rate ag-sql=expert --format markdown -o mine.md --force
contains "the file has the new rating" mine.md "**SQL and data work**: expert"

summary
