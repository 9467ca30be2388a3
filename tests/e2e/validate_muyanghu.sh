#!/usr/bin/env bash
# validate's figures for the generated Muyanghu estate: the programme's average estate
# (DESIGN.md): ~491 households, 1.35 km water, 1.03 km power, 0.92 km gas, 2.5 km drainage,
# ~1 km telecom (each within 10%), every block connected to every utility, and the tangle
# of private lines reported as problems.
set -u
exe=$1 scene=$2
json=$("$exe" validate "$scene" --json) || { echo "FAIL validate exited non-zero"; exit 1; }
# Notes: one pinned to a link a plan adds is fine; one naming no element is a problem.
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
cp -r "$scene" "$tmp/mu"
printf '{"format": "estatetwin-annotations/1", "annotations": [{"kind": "building", "id": "B04", "point": [0,0,0], "text": "ok"}, {"kind": "link", "id": "NO-SUCH", "point": [1,2,0], "text": "typo"}]}' >"$tmp/mu/annotations.json"
notes=$("$exe" validate "$tmp/mu") || { echo "FAIL validate with notes exited non-zero"; exit 1; }
echo "$notes" | grep -q "note_element_missing: 1" || { echo "$notes"; echo "FAIL a note on a missing link is not reported"; exit 1; }
echo "$notes" | grep -q "annotations.json: /annotations/1/id: no link 'NO-SUCH'" || { echo "$notes"; echo "FAIL the note problem does not name the file and pointer"; exit 1; }
python3 - "$json" <<'PY'
import json, sys
j = json.loads(sys.argv[1])
fails = []
def check(cond, what):
    if not cond: fails.append(what)
check(485 <= j["households"] <= 497, f"households {j['households']}")
check(j["buildings"] >= 14, f"buildings {j['buildings']}")
targets = {"water": 1.35, "power": 1.03, "gas": 0.92, "drainage": 2.5, "telecom": 1.0}
for u, km in targets.items():
    got = j["length_km"][u]
    check(abs(got - km) <= 0.1 * km, f"{u} {got:.3f} km, want {km} +-10%")
    check(j["links"][u] > 0 and j["nodes"][u] > 0, f"{u} has no links or nodes")
counts = j["problem_counts"]
check(counts.get("unconnected_building", 0) == 0, "a block lacks a utility connection")
check(counts.get("above_ground", 0) >= 2, "no overhead lines across lanes in the tangle")
check(counts.get("shallow_cover", 0) >= 3, "no shallow private lines in the tangle")
check(counts.get("layer_not_loaded", 0) == 0, "a network layer failed to load")
for f in fails: print("FAIL", f)
print("validate_muyanghu:", "all passed" if not fails else f"{len(fails)} failed")
print({u: j["length_km"][u] for u in targets}, "households", j["households"])
sys.exit(1 if fails else 0)
PY
