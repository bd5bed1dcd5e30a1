#!/usr/bin/env bash
# Runs the gateway (http://127.0.0.1:8080) in front of the bundled sample legacy backend (http://127.0.0.1:5080),
# with the repo's gateway.json. Ctrl+C stops both. Ports: GATEWAY_PORT, BACKEND_PORT.
set -euo pipefail
cd "$(dirname "$0")"
gateway_port=${GATEWAY_PORT:-8080}
backend_port=${BACKEND_PORT:-5080}

dotnet build src/Gateway/Gateway.csproj -c Release --nologo -v quiet
dotnet build samples/LegacyBackend/LegacyBackend.csproj -c Release --nologo -v quiet

dotnet samples/LegacyBackend/bin/Release/net10.0/LegacyBackend.dll --urls "http://127.0.0.1:${backend_port}" &
backend=$!
trap 'kill "$backend" 2>/dev/null || true' EXIT

echo "sample backend: http://127.0.0.1:${backend_port}   gateway: http://127.0.0.1:${gateway_port}"
# The sample config points at 127.0.0.1:5080; follow BACKEND_PORT if it was changed.
ReverseProxy__Clusters__legacy__Destinations__primary__Address="http://127.0.0.1:${backend_port}/" \
  dotnet src/Gateway/bin/Release/net10.0/Gateway.dll --config gateway.json --urls "http://127.0.0.1:${gateway_port}"
