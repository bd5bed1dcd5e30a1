#!/usr/bin/env bash
# Compares the classifier of two commits: runs `probe` of each build in turns, several times, and prints per case the
# best MB/s of each and B / A (time ratio). Turns share the machine's load alike; the best of several turns is read.
# Usage: bench/Transforms.Benchmarks/ab.sh BASE_REV [TURNS] [SECONDS_PER_CASE]   (B is the working tree)
# About 3 minutes a turn. `probe` counts the process's CPU time, the background JIT's included: below about 1 s a case,
# tiering still runs in the timed part and 1 KiB rows read several times too slow.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="${1:?base revision}"; turns="${2:-2}"; seconds="${3:-1}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add -q --detach "$work/base" "$base"
dotnet build -c Release "$work/base/bench/Transforms.Benchmarks/Transforms.Benchmarks.csproj" --nologo -v q >/dev/null
dotnet build -c Release "$here/Transforms.Benchmarks.csproj" --nologo -v q >/dev/null
a="$work/base/bench/Transforms.Benchmarks/bin/Release/net10.0/Transforms.Benchmarks.dll"
b="$here/bin/Release/net10.0/Transforms.Benchmarks.dll"
for turn in $(seq "$turns"); do
    dotnet "$a" probe "$seconds" | grep '^| [SN]' >>"$work/a.md"
    dotnet "$b" probe "$seconds" | grep '^| [SN]' >>"$work/b.md"
done

echo "A: $(git -C "$root" rev-parse --short "$base"), B: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' + changes'), $turns turns, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/a.md" "$work/b.md" <<'PY'
import sys
def best(path):
    out = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        key = tuple(cells[:3]); mbs = float(cells[3].replace(',', ''))
        out[key] = max(out.get(key, 0.0), mbs)
    return out
a, b = best(sys.argv[1]), best(sys.argv[2])
print("| method | body | size | A MB/s | B MB/s | B / A time |")
print("|---|---|---:|---:|---:|---:|")
for key in a:
    print(f"| {key[0]} | {key[1]} | {key[2]} | {a[key]:,.0f} | {b[key]:,.0f} | {a[key] / b[key]:.3f} |")
PY
