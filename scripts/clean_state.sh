#!/usr/bin/env bash
# Stops the private PostgreSQL and removes .state (databases, filestore, logs). The venv
# and node_modules stay. The next `make run` starts from scratch.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
pgdir=$(readlink -f "$STATE/pg" || true)  # may link outside (see scripts/pg.sh)
if [ -n "$bindir" ] && [ -n "$pgdir" ] && [ -f "$pgdir/data/PG_VERSION" ]; then
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$bindir/pg_ctl" -D "$pgdir/data" -m fast stop) || true
  else "$bindir/pg_ctl" -D "$pgdir/data" -m fast stop || true; fi
fi
if [ -L "$STATE/pg" ]; then rm -rf "$pgdir"; fi
rm -rf "$STATE"
say "Removed .state"
