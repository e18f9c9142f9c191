#!/usr/bin/env bash
# The client's sync engine end to end against a real outpostd; JSON lines on stdout.
#   bench/client_bench/run.sh [BUILD_DIR]          (default: build; builds client_bench and outpostd)
# Env: BENCH_CASES (50000 demo cases), BENCH_CHANGES (1000), BENCH_ACTIONS (5000),
#      BENCH_UPLOAD_DEPTH (upload requests in flight, 2; 1 sends one batch after the other),
#      BENCH_DEVICE_REPORT (on; off: cycles end without the device report, for its cost),
#      BENCH_WRAP (a command put before client_bench, e.g. "perf record -F 999 -o /tmp/cb.data --"),
#      BENCH_USER (carol: the administrator, whose scope is every case; alice: a technician, whose
#      scope is half of the demo cases, so BENCH_CASES=100000 gives her 50,000) and BENCH_OTHER (the
#      user who changes cases on the server before the delta: alice, or carol when BENCH_USER=alice).
#      BENCH_SERVER_ARGS: further outpostd options (e.g. "--compression-level 0").
#      BENCH_HISTORY: history entries per demo case (3; the feed brings them with include=history),
#      BENCH_PREFETCH: attachments of 1 MB attached before the prefetch cycle (200; 0: no such phase).
# Starts outpostd on 127.0.0.1 port 0 with SQLite in a temp dir and the demo data set, runs
# client_bench against it (a fresh profile in a temp dir), then stops the server again.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
cases=${BENCH_CASES:-50000}
cmake --build "$build" --target client_bench outpostd >/dev/null
outpostd="$build/server/outpostd"
client="$build/bench/client_bench/client_bench"

work=$(mktemp -d /tmp/outpost-client-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086 # BENCH_SERVER_ARGS: further outpostd options, e.g. --compression-level 0
start_outpostd client_bench "$outpostd" "$work" server "sqlite:$work/server.sqlite" "$cases" \
  --demo-history "${BENCH_HISTORY:-3}" ${BENCH_SERVER_ARGS:-}

user=${BENCH_USER:-carol}
other=${BENCH_OTHER:-$([ "$user" = alice ] && echo carol || echo alice)}
QT_LOGGING_RULES="outpost.*.info=false" ${BENCH_WRAP:-} "$client" --url "$url" --server-pid "$server_pid" \
  --user "$user" --password "$user" --other "$other" \
  --changes "${BENCH_CHANGES:-1000}" --actions "${BENCH_ACTIONS:-5000}" \
  --upload-depth "${BENCH_UPLOAD_DEPTH:-2}" --device-report "${BENCH_DEVICE_REPORT:-on}" \
  --prefetch "${BENCH_PREFETCH:-200}"

kill -TERM "$server_pid"
wait "$server_pid" || echo "client_bench: outpostd exited with $?" >&2
server_pid=
