#!/usr/bin/env bash
# Memory bound of the crow-fly matrix: peak resident memory (GNU time's "Maximum resident set
# size") of `dagroute matrix` for n points against the matrix's own size, n² × 8 bytes (Int32
# seconds + Int32 metres per ordered pair); binary output for every n, CSV for n = 10000 or less. Prints a Markdown section (Scripts/bench.sh
# collects it into BENCHMARKS.md); standalone it builds the release binary itself.
#   Scripts/bench-limits.sh            n = 5000 10000 20000
#   Scripts/bench-limits.sh 2000 4000  other sizes
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DAGROUTE_BIN:-}" ]; then
  swift build -c release --product dagroute >&2
  DAGROUTE_BIN="$(swift build -c release --show-bin-path)/dagroute"
fi
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(5000 10000 20000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

echo "## Limits: memory of a crow-fly matrix"
echo
echo "\`dagroute matrix --points P --format F --out M --threads $(nproc)\` on n random points in the"
echo "Netherlands (seeded awk generator); peak RSS from \`/usr/bin/time -v\`; matrix = n² × 8 bytes."
echo
echo "| n | format | matrix (MiB) | peak RSS (MiB) | RSS ÷ matrix | output file (MiB) | wall (s) |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  awk -v n="$n" 'BEGIN { srand(42); print "id,lat,lon"; for (i = 0; i < n; i++) printf "P%06d,%.6f,%.6f\n", i, 51.4 + rand() * 1.8, 4.2 + rand() * 2.4 }' > "$work/points.csv"
  formats=(bin); [ "$n" -le 10000 ] && formats+=(csv)
  for format in "${formats[@]}"; do
    /usr/bin/time -v -o "$work/time.txt" "$DAGROUTE_BIN" matrix --points "$work/points.csv" --format "$format" --out "$work/m.out" --quiet
    rss_kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
    bytes=$(stat -c %s "$work/m.out")
    awk -v n="$n" -v f="$format" -v rss="$rss_kib" -v wall="$wall" -v bytes="$bytes" 'BEGIN {
      m = n * n * 8 / 1048576; r = rss / 1024
      k = split(wall, p, ":"); s = (k == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2])
      printf "| %d | %s | %.0f | %.0f | %.2f | %.0f | %.1f |\n", n, f, m, r, r / m, bytes / 1048576, s }'
    rm -f "$work/m.out"
  done
done
