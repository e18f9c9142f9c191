#!/usr/bin/env bash
# Whole `outpost` processes against a real outpostd, JSON lines on stdout (progress on stderr):
#   bench/cli_bench/run.sh [BUILD_DIR]          (default: build; builds cli_bench, outpost, outpostd)
# Env: CLI_BENCH_CASES (50000 demo cases), CLI_BENCH_RUNS (5: runs of each repeated command; the
#      best and the median are reported), CLI_BENCH_CHANGES (1000), CLI_BENCH_NOTES (5000),
#      CLI_BENCH_OUTPOST (the outpost executable measured; default BUILD_DIR/app/outpost, e.g. a copy
#      of an earlier build for a before/after).
#      CLI_BENCH_WRAP (a command put before each measured `outpost`, %n its number; e.g.
#      "perf record --call-graph dwarf -o /tmp/cli-%n.data --" to profile them).
# Starts outpostd on 127.0.0.1 port 0 with SQLite in a temp dir and the demo data set, and a private
# session bus with an unlocked gnome-keyring (`outpost signin` keeps its token there, as the app
# does); cli_bench then signs carol (who sees every case) in with `outpost signin` on a fresh
# profile, runs `outpost sync` (the full sync), and times `outpost status`, `outpost outbox`, the
# store's opening, a delta of 1,000 cases and the upload of 5,000 queued notes by `outpost sync`.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
cases=${CLI_BENCH_CASES:-50000}
cmake --build "$build" --target cli_bench outpost outpostd >/dev/null
outpostd="$build/server/outpostd"

work=$(mktemp -d /tmp/outpost-cli-bench.XXXXXX)
chmod 755 "$work"
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_outpostd cli_bench "$outpostd" "$work" server "sqlite:$work/server.sqlite" "$cases"

export XDG_DATA_HOME="$work/xdg-data" XDG_CONFIG_HOME="$work/xdg-config" XDG_RUNTIME_DIR="$work/xdg-runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export QT_LOGGING_RULES="outpost.*.info=false"
dbus-run-session -- bash -c 'echo -n outpost-bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' cli_bench "$build/bench/cli_bench/cli_bench" --outpost "${CLI_BENCH_OUTPOST:-$build/app/outpost}" --url "$url" \
  --server-pid "$server_pid" --runs "${CLI_BENCH_RUNS:-5}" --changes "${CLI_BENCH_CHANGES:-1000}" \
  --notes "${CLI_BENCH_NOTES:-5000}"

kill -TERM "$server_pid"
wait "$server_pid" || echo "cli_bench: outpostd exited with $?" >&2
server_pid=
