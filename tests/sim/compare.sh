#!/usr/bin/env bash
# ctest sim_vs_epanet: `estatetwin simulate` against EPANET 2.3.5 (npm epanet-js 0.9.0) on
# networks the project generates (tests/sim/gen_network.py, seeded), at every report step.
# Tolerances: head and pressure 0.05, flow 0.1 % or 0.01 units (compare_csv.py).
#   compare.sh ESTATETWIN OUT_DIR [SEED:JUNCTIONS ...]
# epanet-js is installed with `npm ci` from tests/sim/package-lock.json into OUT_DIR/npm.
set -euo pipefail
exe=$1
out=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Seeds and sizes: every feature of the generator at several sizes (8 to 150 junctions).
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=(1:8 2:8 3:8 4:20 5:20 6:20 7:40 8:40 1:40 2:80 3:80 5:150 6:150)

command -v node >/dev/null || { echo "sim_vs_epanet: node (Node.js) is required" >&2; exit 1; }
mkdir -p "$out/npm" "$out/nets"
if [ ! -f "$out/npm/node_modules/epanet-js/package.json" ] ||
   ! cmp -s "$here/package-lock.json" "$out/npm/package-lock.json"; then
  cp "$here/package.json" "$here/package-lock.json" "$out/npm/"
  (cd "$out/npm" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
    { echo "sim_vs_epanet: npm ci of epanet-js failed" >&2; exit 1; }
fi
export ET_NPM_DIR=$out/npm

fails=0
passes=0
for c in "${cases[@]}"; do
  seed=${c%%:*}
  nj=${c##*:}
  name=gen_s${seed}_j${nj}
  net=$out/nets/$name.inp
  python3 "$here/gen_network.py" --seed "$seed" --junctions "$nj" --out "$net"
  node "$here/compare_epanet.mjs" "$net" "$out/nets/${name}_epanet_nodes.csv" \
    "$out/nets/${name}_epanet_links.csv" 2>"$out/nets/${name}_epanet.log" || true
  if ! "$exe" simulate "$net" --nodes "$out/nets/${name}_nodes.csv" \
         --links "$out/nets/${name}_links.csv" --quiet 2>"$out/nets/${name}.log"; then
    echo "$name: estatetwin simulate failed: $(tail -1 "$out/nets/${name}.log")"
    fails=$((fails + 1))
    continue
  fi
  if python3 "$here/compare_csv.py" "$out/nets/${name}_nodes.csv" "$out/nets/${name}_links.csv" \
       "$out/nets/${name}_epanet_nodes.csv" "$out/nets/${name}_epanet_links.csv" --name "$name"; then
    passes=$((passes + 1))
  else
    fails=$((fails + 1))
  fi
done
echo "sim_vs_epanet: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
