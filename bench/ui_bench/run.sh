#!/usr/bin/env bash
# The desktop app's figures, JSON lines on stdout (progress on stderr):
#   bench/ui_bench/run.sh [BUILD_DIR]        (default: build)
# Env: UI_BENCH_CASES (50000), UI_BENCH_RUNS (3 sign-ins online, 3 offline),
#      UI_BENCH_ONLY=tablet (only the sync that fills the profile, then the tablet switches),
#      UI_BENCH_PLATFORM (offscreen; "xcb" runs under xvfb-run).
# Starts outpostd as bench/run.sh does (--demo --demo-cases N, SQLite in a temp dir, port 0), then
#   1. ui_bench sync: carol (who sees every demo case) signs in on an empty profile; the first sync
#      is a full sync of all N cases; a 5 ms heartbeat timer on the GUI thread measures the gaps;
#      then again on a second empty profile with a search typed and the list sorted by title, so that
#      every reload during the sync is filtered and sorted;
#   2. ui_bench signin, online then with the server stopped (offline sign-in against the stored
#      verifier): click "Sign in" → worklist painted with N rows, in parts; then search filters;
#   3. ui_bench tablet: signed in as in 2, the window a portrait tablet (800×1280): a case opened from
#      the worklist and back to the list, 20 times each, tap → painted (target ≤50 ms).
# A private session bus with an unlocked gnome-keyring holds the token (as scripts/test.sh does).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
cases=${UI_BENCH_CASES:-50000}
runs=${UI_BENCH_RUNS:-3}
platform=${UI_BENCH_PLATFORM:-offscreen}
cmake --build "$build" --target ui_bench outpostd >/dev/null
outpostd="$build/server/outpostd"
bench="$build/bench/ui_bench/ui_bench"

work=$(mktemp -d /tmp/outpost-uibench.XXXXXX)
chmod 755 "$work"
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_outpostd ui_bench "$outpostd" "$work" server "sqlite:$work/server.sqlite" "$cases"

export XDG_DATA_HOME="$work/xdg-data" XDG_CONFIG_HOME="$work/xdg-config" XDG_RUNTIME_DIR="$work/xdg-runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
cat >"$work/session.sh" <<'INNER'
set -euo pipefail
echo -n outpost-bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null
mode=$1; shift
for i in $(seq "$1"); do
  shift_args=("${@:2}")
  if [ "$UI_BENCH_PLATFORM" = xcb ]; then
    xvfb-run -a -s "-screen 0 1280x800x24" "$UI_BENCH" "$mode" "${shift_args[@]}"
  else
    QT_QPA_PLATFORM=offscreen "$UI_BENCH" "$mode" "${shift_args[@]}"
  fi
done
INNER
export UI_BENCH="$bench" UI_BENCH_PLATFORM="$platform"
session() { dbus-run-session -- bash "$work/session.sh" "$@"; }
who=(--server "$url" --profile "$work/profile" --user carol --password carol)
if [ "${UI_BENCH_ONLY:-}" = tablet ]; then # the tablet switch only (after the sync that fills the profile)
  session sync 1 "${who[@]}" --expect "$cases"
  session tablet "$runs" "${who[@]}"
  exit 0
fi
session sync 1 "${who[@]}" --expect "$cases"
session sync 1 --server "$url" --profile "$work/profile-sorted" --user carol --password carol \
  --expect "$cases" --search NB-12 --sort 1
session signin "$runs" "${who[@]}"
session tablet 1 "${who[@]}"
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=
echo "ui_bench: outpostd stopped; offline sign-ins" >&2
session signin "$runs" "${who[@]}"
