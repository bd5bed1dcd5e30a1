#!/usr/bin/env bash
# System calls per request of one target under load: starts the upstream and the gateway (or bare YARP) pinned like
# run.sh, warms up, then counts the target's system calls (all threads, kernel tracepoints through `perf stat`) during
# a measured wrk window. Unlike req/s and CPU time, the count hardly moves with the machine's load, and on a VM where
# every system call is expensive it is much of the difference between targets.
#
#   bench/syscalls.sh [--config base] [--path /small] [--warmup 30] [--seconds 10] [--env VAR=value ...] [--header "H: v"] [--yarp]
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
# shellcheck source=lib/one-target.sh
source "$BENCH_DIR/lib/one-target.sh"

ENVS=()
target_options 30 10 "$@"
command -v perf >/dev/null || die "perf is not installed (apt-get install linux-perf)"
start_target 18300 syscalls

events=raw_syscalls:sys_enter,syscalls:sys_enter_write,syscalls:sys_enter_writev,syscalls:sys_enter_sendmsg,syscalls:sys_enter_sendto,syscalls:sys_enter_recvfrom,syscalls:sys_enter_read,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_epoll_ctl,syscalls:sys_enter_futex
perf stat -x, -e "$events" -p "$pid" -o "$WORK/stat.csv" -- sleep $((SECONDS_ + 1)) &
stat_pid=$!
sleep 0.5
figures=$(drive "$url" "$SECONDS_" "${HEADERS[@]}")
wait "$stat_pid" || true
requests=$(awk '{ print $4 }' <<<"$figures")
log "measured (rps p50 p99 requests non2xx errors): $figures"
echo "## system calls per request ($requests requests)"
awk -F, -v n="$requests" '$3 ~ /sys_enter/ { name = $3; sub(/.*sys_enter_?/, "", name); if (name == "") name = "all"; printf "%-12s %.2f\n", name, $1 / n }' "$WORK/stat.csv"
