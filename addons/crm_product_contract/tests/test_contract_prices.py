# -*- coding: utf-8 -*-
from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase


class TestContractPrices(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestContractPrices, cls).setUpClass()
        env = cls.env
        env['crm.clock'].set_now('2026-06-10 04:00:00')
        cls.lina = env.ref('crm_sales.user_sales_east_1')
        cls.zhoutao = env.ref('crm_sales.user_crm_admin')
        team = env.ref('crm_sales.team_east')
        cls.tmpl = env['product.template'].sudo(cls.zhoutao).create({
            'name': 'T-合同产品', 'default_code': 'T-CT-1', 'list_price': 1000.0})
        cls.product = cls.tmpl.product_variant_id
        pricelist = env['product.pricelist'].sudo(cls.zhoutao).create({
            'name': 'T-C 级价', 'item_ids': [
                (0, 0, {'applied_on': '1_product', 'product_tmpl_id': cls.tmpl.id,
                        'compute_price': 'fixed', 'fixed_price': 920.0}),
                (0, 0, {'applied_on': '1_product', 'product_tmpl_id': cls.tmpl.id,
                        'min_quantity': 5, 'compute_price': 'fixed', 'fixed_price': 880.0,
                        'date_end': '2026-06-30'})]})
        level = env.ref('crm_sales.customer_level_c')
        level.sudo(cls.zhoutao).write({'pricelist_id': pricelist.id})
        customer = env['res.partner'].sudo(cls.lina).create({
            'name': 'T-合同价目客户', 'is_company': True, 'customer': True,
            'customer_level_id': level.id})
        cls.contract = env['crm.contract'].sudo(cls.lina).create({
            'name': 'T-价目合同', 'partner_id': customer.id, 'user_id': cls.lina.id,
            'team_id': team.id, 'date_start': '2026-06-01', 'date_end': '2027-05-31',
            'sign_date': '2026-06-10'})

    def test_contract_line_shows_price_list_price(self):
        self.contract.write({'line_ids': [(0, 0, {'product_id': self.product.id,
                                                  'quantity': 2})]})
        line = self.contract.line_ids
        self.assertEqual((line.list_price, line.pricelist_price, line.price_unit),
                         (1000.0, 920.0, 920.0))
        line.write({'quantity': 5})
        self.assertEqual(line.pricelist_price, 880.0, 'the quantity break')
        self.contract.write({'sign_date': '2026-07-01'})
        line.write({'quantity': 6})
        self.assertEqual(line.pricelist_price, 920.0, 'the break ended on 2026-06-30')

    def test_off_sale_product_not_contracted(self):
        self.tmpl.sudo(self.zhoutao).action_crm_take_off_sale()
        with self.assertRaises(UserError):
            with self.env.cr.savepoint():
                self.contract.write({'line_ids': [(0, 0, {'product_id': self.product.id})]})
        self.assertFalse(self.contract.line_ids)
