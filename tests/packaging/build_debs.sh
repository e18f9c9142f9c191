#!/usr/bin/env bash
# Fixture: builds the Debian packages with CPack from the already built tree.
#   $OUTPOST_PKG_TEST_DIR/v1: every package at the project version (release 1)
#   $OUTPOST_PKG_TEST_DIR/v2: outpostd as release 2, to test upgrades over v1
source "$(dirname "$0")/lib.sh"
[ -f "$build/CPackConfig.cmake" ] || die "no CPackConfig.cmake in $build"
rm -rf "$pkgdir/v1" "$pkgdir/v2"
mkdir -p "$pkgdir"
cd "$build"
cpack -G DEB -B "$pkgdir/v1" >"$pkgdir/cpack-v1.log" 2>&1 || { cat "$pkgdir/cpack-v1.log"; die "cpack (v1) failed"; }
cpack -G DEB -B "$pkgdir/v2" -D CPACK_DEBIAN_PACKAGE_RELEASE=2 -D CPACK_COMPONENTS_ALL=outpostd \
  >"$pkgdir/cpack-v2.log" 2>&1 || { cat "$pkgdir/cpack-v2.log"; die "cpack (v2) failed"; }
rm -rf "$pkgdir/v1/_CPack_Packages" "$pkgdir/v2/_CPack_Packages"
ls -l "$pkgdir"/v1/*.deb "$pkgdir"/v2/*.deb
deb_of outpostd >/dev/null
deb_of outpostd v2 >/dev/null
if [ "$expect_app" = 1 ]; then deb_of outpost >/dev/null; fi
echo "packages built"
