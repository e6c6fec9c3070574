# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from .common import ProductCase


class TestStock(ProductCase):

    @classmethod
    def setUpClass(cls):
        super(TestStock, cls).setUpClass()
        cls.erp = cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'T-ERP 接口', 'login': 't_erp_sync',
            'groups_id': [(6, 0, [cls.env.ref('crm_product.group_crm_erp_sync').id])]})

    def push(self, user, rows):
        return self.env['product.product'].sudo(user).crm_push_stock(rows)

    def test_admin_pushes_stock_in_bulk(self):
        result = self.push(self.zhoutao, [
            {'code': 'T-SENS-1', 'qty': 15}, {'code': 'T-VALVE-1', 'qty': 0},
            {'code': 'T-NOPE', 'qty': 3}, {'code': 'T-SENS-1', 'qty': 25}])
        self.assertEqual(result, {'updated': 2, 'unknown': ['T-NOPE'],
                                  'synced_at': '2026-06-10 04:00:00'})
        self.assertEqual(self.sensor.crm_stock_qty, 25.0, 'the last level of a code wins')
        self.assertEqual(self.sensor.crm_stock_synced_at, '2026-06-10 04:00:00')
        self.assertEqual(self.sensor_t.crm_stock_qty, 25.0, 'shown on the product form')
        self.assertEqual(self.sensor_t.crm_stock_synced_at, '2026-06-10 04:00:00')
        self.assertEqual(self.valve.crm_stock_qty, 0.0)
        self.assertEqual(self.valve.crm_stock_synced_at, '2026-06-10 04:00:00')

    def test_dict_form(self):
        result = self.push(self.zhoutao, {'T-SENS-1': 4, 'T-NOPE': 1})
        self.assertEqual((result['updated'], result['unknown']), (1, ['T-NOPE']))
        self.assertEqual(self.sensor.crm_stock_qty, 4.0)
        with self.refused(UserError):
            self.push(self.zhoutao, {'T-SENS-1': 'four'})
        self.assertEqual(self.sensor.crm_stock_qty, 4.0)

    def test_integration_user_may_push_salespeople_may_not(self):
        self.assertEqual(self.push(self.erp, [{'code': 'T-VALVE-1', 'qty': 7.5}])['updated'], 1)
        self.assertEqual(self.valve.crm_stock_qty, 7.5)
        for user in (self.lina, self.sunqiang, self.wugang):
            with self.refused(AccessError):
                self.push(user, [{'code': 'T-VALVE-1', 'qty': 1}])
        self.assertEqual(self.valve.crm_stock_qty, 7.5)

    def test_stock_cannot_be_typed_in(self):
        with self.refused(AccessError):
            self.valve.sudo(self.zhoutao).write({'crm_stock_qty': 99})
        self.assertFalse(self.valve.crm_stock_synced_at)

    def test_bad_rows_refused_whole(self):
        bad_calls = [
            'T-VALVE-1',
            [['T-VALVE-1', 3]],
            [{'code': 'T-VALVE-1', 'qty': 3}, {'code': '', 'qty': 1}],
            [{'code': 'T-VALVE-1', 'qty': 3}, {'code': 'T-SENS-1', 'qty': '12'}],
            [{'code': 'T-VALVE-1', 'qty': 3}, {'code': 'T-SENS-1', 'qty': True}],
            [{'code': 'T-VALVE-1', 'qty': 3}, {'code': 'T-SENS-1', 'qty': float('nan')}],
            [{'code': 42, 'qty': 3}],
        ]
        for rows in bad_calls:
            with self.refused(UserError):
                self.push(self.zhoutao, rows)
        self.valve.invalidate_cache()
        self.assertFalse(self.valve.crm_stock_synced_at, 'nothing half-written')
        self.assertEqual(self.push(self.zhoutao, []), {
            'updated': 0, 'unknown': [], 'synced_at': '2026-06-10 04:00:00'})

    def test_opportunity_line_warns_short_of_stock(self):
        opp = self.make_opportunity()
        opp.write({'product_line_ids': [(0, 0, {'product_id': self.sensor.id, 'quantity': 30})]})
        line = opp.product_line_ids
        self.assertFalse(line.stock_short, 'no stock pushed yet: no warning')
        self.push(self.zhoutao, [{'code': 'T-SENS-1', 'qty': 20}])
        line.invalidate_cache()
        self.assertTrue(line.stock_short)
        self.assertEqual(line.stock_qty, 20.0)
        draft = self.env['crm.lead.product.line'].sudo(self.lina).new(
            {'lead_id': opp.id, 'product_id': self.sensor.id, 'quantity': 21})
        warning = draft._onchange_quantity_price_stock()
        self.assertIn('T-温度传感器', warning['warning']['message'])
        self.assertIn('20', warning['warning']['message'])
        draft.quantity = 20
        self.assertFalse(draft._onchange_quantity_price_stock())
        line.write({'quantity': 20})
        self.assertFalse(line.stock_short)
