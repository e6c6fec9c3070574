"""Helpers for the benchmarks: open an Odoo environment on a database as a library
(no server), time code, print figures in one format.

A benchmark is a script tests/benchmarks/bench_<name>.py with a main() that receives the
database options on its command line (scripts/bench.sh passes them):
    python tests/benchmarks/bench_x.py -d crm_bench --db_host=... --db_user=...
It builds its own data (inside a transaction it rolls back, or in a scratch database),
runs the optimised path and a naive baseline in the same run, and prints both.
Benchmarks never assert wall-clock times; they print them.
"""
import contextlib
import os
import resource
import statistics
import sys
import time
import tracemalloc

import odoo
from odoo.api import Environment


@contextlib.contextmanager
def odoo_env(argv=None, rollback=True):
    """Yield (env, cr) for the database named in argv (-d DB and --db_* options)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    odoo.tools.config.parse_config(argv + ['--log-level=warn'])
    dbname = odoo.tools.config['db_name']
    registry = odoo.registry(dbname)
    with Environment.manage(), registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            yield env
        finally:
            if rollback:
                cr.rollback()


class Measure(object):
    """with Measure('label') as m: ...   ->  m.seconds, m.peak_mib (Python heap peak)."""

    def __init__(self, label, trace=True):
        self.label = label
        self.trace = trace   # tracemalloc slows allocation-heavy code down: off for wall time
        self.seconds = None
        self.peak_mib = None

    def __enter__(self):
        if self.trace:
            tracemalloc.start()
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._t0
        if self.trace:
            self.peak_mib = tracemalloc.get_traced_memory()[1] / 1048576.0
            tracemalloc.stop()
        else:
            self.peak_mib = float('nan')
        return False


def report(title, rows, baseline_label, fast_label):
    """Print a small table and the speed-up of fast over baseline."""
    by = {m.label: m for m in rows}
    print('\n== %s ==' % title)
    for m in rows:
        print('  %-44s %9.3f s   peak Python heap %8.1f MiB' % (m.label, m.seconds, m.peak_mib))
    ratio = by[baseline_label].seconds / max(by[fast_label].seconds, 1e-9)
    print('  speed-up of "%s" over "%s": %.1fx' % (fast_label, baseline_label, ratio))
    print('  process max RSS: %.0f MiB' % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0))
    return ratio


def measure(env, label, func, runs=5):
    """A Measure whose seconds are the median of ``runs`` cold-cache runs (timed without
    tracemalloc) and whose peak heap comes from one more, traced, run; .runs has every
    time and .result the function's answer."""
    times = []
    for _i in range(runs):
        env.cache.invalidate()
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    env.cache.invalidate()
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1] / 1048576.0
    tracemalloc.stop()
    m = Measure(label)
    m.seconds, m.peak_mib, m.runs, m.result = statistics.median(times), peak, times, result
    return m


def insert_customers(env, count, owners, prefix):
    """``count`` CRM customers named ``prefix`` + number, owned in turn by ``owners`` (a
    list of (user id, team id)), inserted with one SQL statement; their sorted ids."""
    cr = env.cr
    params = {'company': env.ref('base.main_company').id, 'n_cust': count,
              'uids': [u for u, _t in owners], 'teams': [t for _u, t in owners],
              'n_owners': len(owners), 'prefix': prefix + ' ',
              'normalized': prefix.replace(' ', '').lower()}
    cr.execute("""
        INSERT INTO res_partner (name, display_name, active, is_company, customer, type, company_id,
                                 user_id, team_id, crm_owner_id, crm_team_id, is_crm_customer,
                                 is_crm_scoped, name_normalized, lang, create_date, write_date,
                                 create_uid, write_uid)
        SELECT %(prefix)s || g, %(prefix)s || g, true, true, true, 'contact',
               %(company)s, o.uid, o.team, o.uid, o.team, true, true, %(normalized)s || g,
               'zh_CN', now(), now(), 1, 1
          FROM generate_series(0, %(n_cust)s - 1) g
          JOIN (SELECT row_number() OVER () - 1 AS k, uid, team
                  FROM unnest(%(uids)s::int[], %(teams)s::int[]) AS t(uid, team)) o
            ON o.k = g %% %(n_owners)s
        RETURNING id""", params)
    ids = sorted(r[0] for r in cr.fetchall())
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", (ids,))
    return ids


def bench_argv():
    """The command line's database options, with ``-d crm_bench`` (or $CRM_BENCH_DB) when
    none is given; moves to the repository root, which odoo.conf's paths are relative to."""
    os.chdir(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    argv = sys.argv[1:]
    if not any(a == '-d' or a.startswith('--database') for a in argv):
        argv += ['-d', os.environ.get('CRM_BENCH_DB', 'crm_bench')]
    return argv
