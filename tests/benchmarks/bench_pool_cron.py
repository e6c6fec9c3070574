"""crm_pool daily cron at scale: 100,000 customers of which 10,000 are due for release.

Compares, in the same run and on the same data:
  * the cron (``crm.pool.rule._cron_pool_run``: one SQL selection per rule, batches of
    1,000 customers released with a few UPDATE/INSERT statements each);
  * the floor: one raw SQL UPDATE releasing the same due customers (what the cron
    adds on top of it: the batches, the contacts, the owner-change hook, the pool and
    operation log lines, the reminder pass and the deferral count);
  * a naive per-record ORM loop (browse every owned customer, compute its deadline in
    Python, ``write()`` + ``create()`` a log line for each due one). The naive loop runs on
    a sample of the customers (same 10 % due) and is extrapolated linearly to 100,000:
    the output says so.
and shows that the cron's memory does not grow with the number of customers (peak Python
heap with 10,000 then 100,000 customers).

Everything happens in one transaction that is rolled back (benchlib.odoo_env), the cron
runs with ``crm_pool_no_commit``; each measured run is undone with a savepoint.

    python tests/benchmarks/bench_pool_cron.py -c odoo.conf -d DB [--db_host=.. ...]
    (or CRM_BENCH_DB=DB; scripts/bench.sh passes -c, -d and the --db_* options)
"""
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
import odoo  # noqa: E402

N_CUSTOMERS = int(os.environ.get('CRM_BENCH_CUSTOMERS', 100000))
DUE_EVERY = 10              # 1 customer in 10 is due -> 10,000 of 100,000
SMALL = N_CUSTOMERS // 10   # the memory comparison runs the cron on 10,000 first
NAIVE_SAMPLE = int(os.environ.get('CRM_BENCH_NAIVE_SAMPLE', 2000))
RULE_DAYS = 30
NOW = datetime.datetime(2026, 12, 1, 1, 0, 0)


def insert_customers(cr, start, count, owners, tag):
    """Bulk-insert ``count`` owned customers; every DUE_EVERY-th one was last followed up
    40 days ago (due under a 30-day rule), the others 5 days ago."""
    due_at = NOW - datetime.timedelta(days=40)
    fresh_at = NOW - datetime.timedelta(days=5)
    assigned_at = NOW - datetime.timedelta(days=60)
    cr.execute("""
        INSERT INTO res_partner (name, display_name, active, is_company, customer, type,
                                 company_id, user_id, team_id, crm_owner_id, crm_team_id,
                                 is_crm_customer, is_crm_scoped, owner_assigned_at,
                                 last_follow_up_at, create_date, write_date,
                                 create_uid, write_uid, lang)
        SELECT 'Bench Customer ' || %(tag)s || '-' || g, 'Bench Customer ' || %(tag)s || '-' || g,
               true, true, true, 'contact', 1, o.uid, o.team, o.uid, o.team, true, true,
               %(assigned)s,
               CASE WHEN g %% %(every)s = 0 THEN %(due)s ELSE %(fresh)s END,
               %(assigned)s, %(assigned)s, 1, 1, 'zh_CN'
          FROM generate_series(%(start)s, %(stop)s) AS g
          JOIN (SELECT row_number() OVER () - 1 AS k, uid, team
                  FROM unnest(%(uids)s::int[], %(teams)s::int[]) AS t(uid, team)) o
            ON o.k = g %% %(n_owners)s
    """, {'tag': tag, 'assigned': assigned_at, 'every': DUE_EVERY, 'due': due_at,
          'fresh': fresh_at, 'start': start, 'stop': start + count - 1,
          'uids': [u for u, _t in owners], 'teams': [t for _u, t in owners],
          'n_owners': len(owners)})
    cr.execute("UPDATE res_partner SET commercial_partner_id = id "
               "WHERE commercial_partner_id IS NULL AND name LIKE 'Bench Customer %%'")
    cr.execute('ANALYZE res_partner')


def naive_release(env, partner_ids, rule, now):
    """What a straightforward implementation does: one ORM record at a time."""
    Partner = env['res.partner']
    Log = env['crm.pool.log']
    pool = rule.pool_id
    released = 0
    for partner in Partner.browse(partner_ids):
        if partner.pool_locked or partner.is_deal or not partner.user_id:
            continue
        refs = [r for r in (partner.last_follow_up_at, partner.owner_assigned_at) if r]
        ref = max(refs) if refs else partner.create_date
        due = datetime.datetime.strptime(ref[:19], '%Y-%m-%d %H:%M:%S') + \
            datetime.timedelta(days=rule.days)
        if due > now:
            continue
        previous = partner.user_id
        partner.write({
            'user_id': False, 'pool_id': pool.id, 'pool_entered_at': now,
            'pool_previous_user_id': previous.id, 'pool_release_reason': rule.name,
            'pool_protected_user_id': previous.id,
            'pool_protected_until': now + datetime.timedelta(days=pool.protection_days),
        })
        Log.create({'partner_id': partner.id, 'action': 'auto_release', 'user_id': env.uid,
                    'from_user_id': previous.id, 'pool_id': pool.id, 'rule_id': rule.id,
                    'reason': rule.name, 'date': now})
        released += 1
    return released


def raw_update(cr, rule, now):
    """The floor: one UPDATE of the due customers' pool columns, selected by the rule's own
    due expression, with nothing else (no contacts, no log, no hook)."""
    pool = rule.pool_id
    cr.execute("""
        UPDATE res_partner
           SET pool_previous_user_id = user_id, pool_protected_user_id = user_id,
               user_id = NULL, crm_owner_id = NULL, pool_id = %(pool)s, crm_pool_id = %(pool)s,
               pool_entered_at = %(now)s, pool_release_reason = %(reason)s,
               pool_protected_until = %(until)s
         WHERE is_crm_customer AND active AND user_id IS NOT NULL AND is_deal IS NOT TRUE
           AND pool_locked IS NOT TRUE AND {due} <= %(now)s
    """.format(due=rule._due_sql()), {
        'pool': pool.id, 'now': now, 'reason': rule.name,
        'until': now + datetime.timedelta(days=pool.protection_days)})
    return cr.rowcount


class Savepoint(object):
    def __init__(self, env, name):
        self.env, self.name = env, name

    def __enter__(self):
        self.env.cr.execute('SAVEPOINT "%s"' % self.name)

    def __exit__(self, *exc):
        self.env.cr.execute('ROLLBACK TO SAVEPOINT "%s"' % self.name)
        self.env.cache.invalidate()
        return False


def timed(label, func):
    t0 = time.perf_counter()
    result = func()
    return time.perf_counter() - t0, result


def main():
    argv = benchlib.bench_argv()
    # Environment.manage(): Odoo 11 needs it around any Environment used outside a request
    with odoo.api.Environment.manage(), benchlib.odoo_env(argv) as env:
        cr = env.cr
        env['ir.config_parameter'].set_param('crm_sales.clock_now', NOW.strftime('%Y-%m-%d %H:%M:%S'))
        env['crm.pool.rule'].search([]).write({'active': False})
        env['crm.pool'].search([]).write({'active': False})
        pool = env['crm.pool'].create({'name': 'Bench pool', 'protection_days': 7,
                                       'remind_days': 3})
        rule = env['crm.pool.rule'].create({'name': 'Bench: %d days without follow-up' % RULE_DAYS,
                                            'pool_id': pool.id, 'kind': 'no_follow_up',
                                            'days': RULE_DAYS})
        salesman = env.ref('crm_sales.group_crm_salesman')
        owners = [(u.id, u.sale_team_id.id or None) for u in salesman.users.sorted('id')
                  if u.active and u.id != odoo.SUPERUSER_ID][:20]
        Rule = env['crm.pool.rule'].with_context(crm_pool_no_commit=True)
        print('crm_pool cron benchmark: %d customers, %d due (rule: %d days without follow-up)'
              % (N_CUSTOMERS, N_CUSTOMERS // DUE_EVERY, RULE_DAYS))

        # 1. memory at 10,000 customers
        t0 = time.perf_counter()
        insert_customers(cr, 1, SMALL, owners, 'a')
        print('  inserted %d customers with SQL in %.1f s' % (SMALL, time.perf_counter() - t0))
        with Savepoint(env, 'small'):
            with benchlib.Measure('cron, %d customers (%d due)' % (SMALL, SMALL // DUE_EVERY)) as small:
                res_small = Rule._cron_pool_run()
        assert res_small['released'] == SMALL // DUE_EVERY, res_small

        # 2. the full data set
        t0 = time.perf_counter()
        insert_customers(cr, SMALL + 1, N_CUSTOMERS - SMALL, owners, 'b')
        print('  inserted %d more customers with SQL in %.1f s'
              % (N_CUSTOMERS - SMALL, time.perf_counter() - t0))
        cr.execute("SELECT id FROM res_partner WHERE name LIKE 'Bench Customer %%' ORDER BY id")
        all_ids = [r[0] for r in cr.fetchall()]
        sample = all_ids[:NAIVE_SAMPLE]
        factor = float(len(all_ids)) / len(sample)

        # naive loop on a sample: timing without tracemalloc, then memory with it
        with Savepoint(env, 'naive'):
            naive_seconds, naive_released = timed('naive', lambda: naive_release(
                env, sample, rule, NOW))
        with Savepoint(env, 'naive_mem'):
            with benchlib.Measure('naive ORM loop, sample') as naive_mem:
                naive_release(env, sample, rule, NOW)
        assert naive_released == len(sample) // DUE_EVERY, naive_released

        # cron on everything: timing without tracemalloc, then memory with it
        with Savepoint(env, 'cron_mem'):
            with benchlib.Measure('cron, %d customers (%d due)' % (
                    N_CUSTOMERS, N_CUSTOMERS // DUE_EVERY)) as full:
                Rule._cron_pool_run()
        # the floor, on the same rows (each run undone)
        raw_runs = []
        for i in range(3):
            with Savepoint(env, 'raw%d' % i):
                seconds, raw_released = timed('raw', lambda: raw_update(cr, rule, NOW))
                raw_runs.append(seconds)
        cron_runs = []
        for i in range(2):
            with Savepoint(env, 'cron%d' % i):
                cron_runs.append(timed('cron', lambda: Rule._cron_pool_run())[0])
        seconds, res = timed('cron', lambda: Rule._cron_pool_run())
        cron_seconds = sorted(cron_runs + [seconds])[1]     # the median of 3
        assert res['released'] == N_CUSTOMERS // DUE_EVERY, res
        assert res['deferred'] == 0, res
        cr.execute("SELECT count(*) FROM crm_pool_log WHERE rule_id = %s", (rule.id,))
        assert cr.fetchone()[0] == res['released']
        again_seconds, again = timed('again', lambda: Rule._cron_pool_run())
        assert raw_released == res['released'], (raw_released, res)
        assert (again['released'], again['reminded'], again['deferred']) == (0, 0, 0), again

        cron_row = benchlib.Measure('cron (%d customers, %d released)' % (
            N_CUSTOMERS, res['released']))
        cron_row.seconds, cron_row.peak_mib = cron_seconds, full.peak_mib
        naive_row = benchlib.Measure('naive ORM loop (extrapolated x%.0f)' % factor)
        naive_row.seconds, naive_row.peak_mib = naive_seconds * factor, naive_mem.peak_mib
        print('  naive ORM loop measured on a sample of %d customers (%d released) in %.2f s;'
              ' extrapolated linearly to %d customers: %.1f s'
              % (len(sample), naive_released, naive_seconds, len(all_ids), naive_row.seconds))
        raw_seconds = sorted(raw_runs)[1]
        print('  the floor, one raw SQL UPDATE of the same %d due customers: %.3f s (median of'
              ' 3; runs %s); the cron (median of 3; runs %s) takes %.2fx that (goal 1.5x)'
              % (raw_released, raw_seconds, ', '.join('%.3f' % t for t in sorted(raw_runs)),
                 ', '.join('%.3f' % t for t in sorted(cron_runs + [seconds])),
                 cron_seconds / raw_seconds))
        print('  cron memory: peak Python heap %.1f MiB with %d customers, %.1f MiB with %d'
              ' (does not grow with the number of customers: it works in batches of 1,000)'
              % (small.peak_mib, SMALL, full.peak_mib, N_CUSTOMERS))
        print('  naive loop memory: peak Python heap %.1f MiB for its %d-customer sample'
              % (naive_mem.peak_mib, len(sample)))
        print('  second cron run the same day: %.2f s, %s (idempotent)' % (again_seconds, again))
        print('  (times are measured without tracemalloc; peaks come from a separate traced run)')
        benchlib.report('crm_pool daily cron vs naive per-record ORM loop',
                        [naive_row, cron_row], naive_row.label, cron_row.label)


if __name__ == '__main__':
    main()
