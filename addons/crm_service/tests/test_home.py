# -*- coding: utf-8 -*-
"""Issue #29 item 6, service half: service staff land on their tickets, and their to-do
shows the service counters and tabs only."""
from lxml import etree

from .common import ServiceCase

MY_TICKETS = 'crm_service.crm_service_ticket_action_mine'


class TestServiceHome(ServiceCase):

    def test_service_staff_land_on_my_tickets(self):
        for user in (self.agent1, self.manager):
            self.assertEqual(user._crm_home_action(), MY_TICKETS)
            home = user.sudo(user).read(['action_id'])[0]['action_id']
            self.assertEqual(home[0], self.env.ref(MY_TICKETS).id, 'the web client opens it after login')
        # a salesperson keeps the sales home, also with a service role
        self.assertNotEqual(self.lina._crm_home_action(), MY_TICKETS)
        agent = self.env.ref('crm_service.group_crm_service_agent')
        self.lina.groups_id = [(4, agent.id)]
        if not self.lina.has_group('crm_service.group_crm_service_agent'):
            # roles as data (crm_member): the group comes with the role that gives it
            role = self.env['res.users.role'].search([('implied_ids', 'in', agent.ids)], limit=1)
            self.lina.role_line_ids = [(0, 0, {'role_id': role.id})]
        self.assertTrue(self.lina.has_group('crm_service.group_crm_service_agent'))
        self.assertNotEqual(self.lina._crm_home_action(), MY_TICKETS)
        # the landing action of the CRM app opens the same list
        action = self.env['crm.todo'].sudo(self.agent1).action_home()
        self.assertEqual(action['res_model'], 'crm.service.ticket')

    def test_service_to_do_shows_service_work_only(self):
        Todo = self.env['crm.todo']
        arch = etree.fromstring(Todo.sudo(self.agent1).fields_view_get(view_type='form')['arch'])
        buttons = {b.get('name') for b in arch.iter('button')}
        pages = {p.get('name') for p in arch.iter('page')}
        self.assertIn('action_open_ticket_open', buttons)
        self.assertIn('ticket_open', pages)
        for sales in ('customer_today', 'customer_overdue', 'lead_new'):
            self.assertNotIn('action_open_' + sales, buttons)
            self.assertNotIn(sales, pages)
        counts = Todo.sudo(self.agent1).get_counts()
        self.assertEqual({k for k, v in counts.items() if v and not k.startswith('ticket_')}, set())

    def test_service_staff_see_no_menu_they_cannot_open(self):
        def menu_ids(user):
            """The menus of the web client's menu tree for ``user``."""
            ids, todo = set(), [self.env['ir.ui.menu'].sudo(user).load_menus(False)]
            while todo:
                node = todo.pop()
                ids.add(node['id'])
                todo.extend(node.get('children') or [])
            return ids
        pipeline = self.env.ref('crm.menu_crm_opportunities').id
        for user in (self.agent1, self.manager):
            self.assertNotIn(pipeline, menu_ids(user), 'opportunities: an access error for them')
            self.assertIn(self.env.ref('crm_service.menu_crm_service_ticket_mine').id, menu_ids(user))
        self.assertIn(pipeline, menu_ids(self.lina))
