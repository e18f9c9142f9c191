#!/usr/bin/env bash
# outpost-kiosk-setup installs and enables the cage kiosk session, here into a scratch root
# (--root) so the machine running the test is not changed; --disable removes it again.
source "$(dirname "$0")/lib.sh"
command -v systemctl >/dev/null || skip "systemctl is not installed"
work=$(mktemp -d /tmp/outpost-pkg-kiosk.XXXXXX)
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root/lib/systemd/system"
cp /lib/systemd/system/graphical.target /lib/systemd/system/multi-user.target "$root/lib/systemd/system/"
setup=("$src/packaging/kiosk/outpost-kiosk-setup")
export OUTPOST_KIOSK_DATADIR="$src/packaging/kiosk"

sh -n "${setup[0]}" && ok "setup script is valid sh" || fail "setup script has syntax errors"
if "${setup[@]}" --root "$root" --user 'bad name' >/dev/null 2>&1; then fail "accepted an invalid user name"; else ok "rejects an invalid user name"; fi
if "${setup[@]}" --root "$root" --tty /dev/sda >/dev/null 2>&1; then fail "accepted an invalid console"; else ok "rejects an invalid console"; fi

"${setup[@]}" --root "$root" --user tablet --tty tty2 || die "outpost-kiosk-setup failed"
unit="$root/etc/systemd/system/outpost-kiosk.service"
[ -f "$unit" ] || die "no unit installed"
for kv in "User=tablet" "TTYPath=/dev/tty2" "Conflicts=getty@tty2.service" "PAMName=outpost-kiosk" \
          "ExecStart=/usr/bin/cage -- /usr/bin/outpost --kiosk" "WantedBy=graphical.target"; do
  grep -qxF "$kv" "$unit" && ok "unit: $kv" || fail "unit lacks $kv"
done
grep -q '@' <<<"$(grep -v '^#' "$unit" | grep -v 'getty@')" && fail "unsubstituted template variable in unit" || ok "template fully substituted"
[ -f "$root/etc/pam.d/outpost-kiosk" ] && grep -q pam_systemd.so "$root/etc/pam.d/outpost-kiosk" &&
  ok "PAM service with a logind session installed" || fail "PAM service missing"
[ -L "$root/etc/systemd/system/graphical.target.wants/outpost-kiosk.service" ] && ok "unit enabled" || fail "unit not enabled"
[ "$(readlink "$root/etc/systemd/system/default.target")" = /lib/systemd/system/graphical.target ] &&
  ok "boots into graphical.target" || fail "default target is $(readlink "$root/etc/systemd/system/default.target")"
if command -v systemd-analyze >/dev/null; then
  errs=$(timeout 60 systemd-analyze verify --man=no "$unit" 2>&1 | grep -E '\.service:[0-9]+:' || true)
  [ -z "$errs" ] && ok "systemd-analyze parses the unit" || fail "systemd-analyze: $errs"
fi

"${setup[@]}" --root "$root" --disable || die "--disable failed"
[ ! -e "$unit" ] && [ ! -e "$root/etc/pam.d/outpost-kiosk" ] && ok "--disable removes unit and PAM service" ||
  fail "--disable left files behind"
[ ! -e "$root/etc/systemd/system/graphical.target.wants/outpost-kiosk.service" ] && ok "--disable disables the unit" ||
  fail "--disable left the unit enabled"
finish
