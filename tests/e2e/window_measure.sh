#!/usr/bin/env bash
# The Tools panel in the real window under Xvfb (960x540, lane bookmark): measuring by
# clicks prints the figures `estatetwin measure` prints; a Dig drag draws a box and a drag
# inside moves it; a section placed by a click shows what `render --section` shows.
set -u
exe=$1 tool=$2 scene=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }
run_view() {  # NAME: runs $out/NAME.script, log in $out/NAME.log
  xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view lane --size 960x540 \
    --script "$out/$1.script" >"$out/$1.log" 2>&1 || { cat "$out/$1.log"; fail "$1 run exited non-zero"; }
}
# The Tools panel's buttons (right side, 30% down): Distance, Depth, Clearance, Section, Dig.
OPEN='731 172'  # the collapsed panel's arrow
DIST='737 222' DEPTH='737 245' CLEAR='737 268' SECTION='737 291' DIG='737 314'
# In the lane view: (620,200) is block B04's wall, (428,350) water service W-P075 and
# (600,323) power cable P-C032, under the translucent ground.
cat >"$out/measure.script" <<S
wait 3
click $OPEN
wait 2
click $DIST
wait 2
click 620 200
wait 2
click 428 350
wait 2
click $DEPTH
wait 2
click 428 350
wait 2
click $CLEAR
wait 2
click 428 350
wait 2
click 600 323
wait 2
screenshot $out/measure.png
click $DIG
wait 2
drag 360 300 700 340 left 10
wait 2
drag 530 320 560 320 left 10
wait 2
screenshot $out/dig.png
quit
S
run_view measure
grep '^measure \|^excavation ' "$out/measure.log"
# same_as_verb MODE_LINE_NUMBER VERB_ARGS...: the window's JSON equals the verb's.
same_as_verb() {
  local n=$1; shift
  grep '^measure ' "$out/measure.log" | sed -n "${n}p" | sed 's/^measure //' >"$out/window$n.json"
  [ -s "$out/window$n.json" ] || fail "no measure line $n from the window"
  "$exe" measure "$scene" "$@" >"$out/verb$n.json" || fail "measure $*"
  python3 -c "import json,sys; a=json.load(open('$out/window$n.json')); b=json.load(open('$out/verb$n.json')); sys.exit(0 if a==b else 1)" ||
    { cat "$out/window$n.json" "$out/verb$n.json"; fail "window and verb differ for measure $*"; }
}
pt() { python3 -c "import json; j=json.load(open('$out/window$1.json')); print(','.join(str(v) for v in j['$2'][:$3]))"; }
grep '^measure ' "$out/measure.log" | sed -n 1p | sed 's/^measure //' >"$out/window1.json"
grep '^measure ' "$out/measure.log" | sed -n 2p | sed 's/^measure //' >"$out/window2.json"
grep -q '"mode":"distance"' "$out/window1.json" || fail "first measurement is not a distance"
same_as_verb 1 --from "$(pt 1 from 3)" --to "$(pt 1 to 3)"
grep -q '"link":"W-P075"' "$out/window2.json" || fail "depth click did not measure W-P075"
same_as_verb 2 --depth W-P075 --at "$(pt 2 at 2)"
same_as_verb 3 --between W-P075 P-C032
# Dig: the first drag draws a box, the second (inside it) moves it by the drag: same size.
mapfile -t boxes < <(grep '^excavation ' "$out/measure.log" | sed 's/^excavation //')
[ "${#boxes[@]}" = 2 ] || fail "want two 'excavation' lines, got ${#boxes[@]}"
python3 - "${boxes[0]}" "${boxes[1]}" <<'P' || fail "the second drag did not move the box (${boxes[*]})"
import sys
a = [float(v) for v in sys.argv[1].split(',')]
b = [float(v) for v in sys.argv[2].split(',')]
size = lambda e: (round(e[3] - e[0], 3), round(e[4] - e[1], 3))
assert a[3] - a[0] > 1 and a[4] - a[1] > 1, a          # a real box
assert size(a) == size(b), (a, b)                       # moved, not resized
assert abs(b[0] - a[0]) + abs(b[1] - a[1]) > 0.5, (a, b)  # moved
assert a[2] == b[2] == -3.0 and a[5] == b[5] == 0.5, (a, b)  # depth kept
P
# The pit shows where the box is: the dig screenshot differs there from the measure one.
if "$tool" compare "$out/measure.png" "$out/dig.png" 12 0.02 0,0,300,540 710,150,250,250 310,380,340,160 >/dev/null; then
  fail "no pit drawn after the Dig drags"
fi

# Section: a click on B04 puts a plane through the point facing the camera; the window
# then shows what `render --section` of that plane shows (outside the UI and the outline).
cat >"$out/section.script" <<S
wait 3
click $OPEN
wait 2
click $SECTION
wait 2
click 620 200
wait 2
mouse move 800 250
wait 3
screenshot $out/section.png
quit
S
run_view section
plane=$(grep '^section ' "$out/section.log" | tail -1 | sed 's/^section //')
[ -n "$plane" ] || { cat "$out/section.log"; fail "no 'section' line"; }
echo "section $plane"
"$exe" render "$scene" --view lane --section "$plane" --legend --size 960x540 --out "$out/section_headless.png" || fail "render --section"
"$exe" render "$scene" --view lane --legend --size 960x540 --out "$out/plain_headless.png" || fail "render"
ui="0,0,300,540 300,0,190,35 710,150,250,250 305,355,410,185 775,400,185,140"
"$tool" compare "$out/section.png" "$out/section_headless.png" 12 0.03 $ui || fail "the window's section differs from render --section"
if "$tool" compare "$out/section.png" "$out/plain_headless.png" 12 0.03 $ui >/dev/null; then
  fail "the section did not change the picture"
fi
echo "window_measure: all checks passed"
