#!/usr/bin/env bash
# Hydraulic solve time of `estatetwin bench hydraulics` and of EPANET 2.3.5 (npm epanet-js
# 0.9.0, WebAssembly) on the same networks in the same run, and their ratio:
# Net3 and anytown-3 (when ../shared/data/epanet is there) and a generated network of
# ~288 km of mains (tests/sim/gen_network.py --large).
#   tests/bench/hydraulics_vs_epanet.sh [ESTATETWIN] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
exe=${1:-$root/build/estatetwin}
runs=${2:-5}
out=$root/build/test-out/bench-hydraulics
mkdir -p "$out/npm"
if [ ! -f "$out/npm/node_modules/epanet-js/package.json" ]; then
  cp "$root/tests/sim/package.json" "$root/tests/sim/package-lock.json" "$out/npm/"
  (cd "$out/npm" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
export ET_NPM_DIR=$out/npm
nets=()
data=$root/../shared/data/epanet
for n in Net3 anytown-3; do [ -f "$data/$n.inp" ] && nets+=("$data/$n.inp"); done
python3 "$root/tests/sim/gen_network.py" --seed 1 --large --out "$out/large_288km.inp"
nets+=("$out/large_288km.inp")
printf '%-16s %6s %6s %22s %22s %14s\n' network nodes links "estatetwin ms med/min" "epanet-js ms med/min" "ratio med/min"
for net in "${nets[@]}"; do
  ours=$("$exe" bench hydraulics "$net" --runs "$runs")
  theirs=$(node "$root/tests/sim/compare_epanet.mjs" "$net" --bench "$runs")
  o=$(sed -n 's/^solve_ms median \([0-9.]*\) min \([0-9.]*\).*/\1 \2/p' <<<"$ours")
  e=$(sed -n 's/^epanet-js solve_ms median \([0-9.]*\) min \([0-9.]*\).*/\1 \2/p' <<<"$theirs")
  nodes=$(sed -n 's/.*: \([0-9]*\) nodes, \([0-9]*\) links.*/\1/p' <<<"$ours" | head -1)
  links=$(sed -n 's/.*: \([0-9]*\) nodes, \([0-9]*\) links.*/\2/p' <<<"$ours" | head -1)
  read -r om on <<<"$o"
  read -r em en <<<"$e"
  printf '%-16s %6s %6s %22s %22s %14s\n' "$(basename "$net" .inp)" "$nodes" "$links" \
    "$om / $on" "$em / $en" \
    "$(awk -v a="$om" -v b="$em" -v c="$on" -v d="$en" 'BEGIN { printf "%.2f / %.2f", b / a, d / c }')"
done
echo "ratio = epanet-js time / estatetwin time over $runs runs each (median, minimum); no results written"
