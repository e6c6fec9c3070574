#!/usr/bin/env bash
# Makes sure a PostgreSQL server is reachable and prints the Odoo connection options.
#  - If PGHOST/PGPORT/PGUSER/PGPASSWORD (standard libpq variables) or db_host in
#    odoo.conf point at a server, that server is used and only checked.
#  - Otherwise a private cluster is kept in .state/pg (created once, started when down),
#    reachable only through a unix socket in .state/pg/run, with a role "odoo".
# Output (stdout): the --db_* options for Odoo, on one line.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

conf_value() { sed -nE "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/\1/p" "$ROOT/odoo.conf" | tail -n1; }

check_server() {  # host port user password
  PGPASSWORD="$4" "$PY" - "$1" "$2" "$3" <<'PYEOF' || exit 1
import os, sys, psycopg2
host, port, user = sys.argv[1:4]
try:
    psycopg2.connect(dbname="postgres", host=host or None, port=port or None,
                     user=user or None, password=os.environ.get("PGPASSWORD") or None,
                     connect_timeout=5).close()
except psycopg2.OperationalError as e:
    msg = str(e).strip().splitlines()[0]
    sys.stderr.write("ERROR: cannot connect to PostgreSQL (%s): set PGHOST, PGPORT, PGUSER and "
                     "PGPASSWORD (or db_host, db_port, db_user, db_password in odoo.conf) to a "
                     "server and a role that may create databases, or unset them to use a private "
                     "local server.\n" % msg)
    sys.exit(1)
PYEOF
}

host="${PGHOST:-$(conf_value db_host)}"
if [ -n "$host" ] && [ "$host" != "False" ]; then
  port="${PGPORT:-$(conf_value db_port)}"; user="${PGUSER:-$(conf_value db_user)}"
  password="${PGPASSWORD:-$(conf_value db_password)}"
  [ "$user" = "postgres" ] && die "Odoo refuses to connect as the 'postgres' role: set PGUSER (or db_user in odoo.conf) to another role that may create databases."
  check_server "$host" "$port" "$user" "$password"
  opts="--db_host=$host"
  [ -n "$port" ] && [ "$port" != "False" ] && opts="$opts --db_port=$port"
  [ -n "$user" ] && [ "$user" != "False" ] && opts="$opts --db_user=$user"
  [ -n "$password" ] && [ "$password" != "False" ] && opts="$opts --db_password=$password"
  echo "$opts"; exit 0
fi

# --- private cluster -------------------------------------------------------------
PGDIR="$STATE/pg"; DATA="$PGDIR/data"; RUN="$PGDIR/run"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing the PostgreSQL server (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
      || die "could not install PostgreSQL: install it (apt-get install postgresql) or set PGHOST to an existing server."
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  else
    die "No PostgreSQL found: install the server (e.g. 'sudo apt-get install postgresql') or set PGHOST, PGUSER and PGPASSWORD to an existing one."
  fi
fi

# initdb/pg_ctl refuse to run as root: run them as the 'postgres' system user then.
as_owner() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

# As root, the 'postgres' user must reach the cluster's folder. A checkout under a private
# folder (a 0700 home or mktemp directory) is out of its reach: the cluster then lives in
# /var/lib/postgresql/crm-pg/<hash of the checkout path>, and .state/pg links to it.
mkdir -p "$STATE"
if [ "$(id -u)" = 0 ]; then
  if [ -L "$PGDIR" ]; then
    PGDIR=$(readlink -f "$PGDIR")
  elif [ ! -f "$PGDIR/data/PG_VERSION" ] && ! as_owner test -x "$STATE"; then
    real="/var/lib/postgresql/crm-pg/$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
    rm -rf "$PGDIR"; mkdir -p "$real"; ln -s "$real" "$PGDIR"; PGDIR="$real"
  fi
  DATA="$PGDIR/data"; RUN="$PGDIR/run"
fi
mkdir -p "$PGDIR"
if [ ! -f "$DATA/PG_VERSION" ]; then
  say "Creating a private PostgreSQL cluster in .state/pg"
  rm -rf "$DATA"; mkdir -p "$DATA" "$RUN"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PGDIR"
  as_owner "$bindir/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
    || die "initdb failed, see .state/pg/initdb.log"
  cat >> "$DATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$RUN'
max_connections = 200
shared_buffers = 256MB
synchronous_commit = off
CONF
fi
mkdir -p "$RUN"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$RUN" "$PGDIR"
if ! as_owner "$bindir/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  # A crash or Ctrl-C can leave postmaster.pid behind; pg_ctl ignores it when the pid is gone.
  as_owner "$bindir/pg_ctl" -D "$DATA" -l "$PGDIR/server.log" -w -t 60 start >/dev/null \
    || die "the private PostgreSQL did not start, see .state/pg/server.log"
fi
if ! "$bindir/psql" -h "$RUN" -U postgres -d postgres -tAc "select 1 from pg_roles where rolname='odoo'" | grep -q 1; then
  "$bindir/psql" -h "$RUN" -U postgres -d postgres -qc "create role odoo login createdb" >/dev/null
fi
echo "--db_host=$RUN --db_port=5432 --db_user=odoo"
