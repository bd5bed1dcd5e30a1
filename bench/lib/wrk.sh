# Drives one target with wrk from the load core and measures the server side around it.

# parse_wrk: reads wrk --latency output; prints "rps p50_ms p99_ms requests non2xx socket_errors".
parse_wrk() {
  awk '
    function ms(v,   n) {
      n = v + 0
      if (v ~ /us$/) return n / 1000
      if (v ~ /ms$/) return n
      if (v ~ /m$/) return n * 60000
      if (v ~ /s$/) return n * 1000
      return n
    }
    /^ *50% / { p50 = ms($2) }
    /^ *99% / { p99 = ms($2) }
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) errors += $i }
    /^Requests\/sec:/ { rps = $2 }
    END { printf "%.1f %.3f %.3f %d %d %d\n", rps, p50, p99, requests, non2xx, errors }
  '
}

# drive URL SECONDS HEADER...: one wrk run from the load core; prints the parsed figures.
drive() {
  local url=$1 seconds=$2
  shift 2
  local args=() h
  for h in "$@"; do args+=(-H "$h"); done
  taskset -c "$LOAD_CPUS" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "${args[@]}" "$url" | parse_wrk
}

# measure TARGET URL SECONDS HEADER...: drive plus the target's and the upstream's CPU and the target's RSS.
# Prints "rps p50 p99 requests non2xx errors cpu_us_per_req upstream_cpu_us_per_req rss_kb".
measure() {
  local target=$1 url=$2 seconds=$3
  shift 3
  local pids upstream_pids before up_before figures after up_after requests cpu up_cpu
  read -r -a pids <<<"$(target_pids "$target")"
  read -r -a upstream_pids <<<"$(target_pids direct)"
  before=$(cpu_ticks "${pids[@]}")
  up_before=$(cpu_ticks "${upstream_pids[@]}")
  figures=$(drive "$url" "$seconds" "$@")
  after=$(cpu_ticks "${pids[@]}")
  up_after=$(cpu_ticks "${upstream_pids[@]}")
  requests=$(awk '{ print $4 }' <<<"$figures")
  read -r cpu up_cpu <<<"$(awk -v a="$((after - before))" -v u="$((up_after - up_before))" -v n="$requests" -v hz="$CLK_TCK" \
    'BEGIN { if (n > 0) printf "%.1f %.1f\n", a * 1e6 / hz / n, u * 1e6 / hz / n; else print "0 0" }')"
  if [ "$target" = direct ]; then up_cpu=0; fi
  echo "$figures $cpu $up_cpu $(rss_kb "${pids[@]}")"
}
