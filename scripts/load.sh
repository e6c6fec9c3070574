#!/usr/bin/env bash
# `make load`: the sales floor under load at a real company's size, against bare Odoo CRM
# (tests/load/run_load.py). Builds once (a stamp keeps them until the addons change):
#   crm_load       a copy of the test template + tests/load/seed.py --flavour crm
#                  (100,000 customers, 1,000,000 leads, 200,000 contracts, ...)
#   crm_load_bare  only Odoo's `crm` (no demo, zh_CN) + seed.py --flavour bare
# LOAD_USERS (25,50,100), LOAD_SECONDS (60), LOAD_WORKERS (4). Not part of `make test`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/bootstrap.sh"
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
install_load_tool
TPL="${CRM_TEST_DB:-crm_test}_tpl"
DB="${CRM_LOAD_DB:-crm_load}"; BARE="${DB}_bare"
# a database is rebuilt when what made it changes: the seed script, and for the CRM the addons
seed_hash=$(sha1sum "$ROOT/tests/load/seed.py" | cut -c1-16)
# shellcheck disable=SC2086
bash "$ROOT/scripts/prepare_db.sh" "$TPL" $DBOPTS
seed() {  # seed DB FLAVOUR: (re)build the database unless its stamp is current
  local db=$1 flavour=$2 stamp="$seed_hash"
  [ "$flavour" = crm ] && stamp="$seed_hash-$(addons_hash)"
  [ "$(cat "$STATE/load-$db.stamp" 2>/dev/null)" = "$stamp" ] && return 0
  say "Building $db ($flavour): the data of a real company, a few minutes, once"
  if [ "$flavour" = crm ]; then
    # shellcheck disable=SC2086
    "$PY" "$ROOT/scripts/dbcopy.py" "$TPL" "$db" $DBOPTS
  else
    # shellcheck disable=SC2086
    "$PY" "$ROOT/scripts/dbcopy.py" template0 "$db" $DBOPTS
    # shellcheck disable=SC2086
    "$ROOT/scripts/odoo" -c "$ROOT/odoo.conf" $DBOPTS -d "$db" --db-filter="^$db\$" \
      --load=base,web -i crm --without-demo=all --load-language=zh_CN --stop-after-init \
      --log-level=warn
  fi
  # shellcheck disable=SC2086
  (cd "$ROOT" && PYTHONPATH="$ROOT/tests/benchmarks" "$PY" "$ROOT/tests/load/seed.py" \
    --flavour "$flavour" -c "$ROOT/odoo.conf" -d "$db" $DBOPTS)
  echo "$stamp" > "$STATE/load-$db.stamp"
}
seed "$DB" crm
seed "$BARE" bare
exec "$PY" "$ROOT/tests/load/run_load.py" --locust "$STATE/load-venv/bin/locust" \
  --db "$DB" --bare-db "$BARE" --users "${LOAD_USERS:-25,50,100}" \
  --seconds "${LOAD_SECONDS:-60}" --workers "${LOAD_WORKERS:-4}" --db-options "$DBOPTS" \
  --python "$PY"
