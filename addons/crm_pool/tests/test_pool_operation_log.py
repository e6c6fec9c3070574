# -*- coding: utf-8 -*-
"""The pool's operations in crm_sales' operation log (操作日志), beside its own log."""
from unittest.mock import patch

from odoo.sql_db import Cursor

from .common import PoolCase


class TestPoolOperationLog(PoolCase):

    @classmethod
    def setUpClass(cls):
        super(TestPoolOperationLog, cls).setUpClass()
        cls.OpLog = cls.env['crm.operation.log']
        cls.env.user.company_id.partner_id.lang = 'en_US'  # summaries asserted in English

    def op_lines(self, partner, kind=None):
        domain = [('partner_id', '=', partner.id)]
        if kind:
            domain.append(('kind', '=', kind))
        return self.OpLog.search(domain)

    def test_claim_and_release(self):
        customer = self.make_pool_customer('OpLog Claim Co')
        customer.sudo(self.sales_a1).action_pool_claim()
        claim = self.op_lines(customer)
        self.assertEqual(len(claim), 1, 'one line, not one per layer (set owner + pool)')
        self.assertEqual((claim.kind, claim.user_id, claim.to_user_id),
                         ('claim', self.sales_a1, self.sales_a1))
        self.assertEqual(claim.summary, 'Claimed from the public pool Pool A')
        self.assertEqual(claim.date, self.T0)

        customer.sudo(self.sales_a1).action_pool_release('no budget this year')
        release = self.op_lines(customer, 'release')
        self.assertEqual((release.user_id, release.from_user_id, release.to_user_id.id),
                         (self.sales_a1, self.sales_a1, False))
        self.assertEqual(release.summary, 'Pool A1 → the public pool Pool A: no budget this year')
        # the pool's own log is unchanged: one line each
        self.assertEqual(self.logs(customer).mapped('action'), ['release', 'claim'])

    def test_assign_recycle_and_lock(self):
        customer = self.make_pool_customer('OpLog Assign Co')
        customer.sudo(self.leader_a).action_pool_assign(self.sales_a2.id)
        assign = self.op_lines(customer, 'assign')
        self.assertEqual((assign.user_id, assign.to_user_id), (self.leader_a, self.sales_a2))
        self.assertEqual(assign.summary, 'Assigned from the public pool Pool A to Pool A2')
        customer.sudo(self.sales_a2).action_pool_lock()
        customer.sudo(self.sales_a2).action_pool_unlock()
        customer.sudo(self.leader_a).action_pool_recycle('left the market')
        self.assertEqual(self.op_lines(customer).mapped('kind'),
                         ['recycle', 'unlock', 'lock', 'assign'])
        recycle = self.op_lines(customer, 'recycle')
        self.assertEqual((recycle.user_id, recycle.from_user_id), (self.leader_a, self.sales_a2))

    def test_transfer_logged_once(self):
        """crm_sales logs a transfer; the pool's log keeps its own line, not a second one
        in the operation log."""
        customer = self.make_customer('OpLog Transfer Co', self.sales_a1)
        customer.sudo(self.leader_a).action_transfer(self.sales_a2.id)
        self.assertEqual(self.op_lines(customer).mapped('kind'), ['transfer'])
        self.assertEqual(self.logs(customer).mapped('action'), ['transfer'])

    def test_offboarding(self):
        to_pool = self.make_customer('OpLog Leaving Co', self.sales_a1)
        to_colleague = self.make_customer('OpLog Handed Co', self.sales_a2)
        self.sales_a1.sudo(self.manager)._pool_offboard(reason='left the company')
        line = self.op_lines(to_pool)
        self.assertEqual((line.kind, line.from_user_id), ('offboard', self.sales_a1))
        self.assertEqual(line.summary,
                         'Offboarding: Pool A1 → the public pool Pool A (left the company)')
        self.sales_a2.sudo(self.manager)._pool_offboard(target=self.sales_b1, reason='moved')
        line = self.op_lines(to_colleague)
        self.assertEqual(len(line), 1)
        self.assertEqual((line.kind, line.from_user_id, line.to_user_id),
                         ('offboard', self.sales_a2, self.sales_b1))
        self.assertEqual(line.summary, 'Offboarding: Pool A2 → Pool B1 (moved)')

    def test_cron_release_logs_in_bulk(self):
        """The cron releases with SQL in batches: the operation log gets one line per
        customer from one statement per batch, whatever the number of customers."""
        rule = self.make_rule(days=10)
        customers = self.Partner
        for i in range(7):
            customers |= self.make_customer('OpLog Cron Co %d' % i, self.sales_a1)
        self.set_now('2026-03-13 01:00:00')
        statements = []
        original = Cursor.execute

        def counting(cr, query, params=None, log_exceptions=None):
            if 'INSERT INTO crm_operation_log' in str(query):
                statements.append(query)
            return original(cr, query, params, log_exceptions)

        with patch.object(Cursor, 'execute', counting):
            self.assertEqual(self.Rule._run_auto_release(batch_size=3), 7)
        self.assertEqual(len(statements), 3, 'one statement per batch of 3 (7 customers)')
        lines = self.OpLog.search([('partner_id', 'in', customers.ids)])
        self.assertEqual(len(lines), 7)
        self.assertEqual(set(lines.mapped('kind')), {'auto_release'})
        self.assertEqual(lines.mapped('from_user_id'), self.sales_a1)
        self.assertEqual(set(lines.mapped('summary')), {
            'Released from Pool A1 to the public pool Pool A by the rule %s' % rule.name})
        self.assertEqual(set(lines.mapped('date')), {'2026-03-13 01:00:00'})
        # the pool's own log as before
        self.assertEqual(len(self.Log.search([('partner_id', 'in', customers.ids)])), 7)

    def test_leaders_see_pool_lines_of_their_pools(self):
        customer = self.make_pool_customer('OpLog Scope Co')
        customer.sudo(self.sales_a1).action_pool_claim()
        customer.sudo(self.sales_a1).action_pool_release('not interested')
        self.assertEqual(len(self.OpLog.sudo(self.leader_a).search(
            [('partner_id', '=', customer.id)])), 2)
        # in the pool serving team A: team A's salespeople read the customer and its lines
        self.assertEqual(len(self.OpLog.sudo(self.sales_a2).search(
            [('partner_id', '=', customer.id)])), 2)
        self.assertFalse(self.OpLog.sudo(self.sales_b1).search(
            [('partner_id', '=', customer.id)]), 'pool A does not serve team B')
