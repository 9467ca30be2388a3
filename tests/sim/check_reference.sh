#!/usr/bin/env bash
# Local check (not a ctest: the data is not the project's): `estatetwin simulate` against
# the EPANET 2.3.5 reference results beside the project, when they are there.
#   tests/sim/check_reference.sh [ESTATETWIN] [DATA_DIR]
# DATA_DIR defaults to ../shared/data/epanet (beside the repository). Prints the worst
# difference of each quantity per network; exit 1 if any is over the tolerances.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
exe=${1:-$root/build/estatetwin}
data=${2:-$root/../shared/data/epanet}
if [ ! -d "$data/reference" ]; then
  echo "check_reference: no reference data at $data/reference; nothing to check"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for ref in "$data"/reference/*_nodes.csv; do
  name=$(basename "$ref" _nodes.csv)
  inp=$data/$name.inp
  [ -f "$inp" ] || continue
  if ! "$exe" simulate "$inp" --nodes "$tmp/n.csv" --links "$tmp/l.csv" --quiet 2>"$tmp/err"; then
    echo "$name: simulate failed: $(tail -1 "$tmp/err")"
    status=1
    continue
  fi
  python3 "$here/compare_csv.py" "$tmp/n.csv" "$tmp/l.csv" "$ref" \
    "$data/reference/${name}_links.csv" --name "$name" || status=1
done
exit $status
