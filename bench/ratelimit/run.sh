#!/usr/bin/env bash
# Limiter overhead: no limiter vs in-memory vs Redis, through the real gateway on loopback.
# Starts its own redis-server (Debian package) on a free port, without persistence; stops it after.
# Usage: bench/ratelimit/run.sh [requests per round] [concurrency] [rounds]
set -euo pipefail
cd "$(dirname "$0")"
requests=${1:-20000}
concurrency=${2:-16}
rounds=${3:-3}

dotnet build -c Release -v q -nologo RateLimitBench.csproj >/dev/null

redis_arg="-"
if command -v redis-server >/dev/null 2>&1; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  dir=$(mktemp -d)
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" >/dev/null &
  redis_pid=$!
  trap 'kill "$redis_pid" 2>/dev/null; rm -rf "$dir"' EXIT
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis_arg="127.0.0.1:$port"
else
  echo "redis-server not installed: measuring without the Redis limiter" >&2
fi

dotnet bin/Release/net10.0/RateLimitBench.dll "$redis_arg" "$requests" "$concurrency" "$rounds"
