#!/usr/bin/env bash
# lintian must report no errors on the packages (warnings are printed; justified ones are
# overridden in the packages themselves, see packaging/debian/lintian-overrides.in).
source "$(dirname "$0")/lib.sh"
command -v lintian >/dev/null || die "lintian is not installed (scripts/deps.sh installs it)"
debs=("$(deb_of outpostd)")
if [ "$expect_app" = 1 ]; then debs+=("$(deb_of outpost)"); fi
out=$(lintian --fail-on error --display-level '>=warning' "${debs[@]}" 2>&1) && rc=0 || rc=$?
printf '%s\n' "$out" | grep -v 'running with root privileges' || true
[ "$rc" -eq 0 ] || die "lintian reports errors (exit $rc)"
if grep -q '^E: ' <<<"$out"; then die "lintian reports errors"; fi
echo "lintian: no errors in ${debs[*]##*/}"
