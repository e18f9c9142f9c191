#!/usr/bin/env bash
# Builds Outpost, starts outpostd with the demo data set on 127.0.0.1:8470 and launches the app.
# Sign in as alice/alice or bob/bob (technicians) or carol/carol (administrator).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/deps.sh"
"$here/scripts/build.sh"
build=${OUTPOST_BUILD_DIR:-$here/build}
data=${OUTPOST_DEMO_DIR:-$HOME/.local/share/outpost-demo}
mkdir -p "$data"
port=${OUTPOST_DEMO_PORT:-8470}
"$build/server/outpostd" --listen "127.0.0.1:$port" --db "sqlite:$data/outpostd.sqlite" --demo &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.2
done
echo "demo: outpostd on http://127.0.0.1:$port (users alice, bob, carol; password = user name)"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "demo: no display found; starting the app on a virtual X server (xvfb-run)"
  xvfb-run -a -s "-screen 0 1280x800x24" "$build/app/outpost" --server "http://127.0.0.1:$port" "$@"
else
  "$build/app/outpost" --server "http://127.0.0.1:$port" "$@"
fi
