# -*- coding: utf-8 -*-
"""The daily summaries of the sales funnel and performance (crm_report_summary.py): the
same figures as the live reports, what is entered today at once, a change to an earlier
record after the next refresh, targets always live, refresh for managers only."""
from odoo.exceptions import AccessError, UserError

from . import test_funnel, test_performance
from .common import ReportCase


class TestFunnelSummarized(test_funnel.TestFunnel):
    """Every funnel test again, the days before the clock's today read from the summary."""

    @classmethod
    def setUpClass(cls):
        super(TestFunnelSummarized, cls).setUpClass()
        cls.env['crm.report.sql']._refresh_summaries()


class TestPerformanceSummarized(test_performance.TestPerformance):
    """Every performance test again (months across a year boundary, MoM / YoY, targets,
    completion, rankings), the days before the clock's today read from the summary."""

    @classmethod
    def setUpClass(cls):
        super(TestPerformanceSummarized, cls).setUpClass()
        cls.env['crm.report.sql']._refresh_summaries()


class TestSummary(ReportCase):

    @classmethod
    def setUpClass(cls):
        super(TestSummary, cls).setUpClass()
        cls.customer = cls.make_customer('汇总测试客户有限公司', cls.lina)
        cls.approved_contract(cls.customer, 30000, '2026-05-12')
        cls.approved_contract(cls.make_customer('汇总测试南方客户', cls.yanglei), 45000, '2026-04-02')

    def funnel(self, user, groupby=('step', 'period', 'user_id', 'team_id')):
        rows = self.env['crm.report.funnel'].sudo(user).read_group(
            [], ['nbr', 'amount', 'lead_count', 'won_count'] + list(groupby), list(groupby), lazy=False)
        return {tuple(r[g][0] if isinstance(r[g], tuple) else r[g] for g in groupby):
                (r['__count'], r['nbr'], round(r['amount'], 2), r['lead_count'], r['won_count'])
                for r in rows}

    def performance(self, user):
        rows = self.env['crm.report.performance'].sudo(user).read_group(
            [('target_level', 'in', [False, 'user'])],
            ['contract_amount', 'payment_amount', 'new_customer_count', 'follow_up_count',
             'target_contract_amount', 'period', 'user_id'], ['period', 'user_id'], lazy=False)
        return {(r['period'], r['user_id'] and r['user_id'][0]): (
            round(r['contract_amount'], 2), round(r['payment_amount'], 2), r['new_customer_count'],
            r['follow_up_count'], round(r['target_contract_amount'], 2)) for r in rows}

    def contracts_in(self, user, period):
        return self.funnel(user, ('step', 'period')).get(('5_contract', period), (0, 0, 0))[1]

    def test_same_figures_as_live_for_every_scope(self):
        users = (self.lina, self.zhangwei, self.sunqiang)
        live = {u: (self.funnel(u), self.performance(u)) for u in users}
        self.env['crm.report.sql']._refresh_summaries()
        self.env.cr.execute('SELECT count(*) FROM crm_report_funnel_summary')
        self.assertGreater(self.env.cr.fetchone()[0], 0, 'the demo history is summarized')
        for user in users:
            funnel, performance = self.funnel(user), self.performance(user)
            self.assertEqual(funnel, live[user][0], user.login)
            self.assertEqual(performance, live[user][1], user.login)
            # a summary row stands for many records: the pivot's "Count" is still records
            for count, nbr, _amount, leads, won in funnel.values():
                self.assertEqual(count, nbr)
                # counts stay integers (not numeric sums, floats over XML-RPC)
                for value in (count, nbr, leads, won):
                    self.assertIsInstance(value, int)
            for figures in performance.values():
                self.assertIsInstance(figures[2], int)
        self.assertTrue(self.env['crm.report.sql']._summaries_refreshed_at())

    def test_today_at_once_earlier_days_after_the_refresh(self):
        self.env['crm.report.sql']._refresh_summaries()
        before = self.funnel(self.lina, ('step',))
        # a lead entered today counts at once (today is after the summarized days)
        self.env['crm.lead'].sudo(self.lina).create({'name': '汇总测试新线索', 'type': 'lead'})
        self.assertEqual(self.funnel(self.lina, ('step',))[('1_lead',)][1],
                         before[('1_lead',)][1] + 1)
        # a contract signed on an earlier day, approved after the refresh: after the next one
        may = self.contracts_in(self.lina, '2026-05')
        self.approved_contract(self.customer, 12000, '2026-05-20')
        self.assertEqual(self.contracts_in(self.lina, '2026-05'), may)
        self.env['crm.report.sql']._refresh_summaries()
        self.assertEqual(self.contracts_in(self.lina, '2026-05'), may + 1)

    def test_targets_entered_for_past_months_show_at_once(self):
        self.env['crm.report.sql']._refresh_summaries()
        target = self.env['crm.sales.target'].sudo(self.zhangwei).create({
            'target_type': 'user', 'user_id': self.lina.id, 'year': 2025})
        target.line_ids.filtered(lambda l: l.month == '03').write({'contract_amount': 77000})
        figures = self.performance(self.lina)
        self.assertEqual(figures[('2025-03', self.lina.id)][4], 77000)

    def test_only_managers_refresh_now(self):
        with self.assertRaises(AccessError):
            self.env['crm.report.funnel'].sudo(self.lina).action_refresh_summaries()
        self.assertTrue(self.env['crm.report.funnel'].sudo(self.sunqiang).action_refresh_summaries())
        settings = self.env['crm.report.settings'].sudo(self.sunqiang).create({})
        settings.action_refresh_summaries()
        self.assertEqual(settings.summary_refreshed_at,
                         self.env['crm.report.sql']._summaries_refreshed_at())

    def test_one_refresh_at_a_time(self):
        """While a refresh runs (here: another transaction holding its lock), "Refresh
        Now" says so in Chinese and the cron's run does nothing; afterwards both work."""
        Funnel = self.env['crm.report.funnel']
        Customer = self.env['crm.report.customer']
        other = self.registry.cursor()
        try:
            for name in ('summaries', 'customer_facts'):
                other.execute('SELECT pg_advisory_xact_lock(hashtext(%s))',
                              ('crm_reports.refresh.%s' % name,))
            before = Funnel._summaries_refreshed_at()
            zh = {'lang': 'zh_CN'}
            with self.assertRaisesRegex(UserError, '正在刷新'):
                Funnel.sudo(self.sunqiang).with_context(zh).action_refresh_summaries()
            with self.assertRaisesRegex(UserError, '正在刷新'):
                Customer.sudo(self.sunqiang).with_context(zh).action_refresh_facts()
            self.assertFalse(Funnel._cron_refresh_summaries())
            self.assertFalse(Customer._cron_refresh_facts())
            self.assertEqual(Funnel._summaries_refreshed_at(), before)
            # the skipped refreshes are logged and counted on the job's run, not silent
            for key in ('crm_reports.ir_cron_refresh_summaries',
                        'crm_reports.ir_cron_refresh_customer_facts'):
                run = self.env['crm.cron.run'].with_context(lang='zh_CN').search(
                    [('key', '=', key)], limit=1)
                self.assertEqual((run.state, run.done_count, run.skipped_count), ('done', 0, 1))
                self.assertIn('另一次刷新正在进行', run.line_ids.reason)
        finally:
            other.rollback()
            other.close()
        self.assertTrue(Funnel.sudo(self.sunqiang).action_refresh_summaries())
        self.assertTrue(Customer.sudo(self.sunqiang).action_refresh_facts())
