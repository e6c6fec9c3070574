# -*- coding: utf-8 -*-
from odoo.addons.crm_lifecycle.tests.common import LifecycleCase


class TestLifecycleReports(LifecycleCase):
    """The lifecycle funnel and the lost-customer analysis, recomputed from the
    customers per scope, with the clock moved."""

    @classmethod
    def setUpClass(cls):
        super(TestLifecycleReports, cls).setUpClass()
        cls.bought = cls.make_customer('报表生命周期成交客户')
        cls.order(cls.bought, '2025-10-01')
        cls.twice = cls.make_customer('报表生命周期复购客户')
        cls.order(cls.twice, '2025-09-01')
        cls.order(cls.twice, '2026-02-01', product=cls.plc)
        cls.new = cls.make_customer('报表生命周期新客户')
        cls.south = cls.make_customer('报表生命周期华南客户', user=cls.yanglei)
        cls.order(cls.south, '2025-08-01')

    def expected_stages(self, user):
        Partner = self.env['res.partner']
        domain = [('is_crm_customer', '=', True)]
        if user._crm_scope_level() not in ('all', 'read_all'):
            domain += ['|', ('crm_owner_id', '=', user.id),
                       ('crm_team_id', 'in', user.crm_led_team_ids.ids)]
        counts = {}
        for partner in Partner.search(domain):
            counts[partner.lifecycle_stage] = counts.get(partner.lifecycle_stage, 0) + 1
        return counts

    def test_the_funnel_counts_the_stages_per_scope(self):
        for user in (self.lina, self.zhangwei, self.sunqiang, self.wugang):
            groups = self.env['crm.report.lifecycle'].sudo(user).read_group(
                [], ['lifecycle_stage', 'nbr'], ['lifecycle_stage'])
            got = {g['lifecycle_stage']: g['nbr'] for g in groups}
            self.assertEqual(got, self.expected_stages(user), user.login)
        mine = self.env['crm.report.lifecycle'].sudo(self.lina).read_group(
            [('partner_id', 'in', (self.bought | self.twice | self.new).ids)],
            ['nbr', 'deal_count', 'repurchase_count', 'deal_rate', 'repurchase_rate'], [])[0]
        self.assertEqual((mine['nbr'], mine['deal_count'], mine['repurchase_count']), (3, 2, 1))
        self.assertAlmostEqual(mine['deal_rate'], 200.0 / 3, 1)
        self.assertAlmostEqual(mine['repurchase_rate'], 50.0, 1)
        self.assertFalse(self.env['crm.report.lifecycle'].sudo(self.lina).search(
            [('partner_id', '=', self.south.id)]))

    def test_a_confirmed_churn_shows_in_the_lost_analysis(self):
        Report = self.env['crm.report.churn']
        self.bought.sudo(self.lina).action_churn_defer('电话回访', '2026-07-01')
        self.set_clock('2026-07-03 04:00:00')
        self.bought.sudo(self.sunqiang).action_churn_confirm(self.reason.id, '已转向竞争对手')
        row = Report.sudo(self.lina).search([('partner_id', '=', self.bought.id)])
        self.assertEqual((row.date, row.reason_id, row.last_order_date, row.order_count,
                          row.days_since_order, row.defer_count, row.confirmed_by_id),
                         ('2026-07-03', self.reason, '2025-10-01', 1, 275, 1, self.sunqiang))
        self.assertEqual(row.contract_amount, 10000.0)
        self.assertTrue(Report.sudo(self.zhangwei).search([('partner_id', '=', self.bought.id)]))
        self.assertFalse(Report.sudo(self.yanglei).search([('partner_id', '=', self.bought.id)]))
        groups = Report.sudo(self.sunqiang).read_group(
            [('partner_id', '=', self.bought.id)], ['reason_id', 'nbr'], ['reason_id'])
        self.assertEqual([(g['reason_id'][0], g['nbr']) for g in groups], [(self.reason.id, 1)])
        self.assertEqual(self.env['crm.report.lifecycle'].sudo(self.lina).search(
            [('partner_id', '=', self.bought.id)]).churned_count, 1)
        # undone: it leaves the lost analysis
        self.bought.sudo(self.sunqiang).action_churn_restore()
        self.assertFalse(Report.sudo(self.sunqiang).search([('partner_id', '=', self.bought.id)]))

    def test_one_churn_delay_for_the_analysis_and_the_worklist(self):
        """The customer analysis's churn warning and the worklist's "no follow-up for M
        days" are one setting: saved on either screen, both count with it."""
        Customer = self.env['crm.report.customer']

        def analysed():
            Customer._refresh_facts()
            return Customer.sudo(self.lina).search([('partner_id', '=', self.bought.id)])
        self.env['crm.churn.settings'].sudo(self.sunqiang).create(
            {'churn_months': 12, 'follow_up_days': 300}).action_save()
        self.assertEqual(self.env['crm.report.settings'].sudo(self.sunqiang).create(
            {}).churn_days, 300)
        # bought: its only order 2025-10-01, 252 days before the clock
        self.assertEqual(analysed().days_inactive, 252)
        self.assertFalse(analysed().churn_warning)
        self.assertNotIn(self.bought.id, self.warned(self.lina))
        self.env['crm.report.settings'].sudo(self.sunqiang).create(
            {'churn_days': 200}).action_save()
        self.assertEqual(self.env['crm.churn.settings'].sudo(self.sunqiang).create(
            {}).follow_up_days, 200)
        self.assertTrue(analysed().churn_warning)
        self.assertEqual(self.warned(self.lina)[self.bought.id].reason, 'no_follow_up')

    def test_the_xlsx_export_has_the_sheets(self):
        import xlrd
        self.bought.sudo(self.sunqiang).action_churn_confirm(self.reason.id)
        for report, title in (('lifecycle', '客户生命周期漏斗'), ('churn_lost', '客户流失分析')):
            wizard = self.env['crm.report.export'].sudo(self.sunqiang).with_context(
                lang='zh_CN').create({'report': report, 'date_from': '2025-01-01',
                                      'date_to': '2026-12-31'})
            content, _kind = self.env.ref('crm_reports.action_report_crm_reports_xlsx').sudo(
                self.sunqiang).with_context(lang='zh_CN', active_model='crm.report.export'
                                            ).render_xlsx(wizard.ids, {})
            book = xlrd.open_workbook(file_contents=content)
            self.assertIn(title, book.sheet_names()[0], report)
