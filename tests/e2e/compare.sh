#!/usr/bin/env bash
# `compare`: the Muyanghu plans side by side. Checks the three files a meeting gets
# (metrics.csv, violations.csv, report.html), that the coordinated plan beats the separate
# one where coordination is meant to help, and bad input.
set -u
exe=$1 tool=$2 scene=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }
"$exe" compare "$scene" --plans all --views overview,lane --size 320x180 --report "$out/rep" >"$out/table.txt" || fail "compare --report"
grep -q '^clearance_violations' "$out/table.txt" || fail "no metrics table on stdout"
python3 - "$out/rep" <<'PY' || fail "report contents"
import csv, json, re, sys, base64, struct
d = sys.argv[1]
rows = list(csv.DictReader(open(d + "/metrics.csv")))
ids = [r["plan"] for r in rows]
assert ids == ["as_found", "separate", "coordinated", "tunnel"], ids
head = rows[0].keys()
for col in ["water_km", "trench_length_m", "shared_trench_pct", "excavation_m3", "road_area_m2",
            "max_digs_per_segment", "clearance_violations", "cover_violations",
            "households_cut_off", "household_hours", "cost_cny", "duration_days"]:
    assert col in head, col
by = {r["plan"]: r for r in rows}
f = lambda p, c: float(by[p][c])
# Coordination: fewer repeated digs, shared trenches, a shorter schedule, fewer violations.
assert f("coordinated", "lane_segments_dug_repeatedly") < f("separate", "lane_segments_dug_repeatedly")
assert f("coordinated", "shared_trench_pct") > 50 > f("separate", "shared_trench_pct")
assert f("coordinated", "duration_days") < f("separate", "duration_days")
assert f("coordinated", "clearance_violations") < f("separate", "clearance_violations") < f("as_found", "clearance_violations")
assert f("coordinated", "household_hours") < f("separate", "household_hours")
assert f("tunnel", "tunnel_length_m") > 0 and f("coordinated", "tunnel_length_m") == 0
assert f("as_found", "cost_cny") == 0 and f("separate", "cost_cny") > 0
# violations.csv: one row per violation, the count per plan as in metrics.csv.
v = list(csv.DictReader(open(d + "/violations.csv")))
assert list(v[0].keys()) == ["plan", "rule", "kind", "element_a", "element_b", "required_m",
                             "actual_m", "x", "y", "z", "verified"], v[0].keys()
for p in ids:
    n = sum(1 for r in v if r["plan"] == p)
    assert n == f(p, "clearance_violations") + f(p, "cover_violations"), (p, n)
for r in v:
    assert float(r["actual_m"]) < float(r["required_m"]), r
# report.html: self-contained, one image per plan and view, a Gantt chart per plan.
h = open(d + "/report.html", encoding="utf-8").read()
assert not re.search(r"(src|href)=['\"]?(https?:|file:|/)", h), "external reference in report"
imgs = re.findall(r"src='data:image/png;base64,([^']+)'", h)
assert len(imgs) == 4 * 2, len(imgs)
for b in imgs:
    png = base64.b64decode(b)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    w, hh = struct.unpack(">II", png[16:24])
    assert (w, hh) == (320, 180), (w, hh)
assert h.count("<svg") == 3, h.count("<svg")
for p in ["separate", "coordinated", "tunnel"]:
    assert p in h
assert "Clearance violations" in h and "Cost (CNY)" in h
PY
# An image in the report is the picture `render` makes of the same view.
python3 - "$out/rep/report.html" "$out/report_lane.png" <<'PY' || fail "extract image"
import re, sys, base64
h = open(sys.argv[1]).read()
sec = h[h.index("(coordinated)"):]
b = re.search(r"alt='lane' src='data:image/png;base64,([^']+)'", sec).group(1)
open(sys.argv[2], "wb").write(base64.b64decode(b))
PY
"$exe" render "$scene" --view lane --plan coordinated --overlay diff --ground-opacity 0.2 --legend --size 320x180 --out "$out/render_lane.png" >/dev/null || fail "render"
"$tool" compare "$out/report_lane.png" "$out/render_lane.png" 2 0.0 || fail "report image differs from render"

# Bad input: one line, non-zero exit, nothing written.
check_error() {  # expected-substring, then the command
  local want=$1; shift
  "$@" >"$out/err.out" 2>"$out/err.txt" && fail "accepted: $*"
  [ "$(wc -l <"$out/err.txt")" = 1 ] || { cat "$out/err.txt"; fail "not one line: $*"; }
  grep -q -- "$want" "$out/err.txt" || { cat "$out/err.txt"; fail "message lacks '$want': $*"; }
}
check_error "no plan 'nope'" "$exe" compare "$scene" --plans separate,nope --report "$out/bad1"
[ -e "$out/bad1" ] && fail "report folder created on error"
check_error "no bookmark 'nowhere'" "$exe" compare "$scene" --plans all --views nowhere --report "$out/bad2"
check_error "--plans" "$exe" compare "$scene"
# A plan naming an element the scene does not have.
cp -r "$scene" "$out/broken" && rm -rf "$out/broken/live"
python3 - "$out/broken/plans/coordinated.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
e = next(e for e in p["edits"] if e["op"] == "remove")
e["links"][0] = "NO-SUCH-LINK"
json.dump(p, open(sys.argv[1], "w"))
PY
check_error "plan 'coordinated', edit '.*': unknown .* link 'NO-SUCH-LINK'" "$exe" compare "$out/broken" --plans all --report "$out/bad3"
[ -e "$out/bad3" ] && fail "report folder created on error"
# validate names the same problem (it loads everything the scene lists).
"$exe" validate "$out/broken" | grep -q "plans_not_loaded: 1" || fail "validate does not report the broken plan"
"$exe" validate "$scene" | grep -q "^plans      separate coordinated tunnel" || fail "validate does not list the plans"
echo "compare: ok"
