#!/usr/bin/env bash
# Fuzzes one parser with libFuzzer + AddressSanitizer:
#   Scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags…]
# TARGET: FuzzInstance | FuzzOSMPBF | FuzzRoutingFormats | FuzzORLibrary | FuzzMatrixFiles
# Builds into .build-fuzz/ (the targets exist only with DAGROUTE_FUZZ=1; see Package.swift), seeds
# the corpus in .build-fuzz/corpus/TARGET from Instances/ and ../shared/instances (each seed is a
# selector byte + a file, as the target's header comment describes), and runs one worker for
# SECONDS. A crash is written to .build-fuzz/crashes/TARGET/; turn it into a fixture + regression
# test (Tests/*/…FuzzRegressionTests.swift). Exit code: 0 clean, non-zero on a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: Scripts/fuzz.sh TARGET SECONDS}
shift 2
shared=../shared/instances
export DAGROUTE_FUZZ=1
swift build -c debug --build-path .build-fuzz --product "$target" \
  -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" >&2
bin="$(swift build -c debug --build-path .build-fuzz --show-bin-path)/$target"

corpus=.build-fuzz/corpus/$target
crashes=.build-fuzz/crashes/$target
mkdir -p "$corpus" "$crashes"
# seed SELECTOR FILE [HEAD_LINES]: one seed = selector byte + (the first HEAD_LINES lines of) FILE.
seed() {
  local out="$corpus/seed-$1-$(basename "$2")"
  [ -e "$out" ] && return 0
  { printf "\\x$(printf %02x "$1")"; if [ -n "${3:-}" ]; then head -n "$3" "$2"; else cat "$2"; fi; } > "$out"
}
case "$target" in
  FuzzInstance)
    i=0; for f in clients.csv locations.csv fleet.csv settings.json; do seed $i "Instances/gooi-en-vechtstreek/$f" 12; i=$((i + 1)); done
    printf '\x04postcode,lat,lon\n1211AB,52.2301,5.1702\n1213 XY,52.24,5.18\n' > "$corpus/seed-4-postcodes.csv" ;;
  FuzzOSMPBF)
    cp -n "$shared/osm/amsterdam.osm.pbf" "$corpus/seed-amsterdam.osm.pbf" ;;
  FuzzRoutingFormats)
    for f in "$shared"/cvrp/A/A-n32-k5.vrp "$shared"/cvrp/P/P-n16-k8.vrp; do [ -f "$f" ] && seed 0 "$f"; done
    for f in "$shared"/cvrp/A/A-n32-k5.sol; do [ -f "$f" ] && seed 1 "$f"; done
    for f in "$shared"/vrptw/solomon/C101.txt "$shared"/vrptw/solomon/c101.txt; do [ -f "$f" ] && seed 2 "$f" 25; done
    for f in "$shared"/darp/cordeau2006/a2-16*; do [ -f "$f" ] && seed 3 "$f"; done ;;
  FuzzORLibrary)
    for f in "$shared"/gap/orlib/gap1.txt; do [ -f "$f" ] && seed 0 "$f"; done
    for f in "$shared"/cflp/orlib/cap41.txt; do [ -f "$f" ] && seed 1 "$f"; done ;;
  FuzzMatrixFiles)
    printf '\x00id,lat,lon\nA,52.2314,5.1698\nB,52.3,5.2\n' > "$corpus/seed-0-points.csv"
    printf '\x01DGMATRIX\x01\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00A\x01\x00\x00\x00A' > "$corpus/seed-1-one.bin" ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
[ -n "$(ls -A "$corpus")" ] || { echo "no seeds found for $target" >&2; exit 2; }

echo "fuzzing $target for $seconds s ($(ls "$corpus" | wc -l) corpus files)" >&2
# No leak detection: Swift frees by reference counting, and LeakSanitizer reports Foundation's
# file-reading buffers as leaks. Swift's own backtracer is off so AddressSanitizer reports the crash.
ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$bin" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
  -artifact_prefix="$crashes/" -print_final_stats=1 "$@"
