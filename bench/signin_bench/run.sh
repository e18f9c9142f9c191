#!/usr/bin/env bash
# Sign-in and poll latency while wrong passwords arrive, JSON lines on stdout (progress on stderr):
#   bench/signin_bench/run.sh [BUILD_DIR]        (default: build; builds signin_bench and outpostd)
# Env: SIGNIN_BENCH_SECONDS (20 per scenario), SIGNIN_BENCH_RATE (200 wrong passwords a second),
#      SIGNIN_BENCH_OUTPOSTD (the outpostd measured; default BUILD_DIR/server/outpostd).
# Starts outpostd on 127.0.0.1 port 0, SQLite in a temp dir, the demo data set and the production
# PBKDF2 cost (600,000 iterations, the default), then runs signin_bench: no flood, a flood from 64
# loopback addresses, a flood from one address; bob's sign-ins and alice's polls meanwhile.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
cmake --build "$build" --target signin_bench outpostd >/dev/null
outpostd=${SIGNIN_BENCH_OUTPOSTD:-$build/server/outpostd}

work=$(mktemp -d /tmp/outpost-signin-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_outpostd signin_bench "$outpostd" "$work" server "sqlite:$work/server.sqlite" 300 --log-level warning
"$build/bench/signin_bench/signin_bench" --url "$url" --seconds "${SIGNIN_BENCH_SECONDS:-20}" \
  --rate "${SIGNIN_BENCH_RATE:-200}"
