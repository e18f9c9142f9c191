#!/usr/bin/env bash
# Installs the outpostd package for real (root only), then:
#   - the system user, state directory, config permissions and enabled unit exist;
#   - the unit's ExecStart, run as the unit's User= with the listen address moved to a free
#     loopback port, serves GET /api/v1/health (a service that exits or never listens FAILS);
#   - a store holding data survives an upgrade to the next package release, and the upgraded
#     service starts on it; a local edit of the conffile survives too;
#   - removing keeps data, config and user; purging deletes them.
# Everything installed is purged again on exit. Needs no network: dependencies are present on a
# build machine (dpkg -i, never apt-get).
source "$(dirname "$0")/lib.sh"
[ "$(id -u)" -eq 0 ] || skip "installing packages needs root (run as root to test dpkg -i, upgrade and purge)"
command -v curl >/dev/null || die "curl is not installed"
v1=$(deb_of outpostd)
v2=$(deb_of outpostd v2)
# One install test per machine at a time (several build trees may run their suites at once).
exec 9>/tmp/outpost-packaging-install.lock
flock -w 300 9 || die "another packaging install test holds /tmp/outpost-packaging-install.lock"
# dpkg's state of the outpostd package: empty or not-installed when absent.
pkg_state() { dpkg-query -W -f='${db:Status-Status}' outpostd 2>/dev/null || true; }
if [ -n "$(pkg_state)" ] && [ "$(pkg_state)" != not-installed ]; then
  skip "an outpostd package is already installed on this machine; not touching it"
fi
if getent passwd outpostd >/dev/null || [ -e /var/lib/outpostd ]; then
  skip "a user 'outpostd' or /var/lib/outpostd exists already on this machine; not touching it"
fi

work=$(mktemp -d /tmp/outpost-pkg-install.XXXXXX)
chmod 755 "$work"
server=
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  server=
}
# dpkg refuses to run while another dpkg/apt holds its lock: retry for up to two minutes.
dpkg_run() {
  local out rc deadline=$((SECONDS + 120))
  while :; do
    out=$(DEBIAN_FRONTEND=noninteractive dpkg --force-confold "$@" 2>&1) && rc=0 || rc=$?
    if [ "$rc" -ne 0 ] && grep -q 'lock' <<<"$out" && [ $SECONDS -lt $deadline ]; then
      sleep 1
      continue
    fi
    printf '%s\n' "$out"
    return "$rc"
  done
}
cleanup() {
  stop_server
  if [ -n "$(pkg_state)" ] && [ "$(pkg_state)" != not-installed ]; then
    dpkg_run --purge outpostd >/dev/null || echo "warning: could not purge outpostd" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

unit=/lib/systemd/system/outpostd.service
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Runs the unit's ExecStart as its User= on 127.0.0.1:PORT and checks /api/v1/health.
start_from_unit() {
  local exec user port conf args health deadline
  exec=$(sed -n 's/^ExecStart=[-@+!:]*//p' "$unit" | tail -n1)
  user=$(sed -n 's/^User=//p' "$unit" | tail -n1)
  [ -n "$exec" ] && [ -n "$user" ] || die "cannot read ExecStart/User from $unit"
  port=$(free_port)
  # The same configuration, listening on the free port (both the file and the command line say so).
  conf="$work/outpostd-$port.conf"
  sed -E "s/^listen *=.*/listen = 127.0.0.1:$port/" /etc/outpost/outpostd.conf >"$conf"
  chmod 644 "$conf"
  read -r -a args <<<"$exec"
  for i in "${!args[@]}"; do
    if [ "${args[$i]}" = /etc/outpost/outpostd.conf ]; then args[$i]=$conf; fi
  done
  # The environment systemd would give it: nothing of ours, HOME of the user, the unit's Environment=.
  local -a envs=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
                 "HOME=$(getent passwd "$user" | cut -d: -f6)" "USER=$user" "LOGNAME=$user")
  while IFS= read -r e; do envs+=("$e"); done < <(sed -n 's/^Environment=//p' "$unit")
  echo "starting as $user: ${envs[*]} ${args[*]} --listen 127.0.0.1:$port"
  (cd /var/lib/outpostd &&
    exec runuser -u "$user" -- env -i "${envs[@]}" "${args[@]}" --listen "127.0.0.1:$port") \
    >"$work/server-$port.log" 2>&1 &
  server=$!
  deadline=$((SECONDS + 30))
  health=
  while [ $SECONDS -lt $deadline ]; do
    if ! kill -0 "$server" 2>/dev/null; then
      cat "$work/server-$port.log" >&2
      server=
      die "the service exited instead of listening on 127.0.0.1:$port"
    fi
    health=$(curl -fsS --max-time 2 "http://127.0.0.1:$port/api/v1/health" 2>/dev/null) && break
    health=
    sleep 0.2
  done
  [ -n "$health" ] || { cat "$work/server-$port.log" >&2; die "no answer from /api/v1/health within 30 s"; }
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["status"]=="ok" and d["protocol"]==1, d' "$health" ||
    die "unexpected health answer: $health"
  ok "service started from the unit's ExecStart as $user answers /api/v1/health: $health"
  pgrep -u "$user" -P "$server" >/dev/null && ok "the service process runs as $user" ||
    fail "no process of $user under runuser (pid $server)"
  kill -TERM "$server"
  local rc=0
  wait "$server" || rc=$?
  server=
  # 143 = ended by SIGTERM, which systemd counts as a clean stop too.
  [ "$rc" -eq 0 ] || [ "$rc" -eq 143 ] && ok "service stopped on SIGTERM (exit $rc)" ||
    fail "service exit status $rc after SIGTERM"
}

echo "== install ${v1##*/}"
dpkg_run -i "$v1" || die "dpkg -i failed"
getent passwd outpostd >/dev/null && ok "system user outpostd exists" || die "no user outpostd"
uid=$(id -u outpostd)
[ "$uid" -lt 1000 ] && ok "outpostd is a system user (uid $uid)" || fail "outpostd uid $uid is not a system uid"
[[ "$(getent passwd outpostd | cut -d: -f7)" == */nologin ]] && ok "no login shell" || fail "outpostd has a login shell"
[ "$(stat -c '%U:%G %a' /var/lib/outpostd)" = "outpostd:outpostd 750" ] && ok "/var/lib/outpostd outpostd:outpostd 750" ||
  fail "/var/lib/outpostd is $(stat -c '%U:%G %a' /var/lib/outpostd)"
[ "$(stat -c '%U:%G %a' /etc/outpost/outpostd.conf)" = "root:outpostd 640" ] && ok "config root:outpostd 640" ||
  fail "config is $(stat -c '%U:%G %a' /etc/outpost/outpostd.conf)"
[ "$(stat -c '%U:%G %a' /var/lib/outpostd/attachments)" = "outpostd:outpostd 750" ] && ok "attachments directory" ||
  fail "/var/lib/outpostd/attachments is missing or wrong"
[ -L /etc/systemd/system/multi-user.target.wants/outpostd.service ] && ok "unit enabled" || fail "unit not enabled"

start_from_unit
db=$(sed -nE 's/^db *= *sqlite:(.*)$/\1/p' /etc/outpost/outpostd.conf)
[ -f "$db" ] && ok "the service created its store $db" || die "no store at $db after the service ran"
[ "$(stat -c %U "$db")" = outpostd ] && ok "store owned by outpostd" || fail "store owned by $(stat -c %U "$db")"
# Data in the store: a marker row written as the service user.
runuser -u outpostd -- python3 - "$db" <<'PY' || die "cannot write a marker into $db"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE IF NOT EXISTS packaging_upgrade_marker (note TEXT NOT NULL)")
c.execute("INSERT INTO packaging_upgrade_marker VALUES ('kept across upgrades')")
c.commit(); c.close()
PY
sum_before=$(sha256sum "$db" | cut -d' ' -f1)
echo "; local edit kept across upgrades" >>/etc/outpost/outpostd.conf

echo "== upgrade to ${v2##*/}"
dpkg_run -i "$v2" || die "upgrade failed"
[ "$(dpkg-query -W -f='${Version}' outpostd)" = "$(dpkg-deb -f "$v2" Version)" ] && ok "upgraded to $(dpkg-deb -f "$v2" Version)" ||
  fail "installed version is $(dpkg-query -W -f='${Version}' outpostd)"
[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$sum_before" ] && ok "store unchanged by the upgrade" || fail "store changed by the upgrade"
[ "$(id -u outpostd)" = "$uid" ] && ok "same user after upgrade" || fail "user changed"
grep -q 'local edit kept across upgrades' /etc/outpost/outpostd.conf && ok "local conffile edit kept" || fail "conffile edit lost"
[ "$(stat -c '%U:%G %a' /etc/outpost/outpostd.conf)" = "root:outpostd 640" ] || fail "config permissions lost on upgrade"
start_from_unit
marker=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT note FROM packaging_upgrade_marker").fetchone()[0])' "$db" 2>&1) || true
[ "$marker" = "kept across upgrades" ] && ok "data still there after the upgraded service ran" || fail "marker row lost: $marker"

echo "== remove"
dpkg_run --remove outpostd || die "dpkg --remove failed"
[ ! -e /usr/bin/outpostd ] && ok "binary removed" || fail "/usr/bin/outpostd still there"
[ -f "$db" ] && ok "store kept on removal" || fail "store deleted on removal"
getent passwd outpostd >/dev/null && ok "user kept on removal" || fail "user deleted on removal"
[ -f /etc/outpost/outpostd.conf ] && ok "config kept on removal" || fail "config deleted on removal"

echo "== purge"
dpkg_run --purge outpostd || die "dpkg --purge failed"
[ ! -e /var/lib/outpostd ] && ok "/var/lib/outpostd deleted on purge" || fail "/var/lib/outpostd still there after purge"
getent passwd outpostd >/dev/null && fail "user still there after purge" || ok "user deleted on purge"
getent group outpostd >/dev/null && fail "group still there after purge" || ok "group deleted on purge"
[ ! -e /etc/outpost/outpostd.conf ] && ok "config deleted on purge" || fail "config still there after purge"
dpkg-statoverride --list /etc/outpost/outpostd.conf >/dev/null && fail "statoverride left behind" || ok "statoverride removed"
[ ! -e /etc/systemd/system/multi-user.target.wants/outpostd.service ] && ok "unit links removed" || fail "unit link left behind"
finish
