# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


class TestQuotationPrices(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuotationPrices, cls).setUpClass()
        env = cls.env
        env['crm.clock'].set_now('2026-06-10 04:00:00')
        cls.lina = env.ref('crm_sales.user_sales_east_1')
        cls.zhoutao = env.ref('crm_sales.user_crm_admin')
        cls.tmpl = env['product.template'].sudo(cls.zhoutao).create({
            'name': 'T-报价产品', 'default_code': 'T-QP-1', 'list_price': 1000.0})
        cls.product = cls.tmpl.product_variant_id
        cls.pricelist = env['product.pricelist'].sudo(cls.zhoutao).create({
            'name': 'T-Q 级价', 'item_ids': [
                (0, 0, {'applied_on': '1_product', 'product_tmpl_id': cls.tmpl.id,
                        'compute_price': 'fixed', 'fixed_price': 920.0}),
                (0, 0, {'applied_on': '1_product', 'product_tmpl_id': cls.tmpl.id,
                        'min_quantity': 5, 'compute_price': 'fixed', 'fixed_price': 880.0})]})
        level = env.ref('crm_sales.customer_level_c')
        level.sudo(cls.zhoutao).write({'pricelist_id': cls.pricelist.id})
        cls.customer = env['res.partner'].sudo(cls.lina).create({
            'name': 'T-报价价目客户', 'is_company': True, 'customer': True,
            'customer_level_id': level.id})
        cls.Quote = env['crm.quotation'].sudo(cls.lina)

    def new_quote(self, quantity):
        return self.Quote.create({'partner_id': self.customer.id, 'title': 'T-报价',
                                  'line_ids': [(0, 0, {'product_id': self.product.id,
                                                       'quantity': quantity})]})

    def test_lines_show_the_price_list_price_for_their_quantity(self):
        line = self.new_quote(2).line_ids
        self.assertEqual((line.list_price, line.pricelist_price, line.price_unit),
                         (1000.0, 920.0, 920.0))
        # a quantity break: 5 or more at 880, taken again when the quantity changes
        line.write({'quantity': 6})
        self.assertEqual((line.pricelist_price, line.price_unit), (880.0, 920.0))

    def test_update_prices_takes_the_new_price_list_price(self):
        quote = self.new_quote(2)
        self.pricelist.item_ids.filtered(lambda i: i.min_quantity == 0).sudo(
            self.zhoutao).write({'fixed_price': 900.0})
        quote.action_reprice()
        self.assertEqual(quote.line_ids.pricelist_price, 900.0)
        self.assertEqual(quote.line_ids.price_unit, 920.0, 'the offered price stays')

    def test_a_client_cannot_type_the_price_list_price(self):
        with self.assertRaises(AccessError):
            self.Quote.create({'partner_id': self.customer.id, 'title': 'T-报价', 'line_ids': [
                (0, 0, {'product_id': self.product.id, 'quantity': 1, 'pricelist_price': 1.0})]})
        line = self.new_quote(1).line_ids
        with self.assertRaises(AccessError):
            line.write({'pricelist_price': 1.0})
        self.assertEqual(line.pricelist_price, 920.0)

    def test_a_quantity_above_the_erp_stock_warns(self):
        quote = self.new_quote(8)
        self.assertFalse(quote.stock_short, 'no stock pushed yet: no warning')
        self.env['product.product'].sudo(self.zhoutao).crm_push_stock({'T-QP-1': 5})
        quote.invalidate_cache()
        self.assertTrue(quote.line_ids.stock_short)
        self.assertTrue(quote.stock_short)
        # the form: typing a quantity above the stock warns, with the price-list price
        typed = self.env['crm.quotation.line'].sudo(self.lina).new({
            'quotation_id': quote.id, 'product_id': self.product.id, 'quantity': 8})
        warning = typed._onchange_product_id()['warning']
        self.assertEqual(warning['title'], '库存不足')
        self.assertIn('需要 8.0，库存 5.0', warning['message'])
        self.assertEqual(typed.pricelist_price, 880.0)
        quote.line_ids.write({'quantity': 5})
        quote.invalidate_cache()
        self.assertFalse(quote.stock_short)
