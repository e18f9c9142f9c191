#!/usr/bin/env bash
# Refreshes the catalogs from the sources of ui/, app/ and core/ (core's messages use
# Q_DECLARE_TR_FUNCTIONS contexts such as outpost::RulesEngine). Existing translations are kept.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
cd "$here"
"$lupdate" -no-obsolete -locations none ui app client core -ts translations/outpost_de.ts translations/outpost_fr.ts
