# -*- coding: utf-8 -*-
from unittest.mock import patch

from odoo.exceptions import AccessError

from .common import QuoteCase


class TestPricing(QuoteCase):

    def priced_with_floor(self, floor_share=0.9):
        """Patch the pricing point as a price-list module would answer it (with a floor
        price), counting its calls."""
        Product = type(self.env['product.product'])
        original = Product._crm_prices
        calls = []

        def fake(products, partner, quantities=None, date=None):
            calls.append(len(products))
            res = original(products, partner, quantities, date)
            for values in res.values():
                values['floor_price'] = values['list_price'] * floor_share
            return res
        return patch.object(Product, '_crm_prices', fake), calls

    def test_quote_from_opportunity_copies_products_with_catalogue_prices(self):
        action = self.lead.sudo(self.lina).action_create_quotation()
        quote = self.Quote.browse(action['res_id'])
        self.assertEqual(quote.partner_id, self.customer)
        self.assertEqual(quote.contact_id, self.contact)
        self.assertEqual(quote.lead_id, self.lead)
        self.assertEqual(quote.user_id, self.lina)
        mes = quote.line_ids.filtered(lambda l: l.product_id == self.mes)
        self.assertEqual((mes.list_price, mes.price_unit, mes.quantity), (180000, 170000, 2))
        self.assertAlmostEqual(mes.discount, 5.56, places=2)
        self.assertEqual(quote.amount_list, 2 * 180000 + 36000)
        self.assertEqual(quote.amount_total, 2 * 170000 + 36000)
        self.assertEqual(self.lead.current_quotation_id, quote)
        self.assertEqual(self.lead.quotation_count, 1)

    def test_two_hundred_lines_are_priced_in_one_call(self):
        Product = self.env['product.product']
        products = Product.browse([Product.create({'name': 'P%03d' % i, 'lst_price': 100 + i}).id
                                   for i in range(200)])
        patcher, calls = self.priced_with_floor()
        with patcher:
            quote = self.make_quote(lines=[{'product_id': p.id, 'quantity': 2}
                                           for p in products])
            self.assertEqual(calls, [200])
            quote.action_reprice()
            self.assertEqual(calls, [200, 200])
        self.assertEqual(len(quote.line_ids), 200)
        self.assertEqual(quote.line_ids[0].list_price, 100)
        self.assertEqual(quote.line_ids[0].price_unit, 100)   # the customer's price
        self.assertAlmostEqual(quote.line_ids[0].floor_price, 90)

    def test_floor_price_sends_the_quote_to_the_leader(self):
        patcher, _calls = self.priced_with_floor(0.9)
        with patcher:
            quote = self.make_quote(lines=[{'product_id': self.cloud.id, 'price_unit': 32000}])
        self.assertTrue(quote.below_floor)          # 32,000 < 90 % of 36,000
        self.assertLess(quote.discount_total, 15)
        quote.action_submit()
        self.assertEqual(quote.state, 'waiting')
        self.assertTrue(quote.sudo(self.zhangwei).crm_my_turn)

    def test_the_extra_discount_counts_for_the_floor(self):
        patcher, _calls = self.priced_with_floor(0.9)
        with patcher:
            quote = self.make_quote(lines=[{'product_id': self.cloud.id, 'price_unit': 33000}])
        self.assertFalse(quote.below_floor)
        quote.write({'discount': 5})
        self.assertTrue(quote.below_floor)          # 33,000 less 5 % < 32,400

    def test_prices_are_not_typed_by_a_client(self):
        quote = self.make_quote()
        line = quote.line_ids.sudo(self.lina)
        with self.refused(AccessError):
            line.write({'floor_price': 0, 'list_price': 1})
        with self.refused(AccessError):
            self.make_quote(lines=[{'product_id': self.cloud.id, 'list_price': 99999999}])
        with self.refused(AccessError):
            quote.sudo(self.lina).write({'amount_total': 1})
        with self.refused(AccessError):
            quote.sudo(self.lina).write({'state': 'approved'})

    def test_typing_a_discount_sets_the_offered_price(self):
        quote = self.make_quote()
        quote.line_ids.sudo(self.lina).write({'discount': 10})
        self.assertEqual(quote.line_ids.price_unit, 32400)
        self.assertEqual(quote.amount_total, 32400)

    def test_update_prices_takes_the_new_floor_and_flags_the_quote(self):
        quote = self.make_quote(lines=[{'product_id': self.cloud.id, 'price_unit': 34000}])
        self.assertFalse(quote.below_floor)
        patcher, calls = self.priced_with_floor(0.99)
        with patcher:
            quote.sudo(self.lina).action_reprice()
        self.assertEqual(calls, [1])
        line = quote.line_ids
        self.assertAlmostEqual(line.floor_price, 35640)
        self.assertTrue(line.below_floor)
        self.assertTrue(quote.below_floor)
        self.assertAlmostEqual(line.discount, 5.56, places=2)
        quote.action_submit()
        self.assertEqual(quote.state, 'waiting')   # the team leader decides
