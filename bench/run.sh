#!/usr/bin/env bash
# Runs the standard rtsp4j bench matrix (issue 8) against a relay it starts, writes one JSON line per case under
# bench/results/ and prints a table.
#
#   bench/run.sh                                   # our relay (the shaded jar), every case
#   bench/run.sh --cases "tcp-200 udp-100"         # some cases only
#   bench/run.sh --relay-cmd "mediamtx /tmp/m.yml" --relay-name mediamtx --port 8554
#
# Options:
#   --relay-cmd CMD     command that runs the relay in the foreground; it must exec the server process itself
#                       (its pid is the one sampled) and serve rtsp://127.0.0.1:PORT/ on loopback only.
#                       Placeholders: {port} {udp_rtp} {udp_rtcp} {multicast_range}.
#                       Default: java $RELAY_JAVA_OPTS -jar rtsp-examples/target/rtsp4j.jar server ... $RELAY_ARGS
#                       (RELAY_ARGS: extra relay flags, e.g. "--write-batch-packets 3")
#   --relay-name NAME   label in the results (default rtsp4j)
#   --port N            RTSP port (default 18554)
#   --cases "A B ..."   cases to run (default: all, see CASES below)
#   --duration S        measured seconds per streaming case (default 20)
#   --warmup S          warm-up seconds per streaming case (default 20: a fresh JVM relay's JIT compilers work for
#                       about 20 s once the load starts, ~2.5 CPU-s, a fifth of a 15-s window's CPU at 200 readers)
#   --max-load L        before each case wait until the 1-minute load is below L (default: no wait)
#   --max-wait S        give up waiting for the load after S seconds and run anyway (default 600)
#   --nice N            run relay and bench at this priority (e.g. -20 on a machine shared with builds;
#                       default 0): the script re-runs itself in a new session (setsid) whose scheduler
#                       autogroup gets nice N (plain nice does not work across sessions with autogroups);
#                       recorded in the results as "nice"
#   --no-gc             idle cases: do not run `jcmd PID GC.run` on a JVM relay (by default it runs once before
#                       the bench and once after the readers connected, so RSS counts what sessions keep,
#                       not handshake garbage that an idle JVM never collects)
#   --out FILE          results file (default bench/results/<date>-<relay>.jsonl)
#   --jar PATH          the rtsp4j jar (bench tool, and default relay)
#
# Multicast cases run inside a network namespace (bench4j) created here; nothing is sent on the host's
# interfaces. Requires root for `ip netns` (multicast cases are skipped otherwise).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/rtsp-examples/target/rtsp4j.jar
RELAY_CMD=""
RELAY_NAME=rtsp4j
PORT=18554
DURATION=20
WARMUP=20
MAX_LOAD=""
MAX_WAIT=600
NICE=0
GC=1
OUT=""
NS=bench4j
ALL_CASES="iperf-tcp iperf-udp tcp-1 tcp-10 tcp-50 tcp-100 tcp-200 tcp-400 tcp-800 udp-1 udp-10 udp-50 udp-100 udp-200
 rate-20000 rate-50000 rate-100000 idle-1000 idle-5000 mcast-10 mcast-100"
CASES=$ALL_CASES
RELAY_JAVA_OPTS=${RELAY_JAVA_OPTS:-"-Xms256m -Xmx2g"}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xms256m -Xmx1g"}
RELAY_ARGS=${RELAY_ARGS:-}

ORIG_ARGS=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --relay-cmd) RELAY_CMD=$2; shift 2;;
    --relay-name) RELAY_NAME=$2; shift 2;;
    --port) PORT=$2; shift 2;;
    --cases) CASES=$2; shift 2;;
    --duration) DURATION=$2; shift 2;;
    --warmup) WARMUP=$2; shift 2;;
    --max-load) MAX_LOAD=$2; shift 2;;
    --max-wait) MAX_WAIT=$2; shift 2;;
    --nice) NICE=$2; shift 2;;
    --no-gc) GC=0; shift;;
    --out) OUT=$2; shift 2;;
    --jar) JAR=$2; shift 2;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0;;
    *) echo "run.sh: unknown option $1" >&2; exit 2;;
  esac
done

if [ "$NICE" != 0 ] && [ "${BENCH_AUTOGROUP:-}" != 1 ]; then
  exec env BENCH_AUTOGROUP=1 setsid --wait "$0" "${ORIG_ARGS[@]}"
fi
if [ "$NICE" != 0 ]; then
  echo "$NICE" >"/proc/$$/autogroup" 2>/dev/null || echo "run.sh: cannot set the autogroup nice" >&2
fi

[ -f "$JAR" ] || { echo "run.sh: $JAR missing: mvn -pl rtsp-examples package -DskipTests" >&2; exit 1; }
command -v jq >/dev/null || { echo "run.sh: jq is required" >&2; exit 1; }
mkdir -p "$ROOT/bench/results"
OUT=${OUT:-$ROOT/bench/results/$(date -u +%Y%m%d-%H%M%S)-$RELAY_NAME.jsonl}
UDP_RTP=$((PORT + 2)); UDP_RTCP=$((PORT + 3))
LOGS=${OUT%.jsonl}.logs
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

relay_command() {   # $1: multicast range ("" = disabled)
  local cmd=$RELAY_CMD
  if [ -z "$cmd" ]; then
    cmd="java $RELAY_JAVA_OPTS -jar $JAR server --rtsp-address 127.0.0.1:{port} --udp-rtp-address 127.0.0.1:{udp_rtp}"
    cmd="$cmd --udp-rtcp-address 127.0.0.1:{udp_rtcp} --multicast-ip-range '{multicast_range}' --log-level warn"
    cmd="$cmd $RELAY_ARGS"
  fi
  cmd=${cmd//\{port\}/$PORT}; cmd=${cmd//\{udp_rtp\}/$UDP_RTP}; cmd=${cmd//\{udp_rtcp\}/$UDP_RTCP}
  echo "${cmd//\{multicast_range\}/$1}"
}

in_ns() { if [ "$NETNS" = 1 ]; then ip netns exec "$NS" "$@"; else "$@"; fi; }

RELAY_PID=""
start_relay() {   # $1: multicast range
  local log=$LOGS/relay.log
  mkdir -p "$LOGS"
  if in_ns bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then
    echo "run.sh: port $PORT is already in use (a relay left over?)" >&2; return 1
  fi
  # no function or subshell in between: $! must be the relay itself (bash and ip netns exec both exec)
  if [ "$NETNS" = 1 ]; then
    ip netns exec "$NS" bash -c "exec nice -n $NICE $(relay_command "$1")" >"$log" 2>&1 &
  else
    bash -c "exec nice -n $NICE $(relay_command "$1")" >"$log" 2>&1 &
  fi
  RELAY_PID=$!
  for _ in $(seq 1 100); do
    if in_ns bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null; then return 0; fi
    kill -0 "$RELAY_PID" 2>/dev/null || { echo "run.sh: relay exited: $(tail -3 "$log")" >&2; return 1; }
    sleep 0.2
  done
  echo "run.sh: relay did not listen on $PORT" >&2; return 1
}

stop_relay() {
  [ -n "$RELAY_PID" ] || return 0
  kill "$RELAY_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$RELAY_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$RELAY_PID" 2>/dev/null || true
  wait "$RELAY_PID" 2>/dev/null || true
  RELAY_PID=""
}

setup_netns() {
  [ -e "/var/run/netns/$NS" ] || ip netns add "$NS"
  ip -n "$NS" link set lo up multicast on
  ip -n "$NS" route replace 224.0.0.0/4 dev lo src 127.0.0.1
}

load1() { cut -d' ' -f1 /proc/loadavg; }

wait_for_load() {
  [ -n "$MAX_LOAD" ] || return 0
  local waited=0
  while awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN{exit !(l >= m)}'; do
    if [ "$waited" -ge "$MAX_WAIT" ]; then echo "run.sh: load still $(load1), running anyway" >&2; return 0; fi
    [ $((waited % 60)) -eq 0 ] && echo "run.sh: load $(load1) >= $MAX_LOAD, waiting" >&2
    sleep 10; waited=$((waited + 10))
  done
}

record() {   # $1 case, stdin: JSON object
  jq -c --arg case "$1" --arg relay "$RELAY_NAME" --argjson nice "$NICE" --arg ra "$RELAY_ARGS" \
    '{case:$case, relay:$relay} + . + {nice:$nice, relay_args:$ra}' >>"$OUT"
}

bench_case() {   # $1 case, then bench options
  local name=$1; shift
  local load_before; load_before=$(load1)
  local json
  mkdir -p "$LOGS"
  : >"$LOGS/$name.err"
  local gc_watch=""
  if [ "${GC_AFTER_CONNECT:-0}" = 1 ]; then
    # a JVM relay keeps the garbage of 1000s of handshakes in its young generation until a GC happens, which
    # an idle relay never triggers: collect once the readers play, so RSS shows what the sessions keep
    ( for _ in $(seq 1 600); do grep -q 'readers playing' "$LOGS/$name.err" && break; sleep 0.2; done
      sleep 1; jcmd "$RELAY_PID" GC.run >/dev/null 2>&1 ) &
    gc_watch=$!
  fi
  if json=$(in_ns nice -n "$NICE" java $BENCH_JAVA_OPTS -jar "$JAR" bench --url "rtsp://127.0.0.1:$PORT/bench" \
      --server-pid "$RELAY_PID" "$@" 2>"$LOGS/$name.err"); then
    grep -v '^bench: t=' "$LOGS/$name.err" >&2 || true
    [ -n "$gc_watch" ] && wait "$gc_watch" 2>/dev/null
    echo "$json" | jq -c --argjson lb "$load_before" --argjson gc "${GC_AFTER_CONNECT:-0}" \
      '. + {load1_before: $lb, relay_gc_after_connect: ($gc == 1)}' | record "$name"
  else
    echo "{\"error\":\"bench failed\",\"load1_before\":$load_before}" | record "$name"
  fi
}

iperf_case() {   # $1: tcp|udp
  command -v iperf3 >/dev/null || { echo '{"error":"iperf3 not installed"}' | record "iperf-$1"; return; }
  local p=$((PORT + 100)) json
  nice -n "$NICE" iperf3 -s -1 -B 127.0.0.1 -p "$p" >/dev/null 2>&1 &
  local spid=$!
  sleep 0.5
  local load_before; load_before=$(load1)
  if [ "$1" = tcp ]; then
    json=$(nice -n "$NICE" iperf3 -c 127.0.0.1 -p "$p" -t "$DURATION" -J)
    echo "$json" | jq -c --argjson lb "$load_before" '{tool:"iperf3", protocol:"tcp",
      delivered_mbps: (.end.sum_received.bits_per_second / 1e6),
      host_cpu_pct: .end.cpu_utilization_percent.host_total,
      remote_cpu_pct: .end.cpu_utilization_percent.remote_total, load1_before: $lb}' | record iperf-tcp
  else
    json=$(nice -n "$NICE" iperf3 -c 127.0.0.1 -p "$p" -u -b 0 -l 1200 -t "$DURATION" -J)
    echo "$json" | jq -c --argjson lb "$load_before" '{tool:"iperf3", protocol:"udp", payload:1200,
      delivered_mbps: (.end.sum.bits_per_second * (1 - .end.sum.lost_percent / 100) / 1e6),
      sent_pps: (.end.sum.packets / .end.sum.seconds),
      delivered_pps: ((.end.sum.packets - .end.sum.lost_packets) / .end.sum.seconds),
      loss_pct: .end.sum.lost_percent,
      host_cpu_pct: .end.cpu_utilization_percent.host_total,
      remote_cpu_pct: .end.cpu_utilization_percent.remote_total, load1_before: $lb}' | record iperf-udp
  fi
  wait "$spid" 2>/dev/null || true
}

run_case() {
  local c=$1 n
  NETNS=0
  wait_for_load
  echo "run.sh: case $c (load $(load1))" >&2
  case "$c" in
    iperf-tcp) iperf_case tcp;;
    iperf-udp) iperf_case udp;;
    tcp-*) n=${c#tcp-}; start_relay "" && bench_case "$c" --readers "$n" --reader-transport tcp --rate 500 \
        --payload 1200 --duration "${DURATION}s" --warmup "${WARMUP}s"; stop_relay;;
    udp-*) n=${c#udp-}; start_relay "" && bench_case "$c" --readers "$n" --reader-transport udp --rate 500 \
        --payload 1200 --duration "${DURATION}s" --warmup "${WARMUP}s"; stop_relay;;
    rate-*) n=${c#rate-}; start_relay "" && bench_case "$c" --readers 1 --reader-transport tcp --rate "$n" \
        --payload 1200 --duration "${DURATION}s" --warmup "${WARMUP}s"; stop_relay;;
    idle-*) n=${c#idle-}; start_relay "" || return 0
      GC_AFTER_CONNECT=0
      if [ "$GC" = 1 ] && [ "$(cat "/proc/$RELAY_PID/comm" 2>/dev/null)" = java ] && command -v jcmd >/dev/null; then
        # same for the baseline: collect the start-up garbage before the bench measures it
        sleep 2; jcmd "$RELAY_PID" GC.run >/dev/null 2>&1 || true; GC_AFTER_CONNECT=1
      fi
      GC_AFTER_CONNECT=$GC_AFTER_CONNECT bench_case "$c" --readers "$n" --reader-transport tcp --rate 0 \
        --duration 10s --warmup 5s --connect-concurrency 128; stop_relay;;
    mcast-*) n=${c#mcast-}
      if [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null; then
        echo '{"error":"multicast needs root for ip netns"}' | record "$c"; return; fi
      setup_netns; NETNS=1
      start_relay "224.1.0.0/16" && bench_case "$c" --readers "$n" --reader-transport multicast --rate 500 \
        --payload 1200 --duration "${DURATION}s" --warmup "${WARMUP}s"; stop_relay;;
    *) echo "run.sh: unknown case $c" >&2;;
  esac
}

trap 'stop_relay' EXIT
for c in $CASES; do run_case "$c"; done

"$ROOT/bench/table.sh" "$OUT"
echo "results: $OUT" >&2
