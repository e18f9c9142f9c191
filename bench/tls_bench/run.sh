#!/usr/bin/env bash
# outpostd's own TLS against plain HTTP, JSON lines on stdout (progress on stderr):
#   bench/tls_bench/run.sh [BUILD_DIR]        (default: build; builds tls_bench and outpostd)
# Env: TLS_BENCH_SECONDS (10 of polling per server), TLS_BENCH_CONNECTIONS (10 keep-alive pollers),
#      TLS_BENCH_HANDSHAKES (300 new connections one after another).
# Makes a CA and a P-256 certificate for 127.0.0.1 with the openssl tool, starts two outpostd on
# 127.0.0.1 port 0 (SQLite in a temp dir, 300 demo cases), one plain and one with --tls-cert, and
# runs tls_bench against each: the same polls and new connections, over http and over https.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
. "$here/bench/lib.sh"
build=$(cd "${1:-$here/build}" && pwd)
cmake --build "$build" --target tls_bench outpostd >/dev/null
outpostd="$build/server/outpostd"

work=$(mktemp -d /tmp/outpost-tls-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

(
  cd "$work"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.crt -days 2 \
    -subj "/CN=tls_bench CA"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1"
  printf 'subjectAltName=IP:127.0.0.1\n' >server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile server.ext
  chmod 600 server.key
) >"$work/openssl.log" 2>&1

bench() {
  "$build/bench/tls_bench/tls_bench" --url "$url" --ca "$work/ca.crt" --seconds "${TLS_BENCH_SECONDS:-10}" \
    --connections "${TLS_BENCH_CONNECTIONS:-10}" --handshakes "${TLS_BENCH_HANDSHAKES:-300}"
}

start_outpostd tls_bench "$outpostd" "$work" plain "sqlite:$work/plain.sqlite" 300 --log-level warning
bench
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

start_outpostd tls_bench "$outpostd" "$work" tls "sqlite:$work/tls.sqlite" 300 --log-level warning \
  --tls-cert "$work/server.crt" --tls-key "$work/server.key"
bench
