#!/usr/bin/env bash
# The server's hottest request: a delta poll with nothing new. JSON lines on stdout.
#   bench/poll_bench/run.sh [BUILD_DIR]        (default: build; builds outpostd)
# Env: BENCH_CASES (2000 demo cases), BENCH_CONNECTIONS (200), BENCH_SECONDS (10),
#      BENCH_THREADS (wrk threads, 2), BENCH_SERVER_ARGS (further outpostd options),
#      BENCH_PERF (a file: perf records outpostd's CPU there while wrk runs, with call graphs).
# Starts outpostd on SQLite (demo data, port 0), signs alice in, follows the feed to its end for a
# current token, then runs wrk with that poll (`GET /sync/changes?since=TOKEN&include=history`, as
# the app asks it, with `X-Outpost-Features: signature`) on BENCH_CONNECTIONS keep-alive
# connections. wrk runs on the same cores as the server: the figure is the machine's, both sides.
# Target (issue: the server's hot paths): ≥10,000 req/s at p99 ≤20 ms with 200 connections.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
cases=${BENCH_CASES:-2000}
connections=${BENCH_CONNECTIONS:-200}
seconds=${BENCH_SECONDS:-10}
threads=${BENCH_THREADS:-2}
cmake --build "$build" --target outpostd >/dev/null
outpostd="$build/server/outpostd"
command -v wrk >/dev/null || { echo "poll_bench: wrk is missing (scripts/deps.sh installs it)" >&2; exit 2; }

work=$(mktemp -d /tmp/outpost-poll-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086 # BENCH_SERVER_ARGS: further outpostd options
start_outpostd poll_bench "$outpostd" "$work" server "sqlite:$work/server.sqlite" "$cases" ${BENCH_SERVER_ARGS:-}
token=$(curl -sf -X POST "$url/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"alice","password":"alice","deviceId":"bench-poll"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
# The feed to its end: the token a device polls with once it is current.
since=$(python3 - "$url" "$token" <<'PY'
import json, sys, urllib.request
url, token = sys.argv[1], sys.argv[2]
since = "0"
while True:
    req = urllib.request.Request(f"{url}/api/v1/sync/changes?since={since}&limit=5000&include=history",
                                 headers={"Authorization": f"Bearer {token}", "X-Outpost-Features": "signature"})
    page = json.load(urllib.request.urlopen(req))
    since = page["next"]
    if not page["more"]:
        break
print(since)
PY
)
poll="$url/api/v1/sync/changes?since=$since&include=history"
# One poll by hand first: it must answer 200 with no changes, or the figure means nothing.
answer=$(curl -sf -H "Authorization: Bearer $token" -H 'X-Outpost-Features: signature' "$poll")
python3 -c 'import json,sys; p=json.loads(sys.argv[1]); assert p["changes"]==[] and not p["more"], p' "$answer"

cpu() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
cpu0=$(cpu)
perf_pid=
if [ -n "${BENCH_PERF:-}" ]; then
  perf record -q -e cpu-clock -F 999 --call-graph dwarf,16384 -o "$BENCH_PERF" -p "$server_pid" 2>/dev/null &
  perf_pid=$!
fi
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency \
  -H "Authorization: Bearer $token" -H 'X-Outpost-Features: signature' "$poll" >"$work/wrk.txt"
cpu1=$(cpu)
if [ -n "$perf_pid" ]; then kill -INT "$perf_pid"; wait "$perf_pid" || true; fi
rss=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
python3 - "$work/wrk.txt" "$cpu0" "$cpu1" "$rss" "$connections" "$seconds" "$cases" "$(nproc)" \
  "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
cpu0, cpu1, rss, conns, secs, cases, cores, load = sys.argv[2:]
def ms(v, unit):
    return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
lat = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
total = int(re.search(r"(\d+) requests in", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
server_cpu = (int(cpu1) - int(cpu0)) / 100.0
print(json.dumps({"bench": "poll", "name": "empty_delta_poll", "db": "sqlite", "cases": int(cases),
                  "connections": int(conns), "seconds": int(secs), "requests": total,
                  "requests_per_second": round(rps), "p50_ms": lat.get("50"), "p99_ms": lat.get("99"),
                  "non_2xx": int(errors.group(1)) if errors else 0,
                  "server_cpu_seconds": server_cpu,
                  "server_cpu_us_per_request": round(server_cpu * 1e6 / max(total, 1), 1),
                  "server_peak_rss_mb": round(int(rss) / 1024, 1), "cores": int(cores),
                  "load_average_after": float(load),
                  "target_requests_per_second": 10000, "target_p99_ms": 20}, sort_keys=True))
PY
