#!/usr/bin/env bash
# `make bench-growth`: how the reports' cost grows with the data (issue #27). Runs
# tests/benchmarks/bench_reports.py at today's size (1,000,000 leads) and then at
# CRM_BENCH_GROWTH times it (default 10: 10,000,000 leads and follow-ups, 2,000,000
# contracts, 5,000,000 payments, 1,000,000 customers), both without the naive ORM
# baselines (`make bench` has them at 1x), and prints each screen's growth factor and the
# hourly refreshes. About an hour and some 30 GB of disk at 10x (rolled back at the end).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/bootstrap.sh"
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
TPL="${CRM_TEST_DB:-crm_test}_tpl"; DB="${CRM_BENCH_DB:-crm_bench}"
GROWTH="${CRM_BENCH_GROWTH:-10}"
# shellcheck disable=SC2086
bash "$ROOT/scripts/prepare_db.sh" "$TPL" $DBOPTS
mkdir -p "$ARTIFACTS"
BASE="$ARTIFACTS/bench-reports-1x.json"
run() {  # run SCALE [VAR=value ...]
  local scale=$1; shift
  # shellcheck disable=SC2086
  "$PY" "$ROOT/scripts/dbcopy.py" "$TPL" "$DB" $DBOPTS
  say "Reports at ${scale}x"
  # shellcheck disable=SC2086
  (cd "$ROOT" && env PYTHONPATH="$ROOT/tests/benchmarks" CRM_BENCH_SCALE="$scale" CRM_BENCH_NAIVE=0 \
     CRM_BENCH_GOAL=1.0 "$@" "$PY" "$ROOT/tests/benchmarks/bench_reports.py" -c "$ROOT/odoo.conf" -d "$DB" $DBOPTS)
}
run 1 CRM_BENCH_SAVE="$BASE"
run "$GROWTH" CRM_BENCH_COMPARE="$BASE" CRM_BENCH_SAVE="$ARTIFACTS/bench-reports-${GROWTH}x.json"
