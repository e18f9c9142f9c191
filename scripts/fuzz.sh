#!/usr/bin/env bash
# Fuzzing campaigns: builds the fuzz targets (tests/fuzz) with clang-14, libFuzzer, ASan and UBSan
# into ./build-fuzz (or $OUTPOST_FUZZ_BUILD_DIR) and runs each for SECONDS (default 60) with its
# corpus and dictionary, one target at a time, at the lowest CPU priority. Inputs that reach new
# code are merged into tests/fuzz/<target>/corpus (commit them); a finding (crash, leak, timeout,
# out of memory) is kept under $OUTPOST_FUZZ_FINDINGS (default build-fuzz/findings) and makes the
# script fail. Fix it, add the input to the corpus as crash-<what>, and CTest replays it from then on.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 420 csv http_request
#
# Prints, per target: CPU seconds used, executions, coverage (cov: edges, ft: features), corpus files before and
# after, findings. OUTPOST_FUZZ_JOBS sets the build's parallelism (default 1).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
build=${OUTPOST_FUZZ_BUILD_DIR:-$here/build-fuzz}
findings=${OUTPOST_FUZZ_FINDINGS:-$build/findings}
fuzzdir=$here/tests/fuzz

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for d in "$fuzzdir"/*/; do
    [ -d "$d/corpus" ] && targets+=("$(basename "$d")")
  done
fi

command -v clang++-14 >/dev/null || { echo "fuzz: needs clang-14 and libclang-rt-14-dev (apt)" >&2; exit 2; }
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DOUTPOST_FUZZ=ON -DOUTPOST_BUILD_TESTS=OFF -DOUTPOST_BUILD_UI=OFF >/dev/null
nice -n 19 cmake --build "$build" --parallel "${OUTPOST_FUZZ_JOBS:-1}" \
  --target $(printf 'fuzz_%s ' "${targets[@]}")

# Leaks are checked per input; Qt's caches that live until exit are not leaks of an input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$findings"
summary=()
failed=0
for t in "${targets[@]}"; do
  corpus=$fuzzdir/$t/corpus
  dict=$fuzzdir/$t/$t.dict
  [ -d "$corpus" ] || { echo "fuzz: no corpus for $t" >&2; exit 2; }
  work=$(mktemp -d "/tmp/outpost-fuzz-$t.XXXXXX")
  mkdir -p "$work/new" "$findings/$t"
  before=$(find "$corpus" -type f | wc -l)
  log=$findings/$t/last-run.log
  echo "fuzz: $t for ${seconds}s (corpus $before files)"
  dictarg=()
  [ -f "$dict" ] && dictarg=(-dict="$dict")
  # New inputs go to $work/new; the committed corpus is read only here.
  # The campaign's CPU time (user + system) beside its wall time: at nice 19 on a busy machine
  # the two differ, and the CPU time is what the totals in operations.md count.
  set +e
  TIMEFORMAT='%U %S'
  { time nice -n 19 "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/$t/" "${dictarg[@]}" \
    "$work/new" "$corpus" >"$log" 2>&1; } 2>"$work/cpu"
  rc=$?
  set -e
  cpu=$(awk '{ printf "%.0f", $1 + $2 }' "$work/cpu")
  # Keep only what reaches code the corpus does not.
  nice -n 19 "$build/tests/fuzz/fuzz_$t" -merge=1 "$corpus" "$work/new" >>"$log" 2>&1 || true
  after=$(find "$corpus" -type f | wc -l)
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  cov=$(grep -oE '#[0-9]+.*(DONE|pulse|NEW|REDUCE).*cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 |
    grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
  found=$(find "$findings/$t" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' -o -name 'slow-unit-*' \) -newer "$work" | wc -l)
  [ "$rc" -ne 0 ] && [ "$found" -eq 0 ] && found="exit $rc"
  [ "$found" != 0 ] && failed=1
  summary+=("$(printf '%-16s cpu %5ss execs %-10s %-22s corpus %4s -> %-4s findings %s' "$t" "${cpu:-?}" \
    "${execs:-?}" "${cov:-cov: ?}" "$before" "$after" "$found")")
  rm -rf "$work"
done
echo
echo "fuzz: ${seconds}s per target; findings and logs under $findings"
printf '%s\n' "${summary[@]}"
exit "$failed"
