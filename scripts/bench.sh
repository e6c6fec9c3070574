#!/usr/bin/env bash
# `make bench`: every tests/benchmarks/bench_*.py against a scratch copy of the test
# database (crm_bench). Each prints its figures and its naive baseline's. Not part of
# `make test`. One benchmark: scripts/bench.sh tests/benchmarks/bench_pool_cron.py
# Beside another checkout on the same PostgreSQL: CRM_TEST_DB=x (template x_tpl, as
# scripts/test.sh) and CRM_BENCH_DB=y (the scratch copy).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/bootstrap.sh"
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
TPL="${CRM_TEST_DB:-crm_test}_tpl"; DB="${CRM_BENCH_DB:-crm_bench}"
# shellcheck disable=SC2086
bash "$ROOT/scripts/prepare_db.sh" "$TPL" $DBOPTS
# shellcheck disable=SC2086
"$PY" "$ROOT/scripts/dbcopy.py" "$TPL" "$DB" $DBOPTS
if [ $# -gt 0 ]; then benches=("$@"); else benches=("$ROOT"/tests/benchmarks/bench_*.py); fi
for b in "${benches[@]}"; do
  say "Benchmark $(basename "$b")"
  # shellcheck disable=SC2086
  (cd "$ROOT" && PYTHONPATH="$ROOT/tests/benchmarks" "$PY" "$b" -c "$ROOT/odoo.conf" -d "$DB" $DBOPTS)
done
