#!/usr/bin/env bash
# Profiles one gateway config on one request path: starts the upstream and the gateway pinned like run.sh,
# warms up, then records a CPU sample trace with dotnet-trace (a local tool: bench/dotnet-tools.json) under load
# and prints the top methods. Also prints allocation and GC figures from the runtime's counters.
#
#   bench/profile.sh [--config base] [--path /small] [--warmup 30] [--seconds 15] [--env VAR=value ...] [--header "H: v"]
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
# shellcheck source=lib/one-target.sh
source "$BENCH_DIR/lib/one-target.sh"

target_options 30 15 "$@"
(cd "$BENCH_DIR" && dotnet tool restore >/dev/null)
start_target 18100 profile
log "measured (rps p50 p99 requests non2xx errors cpu_us upstream_cpu_us rss_kb): $(measure t "$url" 10 "${HEADERS[@]}")"

drive "$url" $((SECONDS_ + 10)) "${HEADERS[@]}" >/dev/null &
load=$!
sleep 2
(cd "$BENCH_DIR" && taskset -c "$LOAD_CPUS" dotnet tool run dotnet-trace -- collect -p "$pid" --profile dotnet-sampled-thread-time \
  --providers "System.Runtime:0:1:EventCounterIntervalSec=5" --duration "00:00:00:$SECONDS_" -o "$WORK/trace.nettrace" >/dev/null)
wait "$load" || true
cd "$BENCH_DIR" && dotnet tool run dotnet-trace -- report "$WORK/trace.nettrace" topN -n 40 --inclusive 2>&1 | cut -c1-220
dotnet tool run dotnet-trace -- report "$WORK/trace.nettrace" topN -n 40 2>&1 | cut -c1-220
log "trace kept: $WORK/trace.nettrace"
