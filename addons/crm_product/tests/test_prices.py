# -*- coding: utf-8 -*-
from .common import ProductCase


class TestPrices(ProductCase):

    @classmethod
    def setUpClass(cls):
        super(TestPrices, cls).setUpClass()
        cls.level_pricelist = cls.make_pricelist('T-B 级价', [
            {'applied_on': '1_product', 'product_tmpl_id': cls.sensor_t.id,
             'compute_price': 'fixed', 'fixed_price': 900.0},
            {'applied_on': '1_product', 'product_tmpl_id': cls.sensor_t.id,
             'min_quantity': 10, 'compute_price': 'fixed', 'fixed_price': 850.0},
            {'applied_on': '2_product_category', 'categ_id': cls.env.ref(
                'product.product_category_all').id,
             'compute_price': 'percentage', 'percent_price': 5.0},
        ])
        cls.level_b.sudo(cls.zhoutao).write({'pricelist_id': cls.level_pricelist.id})

    def prices(self, partner, quantities=None, date=None):
        products = (self.sensor | self.valve).sudo(self.lina)
        return products._crm_prices(partner, quantities, date)

    def test_level_price_list(self):
        prices = self.prices(self.customer)
        self.assertEqual(prices[self.sensor.id]['list_price'], 1000.0)
        self.assertEqual(prices[self.sensor.id]['price'], 900.0, 'the product rule')
        self.assertEqual(prices[self.valve.id]['price'], 475.0, 'the category rule: 5% off')
        self.assertEqual(prices[self.sensor.id]['floor_price'], 800.0)
        self.assertEqual(prices[self.valve.id]['floor_price'], 400.0)
        self.assertEqual(self.customer.crm_effective_pricelist_id, self.level_pricelist)
        # a contact buys at its company's prices
        self.assertEqual(self.prices(self.contact)[self.sensor.id]['price'], 900.0)

    def test_quantity_break(self):
        prices = self.prices(self.customer, {self.sensor.id: 9, self.valve.id: 100})
        self.assertEqual(prices[self.sensor.id]['price'], 900.0)
        prices = self.prices(self.customer, {self.sensor.id: 10})
        self.assertEqual(prices[self.sensor.id]['price'], 850.0)

    def test_customer_price_list_overrides_level(self):
        own = self.make_pricelist('T-经销商价', [
            {'applied_on': '3_global', 'compute_price': 'percentage', 'percent_price': 20.0}])
        self.customer.sudo(self.sunqiang).write({'crm_pricelist_id': own.id})
        prices = self.prices(self.customer)
        self.assertEqual(prices[self.sensor.id]['price'], 800.0)
        self.assertEqual(prices[self.valve.id]['price'], 400.0)
        # archived: back to the level's
        own.sudo(self.zhoutao).write({'active': False})
        self.assertEqual(self.prices(self.customer)[self.sensor.id]['price'], 900.0)

    def test_no_price_list_list_price(self):
        other = self.env['res.partner'].sudo(self.lina).create({
            'name': 'T-无等级客户', 'is_company': True, 'customer': True})
        prices = self.prices(other)
        self.assertEqual(prices[self.sensor.id]['price'], 1000.0)
        self.assertEqual(prices[self.valve.id]['price'], 500.0)
        empty = self.prices(self.env['res.partner'])
        self.assertEqual(empty[self.sensor.id]['price'], 1000.0)
        self.assertEqual(empty[self.sensor.id]['floor_price'], 800.0)

    def test_validity_dates_follow_the_clock(self):
        promo = self.make_pricelist('T-促销价', [
            {'applied_on': '1_product', 'product_tmpl_id': self.valve_t.id,
             'compute_price': 'fixed', 'fixed_price': 300.0,
             'date_start': '2026-06-01', 'date_end': '2026-06-30'}])
        self.customer.sudo(self.sunqiang).write({'crm_pricelist_id': promo.id})
        self.assertEqual(self.prices(self.customer)[self.valve.id]['price'], 300.0,
                         'today (the CRM clock: 2026-06-10) is in the promotion')
        self.assertEqual(self.prices(self.customer, date='2026-07-01')[self.valve.id]['price'],
                         500.0)
        self.env['crm.clock'].set_now('2026-07-02 04:00:00')
        self.assertEqual(self.prices(self.customer)[self.valve.id]['price'], 500.0)

    def test_opportunity_line_shows_three_prices(self):
        opp = self.make_opportunity()
        opp.write({'product_line_ids': [(0, 0, {'product_id': self.sensor.id, 'quantity': 2}),
                                        (0, 0, {'product_id': self.valve.id,
                                                'offer_price': 460.0})]})
        sensor_line = opp.product_line_ids.filtered(lambda l: l.product_id == self.sensor)
        valve_line = opp.product_line_ids - sensor_line
        self.assertEqual((sensor_line.list_price, sensor_line.pricelist_price,
                          sensor_line.offer_price), (1000.0, 900.0, 900.0))
        self.assertEqual((valve_line.list_price, valve_line.pricelist_price,
                          valve_line.offer_price), (500.0, 475.0, 460.0))
        self.assertEqual(opp.planned_revenue, 1800.0 + 460.0)
        # a quantity reaching the break reprices the price-list price
        sensor_line.write({'quantity': 12})
        self.assertEqual(sensor_line.pricelist_price, 850.0)
        # the client cannot write it
        sensor_line.write({'pricelist_price': 1.0})
        self.assertEqual(sensor_line.pricelist_price, 850.0)

    def test_onchange_quantity_follows_break(self):
        opp = self.make_opportunity()
        Line = self.env['crm.lead.product.line'].sudo(self.lina)
        line = Line.new({'lead_id': opp.id, 'product_id': self.sensor.id, 'quantity': 1})
        line._onchange_product_id()
        self.assertEqual((line.list_price, line.pricelist_price, line.offer_price),
                         (1000.0, 900.0, 900.0))
        line.quantity = 10
        line._onchange_quantity_price_stock()
        self.assertEqual((line.pricelist_price, line.offer_price), (850.0, 850.0))
        line.offer_price = 870.0
        line.quantity = 1
        line._onchange_quantity_price_stock()
        self.assertEqual((line.pricelist_price, line.offer_price), (900.0, 870.0),
                         'a price typed by the salesperson stays')

    def test_many_products_priced_in_a_few_queries(self):
        Template = self.env['product.template'].sudo(self.zhoutao)
        templates = Template.browse()
        for i in range(40):
            templates |= Template.create({'name': 'T-批量 %d' % i, 'list_price': 100.0 + i})
        products = templates.mapped('product_variant_id').sudo(self.lina)

        def count(records):
            records.invalidate_cache()
            before = self.env.cr.sql_log_count
            prices = records._crm_prices(self.customer)
            return self.env.cr.sql_log_count - before, prices

        few, _prices = count(products[:4])
        many, prices = count(products)
        self.assertLessEqual(many, few, '40 products cost no more queries than 4')
        self.assertEqual(prices[products[3].id]['price'], round(103.0 * 0.95, 2))
