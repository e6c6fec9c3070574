# -*- coding: utf-8 -*-
"""Scheduled job runs (crm.cron.run): one failing item is recorded and the others go
through; a run that finds another one running does nothing and says so; the CRM
administrator reads the runs and nobody writes them; reminders never go to a user who
has left."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase

from .cron_common import CronCommittedCase

JOB = 'crm_sales.ir_cron_crm_operation_log_purge'


class TestCronRun(TransactionCase):

    def setUp(self):
        super(TestCronRun, self).setUp()
        self.Run = self.env['crm.cron.run']
        self.lina = self.env.ref('crm_sales.user_sales_east_1')
        self.zhoutao = self.env.ref('crm_sales.user_crm_admin')
        self.partners = self.env['res.partner']
        for i in range(3):
            self.partners |= self.env['res.partner'].create({'name': '运行记录测试 %d' % i})

    def test_one_failing_item_is_recorded_and_the_others_go_through(self):
        bad = self.partners[1]

        def rename(partner):
            if partner == bad:
                partner.write({'name': '改过'})   # rolled back with the failure
                raise ValueError('损坏的记录')
            partner.write({'comment': '已处理'})
        run = self.Run._crm_run_each(JOB, self.partners, rename)
        self.assertEqual((run.state, run.done_count, run.failed_count), ('failed', 2, 1))
        self.assertEqual(self.partners.mapped('comment'), ['已处理', False, '已处理'])
        self.assertEqual(bad.name, '运行记录测试 1', 'the failed item left nothing half-written')
        self.assertEqual(run.line_ids.mapped('res_name'), [bad.display_name])
        self.assertIn('损坏的记录', run.line_ids.reason)
        self.assertTrue(run.started_at and run.ended_at)
        self.assertEqual(run.cron_id, self.env.ref(JOB))
        again = self.Run._crm_run_each(JOB, self.partners.filtered(lambda p: not p.comment),
                                       lambda p: p.write({'comment': '已处理'}))
        self.assertEqual((again.state, again.done_count, again.failed_count), ('done', 1, 0))

    def test_the_administrator_reads_runs_nobody_writes_them(self):
        run = self.Run._crm_run_each(JOB, self.partners, lambda p: None)
        self.assertEqual(run.sudo(self.zhoutao).read(['done_count'])[0]['done_count'], 3)
        with self.assertRaises(AccessError):
            run.sudo(self.lina).read(['done_count'])
        for who in (self.zhoutao, self.env.ref('base.user_root')):
            with self.assertRaises(AccessError):
                run.sudo(who).write({'state': 'done', 'done_count': 99})
            with self.assertRaises(AccessError):
                run.sudo(who).unlink()
            with self.assertRaises(AccessError):
                self.Run.sudo(who).create({'name': 'x', 'key': JOB})
        menu = self.env.ref('crm_sales.menu_crm_cron_run')
        self.assertTrue(self.env['ir.ui.menu'].sudo(self.zhoutao).search([('id', '=', menu.id)]))
        self.assertFalse(self.env['ir.ui.menu'].sudo(self.lina).search([('id', '=', menu.id)]))

    def test_purge_is_recorded(self):
        self.env['crm.operation.log']._cron_purge()
        run = self.Run.search([('key', '=', JOB)], limit=1)
        self.assertEqual(run.state, 'done')
        self.assertEqual(run.name, self.env.ref(JOB).with_context(lang='zh_CN').name,
                         'named in the company\'s language, whoever ran it')
        self.assertEqual(run.name, 'CRM：清理过期的操作日志')

    def test_reminders_never_go_to_an_archived_user(self):
        Users = self.env['res.users']
        leaver, leader = (
            Users.with_context(no_reset_password=True).create(
                {'name': '离职销售', 'login': 'cron_run_leaver'}),
            Users.with_context(no_reset_password=True).create(
                {'name': '离职组长', 'login': 'cron_run_leader'}))
        self.assertEqual(Users._crm_active_recipient([leaver, leader]), leaver)
        leaver.write({'active': False})
        self.assertEqual(Users._crm_active_recipient([leaver, False, leader]), leader)
        leader.write({'active': False})
        fallback = Users._crm_active_recipient([leaver, leader])
        self.assertEqual(fallback, self.env.ref('crm_sales.user_sales_manager'),
                         'the sales manager (before the CRM administrator)')


class TestCronRunCommitted(CronCommittedCase):
    """On committed data: a run that finds another one running does nothing and is
    recorded as skipped; a run that died is shown as interrupted by the next one."""

    def test_skipped_while_another_runs_and_interrupted_runs(self):
        first = self.last_run_id()
        self.addCleanup(self.remove_runs, JOB, first)
        with self.job_held(JOB):
            self.run_committed('crm.operation.log', '_cron_purge', {})
        self.assertEqual(self.runs(JOB)[0][:4], ('skipped', 0, 0, 1))
        with self.committed() as env:   # a run that never ended (its process died)
            env['crm.cron.run']._crm_start(JOB)
            env['crm.cron.run']._crm_unlock(JOB)
        self.run_committed('crm.operation.log', '_cron_purge', {})
        self.assertEqual([r[0] for r in self.runs(JOB)[:3]], ['done', 'interrupted', 'skipped'])
