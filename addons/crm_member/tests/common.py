# -*- coding: utf-8 -*-
from odoo.tests.common import SavepointCase


class MemberCase(SavepointCase):
    """The demo company's users and roles; messages asserted in zh_CN (what the CRM
    administrator reads)."""

    @classmethod
    def setUpClass(cls):
        super(MemberCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang='zh_CN'))
        ref = cls.env.ref
        cls.zhoutao = ref('crm_sales.user_crm_admin')
        cls.lina = ref('crm_sales.user_sales_east_1')
        cls.zhangwei = ref('crm_sales.user_leader_east')
        cls.sunqiang = ref('crm_sales.user_sales_manager')
        cls.wugang = ref('crm_sales.user_executive')
        cls.team_east = ref('crm_sales.team_east')
        cls.team_south = ref('crm_sales.team_south')
        cls.role_salesman = ref('crm_member.role_salesman')
        cls.role_leader = ref('crm_member.role_leader')
        cls.role_manager = ref('crm_member.role_manager')
        cls.role_admin = ref('crm_member.role_admin')
        cls.role_executive = ref('crm_member.role_executive')

    def add_member(self, login, role=None, team=None, by=None, **kw):
        vals = dict(name=kw.pop('name', '新成员 %s' % login), login=login,
                    password=kw.pop('password', 'Yunfan#2026'),
                    role_id=(role or self.role_salesman).id,
                    team_id=(team or self.team_east).id, email='%s@yunfan-tech.cn' % login)
        vals.update(kw)
        wizard = self.env['crm.member.add'].sudo(by or self.zhoutao).create(vals)
        action = wizard.action_confirm()
        return self.env['res.users'].browse(action['res_id'])

    def edit_member(self, user, role=None, team=None, by=None):
        Edit = self.env['crm.member.edit'].sudo(by or self.zhoutao)
        vals = {'user_id': user.id}
        vals.update(Edit.with_context(default_user_id=user.id).default_get(['team_id', 'role_id']))
        if role is not None:
            vals['role_id'] = role.id
        if team is not None:
            vals['team_id'] = team.id
        return Edit.create(vals).action_confirm()

    def visible_customers(self, user, customers):
        return self.env['res.partner'].sudo(user).search([('id', 'in', customers.ids)])

    def make_customer(self, name, owner):
        return self.env['res.partner'].sudo(owner).create({
            'name': name, 'is_company': True, 'customer': True, 'user_id': owner.id,
            'team_id': owner.sale_team_id.id})

    def can_log_in(self, login, password):
        """What Odoo's login does (res.users._login, on its own cursor there): an
        active user of that login whose password matches."""
        from odoo.exceptions import AccessDenied
        user = self.env['res.users'].sudo().search([('login', '=', login)])
        if not user:
            return False
        try:
            user.sudo(user).check_credentials(password)
        except AccessDenied:
            return False
        return True

    def group(self, xmlid):
        return self.env.ref(xmlid)
