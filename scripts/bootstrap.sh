#!/usr/bin/env bash
# Installs what the project needs, once: a CPython 3.7 venv with Odoo 11.0, the OCA
# addons and their pinned dependencies, lessc, wkhtmltopdf for PDF contracts (with
# --test also: headless Chromium and playwright-core). A second run checks a stamp
# and returns in well under a second.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
WITH_TEST=0; [ "${1:-}" = "--test" ] && WITH_TEST=1

find_python37() {
  if command -v python3.7 >/dev/null 2>&1 && python3.7 -c 'import sys; assert sys.version_info[:2]==(3,7)' 2>/dev/null; then
    command -v python3.7; return
  fi
  if command -v pyenv >/dev/null 2>&1; then
    local v; v=$(pyenv versions --bare 2>/dev/null | grep -E '^3\.7(\.|$)' | sort -V | tail -n1)
    if [ -n "$v" ] && [ -x "$(pyenv prefix "$v")/bin/python3.7" ]; then echo "$(pyenv prefix "$v")/bin/python3.7"; return; fi
  fi
  return 1
}

python_stamp() { cat "$ROOT/constraints.txt" "$ROOT/requirements.txt" "$ROOT/requirements-nodeps.txt" | sha1sum | cut -c1-16; }

# pip, quiet, without the warnings about extra index folders absent on this machine.
pip_install() {
  "$PY" -m pip install -q "$@" 2> >(grep -v 'is ignored: it is neither a file nor a directory' >&2)
}

install_python() {
  local want; want=$(python_stamp)
  if [ -f "$VENV/.stamp" ] && [ "$(cat "$VENV/.stamp")" = "$want" ]; then return; fi
  local py37; py37=$(find_python37) || die "Odoo 11.0 needs CPython 3.7: install it (e.g. 'pyenv install 3.7.16') so that python3.7 is on PATH, then run this again."
  say "Installing Odoo 11.0 and its dependencies into .venv (once, about 2 minutes)"
  [ -x "$PY" ] || "$py37" -m venv "$VENV"
  export PIP_CONSTRAINT="$ROOT/constraints.txt" PIP_DISABLE_PIP_VERSION_CHECK=1
  pip_install "pip<24" wheel "setuptools<58"
  pip_install -r "$ROOT/requirements.txt"
  pip_install --no-deps -r "$ROOT/requirements-nodeps.txt"
  echo "$want" > "$VENV/.stamp"
}

install_node() {
  # the files' contents only (sha1sum's output names the paths, which differ per checkout)
  local want; want=$(cat "$ROOT/package.json" "$ROOT/package-lock.json" 2>/dev/null | sha1sum | cut -c1-16)
  if [ -f "$ROOT/node_modules/.stamp" ] && [ "$(cat "$ROOT/node_modules/.stamp")" = "$want" ]; then return; fi
  command -v npm >/dev/null 2>&1 || die "Node.js and npm are needed for lessc (Odoo's stylesheets): install them (e.g. 'apt-get install nodejs npm') and run this again."
  say "Installing lessc and playwright-core into node_modules"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$ROOT/node_modules/.stamp"
}

install_chromium() {
  [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ] && return
  command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/opentype/noto ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian's chromium and a CJK font for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    die "The browser tests need Chromium: install it (e.g. 'sudo apt-get install chromium') or set CHROMIUM to its path."
  fi
}

# Printable contracts (QWeb -> PDF): Odoo calls wkhtmltopdf; Chinese needs a CJK font;
# the tests read the PDF back with poppler-utils (pdftotext, pdftoppm).
# Best effort: without it Odoo prints HTML instead of PDF, everything else works.
install_wkhtmltopdf() {
  command -v wkhtmltopdf >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 \
    && [ -d /usr/share/fonts/opentype/noto ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing wkhtmltopdf, a CJK font and poppler-utils (PDF contracts)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        wkhtmltopdf fonts-noto-cjk poppler-utils >/dev/null; } || say "wkhtmltopdf could not be installed: contracts print as HTML"
  else
    say "wkhtmltopdf is missing (e.g. 'sudo apt-get install wkhtmltopdf fonts-noto-cjk'): contracts print as HTML"
  fi
}

install_python
install_node
install_wkhtmltopdf
if [ "$WITH_TEST" = 1 ]; then install_chromium; fi
exit 0
