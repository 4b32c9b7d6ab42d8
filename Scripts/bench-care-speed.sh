#!/usr/bin/env bash
# A pure speed-up check on the care-wave sample, quicker than Scripts/bench-speed.sh (the whole
# iteration-bound compare): `dagroute routes` on the default instance for DAYS × SCENARIOS at an
# iteration budget, one thread, each run with binary A and then B (B first on even rounds, so that
# other load on the machine hits both alike). Prints per run both user CPU seconds and whether
# routes.csv is byte-identical, then the totals and the ratio B / A.
#
#   Scripts/bench-care-speed.sh BINARY_A BINARY_B [ITERATIONS_PER_RIDE (default 12)] [ROUNDS (default 2)]
#
# DAYS (default "tue thu"), SCENARIOS (default "pooled strict-ride exit-vechtstroom"), SEED
# (default 1) and LIMIT (seconds per day, default 60: the iteration budget stops every wave first)
# as in Scripts/bench-care-waves.sh. The set-partitioning solves inside have wall-clock limits
# (2 % of a wave's slice), so under heavy load a run can differ from the next one of the same
# binary: check A against A before reading a difference as a change.
set -euo pipefail
cd "$(dirname "$0")/.."
a="$1"; b="$2"; iterations="${3:-12}"; rounds="${4:-2}"
days=(${DAYS:-tue thu}); scenarios=(${SCENARIOS:-pooled strict-ride exit-vechtstroom})
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg); A $a, B $b, $iterations iterations per ride, seed ${SEED:-1}"
totalA=0; totalB=0; same=0; different=0
for round in $(seq 1 "$rounds"); do
    for d in "${days[@]}"; do
        for s in "${scenarios[@]}"; do
            order=(A B); [ $((round % 2)) = 0 ] && order=(B A)
            for side in "${order[@]}"; do
                bin="$a"; [ "$side" = B ] && bin="$b"
                /usr/bin/time -f "%U" -o "$tmp/$side.time" "$bin" routes Instances/gooi-en-vechtstreek --day "$d" --scenario "$s" \
                    --iterations "$iterations" --seed "${SEED:-1}" --threads 1 --time-limit "${LIMIT:-60}" --out "$tmp/$side" > /dev/null 2>&1
            done
            userA=$(cat "$tmp/A.time"); userB=$(cat "$tmp/B.time")
            totalA=$(echo "$totalA + $userA" | bc); totalB=$(echo "$totalB + $userB" | bc)
            if cmp -s "$tmp/A/routes.csv" "$tmp/B/routes.csv"; then same=$((same + 1)); verdict=identical; else different=$((different + 1)); verdict=DIFFERENT; fi
            echo "round $round $d $s: A $userA s, B $userB s, routes.csv $verdict"
        done
    done
done
echo "# user CPU A $totalA s, B $totalB s, B / A $(echo "scale=3; $totalB / $totalA" | bc); routes.csv identical in $same runs, different in $different"
