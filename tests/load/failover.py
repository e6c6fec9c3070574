"""Fail-over: the sales floor keeps working when one of two Odoo nodes dies.

    make failover   (scripts/failover.sh: the cluster, then this with the load venv's locust)

Runs tests/load/locustfile.py through nginx against two nodes (scripts/cluster.sh), kills
node 2 (SIGKILL, as a crash) a third of the way in, brings it back at two thirds, and then
checks what the issue asks:
  - only requests in flight when the node died may fail (a failure that started after the
    kill, or ended before it, is a fault);
  - nobody is logged out (sessions live in the shared data_dir);
  - no data lost: every follow-up and lead the server confirmed is in the database;
  - node 2 serves again after it is back.
Prints the figures (requests, failures, p50/p95/p99) and exits 1 when a check fails.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

import psycopg2

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cluster(*args, env=None):
    subprocess.check_call(['bash', os.path.join(ROOT, 'scripts', 'cluster.sh')] + list(args),
                          env=env)


def node_requests(log_path, since):
    """Requests a node's log shows after `since` (werkzeug lines carry the time)."""
    count = 0
    if not os.path.exists(log_path):
        return 0
    with open(log_path, errors='replace') as f:
        for line in f:
            if 'werkzeug' in line and '"POST ' in line:
                try:
                    stamp = time.mktime(time.strptime(line[:19], '%Y-%m-%d %H:%M:%S'))
                except ValueError:
                    continue
                count += stamp >= since
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--locust', required=True, help='the locust executable')
    parser.add_argument('--users', type=int, default=30)
    parser.add_argument('--seconds', type=int, default=90)
    parser.add_argument('--db-options', default='')
    args = parser.parse_args()
    db = os.environ.get('CRM_DB', 'crm')
    port = os.environ.get('CRM_CLUSTER_PORT', '8080')
    work = tempfile.mkdtemp(prefix='crm-failover-')
    writes, failures = os.path.join(work, 'writes.log'), os.path.join(work, 'failures.log')
    env = dict(os.environ, CRM_DB=db, CRM_LOAD_WRITES=writes, CRM_LOAD_FAILURES=failures)

    cluster('start', '2', env=env)
    locust = subprocess.Popen(
        [args.locust, '-f', os.path.join(ROOT, 'tests', 'load', 'locustfile.py'), '--headless',
         '-u', str(args.users), '-r', str(max(1, args.users // 5)), '-t', '%ds' % args.seconds,
         '--host', 'http://127.0.0.1:%s' % port, '--csv', os.path.join(work, 'run'),
         '--only-summary'], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        universal_newlines=True)
    time.sleep(args.seconds / 3.0)
    killed_at = time.time()
    cluster('stop-node', '2', env=env)
    time.sleep(args.seconds / 3.0)
    back_at = time.time()
    cluster('start-node', '2', env=env)
    output, _ = locust.communicate(timeout=args.seconds * 3 + 120)
    cluster('stop', env=env)

    faults, in_flight = [], []
    if os.path.exists(failures):
        with open(failures) as f:
            for line in f:
                failure = json.loads(line)
                if failure['type'] == 'SESSION':
                    continue  # counted as "logged out" below
                (in_flight if failure['start'] - 0.5 <= killed_at <= failure['end'] + 0.5
                 else faults).append(failure)
    logged_out = 0
    for line in output.splitlines():
        if line.startswith('{"logged_out"'):
            logged_out = json.loads(line)['logged_out']

    confirmed = {}
    if os.path.exists(writes):
        with open(writes) as f:
            for line in f:
                model, rid = line.split()
                confirmed.setdefault(model, set()).add(int(rid))
    opts = dict(o[5:].split('=', 1) for o in args.db_options.split() if o.startswith('--db_'))
    conn = psycopg2.connect(dbname=db, **opts)
    missing = {}
    with conn.cursor() as cr:
        for model, ids in confirmed.items():
            cr.execute('SELECT id FROM "%s" WHERE id IN %%s' % model.replace('.', '_'),
                       (tuple(ids),))
            missing[model] = len(ids - {r[0] for r in cr.fetchall()})
    conn.close()

    with open(os.path.join(work, 'run_stats.csv')) as f:
        total = [row for row in csv.DictReader(f) if row['Name'] == 'Aggregated'][0]
    served_after = node_requests(os.path.join(ROOT, '.state', 'cluster', 'node-2.log'), back_at + 2)

    print('\n== Fail-over: %d users for %d s through nginx, node 2 killed at %d s, back at %d s =='
          % (args.users, args.seconds, args.seconds // 3, 2 * args.seconds // 3))
    print('  requests %s, failures %s (%.2f %%): %d in flight when node 2 died, %d other'
          % (total['Request Count'], total['Failure Count'],
             100.0 * int(total['Failure Count']) / max(1, int(total['Request Count'])),
             len(in_flight), len(faults)))
    print('  p50 %s ms, p95 %s ms, p99 %s ms, %.1f requests/s'
          % (total['50%'], total['95%'], total['99%'], float(total['Requests/s'])))
    print('  logged out: %d; confirmed writes %s, missing from the database %s'
          % (logged_out, {m: len(i) for m, i in confirmed.items()}, missing))
    print('  node 2 served %d requests after it came back' % served_after)
    for failure in faults[:10]:
        print('  FAULT: %(name)s: %(error)s' % failure)
    ok = not faults and not logged_out and not any(missing.values()) and served_after > 0 \
        and sum(len(i) for i in confirmed.values()) > 0
    print('  result: %s (details in %s)' % ('PASS' if ok else 'FAIL', work))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
