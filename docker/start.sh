#!/usr/bin/env bash
# The command of each Odoo node in docker-compose.yml. Node 1 (CRM_NODE=1) creates or
# updates database "crm" with every project module, the demo data and the languages
# through the same scripts/prepare_db.sh as `make run` and `make test`, and runs the
# crons and background jobs; the other nodes wait until that is done and serve without
# either. The repository is mounted read-only at /mnt/crm; attachments, sessions and the
# install state live in the shared volume /var/lib/odoo.
set -euo pipefail
export CRM_PYTHON="${CRM_PYTHON:-python3}" CRM_STATE_DIR="${CRM_STATE_DIR:-/var/lib/odoo/crm-state}"
source /mnt/crm/scripts/lib.sh
OPTS=(--addons-path=/mnt/crm/addons,/mnt/oca-addons --data-dir=/var/lib/odoo
      --db_host="${HOST:-db}" --db_port="${PORT:-5432}" --db_user="${USER:-odoo}"
      --db_password="${PASSWORD:-odoo}")
DB="${CRM_DB:-crm}"
NODE="${CRM_NODE:-1}"
if [ "$NODE" = 1 ]; then
  bash /mnt/crm/scripts/prepare_db.sh "$DB" "${OPTS[@]}"
  CRONS="${CRM_CRON_THREADS:-1}"
else
  want=$(addons_hash)
  until [ "$(cat "$STATE/db-$DB.stamp" 2>/dev/null)" = "$want" ]; do
    say "node $NODE: waiting for node 1 to prepare database $DB"; sleep 10
  done
  CRONS=0
  # queue_job's runner, like the crons, on node 1 only: two runners could start a job twice
  export ODOO_QUEUE_JOB_CHANNELS=root:0
fi
exec bash /mnt/crm/scripts/odoo -c /mnt/crm/odoo.conf "${OPTS[@]}" -d "$DB" --db-filter="^$DB\$" \
  --http-interface=0.0.0.0 --proxy-mode --workers="${CRM_WORKERS:-2}" --max-cron-threads="$CRONS"
