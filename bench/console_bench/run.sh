#!/usr/bin/env bash
# The operations console in headless chromium against a real outpostd; JSON lines on stdout.
#   bench/console_bench/run.sh [BUILD_DIR]        (default: build; builds outpostd)
# Env: BENCH_NO_BUILD=1 (use the outpostd already built), BENCH_CASES (50000 demo cases), BENCH_DEVICES (5000 devices reported through the API),
#      BENCH_RUNS (5 per figure; median, worst and first are reported).
# Starts outpostd on 127.0.0.1 port 0 with SQLite in a temp dir and the demo data set, has
# BENCH_DEVICES devices sign in and report (PUT /api/v1/device), then measures in chromium as the
# dispatcher dana: the dispatch list's first paint, a filter, the device list. Needs scripts/deps.sh
# (chromium, node, tests/console/node_modules).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
cases=${BENCH_CASES:-50000}
devices=${BENCH_DEVICES:-5000}
[ -n "${BENCH_NO_BUILD:-}" ] || cmake --build "$build" --target outpostd >/dev/null
outpostd="$build/server/outpostd"

work=$(mktemp -d /tmp/outpost-console-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_outpostd console_bench "$outpostd" "$work" server "sqlite:$work/server.sqlite" "$cases" --pbkdf2-iterations 1000
node "$here/bench/console_bench/devices.js" "$url" "$devices" >&2
node "$here/bench/console_bench/bench.js" "$url" dana dana
