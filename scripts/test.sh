#!/usr/bin/env bash
# Builds Outpost and runs every test: unit, integration against a real outpostd on SQLite and on a
# throwaway PostgreSQL cluster, client tests with a real keyring, widget tests, packaging checks.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/deps.sh"
"$here/scripts/build.sh"
build=${OUTPOST_BUILD_DIR:-$here/build}

work=$(mktemp -d /tmp/outpost-test.XXXXXX)
chmod 755 "$work"
cleanup() { "$here/scripts/pg-cluster.sh" stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT
OUTPOST_TEST_PG_URL=$("$here/scripts/pg-cluster.sh" start "$work/pg")
export OUTPOST_TEST_PG_URL
echo "test: PostgreSQL cluster at $OUTPOST_TEST_PG_URL"

# A real Secret Service keyring on a private session bus, unlocked, with its files in $work.
export XDG_DATA_HOME="$work/xdg-data" XDG_CONFIG_HOME="$work/xdg-config" XDG_RUNTIME_DIR="$work/xdg-runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
cd "$build"
dbus-run-session -- bash -c '
  echo -n outpost-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  xvfb-run -a -s "-screen 0 1280x800x24" ctest --output-on-failure --parallel 2 "$@"
' ctest "$@"
