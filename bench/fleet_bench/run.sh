#!/usr/bin/env bash
# A fleet of devices against one, then two outpostd instances on one PostgreSQL; JSON lines on stdout.
#   bench/fleet_bench/run.sh BUILD_DIR [DEVICES]   (default 500 devices; builds fleet_bench and outpostd
#                                                   unless BENCH_NO_BUILD=1)
# Env: FLEET_SECONDS (60) per run; FLEET_INSTANCES ("1 2": the runs, by number of instances);
#      FLEET_CASES (20000 demo cases); FLEET_PBKDF2 (10000: the PBKDF2 cost of the fleet's passwords,
#      see below); FLEET_SIGNIN_SPREAD (30 s); FLEET_WORKERS (outpostd --workers, 16);
#      FLEET_ARGS (more fleet_bench run options, e.g. "--push-share 0.5 --poll-s 10").
# A throwaway PostgreSQL 15 cluster with fsync and synchronous_commit on (scripts/pg-cluster.sh
# --durable), outpostd A on it with the demo data set; `fleet_bench setup` (as the administrator
# carol, through the admin API) adds the technicians fleet-000… in teams of 10 (queues team-00…),
# each with 20 cases of their own and 80 unassigned cases in their team's queue, so a device's
# scope is 100 cases. Then one `fleet_bench run` per entry of FLEET_INSTANCES: with 2, outpostd B
# is started on the same database and device i talks to instance i % 2 (as behind a balancer).
# The devices come from 127.0.0.1 only, so outpostd runs with --max-connections-per-address 0, as
# it would behind a proxy. Passwords are hashed at FLEET_PBKDF2 iterations, not the production
# 600,000: at that cost a sign-in is ~0.25 s of a core, and 500 of them alone would fill both cores
# of this machine for a minute (bench/signin_bench measures sign-in at the production cost).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:?usage: bench/fleet_bench/run.sh BUILD_DIR [DEVICES]}" && pwd)
devices=${2:-500}
seconds=${FLEET_SECONDS:-60}
cases=${FLEET_CASES:-20000}
[ -n "${BENCH_NO_BUILD:-}" ] || cmake --build "$build" --target fleet_bench outpostd --parallel 2 >/dev/null
outpostd="$build/server/outpostd"
tool="$build/bench/fleet_bench/fleet_bench"
[ -x "$outpostd" ] && [ -x "$tool" ] || { echo "fleet: build outpostd and fleet_bench first" >&2; exit 2; }
args=(--max-connections-per-address 0 --pbkdf2-iterations "${FLEET_PBKDF2:-10000}" --workers "${FLEET_WORKERS:-16}")

work=$(mktemp -d /tmp/outpost-fleet-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  "$here/scripts/pg-cluster.sh" stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT

pg=$("$here/scripts/pg-cluster.sh" start "$work/pg" --durable)
start_outpostd fleet "$outpostd" "$work" a "$pg" "$cases" "${args[@]}"
pids+=("$server_pid")
urls=("$url")
"$tool" setup --url "$url" --devices "$devices" | tee -a "$work/lines"

for n in ${FLEET_INSTANCES:-1 2}; do
  while [ "${#urls[@]}" -lt "$n" ]; do
    start_outpostd fleet "$outpostd" "$work" "i${#urls[@]}" "$pg" "$cases" "${args[@]}"
    pids+=("$server_pid")
    urls+=("$url")
  done
  url_list=$(IFS=,; echo "${urls[*]:0:$n}")
  pid_list=$(IFS=,; echo "${pids[*]:0:$n}")
  echo "fleet: $devices devices for $seconds s on $n instance(s), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  # shellcheck disable=SC2086
  "$tool" run --url "$url_list" --pid "$pid_list" --db-pid "$(head -1 "$work/pg/data/postmaster.pid")" \
    --devices "$devices" --seconds "$seconds" \
    --signin-spread "${FLEET_SIGNIN_SPREAD:-30}" --label "fleet$n" ${FLEET_ARGS:-} | tee -a "$work/lines" \
    || echo "fleet: not every device signed in and synced in the run with $n instance(s)" >&2
done

# One→two scaling, from the runs' own lines.
python3 - "$work/lines" <<'PY'
import json, sys
runs = {}
for line in open(sys.argv[1]):
    o = json.loads(line)
    if o["bench"] == "fleet_setup":
        continue
    r = runs.setdefault(o["instances"], {"kinds": {}, "inst": []})
    if o["bench"] == "fleet_requests":
        r["kinds"][o["kind"]] = o
    elif o["bench"] == "fleet_instance":
        r["inst"].append(o)
    elif o["bench"] == "fleet_summary":
        r["summary"] = o
if 1 in runs and 2 in runs:
    a, b = runs[1], runs[2]
    out = {"bench": "fleet_scaling", "from_instances": 1, "to_instances": 2}
    for kind in ("poll", "upload", "full_sync_page", "signin"):
        if kind in a["kinds"] and kind in b["kinds"]:
            out[kind + "_p99_ms"] = [a["kinds"][kind]["p99_ms"], b["kinds"][kind]["p99_ms"]]
    out["requests_per_s"] = [a["summary"]["requests_per_s"], b["summary"]["requests_per_s"]]
    out["database_cpu_seconds"] = [round(a["summary"]["database_cpu_seconds"], 2), round(b["summary"]["database_cpu_seconds"], 2)]
    out["server_cpu_seconds"] = [round(sum(i["cpu_seconds"] for i in a["inst"]), 2),
                                 round(sum(i["cpu_seconds"] for i in b["inst"]), 2)]
    out["peak_rss_mb_max"] = [max(i["peak_rss_mb"] for i in a["inst"]), max(i["peak_rss_mb"] for i in b["inst"])]
    print(json.dumps(out, separators=(",", ":")))
PY
