#!/usr/bin/env bash
# `make bench`: every tests/benchmarks/bench_*.py against a scratch copy of the test
# database (crm_bench). Each prints its figures and its naive baseline's. Not part of
# `make test`. One benchmark: scripts/bench.sh tests/benchmarks/bench_pool_cron.py
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/bootstrap.sh"
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
# shellcheck disable=SC2086
bash "$ROOT/scripts/prepare_db.sh" crm_test_tpl $DBOPTS
# shellcheck disable=SC2086
"$PY" "$ROOT/scripts/dbcopy.py" crm_test_tpl crm_bench $DBOPTS
if [ $# -gt 0 ]; then benches=("$@"); else benches=("$ROOT"/tests/benchmarks/bench_*.py); fi
for b in "${benches[@]}"; do
  say "Benchmark $(basename "$b")"
  # shellcheck disable=SC2086
  (cd "$ROOT" && PYTHONPATH="$ROOT/tests/benchmarks" "$PY" "$b" -c "$ROOT/odoo.conf" -d crm_bench $DBOPTS)
done
