# Shared by the bench scripts (sourced, not run).
# start_outpostd LABEL OUTPOSTD DIR NAME DBURL CASES [OUTPOSTD ARGS...]
#   starts OUTPOSTD on 127.0.0.1 port 0 on DBURL with CASES demo cases (its attachments, stdout and
#   log as DIR/NAME-*), passes any further arguments on, waits for its "outpostd listening on" line
#   and sets server_pid and url.
start_outpostd() {
  local label=$1 outpostd=$2 dir=$3 name=$4 db=$5 cases=$6
  shift 6
  "$outpostd" --listen 127.0.0.1:0 --db "$db" --attachments "$dir/$name-attachments" \
    --demo --demo-cases "$cases" "$@" >"$dir/$name.out" 2>"$dir/$name.log" &
  server_pid=$!
  local t0=$SECONDS
  until grep -qs '^outpostd listening on ' "$dir/$name.out"; do
    if ! kill -0 "$server_pid" 2>/dev/null || [ $((SECONDS - t0)) -gt 600 ]; then
      echo "$label: outpostd ($name) did not start:" >&2; tail -20 "$dir/$name.log" >&2; exit 1
    fi
    sleep 0.2
  done
  url=$(sed -n 's/^outpostd listening on //p' "$dir/$name.out")
  echo "$label: outpostd ($name) up after $((SECONDS - t0)) s with $cases demo cases at $url" >&2
}
