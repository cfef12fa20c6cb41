#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start` makes a cluster in a temporary
# folder, run by an unprivileged user, listening on 127.0.0.1 only (with TLS, a self-signed
# certificate made by openssl), and prints the URL to give the tests (LINDUNGI_TEST_PG) and
# the certificate (LINDUNGI_TEST_PG_CA); `stop` stops it and removes the folder.
#
#   eval "$(bash scripts/pg-test-server.sh start)"   # exports LINDUNGI_TEST_PG(_CA)
#   QT_QPA_PLATFORM=offscreen python -m pytest -q -p no:cacheprovider
#   bash scripts/pg-test-server.sh stop
#
# Settings (environment): PG_TEST_DIR (default /tmp/lindungi-pg-test), PG_TEST_PORT (5439),
# PG_BIN (the folder of initdb/pg_ctl; found under /usr/lib/postgresql otherwise),
# PG_TEST_USER (the system account that runs the server when this runs as root: postgres,
# or nobody). The cluster trades durability for speed (fsync off): it holds test data only.
set -euo pipefail

dir="${PG_TEST_DIR:-/tmp/lindungi-pg-test}"
port="${PG_TEST_PORT:-5439}"
password="lindungi-test"

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$found" ]; then
    echo "no PostgreSQL binaries: install them (Debian: apt-get install -y postgresql)" >&2
    exit 1
  fi
  echo "$found"
}

# Runs a command as the server's user (as root, a system account; otherwise as oneself).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    local user="${PG_TEST_USER:-}"
    if [ -z "$user" ]; then
      if id postgres >/dev/null 2>&1; then user=postgres; else user=nobody; fi
    fi
    su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

start() {
  local bin
  bin="$(find_bin)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    stop >/dev/null
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    local user="${PG_TEST_USER:-}"
    if [ -z "$user" ]; then
      if id postgres >/dev/null 2>&1; then user=postgres; else user=nobody; fi
    fi
    chown "$user" "$dir"
  fi
  chmod 700 "$dir"
  printf '%s\n' "$password" >"$dir/pwfile"
  # A self-signed certificate for 127.0.0.1, so that the TLS settings (sslmode) are tested
  # against a server that speaks TLS; it is also the CA a verify-ca test trusts.
  openssl req -new -x509 -days 2 -nodes -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$dir/server.key" -out "$dir/server.crt" >/dev/null 2>&1 ||
    { echo "openssl could not make the test certificate" >&2; exit 1; }
  chmod 600 "$dir/server.key"
  chmod 644 "$dir/server.crt"
  if [ "$(id -u)" = 0 ]; then
    chown "$(stat -c %U "$dir")" "$dir/pwfile" "$dir/server.key" "$dir/server.crt"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U lindungi --pwfile="$dir/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key" \
    >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "export LINDUNGI_TEST_PG='postgresql+pg8000://lindungi:$password@127.0.0.1:$port/postgres'"
  echo "export LINDUNGI_TEST_PG_CA='$dir/server.crt'"
}

stop() {
  local bin
  bin="$(find_bin)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
