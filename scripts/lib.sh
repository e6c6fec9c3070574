# Shared helpers for the project scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
STATE="$ROOT/.state"          # private PostgreSQL cluster, logs, pid files (ignored)
ARTIFACTS="$ROOT/artifacts"   # screenshots and test reports (ignored)
export PATH="$ROOT/node_modules/.bin:$PATH"

say()  { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die()  { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

# Every project module under addons/, comma separated.
project_modules() {
  local names=()
  for m in "$ROOT"/addons/*/__manifest__.py; do names+=("$(basename "$(dirname "$m")")"); done
  (IFS=,; echo "${names[*]}")
}

# The state folder and Odoo's sessions folder. Odoo creates the sessions folder on the
# first request, racily: two first requests at once get an HTTP 500 ("File exists").
make_state_dirs() { mkdir -p "$STATE" && mkdir -p -m 700 "$STATE/filestore/sessions"; }
