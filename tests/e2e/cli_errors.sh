#!/usr/bin/env bash
# Bad input, as a user would give it: each case must exit non-zero with exactly one line
# on stderr that names the file (or option) and the place, and leave no output behind.
set -u
exe=$1 data=$2 scene=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
failures=0

# expect_error NAME MUST_CONTAIN -- COMMAND...
expect_error() {
  local name=$1 must=$2; shift 3
  local png="$out/$name.png"
  "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"
  local rc=$? lines
  lines=$(wc -l <"$out/$name.stderr")
  if [ $rc -eq 0 ] || [ $rc -ge 128 ]; then
    echo "FAIL $name: exit code $rc (want 1 or 2, no crash)"; failures=$((failures+1)); return
  fi
  if [ "$lines" -ne 1 ]; then
    echo "FAIL $name: $lines lines on stderr (want 1):"; cat "$out/$name.stderr"; failures=$((failures+1)); return
  fi
  if ! grep -qF -- "$must" "$out/$name.stderr"; then
    echo "FAIL $name: stderr lacks '$must':"; cat "$out/$name.stderr"; failures=$((failures+1)); return
  fi
  if ls "$out" | grep -q "\.png"; then
    echo "FAIL $name: an output file was left behind"; ls "$out"; failures=$((failures+1)); return
  fi
  echo "ok   $name: $(cat "$out/$name.stderr")"
}

mkdir -p "$out/bad_json" "$out/bad_model" "$out/missing_model"
printf '{\n  "format": "estatetwin-scene/1",\n  "name": "x",,\n}\n' >"$out/bad_json/scene.json"
sed 's#"../cube.obj"#"cube.obj"#; s#"../box.gltf"#"box.gltf"#' "$data/tiny/scene.json" >"$out/bad_model/scene.json"
printf 'solid garbage\n\x00\x01\x02 not a model' >"$out/bad_model/cube.obj"
cp "$data/box.gltf" "$out/bad_model/"
sed 's#"../cube.obj"#"gone.obj"#; s#"../box.gltf"#"box.gltf"#' "$data/tiny/scene.json" >"$out/missing_model/scene.json"
cp "$data/box.gltf" "$out/missing_model/"

expect_error missing_scene "no_such: scene not found" -- "$exe" render "$out/no_such" --view front --size 64x36 --out "$out/a.png"
expect_error malformed_json "bad_json/scene.json: line 3" -- "$exe" render "$out/bad_json" --view front --size 64x36 --out "$out/a.png"
expect_error unreadable_model "/models/cube/file" -- "$exe" render "$out/bad_model" --view front --size 64x36 --out "$out/a.png"
expect_error missing_model "gone.obj: model file not found" -- "$exe" validate "$out/missing_model"
expect_error unknown_bookmark "unknown bookmark 'nowhere'" -- "$exe" render "$data/tiny" --view nowhere --size 64x36 --out "$out/a.png"
expect_error size_zero "--size width" -- "$exe" render "$data/tiny" --view front --size 0x0 --out "$out/a.png"
expect_error size_garbage "expected WxH" -- "$exe" render "$data/tiny" --view front --size big --out "$out/a.png"
expect_error bad_camera "--camera" -- "$exe" render "$data/tiny" --camera 1,2,3 --size 64x36 --out "$out/a.png"
expect_error bad_opacity "--ground-opacity" -- "$exe" render "$data/tiny" --view front --ground-opacity 2 --size 64x36 --out "$out/a.png"
expect_error unwritable_out "cannot write" -- "$exe" render "$data/tiny" --view front --size 64x36 --out "$out/no_dir/a.png"
expect_error unknown_option "unknown option --colour" -- "$exe" render "$data/tiny" --colour red
expect_error unknown_verb "unknown verb 'paint'" -- "$exe" paint
# Relocation plans: an unknown plan (A or B) names the plan and the scene; a bad date.
expect_error unknown_plan "unknown plan 'nope' in scene $scene" -- "$exe" render "$scene" --view overview --plan nope --size 64x36 --out "$out/a.png"
expect_error unknown_plan_b "unknown plan 'zzz' in scene $scene" -- "$exe" render "$scene" --view overview --plan coordinated --plan-b zzz --size 64x36 --out "$out/a.png"
expect_error pick_unknown_plan "unknown plan 'nope' in scene $scene" -- "$exe" pick "$scene" --view overview --plan nope --size 64x36 --pixel 1,1
expect_error plan_without_plans "unknown plan 'coordinated' in scene $data/tiny (it has no plans)" -- "$exe" render "$data/tiny" --view front --plan coordinated --size 64x36 --out "$out/a.png"
expect_error bad_date "--date: expected a date YYYY-MM-DD, got '2027-02-30'" -- "$exe" render "$scene" --view overview --plan coordinated --date 2027-02-30 --size 64x36 --out "$out/a.png"
expect_error date_before_epoch "is before the scene's epoch" -- "$exe" render "$scene" --view overview --plan coordinated --date 2020-01-01 --size 64x36 --out "$out/a.png"
printf 'wait 1\nfly away\n' >"$out/bad.script"
expect_error bad_script "bad.script: line 2" -- "$exe" view "$data/tiny" --script "$out/bad.script"
expect_error negative_monitor "--monitor: expected a monitor number 0, 1, ..." -- "$exe" view "$data/tiny" --monitor -1 --script "$out/bad.script"
expect_error bad_lang "--lang" -- "$exe" view "$data/tiny" --lang xx --script "$out/bad.script"

# Every verb answers --help with exit 0.
for verb in view render validate generate "bench render"; do
  if ! $exe $verb --help >/dev/null 2>&1; then echo "FAIL $verb --help"; failures=$((failures+1)); fi
done

# validate on a good scene succeeds and reports the households.
if ! "$exe" validate "$data/tiny" --json | grep -q '"households": 5'; then
  echo "FAIL validate --json on the tiny scene"; failures=$((failures+1))
fi
# A scene whose optional layer failed still loads; validate names the failure and exits 0.
if ! "$exe" validate "$data/tiny_net" >"$out/tiny_net.txt" 2>&1 || ! grep -q "gas layer not loaded: .*bad_polygon.geojson: feature 0 (id PLOT-1)" "$out/tiny_net.txt"; then
  echo "FAIL validate of a scene with a broken layer"; cat "$out/tiny_net.txt"; failures=$((failures+1))
fi
[ $failures -eq 0 ] && echo "cli_errors: all passed" || echo "cli_errors: $failures failed"
exit $((failures > 0))
