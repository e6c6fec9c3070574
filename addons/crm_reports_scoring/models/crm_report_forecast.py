# -*- coding: utf-8 -*-
from odoo import api, fields, models

from odoo.addons.crm_reports.models.crm_report_funnel import EFFECTIVE_CONTRACT_SQL
from odoo.addons.crm_reports.models.crm_report_sql import local_date

FORECAST_RATES = {'forecast_completion': ('forecast_amount', 'target_contract_amount')}
TARGET_LEVELS = [('user', 'Salesperson Targets'), ('team', 'Team Targets')]


class CrmReportForecast(models.Model):
    """Sales forecast (销售预测): per month, what is signed already (effective contracts
    by sign date), the open opportunities expected to close that month (by their
    expected closing date) weighted by the stages' configured rates and by the learned
    win probability (crm_scoring), and the forecast = signed + learned weighted
    pipeline, against the monthly contract targets (filter one target level, as in the
    performance report)."""
    _name = 'crm.report.forecast'
    _inherit = 'crm.report.sql'
    _description = 'Sales Forecast'
    _auto = False
    _order = 'date'

    date = fields.Date(string='Expected Closing')
    # named again here: a field of crm.report.sql's is translated by crm_reports' terms,
    # which do not know this report's fields
    user_id = fields.Many2one(string='Salesperson')
    team_id = fields.Many2one(string='Sales Team')
    period = fields.Char(string='Month')
    target_level = fields.Selection(TARGET_LEVELS, 'Target Level', readonly=True)
    lead_id = fields.Many2one('crm.lead', 'Opportunity', readonly=True)
    stage_id = fields.Many2one('crm.stage', 'Stage', readonly=True)
    nbr = fields.Integer('Open Opportunities', readonly=True)
    expected_revenue = fields.Float('Pipeline Amount', digits=(16, 2), readonly=True)
    stage_weighted_amount = fields.Float(
        'Pipeline Weighted by Stage Rate', digits=(16, 2), readonly=True,
        help='Expected revenue times the stage\'s configured win rate.')
    learned_weighted_amount = fields.Float(
        'Pipeline Weighted by Learned Probability', digits=(16, 2), readonly=True,
        help='Expected revenue times the win probability learned from won and lost '
             'opportunities.')
    contract_amount = fields.Float('Signed Contract Amount', digits=(16, 2), readonly=True)
    forecast_amount = fields.Float(
        'Forecast Amount', digits=(16, 2), readonly=True,
        help='Signed contracts plus the pipeline weighted by the learned probability.')
    target_contract_amount = fields.Float('Target: Contract Amount', digits=(16, 2),
                                          readonly=True)
    forecast_completion = fields.Float('Forecast Completion (%)', digits=(16, 2), readonly=True)

    _ratio_measures = FORECAST_RATES

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        # salesperson and team targets never add up (crm.report.performance's rule)
        domain = self.env['crm.report.performance']._one_target_level(domain)
        return super(CrmReportForecast, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)

    def _query(self):
        return """
            SELECT o.id * 10 + 1 AS id, o.date_deadline AS date, o.user_id, o.team_id,
                   NULL::varchar AS target_level, o.id AS lead_id, o.stage_id, 1 AS nbr,
                   COALESCE(o.planned_revenue, 0) AS expected_revenue,
                   COALESCE(o.planned_revenue, 0) * COALESCE(o.probability, 0) / 100.0
                       AS stage_weighted_amount,
                   COALESCE(o.planned_revenue, 0) * {learned} / 100.0 AS learned_weighted_amount,
                   0.0 AS contract_amount,
                   COALESCE(o.planned_revenue, 0) * {learned} / 100.0 AS forecast_amount,
                   0.0 AS target_contract_amount, NULL::float AS forecast_completion
              FROM crm_lead o
              LEFT JOIN crm_lead_score k ON k.id = o.score_id
             WHERE o.type = 'opportunity' AND o.active AND o.end_status IS NULL
            UNION ALL
            SELECT c.id * 10 + 2, COALESCE(c.sign_date, {c_date}), c.user_id, c.team_id,
                   NULL, NULL, NULL, 0, 0.0, 0.0, 0.0, COALESCE(c.amount_total, 0),
                   COALESCE(c.amount_total, 0), 0.0, NULL
              FROM crm_contract c WHERE c.state IN {effective}
            UNION ALL
            SELECT tl.id * 10 + 3, make_date(t.year, tl.month::int, 1), t.user_id, t.team_id,
                   t.target_type, NULL, NULL, 0, 0.0, 0.0, 0.0, 0.0, 0.0,
                   COALESCE(tl.contract_amount, 0), NULL
              FROM crm_sales_target_line tl JOIN crm_sales_target t ON t.id = tl.target_id
        """.format(learned='COALESCE(k.win_probability, o.probability, 0)',
                   c_date=local_date('c.create_date'), effective=EFFECTIVE_CONTRACT_SQL)
