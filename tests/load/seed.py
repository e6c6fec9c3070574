"""Fill a load-test database to the size issue #27 names: 100,000 customers, 1,000,000
leads and opportunities, 200,000 contracts (with 500,000 payments, 1,000,000 follow-ups),
committed. Run by scripts/load.sh (`make load`), once per database (it leaves a stamp).

    seed.py --flavour crm  -d crm_load  ...   the CRM: a copy of the test template, the
        data of tests/benchmarks/bench_reports.py (same distribution as the report
        benchmark), customers named as Chinese companies, the report caches refreshed;
    seed.py --flavour bare -d crm_load_bare ... bare Odoo CRM (only `crm`, no demo): the
        same people (logins and passwords of the demo team, Odoo's own sales groups:
        salespeople "own documents", leaders "all leads", managers), two teams, and the
        same data shape: 100,000 company customers, 1,000,000 leads / opportunities on
        them, 1,000,000 logged notes (Odoo's follow-up: a note in the chatter).
"""
import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'benchmarks'))
import benchlib  # noqa: E402

N_CUSTOMERS = 100000
N_LEADS = 1000000
N_NOTES = 1000000
CITIES = ['上海', '北京', '深圳', '杭州', '广州', '南京', '成都', '苏州']
TRADES = ['科技', '贸易', '制造', '信息技术', '机械', '电子', '物流', '医疗器械']

# the demo team (crm_sales demo data): login -> (name, role, team)
PEOPLE = [
    ('lina', '李娜', 'sales', 'east'), ('wangfang', '王芳', 'sales', 'east'),
    ('liuyang', '刘洋', 'sales', 'east'), ('heli', '何丽', 'sales', 'east'),
    ('yanglei', '杨磊', 'sales', 'south'), ('zhaomin', '赵敏', 'sales', 'south'),
    ('zhangwei', '张伟', 'leader', 'east'), ('chenjing', '陈静', 'leader', 'south'),
    ('qianming', '钱明', 'leader', 'south'), ('sunqiang', '孙强', 'manager', 'east'),
    ('wugang', '吴刚', 'manager', 'east'), ('zhoutao', '周涛', 'manager', 'east'),
]


def chinese_names(env, ids):
    """Customers named as companies are: city + trade + 有限公司 + a number, so a search for
    科技 or 上海 finds some of them, not all."""
    env.cr.execute("""
        UPDATE res_partner p
           SET name = n.name, display_name = n.name, name_normalized = n.name
          FROM (SELECT id, (%(cities)s::varchar[])[1 + id %% 8]
                           || (%(trades)s::varchar[])[1 + (id / 8) %% 8] || '有限公司' || id AS name
                  FROM unnest(%(ids)s::int[]) AS t(id)) n
         WHERE n.id = p.id""", {'cities': CITIES, 'trades': TRADES, 'ids': ids})


def seed_crm(env):
    import bench_reports
    original = benchlib.insert_customers

    def named(env_, count, owners, prefix):
        ids = original(env_, count, owners, prefix)
        chinese_names(env_, ids)
        return ids
    benchlib.insert_customers = named
    bench_reports.insert_data(env)
    env['crm.clock'].set_now(False)     # the benchmark froze it; a sales floor runs on today
    bench_reports.refresh_customer_facts(env)
    bench_reports.refresh_summaries(env)


def bare_users(env):
    ref = env.ref
    Team = env['crm.team'].with_context(tracking_disable=True)
    teams = {'east': Team.create({'name': '华东销售部', 'use_leads': True,
                                  'use_opportunities': True}),
             'south': Team.create({'name': '华南销售部', 'use_leads': True,
                                   'use_opportunities': True})}
    groups = {'sales': ref('sales_team.group_sale_salesman'),
              'leader': ref('sales_team.group_sale_salesman_all_leads'),
              'manager': ref('sales_team.group_sale_manager')}
    users = {}
    for login, name, role, team in PEOPLE:
        users[login] = env['res.users'].with_context(no_reset_password=True).create({
            'login': login, 'password': login, 'name': name, 'lang': 'zh_CN',
            'email': '%s@example.com' % login,   # Odoo's chatter needs a sender address
            'tz': 'Asia/Shanghai', 'sale_team_id': teams[team].id,
            'groups_id': [(6, 0, [ref('base.group_user').id, groups[role].id])]})
    teams['east'].user_id = users['zhangwei']
    teams['south'].user_id = users['chenjing']
    # the owners of the CRM flavour's data (bench_reports: benchlib.demo_sales)
    team_of = {login: team for login, _n, _r, team in PEOPLE}
    return [(users[x].id, teams[team_of[x]].id) for x in (
        'lina', 'wangfang', 'liuyang', 'zhangwei', 'yanglei', 'zhaomin', 'chenjing')]


def seed_bare(env):
    cr = env.cr
    owners = bare_users(env)
    company = env.ref('base.main_company').id
    t0 = time.perf_counter()
    params = {'company': company, 'n_cust': N_CUSTOMERS, 'n_leads': N_LEADS, 'n_notes': N_NOTES,
              'uids': [u for u, _t in owners], 'teams': [t for _u, t in owners],
              'n_owners': len(owners)}
    cr.execute("""
        INSERT INTO res_partner (name, display_name, active, is_company, customer, type,
                                 company_id, user_id, team_id, lang, create_date, write_date,
                                 create_uid, write_uid)
        SELECT 'c' || g, 'c' || g, true, true, true, 'contact', %(company)s, o.uid, o.team,
               'zh_CN', now(), now(), 1, 1
          FROM generate_series(0, %(n_cust)s - 1) g
          JOIN (SELECT row_number() OVER () - 1 AS k, uid, team
                  FROM unnest(%(uids)s::int[], %(teams)s::int[]) AS t(uid, team)) o
            ON o.k = g %% %(n_owners)s
        RETURNING id""", params)
    ids = sorted(r[0] for r in cr.fetchall())
    # statistics first: without them the planner takes 100,000 new rows for a few and
    # scans the table once per id
    cr.execute('ANALYZE res_partner')
    cr.execute("""
        UPDATE res_partner p
           SET commercial_partner_id = p.id,
               name = n.name, display_name = n.name
          FROM (SELECT id, (%(cities)s::varchar[])[1 + id %% 8]
                           || (%(trades)s::varchar[])[1 + (id / 8) %% 8] || '有限公司' || id AS name
                  FROM unnest(%(ids)s::int[]) AS t(id)) n
         WHERE n.id = p.id""", {'cities': CITIES, 'trades': TRADES, 'ids': ids})
    cr.execute("CREATE TEMP TABLE load_cust AS SELECT row_number() OVER (ORDER BY p.id) - 1 AS k, "
               "p.id, p.user_id AS uid, p.team_id AS team FROM res_partner p "
               "JOIN unnest(%s::int[]) AS t(id) ON t.id = p.id", (ids,))
    cr.execute("CREATE UNIQUE INDEX ON load_cust (k)")
    cr.execute("ANALYZE load_cust")
    print('  customers: ' + benchlib.rate(N_CUSTOMERS, time.perf_counter() - t0))
    cr.execute("SELECT id, probability FROM crm_stage ORDER BY sequence, id")
    stages = cr.fetchall()
    params.update(stages=[s for s, _p in stages], probs=[p for _s, p in stages],
                  n_stages=len(stages))
    cr.execute('ANALYZE res_partner')
    t0 = time.perf_counter()
    # as the CRM's: 40 % leads without a customer, 60 % opportunities at a stage
    cr.execute(benchlib.with_lead_scores("""
        INSERT INTO crm_lead (name, type, active, user_id, team_id, partner_id, planned_revenue,
                              probability, stage_id, priority, company_id, date_open,
                              date_last_stage_update, create_date, write_date, create_uid,
                              write_uid)
        SELECT 'Bench lead ' || g, CASE WHEN g %% 5 < 2 THEN 'lead' ELSE 'opportunity' END, true,
               c.uid, c.team, CASE WHEN g %% 5 >= 2 THEN c.id END,
               10000 + (g::bigint * 7919 %% 500) * 1000,
               (%(probs)s::float[])[1 + g %% %(n_stages)s],
               (%(stages)s::int[])[1 + g %% %(n_stages)s], '1', %(company)s,
               TIMESTAMP '2023-01-01 03:00' + (g * 1260 / %(n_leads)s) * interval '1 day',
               TIMESTAMP '2023-01-01 03:00' + (g * 1260 / %(n_leads)s) * interval '1 day',
               TIMESTAMP '2023-01-01 03:00' + (g * 1260 / %(n_leads)s) * interval '1 day',
               TIMESTAMP '2023-01-01 03:00' + (g * 1260 / %(n_leads)s) * interval '1 day',
               c.uid, c.uid
          FROM generate_series(0::bigint, %(n_leads)s - 1) g
          JOIN load_cust c ON c.k = g %% %(n_cust)s"""), params)
    print('  leads and opportunities: ' + benchlib.rate(N_LEADS, time.perf_counter() - t0))
    t0 = time.perf_counter()
    note = env.ref('mail.mt_note').id
    cr.execute("""
        INSERT INTO mail_message (model, res_id, message_type, subtype_id, body, author_id,
                                  date, record_name, create_date, write_date, create_uid,
                                  write_uid)
        SELECT 'res.partner', c.id, 'comment', %(note)s, '<p>Bench follow-up</p>', u.partner_id,
               TIMESTAMP '2023-01-01 03:00' + (g * 1260 / %(n_notes)s) * interval '1 day',
               'c', now(), now(), c.uid, c.uid
          FROM generate_series(0, %(n_notes)s - 1) g
          JOIN load_cust c ON c.k = (g * 13) %% %(n_cust)s
          JOIN res_users u ON u.id = c.uid""", dict(params, note=note))
    print('  notes (follow-ups): ' + benchlib.rate(N_NOTES, time.perf_counter() - t0))
    for table in ('res_partner', 'crm_lead', 'mail_message'):
        cr.execute('ANALYZE %s' % table)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--flavour', choices=('crm', 'bare'), required=True)
    args, rest = parser.parse_known_args()
    t0 = time.perf_counter()
    with benchlib.odoo_env(rest, rollback=False) as env:
        (seed_crm if args.flavour == 'crm' else seed_bare)(env)
        env.cr.commit()
    print('  %s database seeded in %.0f s' % (args.flavour, time.perf_counter() - t0))


if __name__ == '__main__':
    main()
