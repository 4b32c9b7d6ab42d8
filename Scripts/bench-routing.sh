#!/usr/bin/env bash
# Mean gap to the best known solutions, dagroute at a fixed time limit on one thread, seed 1
# (or each seed of --seeds).
#   --set x      CVRPLIB X instances (../shared/instances/cvrp/X); with --peers also HGS-CVRP
#                (hygese), PyVRP, OR-Tools routing (guided local search) and VROOM (pyvroom) from
#                PyPI in .venv-bench, same limit, one thread.
#   --set darp   Cordeau (2006) dial-a-ride instances (../shared/instances/darp/cordeau2006).
#   --set vrptw  Solomon C101 and Gehring–Homberger 200-customer VRPTW instances (distance gap;
#                the vehicle count of the best known solution is in known_values.csv).
#
#   Scripts/bench-routing.sh [--set x|darp|vrptw] [--time-limit S] [--iterations N] [--seeds "1 2 …"] [--peers] [--all] [INSTANCE ...]
#
# --seeds runs dagroute once per seed (columns dagroute-s1, dagroute-s2, …) and adds the mean gap
# over all seeds; the peers run once.
# --iterations N also stops dagroute after N iterations (one thread, so the result no longer depends
# on the machine's load when the budget binds before the time limit: for CVRP and VRPTW the
# set-partitioning solves then stop on a simplex-iteration budget, not the clock; not for --peers).
# Default instances: six per set; --all runs every instance of the set. Prints a Markdown table
# (instance, best known value and vehicles, cost, vehicles and gap % per solver, mean gap) on
# stdout. For the VRPTW sets the gap is on distance only; compare vehicles first (a plan with more
# vehicles than the best known can have a negative distance gap).
set -euo pipefail
cd "$(dirname "$0")/.."
limit=60; iterations=; peers=0; all=0; list=(); set=x; seeds=1
while [ $# -gt 0 ]; do
    case "$1" in
        --time-limit) limit="$2"; shift 2 ;;
        --iterations) iterations="$2"; shift 2 ;;
        --seeds) seeds="$2"; shift 2 ;;
        --peers) peers=1; shift ;;
        --all) all=1; shift ;;
        --set) set="$2"; shift 2 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) list+=("$1"); shift ;;
    esac
done
data=../shared/instances
case "$set" in
    x) dir="$data/cvrp/X"; ext=vrp; format=vrplib; family=cvrp
       defaults=(X-n101-k25 X-n157-k13 X-n204-k19 X-n251-k28 X-n313-k71 X-n513-k21) ;;
    darp) dir="$data/darp/cordeau2006"; ext=txt; format=cordeau; family=darp
       defaults=(a4-40 a5-50 a6-72 b5-60 b6-72 b8-96) ;;
    vrptw) dir="$data/vrptw/gh200"; ext=txt; format=solomon; family=vrptw_gh200
       defaults=(C101 c1_2_1 c2_2_1 r1_2_1 r2_2_1 rc1_2_1 rc2_2_1) ;;
    *) echo "unknown set $set (x, darp, vrptw)" >&2; exit 2 ;;
esac
[ "$set" = x ] || [ $peers -eq 0 ] || { echo "--peers is only for --set x" >&2; exit 2; }
[ -z "$iterations" ] || [ $peers -eq 0 ] || { echo "--iterations is not for --peers" >&2; exit 2; }
if [ ${#list[@]} -eq 0 ]; then
    if [ $all -eq 1 ]; then
        mapfile -t list < <(awk -F, -v f="$family" '$1 == f { print $2 }' "$data/known_values.csv")
    else
        list=("${defaults[@]}")
    fi
fi
swift build -c release --product dagroute >&2
read -r -a seedList <<< "$seeds"
[ ${#seedList[@]} -gt 0 ] || { echo "--seeds needs at least one seed" >&2; exit 2; }
if [ ${#seedList[@]} -eq 1 ]; then solvers=(dagroute); else solvers=(); for sd in "${seedList[@]}"; do solvers+=("dagroute-s$sd"); done; fi
if [ $peers -eq 1 ]; then
    [ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench >&2
    .venv-bench/bin/pip install -q hygese pyvrp ortools pyvroom >&2
    solvers+=(hgs pyvrp ortools vroom)
fi
echo "## Routing (\`Scripts/bench-routing.sh --set $set --time-limit $limit${iterations:+ --iterations $iterations}${seedList[1]:+ --seeds \"$seeds\"}$([ $peers -eq 1 ] && echo ' --peers')\`)"
echo
echo "Mean gap to the best known value in \`known_values.csv\`, one thread each, seed${seedList[1]:+s} ${seeds}, ${limit} s per instance and solver, run one after another; load average at start $(cut -d' ' -f1 /proc/loadavg)."
echo
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for inst in "${list[@]}"; do
    file="$dir/$inst.$ext"; fam=$family
    if [ "$set" = vrptw ] && [ ! -f "$file" ]; then file="$data/vrptw/solomon/$inst.txt"; fam=vrptw_solomon; fi
    [ -f "$file" ] || { echo "no such instance: $file" >&2; continue; }
    bks=$(awk -F, -v i="$inst" -v f="$fam" '$1 == f && $2 == i { print $4 }' "$data/known_values.csv")
    # Vehicles of the best known solution, where known_values.csv states them ("N vehicles").
    bksv=$(awk -F, -v i="$inst" -v f="$fam" '$1 == f && $2 == i' "$data/known_values.csv" | { grep -o '[0-9]* vehicles' || true; } | head -1 | cut -d' ' -f1)
    for s in "${solvers[@]}"; do
        if [ "${s%%-s*}" = dagroute ]; then
            sd=${seedList[0]}; [ "$s" = dagroute ] || sd=${s#dagroute-s}
            cost=$(.build/release/dagroute solve "$file" --format "$format" --time-limit "$limit" ${iterations:+--iterations "$iterations"} --threads 1 --seed "$sd" --json \
                | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o["objective"] if o["feasible"] else "nan", len(o["routes"]))')
        else
            cost="$(.venv-bench/bin/python Scripts/bench/routing_peers.py "$s" "$file" "$limit" || echo nan) -"
        fi
        echo "$inst $bks ${bksv:--} $s $cost" >> "$results"
        echo "$inst $s $cost (best known $bks)" >&2
    done
done
python3 - "$results" "${solvers[@]}" <<'PY'
import math, sys
rows, solvers = {}, sys.argv[2:]
for line in open(sys.argv[1]):
    inst, bks, bksv, s, cost, vehicles = line.split()
    rows.setdefault(inst, {"bks": float(bks), "bksv": bksv})[s] = float(cost)
    rows[inst][s + " vehicles"] = vehicles
print("| instance | best known | best known vehicles | " + " | ".join(f"{s} cost | {s} vehicles | {s} gap %" for s in solvers) + " |")
print("|---|---:|---:|" + "---:|---:|---:|" * len(solvers))
gaps = {s: [] for s in solvers}
extra = {s: 0 for s in solvers}
for inst, r in rows.items():
    cells = []
    for s in solvers:
        c = r.get(s, math.nan)
        g = 100 * (c - r["bks"]) / r["bks"]
        gaps[s].append(g)
        v = r.get(s + " vehicles", "-")
        if v.isdigit() and r["bksv"].isdigit():
            extra[s] += int(v) - int(r["bksv"])
        cells += [f"{c:.2f}", v, f"{g:.2f}"]
    print(f"| {inst} | {r['bks']:.2f} | {r['bksv']} | " + " | ".join(cells) + " |")
print("| **mean** | | | " + " | ".join(f" | | **{sum(gaps[s]) / len(gaps[s]):.2f}**" for s in solvers) + " |")
seeded = [s for s in solvers if s.startswith("dagroute-s")]
if seeded:
    every = [g for s in seeded for g in gaps[s]]
    print()
    print(f"Mean gap of dagroute over {len(seeded)} seeds: **{sum(every) / len(every):.2f} %**.")
if any(r["bksv"].isdigit() for r in rows.values()):
    print()
    print("Vehicles over the best known solutions, summed: " + ", ".join(f"{s} {extra[s]:+d}" for s in solvers) + ".")
PY
