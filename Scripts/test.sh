#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite (unit, oracle and golden CLI tests).
# Benchmark instances are read from ../shared/instances beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
