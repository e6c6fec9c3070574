# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError

from odoo.addons.crm_sales.tests.sales_common import SalesCase


class TestContractLog(SalesCase):

    def test_a_contracts_change_log_is_read_as_the_contract(self):
        customer = self.make_customer('审计合同客户')
        contract = self.env['crm.contract'].sudo(self.lina).create({
            'name': '审计测试合同', 'partner_id': customer.id, 'sign_date': '2026-06-01',
            'date_start': '2026-06-01', 'date_end': '2027-05-31', 'amount_total': 50000.0})
        contract.write({'amount_total': 60000.0})
        action = contract.action_crm_audit_log()
        logs = self.env['auditlog.log'].sudo(self.lina).search(action['domain'])
        self.assertEqual(sorted(logs.mapped('method')), ['create', 'write'])
        amount = logs.mapped('line_ids').filtered(
            lambda l: l.field_id.name == 'amount_total' and l.log_id.method == 'write')
        self.assertEqual((amount.old_value_text, amount.new_value_text), ('50000.0', '60000.0'))
        self.assertEqual(contract.crm_audit_log_count, 2)
        with self.assertRaises(AccessError):
            contract.sudo(self.yanglei).action_crm_audit_log()
        self.assertFalse(self.env['auditlog.log'].sudo(self.yanglei).search(action['domain']))
