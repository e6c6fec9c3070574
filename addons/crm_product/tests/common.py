# -*- coding: utf-8 -*-
from contextlib import contextmanager

from odoo.tests.common import SavepointCase


class ProductCase(SavepointCase):
    """Demo users, a frozen CRM clock (2026-06-10 12:00 Beijing time), two products
    created by the CRM administrator and a customer of lina's."""

    NOW = '2026-06-10 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(ProductCase, cls).setUpClass()
        cls.env['crm.clock'].set_now(cls.NOW)
        ref = cls.env.ref
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.zhoutao = ref('crm_sales.user_crm_admin')
        cls.wugang = ref('crm_sales.user_executive')
        cls.team_east = ref('crm_sales.team_east')
        Template = cls.env['product.template'].sudo(cls.zhoutao)
        cls.categ = cls.env['product.category'].sudo(cls.zhoutao).create({'name': 'T-传感器'})
        cls.sensor_t = Template.create({
            'name': 'T-温度传感器', 'default_code': 'T-SENS-1', 'categ_id': cls.categ.id,
            'list_price': 1000.0, 'floor_price': 800.0, 'type': 'consu'})
        cls.valve_t = Template.create({
            'name': 'T-电磁阀', 'default_code': 'T-VALVE-1', 'list_price': 500.0,
            'floor_price': 400.0, 'type': 'consu'})
        cls.sensor = cls.sensor_t.product_variant_id.sudo(cls.lina)
        cls.valve = cls.valve_t.product_variant_id.sudo(cls.lina)
        cls.level_b = ref('crm_sales.customer_level_b')
        cls.customer = cls.env['res.partner'].sudo(cls.lina).create({
            'name': 'T-价目表客户有限公司', 'is_company': True, 'customer': True,
            'user_id': cls.lina.id, 'team_id': cls.team_east.id,
            'customer_level_id': cls.level_b.id})
        cls.contact = cls.env['res.partner'].sudo(cls.lina).create({
            'name': 'T-采购经理', 'parent_id': cls.customer.id, 'type': 'contact'})

    @classmethod
    def make_pricelist(cls, name, items):
        return cls.env['product.pricelist'].sudo(cls.zhoutao).create({
            'name': name, 'item_ids': [(0, 0, dict(item)) for item in items]})

    def make_opportunity(self, partner=None, user=None):
        user = user or self.lina
        return self.env['crm.lead'].sudo(user).create({
            'name': 'T-产品商机', 'type': 'opportunity', 'user_id': user.id,
            'team_id': user.sale_team_id.id,
            'partner_id': (partner or self.customer).id})

    @contextmanager
    def refused(self, exception):
        """assertRaises, and the failed call leaves nothing behind."""
        with self.assertRaises(exception) as cm:
            with self.env.cr.savepoint():
                yield cm
