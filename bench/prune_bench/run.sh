#!/usr/bin/env bash
# Builds and runs the feed-retention benchmark on SQLite and on a throwaway PostgreSQL cluster.
#   bench/prune_bench/run.sh [BUILD_DIR] [CASES]   (defaults: build, 50000); JSON lines on stdout
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
cases=${2:-50000}
cmake --build "$build" --target prune_bench >/dev/null
work=$(mktemp -d /tmp/outpost-prune-bench.XXXXXX)
chmod 755 "$work"
cleanup() { "$here/scripts/pg-cluster.sh" stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT
export QT_LOGGING_RULES="outpost.*.info=false"
"$build/bench/prune_bench/prune_bench" "sqlite:$work/bench.sqlite" "$cases"
pg=$("$here/scripts/pg-cluster.sh" start "$work/pg")
"$build/bench/prune_bench/prune_bench" "$pg" "$cases"
