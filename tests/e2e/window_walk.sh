#!/usr/bin/env bash
# Walk mode in the real window under Xvfb, on the generated Muyanghu estate: the building
# meshes are the walls (a walk into block B04 stops at its wall), their entrance stairs are
# climbed (the eye ends at the landing, 0.45 m, plus 1.6 m), and on 2027-04-15 of the
# coordinated plan the open trench T-M-E (x = -17.9, 1.3 m wide, 1.7 m deep) is walked in:
# entering walk mode inside it lands on its floor, its walls stop a sideways walk, and
# walking onto it from the ground drops the walker in. Each run prints `camera at X Y Z`.
set -u
exe=$1 scene=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }

# walk NAME CAMERA SCRIPT-BODY [VIEW OPTIONS...]: Tab twice (orbit, fly, walk), the body,
# a screenshot NAME.png, quit; leaves the eye in $ex $ey $ez.
walk() {
  local name=$1 camera=$2 body=$3
  shift 3
  printf 'wait 2\nkey press TAB\nwait 2\nkey press TAB\nwait 2\n%b\nscreenshot %s/%s.png\nquit\n' \
    "$body" "$out" "$name" | sed "s#SHOT#$out#g" >"$out/$name.script"
  xvfb-run -a -s "-screen 0 1024x768x24" "$exe" view "$scene" --camera "$camera" --size 640x360 \
    --script "$out/$name.script" "$@" >"$out/$name.log" 2>&1 || { cat "$out/$name.log"; fail "$name: view exited non-zero"; }
  grep -q '^camera walk' "$out/$name.log" || { cat "$out/$name.log"; fail "$name: Tab twice did not switch to walk mode"; }
  [ -f "$out/$name.png" ] || fail "$name: no screenshot"
  read -r _ _ ex ey ez < <(grep '^camera at ' "$out/$name.log")
  read -r _ _ tris _ _ ms _ < <(grep '^walk world: ' "$out/$name.log")
  echo "$name: eye at $ex $ey $ez; walk world $tris triangles built in $ms ms"
  [ "${ms:-9999}" -lt 1000 ] || fail "$name: the walk world took ${ms:-?} ms to build (want < 1000)"
}
# near A B TOL: |A - B| <= TOL
near() { python3 -c "import sys; sys.exit(0 if abs($1 - ($2)) <= $3 else 1)"; }

# Running (Shift, 4 m/s) keeps the runs short on a software rasteriser.
# (a) A wall: from 6 m north of B04, between two entrances, run south for 2 s (8 m). The
# mesh's plinth band stands 0.05 m proud of the footprint (y = -26): the eye stops a body
# radius from it, on the ground.
walk wall 3,-20,1.6,3,-30,1.6 'key down SHIFT\nkey down W\nwait 120\nkey up W\nwait 2'
near "$ey" -25.65 0.02 && near "$ez" 1.6 0.01 && near "$ex" 3 0.01 || fail "wall: the walk into B04 did not stop at its wall (eye $ex $ey $ez)"

# (b) The middle entrance of B04 (x = 9.5): three steps up to the landing (0.45 m) in front
# of the door (y = -25.67); the eye ends at 0.45 + 1.6 m, a body radius from the door.
walk stair 9.5,-20,1.6,9.5,-30,1.6 'wait 50\nscreenshot SHOT/stair_before.png\nkey down SHIFT\nkey down W\nwait 120\nkey up W\nwait 2'
near "$ez" 2.05 0.01 && near "$ey" -25.37 0.02 && near "$ex" 9.5 0.01 || fail "stair: not on the landing at the door (eye $ex $ey $ez)"

# (c) Inside the open trench on the plan's date: landed on its floor (-1.7 m, eye -0.1),
# run north 1 s (4 m) along it, then 1 s west into its wall: 0.65 - 0.3 m off its centre line.
plan=(--plan coordinated --date 2027-04-15 --ground-opacity 0.5)
walk trench -17.9,-40,-0.5,-17.9,-30,-0.5 'key down SHIFT\nkey down W\nwait 60\nkey up W\nkey down A\nwait 60\nkey up A\nwait 2' "${plan[@]}"
near "$ez" -0.1 0.01 && near "$ex" -18.25 0.02 && near "$ey" -36 0.05 || fail "trench: not on the trench floor against its wall (eye $ex $ey $ez)"

# (d) From the ground 3.9 m east of it, run west 2 s (8 m): into the trench, stopped by its
# far wall.
walk trench_fall -14,-40,1.6,-24,-40,1.6 'key down SHIFT\nkey down W\nwait 120\nkey up W\nwait 30' "${plan[@]}"
near "$ez" -0.1 0.01 && near "$ex" -18.25 0.02 || fail "trench_fall: did not drop into the trench (eye $ex $ey $ez)"
# The same walk before the dig stays on the ground and crosses the line.
walk no_trench -14,-40,1.6,-24,-40,1.6 'key down SHIFT\nkey down W\nwait 120\nkey up W\nwait 30' --plan coordinated --date 2027-03-20
near "$ez" 1.6 0.01 && near "$ex" -22 0.05 || fail "no_trench: the ground was not whole before the dig (eye $ex $ey $ez)"
echo "window_walk: all passed"
