# -*- coding: utf-8 -*-
from .common import EFFECTIVE, ReportCase

STEP_RATES = {'2_customer': 'customer_rate', '3_opportunity': 'opportunity_rate',
              '4_won': 'won_rate', '5_contract': 'contract_rate', '6_payment': 'payment_rate'}


class TestFunnel(ReportCase):

    @classmethod
    def setUpClass(cls):
        super(TestFunnel, cls).setUpClass()
        cls.customer = cls.make_customer('漏斗测试客户有限公司', cls.lina)
        cls.env['crm.lead'].sudo(cls.lina).create({'name': '漏斗测试线索', 'type': 'lead'})
        opp = cls.env['crm.lead'].sudo(cls.lina).create({
            'name': '漏斗测试商机', 'type': 'opportunity', 'partner_id': cls.customer.id,
            'planned_revenue': 88000})
        opp.action_set_end_status('won')
        contract = cls.approved_contract(cls.customer, 66000, '2026-06-01', lead=opp)
        cls.payment(contract, 16000, '2026-06-05')
        cls.approved_contract(cls.make_customer('漏斗测试南方客户', cls.yanglei), 12000,
                              '2026-06-02')

    def raw_funnel(self, user, date_from=None, date_to=None):
        """[(count, amount)] per step from the raw records the user may see."""
        sudo = self.env
        visible = self.scope_filter(user)

        def keep(recs, date_of):
            result = []
            for rec in recs.filtered(visible):
                day = date_of(rec)
                if (date_from and day < self.date(date_from)) or (date_to and day > self.date(date_to)):
                    continue
                result.append(rec)
            return result
        created = lambda rec: self.local_date(rec.create_date)
        leads = keep(sudo['crm.lead'].search([('type', '=', 'lead')]), created)
        customers = keep(sudo['res.partner'].search([('is_crm_customer', '=', True)]), created)
        opps = keep(sudo['crm.lead'].search([('type', '=', 'opportunity')]), created)
        won = keep(sudo['crm.lead'].search([('type', '=', 'opportunity'), ('end_status', '=', 'won')]),
                   lambda rec: self.local_date(rec.end_date or rec.write_date))
        contracts = keep(sudo['crm.contract'].search([('state', 'in', EFFECTIVE)]),
                         lambda rec: self.date(rec.sign_date) if rec.sign_date else created(rec))
        payments = keep(sudo['crm.receivable'].search([('state', '=', 'approved')]),
                        lambda rec: self.date(rec.date))
        return [(len(leads), 0.0), (len(customers), 0.0),
                (len(opps), sum(o.planned_revenue for o in opps)),
                (len(won), sum(o.planned_revenue for o in won)),
                (len(contracts), sum(c.amount_total for c in contracts)),
                (len(payments), sum(p.amount for p in payments))]

    def check_funnel(self, user, date_from=None, date_to=None):
        domain = []
        if date_from:
            domain += [('date', '>=', date_from), ('date', '<=', date_to)]
        steps = self.env['crm.report.funnel'].sudo(user)._funnel(domain)
        expected = self.raw_funnel(user, date_from, date_to)
        self.assertEqual([s['count'] for s in steps], [e[0] for e in expected], user.login)
        for step, (_count, amount) in zip(steps, expected):
            self.assertAlmostEqual(step['amount'], amount, 2, '%s %s' % (user.login, step['step']))
        # each step's rate: the cohort rate computed from the raw records
        rates = self.cohort_rates(self.raw_funnel_rows(user, date_from, date_to))
        self.assertIsNone(steps[0]['rate'])
        for step in steps[1:]:
            rate = rates[STEP_RATES[step['step']]]
            if rate is False:
                self.assertIsNone(step['rate'], step['step'])
            else:
                self.assertAlmostEqual(step['rate'], rate / 100.0, 6, (user.login, step['step']))
                self.assertLessEqual(step['rate'], 1.0, (user.login, step['step']))
        return steps

    def test_funnel_by_scope(self):
        mine = self.check_funnel(self.lina)
        self.assertGreaterEqual(mine[4]['count'], 1)
        team = self.check_funnel(self.zhangwei)
        everything = self.check_funnel(self.sunqiang)
        self.check_funnel(self.executive)
        self.assertLess(team[4]['count'], everything[4]['count'])
        self.assertLessEqual(mine[4]['count'], team[4]['count'])

    def test_funnel_in_a_period(self):
        self.check_funnel(self.lina, '2026-06-01', '2026-06-30')
        self.check_funnel(self.sunqiang, '2026-06-01', '2026-06-30')
        # a month with nothing in it: every count 0, no rates
        steps = self.check_funnel(self.sunqiang, '2001-02-01', '2001-02-28')
        self.assertEqual([s['count'] for s in steps], [0] * 6)
        self.assertEqual([s['rate'] for s in steps], [None] * 6)

    def test_read_group_is_scoped_like_search(self):
        """What the pivot / XML-RPC read_group returns follows the record rules."""
        Funnel = self.env['crm.report.funnel']
        for user in (self.lina, self.zhangwei):
            groups = Funnel.sudo(user).read_group([], ['user_id', 'nbr'], ['user_id'])
            users = {g['user_id'][0] for g in groups if g['user_id']}
            if user == self.lina:
                self.assertEqual(users, {self.lina.id})
            else:
                self.assertNotIn(self.yanglei.id, users)
                self.assertIn(self.lina.id, users)
        groups = Funnel.sudo(self.executive).read_group([], ['user_id', 'nbr'], ['user_id'])
        self.assertIn(self.yanglei.id, {g['user_id'][0] for g in groups if g['user_id']})

    def test_opportunity_funnel_weighted_by_win_rate(self):
        Opp = self.env['crm.report.opportunity']
        for user in (self.lina, self.sunqiang):
            visible = self.scope_filter(user)
            raw = self.env['crm.lead'].search([('type', '=', 'opportunity'),
                                               ('end_status', '=', False)]).filtered(visible)
            expected = {}
            for opp in raw:
                key = opp.stage_id.id
                count, revenue, weighted = expected.get(key, (0, 0.0, 0.0))
                expected[key] = (count + 1, revenue + opp.planned_revenue,
                                 weighted + opp.planned_revenue * opp.probability / 100.0)
            groups = Opp.sudo(user).read_group(
                [('end_status', '=', 'open')],
                ['stage_id', 'nbr', 'expected_revenue', 'weighted_revenue'], ['stage_id'])
            got = {g['stage_id'] and g['stage_id'][0]: (g['nbr'], g['expected_revenue'],
                                                         g['weighted_revenue']) for g in groups}
            self.assertEqual(set(got), set(expected))
            for key, (count, revenue, weighted) in expected.items():
                self.assertEqual(got[key][0], count)
                self.assertAlmostEqual(got[key][1], revenue, 2)
                self.assertAlmostEqual(got[key][2], weighted, 2)
