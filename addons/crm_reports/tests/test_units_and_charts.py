# -*- coding: utf-8 -*-
"""What the reports say on screen (issue #29): cohort conversion rates that never pass
100 %, year totals of one target level, a public pool chart with data, follow-up types and
other choices in Chinese, units (% and ¥) on every measure, the dashboard's charts and the
executive's landing on the dashboard. Expected figures come from the raw records."""
import json
import re
import zipfile
from io import BytesIO

from lxml import etree

from .common import ReportCase

LATIN = re.compile('[A-Za-z]{3,}')


class TestUnitsAndCharts(ReportCase):

    NOW = '2027-03-15 04:00:00'

    @classmethod
    def setUpClass(cls):
        super(TestUnitsAndCharts, cls).setUpClass()
        # the 1460 % case: many contracts signed without an opportunity, one won
        # opportunity without a contract
        cls.customer = cls.make_customer('单位测试客户', cls.lina)
        cls.set_create_date(cls.customer, '2027-01-05 02:00:00')
        opp = cls.env['crm.lead'].sudo(cls.lina).create({
            'name': '单位测试商机', 'type': 'opportunity', 'partner_id': cls.customer.id,
            'planned_revenue': 50000})
        opp.action_set_end_status('won')
        cls.set_create_date(opp, '2027-01-06 02:00:00')
        cls.env.cr.execute("UPDATE crm_lead SET end_date = '2027-01-07 02:00:00' WHERE id = %s",
                           (opp.id,))
        opp.invalidate_cache()
        for day in range(10, 24):
            cls.approved_contract(cls.customer, 10000, '2027-01-%02d' % day)

    # ------------------------------------------------------------------ rates
    def test_contracts_against_won_is_a_cohort_never_above_100(self):
        Funnel = self.env['crm.report.funnel'].sudo(self.lina)
        domain = [('date', '>=', '2027-01-01'), ('date', '<=', '2027-01-31')]
        total = Funnel.read_group(domain, ['contract_count', 'won_count', 'contract_rate'], [],
                                  lazy=False)[0]
        # 14 contracts and 1 won opportunity in January: counted apart they made 1400 %
        self.assertGreaterEqual(total['contract_count'], 14)
        self.assertGreaterEqual(total['won_count'], 1)
        expected = self.cohort_rates(self.raw_funnel_rows(self.lina, '2027-01-01',
                                                          '2027-01-31'))['contract_rate']
        self.assertAlmostEqual(total['contract_rate'], expected, 6)
        self.assertLessEqual(total['contract_rate'], 100.0)
        # the Excel's funnel table says the same
        steps = {s['step']: s for s in Funnel._funnel(domain)}
        self.assertAlmostEqual(steps['5_contract']['rate'] * 100.0, expected, 6)

    def test_every_rate_of_every_group_is_at_most_100(self):
        """All the demo history and this test's records, per salesperson, team and month,
        as the manager: each conversion rate of a cohort is at most 100 %."""
        Funnel = self.env['crm.report.funnel'].sudo(self.sunqiang)
        rates = sorted(Funnel._ratio_measures)
        for groupby in (['user_id'], ['team_id'], ['period'], ['user_id', 'period'], []):
            for group in Funnel.read_group([], groupby + rates, groupby, lazy=False):
                for rate in rates:
                    if group[rate] is not False:
                        self.assertGreaterEqual(group[rate], 0.0, (groupby, rate))
                        self.assertLessEqual(group[rate], 100.0, (groupby, group, rate))

    # ------------------------------------------------------------------ targets
    def test_year_total_of_targets_is_one_level(self):
        Target = self.env['crm.sales.target']
        user_target = Target.sudo(self.zhangwei).create(
            {'target_type': 'user', 'user_id': self.lina.id, 'year': 2033})
        user_target.line_ids.write({'contract_amount': 1000})
        team_target = Target.sudo(self.sunqiang).create(
            {'target_type': 'team', 'team_id': self.team_east.id, 'year': 2033})
        team_target.line_ids.write({'contract_amount': 5000})
        Perf = self.env['crm.report.performance'].sudo(self.sunqiang)
        year = [('date', '>=', '2033-01-01'), ('date', '<=', '2033-12-31')]
        read = lambda domain: Perf.read_group(domain, ['target_contract_amount'], [],
                                              lazy=False)[0]['target_contract_amount']
        # no level chosen, or both filters of the search view (OR-ed): the salespeople's
        self.assertEqual(read(year), 12000)
        both = ['|', '|', ('target_level', '=', False), ('target_level', '=', 'user'),
                '|', ('target_level', '=', False), ('target_level', '=', 'team')]
        self.assertEqual(read(year + both), 12000)
        self.assertEqual(read(year + Perf._level_domain('team')), 60000)
        self.assertEqual(read(year + Perf._level_domain('user')), 12000)
        # the targets list: grouped by level first, no grand total over both levels
        action = self.env.ref('crm_reports.crm_sales_target_action')
        self.assertIn("'search_default_group_target_type': 1", action.context)
        arch = etree.fromstring(Target.sudo(self.sunqiang).fields_view_get(
            view_type='tree')['arch'])
        self.assertFalse([f.get('name') for f in arch.iter('field') if f.get('sum')])
        groups = Target.sudo(self.sunqiang).read_group(
            [('year', '=', 2033)], ['target_type', 'contract_amount'], ['target_type'])
        self.assertEqual({g['target_type']: g['contract_amount'] for g in groups},
                         {'user': 12000, 'team': 60000})

    # ------------------------------------------------------------------ pool
    def test_pool_chart_has_data(self):
        """The graph's default grouping (month x direction) reads a row with a count for
        each month and direction of the pool log (the demo history logs claims and
        releases over the months; here a release and a claim are added)."""
        partner = self.make_customer('公海图表测试客户', self.lina)
        partner.sudo(self.lina).action_pool_release('暂无需求')
        partner.sudo(self.wangfang).action_pool_claim()
        Pool = self.env['crm.report.pool'].sudo(self.sunqiang)
        arch = etree.fromstring(Pool.fields_view_get(view_type='graph')['arch'])
        groupby = [f.get('name') for f in arch.iter('field') if f.get('type') in ('row', 'col')]
        measure = [f.get('name') for f in arch.iter('field') if f.get('type') == 'measure'][0]
        self.assertEqual(groupby, ['period', 'direction'])
        groups = Pool.read_group([], groupby + [measure], groupby, lazy=False)
        log = self.env['crm.pool.log'].search([('action', 'in', ('claim', 'assign', 'release',
                                                                 'recycle', 'auto_release',
                                                                 'offboard'))])
        expected = {}
        for entry in log:
            key = (self.local_date(entry.date).strftime('%Y-%m'),
                   'claimed' if entry.action in ('claim', 'assign') else 'released')
            expected[key] = expected.get(key, 0) + 1
        self.assertEqual({(g['period'], g['direction']): g[measure] for g in groups}, expected)
        self.assertIn(('2027-03', 'claimed'), expected)
        self.assertIn(('2027-03', 'released'), expected)

    # ------------------------------------------------------------------ Chinese
    def test_choices_of_the_reports_are_chinese(self):
        """Follow-up types (电话, 面访...), pool operations, regions and statuses: the
        reports repeat a source field's choices translated."""
        for model in ('crm.report.follow.up', 'crm.report.pool', 'crm.report.customer',
                      'crm.report.product', 'crm.report.funnel', 'crm.report.opportunity',
                      'crm.report.performance'):
            Model = self.env[model].sudo(self.sunqiang).with_context(lang='zh_CN')
            for name, field in Model.fields_get().items():
                if field['type'] != 'selection':
                    continue
                for value, label in field['selection']:
                    self.assertFalse(LATIN.search(label), (model, name, value, label))
        types = dict(self.env['crm.report.follow.up'].with_context(lang='zh_CN').fields_get(
            ['follow_up_type'])['follow_up_type']['selection'])
        self.assertEqual(types['call'], '电话')
        self.assertEqual(types['visit'], '面访')
        self.assertEqual(types['wechat'], '微信')
        regions = self.env['crm.lead'].with_context(lang='zh_CN').fields_get(
            ['region'])['region']['selection']
        self.assertEqual(dict(regions), dict(self.env['res.partner'].with_context(
            lang='zh_CN').fields_get(['region'])['region']['selection']))

    # ------------------------------------------------------------------ units
    def test_measures_carry_their_unit(self):
        fields = self.env['crm.report.funnel'].sudo(self.lina).fields_get()
        for rate in self.env['crm.report.funnel']._ratio_measures:
            self.assertEqual(fields[rate]['crm_format'], 'percent', rate)
        self.assertEqual(fields['amount']['crm_format'], 'money')
        self.assertEqual(fields['amount']['crm_currency_symbol'], '¥')
        self.assertNotIn('crm_format', fields['nbr'])
        perf = self.env['crm.report.performance'].sudo(self.lina).fields_get()
        for name in ('contract_mom', 'contract_yoy', 'payment_mom', 'payment_yoy',
                     'contract_completion'):
            self.assertEqual(perf[name]['crm_format'], 'percent', name)
        for name in ('contract_amount', 'target_payment_amount', 'product_amount'):
            self.assertEqual(perf[name]['crm_format'], 'money', name)
        self.assertNotIn('crm_format', perf['new_customer_count'])
        # the dashboard: amounts in ¥, changes in %
        arch = etree.fromstring(self.env['crm.report.dashboard'].sudo(self.lina).fields_view_get(
            view_type='form')['arch'])
        widgets = {f.get('name'): f.get('widget') for f in arch.iter('field')}
        for name in ('contract_amount', 'payment_amount', 'overdue_amount', 'contract_previous'):
            self.assertEqual(widgets[name], 'crm_money', name)
        for name in ('contract_mom', 'contract_yoy', 'payment_mom', 'payment_yoy'):
            self.assertEqual(widgets[name], 'crm_percent', name)

    def test_excel_amounts_in_yuan_and_rates_in_percent(self):
        wizard = self.env['crm.report.export'].sudo(self.sunqiang).create(
            {'report': 'performance', 'date_from': '2027-01-01', 'date_to': '2027-02-28',
             'year': 2027})
        content, _kind = self.env.ref('crm_reports.action_report_crm_reports_xlsx').sudo(
            self.sunqiang).with_context(active_model='crm.report.export').render_xlsx(
                wizard.ids, {})
        styles = zipfile.ZipFile(BytesIO(content)).read('xl/styles.xml').decode('utf-8')
        formats = re.findall(r'formatCode="([^"]*)"', styles)
        self.assertIn('"¥"#,##0.00', [f.replace('&quot;', '"') for f in formats])
        self.assertIn('0.0%', formats)

    # ------------------------------------------------------------------ dashboard
    def test_dashboard_charts_from_raw_records(self):
        board = self.env['crm.report.dashboard'].sudo(self.sunqiang).create({})
        funnel = json.loads(board.funnel_chart)
        self.assertEqual(funnel['type'], 'funnel')
        self.assertEqual(funnel['symbol'], '¥')
        opps = self.env['crm.lead'].search([('type', '=', 'opportunity'),
                                            ('end_status', '=', False), ('stage_id', '!=', False)])
        by_stage = {}
        for opp in opps:
            stage = by_stage.setdefault(opp.stage_id, [0, 0.0])
            stage[0] += 1
            stage[1] += opp.planned_revenue
        stages = sorted(by_stage, key=lambda s: (s.sequence, s.id))
        self.assertEqual([r['label'] for r in funnel['rows']], [s.name for s in stages])
        for row, stage in zip(funnel['rows'], stages):
            self.assertEqual(row['count'], by_stage[stage][0], stage.name)
            self.assertAlmostEqual(row['amount'], by_stage[stage][1], 2)
        trend = json.loads(board.trend_chart)
        self.assertEqual(len(trend['rows']), 12)
        # March 2027 (the clock's month): lina and the others' contracts, salesperson targets
        lines = self.env['crm.sales.target.line'].search([
            ('target_id.year', '=', 2027), ('target_id.target_type', '=', 'team')])
        by_month = {}
        for line in lines:
            by_month[int(line.month)] = by_month.get(int(line.month), 0) + line.contract_amount
        for month, row in enumerate(trend['rows'], 1):
            self.assertAlmostEqual(row['target'], by_month.get(month, 0), 2, month)
        contracts = self.env['crm.contract'].search([('state', 'in', ('approved', 'expired')),
                                                     ('sign_date', '>=', '2027-01-01'),
                                                     ('sign_date', '<=', '2027-01-31')])
        self.assertAlmostEqual(trend['rows'][0]['actual'], sum(contracts.mapped('amount_total')), 2)
        ranking = json.loads(board.ranking_chart)
        values = [r['value'] for r in ranking['rows']]
        self.assertEqual(values, sorted(values, reverse=True))
        lina = [r for r in ranking['rows'] if r['label'] == self.lina.name]
        mine = self.env['crm.contract'].search([
            ('state', 'in', ('approved', 'expired')), ('user_id', '=', self.lina.id),
            ('sign_date', '>=', '2027-01-01'), ('sign_date', '<=', '2027-03-15')])
        self.assertAlmostEqual(lina[0]['value'], sum(mine.mapped('amount_total')), 2)
        # a salesperson's ranking is hers only
        own = json.loads(self.env['crm.report.dashboard'].sudo(self.lina).create({}).ranking_chart)
        self.assertEqual([r['label'] for r in own['rows']], [self.lina.name])

    def test_executive_lands_on_the_dashboard(self):
        self.assertEqual(self.executive._crm_home_action(),
                         'crm_reports.crm_report_dashboard_action')
        self.assertNotEqual(self.lina._crm_home_action(), 'crm_reports.crm_report_dashboard_action')
        row = self.executive.sudo(self.executive).read(['action_id'])[0]
        self.assertEqual(row['action_id'][0],
                         self.env.ref('crm_reports.crm_report_dashboard_action').id)
