# -*- coding: utf-8 -*-
from odoo.addons.crm_sales.tests.sales_common import SalesCase


class LifecycleCase(SalesCase):
    """crm_sales' demo users and frozen clock (2026-06-10 12:00 Beijing time), customers
    who bought (approved contracts below the first approval tier) and helpers."""

    @classmethod
    def setUpClass(cls):
        super(LifecycleCase, cls).setUpClass()
        ref = cls.env.ref
        cls.wugang = cls.executive
        cls.gateway = ref('crm_sales.demo_product_gateway')
        cls.plc = ref('crm_sales.demo_product_plc')
        cls.reason = ref('crm_lifecycle.churn_reason_competitor')
        cls.Warning = cls.env['crm.churn.warning']

    @classmethod
    def order(cls, customer, sign_date, product=None, qty=1.0, price=10000.0, user=None):
        """An approved contract of ``customer`` signed on ``sign_date``."""
        user = user or customer.sudo().user_id
        contract = cls.env['crm.contract'].sudo(user).create({
            'name': '生命周期测试合同 %s' % sign_date, 'partner_id': customer.id,
            'user_id': user.id, 'team_id': user.sale_team_id.id, 'sign_date': sign_date,
            'date_start': sign_date, 'date_end': '2027-12-31',
            'line_ids': [(0, 0, {'product_id': (product or cls.gateway).id,
                                 'list_price': price, 'price_unit': price, 'quantity': qty})]})
        contract.action_submit()
        assert contract.state == 'approved', contract.state
        return contract

    def set_clock(self, value):
        self.env['crm.clock'].set_now(value)
        self.Warning.invalidate_cache()

    def zh(self, user):
        return self.env(user=user.id, context={'lang': 'zh_CN'})

    def warned(self, user, partner=None):
        """{partner id: warning} the user sees (optionally only ``partner``)."""
        domain = [('partner_id', '=', partner.id)] if partner else []
        self.Warning.invalidate_cache()
        return {w.partner_id.id: w for w in self.Warning.sudo(user).search(domain)}
