#!/usr/bin/env bash
# Installs what is missing, builds dagroute in release mode and runs the main job on the embedded
# default instance (Instances/gooi-en-vechtstreek): all scenarios, all weekdays, outputs in out/.
# Extra arguments go to the command (e.g. --time-limit 30 --quiet).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build -c release --product dagroute >&2
bin="$(swift build -c release --show-bin-path)/dagroute"
"$bin" compare Instances/gooi-en-vechtstreek --out out "$@"
