#!/usr/bin/env bash
# Installs what building, running and testing Outpost needs, from Debian 12's packages only.
# Idempotent and quick when everything is there already.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config file
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libsqlite3-dev libqt6sql6-psql qt6-websockets-dev
  qt6-svg-dev qt6-pdf-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qtkeychain-qt6-dev libgl-dev
  libboost-dev libboost-system-dev libssl-dev libsodium-dev
  postgresql
  xvfb xauth fonts-dejavu-core dbus dbus-x11 gnome-keyring libsecret-tools
  nsis lintian fakeroot dpkg-dev appstream desktop-file-utils wrk curl python3
  chromium nodejs
)
# npm comes with NodeSource's nodejs; Debian's nodejs needs Debian's npm beside it.
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The console's browser tests drive chromium with puppeteer-core, from the committed lock file
# (tests/console/package-lock.json); nothing is fetched at build or test time.
console_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/console"
if [ ! -d "$console_tests/node_modules/puppeteer-core" ] || [ "$console_tests/package-lock.json" -nt "$console_tests/node_modules/.package-lock.json" ]; then
  echo "deps: npm ci in tests/console"
  (cd "$console_tests" && npm ci --no-audit --no-fund --loglevel=error)
fi
