"""A salesperson's customer list under the data-scope record rules, over 100,000
customers and 100,000 contacts.

Fast path: the shipped rule (crm_sales), on stored, indexed columns (crm_owner_id,
crm_team_id) that contacts copy from their company. Naive baseline: the same scope written
the obvious way, through the dotted path commercial_partner_id.user_id, which Odoo turns
into a sub-select over all partners. Both answer "the first 80 of my customers and
contacts, by name, and how many there are"; the script checks they return the same rows.

    scripts/bench.sh tests/benchmarks/bench_customer_scope.py
"""
import sys

import benchlib

N_COMPANIES = 100000
REPEAT = 5


def insert_customers(env, owner_ids, team_id):
    """100k customer companies spread over owner_ids, each with one contact (bulk SQL)."""
    cr = env.cr
    cr.execute("""
        INSERT INTO res_partner (name, display_name, active, is_company, customer, type,
                                 user_id, team_id, crm_owner_id, crm_team_id, is_crm_customer,
                                 is_crm_scoped, name_normalized, lang, create_date, write_date)
        SELECT 'Bench Co ' || g, 'Bench Co ' || g, true, true, true, 'contact',
               (%(owners)s::int[])[1 + g %% array_length(%(owners)s::int[], 1)], %(team)s,
               (%(owners)s::int[])[1 + g %% array_length(%(owners)s::int[], 1)], %(team)s,
               true, true, 'benchco' || g, 'zh_CN', now(), now()
          FROM generate_series(1, %(n)s) g
        RETURNING id""", {'owners': owner_ids, 'team': team_id, 'n': N_COMPANIES})
    company_ids = [r[0] for r in cr.fetchall()]
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", (company_ids,))
    cr.execute("""
        INSERT INTO res_partner (name, display_name, active, is_company, customer, type, parent_id,
                                 commercial_partner_id, crm_owner_id, crm_team_id, is_crm_customer,
                                 is_crm_scoped, lang, create_date, write_date)
        SELECT 'Contact ' || p.id, p.name || ', Contact', true, false, false, 'contact', p.id, p.id,
               p.crm_owner_id, p.crm_team_id, false, true, 'zh_CN', now(), now()
          FROM res_partner p WHERE p.id = ANY(%s)""", (company_ids,))
    cr.execute('ANALYZE res_partner')
    env['res.partner'].invalidate_cache()


def main(argv):
    with benchlib.odoo_env(argv) as env:
        ref = env.ref
        lina = ref('crm_sales.user_sales_east_1')
        owners = [lina.id, ref('crm_sales.user_sales_east_2').id, ref('crm_sales.user_sales_east_3').id,
                  ref('crm_sales.user_sales_south_1').id]
        insert_customers(env, owners, ref('crm_sales.team_east').id)
        Partner = env['res.partner']
        scoped = Partner.sudo(lina)
        order = 'name, id'

        def shipped():
            ids = scoped.search([('name', 'like', 'Bench')], limit=80, order=order).ids
            return ids, scoped.search_count([('name', 'like', 'Bench')])

        naive_domain = [('name', 'like', 'Bench'), '|', ('user_id', '=', lina.id),
                        ('commercial_partner_id.user_id', '=', lina.id)]

        def naive():
            ids = Partner.search(naive_domain, limit=80, order=order).ids
            return ids, Partner.search_count(naive_domain)

        expected = naive()
        assert shipped() == expected, 'the two scopes disagree'
        rows = []
        for label, func in (('naive rule (dotted path)', naive), ('shipped rule (indexed columns)', shipped)):
            with benchlib.Measure(label) as m:
                for _ in range(REPEAT):
                    func()
            rows.append(m)
        print('%d customers + %d contacts; lina sees %d of them; %d runs of "first 80 + count"'
              % (N_COMPANIES, N_COMPANIES, expected[1], REPEAT))
        benchlib.report('Customer list under the data scope', rows,
                        'naive rule (dotted path)', 'shipped rule (indexed columns)')
        measure_shares(env, lina, owners[1], shipped, rows[-1])


N_SHARED = 5000


def measure_shares(env, lina, other_owner, shipped, unshared):
    """5,000 of a colleague's customers shared with lina: her list goes through the
    sharing part of the rule. Shipped: a sub-select on the share table (same SQL size
    however many shares); naive baseline: the dotted path commercial_partner_id.share_*,
    which first resolves to the shared ids and inlines all 5,000 of them into the query."""
    cr = env.cr
    cr.execute("""INSERT INTO res_partner_share_read_rel (partner_id, user_id)
                  SELECT id, %s FROM res_partner
                   WHERE is_crm_customer AND user_id = %s AND name LIKE 'Bench%%'
                   ORDER BY id LIMIT %s""", (lina.id, other_owner, N_SHARED))
    cr.execute('ANALYZE res_partner_share_read_rel')
    env['res.partner'].invalidate_cache()
    Partner = env['res.partner']
    naive_domain = [('name', 'like', 'Bench'), '|', '|', ('crm_owner_id', '=', lina.id),
                    ('commercial_partner_id.share_read_user_ids', 'in', [lina.id]),
                    ('commercial_partner_id.share_write_user_ids', 'in', [lina.id])]

    def naive():
        ids = Partner.search(naive_domain, limit=80, order='name, id').ids
        return ids, Partner.search_count(naive_domain)

    expected = naive()
    assert shipped() == expected, 'the two sharing scopes disagree'
    rows = []
    for label, func in (('naive sharing rule (ids inlined)', naive),
                        ('shipped rule, %d shares (sub-select)' % N_SHARED, shipped)):
        with benchlib.Measure(label) as m:
            for _ in range(REPEAT):
                func()
        rows.append(m)
    print('\n%d customers shared with lina; she now sees %d' % (N_SHARED, expected[1]))
    benchlib.report('Customer list with %d shares' % N_SHARED, rows,
                    'naive sharing rule (ids inlined)', rows[1].label)
    print('  her list with %d shares / her list without shares: %.2fx (goal: within 1.5x)'
          % (N_SHARED, rows[1].seconds / max(unshared.seconds, 1e-9)))


if __name__ == '__main__':
    main(sys.argv[1:])
