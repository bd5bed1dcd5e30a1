#!/usr/bin/env bash
# Runs the classifier benchmarks in Release and writes bench/results/transforms-<date>.md.
# Usage: bench/Transforms.Benchmarks/run.sh [filter] [extra BenchmarkDotNet args...]
#   filter defaults to '*' (all cases, a few minutes); e.g. '*Scan*' or '*Normalize*'; several patterns separated
#   by spaces, e.g. '*Scan* *ByteLoop*' (the yardstick in the same run).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
filter="${1:-*}"
shift || true
stamp="$(date -u +%Y-%m-%d-%H%M)"
artifacts="$root/bench/results/artifacts-$stamp"
out="$root/bench/results/transforms-$stamp.md"

dotnet build -c Release "$here/Transforms.Benchmarks.csproj" --nologo -v q
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
read -r -a filters <<<"$filter"
dotnet "$here/bin/Release/net10.0/Transforms.Benchmarks.dll" \
    --filter "${filters[@]}" --artifacts "$artifacts" "$@"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

{
    echo "# Transforms.Benchmarks, $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    echo "- command: \`bench/Transforms.Benchmarks/run.sh '$filter' $*\`"
    echo "- commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with uncommitted changes)')"
    echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "- load average (1/5/15 min) before: $load_before, after: $load_after"
    echo "- MB/s = body bytes / mean time of one call, MB = 10^6 bytes"
    echo
    for report in "$artifacts"/results/*-report-github.md; do
        cat "$report"
        echo
    done
} >"$out"
rm -rf "$artifacts"
echo "Wrote $out"
