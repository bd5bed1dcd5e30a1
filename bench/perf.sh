#!/usr/bin/env bash
# CPU profile with Linux perf (the process's on-CPU time only, unlike dotnet-trace's thread-time samples, which are
# mostly idle threads): starts the upstream and one gateway (or bare YARP) pinned like run.sh, warms up, measures
# 10 s, then samples the target under load with `perf record` (JIT-compiled frames named through
# DOTNET_PerfMapEnabled=1) and prints the hottest symbols, self time. Needs `perf` (Debian: linux-perf).
#
#   bench/perf.sh [--config base] [--path /small] [--warmup 40] [--seconds 10] [--env VAR=value ...] [--header "H: v"] [--yarp]
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
# shellcheck source=lib/one-target.sh
source "$BENCH_DIR/lib/one-target.sh"

ENVS=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
target_options 60 10 "$@"
command -v perf >/dev/null || die "perf is not installed (apt-get install linux-perf)"
start_target 18200 perf
# Context switches of all the target's threads per request: every thread hop parks one thread and wakes another.
ctx_switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { n += $2 } END { print n + 0 }'; }
ctx_before=$(ctx_switches "$pid")
figures=$(measure t "$url" 10 "${HEADERS[@]}")
ctx_after=$(ctx_switches "$pid")
log "measured (rps p50 p99 requests non2xx errors cpu_us upstream_cpu_us rss_kb): $figures"
log "context switches per request: $(awk -v c="$((ctx_after - ctx_before))" -v n="$(awk '{ print $4 }' <<<"$figures")" 'BEGIN { printf "%.2f", (n > 0 ? c / n : 0) }')"

drive "$url" $((SECONDS_ + 4)) "${HEADERS[@]}" >/dev/null &
load=$!
sleep 2
perf record -F 1999 -g -p "$pid" -o "$WORK/perf.data" -- sleep "$SECONDS_" 2>/dev/null >/dev/null
wait "$load" || true
echo "## self time, by symbol"
perf report -i "$WORK/perf.data" -g none --no-children --sort dso,symbol --percent-limit 0.4 --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -60 | cut -c1-200
echo "## by shared object"
perf report -i "$WORK/perf.data" -g none --no-children --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -15
log "perf data kept: $WORK/perf.data (perf report -i …)"
