# -*- coding: utf-8 -*-
"""Issue #29 item 8: the service manager (and a service team's leader) hands a ticket to
another agent (分配 / 转派) from the form or the list; "Mark as Processed" asks for the
solution instead of failing."""
from odoo.exceptions import AccessError, UserError

from .common import ServiceCase
from .test_guard_privilege import FORGED


class TestReassign(ServiceCase):

    def make_ticket(self, user=None, **kw):
        """The ticket as the test's superuser reads it (assertions see every change)."""
        ticket = super(TestReassign, self).make_ticket(user=user, **kw)
        return self.Ticket.browse(ticket.id)

    def started_ticket(self):
        ticket = self.make_ticket()
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        ticket.sudo(self.agent1).action_start()
        return ticket

    def wizard(self, user, tickets, **vals):
        Wizard = self.env['crm.service.assign.wizard'].sudo(user).with_context(
            active_model='crm.service.ticket', active_ids=tickets.ids)
        return Wizard.create(vals)

    def test_manager_reassigns_a_ticket_in_progress_from_the_wizard(self):
        ticket = self.started_ticket()
        wizard = self.wizard(self.manager, ticket, user_id=self.agent2.id, reason='客户要求换人')
        self.assertEqual((wizard.ticket_ids, wizard.team_id), (ticket, self.team))
        wizard.action_confirm()
        self.assertEqual((ticket.user_id, ticket.state, ticket.team_id), (self.agent2, 'in_progress', self.team))
        note = ticket.message_ids[0]
        self.assertEqual(note.author_id, self.manager.partner_id, 'signed by who decided')
        self.assertIn('已由 客服甲 转派给 客服乙', note.body)
        self.assertIn('原因：客户要求换人', note.body)
        root = self.env.ref('base.user_root').partner_id
        self.assertFalse(ticket.message_ids.filtered(lambda m: m.author_id == root and m.tracking_value_ids),
                         'no tracking message by the administrator')
        self.assertIn(self.agent2.partner_id, ticket.message_partner_ids, 'the new handler follows it')
        # the form shows the button to the manager
        self.assertTrue(ticket.sudo(self.manager).can_assign)
        self.assertFalse(ticket.sudo(self.agent1).can_assign)

    def test_several_tickets_to_another_team(self):
        first, second = self.make_ticket(), self.make_ticket(name='第二个工单')
        tickets = first | second
        defaults = self.env['crm.service.assign.wizard'].sudo(self.manager).with_context(
            active_model='crm.service.ticket', active_ids=tickets.ids).default_get(['ticket_ids', 'team_id'])
        self.assertEqual((defaults['ticket_ids'], defaults['team_id']), ([(6, 0, tickets.ids)], self.team.id))
        tickets.sudo(self.manager).action_reassign(self.agent3.id, self.team_other.id)
        self.assertEqual(tickets.mapped('user_id'), self.agent3)
        self.assertEqual(tickets.mapped('team_id'), self.team_other)
        self.assertEqual(set(tickets.mapped('state')), {'assigned'})
        self.assertIn('服务组：测试其他组', first.message_ids[0].body)

    def test_refused_for_agents_other_users_and_closed_tickets(self):
        ticket = self.started_ticket()
        with self.refused(AccessError, '只有服务经理才能分配工单'):
            self.wizard(self.agent1, ticket, user_id=self.agent2.id).action_confirm()
        for ctx in ({'crm_action_write': True}, FORGED):
            with self.refused(AccessError, '只有服务经理才能分配工单'):
                ticket.sudo(self.agent1).with_context(ctx).action_reassign(self.agent2.id)
        with self.refused(AccessError, '只有服务经理才能分配工单'):
            ticket.sudo(self.lina).action_reassign(self.agent2.id)
        with self.refused(UserError, '不是服务专员'):
            ticket.sudo(self.manager).action_reassign(self.lina.id)
        with self.refused(UserError, '已经是 客服甲'):
            ticket.sudo(self.manager).action_reassign(self.agent1.id)
        with self.refused(UserError, '不存在'):
            ticket.sudo(self.manager).action_reassign(999999999)
        ticket.sudo(self.agent1).action_process('更换了电源。')
        with self.refused(UserError, '只有未结工单才能分配'):
            ticket.sudo(self.manager).action_reassign(self.agent2.id)
        self.assertEqual((ticket.user_id, ticket.state), (self.agent1, 'processed'))
        # a handler written directly must be a service user too
        fresh = self.make_ticket()
        with self.refused(UserError, '不是服务专员'):
            fresh.sudo(self.manager).write({'user_id': self.lina.id})
        self.assertFalse(fresh.user_id)

    def test_team_leader_reassigns_within_the_teams_they_lead(self):
        leader = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': '组长丁', 'login': 'svc_lead', 'lang': 'zh_CN', 'notification_type': 'inbox',
            'groups_id': [(6, 0, [self.env.ref('crm_service.group_crm_service_agent').id])]})
        team = self.env['crm.service.team'].create({
            'name': '测试组长的组', 'manager_id': leader.id, 'assign_method': 'manual',
            'member_ids': [(6, 0, (leader | self.agent1 | self.agent2).ids)]})
        ticket = self.make_ticket(team_id=team.id)
        self.assertTrue(ticket.sudo(leader).can_assign)
        ticket.sudo(leader).action_reassign(self.agent1.id)
        ticket.sudo(leader).action_reassign(self.agent2.id, reason='甲休假')
        self.assertEqual(ticket.user_id, self.agent2)
        with self.refused(AccessError, '只能在自己带领的服务组内转派'):
            ticket.sudo(leader).action_reassign(self.agent3.id, self.team_other.id)
        other = self.make_ticket()  # of self.team, led by the service manager
        with self.refused(AccessError, '只有服务经理才能分配工单'):
            other.sudo(leader).action_reassign(self.agent1.id)
        self.assertEqual((ticket.team_id, ticket.user_id, other.user_id), (team, self.agent2, self.env['res.users']))

    def test_wizard_ignores_forged_active_ids(self):
        Wizard = self.env['crm.service.assign.wizard'].sudo(self.manager)
        for ctx in ({'active_model': 'crm.service.ticket', 'active_ids': 'x'},
                    {'active_model': 'crm.service.ticket', 'active_ids': [True, 'a', None]},
                    {'active_model': 'res.partner', 'active_ids': [self.customer.id]}):
            self.assertFalse(Wizard.with_context(ctx).default_get(['ticket_ids', 'team_id']).get('team_id'))


class TestMarkProcessed(ServiceCase):

    def test_mark_processed_asks_for_the_solution(self):
        ticket = self.make_ticket()
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        ticket.sudo(self.agent1).action_start()
        # over RPC: a clear error, nothing changed
        for solution in (None, '', '   '):
            with self.refused(UserError, '请填写解决方案'):
                ticket.sudo(self.agent1).action_process(solution)
        self.assertEqual(ticket.state, 'in_progress')
        # the button: a dialog with the solution field (prefilled with the ticket's)
        ticket.sudo(self.agent1).solution = '先写了一半的方案'
        action = ticket.sudo(self.agent1).action_mark_processed()
        self.assertEqual((action['res_model'], action['target']), ('crm.service.process.wizard', 'new'))
        self.assertEqual(action['context'], {'default_ticket_id': ticket.id, 'default_solution': '先写了一半的方案'})
        self.assertEqual(action['name'], '标记为已处理')
        Wizard = self.env['crm.service.process.wizard'].sudo(self.agent1).with_context(action['context'])
        with self.refused(UserError, '请填写解决方案'):
            Wizard.create({'solution': '  '}).action_confirm()
        self.assertEqual(ticket.state, 'in_progress')
        Wizard.create({'solution': '重装驱动后恢复。'}).action_confirm()
        self.assertEqual((ticket.state, ticket.solution), ('processed', '重装驱动后恢复。'))
        # not in progress any more, not a service user: refused before any dialog
        with self.refused(UserError, '只有处理中的工单才能'):
            ticket.sudo(self.agent1).action_mark_processed()
        with self.refused(AccessError, '只有服务专员和服务经理'):
            ticket.sudo(self.lina).action_mark_processed()
