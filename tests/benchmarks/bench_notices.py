"""Follow-up reminders at scale: 10,000 CRM customers of which 1,000 have their next
contact due today (crm_sales, ``crm.notify.kind._cron_follow_up_reminders``).

Compares, in the same run and on the same data:
  * the cron: one indexed search of the due customers (``next_contact_at`` in today's
    window), one ``crm.notify.log`` INSERT .. ON CONFLICT per item (once per due time),
    one e-mail per item in the owner's language;
  * a naive loop: every customer read through the ORM, "due?" decided in Python, "sent
    already?" by searching the queued e-mails for the same subject and recipient.
Both first run (1,000 e-mails) and a second run (nothing left to send, the cost of
"never twice").

Everything happens in one transaction that is rolled back (benchlib.odoo_env); each
measured run is undone with a savepoint.

    python tests/benchmarks/bench_notices.py -c odoo.conf -d DB [--db_host=.. ...]
    (scripts/bench.sh tests/benchmarks/bench_notices.py)
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

N_CUSTOMERS = int(os.environ.get('CRM_BENCH_CUSTOMERS', 10000))
DUE_EVERY = 10
NOW = '2026-06-10 01:00:00'            # 09:00 in Shanghai
DUE_AT = '2026-06-10 06:00:00'         # 14:00 today
LATER = '2026-07-01 06:00:00'


def undone(env, func):
    """Run ``func`` and undo what it wrote (so every measured run starts the same)."""
    def run():
        env.cr.execute('SAVEPOINT bench_notices')
        try:
            return func()
        finally:
            env.cr.execute('ROLLBACK TO SAVEPOINT bench_notices')
            env.cache.invalidate()
    return run


def naive(env):
    """One ORM record at a time; duplicates found by searching the mail queue."""
    Mixin = env['crm.follow.up.mixin'].with_context(tz='Asia/Shanghai')
    start, end = Mixin._crm_today_bounds()
    oldest = str(datetime.datetime.strptime(start, '%Y-%m-%d %H:%M:%S') - datetime.timedelta(days=7))
    Mail = env['mail.mail']
    sent = 0
    for partner in env['res.partner'].search([('is_crm_customer', '=', True)]):
        if not partner.next_contact_at or not (oldest <= partner.next_contact_at < end):
            continue
        user = partner.user_id
        if not user or not user.active:
            continue
        subject = '跟进提醒：%s' % partner.display_name
        if Mail.search_count([('subject', '=', subject),
                              ('recipient_ids', 'in', user.partner_id.ids)]):
            continue
        partner.with_context(tz='Asia/Shanghai')._crm_send_notice(
            'follow_up_due', user, '_crm_follow_up_notice_values')
        sent += 1
    return sent


def main():
    argv = benchlib.bench_argv()
    with benchlib.odoo_env(argv) as env:
        env['ir.config_parameter'].set_param('crm_sales.clock_now', NOW)
        env = env(context={'lang': 'zh_CN'})
        ref = env.ref
        owners = [(ref(x).id, ref(x).sale_team_id.id) for x in (
            'crm_sales.user_sales_east_1', 'crm_sales.user_sales_east_2',
            'crm_sales.user_sales_south_1', 'crm_sales.user_leader_east')]
        ids = benchlib.insert_customers(env, N_CUSTOMERS, owners, 'Bench Reminder')
        due = ids[::DUE_EVERY]
        env.cr.execute("UPDATE res_partner SET next_contact_at = %s WHERE id = ANY(%s)", (LATER, ids))
        env.cr.execute("UPDATE res_partner SET next_contact_at = %s WHERE id = ANY(%s)", (DUE_AT, due))
        env.cr.execute('ANALYZE res_partner')
        env.cache.invalidate()
        Kind = env['crm.notify.kind'].with_context(crm_cron_no_commit=True)
        print('%d customers, %d due today (plus the demo data)' % (len(ids), len(due)))

        cron = benchlib.measure(env, 'cron, first run', undone(env, Kind._cron_follow_up_reminders), runs=1)
        base = benchlib.measure(env, 'naive loop, first run', undone(env, lambda: naive(env)), runs=1)
        print('e-mails: cron %s, naive %s' % (cron.result, base.result))
        benchlib.report('Follow-up reminders, first run', [base, cron],
                        'naive loop, first run', 'cron, first run')

        Kind._cron_follow_up_reminders()
        cron2 = benchlib.measure(env, 'cron, second run (nothing to send)',
                                 Kind._cron_follow_up_reminders, runs=3)
        base2 = benchlib.measure(env, 'naive loop, second run (nothing to send)',
                                 lambda: naive(env), runs=3)
        print('e-mails on the second run: cron %s, naive %s' % (cron2.result, base2.result))
        benchlib.report('Follow-up reminders, second run', [base2, cron2],
                        'naive loop, second run (nothing to send)', 'cron, second run (nothing to send)')


if __name__ == '__main__':
    main()
