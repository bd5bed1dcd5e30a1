#!/usr/bin/env bash
# Allocated bytes and CPU per request of one target (gateway config or bare YARP), read from the runtime's own
# counters with dotnet-counters: unlike req/s, allocation per request does not move with the machine's load, so a
# change on the success path can be judged on a busy machine. Pinned and driven like run.sh.
#
#   bench/alloc.sh [--config base] [--path /small] [--warmup 20] [--seconds 10] [--header "H: v"] [--env VAR=v] [--yarp]
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
# shellcheck source=lib/one-target.sh
source "$BENCH_DIR/lib/one-target.sh"

target_options 20 10 "$@"
COUNTERS=${DOTNET_COUNTERS:-$(command -v dotnet-counters || echo /tmp/dc/dotnet-counters)}
[ -x "$COUNTERS" ] || die "dotnet-counters not found: dotnet tool install dotnet-counters --tool-path /tmp/dc"
start_target 18300 alloc

# The runtime's allocation counter, sampled every second from 2 s before the measured window to 4 s after it.
"$COUNTERS" collect -p "$pid" --counters System.Runtime --refresh-interval 1 --format csv -o "$WORK/counters.csv" \
  --duration "00:00:$(printf '%02d' $((SECONDS_ + 6)))" >/dev/null 2>&1 &
collector=$!
sleep 2
figures=$(measure t "$url" "$SECONDS_" "${HEADERS[@]}")
wait "$collector" || true
requests=$(awk '{ print $4 }' <<<"$figures")
# dotnet-counters writes the allocation counter as bytes per one-second interval; the load runs only inside the
# collection window, so their sum over the window, divided by the requests, is bytes per request (idle seconds add
# only the host's background allocations, a few KB).
bytes=$(awk -F, -v n="$requests" '/total_allocated/ { s += $NF } END { if (n > 0) printf "%.0f", s / n; else print "?" }' "$WORK/counters.csv")
# GC pause time and gen0 collections over the same window, per 1,000 requests (the p99 feels the pauses).
gc=$(awk -F, -v n="$requests" '/gc.pause.time/ { p += $NF } /gc.collections/ && /gen0/ { c += $NF }
  END { if (n > 0) printf "gc_pause_ms_per_1k_req=%.2f gen0_per_1k_req=%.2f", 1000 * 1000 * p / n, 1000 * c / n }' "$WORK/counters.csv")
log "measured (rps p50 p99 requests non2xx errors cpu_us upstream_cpu_us rss_kb): $figures"
label=$([ "$TARGET" = yarp ] && echo yarp || echo "gw:$CONFIG")
echo "target=$label path=$REQUEST_PATH requests=$requests cpu_us_per_req=$(awk '{ print $7 }' <<<"$figures") alloc_bytes_per_req=$bytes $gc"
