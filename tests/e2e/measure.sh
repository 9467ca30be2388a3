#!/usr/bin/env bash
# `estatetwin measure` on the generated estate: figures against values worked out by hand
# from the network files' attributes, and errors (one line, exit 2).
set -u
exe=$1 scene=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }
# check JSON_FILE 'python expression over j' MESSAGE
check() { python3 -c "import json,sys; j=json.load(open('$1')); sys.exit(0 if ($2) else 1)" || { cat "$1"; fail "$3"; }; }

# Distance: a 3-4-12-13 box diagonal.
"$exe" measure "$scene" --from 1,2,3 --to 4,6,-9 >"$out/d.json" || fail "measure --from/--to"
check "$out/d.json" "j['mode']=='distance' and j['distance_m']==13 and j['horizontal_m']==5 and j['vertical_m']==-12" "distance 13, horizontal 5, vertical -12"

# Depth: water service W-P075 (d150, cover 1.2 m at both ends in water.geojson): its top lies
# 1.2 m below the ground everywhere, its centre 1.275 m; min and max cover 1.2.
read -r cover dmm < <(python3 -c "
import json
for f in json.load(open('$scene/networks/water.geojson'))['features']:
    p = f['properties']
    if p.get('id') == 'W-P075': print(p['cover_start_m'], p['diameter_mm'])")
[ "$cover" = 1.2 ] && [ "$dmm" = 150 ] || fail "W-P075 is no longer d150 at 1.2 m cover ($dmm, $cover): update the test"
"$exe" measure "$scene" --depth W-P075 --at 3.9,-17 >"$out/depth.json" || fail "measure --depth"
check "$out/depth.json" "j['link']=='W-P075' and j['top_depth_m']==1.2 and j['centre_depth_m']==1.275 and j['min_cover_m']==1.2 and j['max_cover_m']==1.2 and j['at'][0]==3.9" "depth of W-P075"

# Clearance at a crossing: W-P075 (axis -1.275) under the informal drain R-X001 (d110, cover
# 0.3: axis -0.355): gap 0.92 - 0.075 - 0.055 = 0.79 m; V-drainage-water asks 0.4 m.
"$exe" measure "$scene" --between W-P075 R-X001 >"$out/c.json" || fail "measure --between"
check "$out/c.json" "j['crossing'] and j['vertical_m']==0.79 and j['rule']['id']=='V-drainage-water' and j['rule']['required_m']==0.4 and j['rule']['pass']" "crossing W-P075 / R-X001"
# Beside a building: the horizontal water-building rule applies, in either order.
"$exe" measure "$scene" --between B04 W-P075 >"$out/b.json" || fail "measure --between B04"
check "$out/b.json" "j['rule']['id']=='H-water-building-d200' and j['rule']['actual_m']==j['horizontal_m'] and j['horizontal_m']>0" "W-P075 beside B04"
# A plan's networks: the same measurement with --plan runs on that plan's links.
"$exe" measure "$scene" --plan coordinated --date 2027-04-15 --from 0,0,0 --to 1,0,0 >/dev/null || fail "measure --plan --date"

# Errors: one line naming what, exit 2, nothing on stdout.
expect_error() {  # WANT_TEXT ARGS...
  local want=$1; shift
  "$exe" measure "$scene" "$@" >"$out/err.out" 2>"$out/err.txt"; local rc=$?
  [ "$rc" = 2 ] || fail "measure $* exited $rc, want 2"
  [ "$(wc -l <"$out/err.txt")" = 1 ] || { cat "$out/err.txt"; fail "measure $*: want one line"; }
  grep -q -- "$want" "$out/err.txt" || { cat "$out/err.txt"; fail "measure $*: want '$want'"; }
  [ -s "$out/err.out" ] && fail "measure $* printed a result"
  return 0
}
expect_error "unknown element 'NOPE'" --between W-P075 NOPE
expect_error "unknown element 'X9'" --depth X9
expect_error "'B04' is not a link" --depth B04
expect_error "expected two element ids" --between W-P075
expect_error "--from X,Y,Z: expected 3" --from 1,2 --to 3,4,5
expect_error "--to X,Y,Z" --from 1,2,3 --to a,b,c
expect_error "--at X,Y" --depth W-P075 --at 1
expect_error "m from link W-P075" --depth W-P075 --at 500,500
expect_error "expected one of" --from 1,2,3 --to 1,2,3 --depth W-P075
expect_error "unknown plan 'nope'" --plan nope --from 1,2,3 --to 1,2,3
echo "measure: all checks passed"
