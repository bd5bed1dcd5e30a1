#!/usr/bin/env bash
# Soak test: the gateway (API keys, rate limit, normalization) in front of a misbehaving upstream, driven with a
# mixed load on loopback for N minutes; writes bench/results/soak-<UTC time>.md. Not part of the test run.
#   bench/soak/run.sh [--minutes N] [--connections C]
set -euo pipefail

SOAK_DIR=$(cd "$(dirname "$0")" && pwd)
BENCH_DIR=$(dirname "$SOAK_DIR")
REPO=$(dirname "$BENCH_DIR")
MINUTES=5
CONNECTIONS=128
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) MINUTES=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    *) echo "usage: $0 [--minutes N] [--connections C]" >&2; exit 2 ;;
  esac
done

# No pinning: the soak is about correctness and memory under load, not speed; every process may use every core.
SERVER_CPUS="0-$(( $(nproc) - 1 ))"
LOAD_CPUS=$SERVER_CPUS
source "$BENCH_DIR/lib/procs.sh"
source "$BENCH_DIR/lib/secrets.sh"

STAMP=$(date -u +%Y-%m-%dT%H%MZ)
WORK=$(mktemp -d "/tmp/soak-$STAMP.XXXX")
REPORT="$BENCH_DIR/results/soak-$STAMP.md"
COUNTERS_PID=""
cleanup() {
  stop_all
  [ -z "$COUNTERS_PID" ] || stop_counters
}
# dotnet-counters runs as a child of `dotnet tool run`; stop both, by their own pids.
stop_counters() {
  local child
  for child in $(pgrep -P "$COUNTERS_PID" 2>/dev/null || true); do kill -TERM "$child" 2>/dev/null || true; done
  kill -TERM "$COUNTERS_PID" 2>/dev/null || true
  wait "$COUNTERS_PID" 2>/dev/null || true
  COUNTERS_PID=""
}
trap cleanup EXIT

log "building Release (gateway, soak upstream and driver)"
dotnet build -c Release -v q -nologo "$REPO/src/Gateway/Gateway.csproj" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "gateway build failed"; }
dotnet build -c Release -v q -nologo "$SOAK_DIR/Soak/Soak.csproj" >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "soak build failed"; }
(cd "$SOAK_DIR" && dotnet tool restore >/dev/null) || log "dotnet-counters unavailable: the report will have RSS only"
GATEWAY_DLL=$REPO/src/Gateway/bin/Release/net10.0/Gateway.dll
SOAK_DLL=$SOAK_DIR/Soak/bin/Release/net10.0/Bench.Soak.dll

free_port() {
  local p
  while :; do p=$(( 20000 + RANDOM % 20000 )); port_free "$p" && { echo "$p"; return; }; done
}
UPSTREAM_PORT=$(free_port)
GATEWAY_PORT=$(free_port)

make_secrets "$WORK"
render "$SOAK_DIR/gateway.soak.json" "$WORK/gateway.json"
dotnet "$GATEWAY_DLL" validate "$WORK/gateway.json" >"$WORK/validate.log" 2>&1 || { cat "$WORK/validate.log"; die "the soak config is invalid"; }

start_pinned "$WORK/upstream.log" dotnet "$SOAK_DLL" upstream --port "$UPSTREAM_PORT"
wait_status 200 30000 "http://127.0.0.1:$UPSTREAM_PORT/soak/ok" >/dev/null || die "the upstream did not start"

# The gateway's JSON log (errors, replaced upstream errors) is kept beside the run for a look afterwards.
taskset -c "$SERVER_CPUS" dotnet "$GATEWAY_DLL" --config "$WORK/gateway.json" --urls "http://127.0.0.1:$GATEWAY_PORT" \
  >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
STARTED_PIDS+=("$GATEWAY_PID")
wait_status 200 60000 "http://127.0.0.1:$GATEWAY_PORT/soak/ok" "X-API-Key: $API_KEY" >/dev/null || die "the gateway did not start"

if (cd "$SOAK_DIR" && dotnet tool run dotnet-counters --version >/dev/null 2>&1); then
  # It stops by itself (--duration: the load and 10 s) before the driver, 15 s after the load, reads its file.
  COUNTERS_SECONDS=$(( MINUTES * 60 + 10 ))
  COUNTERS_DURATION=$(printf '00:%02d:%02d:%02d' $(( COUNTERS_SECONDS / 3600 )) $(( COUNTERS_SECONDS % 3600 / 60 )) $(( COUNTERS_SECONDS % 60 )))
  (cd "$SOAK_DIR" && exec dotnet tool run dotnet-counters collect -p "$GATEWAY_PID" --counters System.Runtime \
    --format csv -o "$WORK/counters.csv" --refresh-interval 5 --duration "$COUNTERS_DURATION") >"$WORK/counters.log" 2>&1 &
  COUNTERS_PID=$!
fi

MACHINE="$(nproc) cores, load average before $(cut -d' ' -f1-3 /proc/loadavg), $(pgrep -c dotnet || echo 0) dotnet processes running (other work shares the machine)"
log "soaking for $MINUTES min with $CONNECTIONS connections; report: $REPORT"
set +e
dotnet "$SOAK_DLL" drive --gateway "http://127.0.0.1:$GATEWAY_PORT" --gateway-pid "$GATEWAY_PID" --api-key "$API_KEY" \
  --seconds $(( MINUTES * 60 )) --connections "$CONNECTIONS" --report "$WORK/report.md" --counters-csv "$WORK/counters.csv" \
  --machine "$MACHINE"
STATUS=$?
set -e
[ -z "$COUNTERS_PID" ] || stop_counters

LOG=$WORK/gateway.log
ERRORS=$(grep -c '"@l":"\(Error\|Fatal\)"' "$LOG" || true)
WARNINGS=$(grep -c '"@l":"Warning"' "$LOG" || true)
# The upstream's bodies must not reach the log either (the log names the kind of leak, never its text).
LOG_LEAKS=$(grep -c 'hunter2\|Password=\|Traceback\|PK_Student\|sis-app-03\|StudentsController\|/srv/\|NullReferenceException' "$LOG" || true)
{
  cat "$WORK/report.md"
  echo
  echo "Load average right after the load: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "## Gateway log"
  echo
  echo "- $(wc -l <"$LOG") lines (RequestLog: Errors), $ERRORS at level Error or Fatal, $WARNINGS warnings (upstream resets are logged as warnings)"
  echo "- $LOG_LEAKS lines carrying text of the upstream's leaky bodies"
  echo "- most frequent events: $(grep -o '"EventId":{"Id":[0-9]*,"Name":"[A-Za-z]*"' "$LOG" | sed 's/.*"Name":"//; s/"$//' | sort | uniq -c | sort -rn | head -6 | awk '{ printf "%s%s %s", sep, $2, $1; sep=", " }')"
} >"$REPORT"
# The log grows by about 2 GB per 10 minutes; keep it only when asked.
[ "${SOAK_KEEP_LOG:-0}" = 1 ] || rm -f "$LOG"
log "report: $REPORT (driver exit $STATUS)"
exit "$STATUS"
