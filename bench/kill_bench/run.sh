#!/usr/bin/env bash
# kill -9 of the sync engine at many random points while it drains a pipelined upload; JSON line.
#   bench/kill_bench/run.sh [BUILD_DIR]          (default: build; builds kill_bench and outpostd)
# Env: KILL_BENCH_KILLS (mid-drain kills to reach, 200), KILL_BENCH_BATCH (actions per request, 20).
# Starts outpostd on 127.0.0.1 port 0 with SQLite in a temp dir and 2,000 demo cases, runs kill_bench
# against it (a fresh profile of alice's), then stops the server. Exit 1 when anything queued was
# lost or applied twice.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
cmake --build "$build" --target kill_bench outpostd >/dev/null

work=$(mktemp -d /tmp/outpost-kill-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_outpostd kill_bench "$build/server/outpostd" "$work" server "sqlite:$work/server.sqlite" 2000
QT_LOGGING_RULES="outpost.*.info=false;outpost.*.warning=false" "$build/bench/kill_bench/kill_bench" \
  --url "$url" --kills "${KILL_BENCH_KILLS:-200}" --batch "${KILL_BENCH_BATCH:-20}"
