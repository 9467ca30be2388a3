#!/usr/bin/env bash
# The real window under Xvfb, driven by --script: the screenshot shows the scene (matching
# the headless render of the same view outside the UI panel) and the UI panel.
set -u
exe=$1 tool=$2 scene=$3 out=$4 script=$5
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }
sed "s#SHOT_DIR#$out#g" "$script" >"$out/window.script"
xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view overview --size 640x360 \
  --script "$out/window.script" >"$out/view.log" 2>&1 || { cat "$out/view.log"; fail "view exited non-zero"; }
cat "$out/view.log"
for s in first orbited fly; do [ -f "$out/$s.png" ] || fail "no screenshot $s.png"; done
read -r w h colours < <("$tool" info "$out/first.png")
[ "$w" = 640 ] && [ "$h" = 360 ] || fail "screenshot is $w x $h, want 640 x 360"
# The scene: outside the panel, the window matches the headless render of the same view.
"$exe" render "$scene" --view overview --size 640x360 --legend --out "$out/headless.png" || fail "headless render"
# (The panel on the left, the alarms panel at the bottom centre, the folded Notes and Tools
# panels are UI, not scene.)
"$tool" compare "$out/first.png" "$out/headless.png" 12 0.002 0,0,360,360 150,150,370,210 398,104,242,28 300,5,190,30 || fail "window scene differs from headless render"
# The UI: the panel darkens the top-left corner, where the headless render shows sky.
read -r r1 g1 b1 < <("$tool" region-stats "$out/first.png" 12,60,150,40)
read -r r2 g2 b2 < <("$tool" region-stats "$out/headless.png" 12,60,150,40)
python3 -c "import sys; sys.exit(0 if ($r2+$g2+$b2) - ($r1+$g1+$b1) > 90 else 1)" || fail "no UI panel (mean colour $r1 $g1 $b1 vs scene $r2 $g2 $b2)"
# Dragging orbits the camera: the picture changes.
if "$tool" compare "$out/first.png" "$out/orbited.png" 12 0.02 0,0,360,360 >/dev/null; then fail "drag did not move the camera"; fi
# Resizing the window recreates the swapchain; the next screenshot has the new size.
read -r w h colours < <("$tool" info "$out/resized.png")
[ "$w" = 480 ] && [ "$h" = 270 ] || fail "after resize 480 270 the window is $w x $h"
[ "$colours" -gt 200 ] || fail "resized window shows almost nothing ($colours colours)"
# Picking in the window: hovering and clicking a buried pipe through the translucent
# ground selects it (the view prints the selection) and opens the inspector.
data=$(dirname "$script")/../data
printf 'wait 2\nmouse move 600 269\nwait 2\nclick 600 269\nwait 2\nscreenshot %s/picked.png\nquit\n' "$out" >"$out/pick.script"
xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$data/tiny_net" --view above --size 960x540 \
  --script "$out/pick.script" >"$out/pick.log" 2>&1 || { cat "$out/pick.log"; fail "pick run exited non-zero"; }
grep -q '"id":"W-P-002"' "$out/pick.log" || { cat "$out/pick.log"; fail "click did not select pipe W-P-002"; }
# The inspector panel darkens the top-right of the window.
read -r r g b < <("$tool" region-stats "$out/picked.png" 600,60,300,100)
python3 -c "import sys; sys.exit(0 if $r+$g+$b < 330 else 1)" || fail "no inspector (mean colour $r $g $b)"
# Outage from the window: select a water main in the lane view, press "Isolate" in the
# inspector: the valves that isolate it close and the households behind them are listed.
printf 'wait 5\nclick 428 350\nwait 3\nclick 698 63\nwait 3\nscreenshot %s/outage.png\nquit\n' "$out" >"$out/outage.script"
xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view lane --size 960x540 \
  --script "$out/outage.script" >"$out/outage.log" 2>&1 || { cat "$out/outage.log"; fail "outage run exited non-zero"; }
grep -q '^outage: [1-9][0-9]* households in [1-9][0-9]* buildings lose supply' "$out/outage.log" || { cat "$out/outage.log"; fail "Isolate in the inspector produced no outage"; }
# Live data in the window: at 20:00 the recorded day has raised the evening alarms; the
# alarms panel lists them and clicking the newest flies the camera to its element.
printf 'wait 3\nclick 430 405\nwait 52\nscreenshot %s/alarm.png\nquit\n' "$out" >"$out/alarm.script"
xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view overview --time 20:00 \
  --overlay alarm --size 960x540 --script "$out/alarm.script" >"$out/alarm.log" 2>&1 || { cat "$out/alarm.log"; fail "alarm run exited non-zero"; }
grep -q '^fly to ' "$out/alarm.log" || { cat "$out/alarm.log"; fail "clicking an alarm did not fly to its element"; }
# Plans in the window: B splits the view (plan A left, plan B right, one camera, a dark
# divider, each half labelled), P steps plan A, and a click in the right half picks in
# plan B's world.
printf 'wait 3\nscreenshot %s/plan_single.png\nkey press B\nwait 3\nscreenshot %s/plan_split.png\nclick 900 100\nwait 2\nkey press P\nwait 2\nquit\n' "$out" "$out" >"$out/plan.script"
xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view lane --plan coordinated --overlay diff \
  --ground-opacity 0.3 --size 960x540 --script "$out/plan.script" >"$out/plan.log" 2>&1 || { cat "$out/plan.log"; fail "plan run exited non-zero"; }
grep -q '^split on: coordinated | tunnel' "$out/plan.log" || { cat "$out/plan.log"; fail "B did not split the view"; }
grep -q '^selected .*"side":"right"' "$out/plan.log" || { cat "$out/plan.log"; fail "a click in the right half did not pick in plan B"; }
grep -q '^plan tunnel' "$out/plan.log" || { cat "$out/plan.log"; fail "P did not step plan A"; }
read -r r g b < <("$tool" region-stats "$out/plan_split.png" 479,120,2,100)
python3 -c "import sys; sys.exit(0 if $r+$g+$b < 120 else 1)" || fail "no divider in the split view (mean colour $r $g $b)"
if "$tool" compare "$out/plan_single.png" "$out/plan_split.png" 12 0.02 0,0,300,540 640,240,320,300 >/dev/null; then fail "the split view looks like the single one"; fi
# The 4D schedule: a staged plan shows the Schedule panel; clicking a task's bar moves the
# clock to the day it starts.
printf 'wait 3\nclick 552 488\nwait 2\nscreenshot %s/schedule.png\nquit\n' "$out" >"$out/schedule.script"
xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view lane --plan coordinated --date 2027-04-15 \
  --size 960x540 --script "$out/schedule.script" >"$out/schedule.log" 2>&1 || { cat "$out/schedule.log"; fail "schedule run exited non-zero"; }
grep -q '^date 2027-04-05' "$out/schedule.log" || { cat "$out/schedule.log"; fail "clicking task K05 in the Schedule did not go to 2027-04-05"; }
# The Compare panel (key C): the metrics table of every plan, then a click on a violation
# takes the camera there (the picture changes once its 0.8 s glide, 48 frames, has ended).
printf 'wait 3\nkey press C\nwait 4\nscreenshot %s/compare.png\nclick 400 307\nwait 52\nscreenshot %s/compare_fly.png\nquit\n' "$out" "$out" >"$out/compare.script"
xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view lane --size 960x540 \
  --script "$out/compare.script" >"$out/compare.log" 2>&1 || { cat "$out/compare.log"; fail "compare run exited non-zero"; }
grep -q '^compared 4 plans' "$out/compare.log" || { cat "$out/compare.log"; fail "C did not fill the Compare panel"; }
grep -q '^look at violation ' "$out/compare.log" || { cat "$out/compare.log"; fail "clicking a violation did not move the camera"; }
if "$tool" compare "$out/compare.png" "$out/compare_fly.png" 12 0.02 100,40,760,430 >/dev/null; then fail "the view did not move to the violation"; fi
# Walk mode: Tab twice (orbit, fly, walk) from the lane bookmark, turn 45 degrees right
# toward block B04, run (Shift+W) for 4 s: 16 m, past the wall 9.5 m away. The walker stops
# outside the footprint, a body radius from the wall, and slides along it at 1.6 m.
printf 'wait 2\nkey press TAB\nwait 2\nkey press TAB\nwait 2\ndrag 310 60 467 60 left 10\nwait 2\nkey down SHIFT\nkey down W\nwait 240\nkey up W\nkey up SHIFT\nwait 30\nscreenshot %s/walk.png\nquit\n' "$out" >"$out/walk.script"
xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --view lane --size 640x360 \
  --script "$out/walk.script" >"$out/walk.log" 2>&1 || { cat "$out/walk.log"; fail "walk run exited non-zero"; }
grep -q '^camera walk' "$out/walk.log" || { cat "$out/walk.log"; fail "Tab twice did not switch to walk mode"; }
read -r _ _ ex ey ez < <(grep '^camera at ' "$out/walk.log")
python3 - "$scene/scene.json" "$ex" "$ey" "$ez" <<'PY' || { cat "$out/walk.log"; fail "walking into B04 did not stop at its wall at eye height"; }
import json, math, sys
scene, x, y, z = json.load(open(sys.argv[1])), *map(float, sys.argv[2:])
def inside(ring):
    n, c = len(ring), False
    for i in range(n):
        (ax, ay), (bx, by) = ring[i], ring[i - 1]
        if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax: c = not c
    return c
def dist(ring):
    best = 1e9
    for i in range(len(ring)):
        (ax, ay), (bx, by) = ring[i - 1], ring[i]
        l2 = (bx - ax) ** 2 + (by - ay) ** 2
        t = max(0.0, min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / l2))
        best = min(best, math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)))
    return best
fps = {b["id"]: b["footprint"] for b in scene["buildings"]}
print(f"walk stopped at {x} {y} {z}, {dist(fps['B04']):.3f} m from B04")
ok = not any(inside(r) for r in fps.values()) and 0.2 < dist(fps["B04"]) < 0.4 and abs(z - 1.6) < 0.01
sys.exit(0 if ok else 1)
PY
echo "window_xvfb: all passed"
