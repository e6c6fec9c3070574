# -*- coding: utf-8 -*-
from odoo import fields, models

from odoo.addons.crm_reports.models.crm_report_sql import CLOCK_SQL, local_date, selection_of


class CrmReportService(models.Model):
    """Service analysis (服务分析): one row per ticket with its type, the hours to the
    first response and to resolution, SLA breaches (by the CRM clock for tickets still
    open) and the satisfaction score. ``user_id`` / ``team_id`` are the customer's owner
    and sales team (the sales scope); the handler and service team give the service
    staff's scope."""
    _name = 'crm.report.service'
    _inherit = 'crm.report.sql'
    _description = 'Service Analysis'
    _auto = False
    _order = 'date desc'

    ticket_id = fields.Many2one('crm.service.ticket', 'Ticket', readonly=True)
    date = fields.Date(string='Created On')
    user_id = fields.Many2one(string='Customer Owner')
    handler_id = fields.Many2one('res.users', 'Handler', readonly=True)
    service_team_id = fields.Many2one('crm.service.team', 'Service Team', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    type_id = fields.Many2one('crm.service.type', 'Service Type', readonly=True)
    priority = fields.Selection(
        selection_of('crm.service.ticket', 'priority'),
        'Priority', readonly=True)
    channel = fields.Selection(
        selection_of('crm.service.ticket', 'channel'),
        'Channel', readonly=True)
    state = fields.Selection(
        selection_of('crm.service.ticket', 'state'),
        'Status', readonly=True)
    nbr = fields.Integer('Tickets', readonly=True)
    resolved_count = fields.Integer('Resolved', readonly=True)
    response_hours = fields.Float('Hours to Respond', digits=(16, 2), readonly=True,
                                  group_operator='avg')
    resolution_hours = fields.Float('Hours to Resolve', digits=(16, 2), readonly=True,
                                    group_operator='avg')
    response_breached = fields.Integer('Response SLA Breaches', readonly=True)
    resolve_breached = fields.Integer('Resolution SLA Breaches', readonly=True)
    sla_breached = fields.Integer('SLA Breaches', readonly=True)
    rated_count = fields.Integer('Rated', readonly=True)
    satisfaction = fields.Float('Satisfaction (1-5)', digits=(16, 2), readonly=True,
                                group_operator='avg')

    def _query(self):
        return """
            SELECT t.id, t.id AS ticket_id, {date} AS date, p.crm_owner_id AS user_id,
                   p.crm_team_id AS team_id, t.user_id AS handler_id,
                   t.team_id AS service_team_id, t.partner_id, t.type_id, t.priority,
                   t.channel, t.state, 1 AS nbr,
                   (t.processed_at IS NOT NULL)::int AS resolved_count,
                   EXTRACT(EPOCH FROM t.started_at - COALESCE(t.sla_start_at, t.create_date))
                       / 3600.0 AS response_hours,
                   EXTRACT(EPOCH FROM t.processed_at - COALESCE(t.sla_start_at, t.create_date))
                       / 3600.0 AS resolution_hours,
                   b.response::int AS response_breached, b.resolve::int AS resolve_breached,
                   (b.response OR b.resolve)::int AS sla_breached,
                   (t.satisfaction > 0)::int AS rated_count,
                   CASE WHEN t.satisfaction > 0 THEN t.satisfaction END AS satisfaction
              FROM crm_service_ticket t
              JOIN res_partner p ON p.id = t.partner_id
             CROSS JOIN (SELECT {now} AS now) c
             CROSS JOIN LATERAL (SELECT
                   COALESCE(t.response_deadline IS NOT NULL
                            AND COALESCE(t.started_at, c.now) > t.response_deadline, FALSE)
                       AS response,
                   COALESCE(t.resolve_deadline IS NOT NULL
                            AND COALESCE(t.processed_at, c.now) > t.resolve_deadline, FALSE)
                       AS resolve) b
        """.format(date=local_date('t.create_date'), now=CLOCK_SQL)
