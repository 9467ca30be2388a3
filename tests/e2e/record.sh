#!/usr/bin/env bash
# `record`: a 2-second 320x180 tour at 10 fps to MP4 and PNG frames. The video is what
# ffprobe says (20 frames, 320x180, h264, yuv420p, faststart); each PNG frame is exactly
# `render --tour T --at k/10 --legend`, and frames decoded from the video match those renders
# within H.264's loss; the same tour twice gives the same frames; --range records a part;
# Ctrl-C leaves a playable file; bad input writes nothing. The shipped tours load.
set -u
exe=$1 tool=$2 scene_src=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }
# A copy of the scene with a test tour of its own (the fixture is shared by other tests).
cp -r "$scene_src" "$out/scene"
scene=$out/scene
cat >"$scene/tours.json" <<'JSON'
{"format": "estatetwin-tours/1",
 "tours": [{"name": "test", "keys": [
   {"bookmark": "overview", "time": "07:00", "overlay": "alarm", "xray": true, "duration": 1.5},
   {"bookmark": "pumphouse", "time": "07:30", "overlay": "alarm", "duration": 0.5}]},
  {"name": "long", "keys": [
   {"bookmark": "overview", "duration": 30}, {"bookmark": "lane", "duration": 30}]}]}
JSON
rec() { env -u DISPLAY "$exe" record "$scene" "$@"; }

# The whole tour: video and PNG sequence in one run.
rec --tour test --size 320x180 --fps 10 --out "$out/a.mp4" --frames "$out/a" >"$out/a.log" 2>&1 ||
  { cat "$out/a.log"; fail "record exited non-zero"; }
cat "$out/a.log" | tr '\r' '\n' | tail -3
grep -q "20/20 frames" "$out/a.log" || fail "no progress bar reaching 20/20 frames"
grep -q "render .* ms, encode .* ms" "$out/a.log" || fail "no render/encode summary"
[ ! -e "$out/a.mp4.part" ] || fail "temporary file left behind"
read -r codec w h pix frames < <(ffprobe -v error -select_streams v:0 -count_frames \
  -show_entries stream=codec_name,width,height,pix_fmt,nb_read_frames -of csv=p=0 "$out/a.mp4" | tr ',' ' ')
[ "$codec $w $h $pix $frames" = "h264 320 180 yuv420p 20" ] || fail "ffprobe: $codec $w $h $pix $frames"
python3 - "$out/a.mp4" <<'PY' || fail "moov atom is not before mdat (no faststart)"
import struct, sys
data = open(sys.argv[1], "rb").read()
i, order = 0, []
while i + 8 <= len(data):
    size, kind = struct.unpack(">I4s", data[i:i + 8])
    order.append(kind.decode())
    i += size if size > 1 else len(data)
assert order.index("moov") < order.index("mdat"), order
PY
[ "$(ls "$out/a" | wc -l)" = 20 ] || fail "$(ls "$out/a" | wc -l) PNG frames, want 20"

# Frame k is the tour's view at k/10 s: the PNG exactly, the video within H.264's loss
# (and closer to its own moment than to another one).
for k in 0 7 15 19; do
  at=$(python3 -c "print($k / 10)")
  png=$(printf "%s/a/frame-%05d.png" "$out" "$k")
  env -u DISPLAY "$exe" render "$scene" --tour test --at "$at" --legend --size 320x180 --out "$out/r$k.png" >/dev/null ||
    fail "render --tour test --at $at"
  "$tool" compare "$png" "$out/r$k.png" 0 0 >/dev/null || fail "PNG frame $k differs from render --at $at"
  ffmpeg -v error -y -i "$out/a.mp4" -vf "select=eq(n\,$k)" -frames:v 1 "$out/v$k.png" || fail "decode frame $k"
  "$tool" compare "$out/v$k.png" "$out/r$k.png" 64 0.02 || fail "video frame $k differs from render --at $at"
done
psnr() { ffmpeg -v info -i "$1" -i "$2" -lavfi psnr -f null - 2>&1 | sed -n 's/.*average:\([0-9.inf]*\).*/\1/p'; }
own=$(psnr "$out/v7.png" "$out/r7.png") other=$(psnr "$out/v7.png" "$out/r15.png")
echo "video frame 7: PSNR $own dB against render --at 0.7, $other dB against --at 1.5"
python3 -c "import sys; o=float('$own'); t=float('$other'); sys.exit(0 if o > 30 and o > t + 3 else 1)" ||
  fail "video frame 7 does not match its moment (PSNR $own vs $other)"

# Determinism: the same tour again gives the same frames, PNG and decoded video.
rec --tour test --size 320x180 --fps 10 --out "$out/b.mp4" --frames "$out/b" >"$out/b.log" 2>&1 || fail "second record"
for f in "$out"/a/*.png; do cmp -s "$f" "$out/b/$(basename "$f")" || fail "$(basename "$f") differs between runs"; done
cmp -s <(ffmpeg -v error -i "$out/a.mp4" -f framemd5 -) <(ffmpeg -v error -i "$out/b.mp4" -f framemd5 -) ||
  fail "decoded video differs between runs"

# --range: the second half only; its first frame is frame 10 of the whole tour.
rec --tour test --size 320x180 --fps 10 --range 1-2 --frames "$out/c" >/dev/null 2>&1 || fail "record --range"
[ "$(ls "$out/c" | wc -l)" = 10 ] || fail "--range 1-2 at 10 fps wrote $(ls "$out/c" | wc -l) frames, want 10"
cmp -s "$out/c/frame-00000.png" "$out/a/frame-00010.png" || fail "--range 1-2 does not start at 1 s"

# Ctrl-C: record stops, ffmpeg finishes, the file plays with what was recorded (exit 130).
# (Run directly, not through a function: $! must be record itself to receive the signal.)
env -u DISPLAY "$exe" record "$scene" --tour long --size 320x180 --fps 10 --out "$out/int.mp4" \
  --frames "$out/int" >"$out/int.log" 2>&1 &
pid=$!
for _ in $(seq 600); do [ "$(ls "$out/int" 2>/dev/null | wc -l)" -ge 3 ] && break; sleep 0.1; done
kill -INT $pid
wait $pid
rc=$?
[ "$rc" = 130 ] || { cat "$out/int.log"; fail "interrupted record exited $rc, want 130"; }
[ -f "$out/int.mp4" ] && [ ! -e "$out/int.mp4.part" ] || fail "interrupted record left no video"
n=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$out/int.mp4")
[ "$n" -ge 3 ] && [ "$n" -lt 600 ] || fail "interrupted video has $n frames"
ffmpeg -v error -i "$out/int.mp4" -f null - 2>"$out/int.decode" && [ ! -s "$out/int.decode" ] || fail "interrupted video does not play"
echo "interrupted after $n frames: playable"

# Bad input: one line naming what is wrong, non-zero exit, nothing written.
bad() {
  local want=$1; shift
  rm -rf "$out/bad" "$out/bad.mp4"
  if rec "$@" >"$out/bad.out" 2>"$out/bad.err"; then fail "accepted: $*"; fi
  [ "$(wc -l <"$out/bad.err")" = 1 ] || { cat "$out/bad.err"; fail "not one line: $*"; }
  grep -q -- "$want" "$out/bad.err" || { cat "$out/bad.err"; fail "'$want' not in the error for: $*"; }
  [ ! -e "$out/bad.mp4" ] && [ ! -e "$out/bad.mp4.part" ] && [ ! -e "$out/bad" ] || fail "wrote output for: $*"
}
ok=(--size 320x180 --fps 10 --out "$out/bad.mp4" --frames "$out/bad")
bad "tours.json: /tours: unknown tour 'nope' (have: test, long)" --tour nope "${ok[@]}"
bad "--range" --tour test "${ok[@]}" --range 1.5-0.5
bad "--range" --tour test "${ok[@]}" --range 0-9
bad "--range" --tour test "${ok[@]}" --range soon
bad "--fps" --tour test --size 320x180 --fps 0 --out "$out/bad.mp4"
bad "--fps" --tour test --size 320x180 --fps ten --out "$out/bad.mp4"
bad "even width and height" --tour test --size 321x180 --fps 10 --out "$out/bad.mp4"
bad "required" --tour test --size 320x180 --fps 10
bad "expected a FILE.mp4" --tour test --size 320x180 --fps 10 --out "$out/bad.avi"
bad "does not exist" --tour test --size 320x180 --fps 10 --out "$out/no-such-folder/bad.mp4"
bad "--lang: expected zh or en" --tour test "${ok[@]}" --lang fr
echo '{"format": "estatetwin-tours/1", "tours": [{"name": "x", "keys": [{"bookmark": "nowhere", "duration": 1}]}]}' >"$scene/tours.json"
bad "tours.json: /tours/0/keys/0/bookmark: tour 'x': unknown bookmark 'nowhere'" --tour x "${ok[@]}"

# The shipped tours: both load; the day of data records (its first moments).
env -u DISPLAY "$exe" record "$scene_src" --tour day-of-data --size 320x180 --fps 10 --range 0-0.2 \
  --frames "$out/day" >"$out/day.log" 2>&1 || { cat "$out/day.log"; fail "record day-of-data"; }
for at in 7 12 20; do
  env -u DISPLAY "$exe" render "$scene_src" --tour day-of-data --at $at --legend --size 320x180 \
    --out "$out/day-$at.png" >/dev/null || fail "render day-of-data at $at"
done
env -u DISPLAY "$exe" render "$scene_src" --tour coordinated-plan --at 0 --size 320x180 \
  --out "$out/plan-0.png" >/dev/null || fail "the coordinated-plan tour does not load"
echo "record: all checks passed"
