#!/usr/bin/env bash
# Benchmarks the gateway side by side with bare YARP, nginx and the upstream itself, on loopback, pinned:
# servers on one core, wrk on the other. Interleaved rounds, medians. See bench/README.md.
#
#   bench/run.sh                 full run: 60 s warm-up per .NET target, 3 rounds of 10 s, 3 startup rounds
#   bench/run.sh --quick         proves the harness works: 5 s warm-up, 1 round of 5 s
#   options: --rounds N --duration S --warmup S --connections N --startup-rounds N
#            --scenarios "small error500" --targets "direct yarp gw:base" --tuning "servergc nopgo"
#            --add-targets "gw:plain yarp@wksgc" (added to every selected scenario)
#            --label NAME --no-build --keep (keep the work dir) --no-save (don't write bench/results/)
#            --jit (the gateway's plain build output instead of its ReadyToRun publish)
#            --report-from DIR (write the report of a kept work dir again)
set -eEuo pipefail
shopt -u patsub_replacement 2>/dev/null || true
trap 'echo "[bench] failed at line $LINENO: $BASH_COMMAND" >&2' ERR

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
# shellcheck source=lib/procs.sh
source "$BENCH_DIR/lib/procs.sh"
# shellcheck source=lib/secrets.sh
source "$BENCH_DIR/lib/secrets.sh"
# shellcheck source=lib/wrk.sh
source "$BENCH_DIR/lib/wrk.sh"

ARGS="$*"
ROUNDS=3 DURATION=10 WARMUP=60 CONNECTIONS=32 WRK_THREADS=1 STARTUP_ROUNDS=3
ONLY_SCENARIOS="" ONLY_TARGETS="" ADD_TARGETS="" REPORT_FROM="" TUNINGS="" LABEL="" BUILD=1 KEEP=0 SAVE=1 QUICK=0 JIT_GATEWAY=0
while [ $# -gt 0 ]; do
  case $1 in
    --quick) QUICK=1 ROUNDS=1 DURATION=5 WARMUP=5 STARTUP_ROUNDS=1 ;;
    --rounds) ROUNDS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --startup-rounds) STARTUP_ROUNDS=$2; shift ;;
    --scenarios) ONLY_SCENARIOS=$2; shift ;;
    --targets) ONLY_TARGETS=$2; shift ;;
    --add-targets) ADD_TARGETS=$2; shift ;;
    --report-from) REPORT_FROM=$2; shift ;;
    --tuning) TUNINGS=$2; shift ;;
    --label) LABEL=$2; shift ;;
    --no-build) BUILD=0 ;;
    --jit) JIT_GATEWAY=1 ;;
    --keep) KEEP=1 ;;
    --no-save) SAVE=0 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

# write_report: bench/results/<time>[-label].md from the work dir's files (also: --report-from DIR).
write_report() {
  # shellcheck disable=SC1091
  source "$WORK/meta.env"
  {
    echo "# Benchmark run $STAMP${LABEL:+ ($LABEL)}"
    echo
    cat "$WORK/header.md"
    if [ "$QUICK" = 1 ]; then echo "- **--quick run: too short for .NET to warm up; proves the harness, not the figures**"; fi
    echo
    awk -f "$BENCH_DIR/lib/report.awk" "$WORK"/{scenarios,runs,startup,final}.tsv
    if [ -s "$WORK/notes.txt" ]; then echo; echo "## Skipped"; echo; cat "$WORK/notes.txt"; fi
    echo
    echo "<details><summary>Raw runs (round, scenario, target, req/s, p50 ms, p99 ms, requests, non-2xx/3xx, socket errors, CPU µs/req, upstream CPU µs/req, RSS KiB, counted)</summary>"
    echo
    echo '```'
    cat "$WORK/runs.tsv"
    echo '```'
    echo
    echo "Startup (round, target, ms, status):"
    echo
    echo '```'
    cat "$WORK/startup.tsv"
    echo '```'
    echo "</details>"
  } >"$WORK/report.md"
  cat "$WORK/report.md"
  if [ "$SAVE" = 1 ]; then
    local out=$BENCH_DIR/results/$STAMP${LABEL:+-$LABEL}
    if [ "$QUICK" = 1 ]; then out+=-quick; fi
    cp "$WORK/report.md" "$out.md"
    log "saved $out.md"
  fi
}
if [ -n "$REPORT_FROM" ]; then
  WORK=$REPORT_FROM
  write_report
  exit 0
fi

SERVER_CPUS=${BENCH_SERVER_CPUS:-0}
LOAD_CPUS=${BENCH_LOAD_CPUS:-1}
PORT_BASE=${BENCH_PORT_BASE:-18000}
UPSTREAM_PORT=$PORT_BASE
CLK_TCK=$(getconf CLK_TCK)
for tool in wrk nginx taskset curl openssl dotnet awk pgrep; do
  command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y wrk nginx-light curl openssl procps)"
done
[ "$(nproc)" -ge 2 ] || log "warning: fewer than 2 cores; the load generator shares the server core"

# The gateway as the image ships it: published ReadyToRun for this machine's runtime (deploy/docker/Dockerfile does
# the same); --jit measures the plain build output instead. Bare YARP is its sample, built as is.
GATEWAY_DLL=$REPO/artifacts/bench-gateway/Gateway.dll
[ "$JIT_GATEWAY" = 1 ] && GATEWAY_DLL=$REPO/src/Gateway/bin/Release/net10.0/Gateway.dll
UPSTREAM_DLL=$BENCH_DIR/Upstream/bin/Release/net10.0/Bench.Upstream.dll
YARP_DLL=$BENCH_DIR/BareYarp/bin/Release/net10.0/Bench.BareYarp.dll
if [ "$BUILD" = 1 ]; then
  log "building Release"
  for project in src/Gateway bench/Upstream bench/BareYarp; do
    dotnet build "$REPO/$project" -c Release --nologo -v q -clp:ErrorsOnly >&2 || die "build of $project failed"
  done
  rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
  dotnet publish "$REPO/src/Gateway" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false \
    -o "$REPO/artifacts/bench-gateway" --nologo -v q -clp:ErrorsOnly >&2 || die "ReadyToRun publish of src/Gateway failed"
fi
[ -f "$GATEWAY_DLL" ] || die "$GATEWAY_DLL is missing (run without --no-build once)"

WORK=$(mktemp -d /tmp/gateway-bench.XXXXXX)
FINISHED=0
cleanup() {
  stop_all
  # An interrupted run keeps its raw data (runs.tsv …) for a look.
  if [ "$KEEP" = 1 ] || [ "$FINISHED" = 0 ]; then log "work dir kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM HUP
make_secrets "$WORK"
: >"$WORK/notes.txt"
note() { log "$*"; printf -- '- %s\n' "$*" >>"$WORK/notes.txt"; }

# --- scenarios: bench/scenarios/NN-name.scenario ----------------------------------------------------------
declare -A S_TITLE S_PATH S_EXPECT S_HEADERS S_TARGETS S_BASELINE S_PRIME S_MUSTNOT
SCENARIOS=()
for file in "$BENCH_DIR"/scenarios/*.scenario; do
  name=$(basename "$file" .scenario)
  name=${name#*-}
  if [ -n "$ONLY_SCENARIOS" ] && [[ " $ONLY_SCENARIOS " != *" $name "* ]]; then continue; fi
  # shellcheck disable=SC1090
  eval "$(
    TITLE=$name REQUEST_PATH=/ EXPECT=200 HEADERS=() TARGETS="" BASELINE=$name PRIME=0 GATEWAY_BODY_MUST_NOT_CONTAIN=""
    source "$file"
    printf 'S_TITLE[%q]=%q S_PATH[%q]=%q S_EXPECT[%q]=%q S_TARGETS[%q]=%q S_BASELINE[%q]=%q S_PRIME[%q]=%q S_MUSTNOT[%q]=%q\n' \
      "$name" "$TITLE" "$name" "$REQUEST_PATH" "$name" "$EXPECT" "$name" "$TARGETS" "$name" "$BASELINE" \
      "$name" "$PRIME" "$name" "$GATEWAY_BODY_MUST_NOT_CONTAIN"
    printf 'S_HEADERS[%q]=%q\n' "$name" "$(printf '%s\n' "${HEADERS[@]}")"
  )"
  # --targets selects among the scenario's own targets; --add-targets and --tuning variants come on top of those.
  if [ -n "$ONLY_TARGETS" ]; then
    kept=""
    for t in ${S_TARGETS[$name]}; do [[ " $ONLY_TARGETS " == *" $t "* ]] && kept+=" $t"; done
    S_TARGETS[$name]=${kept# }
  fi
  [ -z "$ADD_TARGETS" ] || S_TARGETS[$name]+=" $ADD_TARGETS"
  for tuning in $TUNINGS; do
    for t in ${S_TARGETS[$name]}; do
      case $t in gw:*|yarp) S_TARGETS[$name]+=" $t@$tuning" ;; esac
    done
  done
  SCENARIOS+=("$name")
done
[ ${#SCENARIOS[@]} -gt 0 ] || die "no scenario selected"

# --- targets: direct, nginx, yarp[@tuning], gw:<config>[@tuning] ------------------------------------------
declare -A T_PORT T_PID T_NOTE T_OK
TARGETS=()
for s in "${SCENARIOS[@]}"; do
  for t in ${S_TARGETS[$s]}; do
    [[ " ${TARGETS[*]} " == *" $t "* ]] || TARGETS+=("$t")
  done
done
next_port=$((PORT_BASE + 10))
for t in "${TARGETS[@]}"; do
  case $t in
    direct) T_PORT[$t]=$UPSTREAM_PORT ;;
    nginx) T_PORT[$t]=$((PORT_BASE + 1)) ;;
    *) T_PORT[$t]=$next_port; next_port=$((next_port + 1)) ;;
  esac
  T_OK[$t]=1
  if [[ $t == *@* ]] && [ ! -f "$BENCH_DIR/tuning/${t#*@}.env" ]; then
    T_OK[$t]=0 T_NOTE[$t]="no bench/tuning/${t#*@}.env"
  fi
done
for port in "$UPSTREAM_PORT" "${T_PORT[@]}"; do port_free "$port" || die "port $port is in use (set BENCH_PORT_BASE)"; done

# A gateway config the current build refuses means its feature is not there yet: skip it, with the reason.
for t in "${TARGETS[@]}"; do
  [[ $t == gw:* ]] || continue
  config=${t#gw:}
  config=${config%@*}
  template=$BENCH_DIR/configs/$config.json
  if [ ! -f "$template" ]; then T_OK[$t]=0 T_NOTE[$t]="no bench/configs/$config.json"; continue; fi
  [ -f "$WORK/$config.json" ] || render "$template" "$WORK/$config.json"
  if ! probe=$(dotnet "$GATEWAY_DLL" validate "$WORK/$config.json" 2>&1); then
    T_OK[$t]=0
    T_NOTE[$t]="config $config.json refused by this build: $(grep -m1 'error:' <<<"$probe" | sed 's/^.*error: //')"
  fi
done
for t in "${TARGETS[@]}"; do
  [ "${T_OK[$t]}" = 1 ] || note "skipped target $t: ${T_NOTE[$t]}"
done

target_pids() { if [ "$1" = nginx ]; then pid_family "${T_PID[$1]}"; else echo "${T_PID[$1]}"; fi; }

# start_target TARGET: starts it pinned; sets T_PID.
start_target() {
  local t=$1 port=${T_PORT[$1]} envs=()
  if [[ $t == *@* ]]; then mapfile -t envs < <(grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "$BENCH_DIR/tuning/${t#*@}.env"); fi
  case $t in
    direct) start_pinned "$WORK/upstream.log" dotnet "$UPSTREAM_DLL" --urls "http://127.0.0.1:$port"
      T_PID[$t]=$LAST_PID ;;
    nginx)
      mkdir -p "$WORK/nginx"
      local user=""
      [ "$(id -u)" = 0 ] && user="user root;"
      sed -e "s|{PREFIX}|$WORK/nginx|g" -e "s|{PORT}|$port|g" -e "s|{UPSTREAM_PORT}|$UPSTREAM_PORT|g" -e "s|{USER}|$user|g" \
        "$BENCH_DIR/nginx/nginx.conf.template" >"$WORK/nginx/nginx.conf"
      start_pinned "$WORK/nginx.log" nginx -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf"
      T_PID[$t]=$LAST_PID ;;
    yarp*)
      # Its appsettings.json sits next to the dll: the content root must be there, as for a published app.
      start_pinned "$WORK/$t.log" env "${envs[@]}" dotnet "$YARP_DLL" --contentRoot "$(dirname "$YARP_DLL")" --urls "http://127.0.0.1:$port" \
        --ReverseProxy:Clusters:upstream:Destinations:d1:Address="http://127.0.0.1:$UPSTREAM_PORT/"
      T_PID[$t]=$LAST_PID ;;
    gw:*)
      local config=${t#gw:}
      config=${config%@*}
      # The completion log goes to /dev/null: the line is still formatted and written, as to a container's pipe.
      start_pinned "$WORK/$t.log" env "${envs[@]}" dotnet "$GATEWAY_DLL" --config "$WORK/$config.json" \
        --urls "http://127.0.0.1:$port"
      T_PID[$t]=$LAST_PID ;;
  esac
}

stop_target() { stop_pid "${T_PID[$1]}"; unset "T_PID[$1]"; }

# headers_for SCENARIO: the scenario's request headers, filled in, one per line.
headers_for() {
  local h
  while IFS= read -r h; do [ -n "$h" ] && { fill_header "$h"; echo; }; done <<<"${S_HEADERS[$1]}"
  return 0 # an empty last line is not a failure (it tripped the ERR trap)
}

# first_scenario_of TARGET: a 200 scenario the target runs (its startup probe and readiness check).
first_scenario_of() {
  local s
  for s in "${SCENARIOS[@]}"; do
    [ "${S_EXPECT[$s]}" = 200 ] && [[ " ${S_TARGETS[$s]} " == *" $1 "* ]] && { echo "$s"; return; }
  done
  echo small
}

# --- the upstream, then startup times (exec → first proxied 200), one target alive at a time --------------
T_PORT[direct]=$UPSTREAM_PORT
start_target direct
wait_status 200 60000 "http://127.0.0.1:$UPSTREAM_PORT/small" >/dev/null || die "the upstream did not start (see $WORK/upstream.log)"

: >"$WORK/startup.tsv"
for round in $(seq 0 "$STARTUP_ROUNDS"); do
  for t in "${TARGETS[@]}"; do
    [ "$t" != direct ] && [ "${T_OK[$t]}" = 1 ] || continue
    s=$(first_scenario_of "$t")
    mapfile -t hs < <(CURRENT_ETAG="" headers_for "$s" | grep -v '{ETAG}\|If-None-Match' || true)
    begin=$(date +%s%N)
    start_target "$t"
    if status=$(wait_status 200 60000 "http://127.0.0.1:${T_PORT[$t]}${S_PATH[$s]}" "${hs[@]}"); then
      elapsed=$(( ($(date +%s%N) - begin) / 1000000 ))
      # Round 0 only warms the disk cache.
      [ "$round" = 0 ] || printf '%s\t%s\t%s\t%s\n' "$round" "$t" "$elapsed" "$status" >>"$WORK/startup.tsv"
    else
      T_OK[$t]=0
      note "skipped target $t: no 200 on ${S_PATH[$s]} within 60 s (last status $status; log: $(tail -c 300 "$WORK/$t.log" 2>/dev/null | tr '\n' ' '))"
    fi
    stop_target "$t"
  done
done

# --- every target up at once, idle until its turn -----------------------------------------------------------
for t in "${TARGETS[@]}"; do
  [ "$t" != direct ] && [ "${T_OK[$t]}" = 1 ] || continue
  start_target "$t"
  wait_status any 60000 "http://127.0.0.1:${T_PORT[$t]}/" >/dev/null || { T_OK[$t]=0; note "skipped target $t: did not start"; }
done

declare -A PAIR_OK PAIR_ETAG
# check_pair SCENARIO TARGET: one request must get the scenario's status (and no leaked page from the gateway).
check_pair() {
  local s=$1 t=$2 url="http://127.0.0.1:${T_PORT[$2]}${S_PATH[$1]}" hs status
  CURRENT_ETAG=""
  if grep -q '{ETAG}' <<<"${S_HEADERS[$s]}"; then
    mapfile -t hs < <(headers_for "$s" | grep -v '^If-None-Match' || true)
    CURRENT_ETAG=$(taskset -c "$LOAD_CPUS" curl -s -D - -o /dev/null --max-time 5 "${hs[@]/#/-H}" "$url" \
      | awk 'tolower($1) == "etag:" { sub(/\r$/, ""); print $2 }')
    [ -n "$CURRENT_ETAG" ] || { note "skipped $s on $t: the response has no ETag"; return 1; }
    PAIR_ETAG[$s|$t]=$CURRENT_ETAG
  fi
  mapfile -t hs < <(headers_for "$s")
  [ "${S_PRIME[$s]}" = 1 ] && http_status "$url" "${hs[@]}" >/dev/null
  status=$(http_status "$url" "${hs[@]}")
  if [ "$status" != "${S_EXPECT[$s]}" ]; then
    note "skipped $s on $t: got $status, expected ${S_EXPECT[$s]}"
    return 1
  fi
  if [[ $t == gw:* ]] && [ -n "${S_MUSTNOT[$s]}" ] \
    && taskset -c "$LOAD_CPUS" curl -s --max-time 5 "${hs[@]/#/-H}" "$url" | grep -q -- "${S_MUSTNOT[$s]}"; then
    note "skipped $s on $t: the response leaks '${S_MUSTNOT[$s]}'"
    return 1
  fi
}

# --- checks and warm-up: .NET needs ~60 s of saturating load before tiered PGO settles --------------------
for t in "${TARGETS[@]}"; do
  [ "${T_OK[$t]}" = 1 ] || continue
  mine=()
  for s in "${SCENARIOS[@]}"; do
    [[ " ${S_TARGETS[$s]} " == *" $t "* ]] || continue
    if check_pair "$s" "$t"; then PAIR_OK[$s|$t]=1; mine+=("$s"); fi
  done
  [ ${#mine[@]} -gt 0 ] || continue
  per=$(( WARMUP / ${#mine[@]} ))
  [ "$t" = nginx ] && per=2
  [ "$per" -ge 2 ] || per=2
  log "warming $t: ${#mine[@]} scenario(s) × ${per} s"
  for s in "${mine[@]}"; do
    CURRENT_ETAG=${PAIR_ETAG[$s|$t]:-}
    mapfile -t hs < <(headers_for "$s")
    drive "http://127.0.0.1:${T_PORT[$t]}${S_PATH[$s]}" "$per" "${hs[@]}" >/dev/null
  done
done

for s in "${SCENARIOS[@]}"; do
  runnable=0
  for t in ${S_TARGETS[$s]}; do [ "${PAIR_OK[$s|$t]:-0}" = 1 ] && runnable=1; done
  [ "$runnable" = 1 ] || note "skipped scenario $s (${S_TITLE[$s]}): no target can run it"
done

# --- interleaved rounds: each round rotates the order of the targets within every scenario ------------------
: >"$WORK/runs.tsv"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
  log "round $round/$ROUNDS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for s in "${SCENARIOS[@]}"; do
    read -r -a ts <<<"${S_TARGETS[$s]}"
    n=${#ts[@]}
    for i in $(seq 0 $((n - 1))); do
      t=${ts[$(( (i + round - 1) % n ))]}
      [ "${PAIR_OK[$s|$t]:-0}" = 1 ] || continue
      CURRENT_ETAG=${PAIR_ETAG[$s|$t]:-}
      mapfile -t hs < <(headers_for "$s")
      figures=$(measure "$t" "http://127.0.0.1:${T_PORT[$t]}${S_PATH[$s]}" "$DURATION" "${hs[@]}")
      read -r rps p50 p99 requests non2xx errors cpu up_cpu rss <<<"$figures"
      # Every answer must have the scenario's class: all 2xx/3xx, or all 4xx/5xx.
      ok=1
      if [ "${S_EXPECT[$s]}" -lt 400 ]; then [ "$non2xx" = 0 ] || ok=0; else [ "$non2xx" = "$requests" ] || ok=0; fi
      [ "$requests" -gt 0 ] || ok=0
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$s" "$t" "$rps" "$p50" "$p99" "$requests" \
        "$non2xx" "$errors" "$cpu" "$up_cpu" "$rss" "$ok" >>"$WORK/runs.tsv"
      log "  $s on $t: $rps req/s, p99 $p99 ms, $cpu µs/req$([ "$ok" = 1 ] || echo ' (WRONG STATUSES: not counted)')"
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

: >"$WORK/final.tsv"
for t in "${TARGETS[@]}"; do
  [ "${T_OK[$t]}" = 1 ] || continue
  read -r -a pids <<<"$(target_pids "$t")"
  printf '%s\t%s\n' "$t" "$(rss_kb "${pids[@]}")" >>"$WORK/final.tsv"
done
for s in "${SCENARIOS[@]}"; do
  printf '%s\t%s\t%s\t%s\t%s\n' "$s" "${S_TITLE[$s]}" "${S_BASELINE[$s]}" "${S_EXPECT[$s]}" "${S_TARGETS[$s]}"
done >"$WORK/scenarios.tsv"

# --- the report -----------------------------------------------------------------------------------------------
{
  echo "STAMP=$(date -u +%Y-%m-%dT%H%MZ)"
  printf 'LABEL=%q QUICK=%q\n' "$LABEL" "$QUICK"
} >"$WORK/meta.env"
{
  echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), Linux $(uname -r)"
  echo "- software: .NET $(dotnet --version), $(nginx -v 2>&1 | sed 's/^nginx version: //'), $({ wrk --version 2>&1 || true; } | awk 'NR == 1 { print $1, $2 }'), gateway commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src 2>/dev/null || echo ' + local changes')"
  echo "- gateway build: $([ "$JIT_GATEWAY" = 1 ] && echo 'plain Release build output (JIT)' || echo 'Release publish, ReadyToRun (as the image ships it)'); bare YARP: its sample's Release build output"
  echo "- command: \`bench/run.sh $ARGS\`: servers pinned to CPU $SERVER_CPUS, wrk to CPU $LOAD_CPUS (\`wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s\`), $ROUNDS interleaved round(s), warm-up ${WARMUP} s per .NET target"
  echo "- load average before/after the rounds: $LOAD_BEFORE / $LOAD_AFTER$(awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { if (l > 1.5) print " — **the machine was busy: measured under load, compare ratios only**" }')"
} >"$WORK/header.md"
write_report
FINISHED=1
