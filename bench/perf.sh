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
source "$BENCH_DIR/lib/procs.sh"
source "$BENCH_DIR/lib/secrets.sh"
source "$BENCH_DIR/lib/wrk.sh"

CONFIG=base REQUEST_PATH=/small WARMUP=60 SECONDS_=10 ENVS=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0) HEADERS=() TARGET=gw
while [ $# -gt 0 ]; do
  case $1 in
    --config) CONFIG=$2; shift ;;
    --path) REQUEST_PATH=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --seconds) SECONDS_=$2; shift ;;
    --env) ENVS+=("$2"); shift ;;
    --header) HEADERS+=("$2"); shift ;;
    --yarp) TARGET=yarp ;;
    *) die "unknown option $1" ;;
  esac
  shift
done
SERVER_CPUS=${BENCH_SERVER_CPUS:-0} LOAD_CPUS=${BENCH_LOAD_CPUS:-1} CONNECTIONS=32 WRK_THREADS=1
PORT_BASE=${BENCH_PORT_BASE:-18200} UPSTREAM_PORT=${BENCH_PORT_BASE:-18200} CLK_TCK=$(getconf CLK_TCK)
PORT=$((PORT_BASE + 1))
WORK=$(mktemp -d /tmp/gateway-perf.XXXXXX)
trap 'stop_all' EXIT
command -v perf >/dev/null || die "perf is not installed (apt-get install linux-perf)"
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
perf report -i "$WORK/perf.data" --no-children --sort dso,symbol --percent-limit 0.4 --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -60 | cut -c1-200
echo "## by shared object"
perf report -i "$WORK/perf.data" --no-children --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -15
log "perf data kept: $WORK/perf.data (perf report -i …)"
