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
import re
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
    # the id is drawn first so that commercial_partner_id (the customer itself) is set by
    # the INSERT: a second UPDATE would rewrite every row and its 30 index entries
    cr.execute("""
        INSERT INTO res_partner (id, commercial_partner_id, name, display_name, active,
                                 is_company, customer, type, company_id,
                                 user_id, team_id, crm_owner_id, crm_team_id, is_crm_customer,
                                 is_crm_scoped, name_normalized, lang, create_date, write_date,
                                 create_uid, write_uid)
        SELECT s.id, s.id, %(prefix)s || s.g, %(prefix)s || s.g, true, true, true, 'contact',
               %(company)s, o.uid, o.team, o.uid, o.team, true, true, %(normalized)s || s.g,
               'zh_CN', now(), now(), 1, 1
          FROM (SELECT nextval('res_partner_id_seq') AS id, g
                  FROM generate_series(0, %(n_cust)s - 1) g) s
          JOIN (SELECT row_number() OVER () - 1 AS k, uid, team
                  FROM unnest(%(uids)s::int[], %(teams)s::int[]) AS t(uid, team)) o
            ON o.k = s.g %% %(n_owners)s
        RETURNING id""", params)
    return sorted(r[0] for r in cr.fetchall())


def with_lead_scores(insert_sql):
    """``INSERT INTO crm_lead (columns) SELECT ...`` as the ORM does it with crm_scoring
    installed: each lead gets its (empty) ``crm_lead_score`` row in the same statement
    (the foreign key is checked at its end). The statement returns the leads' ids."""
    head, rest = insert_sql.split('(', 1)
    assert head.split() == ['INSERT', 'INTO', 'crm_lead'], head
    columns, select = rest.split(')', 1)
    assert select.lstrip().startswith('SELECT '), select[:40]
    select = select.replace('SELECT ', "SELECT nextval('crm_lead_score_id_seq'), ", 1)
    return """WITH l AS (INSERT INTO crm_lead (score_id, {columns}) {select} RETURNING id, score_id),
                   k AS (INSERT INTO crm_lead_score (id) SELECT score_id FROM l)
              SELECT id FROM l""".format(columns=columns, select=select)


def bench_argv():
    """The command line's database options, with ``-d crm_bench`` (or $CRM_BENCH_DB) when
    none is given; moves to the repository root, which odoo.conf's paths are relative to."""
    os.chdir(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    argv = sys.argv[1:]
    if not any(a == '-d' or a.startswith('--database') for a in argv):
        argv += ['-d', os.environ.get('CRM_BENCH_DB', 'crm_bench')]
    return argv


def insert_products(env, count, prefix='BENCH-', name='BENCH 产品'):
    """``count`` products (consumables, list price 100) coded ``prefix`` + a zero-padded
    counter, inserted with SQL; returns their codes in order."""
    cr = env.cr
    categ = env.ref('product.product_category_all').id
    uom = env.ref('product.product_uom_unit').id
    cr.execute("""
        INSERT INTO product_template (name, type, categ_id, uom_id, uom_po_id, list_price,
                                      floor_price, sale_ok, purchase_ok, active,
                                      create_date, write_date, create_uid, write_uid)
        SELECT %s || ' ' || g, 'consu', %s, %s, %s, 100, 0, true, true, true,
               now(), now(), 1, 1
          FROM generate_series(1, %s) g
        RETURNING id""", (name, categ, uom, uom, count))
    tmpl_ids = sorted(r[0] for r in cr.fetchall())
    cr.execute("""
        INSERT INTO product_product (product_tmpl_id, default_code, active, crm_stock_qty,
                                     create_date, write_date, create_uid, write_uid)
        SELECT t, %s || lpad((row_number() OVER (ORDER BY t))::text, 6, '0'), true, 0,
               now(), now(), 1, 1
          FROM unnest(%s::int[]) t""", (prefix, tmpl_ids))
    return ['%s%06d' % (prefix, i) for i in range(1, count + 1)]


def rate(rows, seconds):
    """"N rows in S s (R rows/s)": how fast a benchmark's data went in."""
    return '%d rows in %.1f s (%s rows/s)' % (rows, seconds,
                                               '{:,.0f}'.format(rows / max(seconds, 1e-9)))


def demo_sales(env):
    """The demo sales organisation the scale benchmarks fill: (zhangwei, {team id: its
    leader's id} for teams east and south, [(user id, team id)] of the owners -- the
    salespeople and the two leaders, who sell too --, the active sales managers' ids)."""
    ref = env.ref
    zhangwei = ref('crm_sales.user_leader_east')
    leaders = {ref('crm_sales.team_east').id: zhangwei.id,
               ref('crm_sales.team_south').id: ref('crm_sales.user_leader_south').id}
    owners = [(ref(x).id, ref(x).sale_team_id.id) for x in (
        'crm_sales.user_sales_east_1', 'crm_sales.user_sales_east_2', 'crm_sales.user_sales_east_3',
        'crm_sales.user_leader_east', 'crm_sales.user_sales_south_1',
        'crm_sales.user_sales_south_2', 'crm_sales.user_leader_south')]
    managers = ref('crm_sales.group_crm_manager').users.filtered('active').ids
    return zhangwei, leaders, owners, managers


def print_explain(env, what, sql, params):
    """EXPLAIN ANALYZE of ``sql``, long id lists abbreviated."""
    env.cr.execute('EXPLAIN (ANALYZE, COSTS OFF) ' + sql, params)
    print('\n  EXPLAIN ANALYZE of %s:' % what)
    for (line,) in env.cr.fetchall():
        print('    ' + re.sub(r"'\{(\d+,){8,}\d+\}'",
                              lambda m: "'{%d ids}'" % (m.group(0).count(',') + 1), line))


def explain_list(env, Model, domain, order, what, limit=80, count=True):
    """EXPLAIN ANALYZE of a list's query (first ``limit`` rows, with the record rules)
    and, with ``count``, of its count."""
    query = Model._where_calc(domain)
    Model._apply_ir_rules(query, 'read')
    order_by = Model._generate_order_by(order, query)
    from_clause, where_clause, params = query.get_sql()
    where = where_clause or 'TRUE'
    print_explain(env, what, 'SELECT "%s".id FROM %s WHERE %s%s LIMIT %d' % (
        Model._table, from_clause, where, order_by, limit), params)
    if count:
        print_explain(env, 'its count', 'SELECT count(1) FROM %s WHERE %s'
                      % (from_clause, where), params)


def my_turn_parts(env, Model, user, reviewer_table, reviewer_column, noun, runs=5,
                  explain=False):
    """Where the time of "waiting for my approval" goes (a crm.approval.mixin document):
    the my-turn filter alone (one SQL query handing the list a few hundred ids) and the
    "to review" part of the read rule (the stored reviewer relation the rule tests for
    every search, count and read), each the median of ``runs``; with ``explain``, the
    EXPLAIN ANALYZE of the my-turn sub-select as the mixin runs it."""
    def my_turn():
        return Model._search_crm_my_turn('=', True)[0][2]

    def rule_part():
        env.cr.execute('SELECT %s FROM %s WHERE user_id = %%s' % (reviewer_column, reviewer_table),
                       (user.id,))
        return [row[0] for row in env.cr.fetchall()]

    if explain:
        captured = []
        execute = env.cr.execute

        def capture(query, params=None, log_exceptions=None):
            captured.append((query, params))
            return execute(query, params, log_exceptions)
        env.cr.execute = capture
        try:
            my_turn()
        finally:
            del env.cr.execute
        print_explain(env, 'the my-turn sub-select (crm.approval.mixin)', *captured[-1])
    for label, part in (('my-turn query', my_turn),
                        ('read rule "to review" (%s)' % reviewer_table, rule_part)):
        times = []
        for _i in range(runs):
            t0 = time.perf_counter()
            ids = part()
            times.append(time.perf_counter() - t0)
        print('  %-58s %6.1f ms  (%d %s)'
              % (label + ' alone:', statistics.median(times) * 1000, len(set(ids)), noun))
