"""The sales floor under load, at the size of a real company, against bare Odoo CRM.

    make load   (scripts/load.sh: the databases, the load tool, then this)

For each flavour -- the CRM (crm_load: every module, tests/load/seed.py's data) and bare
Odoo CRM (crm_load_bare: only `crm`, the same data shape) -- one server in the
production configuration (workers, --proxy-mode, no cron thread: crons would compete
with the users being measured) runs on localhost; a short warm-up fills every worker's
caches; then locust (tests/load/locustfile.py, locustfile_bare.py) runs each user count
for the same time. Printed for each user count: throughput and error rate of each
flavour, p50 / p95 / p99 per request type side by side, the ratio CRM / bare Odoo per
request type both have, and the overhead over all of them (mean response time of the
shared types, weighted by the CRM run's counts). Then tests/load/where_time_goes.py replays
the request types that took most of the server's time in the smallest run in-process:
where their time goes (Python vs SQL, the slowest statements, the hottest functions). Prints figures; asserts nothing about time.
"""
import argparse
import csv
import json
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
INTERACTIVE_GOAL_MS = 1000


def start_server(db, port, workers, db_options, logfile, bare):
    cmd = [os.path.join(ROOT, 'scripts', 'odoo'), '-c', os.path.join(ROOT, 'odoo.conf'),
           '-d', db, '--db-filter=^%s$' % db, '--http-port=%d' % port,
           '--longpolling-port=%d' % (port + 1), '--workers=%d' % workers,
           '--max-cron-threads=0', '--proxy-mode', '--logfile=%s' % logfile,
           '--log-level=warn'] + shlex.split(db_options)
    if bare:
        cmd.append('--load=base,web')
    env = dict(os.environ, ODOO_QUEUE_JOB_CHANNELS='root:0')
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    for _ in range(180):
        try:
            urllib.request.urlopen('http://127.0.0.1:%d/web/login' % port, timeout=5)
            return proc
        except Exception:
            if proc.poll() is not None:
                sys.exit('the %s server stopped; its log is %s' % (db, logfile))
            time.sleep(1)
    stop_server(proc)
    sys.exit('the %s server did not answer; its log is %s' % (db, logfile))


def stop_server(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except Exception:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def run_locust(locust, locustfile, port, db, users, seconds, prefix, extra_env=None):
    env = dict(os.environ, CRM_DB=db, **(extra_env or {}))
    cmd = [locust, '-f', locustfile, '--headless', '--host', 'http://127.0.0.1:%d' % port,
           '-u', str(users), '-r', str(max(1, users // 10)), '-t', '%ds' % seconds,
           '--csv', prefix, '--only-summary', '--stop-timeout', '20', '--loglevel', 'ERROR']
    subprocess.run(cmd, env=env, cwd=HERE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return read_stats(prefix + '_stats.csv')


def read_stats(path):
    """{request name: {count, failures, p50, p95, p99, rps}}, with 'Aggregated'."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for row in csv.DictReader(f):
            name = row['Name']
            out[name] = {
                'count': int(row['Request Count']), 'failures': int(row['Failure Count']),
                'p50': float(row['50%'] or 0), 'p95': float(row['95%'] or 0),
                'p99': float(row['99%'] or 0), 'mean': float(row['Average Response Time'] or 0),
                'rps': float(row['Requests/s'] or 0)}
    return out


def interactive(name):
    return not name.startswith('xmlrpc') and name != 'Aggregated'


def print_step(users, seconds, crm, bare):
    print('\n== %d users, %d s each ==' % (users, seconds))
    for label, stats in (('CRM', crm), ('bare Odoo CRM', bare)):
        agg = stats.get('Aggregated', {})
        if agg:
            print('  %-14s %6d requests, %5.1f req/s, %d failures (%.2f %%), p50 %d ms, '
                  'p95 %d ms, p99 %d ms' % (
                      label, agg['count'], agg['rps'], agg['failures'],
                      100.0 * agg['failures'] / max(agg['count'], 1), agg['p50'], agg['p95'],
                      agg['p99']))
    print('  %-28s %7s %6s %6s %6s | %7s %6s %6s %6s | %6s %6s' % (
        'request (ms)', 'n', 'p50', 'p95', 'p99', 'bare n', 'p50', 'p95', 'p99',
        'x p50', 'x p95'))
    shared_crm = shared_bare = 0.0
    worst = (0, None)
    for name in sorted(n for n in crm if n != 'Aggregated'):
        c, b = crm[name], bare.get(name)
        line = '  %-28s %7d %6d %6d %6d' % (name[:28], c['count'], c['p50'], c['p95'], c['p99'])
        if b and b['count']:
            line += ' | %7d %6d %6d %6d | %5.1fx %5.1fx' % (
                b['count'], b['p50'], b['p95'], b['p99'], c['p50'] / max(b['p50'], 1),
                c['p95'] / max(b['p95'], 1))
            shared_crm += c['mean'] * c['count']
            shared_bare += b['mean'] * c['count']
        else:
            line += ' | %7s' % '-'
        if c['failures']:
            line += '  %d failed' % c['failures']
        if interactive(name) and c['p95'] > worst[0]:
            worst = (c['p95'], name)
        print(line)
    overhead = shared_crm / shared_bare if shared_bare else float('nan')
    print('  overhead on the request types both have (mean time, CRM counts): %.2fx' % overhead)
    print('  slowest interactive p95: %s, %d ms (goal < %d ms: %s)' % (
        worst[1], worst[0], INTERACTIVE_GOAL_MS,
        'holds' if worst[0] < INTERACTIVE_GOAL_MS else 'NOT MET'))
    return overhead


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--locust', required=True)
    parser.add_argument('--users', default='25,50,100')
    parser.add_argument('--seconds', type=int, default=60)
    parser.add_argument('--workers', type=int, default=4)
    parser.add_argument('--db', default='crm_load')
    parser.add_argument('--bare-db', default='crm_load_bare')
    parser.add_argument('--db-options', default='')
    parser.add_argument('--port', type=int, default=18900)
    parser.add_argument('--python', default=sys.executable)
    args = parser.parse_args()
    counts = [int(u) for u in args.users.split(',')]
    work = tempfile.mkdtemp(prefix='crm-load-')
    examples = os.path.join(work, 'examples.jsonl')
    results = {}
    print('Load: %s users, %d s each, %d workers, CRM %s vs bare Odoo %s; files in %s' % (
        args.users, args.seconds, args.workers, args.db, args.bare_db, work))
    for flavour, db, locustfile in (('crm', args.db, 'locustfile.py'),
                                    ('bare', args.bare_db, 'locustfile_bare.py')):
        proc = start_server(db, args.port, args.workers, args.db_options,
                            os.path.join(work, '%s-server.log' % flavour), flavour == 'bare')
        try:
            run_locust(args.locust, locustfile, args.port, db, 10, 20,
                       os.path.join(work, '%s-warmup' % flavour))
            for users in counts:
                extra = {'CRM_LOAD_EXAMPLES': examples} if flavour == 'crm' else {}
                results[flavour, users] = run_locust(
                    args.locust, locustfile, args.port, db, users, args.seconds,
                    os.path.join(work, '%s-%d' % (flavour, users)), extra)
                agg = results[flavour, users].get('Aggregated', {})
                print('  %s, %d users: %d requests, %d failures' % (
                    flavour, users, agg.get('count', 0), agg.get('failures', 0)), flush=True)
        finally:
            stop_server(proc)
    overheads = {}
    for users in counts:
        overheads[users] = print_step(users, args.seconds, results['crm', users],
                                      results['bare', users])
    print('\n== Summary ==')
    for users in counts:
        agg = results['crm', users].get('Aggregated', {})
        print('  %3d users: CRM %5.1f req/s, %d errors, p95 %d ms; overhead %.2fx bare Odoo'
              % (users, agg.get('rps', 0), agg.get('failures', 0), agg.get('p95', 0),
                 overheads[users]))
    # where the time goes: the request types that took most of the server's time in the
    # smallest run (count x mean, before the machine saturates), replayed one by one
    first = results['crm', counts[0]]
    slowest = sorted((n for n in first if n not in ('Aggregated', 'login', 'xmlrpc: login')),
                     key=lambda n: -first[n]['count'] * first[n]['mean'])[:5]
    print('\n== Server time by request type, %d users: %s ==' % (counts[0], ', '.join(
        '%s %.0f s' % (n, first[n]['count'] * first[n]['mean'] / 1000.0) for n in slowest)))
    with open(os.path.join(work, 'slowest.json'), 'w') as f:
        json.dump(slowest, f)
    subprocess.call([args.python, os.path.join(HERE, 'where_time_goes.py'), '--examples', examples,
                     '--names', ','.join(slowest), '-c', os.path.join(ROOT, 'odoo.conf'),
                     '-d', args.db] + shlex.split(args.db_options), cwd=ROOT)


if __name__ == '__main__':
    main()
