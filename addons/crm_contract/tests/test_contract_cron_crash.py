# -*- coding: utf-8 -*-
"""The daily contract job on committed data: killed between two commits, a contract
that fails among others, an owner who has left, a manual run racing the scheduler.
Nothing is lost, nothing is doubled, nobody who left is reminded."""
from unittest.mock import patch

from odoo.addons.crm_sales.tests.cron_common import CronCommittedCase

JOB = 'crm_contract.ir_cron_contract_daily'
NOW = '2026-06-10 04:00:00'
CLOCK = 'crm_sales.clock_now'


class TestContractCronCrash(CronCommittedCase):

    def setUp(self):
        super(TestContractCronCrash, self).setUp()
        self.first_run = self.last_run_id()
        with self.committed() as env:
            Param = env['ir.config_parameter']
            self.clock = Param.get_param(CLOCK) or ''
            Param.set_param(CLOCK, NOW)
            ref = env.ref
            team = ref('crm_sales.team_east')
            self.lina, self.leader = ref('crm_sales.user_sales_east_1').id, team.user_id.id
            leaver = env['res.users'].with_context(no_reset_password=True).create({
                'name': '离职销售', 'login': 'cron_crash_leaver',
                'groups_id': [(6, 0, [ref('crm_sales.group_crm_salesman').id])],
                'sale_team_id': team.id})
            customers = env['res.partner']
            contracts = env['crm.contract']
            for owner in (self.lina, leaver.id, self.lina):
                customer = env['res.partner'].create({
                    'name': '定时任务测试客户 %d' % len(customers), 'is_company': True,
                    'customer': True, 'user_id': owner, 'team_id': team.id})
                customers |= customer
                contract = env['crm.contract'].create({
                    'name': '定时任务测试合同 %d' % len(contracts), 'partner_id': customer.id,
                    'user_id': owner, 'team_id': team.id, 'date_start': '2026-01-01',
                    'date_end': '2026-06-30', 'sign_date': '2026-01-01', 'amount_total': 1000})
                contract.action_submit()
                contracts |= contract
            leaver.write({'active': False})   # she has left, her contract stays hers
            self.assertEqual(contracts.mapped('state'), ['approved'] * 3)
            self.ids = {'contracts': contracts.ids, 'customers': customers.ids,
                        'leaver': leaver.id}
        self.addCleanup(self._remove_fixture)

    def _remove_fixture(self):
        with self.committed() as env:
            ids = tuple(self.ids['contracts'])
            env.cr.execute("DELETE FROM tier_review WHERE model = 'crm.contract' AND res_id IN %s",
                           (ids,))
            env.cr.execute("UPDATE crm_contract SET state = 'draft' WHERE id IN %s", (ids,))
            env['crm.contract'].browse(ids).unlink()
            env['res.partner'].browse(self.ids['customers']).unlink()
            env.cr.execute('DELETE FROM crm_cron_run WHERE id > %s', (self.first_run,))
            env['ir.config_parameter'].set_param(CLOCK, self.clock)
            leaver = env['res.users'].with_context(active_test=False).browse(self.ids['leaver'])
            partner = leaver.partner_id
            try:
                with env.cr.savepoint():
                    leaver.unlink()
                    partner.unlink()
            except Exception:  # pylint: disable=broad-except
                pass  # referenced somewhere: stays archived

    def reminders(self):
        """{contract id: [user ids of its reminder activities]} (committed)."""
        with self.committed() as env:
            env.cr.execute("""SELECT res_id, array_agg(user_id ORDER BY id) FROM mail_activity
                               WHERE res_model = 'crm.contract' AND res_id IN %s GROUP BY res_id""",
                           (tuple(self.ids['contracts']),))
            return dict(env.cr.fetchall())

    def run_cron(self):
        self.run_committed('crm.contract', '_cron_contract_daily',
                           {'crm.contract': self.ids['contracts'], 'crm.receivable.plan': []})

    def test_kill_failure_and_leaver(self):
        a, b, c = self.ids['contracts']   # the job takes them newest first: c, b, a
        # killed before its 3rd commit: the run's start and contract c are committed,
        # b (in progress) is lost
        self.assertTrue(self.run_killed('crm.contract', '_cron_contract_daily', 3,
                                        {'crm.contract': self.ids['contracts'],
                                         'crm.receivable.plan': []}))
        self.assertEqual(sorted(self.reminders()), [c], 'one contract reminded before the kill')
        self.assertEqual(self.runs(JOB)[0][0], 'running', 'the killed run never ended')
        # the next run: contract a fails (a broken record), b goes through
        Contract = type(self.env['crm.contract'])
        remind = Contract._crm_remind_one

        def broken(contract):
            if contract.id == a:
                raise ValueError('broken contract')
            return remind(contract)
        with patch.object(Contract, '_crm_remind_one', broken):
            self.run_cron()
        self.assertEqual(sorted(self.reminders()), [b, c])
        runs = self.runs(JOB)
        self.assertEqual(runs[1][0], 'interrupted', 'the killed run is shown as interrupted')
        self.assertEqual(runs[0], ('failed', 1, 1, 0, [a]), 'the failed contract is named')
        # the run after: a goes through; nothing was doubled
        self.run_cron()
        reminded = self.reminders()
        self.assertEqual(sorted(reminded), [a, b, c])
        self.assertTrue(all(len(users) == 1 for users in reminded.values()), reminded)
        self.assertEqual(self.runs(JOB)[0], ('done', 1, 0, 0, []))
        # the leaver's contract went to her team leader, never to her
        self.assertEqual(reminded[b], [self.leader])
        self.assertEqual(reminded[a], [self.lina])
        self.assertEqual(reminded[c], [self.lina])

    def test_manual_run_racing_the_scheduler(self):
        with self.job_held(JOB):
            self.run_cron()
        self.assertEqual(self.reminders(), {}, 'the racing run did nothing')
        self.assertEqual(self.runs(JOB)[0][:4], ('skipped', 0, 0, 1))
        self.run_cron()
        self.run_cron()
        reminded = self.reminders()
        self.assertEqual(len(reminded), 3)
        self.assertTrue(all(len(users) == 1 for users in reminded.values()), reminded)
        self.assertEqual([r[:3] for r in self.runs(JOB)[:2]], [('done', 0, 0), ('done', 3, 0)])
