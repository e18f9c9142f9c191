#!/usr/bin/env bash
# Builds Outpost and runs every test: unit, integration against a real outpostd on SQLite and on a
# throwaway PostgreSQL cluster, client tests with a real keyring, widget tests, packaging checks.
#
#   scripts/test.sh [CTEST ARGS...]             what CI runs, in ./build
#   scripts/test.sh --sanitize [CTEST ARGS...]  the same suite built with ASan and UBSan (gcc) in
#                                               ./build-asan: any report fails its test
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
sanitize=0
if [ "${1:-}" = "--sanitize" ]; then
  sanitize=1
  shift
fi
"$here/scripts/deps.sh"
if ((sanitize)); then
  build=${OUTPOST_BUILD_DIR:-$here/build-asan}
  flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOUTPOST_WERROR=ON \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
  # Heavy: at the lowest priority, OUTPOST_SANITIZE_JOBS at once (default 1).
  nice -n 19 cmake --build "$build" --parallel "${OUTPOST_SANITIZE_JOBS:-1}"
  # Reports are failures; what is suppressed (Qt and system libraries only) says why in the files.
  supp=$here/tests/sanitizers
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0:strict_string_checks=0"
  export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="suppressions=$supp/ubsan.supp:print_stacktrace=1:halt_on_error=1"
else
  "$here/scripts/build.sh"
  build=${OUTPOST_BUILD_DIR:-$here/build}
fi

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
