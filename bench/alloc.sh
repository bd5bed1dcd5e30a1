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
source "$BENCH_DIR/lib/procs.sh"
source "$BENCH_DIR/lib/secrets.sh"
source "$BENCH_DIR/lib/wrk.sh"

CONFIG=base REQUEST_PATH=/small WARMUP=20 SECONDS_=10 HEADERS=() ENVS=() TARGET=gw
while [ $# -gt 0 ]; do
  case $1 in
    --config) CONFIG=$2; shift ;;
    --path) REQUEST_PATH=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --seconds) SECONDS_=$2; shift ;;
    --header) HEADERS+=("$2"); shift ;;
    --env) ENVS+=("$2"); shift ;;
    --yarp) TARGET=yarp ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
SERVER_CPUS=${BENCH_SERVER_CPUS:-0} LOAD_CPUS=${BENCH_LOAD_CPUS:-1} CONNECTIONS=32 WRK_THREADS=1
PORT_BASE=${BENCH_PORT_BASE:-18300} UPSTREAM_PORT=${BENCH_PORT_BASE:-18300} CLK_TCK=$(getconf CLK_TCK)
PORT=$((PORT_BASE + 1))
COUNTERS=${DOTNET_COUNTERS:-$(command -v dotnet-counters || echo /tmp/dc/dotnet-counters)}
[ -x "$COUNTERS" ] || die "dotnet-counters not found: dotnet tool install dotnet-counters --tool-path /tmp/dc"
WORK=$(mktemp -d /tmp/gateway-alloc.XXXXXX)
trap 'stop_all' EXIT
make_secrets "$WORK"
render "$BENCH_DIR/configs/$CONFIG.json" "$WORK/gateway.json"
mapfile -t HEADERS < <(for h in "${HEADERS[@]}"; do fill_header "$h"; echo; done)

start_pinned "$WORK/upstream.log" dotnet "$BENCH_DIR/Upstream/bin/Release/net10.0/Bench.Upstream.dll" --urls "http://127.0.0.1:$UPSTREAM_PORT"
wait_status 200 60000 "http://127.0.0.1:$UPSTREAM_PORT/small" >/dev/null
if [ "$TARGET" = yarp ]; then
  yarp_dll=$BENCH_DIR/BareYarp/bin/Release/net10.0/Bench.BareYarp.dll
  start_pinned "$WORK/target.log" env "${ENVS[@]}" dotnet "$yarp_dll" --contentRoot "$(dirname "$yarp_dll")" \
    --urls "http://127.0.0.1:$PORT" --ReverseProxy:Clusters:upstream:Destinations:d1:Address="http://127.0.0.1:$UPSTREAM_PORT/"
else
  start_pinned "$WORK/target.log" env "${ENVS[@]}" dotnet "$REPO/src/Gateway/bin/Release/net10.0/Gateway.dll" \
    --config "$WORK/gateway.json" --urls "http://127.0.0.1:$PORT"
fi
pid=$LAST_PID
wait_status any 60000 "http://127.0.0.1:$PORT/" >/dev/null
declare -A T_PID=([t]=$pid [direct]=${STARTED_PIDS[0]})
target_pids() { echo "${T_PID[$1]}"; }
url="http://127.0.0.1:$PORT$REQUEST_PATH"
log "status $(http_status "$url" "${HEADERS[@]}") on $url; warming ${WARMUP} s"
drive "$url" "$WARMUP" "${HEADERS[@]}" >/dev/null

# The runtime's total allocated bytes, sampled every second while the load runs; the first and last samples
# bracket the measured window from the inside, so the figure is bytes per request of requests fully inside it.
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
log "measured (rps p50 p99 requests non2xx errors cpu_us upstream_cpu_us rss_kb): $figures"
echo "target=${TARGET}${TARGET:+:}$CONFIG path=$REQUEST_PATH requests=$requests cpu_us_per_req=$(awk '{ print $7 }' <<<"$figures") alloc_bytes_per_req=$bytes"
