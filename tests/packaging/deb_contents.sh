#!/usr/bin/env bash
# What the .deb files must hold: files (dpkg-deb -c), control data and maintainer scripts
# (dpkg-deb -I / -e), a unit systemd can parse with the sandboxing it must have, a config file
# marked as conffile, a valid .desktop entry, AppStream metainfo and man pages.
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d /tmp/outpost-pkg-contents.XXXXXX)
trap 'rm -rf "$work"' EXIT

has_file() { # DEB-LISTING PATH
  if grep -qE " \./${2#/}\$" <<<"$1"; then ok "contains /${2#/}"; else fail "missing /${2#/}"; fi
}
field() { local v; v=$(dpkg-deb -f "$1" "$2"); printf '%s\n' "${v%%$'\n'*}"; }  # first line
expect_field() { # DEB FIELD REGEX
  local v; v=$(field "$1" "$2")
  if [[ "$v" =~ $3 ]]; then ok "$2: $v"; else fail "$2 is '$v', expected /$3/"; fi
}

# ---- outpostd ------------------------------------------------------------------------------
d=$(deb_of outpostd)
echo "== ${d##*/}"
list=$(dpkg-deb -c "$d")
for p in usr/bin/outpostd lib/systemd/system/outpostd.service etc/outpost/outpostd.conf \
         usr/share/doc/outpostd/copyright usr/share/doc/outpostd/changelog.Debian.gz \
         usr/share/man/man8/outpostd.8.gz; do
  has_file "$list" "$p"
done
if grep -q ' \./var/lib/outpostd' <<<"$list"; then fail "the package must not ship /var/lib/outpostd"; fi
expect_field "$d" Package '^outpostd$'
expect_field "$d" Version "^${version//./\\.}-[0-9]+$"
expect_field "$d" Section '^net$'
expect_field "$d" Priority '^optional$'
expect_field "$d" Maintainer '.+ <.+@.+>'
expect_field "$d" Homepage '^https://'
expect_field "$d" Depends 'libqt6core6.*'   # filled in by dpkg-shlibdeps
expect_field "$d" Depends '(^|, )adduser(,|$| )'
expect_field "$d" Depends 'libqt6sql6-sqlite'
expect_field "$d" Description '^[a-z].{5,78}$'
long=$(dpkg-deb -f "$d" Description | tail -n +2)
[ -n "$long" ] && ok "long description present" || fail "no long description"

dpkg-deb -e "$d" "$work/outpostd.ctl"
dpkg-deb -x "$d" "$work/outpostd.root"
for s in postinst prerm postrm; do
  f="$work/outpostd.ctl/$s"
  if [ -x "$f" ] && sh -n "$f"; then ok "$s present, executable, valid sh"; else fail "$s missing or broken"; fi
done
grep -qx /etc/outpost/outpostd.conf "$work/outpostd.ctl/conffiles" && ok "conffile marked" ||
  fail "/etc/outpost/outpostd.conf is not a conffile"
grep -q 'adduser --system' "$work/outpostd.ctl/postinst" && ok "postinst creates the system user" ||
  fail "postinst does not create the system user"
grep -q 'deb-systemd-helper' "$work/outpostd.ctl/postinst" && ok "postinst uses deb-systemd-helper" ||
  fail "postinst does not use deb-systemd-helper"
grep -q 'deluser' "$work/outpostd.ctl/postrm" && grep -q 'purge' "$work/outpostd.ctl/postrm" &&
  ok "postrm removes the user on purge" || fail "postrm does not remove the user on purge"

unit="$work/outpostd.root/lib/systemd/system/outpostd.service"
for kv in User=outpostd Group=outpostd StateDirectory=outpostd Restart=on-failure KillSignal=SIGTERM \
          ProtectSystem=strict ProtectHome=yes NoNewPrivileges=yes PrivateTmp=yes PrivateDevices=yes \
          ReadWritePaths=/var/lib/outpostd "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX" \
          WantedBy=multi-user.target; do
  grep -qx "$kv" "$unit" && ok "unit: $kv" || fail "unit lacks $kv"
done
grep -qE '^ExecStart=/usr/bin/outpostd .*--config /etc/outpost/outpostd.conf' "$unit" &&
  ok "unit: ExecStart reads the config" || fail "unit: ExecStart does not read /etc/outpost/outpostd.conf"
if command -v systemd-analyze >/dev/null; then
  # Parse errors are reported as "FILE:LINE: ..."; a missing binary or man page is expected here.
  errs=$(timeout 60 systemd-analyze verify --man=no "$unit" 2>&1 | grep -E '\.service:[0-9]+:' || true)
  [ -z "$errs" ] && ok "systemd-analyze parses the unit" || fail "systemd-analyze: $errs"
fi
conf="$work/outpostd.root/etc/outpost/outpostd.conf"
grep -qE '^listen *= *[^ ]+:[0-9]+$' "$conf" && ok "conf: listen" || fail "conf: no listen"
grep -qE '^db *= *sqlite:/var/lib/outpostd/' "$conf" && ok "conf: SQLite store under /var/lib/outpostd" ||
  fail "conf: default store is not SQLite under /var/lib/outpostd"
grep -qE '^; *db *= *postgresql://' "$conf" && ok "conf: documented PostgreSQL settings" ||
  fail "conf: no commented PostgreSQL settings"
if grep -qE '^#' "$conf"; then fail "conf: '#' is no comment for QSettings INI files; use ';'"; fi
kind=$(file -b "$work/outpostd.root/usr/bin/outpostd")
[[ "$kind" == ELF*stripped* && "$kind" != *"not stripped"* ]] &&
  ok "outpostd is a stripped ELF binary" || fail "outpostd is not a stripped ELF binary"

w=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$work/outpostd.root/usr/share/man/man8/outpostd.8.gz" 2>&1 >/dev/null || true)
[ -z "$w" ] && ok "man page outpostd.8.gz renders cleanly" || fail "man outpostd.8.gz: $w"

# ---- outpost -------------------------------------------------------------------------------
if [ "$expect_app" != 1 ]; then
  echo "note: the build has no 'outpost' target (OUTPOST_BUILD_UI=OFF): no outpost package expected"
  finish
  exit 0
fi
d=$(deb_of outpost)
echo "== ${d##*/}"
list=$(dpkg-deb -c "$d")
id=org.example.outpost
for p in usr/bin/outpost usr/share/applications/$id.desktop \
         usr/share/icons/hicolor/scalable/apps/$id.svg usr/share/metainfo/$id.metainfo.xml \
         usr/share/man/man1/outpost.1.gz usr/sbin/outpost-kiosk-setup \
         usr/share/man/man8/outpost-kiosk-setup.8.gz \
         usr/share/outpost/kiosk/outpost-kiosk.service.in usr/share/outpost/kiosk/outpost-kiosk.pam \
         usr/share/doc/outpost/copyright usr/share/doc/outpost/changelog.Debian.gz; do
  has_file "$list" "$p"
done
# The desktop app's module, loaded by /usr/bin/outpost when it shows a window.
grep -qE "usr/lib/([^/]+/)?outpost/liboutpost-desktop\.so$" <<<"$list" && ok "desktop module packaged" ||
  fail "liboutpost-desktop.so missing from the outpost package"
expect_field "$d" Package '^outpost$'
expect_field "$d" Version "^${version//./\\.}-[0-9]+$"
expect_field "$d" Depends 'libqt6widgets6'
expect_field "$d" Depends 'qt6-qpa-plugins'
expect_field "$d" Depends 'qt6-translations-l10n'   # Qt's own catalogs (qtbase_de.qm): standard buttons translated
expect_field "$d" Depends 'libqt6pdfwidgets6'   # the attachment viewer's PDF pages (QtPdf), found by dpkg-shlibdeps
expect_field "$d" Homepage '^https://'
if [[ "$(field "$d" Depends) $(field "$d" Recommends)" == *cage* ]]; then
  fail "cage must not be a Depends/Recommends of outpost"
else
  expect_field "$d" Suggests '(^|, )cage(,|$)'
fi
dpkg-deb -x "$d" "$work/outpost.root"
r="$work/outpost.root"
kind=$(file -b "$r/usr/bin/outpost")
[[ "$kind" == ELF* ]] && ok "outpost is an ELF binary" || fail "outpost is not an ELF binary"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$r/usr/share/applications/$id.desktop" && ok "desktop entry valid" ||
    fail "desktop-file-validate failed"
fi
grep -qx "Exec=outpost" "$r/usr/share/applications/$id.desktop" && grep -qx "Icon=$id" "$r/usr/share/applications/$id.desktop" &&
  ok "desktop entry runs outpost with the packaged icon" || fail "desktop entry Exec/Icon wrong"
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$r/usr/share/metainfo/$id.metainfo.xml" && ok "metainfo valid" ||
    fail "appstreamcli validate failed"
fi
python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$r/usr/share/icons/hicolor/scalable/apps/$id.svg" &&
  ok "icon is well-formed SVG" || fail "icon is not well-formed XML"
for m in "$r"/usr/share/man/man*/*.gz; do
  w=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$m" 2>&1 >/dev/null || true)
  [ -z "$w" ] && ok "man page ${m##*/} renders cleanly" || fail "man ${m##*/}: $w"
done
finish
