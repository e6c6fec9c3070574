#!/usr/bin/env bash
# The container's command (docker-compose.yml): create or update database "crm" with
# every project module, the demo data and the languages through the same
# scripts/prepare_db.sh as `make run` and `make test`, then serve. The repository is
# mounted read-only at /mnt/crm; state (install log, hash of addons/) goes to the volume.
set -euo pipefail
export CRM_PYTHON="${CRM_PYTHON:-python3}" CRM_STATE_DIR="${CRM_STATE_DIR:-/var/lib/odoo/crm-state}"
OPTS=(--addons-path=/mnt/crm/addons,/mnt/oca-addons --data-dir=/var/lib/odoo
      --db_host="${HOST:-db}" --db_port="${PORT:-5432}" --db_user="${USER:-odoo}"
      --db_password="${PASSWORD:-odoo}")
DB="${CRM_DB:-crm}"
bash /mnt/crm/scripts/prepare_db.sh "$DB" "${OPTS[@]}"
exec bash /mnt/crm/scripts/odoo -c /mnt/crm/odoo.conf "${OPTS[@]}" -d "$DB" --db-filter="^$DB\$" \
  --http-interface=0.0.0.0
