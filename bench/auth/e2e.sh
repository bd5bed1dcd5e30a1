#!/usr/bin/env bash
# End-to-end cost of bearer-token checks through the gateway: an anonymous route, a JWT route with the
# validated-token cache, and the same route with the cache off (switched by hot reload, same process).
# Figures: requests/s and the gateway's CPU µs per request (utime+stime from /proc), interleaved rounds.
# Needs: dotnet (built Debug or Release), openssl, wrk, taskset. Usage: bench/auth/e2e.sh [rounds] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
config=${CONFIGURATION:-Release}
work=$(mktemp -d)
gw=; be=
trap 'kill $gw $be 2>/dev/null || true; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

dotnet build -c "$config" src/Gateway -v q >/dev/null
dotnet build -c "$config" samples/LegacyBackend -v q >/dev/null

openssl genrsa -out "$work/k.pem" 2048 2>/dev/null
openssl rsa -in "$work/k.pem" -pubout -out "$work/pub.pem" 2>/dev/null
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64)
payload=$(printf '{"iss":"https://issuer.example","aud":"gateway-api","sub":"3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b","azp":"district-sis-integration","scope":"students:read students:write sections:read","roles":["district-admin","auditor"],"tenant":"district-255901","iat":%d,"nbf":%d,"exp":%d}' "$now" "$now" $((now + 7200)) | b64)
token="$header.$payload.$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/k.pem" | b64)"

bp=$(free_port); gp=$(free_port)
write_config() { # $1 = token cache entries
  python3 - "$work/pub.pem" "$bp" "$1" > "$work/gateway.json.tmp" <<'PY'
import json, sys
pem, port, entries = open(sys.argv[1]).read(), int(sys.argv[2]), int(sys.argv[3])
print(json.dumps({
  "Gateway": {"Authentication": {"Jwt": {"Issuer": "https://issuer.example", "Audiences": ["gateway-api"], "Algorithms": ["RS256"],
      "SigningKeys": {"bench": {"Pem": pem}}, "TokenCache": {"MaxEntries": entries}}}},
  "ReverseProxy": {
    "Routes": {
      "jwt": {"ClusterId": "c", "Match": {"Path": "/jwt/{**rest}"}, "Transforms": [{"PathSet": "/health"}]},
      "anon": {"ClusterId": "c", "Match": {"Path": "/anon/{**rest}"}, "AuthorizationPolicy": "Anonymous", "Transforms": [{"PathSet": "/health"}]}},
    "Clusters": {"c": {"Destinations": {"d": {"Address": f"http://127.0.0.1:{port}/"}}}}}}))
PY
  mv "$work/gateway.json.tmp" "$work/gateway.json"
}
write_config 10000

taskset -c 0 dotnet "samples/LegacyBackend/bin/$config/net10.0/LegacyBackend.dll" --urls "http://127.0.0.1:$bp" >/dev/null 2>&1 & be=$!
taskset -c 0 dotnet "src/Gateway/bin/$config/net10.0/Gateway.dll" --config "$work/gateway.json" --urls "http://127.0.0.1:$gp" >"$work/gw.log" 2>&1 & gw=$!
for _ in $(seq 100); do curl -fs -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$gp/jwt/x" && break; sleep 0.2; done

ticks() { awk '{print $14 + $15}' "/proc/$gw/stat"; }
run() { # $1 = label, $2 = path, $3.. = wrk extra args
  local label=$1 path=$2; shift 2
  local before after out requests rps
  before=$(ticks)
  out=$(taskset -c 1 wrk -t1 -c16 -d"${seconds}s" "$@" "http://127.0.0.1:$gp$path")
  after=$(ticks)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  awk -v l="$label" -v r="$rps" -v n="$requests" -v t=$((after - before)) -v e="${non2xx:-0}" \
    'BEGIN { printf "%-10s %10.0f req/s %8.1f CPU us/req  (non-2xx: %s)\n", l, r, t * 10000 / n, e }'
}

echo "warm-up 60 s (cache on)"
taskset -c 1 wrk -t1 -c16 -d60s -H "Authorization: Bearer $token" "http://127.0.0.1:$gp/jwt/x" >/dev/null
for round in $(seq "$rounds"); do
  echo "round $round"
  run anonymous /anon/x
  write_config 10000; sleep 2
  run jwt-cache /jwt/x -H "Authorization: Bearer $token"
  write_config 0; sleep 2
  run jwt-nocache /jwt/x -H "Authorization: Bearer $token"
done
