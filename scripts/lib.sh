# Shared helpers for the project scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
# The container (docker/start.sh) runs these scripts with the image's python and a
# writable state folder of its own; everywhere else the venv and .state/.
PY="${CRM_PYTHON:-$VENV/bin/python}"
STATE="${CRM_STATE_DIR:-$ROOT/.state}"   # private PostgreSQL cluster, logs, pid files (ignored)
ARTIFACTS="$ROOT/artifacts"   # screenshots and test reports (ignored)
export PATH="$ROOT/node_modules/.bin:$PATH"

say()  { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die()  { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# What a CRM database holds, in one place: `make run`, `make test` and the container all
# create theirs through scripts/prepare_db.sh, which reads these two (and
# tests/e2e/test_deploy_config.py fails when a database or the container disagrees).
# The languages loaded into a new database:
CRM_LANGUAGES="zh_CN,en_US"
# Every project module under addons/, comma separated.
project_modules() {
  local names=()
  for m in "$ROOT"/addons/*/__manifest__.py; do names+=("$(basename "$(dirname "$m")")"); done
  (IFS=,; echo "${names[*]}")
}

# A hash of addons/: prepare_db.sh keeps it per database (.state/db-<db>.stamp) and updates
# the modules when it changes.
addons_hash() { (cd "$ROOT" && find addons -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16); }

# The state folder and Odoo's sessions folder. Odoo creates the sessions folder on the
# first request, racily: two first requests at once get an HTTP 500 ("File exists").
make_state_dirs() { mkdir -p "$STATE" && mkdir -p -m 700 "$STATE/filestore/sessions"; }

# locust (tests/load/requirements.txt) in a venv of its own: its pins clash with Odoo 11's
install_load_tool() {
  local venv="$STATE/load-venv"
  if ! "$venv/bin/python" -m pip freeze 2>/dev/null | grep -qxF "$(grep -v '^#' "$ROOT/tests/load/requirements.txt")"; then
    say "Installing the load tool (tests/load/requirements.txt) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r "$ROOT/tests/load/requirements.txt"
  fi
}
