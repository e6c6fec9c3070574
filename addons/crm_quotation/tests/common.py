# -*- coding: utf-8 -*-
from contextlib import contextmanager

from odoo.tests.common import SavepointCase


class QuoteCase(SavepointCase):
    """Demo users and the default quotation tiers (leader: below the floor price or a
    total discount above 15 %; sales managers: above 1,000,000), a frozen CRM clock
    (2026-06-10 12:00 Beijing time), a customer of 李娜's with a contact and an
    opportunity with two products."""

    NOW = '2026-06-10 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(QuoteCase, cls).setUpClass()
        cls.env['crm.clock'].set_now(cls.NOW)
        ref = cls.env.ref
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.wangfang = ref('crm_sales.user_sales_east_2')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.yanglei = ref('crm_sales.user_sales_south_1')
        cls.chenjing = ref('crm_sales.user_leader_south')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.executive = ref('crm_sales.user_executive')
        cls.team_east = ref('crm_sales.team_east')
        cls.mes = ref('crm_sales.demo_product_mes')          # 180,000
        cls.cloud = ref('crm_sales.demo_product_cloud')      # 36,000
        cls.customer = cls.env['res.partner'].sudo(cls.lina).create({
            'name': '测试报价客户有限公司', 'is_company': True, 'customer': True,
            'user_id': cls.lina.id, 'team_id': cls.team_east.id})
        cls.contact = cls.env['res.partner'].sudo(cls.lina).create({
            'name': '王经理', 'parent_id': cls.customer.id, 'type': 'contact'})
        cls.lead = cls.env['crm.lead'].sudo(cls.lina).create({
            'name': '测试报价商机', 'type': 'opportunity', 'partner_id': cls.customer.id,
            'user_id': cls.lina.id, 'team_id': cls.team_east.id,
            'product_line_ids': [
                (0, 0, {'product_id': cls.mes.id, 'quantity': 2, 'offer_price': 170000}),
                (0, 0, {'product_id': cls.cloud.id, 'quantity': 1, 'offer_price': 36000})]})
        cls.Quote = cls.env['crm.quotation']

    def make_quote(self, lines=None, user=None, **kw):
        user = user or self.lina
        vals = dict(partner_id=self.customer.id, user_id=user.id, title='测试报价',
                    line_ids=[(0, 0, dict(l)) for l in (lines if lines is not None else [
                        {'product_id': self.cloud.id, 'quantity': 1, 'price_unit': 34000}])])
        vals.update(kw)
        return self.Quote.sudo(user).create(vals)

    def sent_quote(self, **kw):
        quote = self.make_quote(**kw)
        quote.action_submit()
        self.assertEqual(quote.state, 'approved')
        quote.action_send()
        return quote

    @contextmanager
    def refused(self, exception):
        """Like assertRaises, and the failed call leaves nothing behind."""
        with self.assertRaises(exception) as cm:
            with self.env.cr.savepoint():
                yield cm

    def messages(self, record):
        return record.sudo().message_ids.mapped('body')
