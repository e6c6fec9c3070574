"""The audit trail on bulk writes: the cost of logging, against logging off, in one run.

On 5,000 CRM customers (BENCH_AUDIT_N; inserted in SQL), with the res.partner audit rule subscribed
(shipped: full mode, old → new per field, batched SQL inserts) and unsubscribed:
- one write of the customer level on all 5,000 (an administrator's bulk edit, a cron;
  its chatter tracking, a message per customer, costs the same on and off and most of
  the time);
- 300 writes of one customer each (an import updating rows one by one);
- 300 creations of one customer each (a form, a script creating rows);
- an import's batch: 1,000 customers and their 1,000 contacts created together
  (res.partner._crm_create_batch, as crm_import runs a chunk), as lina.
Goal: logging on within 1.3x of logging off. Each pair runs off / on alternately
BENCH_AUDIT_ROUNDS times (2) and keeps the best of each; the figures are printed with
the ratio, and the rows logged by the last run counted to show the work was done.

    CRM_TEST_DB=audit CRM_BENCH_DB=audit_bench scripts/bench.sh tests/benchmarks/bench_audit.py
    BENCH_AUDIT_CASES=import scripts/bench.sh tests/benchmarks/bench_audit.py   (one case)
"""
import os
import time

import benchlib

CASES = os.environ.get('BENCH_AUDIT_CASES', 'bulk,singles,creates,import').split(',')

N_CUSTOMERS = int(os.environ.get('BENCH_AUDIT_N', '5000'))
N_SINGLE = 300
N_BATCH = 1000
ROUNDS = int(os.environ.get('BENCH_AUDIT_ROUNDS', '2'))


def set_logging(env, rule, on):
    if on:
        rule.write({'state': 'subscribed'})
    else:
        rule._revert_methods()
        rule.write({'state': 'draft'})
    env.cr.execute("SELECT count(*) FROM auditlog_log")


class Timed(object):
    """Wall time of a block (no tracemalloc: it would slow the Python-heavy side more)."""

    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.t0
        return False


def count_logs(env):
    env.cr.execute("SELECT count(*), (SELECT count(*) FROM auditlog_log_line) FROM auditlog_log")
    return env.cr.fetchone()


def main(argv):
    with benchlib.odoo_env(argv) as env:
        user = env.ref('crm_sales.user_sales_manager')
        lina = env.ref('crm_sales.user_sales_east_1')
        levels = env['crm.customer.level'].search([], limit=2)
        ids = benchlib.insert_customers(env, N_CUSTOMERS, [(lina.id, lina.sale_team_id.id)], 'Audit Co')
        env.cr.execute('UPDATE res_partner SET customer_level_id = %s WHERE id = ANY(%s)',
                       (levels[0].id, ids))
        env.cr.execute('ANALYZE res_partner')
        rule = env['auditlog.rule'].search([('model_id.model', '=', 'res.partner')])
        assert rule and rule.state == 'subscribed', 'no subscribed audit rule on res.partner'
        Partner = env['res.partner'].sudo(user).with_context(lang='zh_CN', tracking_disable=False)
        rows = []
        flip = [levels[1].id, levels[0].id]

        def bulk(label):
            level = flip[0]
            flip.reverse()
            env.cache.invalidate()
            with Timed(label) as m:
                Partner.browse(ids).write({'customer_level_id': level})
            rows.append(m)
            return m

        def singles(label, start):
            env.cache.invalidate()
            with Timed(label) as m:
                for pid in ids[start:start + N_SINGLE]:
                    Partner.browse(pid).write({'phone': '021-%08d' % pid})
            rows.append(m)
            return m

        def creates(label, tag):
            env.cache.invalidate()
            with Timed(label) as m:
                for i in range(N_SINGLE):
                    Partner.create({'name': 'Audit 新客户 %s %d' % (tag, i), 'is_company': True,
                                    'customer': True, 'user_id': lina.id,
                                    'customer_level_id': levels[0].id, 'phone': '0571-%07d' % i})
            rows.append(m)
            return m

        def batch(label, tag):
            env.cache.invalidate()
            Batch = env['res.partner'].sudo(lina).with_context(lang='zh_CN')
            with Timed(label) as m:
                customers = Batch._crm_create_batch([
                    {'name': 'Audit 导入客户 %s %d' % (tag, i), 'is_company': True,
                     'customer': True, 'customer_level_id': levels[0].id,
                     'phone': '0572-%07d' % i} for i in range(N_BATCH)])
                Batch._crm_create_batch([
                    {'name': '导入联系人 %d' % i, 'parent_id': pid, 'type': 'contact',
                     'mobile': '1380000%04d' % i} for i, pid in enumerate(customers.ids)])
            rows.append(m)
            return m

        # warm-up (registry, caches), not measured
        if 'bulk' in CASES or 'singles' in CASES:
            Partner.browse(ids).write({'customer_level_id': levels[1].id})
            Partner.browse(ids).write({'customer_level_id': levels[0].id})
        if 'import' in CASES:
            batch('import batch warm-up', 'warm')
        results = []

        def pair(title, run):
            """Best of ROUNDS alternating off / on runs: one slow moment of a shared
            machine does not decide the ratio."""
            offs, ons, logs, lines = [], [], 0, 0
            for k in range(ROUNDS):
                set_logging(env, rule, False)
                offs.append(run('off', k))
                before = count_logs(env)
                set_logging(env, rule, True)
                ons.append(run('on', k))
                after = count_logs(env)
                logs, lines = after[0] - before[0], after[1] - before[1]
                print('  %-44s off %7.3f s   on %7.3f s' % (title, offs[-1].seconds,
                                                           ons[-1].seconds))
            results.append((title, min(offs, key=lambda m: m.seconds),
                            min(ons, key=lambda m: m.seconds), logs, lines))

        if 'bulk' in CASES:
            pair('bulk write of %d customers' % N_CUSTOMERS,
                 lambda mode, k: bulk('bulk write %d, logging %s' % (N_CUSTOMERS, mode)))
        if 'singles' in CASES:
            # each run writes customers of its own (a write of an unchanged value logs nothing)
            pair('%d one-record writes' % N_SINGLE,
                 lambda mode, k: singles('%d single writes, logging %s' % (N_SINGLE, mode),
                                         N_SINGLE * (2 * k + (mode == 'on'))))
        if 'creates' in CASES:
            pair('%d creations' % N_SINGLE,
                 lambda mode, k: creates('%d creations, logging %s' % (N_SINGLE, mode),
                                         '%s%d' % (mode, k)))
        if 'import' in CASES:
            pair('import batch of %d customers + contacts' % N_BATCH,
                 lambda mode, k: batch('import batch of %d + %d, logging %s'
                                       % (N_BATCH, N_BATCH, mode), '%s%d' % (mode, k)))

        print('\n== Audit trail: logging on vs off (goal: on within 1.3x of off) ==')
        for title, off, on, logs, lines in results:
            print('  %-32s off %8.3f s   on %8.3f s   ratio %.2fx   (%d logs, %d lines written)'
                  % (title, off.seconds, on.seconds, on.seconds / max(off.seconds, 1e-9), logs, lines))


if __name__ == '__main__':
    main(benchlib.bench_argv())
