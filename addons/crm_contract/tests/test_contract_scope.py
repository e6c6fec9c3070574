# -*- coding: utf-8 -*-
from .common import ContractCase


class TestContractScope(ContractCase):
    """Lines, payment plans and payments store their contract's owner and team
    (crm.scope.mixin) and follow it."""

    def _children(self, contract):
        return (contract.line_ids, contract.plan_ids, contract.receivable_ids)

    def test_children_follow_the_contract_through_a_transfer(self):
        contract = self.approved_contract(line_ids=[(0, 0, {
            'product_id': self.product.id, 'price_unit': 40000, 'quantity': 2})]).sudo()
        self.env['crm.receivable.plan'].sudo(self.lina).create({
            'contract_id': contract.id, 'amount': 1000, 'date_planned': '2026-07-01'})
        self.env['crm.receivable'].sudo(self.lina).create({
            'contract_id': contract.id, 'amount': 1000})
        contract.invalidate_cache()
        for records in self._children(contract):
            self.assertTrue(records, records._name)
            self.assertEqual(records.mapped('crm_scope_user_id'), self.lina, records._name)
            self.assertEqual(records.mapped('crm_scope_team_id'), self.team_east, records._name)
            self.assertEqual(records.sudo(self.lina).search([('id', 'in', records.ids)]), records)
            self.assertFalse(records.sudo(self.yanglei).search([('id', 'in', records.ids)]))
            self.assertFalse(records.sudo(self.chenjing).search([('id', 'in', records.ids)]))
            self.assertEqual(records.sudo(self.zhangwei).search([('id', 'in', records.ids)]), records)
            self.assertEqual(records.sudo(self.sunqiang).search([('id', 'in', records.ids)]), records)
        self.customer.sudo(self.zhangwei).action_transfer(self.wangfang.id, True, True, 'none')
        for records in self._children(contract):
            self.assertEqual(records.mapped('crm_scope_user_id'), self.wangfang, records._name)
            self.assertEqual(records.sudo(self.wangfang).search([('id', 'in', records.ids)]), records)
            self.assertFalse(records.sudo(self.lina).search([('id', 'in', records.ids)]), records._name)
