#!/usr/bin/env bash
# Accepts the images the last golden test run rendered as the new references.
# Look at them first: build/test-out/golden/NAME.actual.png (and .diff.png on failure).
# usage: tests/render/accept_goldens.sh [BUILD_DIR] [NAME...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
shift || true
src=$build/test-out/golden
[ -d "$src" ] || { echo "no rendered images in $src: run ./estatetwin.sh test first" >&2; exit 1; }
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$src"/*.actual.png; do names+=("$(basename "$f" .actual.png)"); done
fi
for n in "${names[@]}"; do
  cp "$src/$n.actual.png" "$here/golden/$n.png"
  echo "accepted $n"
done
