#!/usr/bin/env bash
# Prints a results file of bench/run.sh (JSON lines) as a table. Fractions of the loopback ceiling use the
# iperf3 lines of the same file: TCP cases against the TCP ceiling (Mbit/s), UDP/multicast cases against the
# 1,200-byte UDP ceiling (packets/s).
set -euo pipefail
f=${1:?usage: table.sh RESULTS.jsonl}
jq -rs '
  def r(n): if . == null then "-" else (. * pow(10; n) | round / pow(10; n) | tostring) end;
  (map(select(.case == "iperf-tcp"))[0].delivered_mbps // null) as $tcp
  | (map(select(.case == "iperf-udp"))[0].delivered_pps // null) as $udp
  | (["case","readers","rate","sent","received","loss%","p50ms","p99ms","p999ms","maxms","Mbit/s","ceil%",
      "srv_cores","cpu-s/Mpkt","rss_MB","KB/rdr","tool_cores","tool_limit","load","steal%"] | @tsv),
    (.[] | if .tool == "iperf3" then
        [.case, "-", "-", "-", "-", (.loss_pct | r(3)), "-", "-", "-", "-", (.delivered_mbps | r(0)), "100",
         "-", "-", "-", "-", "-", "-", (.load1_before | r(2)), "-"] | @tsv
      elif .error then [.case, .error] | @tsv
      else
        (if .reader_transport == "tcp" then (if $tcp then .delivered_mbps / $tcp * 100 else null end)
         else (if $udp then .delivered_pps / $udp * 100 else null end) end) as $ceil
        | [.case, .readers_connected, .rate, .sent, .received, (.loss_pct | r(4)),
           (.latency_us.p50 | if . == null or . < 0 then null else . / 1000 end | r(2)),
           (.latency_us.p99 | if . == null or . < 0 then null else . / 1000 end | r(2)),
           (.latency_us.p999 | if . == null or . < 0 then null else . / 1000 end | r(2)),
           (.latency_us.max | if . == null or . < 0 then null else . / 1000 end | r(1)),
           (.delivered_mbps | r(1)), ($ceil | r(2)), (.server_cores | r(3)),
           (.server_cpu_s_per_million_packets | r(2)), (.server_rss_mb | r(0)),
           (.server_rss_kb_per_reader | r(1)), (.tool_cores | r(3)), (if .tool_bottleneck then "YES" else "no" end),
           ((.load1_start | r(2)) + "/" + (.load1_end | r(2))), (.host_steal_pct | r(1))] | @tsv
      end)
' "$f" | column -t -s $'\t'
