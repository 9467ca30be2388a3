#!/usr/bin/env bash
# Bookmarks and notes made in the real window (Xvfb, --script) survive a restart: run 1
# orbits and zooms, adds a bookmark with a typed name, renames it, pins a note on block B04
# and types its text; run 2 lists the bookmark, goes to it (same camera), steps with
# PageDown/PageUp, is refused deleting a bookmark a tour uses, and draws the note.
# Works on a copy of the test scene. Pixel positions are read off screenshots of a 960x720
# window: they follow the main panel's layout (Bookmarks is its fourth section).
set -u
exe=$1 tool=$2 scene_src=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }
scene="$out/scene"
cp -r "$scene_src" "$scene"
rm -f "$scene/bookmarks.json" "$scene/annotations.json"
xrun() { xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view overview --size 960x720 --script "$1"; }

cat >"$out/run1.script" <<SCRIPT
wait 3
drag 600 300 660 290 left 10
wait 2
mouse move 600 300
scroll 3
wait 3
# The name field, then Add: the whole current view under that name.
click 80 511
wait 2
type my-view
wait 2
click 170 511
wait 3
screenshot $out/added.png
# Rename the chosen bookmark: the field selects its text on a click, typing replaces it.
click 80 511
wait 2
type porch
wait 2
click 216 511
wait 3
# Notes: unfold the panel, pin mode, click block B04's roof, type, Save.
click 321 20
wait 3
click 326 46
wait 2
click 530 405
wait 3
type check roof
wait 2
click 544 69
wait 3
screenshot $out/noted.png
quit
SCRIPT
xrun "$out/run1.script" >"$out/run1.log" 2>&1 || { cat "$out/run1.log"; fail "run 1 exited non-zero"; }
grep -q '^bookmark added my-view$' "$out/run1.log" || { cat "$out/run1.log"; fail "Add did not add my-view"; }
grep -q '^bookmark renamed my-view -> porch$' "$out/run1.log" || { cat "$out/run1.log"; fail "Rename did not rename it"; }
grep -q '^note pinned to building B04 ' "$out/run1.log" || { cat "$out/run1.log"; fail "no note pinned on B04"; }
grep -q '^note saved: check roof$' "$out/run1.log" || { cat "$out/run1.log"; fail "the note's text was not saved"; }
cam1=$(grep '^camera at ' "$out/run1.log")
# Saved in the scene folder, scene.json untouched.
grep -q '"name":"porch"' "$scene/bookmarks.json" || fail "bookmarks.json lacks porch"
grep -q '"name":"my-view"' "$scene/bookmarks.json" && fail "bookmarks.json still has my-view"
grep -q '"text":"check roof"' "$scene/annotations.json" || fail "annotations.json lacks the note"
grep -q '"id":"B04"' "$scene/annotations.json" || fail "the note is not pinned to B04"
cmp -s "$scene/scene.json" "$scene_src/scene.json" || fail "scene.json was rewritten"
ls "$scene"/*.tmp.* >/dev/null 2>&1 && fail "a temporary file was left behind"

# Run 2, a restart: go to porch (the camera run 1 ended at), PageDown wraps to the first
# bookmark, deleting it is refused (a tour uses it), PageUp comes back to porch.
cat >"$out/run2.script" <<SCRIPT
wait 5
screenshot $out/restart.png
click 197 488
wait 120
screenshot $out/porch.png
key press PAGE_DOWN
wait 120
click 154 534
wait 3
screenshot $out/refused.png
key press PAGE_UP
wait 150
quit
SCRIPT
xrun "$out/run2.script" >"$out/run2.log" 2>&1 || { cat "$out/run2.log"; fail "run 2 exited non-zero"; }
# The bookmarks gone to, in order: porch (clicked), overview (PageDown wraps), porch (PageUp).
went=$(grep -E '^bookmark [a-z-]+$' "$out/run2.log" | tr '\n' ' ')
[ "$went" = "bookmark porch bookmark overview bookmark porch " ] || { cat "$out/run2.log"; fail "went to: $went"; }
grep -q "^bookmark edit refused: .*bookmark 'overview' is used by tour '" "$out/run2.log" || { cat "$out/run2.log"; fail "deleting a bookmark a tour uses was not refused"; }
grep -q '"name":"overview"' "$scene/bookmarks.json" || fail "the refused delete removed overview"
cam2=$(grep '^camera at ' "$out/run2.log")
[ "$cam1" = "$cam2" ] || fail "porch after a restart: $cam2, run 1 ended $cam1"

# The note: render --notes draws it where its label is, and only there.
"$exe" render "$scene" --view porch --size 960x720 --out "$out/plain.png" >/dev/null || fail "render --view porch"
"$exe" render "$scene" --view porch --notes --size 960x720 --out "$out/notes.png" >/dev/null || fail "render --notes"
if "$tool" compare "$out/plain.png" "$out/notes.png" 12 0.0005 >/dev/null; then fail "render --notes drew no note"; fi
"$tool" compare "$out/plain.png" "$out/notes.png" 12 0 480,320,100,100 || fail "render --notes changed more than the note's label"
# The window after the restart draws the label too (dark box over the building's roof).
read -r r1 g1 b1 < <("$tool" region-stats "$out/porch.png" 520,347,20,8)
read -r r2 g2 b2 < <("$tool" region-stats "$out/plain.png" 520,347,20,8)
python3 -c "import sys; sys.exit(0 if ($r2+$g2+$b2) - ($r1+$g1+$b1) > 90 else 1)" || fail "no note label in the window (mean colour $r1 $g1 $b1 vs scene $r2 $g2 $b2)"
echo "window_bookmarks: ok"
