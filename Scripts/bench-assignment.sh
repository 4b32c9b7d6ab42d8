#!/usr/bin/env bash
# Assignment MIP (issue 4): synthetic regions of 500 / 1,000 / 2,000 / 4,000 clients × 60 locations ×
# 10 day parts (AssignmentScaleBenchmark, release build), GLPK with and without dagroute's warm start,
# 30 s limit, 0.5 % relative gap; the same models, exported as free MPS, solved by HiGHS (highspy from
# PyPI in .venv-bench) with the same limit and gap, in the same run. Markdown on stdout.
# With --cflp: the OR-Library CFLP files capa and capc (100 warehouses × 1,000 customers) at the
# substituted capacities that have published optima, `dagroute solve --format orlib-cap` (release)
# against HiGHS on the complete strong formulation (Scripts/bench/assign_cflp_highs.py), 180 s each,
# gap 0, in the same run.
# With --cflp-short [BINARY…]: capc@5000/5750/6500/7250 and capa@8000 at --time-limit 2 and 10, the
# objective against the known value, for each BINARY (default the release build) in the same run.
# With --gap [SECONDS [BINARY…]]: the Chu–Beasley GAP problems gapc#1–6 and gapd#1–6 (5/10/20 agents
# × 100/200 jobs, minimisation), `dagroute solve --format orlib-gap` with SECONDS (default 60) per
# problem, for each BINARY in turn (default the release build): status, objective, known value, gap
# to it, bound, time, when the final incumbent was found, and the first incumbent (the heuristics
# before the exact search) and when the heuristics ended. GAP_PROBLEMS="gapd#3 gapd#4 …" limits the
# run to those problems; GAP_THREADS=N passes --threads N (default: the binary's, all cores).
#   Scripts/bench-assignment.sh [--candidates | --cflp | --cflp-short [BINARY…] | --gap [SECONDS [BINARY…]]]   (--candidates: a third of the locations may close)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --gap ]; then
    limit="${2:-60}"
    shift; [ $# -gt 0 ] && shift
    [ $# -gt 0 ] || { swift build -c release --product dagroute >&2; set -- .build/release/dagroute; }
    echo "## GAP gapc / gapd (\`Scripts/bench-assignment.sh --gap $limit $*\`)"
    echo
    threads=(); [ -z "${GAP_THREADS:-}" ] || threads=(--threads "$GAP_THREADS")
    echo "$limit s limit per problem, threads: ${GAP_THREADS:-all cores}, release build; load average at start $(cut -d' ' -f1 /proc/loadavg) ($(nproc) cores)."
    echo
    echo "| binary | problem | agents × jobs | known | heuristic: objective, s | final: status, objective, bound | objective ÷ known − 1 | incumbent at s | total s | Lagrangian bound, branching nodes |"
    echo "|---|---|---|---:|---|---|---:|---:|---:|---|"
    for file in gapc gapd; do
        for k in 1 2 3 4 5 6; do
          [ -z "${GAP_PROBLEMS:-}" ] || [[ " $GAP_PROBLEMS " == *" $file#$k "* ]] || continue
          known=$(grep "^gap_min,$file#$k " ../shared/instances/known_values.csv | cut -d, -f4)
          for bin in "$@"; do
            "$bin" solve "../shared/instances/gap/orlib/$file.txt" --format orlib-gap --problem "$k" \
                --time-limit "$limit" "${threads[@]}" 2>/dev/null | python3 -c '
import re, sys
text, name, known = sys.stdin.read(), sys.argv[1], float(sys.argv[2])
size = re.search(r"(\d+) agents × (\d+) jobs", text)
status = re.search(r"status (\w+)", text).group(1)
num = lambda pattern: (lambda m: float(m.group(1)) if m else None)(re.search(pattern, text))
obj, bound, total = num(r"objective (-?[\d.]+)"), num(r"best bound (-?[\d.]+)"), num(r"([\d.]+) s\n")
inc, tabu, tabu_s = num(r"incumbent found after ([\d.]+) s"), num(r"first incumbent \(tabu search \+ [^)]*\): objective (-?[\d.]+)"), num(r"done after ([\d.]+) s")
lag, nodes = num(r"Lagrangian bound (-?[\d.]+)"), num(r"(\d+) branching nodes")
f = lambda v, d=0: "–" if v is None else f"{v:,.{d}f}"
gap = "–" if obj is None else f"{100 * (obj / known - 1):+.2f} %"
print(f"| {sys.argv[3]} | {name} | {size.group(1)} × {size.group(2)} | {known:,.0f} | {f(tabu)}, {f(tabu_s, 1)} | {status}, {f(obj)}, {f(bound, 1)} | {gap} | {f(inc, 1)} | {f(total, 1)} | {f(lag, 1)}, {f(nodes)} |")
' "$file#$k" "$known" "$bin"
          done
        done
    done
    exit 0
fi
candidates=""; [ "${1:-}" = --candidates ] && candidates=1
[ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench >&2
.venv-bench/bin/pip install -q highspy >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "${1:-}" = --cflp-short ]; then
    # Short limits: the incumbent, not the proof. Each BINARY (e.g. a copy of the release build
    # before a change, then the current one) in the same run, so the load on a shared machine hits both.
    shift
    known=../shared/instances/known_values.csv
    [ $# -gt 0 ] || set -- .build/release/dagroute
    echo "| binary | instance | limit s | objective | ÷ optimum − 1 | status |"
    echo "|---|---|---:|---:|---:|---|"
    for limit in 2 10; do
        for case in capc:5000 capc:5750 capc:6500 capc:7250 capa:8000; do
            file="${case%%:*}"; cap="${case##*:}"
            opt=$(grep "^cflp,$file@capacity=$cap," "$known" | cut -d, -f4)
            for bin in "$@"; do
                d=$("$bin" solve "../shared/instances/cflp/orlib/$file.txt" --format orlib-cap --capacity "$cap" \
                      --time-limit "$limit" --json 2>/dev/null || true)
                python3 - "$bin" "$file@$cap" "$limit" "$opt" "$d" <<'PY'
import json, sys
binary, name, limit, opt, d = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), json.loads(sys.argv[5])
obj = d.get("objective")
print(f"| {binary} | {name} | {limit} | {'–' if obj is None else f'{obj:,.3f}'} | "
      f"{'–' if obj is None else f'{100 * (obj / opt - 1):.2f} %'} | {d['status']} |")
PY
            done
        done
    done
    exit 0
fi
if [ "${1:-}" = --cflp ]; then
    swift build -c release --product dagroute >&2
    limit=180
    known=../shared/instances/known_values.csv
    echo "## CFLP capa / capc (\`Scripts/bench-assignment.sh --cflp\`)"
    echo
    echo "100 warehouses × 1,000 customers, split demand, ${limit} s limit, gap 0, one thread; load average at start $(cut -d' ' -f1 /proc/loadavg)."
    echo "dagroute: weak model + linking rows as cuts + LP-rounding + drop-move incumbent (GLPK). HiGHS $(.venv-bench/bin/python -c 'import highspy; print(highspy.Highs().version())' 2>/dev/null | tail -1): the complete strong model."
    echo
    echo "| instance | known optimum | dagroute: status, objective, bound, s | HiGHS: status, objective, bound, s | dagroute ÷ optimum − 1 | HiGHS ÷ optimum − 1 | HiGHS s ÷ dagroute s |"
    echo "|---|---:|---|---|---:|---:|---:|"
    for case in capa:8000 capc:5000; do
        file="${case%%:*}"; cap="${case##*:}"
        opt=$(grep "^cflp,$file@capacity=$cap," "$known" | cut -d, -f4)
        d=$(.build/release/dagroute solve "../shared/instances/cflp/orlib/$file.txt" --format orlib-cap --capacity "$cap" \
              --time-limit "$limit" --json 2>/dev/null || true)
        h=$(.venv-bench/bin/python Scripts/bench/assign_cflp_highs.py "../shared/instances/cflp/orlib/$file.txt" "$cap" "$limit" \
              | grep -v -E '^(Running HiGHS|Includes third-party)')
        .venv-bench/bin/python - "$file@$cap" "$opt" "$d" "$h" <<'PY'
import json, sys
name, opt, d, h = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4].split()
dobj, dbound = d.get("objective"), d.get("best_bound")
fmt = lambda v: "–" if v is None else f"{v:,.3f}"
hobj, hbound, hs = float(h[1]), float(h[2]), float(h[3])
print(f"| {name} | {opt:,.3f} | {d['status']}, {fmt(dobj)}, {fmt(dbound)}, {d['time_s']:.1f} | {h[0]}, {hobj:,.3f}, {hbound:,.3f}, {hs:.1f} | "
      f"{'–' if dobj is None else f'{100 * (dobj / opt - 1):.4f} %'} | {100 * (hobj / opt - 1):.4f} % | {hs / d['time_s']:.2f} |")
PY
    done
    exit 0
fi
echo "## Assignment MIP (\`Scripts/bench-assignment.sh${candidates:+ --candidates}\`)"
echo
echo "60 locations, 10 day parts, 30 s limit, 0.5 % relative gap, one thread; load average at start $(cut -d' ' -f1 /proc/loadavg)."
echo "GLPK rows: dagroute's model with (warm) and without (cold) its greedy/regret warm start. HiGHS: the same model read from GLPK's MPS export."
echo
env DAGROUTE_BENCH=1 DAGROUTE_BENCH_MPS="$work" ${candidates:+DAGROUTE_BENCH_CANDIDATES=1} \
    swift test -c release -Xswiftc -enable-testing --filter AssignmentScaleBenchmark 2>/dev/null \
    | grep '^bench clients=.* warm=' > "$work/glpk.txt" || true
# highspy prints its banner on stdout when a model object is made: keep it out of the table.
.venv-bench/bin/python - "$work" <<'PY' | grep -v -E '^(Running HiGHS|Includes third-party)'
import glob, os, re, sys, time
import highspy
work = sys.argv[1]
glpk = {}
for line in open(os.path.join(work, "glpk.txt")):
    f = dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
    glpk[(int(f["clients"]), f["warm"])] = f
print("| clients | variables | rows | GLPK warm: status, gap, first feasible, total s | GLPK cold: status, gap, total s | HiGHS: status, gap, total s | cold ÷ warm | HiGHS ÷ warm |")
print("|---:|---:|---:|---|---|---|---:|---:|")
for n in sorted({k[0] for k in glpk}):
    w, c = glpk[(n, "yes")], glpk.get((n, "no"), {})
    mps = glob.glob(os.path.join(work, f"assignment-{n}*.mps"))[0]
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", 30.0)
    h.setOptionValue("mip_rel_gap", 0.005)
    h.setOptionValue("threads", 1)
    h.readModel(mps)
    t = time.perf_counter(); h.run(); hs = time.perf_counter() - t
    info = h.getInfo()
    hstatus = h.modelStatusToString(h.getModelStatus())
    hgap = 100 * info.mip_gap if info.mip_gap < 1e9 else float("nan")
    ws, cs = float(w["total_s"]), float(c.get("total_s", "nan"))
    print(f"| {n:,} | {w['vars']} | {w['rows']} | {w['status']}, {w['gap']}, {w['first_feasible_s']} s, {ws:.2f} s | "
          f"{c.get('status', '-')}, {c.get('gap', '-')}, {cs:.2f} s | {hstatus}, {hgap:.3f}%, {hs:.2f} s | {cs / ws:.2f} | {hs / ws:.2f} |")
PY
