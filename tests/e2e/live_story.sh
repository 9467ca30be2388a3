#!/usr/bin/env bash
# `estatetwin live` on the generated Muyanghu day raises the story's alarms at the story's
# hours; live overlays render at a scenario time; bad input is one line and nothing written.
set -u
exe=$1 scene=$2 out=$3 data=$4
rm -rf "$out" && mkdir -p "$out"
failures=0
fail() { echo "FAIL $*"; failures=$((failures+1)); }

"$exe" live "$scene" --alarms "$out/alarms.csv" >"$out/live.stdout" 2>"$out/live.stderr" || fail "live exited $?: $(cat "$out/live.stderr")"
cat "$out/live.stdout"
[ "$(head -1 "$out/alarms.csv")" = "time_s,time,sensor,element,utility,rule,value,limit" ] || fail "CSV header: $(head -1 "$out/alarms.csv")"
grep -qx "rejected 0" "$out/live.stdout" || fail "the generated day should have no rejected readings"

# expect_alarm RULE HOUR: the rule's first alarm is raised within that hour of the day.
expect_alarm() {
  local time
  time=$(awk -F, -v r="$1" '$6 == r { print $2; exit }' "$out/alarms.csv")
  if [ -z "$time" ]; then fail "no '$1' alarm"; return; fi
  if [ "${time%%:*}" != "$2" ]; then fail "'$1' at $time, want $2:xx"; return; fi
  echo "ok   $1 at $time"
}
expect_alarm leak-branch-low-pressure 01  # the galvanized branch starts leaking at 01:50
expect_alarm night-flow-leak 04           # minimum flow 02:00-04:00 over the limit
expect_alarm top-floor-low-pressure 07    # morning peak, top floor of the farthest block
expect_alarm manhole-surcharge-S-D01 16   # an hour of rain
expect_alarm transformer-overload 19      # the evening
n=$(($(wc -l <"$out/alarms.csv") - 1))
[ "$n" -le 12 ] || fail "$n alarms: the quiet sensors should stay quiet"

# --until cuts the replay: nothing after 06:00.
"$exe" live "$scene" --until 06:00 --alarms "$out/morning.csv" >"$out/morning.stdout" 2>&1 || fail "live --until"
awk -F, 'NR > 1 && $1 > 21600 { bad = 1 } END { exit bad }' "$out/morning.csv" || fail "--until 06:00 let later readings in"

# Malformed readings are counted and skipped, never fatal.
{ head -50 "$scene/live/day.jsonl"; echo 'garbage'; echo '{"t": 60, "sensor": "NOPE", "value": 1}'
  echo '{"t": 90, "sensor": "S-P02", "value": "high"}'; } >"$out/bad.jsonl"
"$exe" live "$scene" --source "$out/bad.jsonl" --alarms "$out/bad.csv" >"$out/bad.stdout" 2>&1 || fail "bad lines made live fail"
for reason in "malformed 1" "unknown_sensor 1" "not_a_number 1"; do
  grep -qx "rejected $reason" "$out/bad.stdout" || fail "want 'rejected $reason' in: $(tr '\n' ' ' <"$out/bad.stdout")"
done

# Live overlays at a scenario time (headless render; validation on).
for mode in live alarm staleness; do
  "$exe" render "$scene" --view overview --overlay $mode --time 07:30 --legend --size 160x90 \
    --out "$out/$mode.png" >/dev/null 2>"$out/$mode.stderr" || fail "render --overlay $mode: $(cat "$out/$mode.stderr")"
  [ -s "$out/$mode.png" ] || fail "no $mode.png"
done

# Errors: one line on stderr, exit 1 or 2, no CSV.
expect_error() {
  local name=$1 want=$2 must=$3; shift 3
  "$@" >/dev/null 2>"$out/$name.stderr"
  local rc=$?
  if [ $rc -ne "$want" ] || [ "$(wc -l <"$out/$name.stderr")" -ne 1 ] || ! grep -qF -- "$must" "$out/$name.stderr"; then
    fail "$name: exit $rc, stderr: $(cat "$out/$name.stderr")"
  elif [ -e "$out/$name.csv" ]; then fail "$name: left $name.csv behind"
  else echo "ok   $name: $(cat "$out/$name.stderr")"; fi
}
expect_error no_alarms_option 2 "--alarms FILE.csv is required" "$exe" live "$scene"
expect_error no_sensors 1 "tiny/scene.json: /sensors: the scene names no sensors file" \
  "$exe" live "$data/tiny" --alarms "$out/no_sensors.csv"
expect_error missing_source 1 "missing.jsonl: cannot open" "$exe" live "$scene" --source "$out/missing.jsonl" --alarms "$out/missing_source.csv"
expect_error bad_url 2 "expected mqtt://HOST:PORT" "$exe" live "$scene" --source mqtt://127.0.0.1:x --alarms "$out/bad_url.csv"
expect_error overlay_no_sensors 1 "the alarm overlay needs a live log" \
  "$exe" render "$data/tiny" --view front --overlay alarm --size 64x36 --out "$out/overlay_no_sensors.png"

[ $failures -eq 0 ] && echo "live_story: all passed" || echo "live_story: $failures failure(s)"
exit $((failures > 0))
