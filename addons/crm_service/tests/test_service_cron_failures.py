# -*- coding: utf-8 -*-
"""The SLA and service-plan jobs when something goes wrong: a ticket or plan that fails
among others, a handler or assignee who has left, runs that missed the warning window."""
from unittest.mock import patch

from .common import ServiceCase

SLA_JOB = 'crm_service.ir_cron_crm_service_sla'
PLAN_JOB = 'crm_service.ir_cron_crm_service_plan'


class TestServiceCronFailures(ServiceCase):

    def activities(self, model, res_id):
        return self.env['mail.activity'].search([('res_model', '=', model), ('res_id', '=', res_id)])

    def last_run(self, key):
        return self.env['crm.cron.run'].search([('key', '=', key)], limit=1)

    def assigned_ticket(self, agent=None):
        ticket = self.make_ticket(priority='1')   # response due Monday 11:00 Beijing
        ticket.sudo(self.manager).action_assign(user_id=(agent or self.agent1).id)
        return ticket

    def test_missed_window_warns_late_rather_than_never(self):
        ticket = self.assigned_ticket()
        # no run between Friday and Monday 11:30: the warning window has passed, and
        # the deadline too
        self.set_clock('2026-06-15 03:30:00')
        self.Ticket._cron_sla_check()
        warning = self.activities('crm.service.ticket', ticket.id).filtered(
            lambda a: a.user_id == self.agent1)
        self.assertEqual(len(warning), 1, 'the handler is warned late rather than never')
        self.assertIn('已超过', warning.note)
        self.assertEqual(len(self.activities('crm.service.ticket', ticket.id).filtered(
            lambda a: a.user_id == self.manager)), 1, 'and the manager gets the breach')
        self.Ticket._cron_sla_check()
        self.assertEqual(len(self.activities('crm.service.ticket', ticket.id)), 2, 'once each')

    def test_a_failing_ticket_does_not_stop_the_others(self):
        tickets = self.assigned_ticket() | self.assigned_ticket() | self.assigned_ticket()
        broken_id = tickets[1].id
        Ticket = type(self.Ticket)
        warn = Ticket._sla_warn

        def broken(ticket, now):
            if ticket.id == broken_id:
                raise ValueError('broken ticket')
            return warn(ticket, now)
        self.set_clock('2026-06-15 02:00:00')   # Monday 10:00: warning window
        with patch.object(Ticket, '_sla_warn', broken):
            self.Ticket._cron_sla_check()
        warned = tickets.filtered('sla_warned_at')
        self.assertEqual(warned, tickets - tickets[1])
        run = self.last_run(SLA_JOB)
        self.assertEqual((run.state, run.failed_count), ('failed', 1))
        self.assertGreaterEqual(run.done_count, 2)
        self.assertEqual(run.line_ids.mapped('res_id'), [broken_id])
        self.assertIn('broken ticket', run.line_ids.reason)
        self.Ticket._cron_sla_check()   # the next run takes it
        self.assertTrue(tickets[1].sla_warned_at)
        self.assertEqual(len(self.activities('crm.service.ticket', tickets[1].id)), 1)
        self.assertEqual(self.last_run(SLA_JOB).state, 'done')

    def test_archived_handler_the_team_manager_is_warned(self):
        ticket = self.assigned_ticket(self.agent2)
        self.agent2.write({'active': False})
        self.set_clock('2026-06-15 02:00:00')
        self.Ticket._cron_sla_check()
        warning = self.activities('crm.service.ticket', ticket.id)
        self.assertEqual(warning.user_id, self.manager, 'to the manager, not to who has left')
        self.manager.write({'active': False})   # the manager has left too
        self.set_clock('2026-06-15 03:30:00')
        self.Ticket._cron_sla_check()
        breach = self.activities('crm.service.ticket', ticket.id) - warning
        self.assertEqual(len(breach), 1)
        self.assertTrue(breach.user_id.active)
        self.assertTrue(breach.user_id._crm_is_service_manager())

    def test_plans_failing_and_archived_assignee(self):
        Plan = self.env['crm.service.plan']
        plans = Plan
        for name in ('季度回访', '年度巡检', '月度回访'):
            plans |= Plan.sudo(self.manager).create({
                'name': name, 'partner_id': self.customer.id, 'user_id': self.agent2.id,
                'team_id': self.team.id, 'interval_number': 3, 'interval_type': 'month',
                'next_date': '2026-06-12', 'action': 'activity'})
        self.agent2.write({'active': False})
        broken_id = plans[0].id
        PlanClass = type(Plan)
        run_plan = PlanClass._run

        def broken(plan, today):
            if plan.id == broken_id:
                raise ValueError('broken plan')
            return run_plan(plan, today)
        with patch.object(PlanClass, '_run', broken):
            Plan._cron_run_plans()
        self.assertEqual(plans.mapped('run_count'), [0, 1, 1])
        run = self.last_run(PLAN_JOB)
        self.assertEqual((run.state, run.done_count, run.failed_count), ('failed', 2, 1))
        Plan._cron_run_plans()
        self.assertEqual(plans.mapped('run_count'), [1, 1, 1])
        activities = self.env['mail.activity'].search([
            ('res_model', '=', 'res.partner'), ('res_id', '=', self.customer.id),
            ('summary', 'like', '服务计划')])
        self.assertEqual(len(activities), 3)
        self.assertEqual(activities.mapped('user_id'), self.manager,
                         'the team manager, never the assignee who has left')
