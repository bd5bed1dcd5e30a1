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
source "$BENCH_DIR/lib/procs.sh"
source "$BENCH_DIR/lib/secrets.sh"
source "$BENCH_DIR/lib/wrk.sh"

CONFIG=base REQUEST_PATH=/small WARMUP=30 SECONDS_=15 ENVS=() HEADERS=() TARGET=gw
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
PORT_BASE=${BENCH_PORT_BASE:-18100} UPSTREAM_PORT=${BENCH_PORT_BASE:-18100} CLK_TCK=$(getconf CLK_TCK)
PORT=$((PORT_BASE + 1))
WORK=$(mktemp -d /tmp/gateway-profile.XXXXXX)
trap 'stop_all' EXIT
(cd "$BENCH_DIR" && dotnet tool restore >/dev/null)
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
