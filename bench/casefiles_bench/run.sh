#!/bin/sh
# Builds and runs the attachment benchmark; JSON lines on stdout.
#   bench/casefiles_bench/run.sh [BUILD_DIR]   (default: build)
set -e
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
cmake --build "$BUILD" --target casefiles_bench >/dev/null
QT_LOGGING_RULES="outpost.*.info=false" QT_QPA_PLATFORM=offscreen "$BUILD/bench/casefiles_bench/casefiles_bench"
