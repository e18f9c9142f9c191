#!/usr/bin/env bash
# A technician's first sync over a weak link, against a real outpostd; JSON lines on stdout.
#   bench/weaklink_bench/run.sh [BUILD_DIR]   (default: build; builds outpostd, outpost_linkproxy and
#                                              weaklink_bench)
# Env: BENCH_RUNS: the runs, each DEMO_CASES:USER (default "5000:alice 200000:alice": the technician
#      alice's scope is half of the demo cases, so 2,500 and 100,000 cases, a quarter of them her own);
#      BENCH_RATE_KBIT (1000, each way), BENCH_RTT_MS (300); BENCH_NO_BUILD=1 uses what is built.
# Per run: outpostd on 127.0.0.1 port 0 with SQLite in a temp dir and the demo data set,
# outpost_linkproxy in front of it, weaklink_bench through the proxy (a fresh profile), then both
# are stopped again.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
[ -n "${BENCH_NO_BUILD:-}" ] || cmake --build "$build" --target weaklink_bench outpost_linkproxy outpostd >/dev/null
outpostd="$build/server/outpostd"
proxy="$build/bench/linkproxy/outpost_linkproxy"
client="$build/bench/weaklink_bench/weaklink_bench"
rate=${BENCH_RATE_KBIT:-1000}
rtt=${BENCH_RTT_MS:-300}

work=$(mktemp -d /tmp/outpost-weaklink-bench.XXXXXX)
server_pid=
proxy_pid=
stop_all() {
  if [ -n "$proxy_pid" ]; then kill "$proxy_pid" 2>/dev/null || true; wait "$proxy_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  proxy_pid=
  server_pid=
}
cleanup() {
  stop_all
  rm -rf "$work"
}
trap cleanup EXIT

for run in ${BENCH_RUNS:-5000:alice 200000:alice}; do
  cases=${run%%:*}
  user=${run#*:}
  name="s$cases"
  start_outpostd weaklink_bench "$outpostd" "$work" "$name" "sqlite:$work/$name.sqlite" "$cases"
  port=${url##*:}
  "$proxy" --target "127.0.0.1:$port" --rate-kbit "$rate" --rtt-ms "$rtt" --stats "$work/$name.link" \
    >"$work/$name.proxy" &
  proxy_pid=$!
  until grep -qs '^linkproxy listening on ' "$work/$name.proxy"; do sleep 0.1; done
  link="http://127.0.0.1:$(sed -n 's/^linkproxy listening on //p' "$work/$name.proxy")"
  target=5
  [ "$cases" -gt 10000 ] && target=120
  QT_LOGGING_RULES="outpost.*.info=false" "$client" --url "$link" --user "$user" --password "$user" \
    --stats "$work/$name.link" --label "demo $cases, $user, ${rate} kbit/s, ${rtt} ms" --target-seconds "$target"
  stop_all
  rm -f "$work/$name.sqlite"*
done
