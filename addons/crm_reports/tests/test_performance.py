# -*- coding: utf-8 -*-
from .common import EFFECTIVE, ReportCase


class TestPerformance(ReportCase):
    """Month by month across a year boundary (2026 -> 2027), with a month without data,
    against targets, MoM / YoY, completion per salesperson and team, rankings."""

    NOW = '2027-03-15 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(TestPerformance, cls).setUpClass()
        cls.customer = cls.make_customer('业绩测试客户有限公司', cls.lina)
        for amount, day in ((10000, '2025-12-20'), (20000, '2026-01-15'), (30000, '2026-12-05'),
                            (40000, '2027-01-10'), (5000, '2027-03-01')):
            cls.approved_contract(cls.customer, amount, day)
        cls.approved_contract(cls.make_customer('业绩测试华东客户二', cls.wangfang), 25000,
                              '2027-01-20', lines=[(12500, 2)])
        cls.approved_contract(cls.make_customer('业绩测试华南客户', cls.yanglei), 70000, '2027-01-05')
        Target = cls.env['crm.sales.target']
        cls.target_lina = Target.sudo(cls.zhangwei).create({
            'target_type': 'user', 'user_id': cls.lina.id, 'year': 2027})
        cls.target_lina.line_ids.filtered(lambda l: l.month == '01').write(
            {'contract_amount': 50000, 'payment_amount': 10000, 'new_customer_count': 2})
        cls.target_team = Target.sudo(cls.sunqiang).create({
            'target_type': 'team', 'team_id': cls.team_east.id, 'year': 2027})
        cls.target_team.line_ids.filtered(lambda l: l.month == '01').write({'contract_amount': 200000})

    def raw_contract_amount(self, user_filter, year, month):
        contracts = self.env['crm.contract'].search([('state', 'in', EFFECTIVE)]).filtered(user_filter)
        return sum(c.amount_total for c in contracts
                   if c.sign_date and self.date(c.sign_date).year == year
                   and self.date(c.sign_date).month == month)

    def test_monthly_across_the_year_boundary(self):
        Perf = self.env['crm.report.performance'].sudo(self.lina)
        months = Perf._monthly(2027, 'contract_amount')
        mine = lambda c: c.user_id == self.lina
        self.assertEqual([m['period'] for m in months], ['2027-%02d' % m for m in range(1, 13)])
        for m in months:
            month = m['month']
            actual = self.raw_contract_amount(mine, 2027, month)
            prev_y, prev_m = (2026, 12) if month == 1 else (2027, month - 1)
            previous = self.raw_contract_amount(mine, prev_y, prev_m)
            last_year = self.raw_contract_amount(mine, 2026, month)
            self.assertAlmostEqual(m['actual'], actual, 2, m['period'])
            self.assertAlmostEqual(m['previous'], previous, 2, m['period'])
            self.assertAlmostEqual(m['last_year'], last_year, 2, m['period'])
            self.assertEqual(m['mom'], (actual - previous) / previous if previous else None)
            self.assertEqual(m['yoy'], (actual - last_year) / last_year if last_year else None)
        jan, feb = months[0], months[1]
        # January 2027 against December 2026 and January 2026 (at least the test's contracts)
        self.assertGreaterEqual(jan['actual'], 40000)
        self.assertGreaterEqual(jan['previous'], 30000)
        self.assertGreaterEqual(jan['last_year'], 20000)
        self.assertEqual(jan['target'], 50000)
        self.assertAlmostEqual(jan['completion'], jan['actual'] / 50000.0)
        # February 2027 had no contract of lina's: 0, -100 % on January, no target
        self.assertEqual(feb['actual'], self.raw_contract_amount(mine, 2027, 2))
        if not feb['actual']:
            self.assertEqual(feb['mom'], -1.0)
        self.assertIsNone(feb['completion'])

    def test_completion_per_salesperson_and_team(self):
        Perf = self.env['crm.report.performance']
        # the leader sees his team: salespeople's targets, and the team's target
        users = Perf.sudo(self.zhangwei)._completion('2027-01-01', '2027-01-31', level='user')
        by_user = {u['id']: u for u in users}
        self.assertNotIn(self.yanglei.id, by_user)
        in_east = lambda c: c.team_id == self.team_east
        for user in (self.lina, self.wangfang):
            expected = self.raw_contract_amount(lambda c, u=user: c.user_id == u, 2027, 1)
            self.assertAlmostEqual(by_user[user.id]['contract_amount'], expected, 2)
        self.assertEqual(by_user[self.lina.id]['target_contract_amount'], 50000)
        self.assertAlmostEqual(by_user[self.lina.id]['completion_contract_amount'],
                               by_user[self.lina.id]['contract_amount'] / 50000.0)
        teams = Perf.sudo(self.zhangwei)._completion('2027-01-01', '2027-01-31', level='team')
        self.assertEqual([t['id'] for t in teams], [self.team_east.id])
        self.assertAlmostEqual(teams[0]['contract_amount'], self.raw_contract_amount(in_east, 2027, 1), 2)
        self.assertEqual(teams[0]['target_contract_amount'], 200000)
        # a salesperson sees only themselves, and no team target
        mine = Perf.sudo(self.lina)._completion('2027-01-01', '2027-01-31', level='team')
        self.assertEqual(sum(t['target_contract_amount'] for t in mine), 0)
        self.assertEqual({u['id'] for u in Perf.sudo(self.lina)._completion(
            '2027-01-01', '2027-01-31')}, {self.lina.id})

    def test_rankings(self):
        Perf = self.env['crm.report.performance'].sudo(self.sunqiang)
        contracts = self.env['crm.contract'].search([
            ('state', 'in', EFFECTIVE), ('sign_date', '>=', '2027-01-01'), ('sign_date', '<=', '2027-01-31')])
        count, products = {}, {}
        for c in contracts:
            count[c.user_id.name] = count.get(c.user_id.name, 0) + 1
            products[c.user_id.name] = products.get(c.user_id.name, 0) + sum(c.line_ids.mapped('subtotal'))
        ranking = Perf._ranking('contract_count', '2027-01-01', '2027-01-31')
        self.assertEqual(dict(ranking), count)
        self.assertEqual([v for _n, v in ranking], sorted(count.values(), reverse=True))
        ranking = dict(Perf._ranking('product_amount', '2027-01-01', '2027-01-31'))
        self.assertAlmostEqual(ranking[self.wangfang.name], products[self.wangfang.name], 2)
        follow_ups = self.env['crm.follow.up'].search([])
        per_author = {}
        for f in follow_ups:
            per_author[f.user_id.name] = per_author.get(f.user_id.name, 0) + 1
        ranking = Perf._ranking('follow_up_count', '2000-01-01', '2100-12-31')
        self.assertEqual({name: value for name, value in ranking if value}, per_author)
        self.assertEqual([v for _n, v in ranking], sorted((v for _n, v in ranking), reverse=True))
