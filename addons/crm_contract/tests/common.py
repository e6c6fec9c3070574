# -*- coding: utf-8 -*-
from contextlib import contextmanager

from odoo.tests.common import SavepointCase


class ContractCase(SavepointCase):
    """Demo users and tiers (leader above 100,000, managers above 1,000,000), a frozen
    CRM clock (2026-06-10 12:00 Beijing time) and helpers that act as a given user."""

    NOW = '2026-06-10 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(ContractCase, cls).setUpClass()
        cls.env['crm.clock'].set_now(cls.NOW)
        ref = cls.env.ref
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.wangfang = ref('crm_sales.user_sales_east_2')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.yanglei = ref('crm_sales.user_sales_south_1')
        cls.chenjing = ref('crm_sales.user_leader_south')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.zhoutao = ref('crm_sales.user_crm_admin')
        cls.executive = ref('crm_sales.user_executive')
        cls.team_east = ref('crm_sales.team_east')
        cls.product = ref('crm_sales.demo_product_mes')
        cls.customer = cls.env['res.partner'].sudo(cls.lina).create({
            'name': '测试合同客户有限公司', 'is_company': True, 'customer': True,
            'user_id': cls.lina.id, 'team_id': cls.team_east.id})
        cls.contact = cls.env['res.partner'].sudo(cls.lina).create({
            'name': '王经理', 'parent_id': cls.customer.id, 'type': 'contact'})
        cls.Contract = cls.env['crm.contract']

    @classmethod
    def make_contract(cls, amount, user=None, **kw):
        user = user or cls.lina
        vals = dict(name='测试合同 %s' % amount, partner_id=cls.customer.id, user_id=user.id,
                    team_id=user.sale_team_id.id, date_start='2026-06-01',
                    date_end='2027-05-31', sign_date='2026-06-01', amount_total=amount)
        vals.update(kw)
        return cls.env['crm.contract'].sudo(user).create(vals)

    @contextmanager
    def refused(self, exception):
        """Like assertRaises, and the failed call leaves nothing behind (as a failed
        XML-RPC call, whose transaction is rolled back)."""
        with self.assertRaises(exception) as cm:
            with self.env.cr.savepoint():
                yield cm

    def approved_contract(self, amount=80000, **kw):
        """A contract below the first tier: approved on submit."""
        contract = self.make_contract(amount, **kw)
        contract.action_submit()
        self.assertEqual(contract.state, 'approved')
        return contract

    def messages(self, record):
        return record.sudo().message_ids.mapped('body')
