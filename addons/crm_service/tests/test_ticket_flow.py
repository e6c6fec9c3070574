# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ServiceCase


class TestTicketFlow(ServiceCase):

    def test_whole_flow_is_timestamped_and_mails_the_customer(self):
        ticket = self.make_ticket()
        self.assertTrue(ticket.number.startswith('FW2026'), ticket.number)
        self.assertEqual((ticket.state, ticket.user_id), ('new', self.env['res.users']))
        self.assertEqual(ticket.crm_owner_id, self.lina)

        self.set_clock('2026-06-12 08:10:00')
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        self.assertEqual((ticket.state, ticket.user_id, ticket.assigned_at),
                         ('assigned', self.agent1, '2026-06-12 08:10:00'))

        self.set_clock('2026-06-12 08:20:00')
        ticket.sudo(self.agent1).action_start()
        self.assertEqual((ticket.state, ticket.started_at), ('in_progress', '2026-06-12 08:20:00'))

        self.set_clock('2026-06-12 09:00:00')
        ticket.sudo(self.agent1).action_process('更换了网关电源适配器，连续观察两小时无掉线。')
        self.assertEqual((ticket.state, ticket.processed_at), ('processed', '2026-06-12 09:00:00'))
        mail = self.env['mail.mail'].search([('model', '=', 'crm.service.ticket'), ('res_id', '=', ticket.id)])
        self.assertEqual(len(mail), 1, 'the closing e-mail goes to the contact')
        self.assertIn(self.contact, mail.recipient_ids)
        self.assertIn('/my/tickets/%s/feedback?access_token=%s' % (ticket.id, ticket.sudo().access_token),
                      mail.body_html)
        self.assertIn('更换了网关电源适配器', mail.body_html)

        self.set_clock('2026-06-12 10:00:00')
        wizard = self.env['crm.service.feedback.wizard'].sudo(self.agent1).create(
            {'ticket_id': ticket.id, 'satisfaction': '5', 'comment': '响应及时，问题已解决。'})
        wizard.action_confirm()
        self.assertEqual((ticket.state, ticket.satisfaction, ticket.feedback_by, ticket.feedback_at),
                         ('feedback', 5, 'staff', '2026-06-12 10:00:00'))

        self.set_clock('2026-06-12 10:05:00')
        ticket.sudo(self.agent1).action_archive_ticket()
        self.assertEqual((ticket.state, ticket.archived_at), ('archived', '2026-06-12 10:05:00'))
        bodies = ' '.join(ticket.message_ids.mapped('body'))
        self.assertIn('满意度 5/5', bodies)

    def test_bad_input_is_refused_in_chinese_and_changes_nothing(self):
        ticket = self.make_ticket()
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        with self.refused(UserError, '只有已处理的工单才能评价'):
            ticket.sudo(self.agent1).action_feedback(4, '提前评价')
        with self.refused(UserError, '只有已评价的工单才能归档'):
            ticket.sudo(self.agent1).action_archive_ticket()
        self.assertEqual((ticket.state, ticket.satisfaction), ('assigned', 0))
        ticket.sudo(self.agent1).action_start()
        ticket.sudo(self.agent1).action_process('重启了采集服务。')
        for bad in (0, 6, -1, '七', 3.5, True):
            with self.refused(ValidationError, '满意度必须是 1 到 5 之间的整数'):
                ticket.sudo(self.agent1).action_feedback(bad, '评价')
        self.assertEqual((ticket.state, ticket.satisfaction, ticket.feedback_at), ('processed', 0, False))
        fresh = self.make_ticket(name='空方案')
        fresh.sudo(self.manager).action_assign(user_id=self.agent1.id)
        with self.refused(UserError, '解决方案'):
            fresh.sudo(self.agent1).action_process('  ')
        self.assertEqual(fresh.state, 'assigned')

    def test_low_satisfaction_reopens_to_the_handlers_manager(self):
        ticket = self.processed_ticket()
        self.set_clock('2026-06-12 09:30:00')
        ticket.sudo(self.agent1).action_feedback(2, '问题又出现了，希望彻底解决。')
        self.assertEqual((ticket.state, ticket.user_id, ticket.reopen_count, ticket.satisfaction),
                         ('assigned', self.manager, 1, 2))
        self.assertEqual(ticket.reopened_at, '2026-06-12 09:30:00')
        self.assertFalse(ticket.processed_at)
        self.assertIn('重新打开', ' '.join(ticket.message_ids.mapped('body')))

    def test_automatic_assignment_round_robin_and_least_open(self):
        self.team.write({'assign_method': 'round_robin'})
        first, second, third = [self.make_ticket(name='轮询 %s' % i) for i in range(3)]
        self.assertEqual([t.user_id for t in (first, second, third)], [self.agent1, self.agent2, self.agent1])
        self.assertEqual(first.state, 'assigned')
        self.team.write({'assign_method': 'least_open'})
        # agent1 has two open tickets, agent2 one: the next goes to agent2, then a tie -> agent1
        fourth = self.make_ticket(name='最少 1')
        fifth = self.make_ticket(name='最少 2')
        self.assertEqual((fourth.user_id, fifth.user_id), (self.agent2, self.agent1))
        # the type routes a ticket without team to its team
        self.type_complaint.team_id = self.team_other
        self.team_other.assign_method = 'round_robin'
        complaint = self.make_ticket(user=self.manager, name='投诉', type_id=self.type_complaint.id, team_id=False)
        self.assertEqual((complaint.team_id, complaint.user_id), (self.team_other, self.agent3))

    def test_only_service_managers_assign(self):
        ticket = self.make_ticket()
        with self.refused(AccessError, '只有服务经理才能分配工单'):
            ticket.sudo(self.agent1).action_assign(user_id=self.agent2.id)
        with self.refused(AccessError, '只有服务经理才能分配工单'):
            ticket.sudo(self.agent1).write({'user_id': self.agent2.id})
        ticket.sudo(self.agent2).action_take()
        self.assertEqual((ticket.state, ticket.user_id), ('assigned', self.agent2))
        with self.refused(UserError, '不是服务专员'):
            ticket.sudo(self.manager).action_assign(user_id=self.lina.id)

    def test_data_scope(self):
        mine = self.make_ticket(name='甲客户工单')
        other = self.make_ticket(user=self.manager, name='乙客户工单', partner_id=self.customer_b.id,
                                 contact_id=self.contact_b.id, team_id=self.team_other.id)
        # agents: their teams' tickets
        self.assertEqual(self.Ticket.sudo(self.agent1).search([('id', 'in', (mine | other).ids)]), mine)
        self.assertEqual(self.Ticket.sudo(self.agent3).search([('id', 'in', (mine | other).ids)]), other)
        # service manager: all
        self.assertEqual(self.Ticket.sudo(self.manager).search([('id', 'in', (mine | other).ids)]), mine | other)
        # salespeople read the tickets of their own customers, and change nothing
        self.assertEqual(self.Ticket.sudo(self.lina).search([('id', 'in', (mine | other).ids)]), mine)
        self.assertEqual(self.Ticket.sudo(self.yanglei).search([('id', 'in', (mine | other).ids)]), other)
        with self.refused(AccessError):
            mine.sudo(self.lina).write({'description': '销售改描述'})
        with self.refused(AccessError, '只有服务专员和服务经理才能处理工单'):
            mine.sudo(self.lina).action_take()
        # a customer shared with a colleague opens its tickets to them (read)
        wangfang = self.env.ref('crm_sales.user_sales_east_2')
        self.assertFalse(self.Ticket.sudo(wangfang).search([('id', '=', mine.id)]))
        self.customer.sudo(self.lina).action_share([wangfang.id], 'read')
        self.assertEqual(self.Ticket.sudo(wangfang).search([('id', 'in', (mine | other).ids)]), mine)
        # the executive reads everything, changes nothing
        self.assertEqual(self.Ticket.sudo(self.executive).search([('id', 'in', (mine | other).ids)]), mine | other)
        with self.refused(AccessError):
            other.sudo(self.executive).write({'priority': '3'})
        # another team's agent cannot work on it
        with self.refused(AccessError):
            mine.sudo(self.agent3).action_take()

    def test_todo_counters(self):
        Todo = self.env['crm.todo']
        ticket = self.make_ticket()
        self.make_ticket(name='第二张')
        counts = Todo.sudo(self.manager).get_counts()
        self.assertGreaterEqual(counts['ticket_unassigned_count'], 2)
        self.assertEqual(Todo.sudo(self.agent1).get_counts()['ticket_unassigned_count'], 0)
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        self.assertEqual(Todo.sudo(self.agent1).get_counts()['ticket_open_count'], 1)
        # the to-do page opens for service staff who are not salespeople (sales counters blank)
        row = Todo.sudo(self.agent1).create({}).read()[0]
        self.assertEqual((row['ticket_open_count'], row['ticket_open_ids'], row['customer_today_count']),
                         (1, ticket.ids, 0))
        # normal priority, Friday 16:00: response due Monday 11:00; Monday 10:00 it is close
        self.set_clock('2026-06-15 02:00:00')
        self.assertEqual(Todo.sudo(self.agent1).get_counts()['ticket_due_count'], 1)
        self.assertEqual(Todo.sudo(self.lina).get_counts()['ticket_open_count'], 0)

    def test_ticket_from_a_follow_up_and_a_customer(self):
        follow_up = self.env['crm.follow.up'].sudo(self.lina).create({
            'partner_id': self.customer.id, 'follow_up_type': 'visit', 'content': '客户反映扫码枪无法连接。',
            'contact_ids': [(6, 0, self.contact.ids)]})
        action = follow_up.sudo(self.lina).action_new_service_ticket()
        ctx = action['context']
        self.assertEqual((ctx['default_partner_id'], ctx['default_contact_id'], ctx['default_channel']),
                         (self.customer.id, self.contact.id, 'visit'))
        # the salesperson opens it for the service team, who handle it
        ticket = self.Ticket.sudo(self.lina).with_context(ctx).create(
            {'name': '扫码枪无法连接', 'type_id': self.type_tech.id, 'team_id': self.team.id})
        self.assertEqual((ticket.partner_id, ticket.description), (self.customer, '客户反映扫码枪无法连接。'))
        self.assertEqual(self.customer.sudo(self.agent1).service_ticket_count, 1)
        ticket.sudo(self.agent1).action_take()
        # but not for another salesperson's customer
        with self.refused(AccessError):
            self.Ticket.sudo(self.lina).create({'name': '别人的客户', 'partner_id': self.customer_b.id,
                                                'type_id': self.type_tech.id})
        # a contact given as customer becomes the contact of its company
        other = self.make_ticket(partner_id=self.contact.id, contact_id=False)
        self.assertEqual((other.partner_id, other.contact_id), (self.customer, self.contact))
