#!/bin/sh
# Builds and runs the client store benchmark; JSON lines on stdout.
#   bench/store_bench/run.sh [BUILD_DIR]   (default: build)
set -e
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
cmake --build "$BUILD" --target store_bench >/dev/null
QT_LOGGING_RULES="outpost.*.info=false" "$BUILD/bench/store_bench/store_bench"
