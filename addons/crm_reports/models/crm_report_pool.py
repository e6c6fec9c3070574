# -*- coding: utf-8 -*-
from odoo import fields, models

from .crm_report_sql import local_date, selection_of

RELEASED = ('release', 'recycle', 'auto_release', 'offboard')
CLAIMED = ('claim', 'assign')


class CrmReportPool(models.Model):
    """Public pool (公海分析): customers released to and claimed from the pools (from the
    pool log), per period, salesperson (who lost or got the customer) and rule."""
    _name = 'crm.report.pool'
    _inherit = 'crm.report.sql'
    _description = 'Public Pool Analysis'
    _auto = False
    _order = 'date desc'

    direction = fields.Selection([('released', 'Released'), ('claimed', 'Claimed')],
                                 'Direction', readonly=True)
    action = fields.Selection(
        selection_of('crm.pool.log', 'action'), 'Operation',
        readonly=True)
    user_id = fields.Many2one(help='Who lost the customer (released) or got it (claimed).')
    done_by_id = fields.Many2one('res.users', 'Done By', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    pool_id = fields.Many2one('crm.pool', 'Pool', readonly=True)
    rule_id = fields.Many2one('crm.pool.rule', 'Rule', readonly=True)
    released_count = fields.Integer('Released', readonly=True)
    claimed_count = fields.Integer('Claimed', readonly=True)
    nbr = fields.Integer('Customers', readonly=True)

    def _query(self):
        return """
            SELECT g.id, {date} AS date,
                   CASE WHEN g.action IN {released} THEN 'released' ELSE 'claimed' END
                       AS direction,
                   g.action, s.user_id, u.sale_team_id AS team_id, g.user_id AS done_by_id,
                   g.partner_id, g.pool_id, g.rule_id,
                   (g.action IN {released})::int AS released_count,
                   (g.action IN {claimed})::int AS claimed_count, 1 AS nbr
              FROM crm_pool_log g
             CROSS JOIN LATERAL (SELECT CASE WHEN g.action IN {released} THEN g.from_user_id
                                             ELSE g.to_user_id END AS user_id) s
              LEFT JOIN res_users u ON u.id = s.user_id
             WHERE g.action IN {released} OR g.action IN {claimed}
        """.format(date=local_date('g.date'), released=str(RELEASED), claimed=str(CLAIMED))
