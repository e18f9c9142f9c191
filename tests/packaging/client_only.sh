#!/usr/bin/env bash
# The client builds as the Windows script builds it (packaging/windows/build-windows.ps1):
# -DOUTPOST_BUILD_SERVER=OFF configures with Boost hidden and gzip refusing to run (neither exists
# there), and its build graph for `outpost` is complete (ninja dry run). Compiling that tree a second
# time would cost CI minutes for objects this build already compiled, so the compile-time half is
# proved on this build instead: no object of the client (core, engine, CLI, app, widgets) includes a
# Boost header, and none of their link lines names Boost.
. "$(dirname "$0")/lib.sh"
command -v ninja >/dev/null || skip "ninja is not installed"
[ -f "$build/build.ninja" ] || skip "this build is not a Ninja build"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
printf '#!/bin/sh\necho "gzip: not on this system (as on Windows)" >&2\nexit 1\n' >"$tmp/bin/gzip"
chmod +x "$tmp/bin/gzip"
if PATH="$tmp/bin:$PATH" cmake -S "$src" -B "$tmp/client" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DOUTPOST_BUILD_SERVER=OFF -DOUTPOST_BUILD_TESTS=OFF -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON \
    >"$tmp/configure.log" 2>&1; then
  ok "configures without the server, Boost hidden and no gzip"
else
  cat "$tmp/configure.log" >&2
  die "the client alone does not configure"
fi
grep -q 'outpostd' "$tmp/client/build.ninja" && fail "the client-only build graph still builds outpostd"
if ninja -C "$tmp/client" -n outpost >"$tmp/dry.log" 2>&1; then
  ok "its build graph for outpost is complete ($(grep -c 'Building CXX' "$tmp/dry.log") compilations)"
else
  cat "$tmp/dry.log" >&2
  fail "ninja cannot plan the outpost target of the client-only tree"
fi

# Compile time, on this build: the client's objects and link lines.
objects=$(ninja -C "$build" -t targets all | sed -n 's/^\(\(core\|client\|cli\|ui\|app\)\/[^:]*\.o\): .*/\1/p')
[ -n "$objects" ] || die "no client objects found in $build (is it built?)"
count=0
for o in $objects; do
  count=$((count + 1))
  if ninja -C "$build" -t deps "$o" 2>/dev/null | grep -q '/boost/'; then
    fail "$o includes a Boost header"
  fi
done
ok "$count client objects include no Boost header"
if ninja -C "$build" -t commands app/outpost 2>/dev/null | grep -i 'boost' >/dev/null; then
  fail "the outpost executable links Boost"
else
  ok "outpost links no Boost"
fi
finish
