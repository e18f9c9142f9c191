#!/usr/bin/env bash
# The Windows installer script compiles with makensis (warnings are errors) over a staged tree
# shaped like windeployqt's output, and the result is an NSIS PE32 installer. (Windows itself
# is not available here: this checks the script, not the app.)
source "$(dirname "$0")/lib.sh"
command -v makensis >/dev/null || die "makensis is not installed (Debian package nsis; scripts/deps.sh)"
work=$(mktemp -d /tmp/outpost-pkg-nsis.XXXXXX)
trap 'rm -rf "$work"' EXIT
stage="$work/stage"
mkdir -p "$stage/platforms" "$stage/sqldrivers" "$stage/imageformats" "$stage/styles"
for f in outpost.exe outpost-desktop.dll Qt6Core.dll Qt6Gui.dll Qt6Widgets.dll Qt6Sql.dll Qt6Network.dll Qt6Svg.dll \
         qt6keychain.dll platforms/qwindows.dll sqldrivers/qsqlite.dll imageformats/qsvg.dll \
         styles/qwindowsvistastyle.dll; do
  printf 'placeholder %s\n' "$f" >"$stage/$f"
done
out="$work/outpost-$version-setup.exe"
makensis -V2 -WX -DSTAGE_DIR="$stage" -DVERSION="$version" -DOUTFILE="$out" \
  "$src/packaging/windows/outpost.nsi" || die "makensis failed"
[ -s "$out" ] || die "makensis wrote no installer"
kind=$(file -b "$out")
[[ "$kind" == PE32*Nullsoft* ]] && ok "installer built: $kind" || fail "unexpected installer: $kind"
# The staged files are inside (NSIS stores names in the compressed data, so check by size).
size=$(stat -c %s "$out")
((size > 30000)) && ok "installer size $size bytes" || fail "installer is only $size bytes"
# Without STAGE_DIR the script must refuse to compile.
if makensis -V1 -DVERSION="$version" -DOUTFILE="$work/x.exe" "$src/packaging/windows/outpost.nsi" >/dev/null 2>&1; then
  fail "makensis accepted the script without STAGE_DIR"
else
  ok "the script insists on STAGE_DIR"
fi
finish
