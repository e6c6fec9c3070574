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
cur.execute("select name from ir_module_module where state='installed'")
installed = {r[0] for r in cur.fetchall()}
if 'crm_sales' not in installed:
    sys.exit(1)
print(','.join(sorted(installed)))
PYEOF
}

want=$(addons_hash)
new=()
LOG="$STATE/odoo-$DB-install.log"
if installed=$(db_has_modules "$@"); then
  if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then exit 0; fi
  say "Updating the project modules in database $DB"
  # -u the installed ones; -i only those added since (-i on an installed module would
  # load it in "init" mode again, demo data included).
  upd=()
  for m in ${MODULES//,/ }; do
    if [[ ",$installed," == *",$m,"* ]]; then upd+=("$m"); else new+=("$m"); fi
  done
  # --i18n-overwrite: a corrected msgstr in a zh_CN.po replaces the one the database holds
  action=(-u "$(IFS=,; echo "${upd[*]}")" --i18n-overwrite)
  [ ${#new[@]} -gt 0 ] && action+=(-i "$(IFS=,; echo "${new[*]}")")
else
  say "Creating database $DB with every module, demo data and zh_CN (about 2 minutes, once)"
  action=(-i "$MODULES" --load-language="$CRM_LANGUAGES")
fi
: > "$LOG"
if ! "$ROOT/scripts/odoo" -c "$ROOT/odoo.conf" "$@" -d "$DB" "${action[@]}" --stop-after-init \
     --log-level=warn --logfile="$LOG"; then
  die "installing the modules into $DB failed; the log is $LOG"
fi
# When an installed module gains a dependency (crm_contract on crm_approval), Odoo loads
# the installed ones first and logs "Unmet dependencies" for them before it installs the
# new module in the same run: not an error of that run.
errors() {
  if [ ${#new[@]} -gt 0 ]; then grep -E " (ERROR|CRITICAL) " "$LOG" | grep -vE " odoo\.modules\.graph: module [a-z0-9_]+: Unmet dependencies: "
  else grep -E " (ERROR|CRITICAL) " "$LOG"; fi
}
if errors >/dev/null; then
  errors | head -n 5 >&2
  die "installing the modules into $DB logged errors; the log is $LOG"
fi
echo "$want" > "$STAMP"
