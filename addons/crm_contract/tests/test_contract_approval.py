# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from .common import ContractCase


class TestContractApproval(ContractCase):
    """Contracts are approved tier by tier, by the right people, with comments and a
    trace in the chatter; the customer becomes a deal customer on the first approval."""

    def test_small_contract_is_approved_on_submit_and_makes_a_deal(self):
        contract = self.make_contract(80000)
        self.assertFalse(self.customer.is_deal)
        contract.action_submit()
        self.assertEqual(contract.state, 'approved')
        self.assertFalse(contract.review_ids)
        self.assertTrue(self.customer.is_deal)
        self.assertEqual(self.customer.first_deal_date, '2026-06-01')
        self.assertTrue(any('无需审批' in b or 'no approval' in b for b in self.messages(contract)))

    def test_tiers_are_asked_in_order_and_only_their_reviewers_decide(self):
        contract = self.make_contract(1500000)
        contract.action_submit()
        self.assertEqual(contract.state, 'waiting')
        reviews = contract.sudo().review_ids.sorted('sequence')
        self.assertEqual(len(reviews), 2)
        self.assertEqual(reviews[0].reviewer_ids, self.zhangwei)
        self.assertEqual(reviews.mapped('crm_turn'), [True, False])
        # the manager's tier is not asked yet: not in his list, and he cannot jump the queue
        Contract = self.Contract.sudo(self.sunqiang)
        self.assertNotIn(contract, Contract.search([('crm_my_turn', '=', True)]))
        with self.refused(AccessError):
            contract.sudo(self.sunqiang).action_approve()
        self.assertEqual(reviews.mapped('status'), ['pending', 'pending'])
        # the leader sees it waiting for him (in his to-do, not as an activity too)
        self.assertIn(contract, self.Contract.sudo(self.zhangwei).search([('crm_my_turn', '=', True)]))
        self.assertFalse(self.env['mail.activity'].search([
            ('res_model', '=', 'crm.contract'), ('res_id', '=', contract.id)]))
        contract.sudo(self.zhangwei).action_approve('价格合理')
        self.assertEqual(reviews[0].status, 'approved')
        self.assertEqual(reviews[0].done_by, self.zhangwei)
        self.assertEqual(reviews[0].comment, '价格合理')
        self.assertEqual(contract.state, 'waiting')
        self.assertTrue(reviews[1].crm_turn)
        self.assertIn(contract, Contract.search([('crm_my_turn', '=', True)]))
        self.assertNotIn(contract, self.Contract.sudo(self.zhangwei).search([('crm_my_turn', '=', True)]))
        self.assertIn(contract, self.Contract.sudo(self.zhangwei).search([('crm_approved_by_me', '=', True)]))
        contract.sudo(self.sunqiang).action_approve()
        self.assertEqual(contract.state, 'approved')
        self.assertTrue(contract.approved_at)
        self.assertTrue(self.customer.is_deal)
        bodies = ' '.join(self.messages(contract))
        self.assertIn('价格合理', bodies)
        self.assertIn(self.zhangwei.name, bodies)
        self.assertIn(self.sunqiang.name, bodies)

    def test_nobody_approves_a_contract_they_own_or_submitted(self):
        contract = self.make_contract(300000, user=self.zhangwei)
        contract.action_submit()
        review = contract.sudo().review_ids
        # the leader's own contract goes to the managers instead
        self.assertNotIn(self.zhangwei, review.reviewer_ids)
        self.assertIn(self.sunqiang, review.reviewer_ids)
        with self.refused(AccessError):
            contract.sudo(self.zhangwei).action_approve()
        # a contract lina owns that the leader submitted: neither may decide
        other = self.make_contract(300000)
        other.sudo(self.zhangwei).action_submit()
        with self.refused(AccessError):
            other.sudo(self.zhangwei).action_approve()
        with self.refused(AccessError):
            other.sudo(self.lina).action_approve()
        self.assertEqual(other.sudo().review_ids.status, 'pending')

    def test_reject_needs_a_reason_and_returns_to_draft(self):
        contract = self.make_contract(300000)
        contract.action_submit()
        with self.refused(UserError):
            contract.sudo(self.zhangwei).action_reject('  ')
        self.assertEqual(contract.state, 'waiting')
        contract.sudo(self.zhangwei).action_reject('折扣过低')
        self.assertEqual(contract.state, 'draft')
        self.assertEqual(contract.reject_reason, '折扣过低')
        self.assertEqual(contract.sudo().review_ids.status, 'rejected')
        # the owner is told (in her inbox), edits and submits again: a fresh round
        self.assertTrue(contract.sudo().message_ids.filtered(
            lambda m: self.lina.partner_id in m.partner_ids and '折扣过低' in m.body))
        contract.write({'amount_total': 280000})
        contract.action_submit()
        self.assertFalse(contract.reject_reason)
        self.assertEqual(contract.sudo().review_ids.status, 'pending')

    def test_reviews_change_only_through_the_actions(self):
        contract = self.make_contract(300000)
        contract.action_submit()
        review = contract.sudo().review_ids
        for user in (self.lina, self.zhangwei):
            with self.refused(AccessError):
                review.sudo(user).write({'status': 'approved'})
        with self.refused(UserError):
            contract.sudo(self.lina).request_validation()
        with self.refused(UserError):
            contract.sudo(self.zhangwei).reject_tier()
        self.assertEqual(review.status, 'pending')
        # OCA's approve button is the same action
        contract.sudo(self.zhangwei).validate_tier()
        self.assertEqual(contract.state, 'approved')

    def test_the_executive_and_other_teams_cannot_decide(self):
        contract = self.make_contract(300000)
        contract.action_submit()
        with self.refused(AccessError):
            contract.sudo(self.executive).action_approve()
        with self.refused(AccessError):
            contract.sudo(self.chenjing).action_approve()
        self.assertEqual(contract.state, 'waiting')

    def test_wizard_approves_and_rejects(self):
        contract = self.make_contract(300000)
        contract.action_submit()
        action = contract.sudo(self.zhangwei).with_context(crm_decision='reject').action_open_review_wizard()
        wizard = self.env['crm.review.wizard'].sudo(self.zhangwei).with_context(action['context']).create({})
        with self.refused(UserError):
            wizard.action_confirm()
        wizard.comment = '请补充附件'
        wizard.action_confirm()
        self.assertEqual(contract.state, 'draft')
        contract.action_submit()
        wizard = self.env['crm.review.wizard'].sudo(self.zhangwei).create({
            'res_model': 'crm.contract', 'res_id': contract.id, 'decision': 'approve'})
        wizard.action_confirm()
        self.assertEqual(contract.state, 'approved')

    def test_contract_from_a_won_opportunity_carries_its_lines(self):
        lead = self.env['crm.lead'].sudo(self.lina).create({
            'name': '产线改造', 'type': 'opportunity', 'partner_id': self.customer.id,
            'user_id': self.lina.id, 'team_id': self.team_east.id, 'discount': 10,
            'product_line_ids': [(0, 0, {'product_id': self.product.id, 'list_price': 180000,
                                         'offer_price': 150000, 'quantity': 2})]})
        with self.refused(UserError):
            lead.action_create_contract()
        lead.action_set_end_status('won')
        action = lead.action_create_contract()
        contract = self.Contract.browse(action['res_id'])
        self.assertEqual(contract.lead_id, lead)
        self.assertEqual(contract.partner_id, self.customer)
        self.assertEqual(contract.user_id, self.lina)
        self.assertEqual(contract.discount, 10)
        self.assertEqual(contract.line_ids.price_unit, 150000)
        self.assertEqual(contract.line_ids.list_price, 180000)
        self.assertEqual(contract.amount_total, 270000)
        self.assertEqual(lead.contract_count, 1)
