"""Where the time of the slowest request types goes (run by tests/load/run_load.py).

Replays, in-process on the load database, one recorded call of each named request type
(locustfile.py writes the first call of each type to CRM_LOAD_EXAMPLES) as the user who
made it, through odoo.api.call_kw as the RPC layer does, with the registry warm (as a
worker's) and the record cache cold (as each request's). Writes are rolled back.
Prints, per type: the median time of 3 runs, split into SQL (count and time of the
statements) and Python; its three slowest statements; the CRM methods that took the most
time with what they call (cProfile's cumulative time), and the functions that spent the
most time themselves.

    python tests/load/where_time_goes.py --examples FILE --names 'customers: search,...' \\
        -c odoo.conf -d crm_load [--db_host ...]
"""
import argparse
import cProfile
import json
import pstats
import re
import sys
import time

import odoo
from odoo.api import Environment
from odoo.sql_db import Cursor

RUNS = 3
_queries = []
_execute = Cursor.execute


def _timed_execute(self, query, params=None, log_exceptions=None):
    t0 = time.perf_counter()
    try:
        return _execute(self, query, params, log_exceptions)
    finally:
        _queries.append((time.perf_counter() - t0, query))


def short(sql, width=220):
    sql = re.sub(r'\s+', ' ', sql if isinstance(sql, str) else sql.decode())
    return sql if len(sql) <= width else sql[:width] + '...'


def replay(env, example):
    Model = env[example['model']]
    return odoo.api.call_kw(Model, example['method'], example['args'], example['kwargs'])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--examples', required=True)
    parser.add_argument('--names', required=True)
    args, rest = parser.parse_known_args()
    odoo.tools.config.parse_config(rest + ['--log-level=warn'])
    examples = {}
    try:
        with open(args.examples) as f:
            for line in f:
                ex = json.loads(line)
                examples.setdefault(ex['name'], ex)
    except FileNotFoundError:
        sys.exit('no recorded calls in %s' % args.examples)
    names = [n for n in args.names.split(',') if n in examples]
    registry = odoo.registry(odoo.tools.config['db_name'])
    Cursor.execute = _timed_execute
    print('\n== Where the time goes: the slowest request types of the largest run, replayed '
          'in-process (median of %d, cold record cache, warm registry) ==' % RUNS)
    with Environment.manage(), registry.cursor() as cr:
        cr.execute('SELECT login, id FROM res_users')
        uids = dict(cr.fetchall())
        for name in names:
            ex = examples[name]
            env = Environment(cr, uids[ex['login']], {})
            cr.execute('SAVEPOINT where_time_goes')
            replay(env, ex)                      # warm the registry's caches
            runs = []
            for _i in range(RUNS):
                env.cache.invalidate()
                del _queries[:]
                t0 = time.perf_counter()
                replay(env, ex)
                runs.append((time.perf_counter() - t0, sum(t for t, _q in _queries),
                             len(_queries), list(_queries)))
            runs.sort(key=lambda r: r[0])
            total, sql, count, queries = runs[len(runs) // 2]
            env.cache.invalidate()
            prof = cProfile.Profile()
            prof.enable()
            replay(env, ex)
            prof.disable()
            cr.execute('ROLLBACK TO SAVEPOINT where_time_goes')
            print('\n  %s (%s.%s as %s): %.0f ms = SQL %.0f ms in %d statements + Python %.0f ms'
                  % (name, ex['model'], ex['method'], ex['login'], total * 1000, sql * 1000,
                     count, (total - sql) * 1000))
            for seconds, query in sorted(queries, key=lambda q: -q[0])[:3]:
                print('    SQL %6.1f ms  %s' % (seconds * 1000, short(query)))
            stats = pstats.Stats(prof).stats
            # the CRM's own methods by time spent in them and below (what to look at
            # first), then the functions that spent most time themselves (SQL aside)
            ours = sorted(((k, v) for k, v in stats.items() if '/addons/crm_' in k[0]),
                          key=lambda kv: -kv[1][3])[:6]
            own = sorted(((k, v) for k, v in stats.items() if k[2] != "<method 'execute' of "
                          "'psycopg2.extensions.cursor' objects>"), key=lambda kv: -kv[1][2])[:4]
            for label, rows, col in (('CRM', ours, 3), ('Py', own, 2)):
                for (filename, line, func), values in rows:
                    where = re.sub(r'.*site-packages/', '', filename)
                    where = re.sub(r'.*/addons/', 'addons/', where)
                    print('    %-3s %6.1f ms  %7d calls  %s:%d %s' % (
                        label, values[col] * 1000, values[1], where, line, func))
        cr.rollback()


if __name__ == '__main__':
    main()
