# Process helpers for run.sh: start servers pinned to the server core, wait for them, read their CPU and memory.
# Only processes this script started are ever stopped, by their own pid.

STARTED_PIDS=()

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

# port_free PORT: true when nothing listens on 127.0.0.1:PORT.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_pinned LOGFILE CMD...: runs CMD on the server core(s) in the background; sets LAST_PID.
start_pinned() {
  local logfile=$1
  shift
  taskset -c "$SERVER_CPUS" "$@" >/dev/null 2>"$logfile" &
  LAST_PID=$!
  STARTED_PIDS+=("$LAST_PID")
}

stop_pid() {
  local pid=$1 p kept=()
  for p in "${STARTED_PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  STARTED_PIDS=("${kept[@]}")
  kill -TERM "$pid" 2>/dev/null || return 0
  local i
  for i in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.05
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    stop_pid "$pid"
  done
}

# http_status URL [HEADER...]: the status code of one GET (000 when nothing answered), from the load core.
http_status() {
  local url=$1
  shift
  local args=() h
  for h in "$@"; do args+=(-H "$h"); done
  taskset -c "$LOAD_CPUS" curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${args[@]}" "$url" || true
}

# wait_status STATUS MS_LIMIT URL [HEADER...]: polls until the URL answers STATUS (any: anything at all);
# prints the last status, fails on timeout.
wait_status() {
  local want=$1 limit_ms=$2 url=$3
  shift 3
  local deadline=$(( $(date +%s%3N) + limit_ms )) status
  while :; do
    status=$(http_status "$url" "$@")
    if [ "$status" = "$want" ] || { [ "$want" = any ] && [ "$status" != "000" ]; }; then echo "$status"; return 0; fi
    [ "$(date +%s%3N)" -lt "$deadline" ] || { echo "$status"; return 1; }
    sleep 0.01
  done
}

# pid_family PID: the pid and its direct children (nginx's master and worker).
pid_family() { echo "$1" $(pgrep -P "$1" 2>/dev/null || true); }

# cpu_ticks PID...: utime + stime of the processes, in clock ticks (/proc/PID/stat fields 14 and 15).
cpu_ticks() {
  local total=0 pid fields
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    # The command name (field 2) may hold spaces; cut at its closing parenthesis.
    read -r -a fields <<<"$(sed 's/^.*) //' "/proc/$pid/stat")"
    total=$(( total + fields[11] + fields[12] ))
  done
  echo "$total"
}

# rss_kb PID...: resident set size of the processes, summed, in KiB.
rss_kb() {
  local total=0 pid kb
  for pid in "$@"; do
    kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$(( total + ${kb:-0} ))
  done
  echo "$total"
}
