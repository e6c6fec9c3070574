# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError

from .common import ContractCase


class TestContractScope(ContractCase):
    """Lines, payment plans and payments store their contract's owner and team
    (crm.scope.mixin) and follow it; contracts stay in their company."""

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

    def test_a_user_of_another_company_does_not_see_the_contract(self):
        contract = self.make_contract(1000)
        other = self.env['res.company'].create({'name': 'T-另一家公司'})

        def user(login, group):
            return self.env['res.users'].with_context(no_reset_password=True).create({
                'name': login, 'login': login, 'company_id': other.id,
                'company_ids': [(6, 0, [other.id])],
                'groups_id': [(6, 0, [self.env.ref('base.group_user').id,
                                      self.env.ref(group).id])]})
        seller = user('t_other_company_sales', 'crm_sales.group_crm_salesman')
        manager = user('t_other_company_manager', 'crm_sales.group_crm_manager')
        # shared with the salesperson of the other company: the company rule still hides it
        contract.sudo(self.lina).action_share([seller.id], 'read')
        for someone in (seller, manager):
            self.assertFalse(self.Contract.sudo(someone).search([('id', '=', contract.id)]))
            with self.refused(AccessError):
                contract.sudo(someone).read(['name'])
        self.assertTrue(self.Contract.sudo(self.sunqiang).search([('id', '=', contract.id)]))
        # a contract of their own company: the manager sees it
        theirs = self.Contract.sudo().create({
            'name': 'T-另一家公司的合同', 'partner_id': self.customer.id,
            'user_id': manager.id, 'company_id': other.id, 'amount_total': 10})
        self.assertEqual(self.Contract.sudo(manager).search([('id', 'in', (contract | theirs).ids)]),
                         theirs)
        self.assertFalse(self.Contract.sudo(self.sunqiang).search([('id', '=', theirs.id)]))
