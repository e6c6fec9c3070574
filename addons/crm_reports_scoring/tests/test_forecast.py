# -*- coding: utf-8 -*-
from odoo.addons.crm_reports.tests.common import ReportCase

JUNE = [('date', '>=', '2026-06-01'), ('date', '<=', '2026-06-30')]
MEASURES = ['forecast_amount', 'learned_weighted_amount', 'stage_weighted_amount',
            'contract_amount', 'target_contract_amount', 'forecast_completion']


class TestForecast(ReportCase):
    """The forecast of June 2026 (the CRM clock's month) for 李娜, computed here from
    her open opportunities expected to close in June (amount x learned probability),
    her effective contracts signed in June and her salesperson targets for June."""

    def expected(self, user):
        opps = self.env['crm.lead'].search([
            ('type', '=', 'opportunity'), ('user_id', '=', user.id), ('end_status', '=', False),
            ('date_deadline', '>=', '2026-06-01'), ('date_deadline', '<=', '2026-06-30')])
        learned = sum(o.planned_revenue * o.win_probability / 100.0 for o in opps)
        stage = sum(o.planned_revenue * o.probability / 100.0 for o in opps)
        contracts = self.env['crm.contract'].search([
            ('user_id', '=', user.id), ('state', 'in', ('approved', 'expired')),
            ('sign_date', '>=', '2026-06-01'), ('sign_date', '<=', '2026-06-30')])
        signed = sum(contracts.mapped('amount_total'))
        lines = self.env['crm.sales.target.line'].search([
            ('target_id.target_type', '=', 'user'), ('user_id', '=', user.id),
            ('target_id.year', '=', 2026), ('month', '=', '06')])
        return {'learned': learned, 'stage': stage, 'signed': signed,
                'target': sum(lines.mapped('contract_amount'))}

    def test_forecast_is_signed_plus_learned_weighted_pipeline_against_target(self):
        Lead = self.env['crm.lead']
        opp = Lead.sudo(self.lina).create({
            'name': '预测商机', 'type': 'opportunity', 'partner_name': '预测客户',
            'planned_revenue': 200000, 'date_deadline': '2026-06-20',
            'user_id': self.lina.id, 'team_id': self.team_east.id})
        Lead.sudo(self.lina).create({
            'name': '七月商机', 'type': 'opportunity', 'partner_name': '预测客户',
            'planned_revenue': 999999, 'date_deadline': '2026-07-20',
            'user_id': self.lina.id, 'team_id': self.team_east.id})
        self.assertTrue(0 < opp.win_probability < 100)
        target = self.env['crm.sales.target'].search([
            ('target_type', '=', 'user'), ('user_id', '=', self.lina.id), ('year', '=', 2026)])
        if not target:
            target = self.env['crm.sales.target'].sudo(self.zhangwei).create({
                'target_type': 'user', 'user_id': self.lina.id, 'year': 2026})
        target.line_ids.filtered(lambda l: l.month == '06').write({'contract_amount': 500000})
        want = self.expected(self.lina)
        self.assertGreater(want['learned'], 0)
        Forecast = self.env['crm.report.forecast']
        got = Forecast.sudo(self.lina)._totals(JUNE, MEASURES)
        self.assertAlmostEqual(got['learned_weighted_amount'], want['learned'], places=2)
        self.assertAlmostEqual(got['stage_weighted_amount'], want['stage'], places=2)
        self.assertAlmostEqual(got['contract_amount'], want['signed'], places=2)
        self.assertAlmostEqual(got['forecast_amount'], want['signed'] + want['learned'], places=2)
        self.assertAlmostEqual(got['target_contract_amount'], want['target'], places=2)
        rows = Forecast.sudo(self.lina).read_group(JUNE, MEASURES, [])
        self.assertAlmostEqual(rows[0]['forecast_completion'],
                               100.0 * (want['signed'] + want['learned']) / want['target'],
                               places=2)
        # scope: a colleague does not see her opportunity; her leader and the manager do
        self.assertFalse(Forecast.sudo(self.wangfang).search([('lead_id', '=', opp.id)]))
        for user in (self.zhangwei, self.sunqiang, self.executive):
            self.assertTrue(Forecast.sudo(user).search([('lead_id', '=', opp.id)]))
        # the dashboard's figure is the same forecast
        board = self.env['crm.report.dashboard'].sudo(self.lina).create({})
        self.assertAlmostEqual(board.forecast_amount, want['signed'] + want['learned'], places=2)
        self.assertAlmostEqual(board.forecast_pipeline, want['learned'], places=2)
