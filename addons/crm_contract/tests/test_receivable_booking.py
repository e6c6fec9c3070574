# -*- coding: utf-8 -*-
from odoo.exceptions import ValidationError

from ..models.crm_contract_payment import book_in_order
from .common import ContractCase


class TestReceivableBooking(ContractCase):
    """Instalments number themselves by date; payments are booked on the instalment they
    name or on the instalments in order, never beyond what is open; a contract and its
    instalments always agree."""

    def setUp(self):
        super(TestReceivableBooking, self).setUp()
        self.contract = self.approved_contract(90000)
        self.Plan = self.env['crm.receivable.plan'].sudo(self.lina)
        self.Payment = self.env['crm.receivable'].sudo(self.lina).with_context(lang='zh_CN')

    def plans(self, *amounts_dates):
        # the web client sends the default instalment number with every new line
        return [self.Plan.create({'contract_id': self.contract.id, 'amount': amount,
                                  'date_planned': day, 'sequence': 1})
                for amount, day in amounts_dates]

    def pay(self, amount, plan=None, submit=True, day='2026-06-09'):
        payment = self.Payment.create({'contract_id': self.contract.id, 'amount': amount,
                                       'plan_id': plan and plan.id, 'date': day})
        if submit:
            payment.action_submit()
        return payment

    def assertAgree(self):
        """The contract and its instalments tell the same story."""
        contract, plans = self.contract, self.contract.plan_ids
        plans.invalidate_cache()
        received = min(contract.amount_received, sum(plans.mapped('amount')))
        self.assertAlmostEqual(sum(plans.mapped('amount_received')), received, 2)
        for plan in plans:
            self.assertAlmostEqual(plan.amount_due, plan.amount - plan.amount_received, 2)
        if not contract.amount_outstanding:
            self.assertEqual(set(plans.mapped('state')), {'received'})

    def test_instalments_number_themselves_by_date(self):
        july, may, june = self.plans((30000, '2026-07-01'), (20000, '2026-05-01'),
                                     (10000, '2026-06-01'))
        self.assertEqual((may.sequence, june.sequence, july.sequence), (1, 2, 3))
        self.assertEqual(self.contract.plan_ids.mapped('sequence'), [1, 2, 3])
        june.write({'date_planned': '2026-08-01', 'sequence': 1})
        self.assertEqual((may.sequence, july.sequence, june.sequence), (1, 2, 3))
        july.unlink()
        self.assertEqual((may.sequence, june.sequence), (1, 2))
        self.assertEqual(june.with_context(lang='zh_CN').name, '第 2 期')

    def test_the_picker_tells_instalments_apart_and_fills_the_amount(self):
        first, second = self.plans((60000, '2026-07-01'), (30000, '2026-09-01'))
        self.pay(20000, first)
        names = dict(self.Plan.with_context(crm_plan_detail=True, lang='zh_CN').name_search(
            '', [('contract_id', '=', self.contract.id)]))
        self.assertEqual(names[first.id], '第 1 期 · 2026-07-01 · ¥ 60,000.00 · 未收 ¥ 40,000.00')
        self.assertEqual(names[second.id], '第 2 期 · 2026-09-01 · ¥ 30,000.00 · 未收 ¥ 30,000.00')
        # the form of "Register Payment" proposes the contract's open amount...
        context = self.contract.sudo(self.lina).action_new_receivable()['context']
        form = self.Payment.with_context(context).new({'contract_id': self.contract.id})
        form.amount = context['default_amount']
        self.assertEqual(form.amount, 70000)
        # ... and picking an instalment, what that one has open
        form.plan_id = first
        form._onchange_plan_id()
        self.assertEqual(form.amount, 40000)
        form.plan_id = False
        form._onchange_plan_id()
        self.assertEqual(form.amount, 70000)

    def test_more_than_the_instalment_has_open_is_refused_in_chinese(self):
        contract = self.contract
        first, second = self.plans((45000, '2026-07-01'), (45000, '2026-09-01'))
        with self.refused(ValidationError) as error:
            self.pay(90000, first, submit=False)
        self.assertIn('第 1 期尚未回款的 ¥ 45,000.00', error.exception.name)
        # more than the contract has open: refused as well
        with self.refused(ValidationError) as error:
            self.pay(90000.01)
        self.assertIn('超过了未回款金额', error.exception.name)
        self.assertEqual(contract.receivable_ids, self.env['crm.receivable'])
        self.assertEqual((first.state, second.state), ('pending', 'pending'))

    def test_a_payment_without_instalment_is_booked_in_order(self):
        first, second = self.plans((45000, '2026-07-01'), (45000, '2026-09-01'))
        payment = self.pay(90000, submit=False)
        self.assertEqual(payment.with_context(lang='zh_CN').plan_booking,
                         '第 1 期 ¥ 45,000.00，第 2 期 ¥ 45,000.00')
        payment.action_submit()
        payment.sudo(self.zhangwei).action_approve()
        self.assertEqual(self.contract.amount_outstanding, 0)
        self.assertEqual((first.state, second.state), ('received', 'received'))
        self.assertFalse(self.contract.has_overdue)
        self.assertAgree()

    def test_the_oldest_instalment_first_and_a_chosen_one_apart(self):
        first, second, third = self.plans((30000, '2026-05-01'), (30000, '2026-07-01'),
                                          (30000, '2026-09-01'))
        self.pay(20000)
        self.assertEqual((first.amount_due, first.state), (10000, 'overdue'))
        self.pay(30000, third)
        self.assertEqual(third.state, 'received')
        self.pay(25000)
        self.assertEqual([p.amount_received for p in (first, second, third)],
                         [30000, 15000, 30000])
        self.assertEqual(self.contract.amount_outstanding, 15000)
        self.assertEqual(second.state, 'partial')
        self.assertAgree()

    def test_payments_in_review_take_the_room_until_cancelled(self):
        first, _second = self.plans((60000, '2026-07-01'), (30000, '2026-09-01'))
        waiting = self.pay(60000, first)
        self.assertEqual(waiting.state, 'waiting')
        self.assertEqual((first.amount_open, first.amount_in_review, first.state),
                         (0, 60000, 'pending'))
        with self.refused(ValidationError):
            self.pay(1, first)
        waiting.action_cancel()
        first.invalidate_cache()
        self.assertEqual(first.amount_open, 60000)
        again = self.pay(60000, first)
        again.sudo(self.zhangwei).action_reject('金额不对')
        self.assertEqual((again.state, first.amount_open), ('draft', 60000))
        self.assertAgree()

    def test_a_draft_on_a_taken_instalment_is_refused_at_submit(self):
        first, _second = self.plans((40000, '2026-07-01'), (50000, '2026-09-01'))
        one = self.pay(40000, first, submit=False)
        two = self.pay(40000, first, submit=False)
        one.action_submit()
        with self.refused(ValidationError):
            two.action_submit()
        self.assertEqual(two.state, 'draft')
        self.assertAgree()

    def test_a_new_earlier_instalment_takes_the_unplanned_payments(self):
        later, = self.plans((30000, '2026-09-01'))
        self.pay(20000)
        self.assertEqual(later.amount_received, 20000)
        earlier, = self.plans((10000, '2026-07-01'))
        self.assertEqual((earlier.amount_received, later.amount_received), (10000, 10000))
        self.assertEqual((earlier.sequence, later.sequence), (1, 2))
        self.assertAgree()

    def test_book_in_order(self):
        plans = [('a', 100), ('b', 100), ('c', 100)]
        self.assertEqual(book_in_order(plans, [(1, None, 250)]),
                         {1: [('a', 100), ('b', 100), ('c', 50)]})
        self.assertEqual(book_in_order(plans, [(1, None, 50), (2, 'a', 100), (3, None, 400)]),
                         {1: [('b', 50)], 2: [('a', 100)], 3: [('b', 50), ('c', 100)]})
        self.assertEqual(book_in_order(plans, [(1, 'b', 150)]), {1: [('b', 100), ('a', 50)]})
        self.assertEqual(book_in_order([], [(1, None, 10)]), {1: []})
