#!/usr/bin/env bash
# i18n_export.sh MODULE [DB]: refresh addons/MODULE/i18n/zh_CN.po from a database that has
# the module installed (default: crm_test_tpl, built by make test). Terms already
# translated keep their msgstr; new ones come with an empty msgstr to fill in.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
MODULE="$1"; DB="${2:-crm_test_tpl}"
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
# shellcheck disable=SC2086
"$ROOT/scripts/odoo" -c "$ROOT/odoo.conf" $DBOPTS -d "$DB" -l zh_CN --modules="$MODULE" \
  --i18n-export="$ROOT/addons/$MODULE/i18n/zh_CN.po" --log-level=warn
say "Exported addons/$MODULE/i18n/zh_CN.po ($(grep -c '^msgid ' "$ROOT/addons/$MODULE/i18n/zh_CN.po") terms, $(grep -c '^msgstr ""$' "$ROOT/addons/$MODULE/i18n/zh_CN.po") empty)"
# the template of the module's terms (no language): the tests compare it with the code
# shellcheck disable=SC2086
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$ROOT/scripts/odoo" -c "$ROOT/odoo.conf" $DBOPTS -d "$DB" --modules="$MODULE" \
  --i18n-export="$tmp/$MODULE.po" --log-level=warn
mv "$tmp/$MODULE.po" "$ROOT/addons/$MODULE/i18n/$MODULE.pot"
say "Exported addons/$MODULE/i18n/$MODULE.pot"
