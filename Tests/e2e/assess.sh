#!/usr/bin/env bash
# End-to-end checks of `rolescope assess`: one skill per concept in --list, each with the
# sources that rate it on their own scales; the README's worked example gives its numbers
# in whole levels, every role scored over the same skills with the coverage stated; the
# largest AI Engineer gaps are the first skills the plan and the career result teach; levels
# by name or number, the usage errors (exit 64 with the valid ones), and -o/--force. The
# app's Skills tab is checked in tmux by sessions-ui.sh and tui.sh.
# Usage: Tests/e2e/assess.sh PATH/TO/rolescope
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bin=$(cd "$(dirname "${1:?usage: assess.sh PATH/TO/rolescope}")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'remove_tree "$work"' EXIT
out="$work/out"
cd "$work"
example=(--rate python=advanced --rate system-design=advanced --rate mlops=intermediate --rate ml-modelling=basic
         --rate retrieval=none --rate agents=none --rate evaluation=none)

echo "rolescope assess --list"
expect_status "--list json" 0 "$out.json" "$bin" assess --list --format json
check "no two skills for one concept: no title in another's, no source prefix" python3 - "$out.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
skills = doc["skills"]
titles = [s["title"].lower() for s in skills]
for i, a in enumerate(titles):
    for j, b in enumerate(titles):
        assert i == j or b not in a, (a, b)
ids = [s["id"] for s in skills]
for prefix in ("h2k-", "ag-", "ws-"):
    assert not any(i.startswith(prefix) for i in ids), ids
stripped = [t.replace("(summary)", "").strip() for t in titles]
assert len(set(stripped)) == len(stripped), titles
for concept in ["python", "sql", "statistics", "ml-modelling", "mlops", "data-engineering", "system-design",
                "software-engineering", "cloud", "retrieval", "agents", "evaluation", "communication", "business"]:
    assert concept in ids, concept
assert [s["value"] for s in doc["scale"]] == [0, 1, 2, 3, 4]
# Each skill says, for every role, whether it is rated (with the sources' own levels and scales),
# listed without a level, or not covered.
for s in skills:
    assert set(s["roles"]) == {"ai-engineer", "ml-engineer", "data-scientist", "data-engineer"}, s["id"]
    for need in s["roles"].values():
        assert need["coverage"] in ("rated", "listed", "not-covered")
        assert (need["coverage"] == "rated") == bool(need["ratings"])
        for r in need["ratings"]:
            assert r["level"] in r["scaleLevels"] and r["cited"], r
    assert len([v for k, v in s["levels"].items() if k != "none"]) == 4, s["id"]
py = {s["id"]: s for s in skills}["python"]["roles"]["ml-engineer"]["ratings"]
assert sorted((r["cited"][0], r["level"]) for r in py) == [("AI Graduate", "Critical"), ("H2K", "High")], py
PY
expect_status "--list as text" 0 "$out" "$bin" assess --list
contains "a skill shows its sources' own scale" "$out" "H2K: High on Medium < High (= advanced)"
contains "a skill listed without a level says so" "$out" "listed without a level (A.Team, JoinAI)"
contains "a skill no source covers for a role says so" "$out" "Data Engineer:  not covered"
contains "each step is described for the skill" "$out" "advanced:     Structures larger code bases"

echo "rolescope assess --rate (the README's worked example)"
expect_status "the worked example as JSON" 0 "$out.json" "$bin" assess "${example[@]}" --format json
check "every role scored over the same skills, coverage stated, whole levels only" python3 - "$out.json" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
doc = json.loads(text)
shared = ["python", "ml-modelling", "mlops", "system-design"]
assert doc["shared"] == shared, doc["shared"]
fits = {f["role"]: f for f in doc["fits"]}
for role in ("ai-engineer", "ml-engineer", "data-scientist"):
    assert [s["skill"] for s in fits[role]["skills"]] == shared, role
assert (fits["ai-engineer"]["neededLevels"], fits["ai-engineer"]["shortLevels"], fits["ai-engineer"]["percent"]) == (11, 2, 82)
assert (fits["data-scientist"]["neededLevels"], fits["data-scientist"]["shortLevels"], fits["data-scientist"]["percent"]) == (10, 4, 60)
assert (fits["ml-engineer"]["neededLevels"], fits["ml-engineer"]["shortLevels"], fits["ml-engineer"]["percent"]) == (16, 7, 56)
assert fits["data-engineer"]["scored"] is False and fits["data-engineer"]["percent"] is None
assert doc["coverage"]["retrieval"] == {"ai-engineer": "listed", "ml-engineer": "not-covered", "data-scientist": "not-covered", "data-engineer": "not-covered"}
assert doc["coverage"]["python"]["data-engineer"] == "not-covered"
assert not re.search(r"\d\.\d", text), "a fractional number in the JSON"
assert all("÷" not in w for f in doc["fits"] for w in f["working"])
assert [g["skill"] for g in fits["ai-engineer"]["gaps"]][:3] == ["retrieval", "agents", "evaluation"]
PY
expect_status "the worked example as text" 0 "$out" "$bin" assess "${example[@]}"
contains "the working in plain words" "$out" "ML modelling: you: Basic; AI Engineer needs Intermediate (H2K: Moderate,"
contains "the sums a reader can check" "$out" "Levels needed: 3 + 2 + 3 + 3 = 11. Levels short: 0 + 1 + 1 + 0 = 2."
contains "a gap linked to its plan step" "$out" "Closed by step 1 of the plan from"
contains "the coverage is stated" "$out" "Every role is scored over the same 4 skills"
check "no fractional level in the text" bash -c '! grep -qE "[0-9]\.[0-9]" "$1"' _ "$out"

echo "the plan, the career result and the assessment name the same first skills"
expect_status "the plan" 0 "$out.plan" "$bin" plan --from software-engineer --to ai-engineer --format json
expect_status "the career result" 0 "$out.quiz" "$bin" quiz career --answers 2,1,1
check "the first three plan steps teach the three largest AI Engineer gaps, and the result lists them" python3 - "$out.json" "$out.plan" "$out.quiz" <<'PY'
import json, re, sys
fits = {f["role"]: f for f in json.load(open(sys.argv[1]))["fits"]}
gaps = [g["title"] for g in fits["ai-engineer"]["gaps"]][:3]
plan = json.load(open(sys.argv[2]))
steps = [s["skills"] for s in plan["steps"]][:3]
assert [s[0]["title"] for s in steps] == gaps, (steps, gaps)
quiz = re.sub(r"\s+", " ", open(sys.argv[3]).read())
at = [quiz.index("skill: " + t) for t in gaps]
assert at == sorted(at), (gaps, at)
PY

echo "levels, errors, files"
expect_status "levels by number and the old names" 0 "$out" "$bin" assess --rate python=3 --rate sql=working
contains "the old name 'working' is intermediate" "$out" "SQL:    intermediate"
expect_status "unknown skill" 64 "$out" "$bin" assess --rate h2k-python=3
contains "unknown skill lists the valid ids" "$out" "skills to rate: python, sql"
expect_status "unknown level" 64 "$out" "$bin" assess --rate sql=guru
contains "unknown level lists the levels" "$out" "levels: none (0), basic (1), intermediate (2), advanced (3), expert (4)"
expect_status "level out of range" 64 "$out" "$bin" assess --rate sql=5
expect_status "not SKILL=LEVEL" 64 "$out" "$bin" assess --rate sql
expect_status "no rating at all" 64 "$out" "$bin" assess

expect_status "-o writes Markdown" 0 "$out" "$bin" assess --rate sql=intermediate --format markdown -o mine.md
contains "the file is Markdown" mine.md "# Self-assessment"
expect_status "-o does not replace a file silently" 73 "$out" "$bin" assess --rate sql=expert --format markdown -o mine.md
contains "the file is unchanged" mine.md "**SQL**: intermediate"
expect_status "--force replaces it" 0 "$out" "$bin" assess --rate sql=expert --format markdown -o mine.md --force
contains "the file has the new rating" mine.md "**SQL**: expert"

summary
