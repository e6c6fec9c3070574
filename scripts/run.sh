#!/usr/bin/env bash
# `make run`: install what is missing, make sure PostgreSQL runs, create or update the
# database with every project module and the demo data, then serve on 127.0.0.1:8069.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB="${CRM_DB:-crm}"
PORT="${CRM_PORT:-8069}"

bash "$ROOT/scripts/bootstrap.sh"
DBOPTS=$(bash "$ROOT/scripts/pg.sh")
make_state_dirs

port_busy() { "$PY" -c "import socket,sys; s=socket.socket(); sys.exit(0 if s.connect_ex(('127.0.0.1', $1))==0 else 1)"; }
if port_busy "$PORT"; then
  die "port $PORT on 127.0.0.1 is already in use (another 'make run'?): stop that server or set CRM_PORT to a free port."
fi

# shellcheck disable=SC2086
bash "$ROOT/scripts/prepare_db.sh" "$DB" $DBOPTS

# Mail: the SMTP server from CRM_SMTP_* (else odoo.conf's smtp_server); the sender domain,
# catch-all and base URL from CRM_MAIL_* / CRM_BASE_URL into the database; say where mail goes.
SMTPOPTS=()
if [ -n "${CRM_SMTP_SERVER:-}" ]; then
  SMTPOPTS+=(--smtp="$CRM_SMTP_SERVER" --smtp-port="${CRM_SMTP_PORT:-25}")
  [ -n "${CRM_SMTP_USER:-}" ] && SMTPOPTS+=(--smtp-user="$CRM_SMTP_USER" --smtp-password="${CRM_SMTP_PASSWORD:-}")
  [ -n "${CRM_SMTP_SSL:-}" ] && SMTPOPTS+=(--smtp-ssl)
fi
# shellcheck disable=SC2086
"$PY" "$ROOT/scripts/mail_config.py" "$DB" --conf "$ROOT/odoo.conf" --port "$PORT" $DBOPTS \
  || die "could not write the mail settings into $DB"

cat >&2 <<MSG

  CRM is starting at  http://127.0.0.1:$PORT   (database "$DB", XML-RPC at /xmlrpc/2/)
  Demo logins (password = login):
    lina, wangfang, liuyang  salespeople, 上海组        zhangwei  leader, 上海组
    heli                     salesperson, 杭州组        qianming  director of 华东大区
                                                        (上海组 + 杭州组)
    yanglei, zhaomin         salespeople, 华南销售部    chenjing  leader, 华南销售部
    sunqiang  sales manager    zhoutao  CRM administrator    wugang  executive (read only)
    gaokai  service manager   xuli, hejun  service agents   zhaoqiang  portal customer
    admin / admin            Odoo superuser
  Ctrl-C stops the server.

MSG
# background jobs (imports) two at a time; each in a worker process of its own when
# odoo.conf sets workers
export ODOO_QUEUE_JOB_CHANNELS="${ODOO_QUEUE_JOB_CHANNELS:-root:2}"
# shellcheck disable=SC2086
exec "$ROOT/scripts/odoo" -c "$ROOT/odoo.conf" $DBOPTS -d "$DB" --db-filter="^$DB\$" \
  --http-port="$PORT" --longpolling-port="$((PORT + 3))" --pidfile="$STATE/odoo-$PORT.pid" \
  ${SMTPOPTS[@]+"${SMTPOPTS[@]}"}
