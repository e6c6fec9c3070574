#!/usr/bin/env bash
# `make test`: the same bootstrap as `make run`, then every test, on a database and a port
# of their own (so it runs beside `make run`):
#   1. module tests (pytest-odoo) of every module under addons/, on a fresh copy of a
#      test database with every module and the demo data, in the background;
#   2. meanwhile, end-to-end suites under tests/e2e over XML-RPC against a server with
#      workers on another fresh copy, which sends its mail to a local SMTP sink
#      (tests/mailsink.py; the suites read it through tests/e2e/mail_sink.py);
#   3. then browser tests under tests/browser in headless Chromium (playwright-core).
# Usage: scripts/test.sh [module ...]   only those modules' tests (and no e2e/browser).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
set -e
TPL="${CRM_TEST_DB:-crm_test}_tpl"; DB="${CRM_TEST_DB:-crm_test}"
PORT="${CRM_TEST_PORT:-8169}"

bash "$ROOT/scripts/bootstrap.sh" --test
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
make_state_dirs
mkdir -p "$ARTIFACTS"
# shellcheck disable=SC2086
bash "$ROOT/scripts/prepare_db.sh" "$TPL" $DBOPTS

say "Copying $TPL to a fresh $DB"
# shellcheck disable=SC2086
"$PY" "$ROOT/scripts/dbcopy.py" "$TPL" "$DB" $DBOPTS

# write_conf FILE DB PORT LOGFILE: odoo.conf for one test database
write_conf() {
  { sed '/^\[options\]/q' "$ROOT/odoo.conf"; grep -vE '^\[options\]|^(db_name|dbfilter|http_port|longpolling_port)\b' "$ROOT/odoo.conf"
    for o in $DBOPTS; do k=${o%%=*}; k=${k#--}; echo "$k = ${o#*=}"; done
    echo "db_name = $2"; echo "dbfilter = ^$2\$"; echo "http_port = $3"; echo "longpolling_port = $(($3 + 3))"
    echo "logfile = $4"
  } > "$1"
}
CONF="$STATE/odoo-$DB.conf"
write_conf "$CONF" "$DB" "$PORT" "$STATE/odoo-$DB-server.log"

set +e
failed=()
# pytest-odoo needs the tests folders themselves (it looks for the manifest above them).
paths=()
if [ $# -gt 0 ]; then mods=("$@"); else mods=(); for d in "$ROOT"/addons/*/tests; do mods+=("$(basename "$(dirname "$d")")"); done; fi
for m in "${mods[@]}"; do paths+=("addons/$m/tests"); done
# module_tests CONF DB: every module's tests, each in a transaction rolled back at the end.
# timeout: in Odoo 11 a test class whose setUpClass fails leaves its cursor holding locks
# and the next class waits forever; a bounded run fails instead of hanging CI.
module_tests() {
  (cd "$ROOT" && timeout --kill-after=30 3000 "$VENV/bin/pytest" -p no:cacheprovider --odoo-config="$1" --odoo-database="$2" \
     --junitxml="$ARTIFACTS/module-tests-$2.xml" "${paths[@]}")
}
if [ $# -gt 0 ]; then
  say "Module tests (pytest-odoo): ${paths[*]}"
  module_tests "$CONF" "$DB" && exit 0 || exit 1
fi

# Everything: the module tests run on a copy of their own beside the end-to-end and
# browser tests (one of the two cores is idle during the module tests otherwise).
MDB="${DB}_modules"
# shellcheck disable=SC2086
"$PY" "$ROOT/scripts/dbcopy.py" "$TPL" "$MDB" $DBOPTS
MCONF="$STATE/odoo-$MDB.conf"
write_conf "$MCONF" "$MDB" "$((PORT + 10))" "$STATE/odoo-$MDB.log"
say "Module tests (pytest-odoo) on $MDB in the background (output below, at the end): ${paths[*]}"
module_tests "$MCONF" "$MDB" > "$STATE/module-tests-$DB.out" 2>&1 &
MODULES=$!

# A local SMTP sink (tests/mailsink.py) on a free port: the test server sends there and the
# e2e tests read what arrived (tests/e2e/mail_sink.py, CRM_MAILSINK_DIR).
SINK_DIR="$STATE/mailsink-$DB"; rm -rf "$SINK_DIR"; mkdir -p "$SINK_DIR"
rm -f "$SINK_DIR.port"
"$PY" "$ROOT/tests/mailsink.py" --dir "$SINK_DIR" --port-file "$SINK_DIR.port" > /dev/null &
SINK=$!
for _ in $(seq 50); do [ -s "$SINK_DIR.port" ] && break; sleep 0.1; done
[ -s "$SINK_DIR.port" ] || { echo "the SMTP sink did not start" >&2; kill $SINK; exit 1; }
{ echo "smtp_server = 127.0.0.1"; echo "smtp_port = $(cat "$SINK_DIR.port")"; } >> "$CONF"
# links in mails lead to the test server; the demo sender domain (yunfan-tech.cn) stays
# shellcheck disable=SC2086
CRM_BASE_URL="http://127.0.0.1:$PORT" "$PY" "$ROOT/scripts/mail_config.py" "$DB" --quiet $DBOPTS

say "Starting a test server on 127.0.0.1:$PORT (4 workers; mail to the sink on port $(cat "$SINK_DIR.port"))"
: > "$STATE/odoo-$DB-server.log"
"$ROOT/scripts/odoo" -c "$CONF" --workers=4 --max-cron-threads=0 --pidfile="$STATE/odoo-$DB.pid" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; kill $MODULES 2>/dev/null; kill $SINK 2>/dev/null' EXIT
export CRM_URL="http://127.0.0.1:$PORT" CRM_DB="$DB" CRM_ODOO_CONF="$CONF" CRM_ARTIFACTS="$ARTIFACTS" CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
export CRM_MAILSINK_DIR="$SINK_DIR"
for _ in $(seq 120); do
  "$PY" -c "import xmlrpc.client,os; xmlrpc.client.ServerProxy(os.environ['CRM_URL']+'/xmlrpc/2/common').version()" 2>/dev/null && break
  kill -0 $SERVER 2>/dev/null || { echo "test server died, see $STATE/odoo-$DB-server.log" >&2; exit 1; }
  sleep 1
done

say "End-to-end tests over XML-RPC (tests/e2e)"
# bounded against a hang, not a budget: the guard fuzz alone calls every public method of
# every project model as five roles (some 25,000 calls with the #26 modules)
(cd "$ROOT" && timeout --kill-after=30 2700 "$VENV/bin/pytest" -p no:cacheprovider -p no:odoo --junitxml="$ARTIFACTS/e2e-tests.xml" tests/e2e)
rc=$?; [ $rc -ne 0 ] && failed+=("e2e tests")

say "Browser tests in headless Chromium (tests/browser)"
# --test-timeout bounds each test file as a whole (node 20 runs a file in a process of its
# own): 15 min for the crawler's seven roles, each role bounded by the crawler itself
(cd "$ROOT" && timeout --kill-after=30 1800 node --test --test-timeout=900000 --test-reporter=spec tests/browser/) \
  2>&1 | tee "$STATE/browser-tests-$DB.out"
rc=${PIPESTATUS[0]}; [ $rc -ne 0 ] && failed+=("browser tests")

say "Module tests (pytest-odoo), run beside the others:"
wait $MODULES
rc=$?
cat "$STATE/module-tests-$DB.out"
[ $rc -ne 0 ] && failed+=("module tests")

# (With workers, /longpolling/poll answered by an HTTP worker logs "bus.Bus unavailable":
# there is no proxy in front routing it to the gevent port; that one is expected.)
server_errors() { grep -E " (ERROR|CRITICAL) " "$STATE/odoo-$DB-server.log" | grep -v "Exception during JSON request handling" ; }
if [ -n "$(server_errors)" ]; then
  say "Server errors logged during the tests (from $STATE/odoo-$DB-server.log):"
  server_errors | head -n 20 >&2
fi
# a failed browser test's error, again at the end (CI shows the end of the output)
if [[ " ${failed[*]} " == *" browser tests "* ]]; then
  say "Browser tests that failed (from $STATE/browser-tests-$DB.out):"
  sed -n '/^✖ failing tests:/,$p' "$STATE/browser-tests-$DB.out" | head -n 80 >&2
fi
if [ ${#failed[@]} -gt 0 ]; then
  printf '\033[31mFAILED: %s\033[0m\n' "${failed[*]}" >&2; exit 1
fi
say "All tests passed"
