# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ContractCase


class TestReceivable(ContractCase):
    """Payment plans and payments roll up to the contract and the customer; only
    approved payments count; nothing exceeds the contract amount."""

    def setUp(self):
        super(TestReceivable, self).setUp()
        self.contract = self.approved_contract(90000)
        self.Plan = self.env['crm.receivable.plan'].sudo(self.lina)
        self.Payment = self.env['crm.receivable'].sudo(self.lina)

    def test_plans_cannot_exceed_the_contract(self):
        self.Plan.create({'contract_id': self.contract.id, 'amount': 60000,
                          'date_planned': '2026-07-01'})
        with self.refused(ValidationError):
            self.Plan.create({'contract_id': self.contract.id, 'amount': 30000.01,
                              'date_planned': '2026-08-01'})
        for bad in (0, -10):
            with self.refused(ValidationError):
                self.Plan.create({'contract_id': self.contract.id, 'amount': bad,
                                  'date_planned': '2026-08-01'})
        self.assertEqual(len(self.contract.plan_ids), 1)

    def test_payments_only_on_approved_contracts_and_within_what_is_open(self):
        draft = self.make_contract(1000)
        with self.refused(UserError):
            self.Payment.create({'contract_id': draft.id, 'amount': 100})
        for bad in (0, -1):
            with self.refused(ValidationError):
                self.Payment.create({'contract_id': self.contract.id, 'amount': bad})
        first = self.Payment.create({'contract_id': self.contract.id, 'amount': 40000})
        first.action_submit()
        self.assertEqual(first.state, 'approved')
        waiting = self.Payment.create({'contract_id': self.contract.id, 'amount': 50000})
        waiting.action_submit()
        self.assertEqual(waiting.state, 'waiting')
        with self.refused(ValidationError):
            self.Payment.create({'contract_id': self.contract.id, 'amount': 0.01})
        self.assertEqual(self.contract.amount_received, 40000)
        self.assertEqual(self.contract.amount_in_review, 50000)
        self.assertEqual(self.contract.amount_outstanding, 50000)
        with self.refused(UserError):
            waiting.write({'amount': 1})
        with self.refused(UserError):
            first.unlink()

    def test_a_draft_cannot_be_submitted_once_others_took_the_room(self):
        one = self.Payment.create({'contract_id': self.contract.id, 'amount': 60000})
        two = self.Payment.create({'contract_id': self.contract.id, 'amount': 60000})
        one.action_submit()
        with self.refused(ValidationError):
            two.action_submit()
        self.assertEqual(two.state, 'draft')
        self.assertEqual(self.contract.amount_in_review, 60000)

    def test_payment_approval_and_plan_states(self):
        plan1 = self.Plan.create({'contract_id': self.contract.id, 'amount': 60000,
                                  'date_planned': '2026-06-05'})
        plan2 = self.Plan.create({'contract_id': self.contract.id, 'amount': 30000,
                                  'date_planned': '2026-09-01'})
        self.assertEqual((plan1.state, plan2.state), ('overdue', 'pending'))
        self.assertEqual(self.contract.amount_overdue, 60000)
        self.assertIn(self.contract, self.Contract.search([('has_overdue', '=', True)]))
        payment = self.Payment.create({'contract_id': self.contract.id, 'plan_id': plan1.id,
                                       'amount': 60000})
        payment.action_submit()
        self.assertEqual(payment.state, 'waiting')
        self.assertEqual(plan1.state, 'overdue', 'a payment in review does not count yet')
        self.assertIn(payment, self.env['crm.receivable'].sudo(self.zhangwei).search(
            [('crm_my_turn', '=', True)]))
        with self.refused(AccessError):
            payment.action_approve()
        payment.sudo(self.zhangwei).action_approve('已到账')
        self.assertEqual(payment.state, 'approved')
        self.assertEqual(plan1.state, 'received')
        self.assertEqual(self.contract.amount_received, 60000)
        self.assertEqual(self.contract.amount_overdue, 0)
        part = self.Payment.create({'contract_id': self.contract.id, 'plan_id': plan2.id,
                                    'amount': 10000})
        part.action_submit()
        self.assertEqual(plan2.state, 'partial')
        self.assertEqual(self.customer.contract_amount, 90000)
        self.assertEqual(self.customer.contract_received, 70000)
        self.assertEqual(self.customer.contract_outstanding, 20000)
        self.env['crm.clock'].set_now('2026-09-02 04:00:00')
        plan2.invalidate_cache()
        self.assertEqual(plan2.state, 'overdue')
        self.assertEqual(self.Plan.search([('is_overdue', '=', True),
                                           ('contract_id', '=', self.contract.id)]), plan2)

    def test_reminders_come_once(self):
        plan = self.Plan.create({'contract_id': self.contract.id, 'amount': 30000,
                                 'date_planned': '2026-06-12', 'remind_days': 3})
        Activity = self.env['mail.activity']
        domain = [('res_model', '=', 'crm.contract'), ('res_id', '=', self.contract.id),
                  ('user_id', '=', self.lina.id)]
        self.Contract._cron_contract_daily()
        self.assertEqual(Activity.search_count(domain), 1, 'due in 2 days: reminded')
        self.Contract._cron_contract_daily()
        self.assertEqual(Activity.search_count(domain), 1, 'not twice')
        self.env['crm.clock'].set_now('2026-06-20 04:00:00')
        self.Contract._cron_contract_daily()
        self.assertEqual(Activity.search_count(domain), 2, 'overdue: reminded once more')
        self.Contract._cron_contract_daily()
        self.assertEqual(Activity.search_count(domain), 2)
        self.assertTrue(plan.overdue_notified)
        todo = self.env['crm.todo'].sudo(self.lina).get_counts()
        self.assertEqual(todo['plan_overdue_count'], 1)
