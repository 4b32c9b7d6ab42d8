#!/usr/bin/env bash
# Mean gap to the best known solutions on the CVRPLIB X instances in ../shared/instances/cvrp/X,
# dagroute at a fixed time limit on one thread; with --peers also HGS-CVRP (hygese), PyVRP,
# OR-Tools routing (guided local search) and VROOM (pyvroom) from PyPI in .venv-bench, same limit.
#
#   Scripts/bench-routing.sh [--time-limit S] [--peers] [--all] [INSTANCE ...]
#
# Default instances: six of the X set (n = 101 … 513); --all runs every X instance. Prints a
# Markdown table (instance, best known, cost and gap % per solver, mean gap) on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=60; peers=0; all=0; list=()
while [ $# -gt 0 ]; do
    case "$1" in
        --time-limit) limit="$2"; shift 2 ;;
        --peers) peers=1; shift ;;
        --all) all=1; shift ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) list+=("$1"); shift ;;
    esac
done
data=../shared/instances
if [ ${#list[@]} -eq 0 ]; then
    if [ $all -eq 1 ]; then
        mapfile -t list < <(ls "$data/cvrp/X" | sed -n 's/\.vrp$//p' | sort -t- -k2.2n)
    else
        list=(X-n101-k25 X-n157-k13 X-n204-k19 X-n251-k28 X-n313-k71 X-n513-k21)
    fi
fi
swift build -c release --product dagroute >&2
solvers=(dagroute)
if [ $peers -eq 1 ]; then
    if [ ! -x .venv-bench/bin/python ]; then
        python3 -m venv .venv-bench >&2
        .venv-bench/bin/pip install -q hygese pyvrp ortools pyvroom >&2
    fi
    solvers+=(hgs pyvrp ortools vroom)
fi
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for inst in "${list[@]}"; do
    file="$data/cvrp/X/$inst.vrp"
    [ -f "$file" ] || { echo "no such instance: $file" >&2; continue; }
    bks=$(awk -F, -v i="$inst" '$1 == "cvrp" && $2 == i { print $4 }' "$data/known_values.csv")
    for s in "${solvers[@]}"; do
        if [ "$s" = dagroute ]; then
            cost=$(.build/release/dagroute solve "$file" --format vrplib --time-limit "$limit" --threads 1 --seed 1 --json \
                | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["objective"] if o["feasible"] else "nan")')
        else
            cost=$(.venv-bench/bin/python Scripts/bench/routing_peers.py "$s" "$file" "$limit" || echo nan)
        fi
        echo "$inst $bks $s $cost" >> "$results"
        echo "$inst $s $cost (best known $bks)" >&2
    done
done
python3 - "$results" "${solvers[@]}" <<'PY'
import math, sys
rows, solvers = {}, sys.argv[2:]
for line in open(sys.argv[1]):
    inst, bks, s, cost = line.split()
    rows.setdefault(inst, {"bks": float(bks)})[s] = float(cost)
print("| instance | best known | " + " | ".join(f"{s} cost | {s} gap %" for s in solvers) + " |")
print("|---|---:|" + "---:|---:|" * len(solvers))
gaps = {s: [] for s in solvers}
for inst, r in rows.items():
    cells = []
    for s in solvers:
        c = r.get(s, math.nan)
        g = 100 * (c - r["bks"]) / r["bks"]
        gaps[s].append(g)
        cells += [f"{c:.0f}", f"{g:.2f}"]
    print(f"| {inst} | {r['bks']:.0f} | " + " | ".join(cells) + " |")
print("| **mean** | | " + " | ".join(f" | **{sum(gaps[s]) / len(gaps[s]):.2f}**" for s in solvers) + " |")
PY
