# One target (a gateway config or bare YARP) in front of the bench upstream, pinned and warmed like run.sh: the start
# that perf.sh, profile.sh and alloc.sh share.

# target_options DEFAULT_WARMUP DEFAULT_SECONDS ARGS...: sets CONFIG REQUEST_PATH WARMUP SECONDS_ HEADERS TARGET and
# adds --env values to ENVS (which the caller may preset).
target_options() {
  CONFIG=base REQUEST_PATH=/small WARMUP=$1 SECONDS_=$2 HEADERS=() TARGET=gw
  ENVS=(${ENVS[@]+"${ENVS[@]}"})
  shift 2
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
}

# start_target PORT_BASE NAME: starts the upstream and the target pinned (servers on BENCH_SERVER_CPUS, load on
# BENCH_LOAD_CPUS), waits for both and warms the target for WARMUP s. Sets WORK, url, pid and target_pids (for
# measure); stops everything it started on exit.
start_target() {
  SERVER_CPUS=${BENCH_SERVER_CPUS:-0} LOAD_CPUS=${BENCH_LOAD_CPUS:-1} CONNECTIONS=32 WRK_THREADS=1
  local port_base=${BENCH_PORT_BASE:-$1}
  UPSTREAM_PORT=$port_base CLK_TCK=$(getconf CLK_TCK)
  local port=$((port_base + 1))
  WORK=$(mktemp -d "/tmp/gateway-$2.XXXXXX")
  trap 'stop_all' EXIT
  make_secrets "$WORK"
  render "$BENCH_DIR/configs/$CONFIG.json" "$WORK/gateway.json"
  mapfile -t HEADERS < <(for h in ${HEADERS[@]+"${HEADERS[@]}"}; do fill_header "$h"; echo; done)

  start_pinned "$WORK/upstream.log" dotnet "$BENCH_DIR/Upstream/bin/Release/net10.0/Bench.Upstream.dll" --urls "http://127.0.0.1:$UPSTREAM_PORT"
  wait_status 200 60000 "http://127.0.0.1:$UPSTREAM_PORT/small" >/dev/null
  if [ "$TARGET" = yarp ]; then
    local yarp_dll=$BENCH_DIR/BareYarp/bin/Release/net10.0/Bench.BareYarp.dll
    start_pinned "$WORK/target.log" env ${ENVS[@]+"${ENVS[@]}"} dotnet "$yarp_dll" --contentRoot "$(dirname "$yarp_dll")" \
      --urls "http://127.0.0.1:$port" --ReverseProxy:Clusters:upstream:Destinations:d1:Address="http://127.0.0.1:$UPSTREAM_PORT/"
  else
    start_pinned "$WORK/target.log" env ${ENVS[@]+"${ENVS[@]}"} dotnet "$REPO/src/Gateway/bin/Release/net10.0/Gateway.dll" \
      --config "$WORK/gateway.json" --urls "http://127.0.0.1:$port"
  fi
  pid=$LAST_PID
  wait_status any 60000 "http://127.0.0.1:$port/" >/dev/null
  declare -gA T_PID=([t]=$pid [direct]=${STARTED_PIDS[0]})
  target_pids() { echo "${T_PID[$1]}"; }
  url="http://127.0.0.1:$port$REQUEST_PATH"
  log "status $(http_status "$url" ${HEADERS[@]+"${HEADERS[@]}"}) on $url; warming ${WARMUP} s"
  drive "$url" "$WARMUP" ${HEADERS[@]+"${HEADERS[@]}"} >/dev/null
}
