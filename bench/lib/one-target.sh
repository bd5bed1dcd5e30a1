# The libraries of the scripts that measure one target (alloc.sh, perf.sh, profile.sh, syscalls.sh). Needs BENCH_DIR.
# shellcheck source=procs.sh
source "$BENCH_DIR/lib/procs.sh"
# shellcheck source=secrets.sh
source "$BENCH_DIR/lib/secrets.sh"
# shellcheck source=wrk.sh
source "$BENCH_DIR/lib/wrk.sh"
# shellcheck source=target.sh
source "$BENCH_DIR/lib/target.sh"
