#!/usr/bin/env bash
# prepare_db.sh DB [db options]: create DB with every project module, demo data and
# zh_CN, or update the modules whose files changed since the last run (a hash of
# addons/ is kept per database). Nothing to do: returns in about a second.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB="$1"; shift
MODULES=$(project_modules)
STAMP="$STATE/db-$DB.stamp"
mkdir -p "$STATE"
addons_hash() { (cd "$ROOT" && find addons -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16); }

db_has_modules() {
  "$PY" - "$DB" "$@" <<'PYEOF'
import sys, psycopg2
db, args = sys.argv[1], sys.argv[2:]
kw = {a.split('=',1)[0][5:]: a.split('=',1)[1] for a in args if a.startswith('--db_')}
conn = dict(dbname=db, host=kw.get('host'), port=kw.get('port'), user=kw.get('user'), password=kw.get('password'))
try:
    c = psycopg2.connect(**{k: v for k, v in conn.items() if v})
except psycopg2.OperationalError:
    sys.exit(1)
cur = c.cursor()
cur.execute("select count(*) from ir_module_module where name='crm_sales' and state='installed'")
sys.exit(0 if cur.fetchone()[0] else 1)
PYEOF
}

want=$(addons_hash)
LOG="$STATE/odoo-$DB-install.log"
if db_has_modules "$@"; then
  if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then exit 0; fi
  say "Updating the project modules in database $DB"
  action=(-i "$MODULES" -u "$MODULES")   # -i picks up modules added since
else
  say "Creating database $DB with every module, demo data and zh_CN (about 2 minutes, once)"
  action=(-i "$MODULES" --load-language=zh_CN,en_US)
fi
: > "$LOG"
if ! "$ROOT/scripts/odoo" -c "$ROOT/odoo.conf" "$@" -d "$DB" "${action[@]}" --stop-after-init \
     --log-level=warn --logfile="$LOG"; then
  die "installing the modules into $DB failed; the log is $LOG"
fi
if grep -qE " (ERROR|CRITICAL) " "$LOG"; then
  grep -E " (ERROR|CRITICAL) " "$LOG" | head -n 5 >&2
  die "installing the modules into $DB logged errors; the log is $LOG"
fi
echo "$want" > "$STAMP"
