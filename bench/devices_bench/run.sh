#!/usr/bin/env bash
# The operations console's device figures; JSON lines on stdout.
#   bench/devices_bench/run.sh [BUILD_DIR]        (default: build; builds outpostd and client_bench)
# Env: BENCH_DEVICES (5000), BENCH_REQUESTS (20), BENCH_PAIRS (2), BENCH_CASES (client_bench, 50000).
# 1. devices_list: outpostd on SQLite (demo data) with BENCH_DEVICES devices in its `devices` table
#    (written straight into the database, as many reports would), then GET /api/v1/admin/devices as
#    the administrator BENCH_REQUESTS times with curl: wall time per request (median, p95, max), the
#    answer's size; target ≤300 ms in the console end to end, so the API should take tens of ms.
# 2. report_cost: client_bench (the sync engine end to end) alternately without and with the device
#    report at the end of each cycle, BENCH_PAIRS pairs; every client_bench line is passed on (its
#    "device_report" says which), then one line per figure with the median of each side.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
devices=${BENCH_DEVICES:-5000}
requests=${BENCH_REQUESTS:-20}
pairs=${BENCH_PAIRS:-2}
cmake --build "$build" --target outpostd client_bench >/dev/null
outpostd="$build/server/outpostd"

work=$(mktemp -d /tmp/outpost-devices-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# 1. GET /admin/devices over many devices.
start_outpostd devices_bench "$outpostd" "$work" server "sqlite:$work/server.sqlite" 300
python3 - "$work/server.sqlite" "$devices" <<'PY'
import sqlite3, sys, datetime, random
db, n = sys.argv[1], int(sys.argv[2])
now = datetime.datetime.now(datetime.timezone.utc)
iso = lambda t: t.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (t.microsecond // 1000)
rnd = random.Random(12)
rows = []
for i in range(n):
    synced = now - datetime.timedelta(hours=rnd.randint(0, 96))
    pending = rnd.choice([0, 0, 0, 1, 3, 12])
    oldest = iso(synced - datetime.timedelta(minutes=30)) if pending else None
    error = 'server unreachable' if rnd.random() < 0.05 else None
    rows.append(('dev-%05d' % i, ['alice', 'bob', 'carol'][i % 3], 'laptop-%05d' % i, '0.1.0',
                 'Debian GNU/Linux 12 (bookworm)', pending, oldest, iso(synced), error, 5, iso(synced),
                 iso(synced + datetime.timedelta(minutes=1))))
c = sqlite3.connect(db, timeout=30)
c.executemany('INSERT INTO devices (device_id, user_id, device_name, app_version, os, pending_actions,'
              ' oldest_pending_at, last_sync_at, last_sync_error, store_schema, reported_at, last_contact_at)'
              ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?)', rows)
c.commit()
PY
token=$(curl -sf -X POST "$url/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"carol","password":"carol","deviceId":"bench-desk"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
cpu() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
cpu0=$(cpu)
for _ in $(seq "$requests"); do
  curl -sf -o "$work/devices.json" -w '%{time_total} %{size_download}\n' \
    -H "Authorization: Bearer $token" "$url/api/v1/admin/devices?stuckHours=24"
done >"$work/times.txt"
cpu1=$(cpu)
python3 - "$work/times.txt" "$work/devices.json" "$devices" "$(( (cpu1 - cpu0) * 1000 / $(getconf CLK_TCK) / requests ))" <<'PY'
import json, statistics, sys
t = sorted(float(l.split()[0]) for l in open(sys.argv[1]))
size = int(open(sys.argv[1]).readline().split()[1])
answer = json.load(open(sys.argv[2]))['devices']
p95 = t[min(len(t) - 1, int(round(0.95 * (len(t) - 1))))]
print(json.dumps({'bench': 'devices', 'name': 'devices_list', 'devices': len(answer), 'inserted': int(sys.argv[3]),
                  'stuck': sum(1 for d in answer if d['stuck']), 'requests': len(t),
                  'median_ms': round(statistics.median(t) * 1000, 1), 'p95_ms': round(p95 * 1000, 1),
                  'max_ms': round(t[-1] * 1000, 1), 'server_cpu_ms_per_request': int(sys.argv[4]),
                  'bytes': size, 'target_ms': 300}))
PY
# The report itself: PUT /api/v1/device as a device sends it, BENCH_REQUESTS times.
dtoken=$(curl -sf -X POST "$url/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"alice","password":"alice","deviceId":"bench-laptop"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for _ in $(seq "$requests"); do
  curl -sf -o /dev/null -w '%{time_total} %{size_download}\n' -X PUT -H "Authorization: Bearer $dtoken" \
    -H 'Content-Type: application/json' "$url/api/v1/device" -d '{"deviceName":"laptop","appVersion":"0.1.0",
    "os":"Debian GNU/Linux 12 (bookworm)","pendingActions":2,"oldestPendingAt":"2026-12-06T08:00:00Z",
    "lastSyncAt":"2026-12-06T09:00:00Z","lastSyncError":null,"storeSchema":5}'
done >"$work/report-times.txt"
python3 - "$work/report-times.txt" <<'PY'
import json, statistics, sys
t = sorted(float(l.split()[0]) for l in open(sys.argv[1]))
print(json.dumps({'bench': 'devices', 'name': 'device_report_request', 'requests': len(t),
                  'median_ms': round(statistics.median(t) * 1000, 1), 'max_ms': round(t[-1] * 1000, 1)}))
PY
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=

# 2. What the report adds to a sync cycle: client_bench off/on alternately.
for i in $(seq 1 "$pairs"); do
  for report in off on; do
    BENCH_DEVICE_REPORT=$report "$here/bench/client_bench/run.sh" "$build" | tee -a "$work/client.jsonl"
  done
done
python3 - "$work/client.jsonl" <<'PY'
import json, statistics, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith('{')]
for name in ('full_sync', 'delta_1k', 'upload_5k'):
    side = {r: [l['seconds'] for l in lines if l['name'] == name and l['device_report'] == r] for r in (False, True)}
    if not side[False] or not side[True]:
        continue
    off, on = statistics.median(side[False]), statistics.median(side[True])
    print(json.dumps({'bench': 'devices', 'name': 'report_cost_' + name, 'without_seconds': round(off, 4),
                      'with_seconds': round(on, 4), 'delta_seconds': round(on - off, 4),
                      'delta_percent': round((on - off) / off * 100, 1), 'pairs': len(side[True])}))
PY
