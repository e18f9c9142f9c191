#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks.
#   pg-cluster.sh start DIR   → prints a postgresql:// URL on stdout (database "outpost")
#   pg-cluster.sh start DIR --tls
#                             → the same with ssl=on and TCP connections over TLS only (hostssl), a
#                               certificate for 127.0.0.1/localhost from a CA made in DIR/tls (the
#                               openssl tool); the URL carries sslmode=verify-full&sslrootcert=DIR/tls/ca.crt
#   pg-cluster.sh start DIR --durable
#                             → fsync and synchronous_commit on, as in production: what a crash
#                               (kill below) must not lose; the default trades them for speed
#   pg-cluster.sh stop DIR
#   pg-cluster.sh kill DIR    → the cluster dies at once (pg_ctl stop -m immediate: a crash, recovery
#                               at the next start); for tests of a dying database
#   pg-cluster.sh resume DIR  → starts a stopped or killed cluster again with its options, same port
#   pg-cluster.sh restart DIR → a fast restart (sessions ended, the cluster back on the same port)
# initdb and pg_ctl refuse to run as root, so as root they run as the 'postgres' user.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?cluster directory}
bin=/usr/lib/postgresql/15/bin
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_owner "$bin/initdb" -D "$dir/data" -U outpost -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1
  opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
  [ "${3:-}" = "--durable" ] || opts="$opts -c fsync=off -c synchronous_commit=off"
  query=
  if [ "${3:-}" = "--tls" ]; then
    tls="$dir/tls"
    mkdir -p "$tls"
    (
      cd "$tls"
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.crt \
        -days 3 -subj "/CN=Outpost PG test CA"
      openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr \
        -subj "/CN=127.0.0.1"
      printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >server.ext
      openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 3 \
        -extfile server.ext
      chmod 600 server.key ca.key
    ) >"$dir/tls.log" 2>&1
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$tls"
    chmod 755 "$tls"
    chmod 644 "$tls/ca.crt"
    # TCP only over TLS: a client that does not ask for it is refused.
    printf 'local all all trust\nhostssl all all 127.0.0.1/32 trust\n' >"$dir/data/pg_hba.conf"
    opts="$opts -c ssl=on -c ssl_cert_file=$tls/server.crt -c ssl_key_file=$tls/server.key"
    query="?sslmode=verify-full&sslrootcert=$tls/ca.crt"
  fi
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$opts" start >/dev/null
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U outpost outpost
  echo "postgresql://outpost@127.0.0.1:$port/outpost$query"
  ;;
stop)
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  ;;
kill)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
  ;;
resume | restart)
  # pg_ctl restart starts a cluster that is not running too, with the options it last ran with.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w restart >/dev/null 2>&1
  ;;
*) echo "usage: $0 start|stop|kill|resume|restart DIR" >&2; exit 2 ;;
esac
