# -*- coding: utf-8 -*-
"""Issue #21 on tickets and plans: privilege never travels in what a client sends
(context keys, defaults, copy() values, mail values), and what a read-only role or a bad
plan can do to everyone."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ServiceCase

# what an attacker's XML-RPC client puts in the context
FORGED = {'crm_action_write': True, 'crm_sla_applying': True, 'crm_grant': {'action_write': True},
          'crm_sla_start': '2020-01-01 00:00:00'}


class TestContextGrantsNothing(ServiceCase):

    def test_agent_cannot_reassign_with_a_forged_context(self):
        ticket = self.make_ticket()
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        for ctx in ({'crm_action_write': True}, {'crm_grant': {'action_write': True}}, FORGED):
            with self.refused(AccessError, '只有服务经理才能分配工单'):
                ticket.sudo(self.agent1).with_context(ctx).write({'user_id': self.agent2.id})
        self.assertEqual(ticket.user_id, self.agent1)

    def test_forged_sla_keys_neither_move_nor_freeze_the_clock(self):
        ticket = self.Ticket.sudo(self.agent1).with_context(FORGED).create(dict(
            name='伪造 SLA 起点', partner_id=self.customer.id, contact_id=self.contact.id,
            type_id=self.type_tech.id, team_id=self.team.id, priority='1'))
        self.assertEqual(ticket.sla_start_at, self.NOW, 'the SLA starts now, not at the client\'s date')
        self.assertEqual(ticket.opened_at, self.NOW)
        before = ticket.response_deadline
        ticket.sudo(self.agent1).with_context(crm_sla_applying=True).write({'priority': '3'})
        self.assertNotEqual(ticket.response_deadline, before, 'a new priority still moves the deadlines')

    def test_context_defaults_of_action_fields_are_ignored(self):
        ticket = self.Ticket.sudo(self.agent1).with_context(
            default_state='archived', default_number='FW-FAKE', default_satisfaction=5,
            default_feedback_by='customer', default_opened_at='2020-01-01 00:00:00').create(dict(
                name='默认值注入', partner_id=self.customer.id, contact_id=self.contact.id,
                type_id=self.type_tech.id, team_id=self.team.id))
        self.assertEqual((ticket.state, ticket.satisfaction, ticket.feedback_by, ticket.opened_at),
                         ('new', 0, False, self.NOW))
        self.assertTrue(ticket.number.startswith('FW2026'))
        # a handler as context default is checked as if it were sent
        with self.refused(AccessError, '只有服务经理才能分配工单'):
            self.Ticket.sudo(self.agent1).with_context(default_user_id=self.agent2.id).create(dict(
                name='默认处理人注入', partner_id=self.customer.id, type_id=self.type_tech.id))

    def test_create_refuses_action_fields_in_the_values(self):
        count = self.Ticket.search_count([])
        with self.refused(AccessError, '不能直接修改'):
            self.make_ticket(state='archived', satisfaction=5)
        self.assertEqual(self.Ticket.search_count([]), count)


class TestOtherPaths(ServiceCase):

    def test_copy_with_action_fields_is_refused(self):
        ticket = self.processed_ticket()
        count = self.Ticket.search_count([])
        for default in ({'state': 'archived'}, {'satisfaction': 5, 'feedback_by': 'customer'},
                        {'portal_user_id': self.agent1.id}):
            with self.refused(AccessError, '不能直接修改'):
                ticket.sudo(self.agent1).copy(default)
        self.assertEqual(self.Ticket.search_count([]), count)
        copy = ticket.sudo(self.agent1).copy({'name': '复制的工单'})
        self.assertEqual((copy.state, copy.satisfaction, copy.processed_at), ('assigned', 0, False))

    def test_message_new_with_action_fields_is_refused(self):
        msg = {'from': 'qian@customer-a.example.cn', 'subject': '伪造邮件', 'body': '<p>正文</p>',
               'to': 'svc-test-support@example.com'}
        count = self.Ticket.search_count([])
        with self.refused(AccessError, '不能直接修改'):
            self.Ticket.sudo(self.agent1).message_new(msg, {'state': 'archived', 'satisfaction': 5})
        self.assertEqual(self.Ticket.search_count([]), count)
        # the gateway (superuser) still opens tickets from the alias
        ticket = self.Ticket.message_new(msg, {'team_id': self.team.id})
        self.assertEqual((ticket.state, ticket.partner_id, ticket.channel), ('new', self.customer, 'email'))

    def test_message_update_with_action_fields_or_by_a_reader_is_refused(self):
        ticket = self.processed_ticket()
        msg = {'from': 'qian@customer-a.example.cn', 'subject': 'Re', 'body': '<p>还是不行</p>'}
        with self.refused(AccessError, '不能直接修改'):
            ticket.sudo(self.agent1).message_update(msg, {'state': 'archived'})
        # the salesperson reads the ticket, forges the customer's reply: refused
        with self.refused(AccessError):
            ticket.sudo(self.lina).message_update(msg)
        self.assertEqual(ticket.state, 'processed')

    def test_plan_copy_and_mail_values_cannot_set_its_runs(self):
        plan = self.env['crm.service.plan'].sudo(self.manager).create(dict(
            name='季度巡检', partner_id=self.customer.id, user_id=self.agent1.id, team_id=self.team.id,
            interval_number=3, interval_type='month', next_date='2026-07-01'))
        count = self.env['crm.service.plan'].search_count([])
        with self.refused(AccessError, '不能直接修改'):
            plan.sudo(self.agent1).copy({'run_count': 99, 'last_run_date': '2026-06-01'})
        with self.refused(AccessError, '不能直接修改'):
            plan.sudo(self.agent1).message_update({'from': 'x@example.cn'}, {'run_count': 99})
        with self.refused(AccessError, '不能直接修改'):
            plan.sudo(self.agent1).message_new({'from': 'x@example.cn', 'subject': '计划'},
                                              {'partner_id': self.customer.id, 'user_id': self.agent1.id,
                                               'next_date': '2026-07-01', 'run_count': 99})
        self.assertEqual((plan.run_count, self.env['crm.service.plan'].search_count([])), (0, count))


class TestEscalation(ServiceCase):

    def plan_vals(self, **kw):
        vals = dict(name='定期回访', partner_id=self.customer.id, user_id=self.agent1.id,
                    team_id=self.team.id, interval_number=1, interval_type='month',
                    next_date='2026-06-12', action='activity')
        vals.update(kw)
        return vals

    def test_plan_interval_is_bounded(self):
        Plan = self.env['crm.service.plan'].sudo(self.agent1)
        count = Plan.search_count([])
        for number, unit, fragment in ((2147483647, 'month', '最多为 120'), (0, 'day', '至少为 1'),
                                       (-3, 'week', '至少为 1'), (3651, 'day', '最多为 3650'),
                                       (521, 'week', '最多为 520')):
            with self.refused(ValidationError, fragment):
                Plan.create(self.plan_vals(interval_number=number, interval_type=unit))
        plan = Plan.create(self.plan_vals(interval_number=120))
        with self.refused(ValidationError, '最多为 3650'):
            plan.write({'interval_type': 'day', 'interval_number': 5000})
        with self.refused(ValidationError, '请输入服务计划名称'):
            Plan.create(self.plan_vals(name='   '))
        self.assertEqual(Plan.search_count([]), count + 1)

    def test_one_bad_plan_does_not_stop_the_cron(self):
        Plan = self.env['crm.service.plan'].sudo(self.manager)
        bad = Plan.create(self.plan_vals(name='坏计划'))
        good = Plan.create(self.plan_vals(name='好计划'))
        # a plan stored before the bounds existed
        self.env.cr.execute('UPDATE crm_service_plan SET interval_number = 2147483647 WHERE id = %s', (bad.id,))
        bad.invalidate_cache()
        with self.assertLogs('odoo.addons.crm_sales.models.crm_cron_run', 'ERROR') as logs:
            self.assertTrue(self.env['crm.service.plan']._cron_run_plans())
        self.assertIn('坏计划', logs.output[0])
        # and the CRM administrator sees it on the job's run
        run = self.env['crm.cron.run'].search([('key', '=', 'crm_service.ir_cron_crm_service_plan')],
                                              limit=1)
        self.assertEqual((run.state, run.failed_count), ('failed', 1))
        self.assertEqual(run.line_ids.res_name, '坏计划')
        self.assertEqual((good.run_count, good.next_date), (1, '2026-07-12'))
        self.assertEqual((bad.run_count, bad.next_date), (0, '2026-06-12'))

    def test_executive_posts_nothing_on_tickets(self):
        ticket = self.make_ticket()
        count = len(ticket.message_ids)
        Ticket = ticket.sudo(self.executive)
        self.assertTrue(Ticket.read(['name']), 'the executive reads tickets')
        with self.refused(AccessError, '只能查看服务工单'):
            Ticket.message_post(body='客户可见的评论', message_type='comment', subtype='mail.mt_comment')
        with self.refused(AccessError, '只能查看服务工单'):
            Ticket.message_post(body='内部备注', subtype='mail.mt_note')
        ticket.invalidate_cache()
        self.assertEqual(len(ticket.message_ids), count)
        # the customer's salesperson and the agents still write in the chatter
        ticket.sudo(self.lina).message_post(body='销售补充：客户很着急', subtype='mail.mt_note')
        ticket.sudo(self.agent1).message_post(body='已联系客户', message_type='comment',
                                              subtype='mail.mt_comment')
        ticket.invalidate_cache()
        self.assertEqual(len(ticket.message_ids), count + 2)
        # and nobody posts on no ticket at all
        messages = self.env['mail.message'].search_count([])
        with self.refused(UserError, '请选择要发言的工单'):
            self.Ticket.sudo(self.lina).message_post(body='无主消息')
        self.assertEqual(self.env['mail.message'].search_count([]), messages)
