#!/usr/bin/env bash
# `make failover`: two Odoo nodes behind nginx (scripts/cluster.sh) under the sales-floor
# load of tests/load/locustfile.py; node 2 is killed and brought back mid-run
# (tests/load/failover.py). CRM_DB (default crm_failover, a copy of the test template),
# FAILOVER_USERS (30), FAILOVER_SECONDS (90). Not part of `make test`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/bootstrap.sh"
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
install_load_tool
export CRM_DB="${CRM_DB:-crm_failover}"
TPL="${CRM_TEST_DB:-crm_test}_tpl"
# shellcheck disable=SC2086
bash "$ROOT/scripts/prepare_db.sh" "$TPL" $DBOPTS
# shellcheck disable=SC2086
"$PY" "$ROOT/scripts/dbcopy.py" "$TPL" "$CRM_DB" $DBOPTS
cp "$STATE/db-$TPL.stamp" "$STATE/db-$CRM_DB.stamp"
exec "$PY" "$ROOT/tests/load/failover.py" --locust "$STATE/load-venv/bin/locust" \
  --users "${FAILOVER_USERS:-30}" --seconds "${FAILOVER_SECONDS:-90}" --db-options "$DBOPTS"
