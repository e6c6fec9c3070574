# -*- coding: utf-8 -*-
"""转办, 加签 and 退回 (issue #29, item 4), and a reviewer reading the customer of what
he reviews (item 1)."""
from odoo.exceptions import AccessError, UserError

from .common import ContractCase


class TestApprovalActions(ContractCase):

    def my_turn(self, user):
        return self.Contract.sudo(user).search([('crm_my_turn', '=', True)])

    def steps(self, contract):
        return self.env['crm.approval.log'].sudo().search([
            ('res_model', '=', 'crm.contract'), ('res_id', '=', contract.id)]).mapped('action')

    def test_hand_over_moves_the_review_to_a_colleague(self):
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        contract.sudo(self.zhangwei).action_hand_over(self.chenjing.id, '我出差')
        self.assertNotIn(contract, self.my_turn(self.zhangwei))
        self.assertIn(contract, self.my_turn(self.chenjing))
        with self.refused(AccessError):
            contract.sudo(self.zhangwei).action_approve()
        contract.sudo(self.chenjing).action_approve('同意')
        self.assertEqual(contract.state, 'approved')
        self.assertEqual(self.steps(contract), ['submit', 'handover', 'approve'])
        handover = contract.sudo().message_ids.filtered(lambda m: '我出差' in (m.body or ''))
        self.assertEqual(handover.author_id, self.zhangwei.partner_id)
        self.assertIn(self.chenjing.partner_id, handover.partner_ids)

    def test_add_reviewer_lets_either_decide(self):
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        contract.sudo(self.zhangwei).action_add_reviewer(self.chenjing.id)
        self.assertIn(contract, self.my_turn(self.zhangwei))
        self.assertIn(contract, self.my_turn(self.chenjing))
        # chenjing, from another team, reads the contract and its customer
        self.assertTrue(self.Contract.sudo(self.chenjing).search([('id', '=', contract.id)]))
        self.assertTrue(self.env['res.partner'].sudo(self.chenjing).search(
            [('id', '=', self.customer.id)]))
        contract.sudo(self.chenjing).action_approve()
        self.assertEqual(contract.state, 'approved')
        self.assertIn('add', self.steps(contract))

    def test_hand_over_and_add_are_refused_to_others_and_for_bad_colleagues(self):
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        for user in (self.lina, self.wangfang, self.chenjing, self.executive):
            with self.refused(AccessError):
                contract.sudo(user).action_hand_over(self.chenjing.id)
            with self.refused(AccessError):
                contract.sudo(user).action_add_reviewer(self.sunqiang.id)
            with self.refused(AccessError):
                contract.sudo(user).action_return('不行')
        for bad in (self.lina.id, self.zhangwei.id, self.env.ref('base.public_user').id,
                    'x', 0, 999999999):
            with self.refused(UserError):
                contract.sudo(self.zhangwei).action_hand_over(bad)
        with self.refused(UserError):
            contract.sudo(self.zhangwei).action_return('  ')
        self.assertEqual(contract.sudo().review_ids.reviewer_ids, self.zhangwei)
        self.assertEqual(self.steps(contract), ['submit'])

    def test_return_goes_to_the_previous_tier_then_to_the_submitter(self):
        contract = self.make_contract(1500000)
        contract.sudo(self.lina).action_submit()
        contract.sudo(self.zhangwei).action_approve()
        self.assertIn(contract, self.my_turn(self.sunqiang))
        contract.sudo(self.sunqiang).with_context(lang='zh_CN').action_return('请补充附件')
        self.assertEqual(contract.state, 'waiting')
        self.assertNotIn(contract, self.my_turn(self.sunqiang))
        self.assertIn(contract, self.my_turn(self.zhangwei), 'back to tier 1')
        first = contract.sudo().review_ids.sorted('sequence')[0]
        self.assertEqual((first.status, first.crm_turn), ('pending', True))
        message = contract.sudo().message_ids.filtered(lambda m: '请补充附件' in (m.body or ''))
        self.assertEqual(message.author_id, self.sunqiang.partner_id)
        self.assertIn('退回', message.body)
        self.assertIn(self.zhangwei.partner_id, message.partner_ids)
        self.assertIn(self.lina.partner_id, message.partner_ids)
        # from tier 1 it goes back to the submitter, as a draft
        contract.sudo(self.zhangwei).action_return('金额有误')
        self.assertEqual(contract.state, 'draft')
        self.assertEqual(first.status, 'returned')
        self.assertEqual(self.my_turn(self.zhangwei) & contract, self.Contract)
        self.assertEqual(self.steps(contract), ['submit', 'approve', 'return', 'return'])
        contract.sudo(self.lina).action_submit()
        self.assertEqual(contract.state, 'waiting')

    def test_a_reviewer_opens_the_customer_of_what_he_reviews(self):
        definition = self.env.ref('crm_contract.tier_contract_leader')
        definition.write({'review_type': 'crm_users',
                          'crm_reviewer_user_ids': [(6, 0, self.chenjing.ids)]})
        Partner = self.env['res.partner'].sudo(self.chenjing)
        self.assertFalse(Partner.search([('id', '=', self.customer.id)]))
        contract = self.make_contract(300000)
        contract.sudo(self.lina).action_submit()
        self.assertEqual(Partner.search([('id', '=', self.customer.id)]), self.customer)
        self.assertEqual(self.customer.sudo(self.chenjing).read(['name'])[0]['name'],
                         self.customer.name)
        with self.refused(AccessError):
            self.customer.sudo(self.chenjing).write({'name': 'x'})
