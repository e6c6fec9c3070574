# -*- coding: utf-8 -*-
from .common import EFFECTIVE, ReportCase


class TestReceivable(ReportCase):
    """Planned, received and overdue by month, salesperson and customer; overdue follows
    the CRM clock."""

    @classmethod
    def setUpClass(cls):
        super(TestReceivable, cls).setUpClass()
        cls.customer = cls.make_customer('回款测试客户有限公司', cls.lina)
        cls.contract = cls.approved_contract(cls.customer, 90000, '2026-04-01')
        cls.plan1 = cls.plan(cls.contract, 30000, '2026-05-15', 1)
        cls.plan2 = cls.plan(cls.contract, 30000, '2026-07-15', 2)
        cls.plan3 = cls.plan(cls.contract, 30000, '2026-09-15', 3)
        cls.payment(cls.contract, 10000, '2026-05-20', cls.plan1)
        south = cls.approved_contract(cls.make_customer('回款测试华南客户', cls.yanglei), 40000,
                                      '2026-04-02')
        cls.plan(south, 40000, '2026-05-01')

    def expected(self, user, key):
        """{key value: (planned, received, overdue)} from the plans and payments."""
        visible = self.scope_filter(user)
        result = {}

        def add(k, planned=0.0, received=0.0, overdue=0.0):
            p, r, o = result.get(k, (0.0, 0.0, 0.0))
            result[k] = (p + planned, r + received, o + overdue)
        plans = self.env['crm.receivable.plan'].search([('contract_id.state', 'in', EFFECTIVE)])
        overdue_ids = set(self.env['crm.receivable.plan'].search([('is_overdue', '=', True)]).ids)
        for plan in plans.filtered(lambda p: visible(p.contract_id)):
            add(key(plan, plan.date_planned), planned=plan.amount,
                overdue=plan.amount_due if plan.id in overdue_ids else 0.0)
        # what no plan covers counts as planned by the contract's end
        for contract in self.env['crm.contract'].search([('state', 'in', EFFECTIVE)]).filtered(visible):
            unplanned = contract.amount_total - sum(contract.plan_ids.mapped('amount'))
            if unplanned > 0:
                add(key(contract, contract.date_end or contract.sign_date or contract.date_start),
                    planned=unplanned)
        for pay in self.env['crm.receivable'].search([('state', '=', 'approved')]).filtered(visible):
            add(key(pay, pay.date), received=pay.amount)
        return result

    def check(self, user, groupby, key):
        groups = self.env['crm.report.receivable'].sudo(user).read_group(
            [], [groupby, 'amount_planned', 'amount_received', 'amount_overdue'], [groupby])
        got = {(g[groupby][0] if isinstance(g[groupby], tuple) else g[groupby]):
               (g['amount_planned'], g['amount_received'], g['amount_overdue']) for g in groups}
        expected = self.expected(user, key)
        self.assertEqual(set(got), set(expected), (user.login, groupby))
        for k, values in expected.items():
            for a, b in zip(got[k], values):
                self.assertAlmostEqual(a, b, 2, (user.login, groupby, k))
        return got

    def test_by_month_salesperson_and_customer(self):
        month = lambda rec, day: day[:7]
        for user in (self.lina, self.zhangwei, self.sunqiang):
            got = self.check(user, 'period', month)
            self.check(user, 'user_id', lambda rec, day: rec.user_id.id)
            self.check(user, 'partner_id', lambda rec, day: rec.partner_id.id)
        mine = self.check(self.lina, 'partner_id', lambda rec, day: rec.partner_id.id)
        self.assertEqual(mine[self.customer.id], (90000, 10000, 20000))
        self.assertIn('2026-05', got)

    def test_overdue_follows_the_clock(self):
        Report = self.env['crm.report.receivable'].sudo(self.lina)
        overdue = lambda: Report._totals([('partner_id', '=', self.customer.id)],
                                         ['amount_overdue'])['amount_overdue']
        self.assertEqual(overdue(), 20000)
        self.set_now('2026-08-01 04:00:00')
        self.assertEqual(overdue(), 50000)
        self.assertEqual(Report.search_count([('partner_id', '=', self.customer.id),
                                              ('is_overdue', '=', True)]), 2)
        self.check(self.lina, 'period', lambda rec, day: day[:7])
        self.set_now('2026-05-01 04:00:00')
        self.assertEqual(overdue(), 0)

    def due_by_contract(self, user):
        groups = self.env['crm.report.receivable'].sudo(user).read_group(
            [], ['contract_id', 'amount_due'], ['contract_id'])
        return {g['contract_id'][0]: g['amount_due'] for g in groups if g['amount_due']}

    def test_what_is_due_equals_the_contracts_outstanding(self):
        """Per contract, what the report says is still due is the contract's outstanding
        amount (raw records), for every reader, whatever the plans cover."""
        # paid in full by payments naming no instalment: nothing due on any instalment
        paid = self.approved_contract(self.customer, 80000, '2026-04-03')
        first = self.plan(paid, 40000, '2026-05-01')
        second = self.plan(paid, 40000, '2026-08-01')
        self.payment(paid, 49000, '2026-05-02')
        self.payment(paid, 31000, '2026-05-03')
        self.assertEqual((first.state, second.state), ('received', 'received'))
        # plans covering a part of the contract only; a contract without plans
        part = self.approved_contract(self.customer, 90000, '2026-04-04')
        self.plan(part, 30000, '2026-05-01')
        self.payment(part, 40000, '2026-05-03')
        bare = self.approved_contract(self.customer, 20000, '2026-04-05')
        for user in (self.lina, self.zhangwei, self.sunqiang):
            visible = self.scope_filter(user)
            contracts = self.env['crm.contract'].search(
                [('state', 'in', EFFECTIVE)]).filtered(visible)
            expected = {c.id: c.amount_outstanding for c in contracts if c.amount_outstanding}
            got = self.due_by_contract(user)
            self.assertEqual(set(got), set(expected), user.login)
            for cid, amount in expected.items():
                self.assertAlmostEqual(got[cid], amount, 2, (user.login, cid))
        got = self.due_by_contract(self.lina)
        self.assertNotIn(paid.id, got)
        self.assertEqual((got[part.id], got[bare.id]), (50000, 20000))
