"""One click of each role's everyday work, on the demo database, as the user who clicks it
(issue #29: "bring every single click under 1 s on the demo database").

Each click runs the server-side call the web client makes for that button, as that user,
inside a savepoint rolled back after each run (so every run starts from the same demo
data), and prints the median time and the number of SQL queries. The baseline is the same
call as the superuser: no access rights, no record rules; the difference is what the
CRM's data scope and checks cost on that click.

    scripts/bench.sh tests/benchmarks/bench_clicks.py
"""
import sys
import time
import statistics

import benchlib

RUNS = 5


def user(env, login):
    return env['res.users'].search([('login', '=', login)])


def as_user(env, login):
    """The environment of ``login`` in Chinese, as the web client calls it."""
    return env(user=user(env, login).id, context={'lang': 'zh_CN', 'tz': 'Asia/Shanghai'})


def run_clicks(env, clicks):
    """[(label, login, func(env) -> anything)] -> rows of (label, user_s, user_q, root_s, root_q)."""
    rows = []
    for label, login, func in clicks:
        row = [label]
        for who in (login, None):
            times, queries = [], []
            for _i in range(RUNS):
                e = as_user(env, who) if who else env(context={'lang': 'zh_CN'})
                env.cr.execute('SAVEPOINT bench_click')
                e.cache.invalidate()
                q0, t0 = env.cr.sql_log_count, time.perf_counter()
                try:
                    func(e)
                except Exception as error:  # noqa: BLE001 (printed: a click that fails)
                    env.cr.execute('ROLLBACK TO SAVEPOINT bench_click')
                    raise SystemExit('%s as %s failed: %s' % (label, who or 'superuser', error))
                times.append(time.perf_counter() - t0)
                queries.append(env.cr.sql_log_count - q0)
                env.cr.execute('ROLLBACK TO SAVEPOINT bench_click')
                env.cache.invalidate()
            row += [statistics.median(times), int(statistics.median(queries))]
        rows.append(row)
    return rows


def demo_lead(env):
    return env['crm.lead'].search([('type', '=', 'lead'), ('user_id.login', '=', 'lina'),
                                   ('partner_name', '!=', False), ('partner_id', '=', False)],
                                  limit=1)


def demo_opportunity(env):
    return env['crm.lead'].search([('type', '=', 'opportunity'), ('user_id.login', '=', 'lina'),
                                   ('end_status', '=', False), ('partner_id', '!=', False)],
                                  limit=1)


def draft_contract(env, amount=180000.0):
    """A draft contract of lina's with two instalments (built as the superuser)."""
    lina = user(env, 'lina')
    partner = env['res.partner'].search([('is_crm_customer', '=', True),
                                         ('crm_owner_id', '=', lina.id)], limit=1)
    contract = env['crm.contract'].create({
        'name': '点击基准合同', 'partner_id': partner.id, 'user_id': lina.id,
        'team_id': lina.sale_team_id.id, 'sign_date': '2026-03-02',
        'date_start': '2026-03-02', 'date_end': '2027-03-01', 'amount_total': amount})
    for amount_part, day in ((amount / 2, '2026-04-01'), (amount / 2, '2026-07-01')):
        env['crm.receivable.plan'].create({'contract_id': contract.id, 'amount': amount_part,
                                           'date_planned': day})
    return contract


def clicks(env):
    lead = demo_lead(env)
    opportunity = demo_opportunity(env)
    assert lead and opportunity, 'the demo database has lina\'s lead and opportunity'
    draft = draft_contract(env)
    submitted = draft_contract(env)
    submitted.sudo(user(env, 'lina')).action_submit()
    approved = draft_contract(env, 90000.0)
    approved.sudo(user(env, 'lina')).action_submit()
    assert approved.state == 'approved', approved.state
    method = env['crm.receivable.method'].search([], limit=1)
    customer_context = {'default_is_company': True, 'default_customer': True,
                        'default_company_type': 'company'}

    def create_customer(e):
        e['res.partner'].with_context(customer_context).create({'name': '点击基准客户'})

    def convert_lead(e):
        e['crm.lead'].browse(lead.id).action_convert(create_opportunity=True)

    def win(e):
        e['crm.lead'].browse(opportunity.id).action_set_end_status('won')

    def submit_contract(e):
        e['crm.contract'].browse(draft.id).action_submit()

    def approve(e):
        e['crm.contract'].browse(submitted.id).action_approve('同意')

    def book_payment(e):
        payment = e['crm.receivable'].create({'contract_id': approved.id, 'amount': 45000,
                                              'date': '2026-04-01', 'method_id': method.id})
        payment.action_submit()

    return [('create a customer (name only)', 'lina', create_customer),
            ('convert a lead (customer, contact, opportunity)', 'lina', convert_lead),
            ('win an opportunity', 'lina', win),
            ('submit a contract for approval', 'lina', submit_contract),
            ('approve a contract (team leader)', 'zhangwei', approve),
            ('book and submit a payment', 'lina', book_payment)]


def main(argv):
    with benchlib.odoo_env(argv) as env:
        rows = run_clicks(env, clicks(env))
    print('\n== One click each, on the demo database (median of %d runs) ==' % RUNS)
    print('  %-50s %16s %16s' % ('click', 'as the user', 'as superuser'))
    for label, user_s, user_q, root_s, root_q in rows:
        print('  %-50s %7.3f s %4d q %7.3f s %4d q' % (label, user_s, user_q, root_s, root_q))
    slowest = max(rows, key=lambda r: r[1])
    print('  slowest click as its user: %s, %.3f s' % (slowest[0], slowest[1]))


if __name__ == '__main__':
    main(benchlib.bench_argv())
