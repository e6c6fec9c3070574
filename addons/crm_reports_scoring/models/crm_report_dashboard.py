# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmReportDashboard(models.TransientModel):
    """The dashboard's forecast of this month (本月销售预测): signed contracts plus the
    open opportunities expected to close this month weighted by their learned win
    probability, against the contract target of the level the dashboard compares
    with (the user's own, or the teams')."""
    _inherit = 'crm.report.dashboard'

    forecast_amount = fields.Float('Forecast This Month', compute='_compute_forecast')
    forecast_pipeline = fields.Float('Pipeline Weighted by Learned Probability',
                                     compute='_compute_forecast')
    forecast_stage_pipeline = fields.Float('Pipeline Weighted by Stage Rate',
                                           compute='_compute_forecast')
    forecast_completion = fields.Float('Forecast Completion (%)', compute='_compute_forecast')

    @api.multi
    def _compute_forecast(self):
        Forecast = self.env['crm.report.forecast']
        date_from, date_to = self.env['crm.report.performance']._month_bounds(
            self.env['crm.clock'].today())
        level = self._target_level()
        totals = Forecast._totals(
            self.env['crm.report.performance']._level_domain(level) +
            [('date', '>=', date_from), ('date', '<=', date_to)],
            ['forecast_amount', 'learned_weighted_amount', 'stage_weighted_amount',
             'target_contract_amount'])
        target = totals['target_contract_amount']
        for board in self:
            board.forecast_amount = totals['forecast_amount']
            board.forecast_pipeline = totals['learned_weighted_amount']
            board.forecast_stage_pipeline = totals['stage_weighted_amount']
            board.forecast_completion = 100.0 * totals['forecast_amount'] / target if target else 0.0

    @api.multi
    def action_open_forecast(self):
        return self._open_report('crm_reports_scoring.crm_report_forecast_action')
