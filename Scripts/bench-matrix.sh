#!/usr/bin/env bash
# Distance-matrix benchmarks (issue 3): crow-fly 10,000 × 10,000 against vectorised numpy (the kernel
# alone on pre-faulted buffers, the faults, the whole command; wall and CPU time; plain fills of fresh
# and of faulted buffers; the square kernel's store pattern alone and a streamed fill, with clang; 1
# and 2 threads; peak RSS), and road
# many-to-many on the Liechtenstein extract against SciPy's Dijkstra and pandana on the identical
# exported graph, with equality checks. Writes a markdown section to stdout; progress on stderr.
# Usage: Scripts/bench-matrix.sh [--quick]   (--quick: 2,000 crow-fly points, road sizes 250 and 1,000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dagroute >&2
if [ ! -x .venv-bench/bin/python ]; then
    python3 -m venv .venv-bench >&2
fi
.venv-bench/bin/pip install --quiet numpy scipy pandana >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "## Distance matrix (\`Scripts/bench-matrix.sh\`)"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average at start $(cut -d' ' -f1 /proc/loadavg)."
echo "Wall-clock seconds of the computation only (dagroute's own progress timings; Python's perf_counter)."
echo
bound=()
if command -v clang >/dev/null; then
    clang -O2 -o "$work/store-bound" Scripts/bench/matrix_store_bound.c >&2 && bound=(--store-bound "$work/store-bound")
fi
.venv-bench/bin/python Scripts/bench/matrix_crowfly.py --dagroute .build/release/dagroute --work "$work" "${bound[@]}" "$@"
echo
.venv-bench/bin/python Scripts/bench/matrix_road.py --dagroute .build/release/dagroute \
    --osm ../shared/instances/osm/liechtenstein-latest.osm.pbf --work "$work" "$@"
