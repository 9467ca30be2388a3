#!/usr/bin/env bash
# ctest supply_vs_epanet: `estatetwin supply` on the generated Muyanghu prints its per-block
# report and writes the secondary-supply model (--inp); the model solves in `estatetwin
# simulate` without warnings and agrees with EPANET 2.3.5 (npm epanet-js, as in
# tests/sim/compare.sh) at every report step.
#   supply_epanet.sh ESTATETWIN SCENE OUT_DIR SIM_TESTS_DIR
set -euo pipefail
exe=$1
scene=$2
out=$(mkdir -p "$3" && cd "$3" && pwd)
sim=$4
fail() { echo "supply_vs_epanet: $*" >&2; exit 1; }

"$exe" supply "$scene" --inp "$out/muyanghu.inp" >"$out/supply.txt" 2>"$out/supply.log" ||
  fail "supply failed: $(tail -1 "$out/supply.log")"
grep -q "of 14 blocks below" "$out/supply.txt" || fail "no block summary in supply.txt"
[ "$(grep -c '^B[0-9][0-9] ' "$out/supply.txt")" -eq 14 ] || fail "expected 14 block rows"
# The only warning expected: what the informal and abandoned pipes fed is skipped.
if grep -v "not connected to the municipal connection" "$out/supply.log" | grep -q .; then
  fail "unexpected messages: $(cat "$out/supply.log")"
fi
"$exe" supply "$scene" --json >"$out/supply.json" 2>"$out/supply_json.log" || fail "supply --json failed"
python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert len(j['blocks'])==14 and j['low_blocks']<=3, j['low_blocks']" \
  "$out/supply.json" || fail "supply --json: unexpected content"

"$exe" simulate "$out/muyanghu.inp" --nodes "$out/nodes.csv" --links "$out/links.csv" \
  >"$out/simulate.txt" 2>"$out/simulate.log" || fail "simulate failed: $(tail -1 "$out/simulate.log")"
[ ! -s "$out/simulate.log" ] || fail "simulate warned: $(cat "$out/simulate.log")"

command -v node >/dev/null || fail "node (Node.js) is required"
mkdir -p "$out/npm"
if [ ! -f "$out/npm/node_modules/epanet-js/package.json" ] ||
   ! cmp -s "$sim/package-lock.json" "$out/npm/package-lock.json"; then
  cp "$sim/package.json" "$sim/package-lock.json" "$out/npm/"
  (cd "$out/npm" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci of epanet-js failed"
fi
ET_NPM_DIR=$out/npm node "$sim/compare_epanet.mjs" "$out/muyanghu.inp" "$out/epanet_nodes.csv" \
  "$out/epanet_links.csv" 2>"$out/epanet.log" || fail "EPANET failed: $(cat "$out/epanet.log")"
[ ! -s "$out/epanet.log" ] || fail "EPANET said: $(cat "$out/epanet.log")"
python3 "$sim/compare_csv.py" "$out/nodes.csv" "$out/links.csv" "$out/epanet_nodes.csv" \
  "$out/epanet_links.csv" --name muyanghu_supply || fail "results differ from EPANET"
echo "supply_vs_epanet: passed"
