# -*- coding: utf-8 -*-
from odoo.tests.common import SavepointCase


class SalesCase(SavepointCase):
    """Demo users, a frozen CRM clock (2026-06-10 12:00 Beijing time) and helpers."""

    NOW = '2026-06-10 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(SalesCase, cls).setUpClass()
        cls.env['crm.clock'].set_now(cls.NOW)
        ref = cls.env.ref
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.wangfang = ref('crm_sales.user_sales_east_2')
        cls.yanglei = ref('crm_sales.user_sales_south_1')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.chenjing = ref('crm_sales.user_leader_south')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.admin_crm = ref('crm_sales.user_crm_admin')
        cls.executive = ref('crm_sales.user_executive')
        cls.team_east = ref('crm_sales.team_east')
        cls.team_south = ref('crm_sales.team_south')
        cls.Partner = cls.env['res.partner']
        cls.Lead = cls.env['crm.lead']
        cls.FollowUp = cls.env['crm.follow.up']

    @classmethod
    def make_customer(cls, name, user=None, **kw):
        user = user or cls.lina
        vals = dict(name=name, is_company=True, customer=True, user_id=user.id,
                    team_id=user.sale_team_id.id)
        vals.update(kw)
        return cls.env['res.partner'].sudo(user).create(vals)
