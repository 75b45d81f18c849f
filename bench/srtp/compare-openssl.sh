#!/usr/bin/env bash
# Issue 6's yardstick, measured in alternation so that both sides see the same machine: OpenSSL's AES-128-CTR and
# HMAC-SHA1 rates on 1,200-byte blocks, their combined rate 1 / (1/aes + 1/hmac) in 1,200-byte packets per second,
# and rtsp-srtp's AES_CM_128_HMAC_SHA1_80 protect/unprotect (SrtpCpuTimeProbe, packets per CPU-second of one
# thread) as a fraction of that combined rate. The target is >= 0.5. The last two lines summarise the rounds: the
# medians of the per-round fractions, and best against best (the highest rate each side reached), which is the
# fairest figure on a machine whose speed drifts between rounds (a shared VM).
#
#   bench/srtp/compare-openssl.sh [ROUNDS] [JAVA_OPTS...]     (build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
shift || true
JAR=rtsp-benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q package -DskipTests" >&2; exit 1; }
ROWS=$(mktemp)
trap 'rm -f "$ROWS"' EXIT
printf '%-5s %12s %12s %12s %12s %12s %9s %9s\n' round aes_MB/s hmac_MB/s combined_pps protect_pps unprot_pps protect unprotect
for r in $(seq 1 "$ROUNDS"); do
  aes=$(openssl speed -seconds 2 -bytes 1200 -evp aes-128-ctr 2>/dev/null | awk '/^AES-128-CTR/ {sub("k","",$2); print $2}')
  hmac=$(openssl speed -seconds 2 -bytes 1200 -hmac sha1 2>/dev/null | awk '/^hmac\(sha1\)/ {sub("k","",$2); print $2}')
  probe=$(java "$@" -cp "$JAR" io.rtsp4j.benchmarks.srtp.SrtpCpuTimeProbe 2 | awk '/AES_CM_128_HMAC_SHA1_80/ {gsub(",","",$3); print $2, $3}')
  prot=$(echo "$probe" | awk '$1=="protect" {print $2}')
  unprot=$(echo "$probe" | awk '$1=="unprotect" {print $2}')
  # openssl prints thousands of bytes per second
  awk -v r="$r" -v a="$aes" -v h="$hmac" -v p="$prot" -v u="$unprot" 'BEGIN {
    combined = 1 / (1200 / (a * 1000) + 1200 / (h * 1000));
    printf "%-5s %12.0f %12.0f %12.0f %12.0f %12.0f %9.2f %9.2f\n", r, a / 1000, h / 1000, combined, p, u, p / combined, u / combined }' \
    | tee -a "$ROWS"
done
python3 - "$ROWS" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
col = lambda i: [float(r[i]) for r in rows]
aes, hmac = max(col(1)), max(col(2))
best_combined = 1 / (1200 / (aes * 1e6) + 1200 / (hmac * 1e6))
print("median %48s %12s %12s %9.2f %9.2f" % ("", "", "", statistics.median(col(6)), statistics.median(col(7))))
print("best   %12.0f %12.0f %12.0f %12.0f %12.0f %9.2f %9.2f" % (aes, hmac, best_combined, max(col(4)), max(col(5)),
      max(col(4)) / best_combined, max(col(5)) / best_combined))
PY
