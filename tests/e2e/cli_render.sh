#!/usr/bin/env bash
# `render` with no display at all: writes a PNG of the requested size, showing something.
set -u
exe=$1 tool=$2 scene=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }
env -u DISPLAY -u WAYLAND_DISPLAY "$exe" render "$scene" --view overview --size 480x270 --out "$out/overview.png" || fail "render overview"
read -r w h colours < <("$tool" info "$out/overview.png")
[ "$w" = 480 ] && [ "$h" = 270 ] || fail "size $w x $h"
[ "$colours" -gt 500 ] || fail "only $colours colours: the picture is nearly empty"
# --camera gives the same image as the bookmark it copies.
cam=$(python3 -c "import json;b=[b for b in json.load(open('$scene/scene.json'))['bookmarks'] if b['name']=='overview'][0];print(','.join(str(v) for v in b['eye']+b['target']))")
env -u DISPLAY "$exe" render "$scene" --camera "$cam" --fov 45 --size 480x270 --out "$out/camera.png" || fail "render --camera"
"$tool" compare "$out/overview.png" "$out/camera.png" 2 0.0 || fail "--camera differs from the bookmark"
# Ground opacity changes the picture.
env -u DISPLAY "$exe" render "$scene" --view overview --ground-opacity 0.2 --size 480x270 --out "$out/xray.png" || fail "render xray"
if "$tool" compare "$out/overview.png" "$out/xray.png" 2 0.01 >/dev/null; then fail "--ground-opacity had no effect"; fi
# The default command with no display renders the overview and says so.
(cd "$out" && mkdir -p scenes && ln -sfn "$scene" scenes/muyanghu && env -u DISPLAY -u WAYLAND_DISPLAY "$exe" >default.log 2>&1) || fail "default command"
grep -q "no display" "$out/default.log" || fail "default command did not say why it rendered"
[ -f "$out/estatetwin-overview.png" ] || fail "no estatetwin-overview.png"
# pick: a buried pipe under the centre-left pixel of the top-down view of tiny_net.
data=$(cd "$(dirname "$0")/../data" && pwd)
"$exe" pick "$data/tiny_net" --view above --size 320x180 --pixel 100,90 >"$out/pick.json" || fail "pick"
python3 - "$out/pick.json" <<'PY' || fail "pick output"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["kind"] == "link" and j["id"] == "W-P-001", j
assert j["attributes"]["utility"] == "water" and j["attributes"]["material"] == "ductile_iron", j
assert abs(j["point"][2] + 1.0) < 0.05, j["point"]
PY
"$exe" pick "$data/tiny_net" --view above --ground-opacity 1 --size 320x180 --pixel 100,90 | grep -q '"kind": "ground"' || fail "opaque ground should be picked"
"$exe" pick "$data/tiny_net" --view above --size 320x180 --pixel 400,90 >/dev/null 2>&1 && fail "a pixel outside the view was accepted"
# The legend is drawn headless with --legend: the bottom-right corner changes.
"$exe" render "$data/tiny_net" --view front --size 480x270 --legend --out "$out/legend.png" || fail "render --legend"
"$exe" render "$data/tiny_net" --view front --size 480x270 --out "$out/nolegend.png" || fail "render"
read -r r1 g1 b1 < <("$tool" region-stats "$out/legend.png" 370,230,100,30)
read -r r2 g2 b2 < <("$tool" region-stats "$out/nolegend.png" 370,230,100,30)
python3 -c "import sys; sys.exit(0 if abs($r2-$r1)+abs($g2-$g1)+abs($b2-$b1) > 30 else 1)" || fail "no legend ($r1 $g1 $b1 vs $r2 $g2 $b2)"
"$exe" render "$scene" --view overview --xray --size 320x180 --out "$out/overview_xray_utility.png" >/dev/null || fail "render --xray"
# Time-dependent overlays headless: simulated pressure at the morning peak, sensor alarms
# in the evening, and measured minus simulated pressure need the scene's scenario.
for ov in "pressure 07:30" "velocity 07:30" "alarm 19:30" "measured_minus_simulated 03:00" "risk 08:00"; do
  set -- $ov
  "$exe" render "$scene" --view overview --xray --overlay "$1" --time "$2" --size 320x180 --out "$out/ov_$1.png" >/dev/null || fail "render --overlay $1"
  if "$tool" compare "$out/ov_$1.png" "$out/overview_xray_utility.png" 2 0.0005 >/dev/null 2>&1; then fail "--overlay $1 looks like the utility colours"; fi
done
# outage: isolating a water main closes the valves around it and cuts households off;
# the picture is written with the dry part marked.
"$exe" outage "$scene" --isolate W-P075 --json --view overview --size 320x180 --out "$out/outage.png" >"$out/outage.txt" || fail "outage --isolate"
python3 - "$out/outage.txt" <<'PY' || fail "outage output"
import json, sys
text = open(sys.argv[1]).read()
j = json.loads(text[:text.rindex("}") + 1])
assert len(j["closed_valves"]) >= 1 and j["households"] > 0 and j["buildings"], j
PY
[ -f "$out/outage.png" ] || fail "outage --out wrote no picture"
"$exe" outage "$scene" --close W-J01 >/dev/null 2>&1 && fail "closing a junction was accepted"
# Plans headless: the diff overlay colours the coordinated plan's changes (green added,
# red removed); --plan-b splits the picture with a dark divider in the middle, and a pick in
# the right half answers from plan B.
"$exe" render "$scene" --view lane --plan coordinated --overlay diff --ground-opacity 0.3 --size 480x270 --out "$out/plan_diff.png" || fail "render --plan --overlay diff"
"$exe" render "$scene" --view lane --ground-opacity 0.3 --size 480x270 --out "$out/plan_none.png" || fail "render lane"
if "$tool" compare "$out/plan_diff.png" "$out/plan_none.png" 2 0.01 >/dev/null; then fail "--plan --overlay diff looks like the as-found view"; fi
"$exe" render "$scene" --view plan-ab --size 480x270 --out "$out/plan_ab.png" || fail "render plan-ab"
read -r r g b < <("$tool" region-stats "$out/plan_ab.png" 239,60,2,150)
python3 -c "import sys; sys.exit(0 if $r+$g+$b < 120 else 1)" || fail "no divider in the A/B render (mean colour $r $g $b)"
"$exe" pick "$scene" --view lane --plan separate --plan-b coordinated --size 480x270 --pixel 400,60 >"$out/pick_b.json" || fail "pick --plan-b"
python3 -c "import json,sys; j=json.load(open('$out/pick_b.json')); sys.exit(0 if j.get('side') == 'right' else 1)" || { cat "$out/pick_b.json"; fail "pick in the right half did not answer from plan B"; }
# The sky in the left half: nothing picked, but the half still says which side it is.
"$exe" pick "$scene" --view plan-ab --size 480x270 --pixel 10,5 >"$out/pick_sky.json" || fail "pick sky"
python3 -c "import json,sys; j=json.load(open('$out/pick_sky.json')); sys.exit(0 if j['kind'] == 'none' and j.get('side') == 'left' else 1)" || { cat "$out/pick_sky.json"; fail "a miss in a split view does not name its side"; }
echo "cli_render: all passed"
