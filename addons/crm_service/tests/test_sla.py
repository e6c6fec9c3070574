# -*- coding: utf-8 -*-
from .common import ServiceCase


class TestSla(ServiceCase):
    """Service desk hours: Monday-Friday 9:00-12:00 and 13:00-18:00 Beijing time. The
    clock starts on Friday 2026-06-12 at 16:00 (08:00 UTC)."""

    def activities(self, ticket, user):
        return self.env['mail.activity'].search([('res_model', '=', 'crm.service.ticket'),
                                                 ('res_id', '=', ticket.id), ('user_id', '=', user.id)])

    def test_deadlines_in_working_hours_across_a_weekend(self):
        ticket = self.make_ticket(priority='1')   # normal: respond in 4 h, solve in 16 h
        self.assertEqual(ticket.sla_id, self.env.ref('crm_service.sla_normal'))
        # Friday 16-18 = 2 h, Monday 9-11 = 2 h -> Monday 11:00 Beijing = 03:00 UTC
        self.assertEqual(ticket.response_deadline, '2026-06-15 03:00:00')
        # Friday 2 h + Monday 8 h + Tuesday 9-12, 13-16 = 6 h -> Tuesday 16:00 = 08:00 UTC
        self.assertEqual(ticket.resolve_deadline, '2026-06-16 08:00:00')
        self.assertEqual(ticket.sla_hours_left, 4.0)

        # Saturday noon: the weekend does not count
        self.set_clock('2026-06-13 04:00:00')
        self.assertEqual(ticket.sla_hours_left, 2.0)
        self.assertFalse(ticket.sla_breached)
        self.assertFalse(ticket.sla_due_soon)

        # Monday 10:00: one working hour left, due soon (warning window 2 h)
        self.set_clock('2026-06-15 02:00:00')
        self.assertEqual(ticket.sla_hours_left, 1.0)
        self.assertTrue(ticket.sla_due_soon)
        self.assertIn(ticket, self.Ticket.search([('sla_due_soon', '=', True)]))

        # Monday 11:30: the response target is missed
        self.set_clock('2026-06-15 03:30:00')
        self.assertTrue(ticket.response_breached)
        self.assertFalse(ticket.resolve_breached)
        self.assertEqual(ticket.sla_hours_left, -0.5)
        self.assertIn(ticket, self.Ticket.search([('sla_breached', '=', True)]))
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        ticket.sudo(self.agent1).action_start()
        self.assertTrue(ticket.response_breached, 'a late response stays breached')
        # now the resolution deadline counts: Monday 11:30 -> Tuesday 16:00 = 5.5 + 6 h
        self.assertEqual(ticket.sla_hours_left, 11.5)
        self.assertNotIn(ticket, self.Ticket.search([('sla_breached', '=', False)]))

    def test_priority_and_type_pick_the_policy(self):
        urgent = self.make_ticket(priority='3')
        # urgent: 1 h -> Friday 17:00 Beijing = 09:00 UTC; 4 h -> Monday 11:00 = 03:00 UTC
        self.assertEqual((urgent.response_deadline, urgent.resolve_deadline),
                         ('2026-06-12 09:00:00', '2026-06-15 03:00:00'))
        complaint = self.make_ticket(priority='1', type_id=self.type_complaint.id)
        self.assertEqual(complaint.sla_id, self.env.ref('crm_service.sla_complaint'))
        self.assertEqual(complaint.response_deadline, '2026-06-12 10:00:00')  # Friday 18:00
        urgent.write({'priority': '0'})  # low: 8 h / 40 h from the same start
        self.assertEqual(urgent.response_deadline, '2026-06-15 08:00:00')  # Monday 16:00

    def test_cron_warns_the_handler_before_and_the_manager_after_once_each(self):
        ticket = self.make_ticket(priority='1')
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        Ticket = self.env['crm.service.ticket']
        Ticket._cron_sla_check()
        self.assertFalse(self.activities(ticket, self.agent1), 'Friday: nothing close yet')

        self.set_clock('2026-06-15 02:00:00')   # Monday 10:00, response due at 11:00
        Ticket._cron_sla_check()
        Ticket._cron_sla_check()
        warning = self.activities(ticket, self.agent1)
        self.assertEqual(len(warning), 1)
        self.assertIn(ticket.number, warning.summary)
        self.assertFalse(self.activities(ticket, self.manager))

        self.set_clock('2026-06-15 03:30:00')   # Monday 11:30: breached
        Ticket._cron_sla_check()
        Ticket._cron_sla_check()
        alert = self.activities(ticket, self.manager)
        self.assertEqual(len(alert), 1)
        self.assertIn('SLA', alert.summary)
        self.assertEqual(len(self.activities(ticket, self.agent1)), 1)
        self.assertEqual(ticket.sla_breach_notified_at, '2026-06-15 03:30:00')

    def test_warnings_are_in_the_recipients_language_whoever_runs_the_check(self):
        ticket = self.make_ticket(priority='1')
        ticket.sudo(self.manager).action_assign(user_id=self.agent1.id)
        self.assertEqual((self.agent1.lang, self.manager.lang), ('zh_CN', 'zh_CN'))
        Ticket = self.env['crm.service.ticket'].with_context(lang='en_US')  # the scheduler
        self.set_clock('2026-06-15 02:00:00')
        Ticket._cron_sla_check()
        warning = self.activities(ticket, self.agent1)
        self.assertEqual(warning.summary, 'SLA 即将到期：%s' % ticket.number)
        self.assertIn('工单', warning.note)
        self.set_clock('2026-06-15 03:30:00')
        Ticket._cron_sla_check()
        self.assertEqual(self.activities(ticket, self.manager).summary,
                         '已超出 SLA：%s' % ticket.number)
