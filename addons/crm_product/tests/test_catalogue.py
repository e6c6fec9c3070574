# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ProductCase


class TestCatalogue(ProductCase):

    def test_admin_edits_salespeople_read(self):
        self.assertEqual(self.sensor.default_code, 'T-SENS-1')
        self.assertEqual(self.sensor.categ_id, self.categ)
        self.assertEqual(self.sensor.floor_price, 800.0)
        for user in (self.lina, self.zhangwei, self.sunqiang, self.wugang):
            template = self.sensor_t.sudo(user)
            self.assertEqual(template.name, 'T-温度传感器', 'everyone reads the catalogue')
            with self.refused(AccessError):
                template.write({'list_price': 1.0})
            with self.refused(AccessError):
                self.env['product.template'].sudo(user).create({'name': 'T-私自新增'})
            with self.refused(AccessError):
                self.env['product.pricelist'].sudo(user).create({'name': 'T-私自价目表'})
        self.sensor_t.sudo(self.zhoutao).write({'list_price': 1200.0})
        self.assertEqual(self.sensor.lst_price, 1200.0)

    def test_floor_price_not_above_list_price(self):
        with self.refused(ValidationError):
            self.sensor_t.sudo(self.zhoutao).write({'floor_price': 1500.0})
        with self.refused(ValidationError):
            self.sensor_t.sudo(self.zhoutao).write({'floor_price': -1.0})
        self.assertEqual(self.sensor_t.floor_price, 800.0)

    def test_product_code_unique(self):
        with self.refused(ValidationError) as cm:
            self.env['product.template'].sudo(self.zhoutao).create({
                'name': 'T-重复编码', 'default_code': 'T-SENS-1'})
        self.assertIn('T-SENS-1', cm.exception.name)

    def test_off_sale_cannot_be_offered_or_contracted(self):
        self.sensor_t.sudo(self.zhoutao).action_crm_take_off_sale()
        self.assertFalse(self.sensor.sale_ok)
        opp = self.make_opportunity()
        with self.refused(UserError) as cm:
            opp.write({'product_line_ids': [(0, 0, {'product_id': self.sensor.id})]})
        self.assertIn('T-温度传感器', cm.exception.name)
        opp.write({'product_line_ids': [(0, 0, {'product_id': self.valve.id})]})
        line = opp.product_line_ids
        with self.refused(UserError):
            line.write({'product_id': self.sensor.id})
        self.assertEqual(line.product_id, self.valve)
        with self.refused(UserError):
            self.sensor._crm_check_sellable()
        self.sensor_t.sudo(self.zhoutao).action_crm_put_on_sale()
        line.write({'product_id': self.sensor.id})
        self.assertEqual(line.product_id, self.sensor)

    def test_archived_product_cannot_be_offered(self):
        self.valve_t.sudo(self.zhoutao).write({'active': False})
        with self.refused(UserError):
            self.make_opportunity().write(
                {'product_line_ids': [(0, 0, {'product_id': self.valve.id})]})

    def test_off_sale_filter_and_salesperson_cannot_toggle(self):
        self.valve_t.sudo(self.zhoutao).action_crm_take_off_sale()
        Template = self.env['product.template'].sudo(self.lina)
        off = Template.search([('sale_ok', '=', False), ('name', 'like', 'T-')])
        self.assertEqual(off, self.valve_t)
        with self.refused(AccessError):
            self.sensor_t.sudo(self.lina).action_crm_take_off_sale()
        self.assertTrue(self.sensor_t.sale_ok)

    def test_customer_own_price_list_set_by_managers_only(self):
        pricelist = self.make_pricelist('T-经销商价', [])
        with self.refused(AccessError):
            self.customer.sudo(self.lina).write({'crm_pricelist_id': pricelist.id})
        with self.refused(AccessError):
            self.env['res.partner'].sudo(self.lina).create({
                'name': 'T-自带价目表', 'is_company': True, 'customer': True,
                'crm_pricelist_id': pricelist.id})
        self.customer.sudo(self.sunqiang).write({'crm_pricelist_id': pricelist.id})
        self.assertEqual(self.customer.crm_effective_pricelist_id, pricelist)
        # lina still edits the rest of her customer
        self.customer.sudo(self.lina).write({'phone': '021-5555 0101'})
        self.assertEqual(self.customer.phone, '021-5555 0101')
