#!/usr/bin/env bash
# Server benchmarks: JSON lines on stdout, one per measurement. Builds nothing.
#   bench/run.sh BUILD_DIR [sqlite|postgresql|all] [PARTS]   (default all; PARTS: feed,load,dispatch;
#   also uploads: the upload shapes, callers sending 100 notes a request as fast as they can)
# Env: BENCH_CASES (50000), BENCH_SECONDS (10), BENCH_POLLERS (200), BENCH_UPLOADERS (20),
#      BENCH_WORKERS (outpostd --workers, 16), BENCH_WRITERS (--writers, 2), BENCH_QUEUED (--queued-writes, 4),
#      BENCH_CALLERS (uploads: "2 8 50"), BENCH_RETRY (uploads: "eager polite"),
#      BENCH_PG_DURABLE (1: the PostgreSQL cluster with fsync and synchronous_commit on; the default
#      when PARTS has uploads, whose figures are about durable commits).
# Starts its own outpostd processes on 127.0.0.1 (SQLite in a temp dir; PostgreSQL in a throwaway
# cluster from scripts/pg-cluster.sh) with the demo data set, runs outpost_bench_server against
# them, and stops everything again.
set -euo pipefail
build=$(cd "${1:?usage: bench/run.sh BUILD_DIR [sqlite|postgresql|all]}" && pwd)
which=${2:-all}
parts=${3:-feed,load,dispatch}
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/lib.sh"
cases=${BENCH_CASES:-50000}
seconds=${BENCH_SECONDS:-10}
pollers=${BENCH_POLLERS:-200}
uploaders=${BENCH_UPLOADERS:-20}
workers=${BENCH_WORKERS:-16}
writers=${BENCH_WRITERS:-2}
queued=${BENCH_QUEUED:-4}
callers=${BENCH_CALLERS:-2 8 50}
retries=${BENCH_RETRY:-eager polite}
durable=${BENCH_PG_DURABLE:-}
if [ -z "$durable" ]; then [[ ",$parts," == *,uploads,* ]] && durable=1 || durable=0; fi
outpostd="$build/server/outpostd"
client="$build/bench/outpost_bench_server"
[ -x "$outpostd" ] && [ -x "$client" ] || { echo "bench: build outpostd and outpost_bench_server first" >&2; exit 2; }

work=$(mktemp -d /tmp/outpost-bench.XXXXXX)
chmod 755 "$work"
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  "$here/scripts/pg-cluster.sh" stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

# start_server NAME DBURL → sets server_pid and url
start_server() {
  start_outpostd bench "$outpostd" "$work" "$1" "$2" "$cases" --workers "$workers" --writers "$writers" \
    --queued-writes "$queued"
}

stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || echo "bench: outpostd exited with $?" >&2
  server_pid=
}

run_db() {
  local name=$1 db=$2
  start_server "$name" "$db"
  # The console's case list first, on the seeded data as it is (the load below changes cases).
  if [[ ",$parts," == *,dispatch,* ]]; then
    "$client" dispatch --url "$url" --db "$name" --cases "$cases"
  fi
  if [[ ",$parts," == *,feed,* ]]; then
    "$client" feed --url "$url" --db "$name" --cases "$cases" --limit 5000
  fi
  if [[ ",$parts," == *,load,* ]]; then
    # Devices polling every 0.5 s and uploading a batch every second…
    "$client" load --url "$url" --db "$name" --pollers "$pollers" --uploaders "$uploaders" --seconds "$seconds"
    # …and the same clients polling back to back (saturation: the server's throughput ceiling).
    "$client" load --url "$url" --db "$name" --pollers "$pollers" --uploaders "$uploaders" --seconds "$seconds" \
      --poll-interval-ms 0
  fi
  if [[ ",$parts," == *,uploads,* ]]; then
    for n in $callers; do
      for retry in $retries; do
        "$client" uploads --url "$url" --db "$name" --callers "$n" --seconds "$seconds" --server-pid "$server_pid" \
          $([ "$retry" = polite ] && echo --polite)
      done
    done
  fi
  stop_server
}

if [ "$which" = all ] || [ "$which" = sqlite ]; then
  run_db sqlite "sqlite:$work/bench.sqlite"
fi
if [ "$which" = all ] || [ "$which" = postgresql ]; then
  pg=$("$here/scripts/pg-cluster.sh" start "$work/pg" $([ "$durable" = 1 ] && echo --durable))
  run_db postgresql "$pg"
fi
