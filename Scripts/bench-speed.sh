#!/usr/bin/env bash
# CPU time of the iteration-bound default compare, two dagroute binaries measured alternately in the
# same minutes (so that other load on the machine hits both alike), and whether their outputs are
# byte-identical: route sheets, summary.json, kpis.csv.
# Usage: Scripts/bench-speed.sh BEFORE_BINARY AFTER_BINARY [ROUNDS (default 2)] [-- COMPARE_OPTIONS…]
# COMPARE_OPTIONS default to `--time-limit 1000 --iterations 20 --threads 1`: every wave stops at its
# iteration budget. The set-partitioning solves inside still have wall-clock limits (2 % of a wave's
# slice), so on a heavily loaded machine a run can differ from the next one of the same binary;
# the script then says so.
set -euo pipefail
cd "$(dirname "$0")/.."
before="$1"; after="$2"; rounds="${3:-2}"
options=(--time-limit 1000 --iterations 20 --threads 1)
if [ $# -gt 3 ]; then shift 3; [ "${1:-}" = -- ] && shift; options=("$@"); fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); options: ${options[*]}"
for r in $(seq 1 "$rounds"); do
    for side in before after; do
        bin="$before"; [ "$side" = after ] && bin="$after"
        out="$tmp/$side-$r"
        /usr/bin/time -f "%e %U" -o "$out.time" "$bin" compare Instances/gooi-en-vechtstreek --quiet --out "$out" "${options[@]}" > /dev/null 2> "$out.log"
        read -r wall user < "$out.time"
        echo "round $r $side: $wall s wall, $user s CPU (user)"
    done
    same=yes
    for f in "$tmp/before-$r"/routes-*.csv "$tmp/before-$r/summary.json" "$tmp/before-$r/kpis.csv"; do
        cmp -s "$f" "$tmp/after-$r/$(basename "$f")" || { same=no; echo "round $r: $(basename "$f") differs"; }
    done
    echo "round $r: outputs identical: $same"
done
python3 - "$tmp" "$rounds" <<'PY'
import json, sys
tmp, rounds = sys.argv[1], int(sys.argv[2])
cpu = {s: sum(float(open(f"{tmp}/{s}-{r}.time").read().split()[1]) for r in range(1, rounds + 1)) for s in ("before", "after")}
print(f"CPU total: before {cpu['before']:.1f} s, after {cpu['after']:.1f} s, after/before {cpu['after'] / cpu['before']:.3f}")
for r in range(1, rounds + 1):
    for s in ("before", "after"):
        costs = [round(x["cost_eur_per_day"], 2) for x in json.load(open(f"{tmp}/{s}-{r}/summary.json"))["scenarios"]]
        print(f"round {r} {s}: € / day {costs}")
PY
