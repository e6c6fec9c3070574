# -*- coding: utf-8 -*-
from odoo.exceptions import UserError

from .common import ContractCase


class TestRevisionExpiry(ContractCase):
    """Changing an approved contract makes a new version approved again; ended
    contracts expire and owners are told before."""

    def test_change_makes_a_version_that_supersedes_the_previous(self):
        v1 = self.approved_contract(80000)
        plan = self.env['crm.receivable.plan'].sudo(self.lina).create({
            'contract_id': v1.id, 'amount': 50000, 'date_planned': '2026-07-01'})
        payment = self.env['crm.receivable'].sudo(self.lina).create({
            'contract_id': v1.id, 'plan_id': plan.id, 'amount': 30000})
        payment.action_submit()
        action = v1.action_change()
        v2 = self.Contract.browse(action['res_id'])
        self.assertEqual((v2.number, v2.revision, v2.state), (v1.number, 2, 'draft'))
        self.assertEqual(v2.root_id, v1)
        with self.refused(UserError):
            v1.action_change()
        # below what was received: refused
        v2.write({'amount_total': 20000})
        with self.refused(UserError):
            v2.action_submit()
        v2.write({'amount_total': 150000})
        v2.action_submit()
        self.assertEqual(v2.state, 'waiting')
        self.assertEqual(v1.state, 'approved', 'V1 stays in force while V2 is reviewed')
        v2.sudo(self.zhangwei).action_approve()
        self.assertEqual(v2.state, 'approved')
        self.assertEqual(v1.state, 'superseded')
        self.assertEqual(plan.contract_id, v2)
        self.assertEqual(payment.contract_id, v2)
        self.assertEqual(v2.amount_received, 30000)
        self.assertEqual(v1.version_ids, v1 | v2)
        self.assertEqual(self.customer.contract_amount, 150000, 'superseded versions do not count')
        self.assertIn('V2', v2.display_name)

    def test_expiry_reminder_filter_and_cron(self):
        soon = self.approved_contract(1000, date_end='2026-06-30')
        later = self.approved_contract(1000, date_end='2026-12-31')
        ended = self.approved_contract(1000, date_start='2025-01-01', date_end='2026-06-01')
        expiring = self.Contract.search([('is_expiring', '=', True)])
        self.assertIn(soon, expiring)
        self.assertNotIn(later, expiring)
        self.assertNotIn(ended, expiring)
        self.assertIn(later, self.Contract.search([('is_expiring', '=', False)]))
        self.assertEqual(self.env['crm.todo'].sudo(self.lina).get_counts()['contract_expiring_count'],
                         len(self.Contract.sudo(self.lina).search([('is_expiring', '=', True),
                                                                   ('user_id', '=', self.lina.id)])))
        self.Contract._cron_contract_daily()
        self.Contract._cron_contract_daily()
        self.assertEqual(ended.state, 'expired')
        self.assertEqual(soon.state, 'approved')
        self.assertTrue(soon.expiry_notified)
        self.assertEqual(self.env['mail.activity'].search_count([
            ('res_model', '=', 'crm.contract'), ('res_id', '=', soon.id)]), 1)
        self.assertEqual(self.customer.contract_amount, 3000, 'expired contracts still count')
