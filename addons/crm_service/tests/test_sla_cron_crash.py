# -*- coding: utf-8 -*-
"""The SLA job on committed data: killed between two commits, then run again (nothing
lost, nothing doubled); a manual run while the scheduler's runs does nothing."""
from odoo.addons.crm_sales.tests.cron_common import CronCommittedCase

JOB = 'crm_service.ir_cron_crm_service_sla'
CLOCK = 'crm_sales.clock_now'


class TestSlaCronCrash(CronCommittedCase):

    def setUp(self):
        super(TestSlaCronCrash, self).setUp()
        self.first_run = self.last_run_id()
        with self.committed() as env:
            Param = env['ir.config_parameter']
            self.clock = Param.get_param(CLOCK) or ''
            Param.set_param(CLOCK, '2026-06-12 08:00:00')   # Friday 16:00 Beijing
            ref = env.ref
            self.agent = ref('crm_service.user_service_agent_1').id
            tickets = env['crm.service.ticket']
            for i in range(3):
                tickets |= env['crm.service.ticket'].create({
                    'name': '定时任务测试工单 %d' % i, 'priority': '1',
                    'partner_id': ref('crm_sales.demo_customer_01').id,
                    'team_id': ref('crm_service.team_support').id,
                    'type_id': ref('crm_service.service_type_technical').id})
            for ticket in tickets:
                ticket.action_assign(user_id=self.agent)
            Param.set_param(CLOCK, '2026-06-15 02:00:00')  # Monday 10:00: warning window
            self.ids = tickets.ids
        self.addCleanup(self._remove_fixture)

    def _remove_fixture(self):
        with self.committed() as env:
            ids = tuple(self.ids)
            for table in ('mail_activity', 'mail_followers'):
                env.cr.execute("DELETE FROM %s WHERE res_model = 'crm.service.ticket' AND res_id IN %%s"
                               % table, (ids,))
            env.cr.execute("DELETE FROM mail_message WHERE model = 'crm.service.ticket' AND res_id IN %s",
                           (ids,))
            env.cr.execute('DELETE FROM crm_service_ticket WHERE id IN %s', (ids,))
            env.cr.execute('DELETE FROM crm_cron_run WHERE id > %s', (self.first_run,))
            env['ir.config_parameter'].set_param(CLOCK, self.clock)

    def warnings(self):
        """{ticket id: [user ids of its activities]} (committed)."""
        with self.committed() as env:
            env.cr.execute("""SELECT res_id, array_agg(user_id ORDER BY id) FROM mail_activity
                               WHERE res_model = 'crm.service.ticket' AND res_id IN %s
                               GROUP BY res_id""", (tuple(self.ids),))
            return dict(env.cr.fetchall())

    def test_kill_then_rerun_loses_and_doubles_nothing(self):
        only = {'crm.service.ticket': self.ids}
        self.assertTrue(self.run_killed('crm.service.ticket', '_cron_sla_check', 3, only))
        self.assertEqual(len(self.warnings()), 1, 'one ticket warned before the kill')
        self.run_committed('crm.service.ticket', '_cron_sla_check', only)
        self.run_committed('crm.service.ticket', '_cron_sla_check', only)
        warnings = self.warnings()
        self.assertEqual(warnings, {i: [self.agent] for i in self.ids})
        self.assertEqual([r[:3] for r in self.runs(JOB)[:3]],
                         [('done', 0, 0), ('done', 2, 0), ('interrupted', 1, 0)])

    def test_manual_run_racing_the_scheduler(self):
        only = {'crm.service.ticket': self.ids}
        with self.job_held(JOB):
            self.run_committed('crm.service.ticket', '_cron_sla_check', only)
        self.assertEqual(self.warnings(), {})
        self.assertEqual(self.runs(JOB)[0][:4], ('skipped', 0, 0, 1))
        self.run_committed('crm.service.ticket', '_cron_sla_check', only)
        self.assertEqual(self.warnings(), {i: [self.agent] for i in self.ids})


PLAN_JOB = 'crm_service.ir_cron_crm_service_plan'


class TestPlanCronCrash(CronCommittedCase):
    """The service plans job killed between two commits: the next run creates what was
    lost, once, and every plan moves on exactly one period."""

    def setUp(self):
        super(TestPlanCronCrash, self).setUp()
        self.first_run = self.last_run_id()
        with self.committed() as env:
            Param = env['ir.config_parameter']
            self.clock = Param.get_param(CLOCK) or ''
            Param.set_param(CLOCK, '2026-06-12 08:00:00')
            ref = env.ref
            self.customer = ref('crm_sales.demo_customer_01').id
            plans = env['crm.service.plan']
            for i in range(3):
                plans |= env['crm.service.plan'].create({
                    'name': '定时任务测试计划 %d' % i, 'partner_id': self.customer,
                    'user_id': ref('crm_service.user_service_agent_1').id,
                    'team_id': ref('crm_service.team_support').id, 'interval_number': 1,
                    'interval_type': 'month', 'next_date': '2026-06-12', 'action': 'activity'})
            self.ids = plans.ids
        self.addCleanup(self._remove_fixture)

    def _remove_fixture(self):
        with self.committed() as env:
            env.cr.execute("""DELETE FROM mail_activity WHERE res_model = 'res.partner'
                              AND res_id = %s AND summary LIKE %s""",
                           (self.customer, '%定时任务测试计划%'))
            env.cr.execute("DELETE FROM mail_message WHERE model = 'crm.service.plan' AND res_id IN %s",
                           (tuple(self.ids),))
            env.cr.execute("DELETE FROM mail_followers WHERE res_model = 'crm.service.plan' AND res_id IN %s",
                           (tuple(self.ids),))
            env.cr.execute('DELETE FROM crm_service_plan WHERE id IN %s', (tuple(self.ids),))
            env.cr.execute('DELETE FROM crm_cron_run WHERE id > %s', (self.first_run,))
            env['ir.config_parameter'].set_param(CLOCK, self.clock)

    def state(self):
        """(activities per plan name, [(run_count, next_date)] per plan) (committed)."""
        with self.committed() as env:
            env.cr.execute("""SELECT summary, count(*) FROM mail_activity WHERE res_model = 'res.partner'
                              AND res_id = %s AND summary LIKE %s GROUP BY summary""",
                           (self.customer, '%定时任务测试计划%'))
            activities = dict(env.cr.fetchall())
            env.cr.execute('SELECT COALESCE(run_count, 0), next_date::text FROM crm_service_plan WHERE id IN %s '
                           'ORDER BY id', (tuple(self.ids),))
            return activities, env.cr.fetchall()

    def test_kill_then_rerun_loses_and_doubles_nothing(self):
        only = {'crm.service.plan': self.ids}
        self.assertTrue(self.run_killed('crm.service.plan', '_cron_run_plans', 3, only))
        activities, plans = self.state()
        self.assertEqual(len(activities), 1, 'one plan done before the kill')
        self.assertEqual(sorted(plans), [(0, '2026-06-12')] * 2 + [(1, '2026-07-12')])
        self.run_committed('crm.service.plan', '_cron_run_plans', only)
        self.run_committed('crm.service.plan', '_cron_run_plans', only)
        activities, plans = self.state()
        self.assertEqual(sorted(activities.values()), [1, 1, 1])
        self.assertEqual(plans, [(1, '2026-07-12')] * 3)
        self.assertEqual([r[:3] for r in self.runs(PLAN_JOB)[:3]],
                         [('done', 0, 0), ('done', 2, 0), ('interrupted', 1, 0)])
