#!/usr/bin/env bash
# Before/after comparison of two dagroute binaries on a shared machine: for every instance and
# seed, runs binary A then binary B back to back (same minutes, same load), one thread each, and
# prints per run the vehicles and the distance gap to the best known value, then the mean gap per
# binary and the sum of vehicles over the best known.
#
#   Scripts/bench/routing_ab.sh A B --time-limit S [--iterations N] --seeds "1 2" [--format solomon|vrplib|cordeau] FILE ...
#
# --iterations N also stops each run after N iterations: when that budget binds before the time
# limit, both binaries' results depend on the seed alone, not on the machine's load (and a binary's
# results can be reused across comparisons; for CVRP and VRPTW since session 9, whose
# set-partitioning solves then stop on a simplex-iteration budget instead of the clock).
#
# FILEs are instance files under ../shared/instances; their best known value (and vehicles, where
# stated) come from known_values.csv (matched by instance name).
set -euo pipefail
cd "$(dirname "$0")/../.."
a="$1"; b="$2"; shift 2
limit=30; iterations=; seeds=1; format=solomon; files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --time-limit) limit="$2"; shift 2 ;;
        --iterations) iterations="$2"; shift 2 ;;
        --seeds) seeds="$2"; shift 2 ;;
        --format) format="$2"; shift 2 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) files+=("$1"); shift ;;
    esac
done
known=../shared/instances/known_values.csv
results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "A = $a, B = $b; ${limit} s${iterations:+ or $iterations iterations}, one thread, seeds $seeds; load average at start $(cut -d' ' -f1 /proc/loadavg)"
for f in "${files[@]}"; do
    inst=$(basename "$f"); inst=${inst%.*}
    bks=$(awk -F, -v i="$inst" '$2 == i { print $4; exit }' "$known")
    bksv=$(awk -F, -v i="$inst" '$2 == i' "$known" | { grep -o '[0-9]* vehicles' || true; } | head -1 | cut -d' ' -f1)
    for sd in $seeds; do
        for which in A B; do
            bin=$a; [ $which = B ] && bin=$b
            out=$("$bin" solve "$f" --format "$format" --time-limit "$limit" ${iterations:+--iterations "$iterations"} --threads 1 --seed "$sd" --json 2>/dev/null \
                | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["objective"] if o["feasible"] else "nan", len(o["routes"]))')
            echo "$inst $sd $which $bks ${bksv:--} $out" | tee -a "$results" >&2
        done
    done
done
python3 - "$results" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
print("| instance | seed | best known (vehicles) | A vehicles | A gap % | B vehicles | B gap % |")
print("|---|---:|---:|---:|---:|---:|---:|")
by = {}
for inst, sd, w, bks, bksv, cost, veh in rows:
    by.setdefault((inst, sd), {"bks": float(bks), "bksv": bksv})[w] = (float(cost), veh)
gaps = {"A": [], "B": []}; extra = {"A": 0, "B": 0}
for (inst, sd), r in by.items():
    cells = []
    for w in "AB":
        c, v = r.get(w, (float("nan"), "-"))
        g = 100 * (c - r["bks"]) / r["bks"]; gaps[w].append(g)
        if v.isdigit() and r["bksv"].isdigit(): extra[w] += int(v) - int(r["bksv"])
        cells += [v, f"{g:.2f}"]
    print(f"| {inst} | {sd} | {r['bks']:.2f} ({r['bksv']}) | " + " | ".join(cells) + " |")
print(f"| **mean** | | | | **{sum(gaps['A'])/len(gaps['A']):.2f}** | | **{sum(gaps['B'])/len(gaps['B']):.2f}** |")
print()
print(f"Vehicles over the best known, summed: A {extra['A']:+d}, B {extra['B']:+d}.")
PY
