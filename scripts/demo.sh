#!/usr/bin/env bash
# Builds Outpost, starts outpostd with the demo data set on 127.0.0.1:8470 and launches the app.
# Sign in as alice/alice or bob/bob (technicians) or carol/carol (administrator).
# OUTPOST_DEMO_SKIP_BUILD=1 uses the binaries already in $OUTPOST_BUILD_DIR (default ./build).
# Without a display it runs the app on a virtual X server; without a session bus it starts one with
# an unlocked keyring (the sign-in keeps its token in the OS keychain).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${OUTPOST_BUILD_DIR:-$here/build}
if [ -z "${OUTPOST_DEMO_SKIP_BUILD:-}" ]; then
  "$here/scripts/deps.sh"
  "$here/scripts/build.sh"
fi
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
app=("$build/app/outpost" --server "http://127.0.0.1:$port" --profile "$data/client" "$@")
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "demo: no display found; starting the app on a virtual X server (xvfb-run)"
  app=(xvfb-run -a -s "-screen 0 1280x800x24" "${app[@]}")
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "demo: no session bus; starting one with a demo keyring (password: demo)"
  export OUTPOST_DEMO_APP="$(printf '%q ' "${app[@]}")"
  dbus-run-session -- bash -c 'echo -n demo | gnome-keyring-daemon --unlock --components=secrets >/dev/null; eval "$OUTPOST_DEMO_APP"'
else
  "${app[@]}"
fi
