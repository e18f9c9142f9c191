#!/usr/bin/env bash
# Data-page CSV import and export (operations console), JSON lines on stdout (progress on stderr):
#   bench/refdata_bench/run.sh [BUILD_DIR] [sqlite|postgresql|all]     (default: build, all)
# Env: REFDATA_BENCH_ROWS (100000), REFDATA_BENCH_OUTPOSTD (default BUILD_DIR/server/outpostd).
# Starts outpostd on 127.0.0.1 port 0 (SQLite in a temp dir; PostgreSQL in a throwaway cluster from
# scripts/pg-cluster.sh) with a small demo data set, makes a CSV of ROWS rows (key, label and five
# columns, some quoted with commas, quotes and line breaks), then times end to end (curl, the
# whole HTTP request): a dry run, the first import (every row new), the same file again
# (unchanged), a file with 1% of the rows changed and 1% left out, the export; and the same import
# with `outpostd data-page import` on the database.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
which=${2:-all}
rows=${REFDATA_BENCH_ROWS:-100000}
outpostd=${REFDATA_BENCH_OUTPOSTD:-$build/server/outpostd}
[ -x "$outpostd" ] || { echo "refdata_bench: build outpostd first" >&2; exit 2; }

work=$(mktemp -d /tmp/outpost-refdata-bench.XXXXXX)
chmod 755 "$work"
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  "$here/scripts/pg-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# make_csv FILE ROWS CHANGE_EVERY DROP_EVERY: rows S-000001…; every CHANGE_EVERY-th label changed,
# every DROP_EVERY-th row left out (0: none).
make_csv() {
  python3 - "$@" <<'PY'
import sys
path, n, change, drop = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with open(path, 'w', newline='') as f:
    f.write('key,label,address,capacityKw,region,remarks,town\r\n')
    for i in range(1, n + 1):
        if drop and i % drop == 0:
            continue
        label = f'"Substation {i}, Town {i % 97}"'
        if change and i % change == 0:
            label = f'"Substation {i} (renamed), Town {i % 97}"'
        remarks = '"Gate code ""4711""\nCall ahead"' if i % 10 == 0 else ''
        f.write(f'S-{i:06d},{label},"{i} Grid Road, Town {i % 97}",{(i * 37) % 5000},'
                f'{"north" if i % 2 else "south"},{remarks},Town {i % 97}\r\n')
PY
}

# timed NAME DB [curl args...]: one request, its time and answer as a JSON line
timed() {
  local name=$1 db=$2
  shift 2
  local out
  out=$(curl -s -o "$work/answer" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" "$@")
  python3 - "$name" "$db" "$rows" "$out" "$work/answer" <<'PY'
import json, sys
name, db, rows, out, answer = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
status, seconds = out.split()
line = {"bench": "refdata", "db": db, "what": name, "rows": rows, "status": int(status),
        "ms": round(float(seconds) * 1000, 1)}
try:
    a = json.load(open(answer))
    for k in ("added", "changed", "removed", "unchanged", "errorCount", "imported"):
        if k in a:
            line[k] = a[k]
except Exception:
    import os
    line["bytes"] = os.path.getsize(answer)
print(json.dumps(line), flush=True)
PY
}

run_db() {
  local name=$1 db=$2
  start_outpostd refdata_bench "$outpostd" "$work" "$name" "$db" 50 --log-level warning
  token=$(curl -s -X POST "$url/api/v1/session" -d '{"username":"carol","password":"carol","deviceId":"bench"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  local page="$url/api/v1/admin/data-pages/bench/csv"
  timed dryRun "$name" -X POST -H 'Content-Type: text/csv' --data-binary @"$work/all.csv" "$page?dryRun=1"
  timed importNew "$name" -X POST -H 'Content-Type: text/csv' --data-binary @"$work/all.csv" "$page"
  timed importUnchanged "$name" -X POST -H 'Content-Type: text/csv' --data-binary @"$work/all.csv" "$page"
  timed importChanged1pct "$name" -X POST -H 'Content-Type: text/csv' --data-binary @"$work/changed.csv" "$page"
  timed export "$name" "$page"
  # The command line on the same database, into a page of its own (every row new): wall clock and
  # the process's CPU time (user + system), as the machine may be busy with other work.
  python3 - "$outpostd" "$work/all.csv" "$db" "$name" "$rows" <<'PY'
import json, resource, subprocess, sys, time
outpostd, csv, db, name, rows = sys.argv[1:6]
t0 = time.monotonic()
subprocess.run([outpostd, "data-page", "import", "cli", csv, "--db", db, "--log-level", "warning"],
               check=True, stdout=subprocess.DEVNULL)
wall = time.monotonic() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"bench": "refdata", "db": name, "what": "cliImportNew", "rows": int(rows),
                  "ms": round(wall * 1000), "cpuMs": round((ru.ru_utime + ru.ru_stime) * 1000),
                  "loadavg": round(__import__("os").getloadavg()[0], 2)}), flush=True)
PY
  kill -TERM "$server_pid"
  wait "$server_pid" || true
  server_pid=
}

make_csv "$work/all.csv" "$rows" 0 0
make_csv "$work/changed.csv" "$rows" 100 150
echo "refdata_bench: $rows rows, $(stat -c %s "$work/all.csv") bytes" >&2
if [ "$which" = all ] || [ "$which" = sqlite ]; then
  run_db sqlite "sqlite:$work/bench.sqlite"
fi
if [ "$which" = all ] || [ "$which" = postgresql ]; then
  pg=$("$here/scripts/pg-cluster.sh" start "$work/pg")
  run_db postgresql "$pg"
fi
