#!/usr/bin/env bash
# What the kernel alone charges a sender per packet on this machine's loopback, measured with iperf3 (C, no JVM):
#   udp: one 1,200-byte datagram per sendto(), 1 Gbit/s offered
#   tcp: one 1,216-byte write() per packet (a $-framed 1,200-byte RTP packet) with TCP_NODELAY, ~1 Gbit/s paced
# The sender's CPU (user + system, iperf3's own accounting) divided by the packets it sent is the floor under any
# relay's "CPU-s per million delivered packets" when each delivery is its own send (bench/run.sh cases at 500
# packets/s per reader): on loopback the sender's syscall also runs the receiver's input path and wake-up.
#
#   bench/kernel-floor.sh [SECONDS]        prints one JSON line per protocol
set -euo pipefail
SECS=${1:-8}
PORT=5299
command -v iperf3 >/dev/null || { echo "iperf3 is not installed" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
run() {
  local proto=$1; shift
  iperf3 -s -p "$PORT" -1 >/dev/null 2>&1 &
  local srv=$!
  sleep 0.5
  iperf3 -c 127.0.0.1 -p "$PORT" -t "$SECS" -J "$@" > "$TMP/$proto.json"
  wait "$srv" || true
  python3 - "$proto" "$TMP/$proto.json" <<'PY'
import json, sys
proto, path = sys.argv[1], sys.argv[2]
end = json.load(open(path))["end"]
cpu = end["cpu_utilization_percent"]
if proto == "udp":
    s = end["sum"]; packets = s["packets"]; secs = s["seconds"]
else:
    s = end["sum_sent"]; packets = s["bytes"] / 1216; secs = s["seconds"]
per = lambda pct: round(pct / 100 * secs / packets * 1e6, 2)
print(json.dumps({"protocol": proto, "packets_per_s": round(packets / secs),
                  "sender_cpu_us_per_packet": per(cpu["host_total"]),
                  "sender_user_us_per_packet": per(cpu["host_user"]),
                  "sender_system_us_per_packet": per(cpu["host_system"]),
                  "receiver_cpu_us_per_packet": per(cpu["remote_total"])}))
PY
}
run udp -u -b 1G -l 1200
run tcp -N -b 1G -l 1216
