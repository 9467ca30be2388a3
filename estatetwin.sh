#!/usr/bin/env bash
# EstateTwin's one entry point: installs what a fresh Debian 12 machine lacks, builds a
# Release build into build/, generates the default scene, then:
#   ./estatetwin.sh               open scenes/muyanghu in a window (or render its
#                                 overview to estatetwin-overview.png without a display)
#   ./estatetwin.sh test          run the whole test suite (ctest); non-zero on failure
#   ./estatetwin.sh VERB ARGS...  run `estatetwin VERB ARGS...` (render, validate, ...)
# Environment: ESTATETWIN_WERROR=1 turns warnings into errors (CI sets it);
# ESTATETWIN_BUILD_TYPE=Debug for a debug build (into build-debug/).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"

# Debian packages the build, the tests and the renderer need (ffmpeg: `record` encodes with it).
packages=(cmake ninja-build g++ pkg-config libvulkan-dev mesa-vulkan-drivers
  vulkan-validationlayers glslc libglfw3-dev libimgui-dev libstb-dev libassimp-dev libglm-dev
  nlohmann-json3-dev libgtest-dev libpng-dev libproj-dev proj-data xvfb xauth python3
  libmosquitto-dev mosquitto mosquitto-clients libeigen3-dev ffmpeg
  fonts-noto-cjk)  # the Chinese UI's glyphs (Noto Sans CJK SC)
# Node.js runs EPANET (npm epanet-js) as the hydraulics tests' reference.
command -v node >/dev/null || packages+=(nodejs npm)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "estatetwin.sh: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  local type=${ESTATETWIN_BUILD_TYPE:-Release}
  build_dir=build
  [ "$type" != Release ] && build_dir=build-$(echo "$type" | tr '[:upper:]' '[:lower:]')
  if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" \
      -DESTATETWIN_WERROR="${ESTATETWIN_WERROR:-OFF}" >/dev/null
  fi
  # Quiet when there is nothing to do: only compiler messages get through. The log is
  # kept so that the build's own exit status decides (a pipe would hide it).
  local status=0
  cmake --build "$build_dir" -- -j"$(nproc)" >"$build_dir/build.log" 2>&1 || status=$?
  grep -vE '^\[[0-9]+/[0-9]+\] |^ninja: (no work to do|Entering directory)' "$build_dir/build.log" || true
  [ "$status" -eq 0 ] || { echo "estatetwin.sh: build failed (log: $build_dir/build.log)" >&2; exit 1; }
  exe=$root/$build_dir/estatetwin
  # The default scene is generated, not committed; regenerate when the generator changes.
  if [ ! -f scenes/muyanghu/scene.json ] || [ "$exe" -nt scenes/muyanghu/scene.json ]; then
    "$exe" generate --out scenes/muyanghu >/dev/null
  fi
}

install_missing
build
case "${1:-}" in
  test)
    shift
    # Validation layers on: any Vulkan validation message fails the test that caused it.
    ESTATETWIN_VALIDATION=1 ctest --test-dir "$build_dir" --output-on-failure -j2 "$@"
    ;;
  "")
    exec "$exe" view scenes/muyanghu
    ;;
  *)
    exec "$exe" "$@"
    ;;
esac
