# -*- coding: utf-8 -*-
"""The service roles in 成员管理: the CRM administrator adds a service agent, who lands on
her tickets; the demo service staff show their roles and keep their groups."""
from odoo.addons.crm_member.tests.common import MemberCase


class TestMemberService(MemberCase):

    def test_demo_service_staff_show_their_roles(self):
        gaokai = self.env.ref('crm_service.user_service_manager')
        xuli = self.env.ref('crm_service.user_service_agent_1')
        self.assertEqual(gaokai.crm_role_id, self.env.ref('crm_member_service.role_service_manager'))
        self.assertEqual(xuli.crm_role_id.with_context(lang='zh_CN').name, '服务专员')
        before = gaokai.groups_id
        self.env['res.users.role'].cron_update_users()
        self.assertEqual(gaokai.groups_id, before)
        self.assertTrue(gaokai.has_group('crm_service.group_crm_service_manager'))

    def test_add_service_agent_lands_on_tickets(self):
        role = self.env.ref('crm_member_service.role_service_agent')
        user = self.add_member('xiaofu', role=role, team=self.env['crm.team'])
        self.assertTrue(user.has_group('crm_service.group_crm_service_agent'))
        self.assertFalse(user._crm_is_salesperson())
        self.assertEqual(user._crm_home_action(), 'crm_service.crm_service_ticket_action_mine')
        # and back to a salesperson: the service rights go with the role
        self.edit_member(user, role=self.role_salesman, team=self.team_east)
        self.assertFalse(user.has_group('crm_service.group_crm_service_agent'))
        self.assertTrue(user._crm_is_salesperson())
