# -*- coding: utf-8 -*-
from odoo import fields, models

from .crm_report_sql import local_date


class CrmReportOpportunity(models.Model):
    """Opportunity funnel (商机漏斗): opportunities by the stages of their status group,
    with the expected revenue weighted by the win rate."""
    _name = 'crm.report.opportunity'
    _inherit = 'crm.report.sql'
    _description = 'Opportunity Funnel'
    _auto = False
    _order = 'stage_sequence, date desc'

    lead_id = fields.Many2one('crm.lead', 'Opportunity', readonly=True)
    date = fields.Date(string='Created On')
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    stage_group_id = fields.Many2one('crm.stage.group', 'Status Group', readonly=True)
    stage_id = fields.Many2one('crm.stage', 'Stage', readonly=True)
    stage_sequence = fields.Integer('Stage Order', readonly=True, group_operator='min')
    end_status = fields.Selection([('open', 'Open'), ('won', 'Won'), ('lost', 'Lost'),
                                   ('invalid', 'Invalid')], 'Status', readonly=True)
    probability = fields.Float('Win Rate (%)', readonly=True, group_operator='avg')
    nbr = fields.Integer('Count', readonly=True)
    expected_revenue = fields.Float('Expected Revenue', digits=(16, 2), readonly=True)
    weighted_revenue = fields.Float('Weighted Revenue', digits=(16, 2), readonly=True)

    def _query(self):
        return """
            SELECT o.id, o.id AS lead_id, {date} AS date, o.user_id, o.team_id, o.partner_id,
                   o.stage_group_id, o.stage_id, s.sequence AS stage_sequence,
                   COALESCE(o.end_status, 'open') AS end_status,
                   COALESCE(o.probability, 0) AS probability, 1 AS nbr,
                   COALESCE(o.planned_revenue, 0) AS expected_revenue,
                   COALESCE(o.planned_revenue, 0) * COALESCE(o.probability, 0) / 100.0
                       AS weighted_revenue
              FROM crm_lead o
              LEFT JOIN crm_stage s ON s.id = o.stage_id
             WHERE o.type = 'opportunity' AND o.active
        """.format(date=local_date('o.create_date'))
