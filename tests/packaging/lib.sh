# Shared helpers of the packaging tests (sourced).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=${OUTPOST_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
build=${OUTPOST_BUILD_DIR:-$src/build}
pkgdir=${OUTPOST_PKG_TEST_DIR:-$build/packaging-test}
version=${OUTPOST_VERSION:-$(sed -n 's/^project(Outpost VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")}
expect_app=${OUTPOST_EXPECT_APP:-0}
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
ok() { echo "ok: $*"; }
finish() {
  if ((failures)); then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}
# deb_of NAME [SET]: path of the .deb of package NAME in set v1 (default) or v2.
deb_of() {
  local f
  local -a found
  found=("$pkgdir/${2:-v1}/$1"_*.deb)
  f=${found[0]}
  [ -f "$f" ] || die "no $1 package in $pkgdir/${2:-v1} (run the packaging_build_debs test or scripts/package.sh)"
  echo "$f"
}
