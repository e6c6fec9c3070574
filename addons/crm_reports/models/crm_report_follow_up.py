# -*- coding: utf-8 -*-
from odoo import fields, models

from .crm_report_sql import DATE_INDEXES, local_date, selection_of


class CrmReportFollowUp(models.Model):
    """Follow-ups (跟进分析): every follow-up by type, author and period, with the owner
    and team of the customer or opportunity it was about."""
    _name = 'crm.report.follow.up'
    _inherit = 'crm.report.sql'
    _description = 'Follow-up Analysis'
    _auto = False
    _order = 'date desc'

    user_id = fields.Many2one(string='Author')
    owner_id = fields.Many2one('res.users', 'Owner', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    lead_id = fields.Many2one('crm.lead', 'Lead / Opportunity', readonly=True)
    follow_up_type = fields.Selection(
        selection_of('crm.follow.up', 'follow_up_type'),
        'Type', readonly=True)
    nbr = fields.Integer('Follow-ups', readonly=True)

    def _query(self):
        return """
            SELECT f.id, {date} AS date, f.user_id, f.crm_owner_id AS owner_id,
                   f.crm_team_id AS team_id, f.partner_id, f.lead_id, f.follow_up_type,
                   1 AS nbr
              FROM crm_follow_up f
        """.format(date=local_date('f.date'))

    def _source_indexes(self):
        return [DATE_INDEXES['follow_up']]
