# -*- coding: utf-8 -*-
"""成员管理: the CRM administrator adds a salesperson in one form, changes a team or a
role, disables and re-enables members; the demo users show their roles."""
from .common import MemberCase


class TestMember(MemberCase):

    def test_demo_users_show_their_roles_and_keep_their_groups(self):
        self.assertEqual(self.lina.crm_role_id, self.role_salesman)
        self.assertEqual(self.zhangwei.crm_role_id, self.role_leader)
        self.assertEqual(self.sunqiang.crm_role_id, self.role_manager)
        self.assertEqual(self.zhoutao.crm_role_id, self.role_admin)
        self.assertEqual(self.wugang.crm_role_id, self.role_executive)
        self.assertEqual(self.role_leader.with_context(lang='zh_CN').name, '销售主管')
        # base_user_role's cron reapplies the roles: nobody loses a group they need
        before = {u: u.groups_id for u in (self.lina, self.zhoutao, self.wugang)}
        self.env['res.users.role'].cron_update_users()
        for user, groups in before.items():
            self.assertEqual(user.groups_id, groups, user.login)
        self.assertTrue(self.zhoutao._crm_is_admin())
        self.assertTrue(self.zhoutao.has_group('base.group_partner_manager'))
        self.assertTrue(self.wugang._crm_is_executive())
        self.assertFalse(self.wugang._crm_is_salesperson())

    def test_a_group_no_role_gives_survives_role_changes(self):
        """A group the system administrator set on the user form stays through the
        roles (base_user_role alone would strip it at the next write)."""
        extra = self.group('base.group_no_one') | self.env['res.groups'].create({'name': 'Extra'})
        self.lina.write({'groups_id': [(4, g.id) for g in extra]})
        self.lina.write({'signature': '<p>李娜</p>'})
        self.env['res.users.role'].cron_update_users()
        self.assertEqual(self.lina.groups_id & extra, extra)
        self.edit_member(self.lina, role=self.role_leader)
        self.assertEqual(self.lina.groups_id & extra, extra)
        self.assertTrue(self.lina._crm_is_leader())

    def test_add_salesperson_logs_in_with_her_role(self):
        user = self.add_member('xiaomei', name='王小美', phone='13800138000',
                               email='xiaomei@yunfan-tech.cn')
        self.assertEqual((user.name, user.login, user.sale_team_id, user.crm_role_id),
                         ('王小美', 'xiaomei', self.team_east, self.role_salesman))
        self.assertEqual(user.phone, '13800138000')
        self.assertEqual(user.lang, 'zh_CN')
        self.assertTrue(self.can_log_in('xiaomei', 'Yunfan#2026'))
        self.assertFalse(self.can_log_in('xiaomei', 'xiaomei'))
        self.assertTrue(user._crm_is_salesperson())
        self.assertFalse(user._crm_is_leader())
        self.assertTrue(user.has_group('base.group_user'))
        self.assertFalse(user.has_group('base.group_system'))
        self.assertEqual(user._crm_home_action(), 'crm_sales.action_crm_todo')
        # her own customers, not her colleague's (a salesperson's data scope)
        own = self.make_customer('小美的客户', user)
        colleague = self.make_customer('李娜的客户', self.lina)
        self.assertEqual(self.visible_customers(user, own | colleague), own)
        # the form keeps no password once the member exists
        self.assertFalse(self.env['crm.member.add'].sudo().search([('password', '!=', False)]))

    def test_add_leader_sees_her_team(self):
        user = self.add_member('xiaoli', role=self.role_leader, team=self.team_south)
        self.team_south.user_id = user
        south = self.make_customer('华南客户', self.env.ref('crm_sales.user_sales_south_1'))
        east = self.make_customer('华东客户', self.lina)
        self.assertEqual(self.visible_customers(user, south | east), south)

    def test_change_team_and_role(self):
        user = self.add_member('xiaozhao')
        lina_customer = self.make_customer('李娜的客户', self.lina)
        self.edit_member(user, team=self.team_south)
        self.assertEqual(user.sale_team_id, self.team_south)
        self.edit_member(user, role=self.role_manager)
        self.assertEqual(user.crm_role_id, self.role_manager)
        self.assertEqual(len(user.role_line_ids), 1)
        self.assertTrue(user._crm_is_manager())
        self.assertEqual(self.visible_customers(user, lina_customer), lina_customer)
        # and back: the manager's rights go with the role
        self.edit_member(user, role=self.role_salesman)
        self.assertFalse(user._crm_is_leader())
        self.assertFalse(self.visible_customers(user, lina_customer))
        self.assertFalse(user.has_group('sales_team.group_sale_manager'))

    def test_disable_and_enable(self):
        user = self.add_member('xiaozhou')
        user.sudo(self.zhoutao).action_member_disable()
        self.assertFalse(user.active)
        with self.assertRaises(Exception):
            self.assertTrue(self.can_log_in('xiaomei', 'Yunfan#2026'))
        self.assertFalse(self.can_log_in('xiaomei', 'xiaomei'))
        members = self.env['res.users'].sudo(self.zhoutao).search(
            [('active', '=', False), ('share', '=', False), ('login', '=', 'xiaozhou')])
        self.assertEqual(members, user, 'the disabled filter of 成员管理 finds her')
        user.sudo(self.zhoutao).action_member_enable()
        self.assertTrue(user.active)
        self.assertTrue(self.can_log_in('xiaozhou', 'Yunfan#2026'))
        self.assertEqual(user.crm_role_id, self.role_salesman)
        self.assertTrue(user._crm_is_salesperson())

    def test_member_list_groups_by_team_and_role(self):
        rows = self.env['res.users'].sudo(self.zhoutao).read_group(
            [('crm_role_id', '!=', False)], ['crm_role_id'], ['crm_role_id'])
        counts = {r['crm_role_id'][1]: r['crm_role_id_count'] for r in rows}
        self.assertGreaterEqual(counts.get('销售员', 0), 6)
        self.assertEqual(counts.get('CRM 管理员'), 1)
        rows = self.env['res.users'].sudo(self.zhoutao).read_group(
            [('crm_role_id', '!=', False), ('sale_team_id', '=', self.team_east.id)],
            ['sale_team_id'], ['sale_team_id'])
        self.assertEqual(rows[0]['sale_team_id_count'], 4)
