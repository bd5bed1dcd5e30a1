#!/usr/bin/env bash
# Generate mode vs passthrough on 1 KiB, 64 KiB and 1 MiB bodies (issue 6), per shared/docs/benchmarking.md:
# upstream + gateway pinned to core 0, wrk to core 1; a warm-up, then interleaved rounds; medians.
# Env: WARMUP (s, default 60), DURATION (s per run, default 10), ROUNDS (default 3), CONNECTIONS (default 32).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
warmup=${WARMUP:-60}
duration=${DURATION:-10}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-32}
gateway_port=15900
upstream_port=15901
out=$(mktemp -d)

command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)"; exit 1; }
dotnet build "$root/src/Gateway/Gateway.csproj" -c Release --nologo -v quiet
dotnet build Upstream/BenchUpstream.csproj -c Release --nologo -v quiet

taskset -c 0 dotnet Upstream/bin/Release/net10.0/BenchUpstream.dll --urls "http://127.0.0.1:${upstream_port}" >/dev/null 2>&1 &
upstream=$!
taskset -c 0 dotnet "$root/src/Gateway/bin/Release/net10.0/Gateway.dll" --config gateway.bench.json --urls "http://127.0.0.1:${gateway_port}" >"$out/gateway.log" 2>&1 &
gateway=$!
trap 'kill $gateway $upstream 2>/dev/null || true; wait 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:${gateway_port}/gen/body/1k" && break
  sleep 0.2
done

base="http://127.0.0.1:${gateway_port}"
# Targets: name and URL path; "gen304" revalidates with the tag generate mode gave (a matching If-None-Match).
targets=(pass-1k gen-1k pass-64k gen-64k pass-1m gen-1m gen304-64k)
declare -A tag
for size in 1k 64k 1m; do
  tag[$size]=$(curl -fsI "$base/gen/body/$size" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$gateway/stat"; }
ticks_per_second=$(getconf CLK_TCK)

run() { # name seconds -> "req/s cpu_us_per_req"
  local name=$1 seconds=$2 mode=${1%%-*} size=${1#*-} header=()
  local path="/$mode/body/$size"
  if [ "$mode" = gen304 ]; then path="/gen/body/$size"; header=(-H "If-None-Match: ${tag[$size]}"); fi
  local before after
  before=$(cpu_ticks)
  local result
  result=$(taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" "${header[@]}" "$base$path")
  after=$(cpu_ticks)
  local requests rps
  requests=$(echo "$result" | awk '/requests in/{print $1}')
  rps=$(echo "$result" | awk '/Requests\/sec/{print $2}')
  awk -v r="$rps" -v n="$requests" -v t=$((after - before)) -v hz="$ticks_per_second" \
    'BEGIN { printf "%.0f %.1f\n", r, (n > 0 ? t / hz * 1e6 / n : 0) }'
}

echo "warm-up ${warmup}s over all targets"
per=$(( warmup / ${#targets[@]} + 1 ))
for t in "${targets[@]}"; do run "$t" "$per" >/dev/null; done

for round in $(seq 1 "$rounds"); do
  # Rotate the order each round (A B C, B C A, …).
  n=${#targets[@]}
  for i in $(seq 0 $((n - 1))); do
    t=${targets[$(( (i + round - 1) % n ))]}
    echo "$t $(run "$t" "$duration")" | tee -a "$out/results"
  done
done

echo
echo "medians over $rounds rounds (${duration}s each, wrk -t1 -c${connections}; gateway+upstream on core 0, wrk on core 1)"
printf '%-11s %10s %14s %10s\n' target 'req/s' 'gw CPU us/req' 'vs pass'
for t in "${targets[@]}"; do
  med_rps=$(awk -v t="$t" '$1==t{print $2}' "$out/results" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  med_cpu=$(awk -v t="$t" '$1==t{print $3}' "$out/results" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  min_max=$(awk -v t="$t" '$1==t{print $2}' "$out/results" | sort -n | awk 'NR==1{min=$1} {max=$1} END{print min "-" max}')
  size=${t#*-}
  pass=$(awk -v t="pass-$size" '$1==t{print $2}' "$out/results" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  ratio=$(awk -v a="$med_rps" -v b="$pass" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}')
  printf '%-11s %10s %14s %10s   (req/s min-max %s)\n' "$t" "$med_rps" "$med_cpu" "$ratio" "$min_max"
done
