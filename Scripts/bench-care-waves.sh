#!/usr/bin/env bash
# Care-wave sample at an iteration budget: `dagroute routes` on the default instance for a few days
# and scenarios, one thread, a time limit (LIMIT, default 60 s for the day) that the search's
# iteration budget reaches first. A limit far above that (100000) would let every set-partitioning
# MIP run to optimality: pooled Tuesday then spent over 9 CPU-minutes in GLPK, where the default
# compare gives those solves tens of milliseconds. The MIPs still have wall-clock limits, so runs
# under heavy load can differ slightly. Prints per run the day's cost, user CPU seconds, vehicles
# per wave, the morning-in wave's own cost (fixed + hours + km, from routes.csv and fleet.csv) and
# vehicles, and each wave's iterations and wall seconds; with a reference file, the gaps of the
# sample's summed day and morning-in costs to the reference's.
#
#   Scripts/bench-care-waves.sh BINARY ITERATIONS_PER_RIDE [REFERENCE_FILE]
#
# Days and scenarios: DAYS (default "tue thu") and SCENARIOS (default "strict-ride pooled
# status-quo"). Output lines `day scenario cost cpu vehicles-per-wave morning-in=€/vehicles
# iterations@seconds…`; a file of such lines from a long run (e.g. 200 iterations per ride) serves
# as REFERENCE_FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$1"; iterations="$2"; reference="${3:-}"
days=(${DAYS:-tue thu}); scenarios=(${SCENARIOS:-strict-ride pooled status-quo})
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $bin, $iterations iterations per ride" >&2
total=0; totalRef=0; cpu=0; totalMorning=0; totalRefMorning=0
for d in "${days[@]}"; do
    for s in "${scenarios[@]}"; do
        /usr/bin/time -f "%U" -o "$tmp/time" "$bin" routes Instances/gooi-en-vechtstreek --day "$d" --scenario "$s" \
            --iterations "$iterations" --seed "${SEED:-1}" --threads 1 --time-limit "${LIMIT:-60}" --out "$tmp" > "$tmp/out" 2> "$tmp/err"
        cost=$(sed -n 's/.*cost € \([0-9.]*\) for the day.*/\1/p' "$tmp/out")
        vehicles=$(awk '/vehicles .* rides/ { printf "%s%s", sep, $2; sep = "/" }' "$tmp/out")
        user=$(cat "$tmp/time")
        # Iterations and wall seconds per wave, to see that the budget (not the clock) stopped each.
        waves=$(sed -n 's/.*(\([0-9]*\) iterations, \([0-9.]*\) s)$/\1@\2s/p' "$tmp/err" | paste -sd' ')
        # The morning-in wave alone (solved first, every vehicle's fixed cost): € and vehicles,
        # from routes.csv priced by fleet.csv (fixed + hours × cost_per_hour + km × cost_per_km).
        morning=$(awk -F, -v wave=morning-in '
            FNR == 1 { next }
            FILENAME ~ /fleet.csv$/ { hour[$1] = $9; km[$1] = $10; fixed[$1] = $11; next }
            $2 == wave { row[$3] = $4; metres[$3] += $13; split($11, t, ":"); sec = t[1] * 3600 + t[2] * 60 + t[3]
                         if (!($3 in first)) first[$3] = sec; last[$3] = sec }
            END { for (v in row) { n++; c += fixed[row[v]] + (last[v] - first[v]) / 3600 * hour[row[v]] + metres[v] / 1000 * km[row[v]] }
                  printf "morning-in=%.2f/%d", c, n }' Instances/gooi-en-vechtstreek/fleet.csv "$tmp/routes.csv")
        echo "$d $s $cost $user $vehicles $morning $waves"
        mcost=${morning#morning-in=}; mcost=${mcost%/*}
        total=$(echo "$total + $cost" | bc -l); cpu=$(echo "$cpu + $user" | bc -l)
        totalMorning=$(echo "$totalMorning + $mcost" | bc -l)
        if [ -n "$reference" ]; then
            ref=$(awk -v d="$d" -v s="$s" '$1 == d && $2 == s { print $3 }' "$reference")
            # Reference files written before the morning-in column have none: its gap is then not shown.
            refMorning=$(awk -v d="$d" -v s="$s" '$1 == d && $2 == s && $6 ~ /^morning-in=/ { sub(/^morning-in=/, "", $6); sub(/\/.*/, "", $6); print $6 }' "$reference")
            refMorning=${refMorning:-0}
            totalRef=$(echo "$totalRef + $ref" | bc -l); totalRefMorning=$(echo "$totalRefMorning + $refMorning" | bc -l)
        fi
    done
done
if [ -n "$reference" ] && [ "$(echo "$totalRefMorning > 0" | bc -l)" = 1 ]; then
    printf "# sum %.2f, reference %.2f, gap %+.2f %%; morning-in %.2f, reference %.2f, gap %+.2f %%; CPU %.1f s\n" \
        "$total" "$totalRef" "$(echo "100 * ($total / $totalRef - 1)" | bc -l)" \
        "$totalMorning" "$totalRefMorning" "$(echo "100 * ($totalMorning / $totalRefMorning - 1)" | bc -l)" "$cpu"
elif [ -n "$reference" ]; then
    printf "# sum %.2f, reference %.2f, gap %+.2f %%; morning-in %.2f; CPU %.1f s\n" \
        "$total" "$totalRef" "$(echo "100 * ($total / $totalRef - 1)" | bc -l)" "$totalMorning" "$cpu"
else
    printf "# sum %.2f, morning-in %.2f, CPU %.1f s\n" "$total" "$totalMorning" "$cpu"
fi
