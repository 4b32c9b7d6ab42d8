#!/usr/bin/env bash
# Runs every benchmark part (Scripts/bench-*.sh) and writes BENCHMARKS.md: the machine, the exact
# commands, dagroute and its peers measured in the same run, and the ratios.
# Peers install from PyPI into .venv-bench/ (created here). Takes a while; not part of the tests.
#   Scripts/bench.sh            all parts
#   Scripts/bench.sh matrix     only Scripts/bench-matrix.sh
# Arguments per part come from BENCH_<PART>_ARGS (defaults: routing "--peers --time-limit 60",
# assignment none — "--candidates" adds open/close decisions;
# others none), e.g. BENCH_ROUTING_ARGS="--peers --time-limit 10" BENCH_MATRIX_ARGS=--quick.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build -c release --product dagroute >&2

export BENCH_VENV="$PWD/.venv-bench"
[ -x "$BENCH_VENV/bin/python" ] || python3 -m venv "$BENCH_VENV"
export BENCH_PY="$BENCH_VENV/bin/python"
export DAGROUTE_BIN="$(swift build -c release --show-bin-path)/dagroute"

parts=("$@")
if [ ${#parts[@]} -eq 0 ]; then
  for f in Scripts/bench-*.sh; do p=${f#Scripts/bench-}; parts+=("${p%.sh}"); done
fi

out=$(mktemp)
{
  echo "# dagroute benchmarks"
  echo
  echo "Written by \`Scripts/bench.sh ${*:-}\` on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD)."
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPU | $(lscpu | sed -n 's/^Model name: *//p' | head -1) |"
  echo "| cores | $(nproc) |"
  echo "| memory | $(free -g | awk '/Mem:/{print $2}') GiB |"
  echo "| Swift | $(swift --version 2>/dev/null | head -1) |"
  echo "| Python | $("$BENCH_PY" --version) |"
  echo
  for p in "${parts[@]}"; do
    var="BENCH_$(echo "$p" | tr a-z- A-Z_)_ARGS"
    default=""; [ "$p" = routing ] && default="--peers --time-limit 60"
    args="${!var-$default}"
    echo "bench: Scripts/bench-$p.sh $args" >&2
    # shellcheck disable=SC2086
    bash "Scripts/bench-$p.sh" $args
    echo
  done
} > "$out"
mv "$out" BENCHMARKS.md
echo "wrote BENCHMARKS.md" >&2
