# -*- coding: utf-8 -*-
"""成员管理 with the public pool: disabling a member hands their customers to the pool
(crm_pool's offboarding); a new member's customer limit; offboarding checked like
disabling."""
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_member.tests.common import MemberCase


class TestMemberPool(MemberCase):

    @classmethod
    def setUpClass(cls):
        super(TestMemberPool, cls).setUpClass()
        cls.pool_east = cls.env.ref('crm_pool.pool_east')

    def test_disable_offboards_customers_to_the_pool(self):
        user = self.add_member('xiaobai')
        customers = self.make_customer('小白客户一', user) | self.make_customer('小白客户二', user)
        user.sudo(self.zhoutao).action_member_disable()
        self.assertFalse(user.active)
        for customer in customers:
            self.assertFalse(customer.user_id)
            self.assertEqual(customer.pool_id, self.pool_east)
            log = self.env['crm.pool.log'].search([('partner_id', '=', customer.id),
                                                   ('action', '=', 'offboard')])
            self.assertEqual(log.from_user_id, user)
        # re-enabled, she starts again without them
        user.sudo(self.zhoutao).action_member_enable()
        self.assertTrue(user.active)
        self.assertFalse(customers.filtered(lambda c: c.user_id == user))

    def test_customer_limit_of_a_new_member(self):
        limit = self.env['crm.customer.limit'].create({
            'name': '新人上限', 'limit_type': 'owned', 'max_count': 1,
            'team_ids': [(6, 0, self.env.ref('crm_sales.team_hangzhou').ids)]})
        user = self.add_member('xiaohong', limit_id=limit.id)
        self.assertIn(user, limit.user_ids)
        self.make_customer('小红客户', user)
        lina_customer = self.make_customer('待分配客户', self.lina)
        lina_customer.sudo(self.lina).action_pool_release('测试')
        with self.assertRaisesRegex(UserError, '新人上限'):
            lina_customer.sudo(self.zhangwei).action_pool_assign(user.id)
        self.assertFalse(lina_customer.user_id)

    def test_offboarding_wizard_refuses_what_disabling_refuses(self):
        sysadmin = self.env['res.users'].create({
            'name': '系统管理员丙', 'login': 'member_pool_sysadmin',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id,
                                  self.env.ref('base.group_system').id])]})
        Wizard = self.env['crm.pool.offboard.wizard']
        for who, target, error in ((self.zhoutao, sysadmin, AccessError),
                                   (self.sunqiang, sysadmin, AccessError),
                                   (self.zhoutao, self.zhoutao, UserError)):
            wizard = Wizard.sudo(who).with_context(
                active_model='res.users', active_ids=target.ids).create({'mode': 'pool'})
            with self.assertRaises(error):
                wizard.action_confirm()
            self.assertTrue(target.active)
        # a salesperson still goes
        user = self.add_member('xiaolan')
        Wizard.sudo(self.zhoutao).with_context(
            active_model='res.users', active_ids=user.ids).create({'mode': 'pool'}).action_confirm()
        self.assertFalse(user.active)
