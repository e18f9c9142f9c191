#!/usr/bin/env bash
# Builds Outpost (RelWithDebInfo) and makes its packages in ./dist (or $OUTPOST_DIST_DIR):
#   dist/outpostd_<version>-<rel>_<arch>.deb   the sync service (systemd unit, user, /var/lib/outpostd)
#   dist/outpost_<version>-<rel>_<arch>.deb    the desktop app (+ outpost-kiosk-setup)
#   dist/windows/                              outpost.nsi + build-windows.ps1, checked with makensis
#   dist/outpost-<version>-setup.exe           only when OUTPOST_WINDOWS_STAGE names a windeployqt tree
# Then lintian runs on the .deb files (errors fail the script). See docs/operations-packaging.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${OUTPOST_BUILD_DIR:-$here/build}
dist=${OUTPOST_DIST_DIR:-$here/dist}
"$here/scripts/deps.sh"
OUTPOST_BUILD_DIR=$build "$here/scripts/build.sh"

work=$(mktemp -d /tmp/outpost-package.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dist"
rm -f "$dist"/*.deb
(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null)
mv "$work"/deb/*.deb "$dist/"

version=$(sed -n 's/^project(Outpost VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")
nsi="$here/packaging/windows/outpost.nsi"
mkdir -p "$dist/windows"
if [ -n "${OUTPOST_WINDOWS_STAGE:-}" ]; then
  makensis -V2 -WX -DSTAGE_DIR="$OUTPOST_WINDOWS_STAGE" -DVERSION="$version" \
    -DOUTFILE="$dist/outpost-$version-setup.exe" "$nsi"
else
  # No Windows build here: compile the script over a stand-in tree to prove it builds.
  mkdir -p "$work/stage/platforms"
  for f in outpost.exe Qt6Core.dll platforms/qwindows.dll; do echo "placeholder" >"$work/stage/$f"; done
  makensis -V2 -WX -DSTAGE_DIR="$work/stage" -DVERSION="$version" -DOUTFILE="$work/check-setup.exe" "$nsi"
fi
cp "$nsi" "$here/packaging/windows/build-windows.ps1" "$dist/windows/"

lintian --fail-on error "$dist"/*.deb 2>&1 | grep -v 'running with root privileges' || true
lintian --fail-on error "$dist"/*.deb >/dev/null 2>&1 || { echo "package: lintian reports errors" >&2; exit 1; }
echo "package: done"
ls -l "$dist" "$dist/windows"
