#!/usr/bin/env bash
# `make backup` / `make restore FROM=...`: scripts/backup.py with the project's PostgreSQL.
#   scripts/backup.sh backup [DB] [--keep N] [--dir DIR]     (DB: CRM_DB, else crm)
#   scripts/backup.sh restore FOLDER [--to NEWDB]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
cmd="${1:-}"; shift || true
case "$cmd" in
  backup)
    db="${CRM_DB:-crm}"
    if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then db="$1"; shift; fi
    # shellcheck disable=SC2086
    exec "$PY" "$ROOT/scripts/backup.py" backup "$db" "$@" $DBOPTS ;;
  restore)
    [ $# -gt 0 ] && [ -n "$1" ] || die "which backup? make restore FROM=backups/crm-YYYYmmdd-HHMMSS [TO=newdb]"
    # shellcheck disable=SC2086
    exec "$PY" "$ROOT/scripts/backup.py" restore "$@" $DBOPTS ;;
  *) die "usage: scripts/backup.sh backup [DB] [--keep N] | restore FOLDER [--to NEWDB]" ;;
esac
