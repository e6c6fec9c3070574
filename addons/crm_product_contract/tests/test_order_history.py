# -*- coding: utf-8 -*-
"""The customer's 订单历史 tab: its signed contracts (approved or expired) above the ERP's
orders, each as the reader may read them."""
from lxml import etree

from odoo.addons.crm_contract.tests.common import ContractCase


class TestOrderHistory(ContractCase):

    def test_signed_contracts_and_erp_orders_on_the_customer(self):
        signed = self.approved_contract(80000)
        draft = self.make_contract(50000)
        self.env['crm.erp.order'].sudo(self.zhoutao).crm_push_orders([{
            'number': 'T-HIST-1', 'customer_id': self.customer.id, 'date': '2026-05-01',
            'amount': 1200.0}])
        customer = self.customer.sudo(self.lina)
        self.assertEqual(customer.crm_history_contract_ids, signed,
                         'the signed contract, not the draft')
        self.assertTrue(draft.exists())
        self.assertEqual(customer.crm_erp_order_ids.mapped('name'), ['T-HIST-1'])
        # a colleague of another team sees neither (not her customer)
        self.assertFalse(self.env['crm.contract'].sudo(self.yanglei).search(
            [('id', 'in', customer.crm_history_contract_ids.ids)]))
        # the tab shows the contracts above the orders
        view = self.env.ref('crm_sales.res_partner_view_form_customer')
        arch = self.env['res.partner'].sudo(self.lina).with_context(lang='zh_CN').fields_view_get(
            view.id, 'form')['arch']
        page = etree.fromstring(arch).xpath("//page[@name='crm_order_history']")[0]
        names = [f.get('name') for f in page.xpath("./field")]
        self.assertEqual(names, ['crm_history_contract_ids', 'crm_erp_order_ids'])
        self.assertEqual([s.get('string') for s in page.xpath('./separator')],
                         ['已签合同', 'ERP 订单'])
