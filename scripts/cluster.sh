#!/usr/bin/env bash
# Several Odoo nodes behind nginx on this machine (README "Several servers"):
#   scripts/cluster.sh start [N]     N nodes (default 2) + nginx on CRM_CLUSTER_PORT (8080)
#   scripts/cluster.sh stop-node I   stop node I at once (SIGKILL, as a crash); start-node I
#   scripts/cluster.sh status | stop
# One PostgreSQL and one data_dir (.state/filestore: attachments and sessions) for all;
# crons and background jobs run on node 1 only; nginx routes /longpolling to the nodes' bus ports. The
# database is CRM_DB (default crm), made as `make run` makes it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DB="${CRM_DB:-crm}"
LISTEN="${CRM_CLUSTER_PORT:-8080}"
BASE="${CRM_CLUSTER_NODE_PORT:-18700}"     # node I: http BASE+10(I-1), bus +1
WORKERS="${CRM_CLUSTER_WORKERS:-2}"
DIR="$STATE/cluster"
mkdir -p "$DIR"

node_port() { echo $((BASE + 10 * ($1 - 1))); }
node_pid() { cat "$DIR/node-$1.pid" 2>/dev/null || true; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

start_node() {
  local i=$1 port; port=$(node_port "$1")
  alive "$(node_pid "$i")" && return 0
  # crons and queue_job's runner on node 1 only (two runners could start a job twice)
  local crons=0 jobs=root:0; [ "$i" = 1 ] && crons=1 && jobs="${ODOO_QUEUE_JOB_CHANNELS:-root:2}"
  # shellcheck disable=SC2086
  ODOO_QUEUE_JOB_CHANNELS="$jobs" nohup "$ROOT/scripts/odoo" -c "$ROOT/odoo.conf" $DBOPTS -d "$DB" --db-filter="^$DB\$" \
    --http-port="$port" --longpolling-port="$((port + 1))" --workers="$WORKERS" \
    --max-cron-threads="$crons" --proxy-mode --pidfile="$DIR/node-$i.pid" \
    --logfile="$DIR/node-$i.log" >/dev/null 2>&1 &
  for _ in $(seq 1 120); do
    "$PY" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/web/login', timeout=5)" \
      2>/dev/null && { say "node $i: http://127.0.0.1:$port (bus $((port + 1)), crons: $crons)"; return 0; }
    sleep 1
  done
  die "node $i did not answer on port $port; its log is $DIR/node-$i.log"
}

stop_node() {  # SIGKILL the node's master and its workers: a crash, nothing graceful
  local pid; pid=$(node_pid "$1")
  if alive "$pid"; then
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
    say "node $1 stopped (was pid $pid)"
  fi
  rm -f "$DIR/node-$1.pid"
}

write_nginx() {
  local n=$1 http="" bus="" i port
  for i in $(seq 1 "$n"); do
    port=$(node_port "$i")
    http+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
    bus+="    server 127.0.0.1:$((port + 1)) max_fails=1 fail_timeout=5s;"$'\n'
  done
  local site="$DIR/crm.conf"
  "$PY" - "$ROOT/deploy/nginx/crm.conf.template" "$site" "$LISTEN" "$http" "$bus" <<'PYEOF'
import sys
src, dst, listen, http, bus = sys.argv[1:6]
text = open(src).read().replace('@LISTEN@', '127.0.0.1:' + listen)
text = text.replace('@HTTP_SERVERS@', http.rstrip('\n')).replace('@LONGPOLLING_SERVERS@', bus.rstrip('\n'))
open(dst, 'w').write(text)
PYEOF
  mkdir -p "$DIR/nginx-tmp"
  cat > "$DIR/nginx.conf" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes 2;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log $DIR/nginx-access.log;
    client_body_temp_path $DIR/nginx-tmp/body;
    proxy_temp_path $DIR/nginx-tmp/proxy;
    fastcgi_temp_path $DIR/nginx-tmp/fastcgi;
    uwsgi_temp_path $DIR/nginx-tmp/uwsgi;
    scgi_temp_path $DIR/nginx-tmp/scgi;
    include $site;
}
CONF
}

ensure_nginx() {
  command -v nginx >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing nginx (Debian package nginx-light)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null) \
      || die "could not install nginx: apt-get install nginx-light"
  else
    die "nginx is not installed: sudo apt-get install nginx-light"
  fi
}

cmd="${1:-status}"
case "$cmd" in
  start)
    n="${2:-2}"
    bash "$ROOT/scripts/bootstrap.sh"
    DBOPTS=$(bash "$ROOT/scripts/pg.sh")
    make_state_dirs
    ensure_nginx
    # shellcheck disable=SC2086
    bash "$ROOT/scripts/prepare_db.sh" "$DB" $DBOPTS
    echo "$n" > "$DIR/nodes"
    for i in $(seq 1 "$n"); do start_node "$i"; done
    write_nginx "$n"
    if alive "$(cat "$DIR/nginx.pid" 2>/dev/null || true)"; then nginx -c "$DIR/nginx.conf" -s reload
    else nginx -c "$DIR/nginx.conf"; fi
    say "CRM on http://127.0.0.1:$LISTEN through nginx, $n nodes (logs in $DIR)" ;;
  start-node)
    DBOPTS=$(bash "$ROOT/scripts/pg.sh"); start_node "${2:?which node?}" ;;
  stop-node)
    stop_node "${2:?which node?}" ;;
  stop)
    for f in "$DIR"/node-*.pid; do [ -e "$f" ] || continue; i=${f##*/node-}; stop_node "${i%.pid}"; done
    if alive "$(cat "$DIR/nginx.pid" 2>/dev/null || true)"; then nginx -c "$DIR/nginx.conf" -s quit; fi
    say "cluster stopped" ;;
  status)
    for f in "$DIR"/node-*.pid; do [ -e "$f" ] || continue; echo "${f##*/}: $(cat "$f")"; done
    [ -f "$DIR/nginx.pid" ] && echo "nginx: $(cat "$DIR/nginx.pid")" || true ;;
  *) die "usage: scripts/cluster.sh start [N] | stop-node I | start-node I | status | stop" ;;
esac
