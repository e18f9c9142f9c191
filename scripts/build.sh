#!/usr/bin/env bash
# Configures and builds Outpost into ./build (or $OUTPOST_BUILD_DIR). Warnings are errors.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${OUTPOST_BUILD_DIR:-$here/build}
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOUTPOST_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)"
