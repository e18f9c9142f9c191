#!/usr/bin/env bash
# The sync through a faulty network at full size: tests/faults/tst_faulty_network with 10,000 queued
# actions (notes, edits, creates with temp ids and their follow-ups and transitions, attachments)
# through the fault proxy at 30 % faults into a real outpostd, then the server's database checked
# (every action exactly once, every create mapped once, nothing lost). One JSON line with the figures.
#   bench/faults/run.sh [BUILD_DIR]       (default: build; builds the test and outpostd)
# Env: FAULTS_ACTIONS (10000), FAULTS_RATE_PERCENT (30), FAULTS_SEED (15).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
cmake --build "$build" --target tst_faulty_network outpostd >/dev/null
export QT_QPA_PLATFORM=offscreen OUTPOSTD_BIN="$build/server/outpostd" OUTPOST_SOURCE_DIR="$here"
export OUTPOST_FAULTS_ACTIONS=${FAULTS_ACTIONS:-10000} OUTPOST_FAULTS_RATE_PERCENT=${FAULTS_RATE_PERCENT:-30}
export OUTPOST_FAULTS_SEED=${FAULTS_SEED:-15} OUTPOST_FAULTS_SETTLE_MS=3000000 QTEST_FUNCTION_TIMEOUT=3600000
log=$(mktemp /tmp/outpost-faults-bench.XXXXXX)
trap 'rm -f "$log"' EXIT
if ! "$build/tests/faults/tst_faulty_network" queueDrainsExactlyOnceThroughFaults >"$log" 2>&1; then
  grep -E "FAIL|WARN|Loc" "$log" >&2 || tail -30 "$log" >&2
  exit 1
fi
grep -o '{"bench":"faulty_network".*}' "$log"
