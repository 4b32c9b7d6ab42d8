#!/usr/bin/env bash
# `dagroute compare` on the default instance: the default budget against a long run, per-scenario
# cost (€/day) and the gap between them, as a Markdown table for BENCHMARKS.md.
# Usage: Scripts/bench-compare.sh [LONG_SECONDS (default 600)] [REFERENCE_SUMMARY_JSON] [-- COMPARE_OPTIONS…]
# With REFERENCE_SUMMARY_JSON (the summary.json of an earlier long run) the long run is skipped.
# COMPARE_OPTIONS go to the default run only, e.g. `-- --time-limit 1000 --iterations 20` for a
# run bound by the iteration budget alone (the same plans whatever the machine's load).
set -euo pipefail
cd "$(dirname "$0")/.."
long="${1:-600}"
reference="${2:-}"
extra=()
if [ $# -gt 2 ]; then shift 2; [ "${1:-}" = -- ] && shift; extra=("$@"); fi
swift build -c release --product dagroute >&2
bin="$(swift build -c release --show-bin-path)/dagroute"
tmp="$(mktemp -d)"
run() {
    local name="$1"; shift
    /usr/bin/time -f "%e s wall, %U s CPU" -o "$tmp/$name.time" "$bin" compare Instances/gooi-en-vechtstreek --out "$tmp/$name" "$@" > /dev/null 2> "$tmp/$name.log"
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
run default "${extra[@]}"
if [ -z "$reference" ]; then
    run long --time-limit "$long" --iterations 100000
    reference="$tmp/long/summary.json"
    long_wall="$(cat "$tmp/long.time")"
else
    long_wall="(earlier run)"
fi
python3 - "$tmp/default/summary.json" "$reference" "$(cat "$tmp/default.time")" "$long_wall" <<'PY'
import json, sys
short = {s["name"]: s for s in json.load(open(sys.argv[1]))["scenarios"]}
long = {s["name"]: s for s in json.load(open(sys.argv[2]))["scenarios"]}
print(f"default budget: {sys.argv[3]}; long run: {sys.argv[4]}\n")
print("| scenario | € / day (default) | € / day (long) | gap | saving (default) | saving (long) |")
print("|---|---:|---:|---:|---:|---:|")
base_s, base_l = short["status-quo"]["cost_eur_per_day"], long["status-quo"]["cost_eur_per_day"]
worst = 0.0
for name, s in short.items():
    a, b = s["cost_eur_per_day"], long[name]["cost_eur_per_day"]
    gap = (a - b) / b * 100
    worst = max(worst, gap)
    print(f"| {name} | {a:,.0f} | {b:,.0f} | {gap:+.1f} % | {(1 - a / base_s) * 100:.1f} % | {(1 - b / base_l) * 100:.1f} % |")
print(f"\nlargest gap: {worst:+.2f} %")
PY
rm -rf "$tmp"
