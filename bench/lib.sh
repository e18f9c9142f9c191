# Shared by the bench scripts (sourced, not run).
# start_demo_outpostd LABEL OUTPOSTD WORKDIR CASES [OUTPOSTD ARGS...]
#   starts OUTPOSTD on 127.0.0.1 port 0 with SQLite in WORKDIR and CASES demo cases (extra
#   arguments are passed on), waits for its "outpostd listening on" line and sets server_pid and url.
start_demo_outpostd() {
  local label=$1 outpostd=$2 dir=$3 cases=$4
  shift 4
  "$outpostd" --listen 127.0.0.1:0 --db "sqlite:$dir/server.sqlite" --attachments "$dir/attachments" \
    --demo --demo-cases "$cases" "$@" >"$dir/server.out" 2>"$dir/server.log" &
  server_pid=$!
  local t0=$SECONDS
  until grep -qs '^outpostd listening on ' "$dir/server.out"; do
    if ! kill -0 "$server_pid" 2>/dev/null || [ $((SECONDS - t0)) -gt 600 ]; then
      echo "$label: outpostd did not start:" >&2; tail -20 "$dir/server.log" >&2; exit 1
    fi
    sleep 0.2
  done
  url=$(sed -n 's/^outpostd listening on //p' "$dir/server.out")
  echo "$label: outpostd up after $((SECONDS - t0)) s with $cases demo cases at $url" >&2
}
