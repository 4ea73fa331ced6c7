#!/usr/bin/env bash
# `npm run hw:build`: builds hw/sim/build/intc-dut (the Verilator harness of hw/rtl at the small
# and published presets) with make, which rebuilds only what changed. Takes a lock first, so
# that test files running in parallel never run two makes in the same build folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in verilator make g++; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "hw:build: $tool is not installed (Debian: apt-get install verilator make g++; .ci/run installs them)" >&2
    exit 127
  fi
done
mkdir -p hw/sim/build
exec flock hw/sim/build/.lock make --no-print-directory -C hw/sim -j2 "$@"
