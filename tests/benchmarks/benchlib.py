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
import resource
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

    def __init__(self, label):
        self.label = label
        self.seconds = None
        self.peak_mib = None

    def __enter__(self):
        tracemalloc.start()
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._t0
        self.peak_mib = tracemalloc.get_traced_memory()[1] / 1048576.0
        tracemalloc.stop()
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
