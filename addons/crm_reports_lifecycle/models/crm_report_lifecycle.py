# -*- coding: utf-8 -*-
from odoo import fields, models

from odoo.addons.crm_reports.models.crm_report_sql import selection_of


class CrmReportLifecycle(models.Model):
    """Customer lifecycle funnel (客户生命周期): one row per CRM customer, dated by
    its lead date (when it came in), with the steps it reached (customer, opportunity,
    deal, repurchase, churned) and its current stage. Grouped by month it is a cohort
    funnel (of the customers that came in that month, how many bought, bought again,
    were lost); grouped by stage, how many customers are in each stage now."""
    _name = 'crm.report.lifecycle'
    _inherit = 'crm.report.sql'
    _description = 'Customer Lifecycle Funnel'
    _auto = False
    _order = 'date desc, id'
    _ratio_measures = {
        'deal_rate': ('deal_count', 'nbr'),
        'repurchase_rate': ('repurchase_count', 'deal_count'),
        'churn_rate': ('churned_count', 'deal_count'),
    }

    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    date = fields.Date(string='Lead Date')
    user_id = fields.Many2one(string='Owner')
    team_id = fields.Many2one(string='Sales Team')    # translated by this module's terms
    period = fields.Char(string='Month')
    lifecycle_stage = fields.Selection(selection_of('res.partner', 'lifecycle_stage'),
                                       'Lifecycle Stage', readonly=True)
    customer_level_id = fields.Many2one('crm.customer.level', 'Customer Level', readonly=True)
    customer_source_id = fields.Many2one('crm.customer.source', 'Customer Source', readonly=True)
    nbr = fields.Integer('Customers', readonly=True)
    worked_count = fields.Integer('Followed Up', readonly=True)
    opportunity_count = fields.Integer('Reached Opportunity', readonly=True)
    deal_count = fields.Integer('Reached Deal', readonly=True)
    repurchase_count = fields.Integer('Repurchased', readonly=True)
    churned_count = fields.Integer('Churned', readonly=True)
    deal_rate = fields.Float('Deal Rate (%)', readonly=True, digits=(16, 1))
    repurchase_rate = fields.Float('Repurchase Rate (%)', readonly=True, digits=(16, 1))
    churn_rate = fields.Float('Churn Rate (%)', readonly=True, digits=(16, 1))

    def _query(self):
        return """
            SELECT p.id, p.id AS partner_id, p.lifecycle_lead_date AS date,
                   p.crm_owner_id AS user_id, p.crm_team_id AS team_id, p.lifecycle_stage,
                   p.customer_level_id, p.customer_source_id, 1 AS nbr,
                   (p.lifecycle_stage IS DISTINCT FROM 'lead')::int AS worked_count,
                   (p.lifecycle_opportunity_date IS NOT NULL OR p.first_deal_date IS NOT NULL
                    OR p.lifecycle_order_count > 0)::int AS opportunity_count,
                   (p.first_deal_date IS NOT NULL OR p.lifecycle_order_count > 0)::int
                       AS deal_count,
                   (p.lifecycle_order_count >= 2)::int AS repurchase_count,
                   (p.lifecycle_stage = 'lost')::int AS churned_count,
                   NULL::float AS deal_rate, NULL::float AS repurchase_rate,
                   NULL::float AS churn_rate
              FROM res_partner p
             WHERE p.is_crm_customer AND p.active
        """
