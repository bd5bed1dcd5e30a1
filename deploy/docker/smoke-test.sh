#!/usr/bin/env bash
# End-to-end smoke test of the container packaging, with no image registry:
#   dockerd (started if needed) -> local base images -> gateway + backend images
#   -> both containers on the host network -> HTTP checks -> graceful stop.
#
#   sudo deploy/docker/smoke-test.sh            # from anywhere, as root
#
# Ports: backend 127.0.0.1:5080 (the destination in gateway.json), gateway
# 127.0.0.1:${GW_PORT:-18080}. Exits non-zero if any check fails.
# Env: SDK_IMAGE / RUNTIME_IMAGE (default: the local images, built by
# make-base-images.sh; set both to official images to skip that step),
# GW_PORT, SMOKE_LOG_DIR (default /tmp/gateway-smoke), READY_TIMEOUT (60 s).
# A dockerd started here is left running (images and layer cache stay warm).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
GW_PORT="${GW_PORT:-18080}"
BACKEND_PORT=5080
READY_TIMEOUT="${READY_TIMEOUT:-60}"
LOG_DIR="${SMOKE_LOG_DIR:-/tmp/gateway-smoke}"
SDK_IMAGE="${SDK_IMAGE:-local/dotnet-sdk:10.0}"
RUNTIME_IMAGE="${RUNTIME_IMAGE:-local/dotnet-aspnet:10.0}"
GW_IMAGE="${GW_IMAGE:-local/gateway:smoke}"
BE_IMAGE="${BE_IMAGE:-local/legacy-backend:smoke}"
GW_CTR=gateway-smoke-gw
BE_CTR=gateway-smoke-backend
DOCKERD_LOG="${DOCKERD_LOG:-/var/log/gateway-docker/dockerd.log}"

t0=$SECONDS
mkdir -p "$LOG_DIR"
log()  { printf '[smoke %3ds] %s\n' "$((SECONDS - t0))" "$*" >&2; }
die()  { log "ERROR: $*"; exit 1; }

passed=0; failed=0
pass() { printf 'PASS  %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAIL  %s\n' "$*"; failed=$((failed + 1)); }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

summary() {
  printf '\nSMOKE TEST: %s (%d passed, %d failed) in %ds; logs in %s\n' \
    "$([[ $failed -eq 0 ]] && echo PASS || echo FAIL)" "$passed" "$failed" "$((SECONDS - t0))" "$LOG_DIR"
  [[ $failed -eq 0 ]]
}

cleanup() {
  docker rm -f "$GW_CTR" "$BE_CTR" >/dev/null 2>&1 || true
}

# ---- 0. tools and engine -----------------------------------------------------
[[ $EUID -eq 0 ]] || die "run as root (starts dockerd, builds base images)"
apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
}
command -v curl >/dev/null 2>&1 || { log "installing curl"; apt_install curl; }

ensure_docker() {
  docker info >/dev/null 2>&1 && return 0
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    log "installing docker.io"
    apt_install docker.io
  fi
  docker info >/dev/null 2>&1 && return 0
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  log "starting dockerd --bridge=none --iptables=false (log: $DOCKERD_LOG)"
  # setsid + nohup: the engine outlives this script on purpose (warm cache).
  setsid nohup dockerd --bridge=none --iptables=false >>"$DOCKERD_LOG" 2>&1 < /dev/null &
  local i
  for ((i = 0; i < 60; i++)); do
    docker info >/dev/null 2>&1 && return 0
    sleep 1
  done
  tail -n 20 "$DOCKERD_LOG" >&2 || true
  die "dockerd did not come up within 60 s"
}
ensure_docker
trap cleanup EXIT
cleanup   # leftovers of an interrupted earlier run

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_busy "$BACKEND_PORT" && die "port $BACKEND_PORT is busy (something else listens on 127.0.0.1:$BACKEND_PORT; the backend container needs it — stop it first)"
port_busy "$GW_PORT" && die "port $GW_PORT is busy (set GW_PORT to a free port)"
[[ -f "$repo/gateway.json" ]] || die "$repo/gateway.json is missing"

# ---- 1. images -----------------------------------------------------------------
if [[ $SDK_IMAGE == local/* || $RUNTIME_IMAGE == local/* ]]; then
  log "base images (make-base-images.sh)"
  "$here/make-base-images.sh" || die "make-base-images.sh failed"
fi

build() { # name dockerfile image
  log "building $3 (log: $LOG_DIR/build-$1.log)"
  if ! docker build --network host -f "$here/$2" \
        --build-arg SDK_IMAGE="$SDK_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" \
        -t "$3" "$repo" >"$LOG_DIR/build-$1.log" 2>&1; then
    tail -n 40 "$LOG_DIR/build-$1.log" >&2
    fail "build $3"
    summary || exit 1
  fi
  pass "build $3"
}
build gateway Dockerfile "$GW_IMAGE"
build backend LegacyBackend.Dockerfile "$BE_IMAGE"

# ---- 2. containers ---------------------------------------------------------------
http() { # curl wrapper: -o body file, -D headers file, prints the status code
  curl -sS --max-time 10 -o "$LOG_DIR/$1.body" -D "$LOG_DIR/$1.headers" -w '%{http_code}' "${@:2}" || echo 000
}
header() { # file name -> value (case-insensitive), empty if absent
  awk -v h="$(printf '%s' "$2" | tr '[:upper:]' '[:lower:]')" -F': *' \
    'tolower($1) == h { sub(/\r$/, ""); sub(/^[^:]*: */, ""); print; exit }' "$LOG_DIR/$1.headers"
}
has_header() { grep -qi "^$2:" "$LOG_DIR/$1.headers"; }
running() { [[ "$(docker inspect -f '{{.State.Running}}' "$1" 2>/dev/null)" == true ]]; }

log "starting $BE_CTR on 127.0.0.1:$BACKEND_PORT"
docker run -d --name "$BE_CTR" --network host "$BE_IMAGE" --urls "http://127.0.0.1:$BACKEND_PORT" >/dev/null
for ((i = 0; i < 30; i++)); do
  port_busy "$BACKEND_PORT" && break
  running "$BE_CTR" || break
  sleep 1
done
check "backend listens on 127.0.0.1:$BACKEND_PORT" port_busy "$BACKEND_PORT"

log "starting $GW_CTR on 127.0.0.1:$GW_PORT"
docker run -d --name "$GW_CTR" --network host \
  -e ASPNETCORE_URLS="http://127.0.0.1:$GW_PORT" \
  -v "$repo/gateway.json:/config/gateway.json:ro" \
  "$GW_IMAGE" --urls "http://127.0.0.1:$GW_PORT" >/dev/null

ready=0
deadline=$((SECONDS + READY_TIMEOUT))
while ((SECONDS < deadline)); do
  if [[ "$(http ready "http://127.0.0.1:$GW_PORT/health/ready" 2>/dev/null)" == 200 ]]; then ready=1; break; fi
  running "$GW_CTR" || break
  sleep 1
done
if ((ready)); then
  pass "gateway /health/ready -> 200 within ${READY_TIMEOUT}s ($((READY_TIMEOUT - (deadline - SECONDS)))s)"
else
  fail "gateway /health/ready -> 200 within ${READY_TIMEOUT}s (running: $(running "$GW_CTR" && echo yes || echo no))"
  docker logs "$GW_CTR" >"$LOG_DIR/gateway.log" 2>&1 || true
  tail -n 30 "$LOG_DIR/gateway.log" >&2
  summary || exit 1
fi

# ---- 3. HTTP checks ----------------------------------------------------------------
base="http://127.0.0.1:$GW_PORT"
code=$(http live "$base/health/live");                check "GET /health/live -> 200 (got $code)" test "$code" = 200

code=$(http students "$base/api/students/1");         check "GET /api/students/1 via gateway -> 200 (got $code)" test "$code" = 200
check "students: no Server header (got '$(header students Server)')"             eval '! has_header students Server'
check "students: no X-Powered-By header (got '$(header students X-Powered-By)')" eval '! has_header students X-Powered-By'
check "students: X-Correlation-Id header present ('$(header students X-Correlation-Id)')" has_header students X-Correlation-Id
check "students: no X-Backend-Node header naming a private address (got '$(header students X-Backend-Node)')" eval '! has_header students X-Backend-Node'

code=$(http crash "$base/api/crash");                 check "GET /api/crash via gateway -> 500 (got $code)" test "$code" = 500
ctype="$(header crash Content-Type)"
check "crash: content-type application/json (got '$ctype')" eval '[[ ${ctype,,} == application/json* ]]'
check 'crash: body has "code":500'                    grep -Eq '"code"[[:space:]]*:[[:space:]]*500' "$LOG_DIR/crash.body"
check "crash: body leaks no stack trace (StudentsController/NullReferenceException)" \
  eval '! grep -Eq "StudentsController|NullReferenceException" "$LOG_DIR/crash.body"'
check "crash: no Server/X-Powered-By header"          eval '! has_header crash Server && ! has_header crash X-Powered-By'
check "crash: X-Correlation-Id header present"        has_header crash X-Correlation-Id

code=$(http report "$base/api/legacy/report");        check "GET /api/legacy/report (200 with a PHP fatal error) -> 500 (got $code)" test "$code" = 500
check "report: body leaks no trace, path or password"  eval '! grep -Eq "SQLSTATE|hunter2|/var/www" "$LOG_DIR/report.body"'
code=$(http enroll -X POST -H 'Content-Type: text/xml' --data '<x/>' "$base/soap/EnrollmentService")
check "POST /soap/EnrollmentService (200 with a SOAP client fault) -> 400 (got $code)" test "$code" = 400
code=$(http lookup "$base/api/legacy/lookup?callback=cb"); check "GET /api/legacy/lookup (400 as JSONP) -> 400 (got $code)" test "$code" = 400
check "lookup: the message inside the callback, not the callback" \
  eval 'grep -q ":\"Grade must be between 1 and 12.\"" "$LOG_DIR/lookup.body" && ! grep -q "cb(" "$LOG_DIR/lookup.body"'
code=$(http login "$base/api/admin/settings");        check "GET /api/admin/settings (302 to the login form) -> 401 (got $code)" test "$code" = 401

uid="$(docker exec "$GW_CTR" id -u 2>/dev/null || echo '?')"
check "gateway runs as non-root (uid $uid)"           eval '[[ $uid =~ ^[0-9]+$ && $uid != 0 ]]'
check "validate /config/gateway.json exits 0" \
  eval 'docker run --rm --network none -v "$repo/gateway.json:/config/gateway.json:ro" "$GW_IMAGE" validate /config/gateway.json >"$LOG_DIR/validate.log" 2>&1'

# Docker HEALTHCHECK (bash /dev/tcp -> /health/live): first probe 15 s after start.
health=none
for ((i = 0; i < 40; i++)); do
  health="$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$GW_CTR")"
  [[ $health == starting ]] || break
  sleep 1
done
check "docker HEALTHCHECK reports healthy (got $health)" test "$health" = healthy

# ---- 4. graceful stop ----------------------------------------------------------------
# A slow request (backend /api/slow) is in flight when SIGTERM arrives: the
# gateway must finish it (drain) before exiting.
curl -sS --max-time 30 -o "$LOG_DIR/slow.body" -w '%{http_code}' "$base/api/slow?ms=3000" >"$LOG_DIR/slow.code" 2>"$LOG_DIR/slow.err" &
slow_pid=$!
sleep 1
log "docker stop $GW_CTR (SIGTERM, 35 s grace) with a 3 s request in flight"
stop_t0=$SECONDS
docker stop -t 35 "$GW_CTR" >/dev/null
wait "$slow_pid" || true
slow_code="$(cat "$LOG_DIR/slow.code" 2>/dev/null || true)"
check "in-flight GET /api/slow?ms=3000 completes during the drain (got ${slow_code:-none})" test "$slow_code" = 200
exit_code="$(docker inspect -f '{{.State.ExitCode}}' "$GW_CTR")"
docker logs "$GW_CTR" >"$LOG_DIR/gateway.log" 2>"$LOG_DIR/gateway.stderr.log" || true
docker logs "$BE_CTR" >"$LOG_DIR/backend.log" 2>&1 || true
check "gateway exits 0 on SIGTERM (got $exit_code after $((SECONDS - stop_t0))s)" test "$exit_code" = 0
check "gateway log has no unhandled exception" \
  eval '! grep -Eqi "unhandled exception|Unhandled exception\\. |UnhandledException" "$LOG_DIR/gateway.log" "$LOG_DIR/gateway.stderr.log"'
nonjson="$(grep -cv '^[[:space:]]*{' "$LOG_DIR/gateway.log" || true)"
check "gateway stdout is JSON lines ($nonjson non-JSON of $(wc -l <"$LOG_DIR/gateway.log"))" \
  eval '[[ -s $LOG_DIR/gateway.log && $nonjson -eq 0 ]]'

summary
