# -*- coding: utf-8 -*-
"""The trust boundary of 成员管理: only the CRM administrator manages members, only with
CRM roles, never the superuser, a system administrator or himself out of his role; no
value or context he sends reaches a system group."""
from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError

from .common import MemberCase

REFUSED = '只有 CRM 管理员可以管理成员'


class TestMemberTrust(MemberCase):

    @classmethod
    def setUpClass(cls):
        super(TestMemberTrust, cls).setUpClass()
        Role = cls.env['res.users.role']
        cls.system = cls.env.ref('base.group_system')
        cls.erp_manager = cls.env.ref('base.group_erp_manager')
        # roles a system administrator made: not a CRM role, and a "CRM role" whose
        # groups include the system administrator's (a mistake in the data)
        cls.role_it = Role.create({'name': 'IT', 'implied_ids': [(6, 0, cls.system.ids)]})
        cls.role_bad = Role.create({'name': 'Bad CRM', 'crm_member_role': True,
                                    'implied_ids': [(6, 0, [cls.env.ref('crm_sales.group_crm_salesman').id,
                                                            cls.erp_manager.id])]})
        cls.sysadmin = cls.env['res.users'].create({
            'name': '系统管理员乙', 'login': 'member_sysadmin',
            'groups_id': [(6, 0, [cls.env.ref('base.group_user').id, cls.system.id])]})

    def assert_no_system_group(self, user):
        self.assertFalse(user.groups_id & (self.system | self.erp_manager), user.login)

    def test_other_roles_are_refused_in_chinese(self):
        for who in (self.lina, self.zhangwei, self.wugang, self.sunqiang):
            with self.assertRaisesRegex(AccessError, REFUSED):
                self.add_member('refused_%s' % who.login, by=who)
            with self.assertRaisesRegex(AccessError, REFUSED):
                self.env.ref('crm_sales.user_sales_east_2').sudo(who).action_member_disable()
            with self.assertRaisesRegex(AccessError, REFUSED):
                self.edit_member(self.env.ref('crm_sales.user_sales_east_2'),
                                 role=self.role_manager, by=who)
        self.assertFalse(self.env['res.users'].with_context(active_test=False).search(
            [('login', '=like', 'refused_%')]))
        self.assertTrue(self.env.ref('crm_sales.user_sales_east_2').active)

    def test_only_crm_roles(self):
        for role in (self.role_it, self.role_bad):
            with self.assertRaisesRegex(AccessError, '不能在成员管理中授予'):
                self.add_member('member_it', role=role)
            with self.assertRaisesRegex(AccessError, '不能在成员管理中授予'):
                self.edit_member(self.lina, role=role)
        self.assert_no_system_group(self.lina)
        self.assertEqual(self.lina.crm_role_id, self.role_salesman)

    def test_no_escalation_through_values_or_context(self):
        client = dict(default_groups_id=[(6, 0, self.system.ids)],
                      default_role_line_ids=[(0, 0, {'role_id': self.role_it.id})],
                      default_share=False, default_company_ids=[(6, 0, [])],
                      default_action_id=1, crm_grant='member', no_reset_password=False)
        Add = self.env['crm.member.add'].sudo(self.zhoutao).with_context(**client)
        wizard = Add.create({'name': '钱多多', 'login': 'qianduoduo', 'password': 'Yunfan#2026',
                             'email': 'qianduoduo@yunfan-tech.cn',
                             'role_id': self.role_salesman.id, 'team_id': self.team_east.id})
        user = self.env['res.users'].browse(wizard.action_confirm()['res_id'])
        self.assert_no_system_group(user)
        self.assertEqual(user.role_line_ids.mapped('role_id'), self.role_salesman)
        self.assertFalse(user.action_id)
        Edit = self.env['crm.member.edit'].sudo(self.zhoutao).with_context(**client)
        Edit.create({'user_id': user.id, 'role_id': self.role_leader.id}).action_confirm()
        self.assert_no_system_group(user)
        self.assertEqual(user.role_line_ids.mapped('role_id'), self.role_leader)
        # and he has no right of his own on users or roles
        writes = [
            (self.lina, {'groups_id': [(4, self.system.id)]}),
            (self.lina, {'role_line_ids': [(0, 0, {'role_id': self.role_it.id})]}),
            (self.zhoutao, {'role_line_ids': [(0, 0, {'role_id': self.role_it.id})]}),
            (self.zhoutao, {'groups_id': [(4, self.system.id)]}),
            (self.lina, {'active': False}),
        ]
        for user, vals in writes:
            with self.assertRaises(AccessError):
                user.sudo(self.zhoutao).write(vals)
        with self.assertRaises(AccessError):
            self.env['res.users.role.line'].sudo(self.zhoutao).create(
                {'user_id': self.zhoutao.id, 'role_id': self.role_it.id})
        with self.assertRaises(AccessError):
            self.role_salesman.sudo(self.zhoutao).write({'implied_ids': [(4, self.system.id)]})
        with self.assertRaises(AccessError):
            self.env['res.users'].sudo(self.zhoutao).create({'name': 'x', 'login': 'member_x'})
        self.assert_no_system_group(self.zhoutao)
        self.assert_no_system_group(self.lina)
        self.assertTrue(self.lina.active)

    def test_superuser_system_administrators_and_himself(self):
        root = self.env['res.users'].browse(SUPERUSER_ID)
        for user in (root, self.sysadmin):
            with self.assertRaisesRegex(AccessError, '系统管理员'):
                user.sudo(self.zhoutao).action_member_disable()
            with self.assertRaisesRegex(AccessError, '系统管理员'):
                self.edit_member(user, role=self.role_salesman)
            with self.assertRaisesRegex(AccessError, '系统管理员'):
                user.sudo(self.zhoutao).action_member_edit()
            self.assertTrue(user.active)
        self.assertTrue(root._is_superuser())
        self.assertTrue(self.sysadmin.has_group('base.group_system'))
        with self.assertRaisesRegex(UserError, '不能停用自己'):
            self.zhoutao.sudo(self.zhoutao).action_member_disable()
        with self.assertRaisesRegex(UserError, '不能取消自己的 CRM 管理员角色'):
            self.edit_member(self.zhoutao, role=self.role_manager)
        self.assertTrue(self.zhoutao.active)
        self.assertTrue(self.zhoutao._crm_is_admin())
        # his team he may change
        self.edit_member(self.zhoutao, team=self.team_south)
        self.assertEqual(self.zhoutao.sale_team_id, self.team_south)

    def test_bad_input_answers_in_chinese(self):
        self.add_member('xiaoxue')
        # "_" is a letter of the login, not a wildcard: lin_ is not lina
        self.assertEqual(self.add_member('lin_').login, 'lin_')
        cases = [
            (dict(login='xiaoxue'), '已被其他用户使用'),
            (dict(login='LINA'), '已被其他用户使用'),
            (dict(login='有空格 的登录'), '无效'),
            (dict(password='short'), '至少 8 个字符'),
            (dict(login='xiaoyu12', password='xiaoyu12'), '不能与登录名相同'),
            (dict(email='not-an-email'), '邮箱地址'),
            (dict(email=False), '邮箱地址'),
            (dict(role_id=False), '请选择成员的角色'),
        ]
        for kw, message in cases:
            login = kw.pop('login', 'member_bad')
            with self.assertRaisesRegex(UserError, message):
                self.add_member(login, **kw)
        self.assertFalse(self.env['res.users'].with_context(active_test=False).search(
            [('login', 'in', ('member_bad', 'xiaoyu12'))]))

    def test_the_edit_form_shows_a_members_team_and_role_to_the_administrator_only(self):
        Edit = self.env['crm.member.edit']
        wangfang = self.env.ref('crm_sales.user_sales_east_2')
        ctx = {'default_user_id': wangfang.id}
        theirs = Edit.sudo(self.lina).with_context(ctx).default_get(['user_id', 'team_id', 'role_id'])
        self.assertFalse(theirs.get('team_id') or theirs.get('role_id'), 'a salesperson learns nothing')
        shown = Edit.sudo(self.zhoutao).with_context(ctx).default_get(['user_id', 'team_id', 'role_id'])
        self.assertEqual(shown['team_id'], wangfang.sale_team_id.id)
        self.assertTrue(shown['role_id'])
