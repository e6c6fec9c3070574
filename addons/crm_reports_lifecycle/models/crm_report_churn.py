# -*- coding: utf-8 -*-
from odoo import fields, models

from odoo.addons.crm_reports.models.crm_report_funnel import EFFECTIVE_CONTRACT_SQL


class CrmReportChurn(models.Model):
    """Lost-customer analysis (客户流失分析): one row per churned customer with the date
    and reason of its confirmation, its last order, how many approved contracts it had
    and for how much. ``user_id`` / ``team_id``: the customer's owner and team."""
    _name = 'crm.report.churn'
    _inherit = 'crm.report.sql'
    _description = 'Lost Customer Analysis'
    _auto = False
    _order = 'date desc, id'

    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    date = fields.Date(string='Churned On')
    user_id = fields.Many2one(string='Owner')
    # named again here: a field of crm.report.sql's is translated by crm_reports' terms,
    # which do not know this report's fields
    team_id = fields.Many2one(string='Sales Team')
    period = fields.Char(string='Month')
    reason_id = fields.Many2one('crm.churn.reason', 'Churn Reason', readonly=True)
    confirmed_by_id = fields.Many2one('res.users', 'Confirmed By', readonly=True)
    customer_level_id = fields.Many2one('crm.customer.level', 'Customer Level', readonly=True)
    industry_id = fields.Many2one('res.partner.industry', 'Industry', readonly=True)
    last_order_date = fields.Date('Last Order', readonly=True, group_operator='max')
    first_deal_date = fields.Date('First Deal', readonly=True, group_operator='min')
    nbr = fields.Integer('Lost Customers', readonly=True)
    order_count = fields.Integer('Approved Contracts', readonly=True)
    contract_amount = fields.Float('Contract Amount', digits=(16, 2), readonly=True)
    days_since_order = fields.Integer('Days from Last Order to Churn', readonly=True,
                                      group_operator='avg')
    defer_count = fields.Integer('Deferrals Before', readonly=True)

    def _query(self):
        return """
            SELECT p.id, p.id AS partner_id, p.churned_date AS date,
                   p.crm_owner_id AS user_id, p.crm_team_id AS team_id,
                   p.churn_reason_id AS reason_id, r.user_id AS confirmed_by_id,
                   p.customer_level_id, p.industry_id, p.last_order_date, p.first_deal_date,
                   1 AS nbr, p.lifecycle_order_count AS order_count,
                   COALESCE(k.amount, 0) AS contract_amount,
                   p.churned_date - p.last_order_date AS days_since_order,
                   COALESCE(d.nbr, 0) AS defer_count
              FROM res_partner p
              LEFT JOIN LATERAL (
                   SELECT user_id FROM crm_churn_record
                    WHERE partner_id = p.id AND kind = 'confirm'
                    ORDER BY date DESC, id DESC LIMIT 1) r ON TRUE
              LEFT JOIN LATERAL (
                   SELECT count(*) AS nbr FROM crm_churn_record
                    WHERE partner_id = p.id AND kind = 'defer') d ON TRUE
              LEFT JOIN LATERAL (
                   SELECT sum(amount_total) AS amount FROM crm_contract
                    WHERE partner_id = p.id AND state IN {effective}) k ON TRUE
             WHERE p.is_crm_customer AND p.customer_status = 'lost'
        """.format(effective=EFFECTIVE_CONTRACT_SQL)
