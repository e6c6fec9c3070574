# -*- coding: utf-8 -*-
"""The ERP integration role in 成员管理: the CRM administrator adds the ERP's login with it
(the login pushes stock levels and orders, and sees nothing of the sales side), and takes
the right back by changing the role or disabling the login; nobody else can do either."""
from odoo.exceptions import AccessError

from odoo.addons.crm_member.tests.common import MemberCase

REFUSED = '只有 CRM 管理员可以管理成员'


class TestMemberProduct(MemberCase):

    @classmethod
    def setUpClass(cls):
        super(TestMemberProduct, cls).setUpClass()
        cls.role_erp = cls.env.ref('crm_member_product.role_erp_sync')
        cls.erp_group = cls.env.ref('crm_product.group_crm_erp_sync')
        cls.customer = cls.make_customer_cls('T-ERP 成员客户', cls.lina)

    @classmethod
    def make_customer_cls(cls, name, owner):
        return cls.env['res.partner'].sudo(owner).create({
            'name': name, 'is_company': True, 'customer': True, 'user_id': owner.id,
            'team_id': owner.sale_team_id.id})

    def push(self, user, number):
        return self.env['crm.erp.order'].sudo(user).crm_push_orders([{
            'number': number, 'customer_id': self.customer.id, 'date': '2026-06-01',
            'lines': []}])

    def test_the_role_is_offered_in_member_management(self):
        self.assertEqual(self.role_erp.name, 'ERP 接口')
        self.assertTrue(self.role_erp._crm_member_check_assignable())
        offered = self.env['res.users.role'].sudo(self.zhoutao).search(
            [('crm_member_role', '=', True)])
        self.assertIn(self.role_erp, offered)

    def test_zhoutao_gives_and_takes_the_erp_right(self):
        user = self.add_member('erp_link', role=self.role_erp, team_id=False,
                               name='ERP 对接账号')
        self.assertEqual(user.crm_role_id, self.role_erp)
        self.assertFalse(user.sale_team_id)
        self.assertTrue(user.has_group('crm_product.group_crm_erp_sync'))
        self.assertFalse(user._crm_is_salesperson() or user._crm_is_executive(),
                         'an integration login has no CRM role')
        self.assertEqual(self.push(user, 'T-MEM-1')['created'], 1)
        Stock = self.env['product.product'].sudo(user)
        self.assertEqual(Stock.crm_push_stock([])['updated'], 0)
        # the right survives base_user_role's own sync of the groups
        self.env['res.users.role'].cron_update_users()
        self.assertTrue(user.has_group('crm_product.group_crm_erp_sync'))
        # taken back: another role (here 销售员) drops the ERP group
        self.edit_member(user, role=self.role_salesman, team=self.team_east)
        self.assertFalse(user.has_group('crm_product.group_crm_erp_sync'))
        with self.assertRaises(AccessError):
            self.push(user, 'T-MEM-2')
        # and given again to an existing member
        self.edit_member(user, role=self.role_erp, team=self.env['crm.team'])
        self.assertTrue(user.has_group('crm_product.group_crm_erp_sync'))
        self.assertFalse(user.has_group('crm_sales.group_crm_salesman'))
        self.assertEqual(self.push(user, 'T-MEM-2')['created'], 1)
        # disabling the login ends it
        user.sudo(self.zhoutao).action_member_disable()
        self.assertFalse(self.can_log_in('erp_link', 'Yunfan#2026'))

    def test_others_cannot_give_the_erp_right(self):
        for who in (self.lina, self.zhangwei, self.sunqiang, self.wugang):
            with self.assertRaisesRegex(AccessError, REFUSED):
                self.add_member('erp_%s' % who.login, role=self.role_erp, by=who)
            with self.assertRaisesRegex(AccessError, REFUSED):
                self.edit_member(who, role=self.role_erp, by=who)
            self.assertFalse(who.has_group('crm_product.group_crm_erp_sync'), who.login)
        self.assertFalse(self.env['res.users'].with_context(active_test=False).search(
            [('login', '=like', 'erp\\_%')]))
        # nor take it from an integration login
        user = self.add_member('erp_link2', role=self.role_erp, team_id=False)
        with self.assertRaisesRegex(AccessError, REFUSED):
            self.edit_member(user, role=self.role_salesman, by=self.lina)
        with self.assertRaisesRegex(AccessError, REFUSED):
            user.sudo(self.lina).action_member_disable()
        self.assertTrue(user.has_group('crm_product.group_crm_erp_sync'))
        self.assertTrue(user.active)
