#!/usr/bin/env bash
# `estatetwin live --source mqtt://` against a real mosquitto this script starts on
# 127.0.0.1 (a free port): readings published with mosquitto_pub -q 1 are accepted, bad
# ones counted, an alarm is raised, and SIGTERM still writes what was raised.
set -u
exe=$1 scene=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
failures=0
fail() { echo "FAIL $*"; failures=$((failures+1)); }
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || { echo "FAIL mosquitto not installed"; exit 1; }
command -v mosquitto_pub >/dev/null || { echo "FAIL mosquitto_pub not installed (mosquitto-clients)"; exit 1; }
PATH=$PATH:/usr/sbin

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
{ echo "listener $port 127.0.0.1"; echo "allow_anonymous true"; [ "$(id -u)" = 0 ] && echo "user root"; } >"$out/mosquitto.conf"
mosquitto -c "$out/mosquitto.conf" >"$out/mosquitto.log" 2>&1 &
broker=$!
cleanup() { kill "$broker" 2>/dev/null; wait "$broker" 2>/dev/null; }
trap cleanup EXIT
for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break; sleep 0.1; done

# wait_connected LOG: until the twin says it is connected (it subscribes on connect).
wait_connected() {
  for _ in $(seq 100); do grep -q "^mqtt: connected" "$1" && return 0; sleep 0.1; done
  fail "never connected: $(cat "$1")"; return 1
}
pub() { mosquitto_pub -h 127.0.0.1 -p "$port" -q 1 -t "estatetwin/muyanghu/sensors/$1" -m "$2"; }

"$exe" live "$scene" --source "mqtt://127.0.0.1:$port" --until 6 --alarms "$out/alarms.csv" >"$out/run1.log" 2>&1 &
twin=$!
if wait_connected "$out/run1.log"; then
  pub S-P02 '{"t": "07:00:00", "value": 0.16}'
  pub S-P02 '{"t": "07:01:00", "value": 0.08}'   # top floor below 0.10 MPa: alarm
  pub S-P02 '{"t": "07:02:00", "value": 0.09}'
  pub S-F01 '{"t": "07:02:00", "value": 11.0}'
  pub S-P02 'not json'
  pub S-NOPE '{"t": "07:02:00", "value": 1}'
  pub S-E01 '{"t": "07:02:00", "value": 900}'     # out of the load's physical range
fi
wait "$twin" || fail "live (mqtt) exited $?"
cat "$out/run1.log"
grep -qx "accepted 4" "$out/run1.log" || fail "want 4 accepted"
for reason in "malformed 1" "unknown_sensor 1" "out_of_range 1"; do
  grep -qx "rejected $reason" "$out/run1.log" || fail "want 'rejected $reason'"
done
grep -q ",S-P02,.*,top-floor-low-pressure,0.08," "$out/alarms.csv" || fail "no top-floor alarm: $(cat "$out/alarms.csv")"

# No --until: runs until SIGTERM, then writes what it has.
"$exe" live "$scene" --source "mqtt://127.0.0.1:$port" --alarms "$out/term.csv" >"$out/run2.log" 2>&1 &
twin=$!
if wait_connected "$out/run2.log"; then
  pub S-E01 '{"t": "19:00:00", "value": 80}'
  pub S-E01 '{"t": "19:01:00", "value": 112}'    # transformer overload
  sleep 0.5
  kill -TERM "$twin"
fi
wait "$twin" || fail "live (SIGTERM) exited $?"
grep -q "stopped by signal" "$out/run2.log" || fail "no 'stopped by signal'"
grep -q ",transformer-overload," "$out/term.csv" || fail "SIGTERM run lost its alarm: $(cat "$out/term.csv" 2>&1)"

[ $failures -eq 0 ] && echo "live_mqtt: all passed" || echo "live_mqtt: $failures failure(s)"
exit $((failures > 0))
