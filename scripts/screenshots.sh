#!/usr/bin/env bash
# Retakes the screenshots in docs/screenshots (README, docs) on a virtual X server of the size the
# tests use: builds, then runs tst_ui_screenshots and the console's browser suite (console-*.png)
# with OUTPOST_UPDATE_SCREENSHOTS=1. Ordinary test
# runs check the same pictures but write them to the build tree (build/tests/ui/screenshots).
# Extra arguments go to ctest.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/deps.sh"
"$here/scripts/build.sh"
build=${OUTPOST_BUILD_DIR:-$here/build}
cd "$build"
OUTPOST_UPDATE_SCREENSHOTS=1 xvfb-run -a -s "-screen 0 1280x800x24" \
  ctest --output-on-failure --no-tests=error -R '^(tst_ui_screenshots|console_browser)$' "$@"
git -C "$here" status --short -- docs/screenshots
