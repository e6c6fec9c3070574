# -*- coding: utf-8 -*-
from odoo import fields, models

from .crm_report_funnel import EFFECTIVE_CONTRACT_SQL
from .crm_report_sql import TODAY_SQL


class CrmReportReceivable(models.Model):
    """Receivables (回款): the payment plans of effective contracts (planned, still due,
    overdue by the CRM clock) by planned date, the part of each contract no plan covers
    (by the contract's end date), and the approved payments by payment date.

    Per contract, what is still due adds up to its outstanding amount
    (``crm.contract.amount_outstanding``) and what is planned to its amount: the
    payments are booked on the plans in order (``crm.contract._crm_booking``), and what
    the plans leave out is the "not in a plan" row."""
    _name = 'crm.report.receivable'
    _inherit = 'crm.report.sql'
    _description = 'Receivables'
    _auto = False
    _order = 'date desc'

    kind = fields.Selection([('plan', 'Payment Plan'), ('unplanned', 'Not in a Plan'),
                             ('payment', 'Payment')], 'Kind', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    contract_id = fields.Many2one('crm.contract', 'Contract', readonly=True)
    is_overdue = fields.Boolean('Overdue', readonly=True)
    amount_planned = fields.Float('Planned', digits=(16, 2), readonly=True)
    amount_due = fields.Float('Still Due', digits=(16, 2), readonly=True)
    amount_overdue = fields.Float('Overdue', digits=(16, 2), readonly=True)
    amount_received = fields.Float('Received', digits=(16, 2), readonly=True)

    def _query(self):
        return """
            SELECT pl.id * 10 + 1 AS id, 'plan' AS kind, pl.date_planned AS date,
                   c.user_id, c.team_id, c.partner_id, c.id AS contract_id,
                   (pl.date_planned < t.today AND COALESCE(pl.amount_due, 0) > 0) AS is_overdue,
                   pl.amount AS amount_planned, COALESCE(pl.amount_due, 0) AS amount_due,
                   CASE WHEN pl.date_planned < t.today THEN COALESCE(pl.amount_due, 0)
                        ELSE 0.0 END AS amount_overdue,
                   0.0 AS amount_received
              FROM crm_receivable_plan pl
              JOIN crm_contract c ON c.id = pl.contract_id
             CROSS JOIN (SELECT {today} AS today) t
             WHERE c.state IN {effective}
            UNION ALL
            SELECT c.id * 10 + 3, 'unplanned', COALESCE(c.date_end, c.sign_date, c.date_start),
                   c.user_id, c.team_id, c.partner_id, c.id, FALSE,
                   GREATEST(c.amount_total - p.planned, 0.0),
                   GREATEST(COALESCE(c.amount_outstanding, 0) - p.due, 0.0), 0.0, 0.0
              FROM crm_contract c
             CROSS JOIN LATERAL (
                   SELECT COALESCE(SUM(pl.amount), 0) AS planned,
                          COALESCE(SUM(COALESCE(pl.amount_due, 0)), 0) AS due
                     FROM crm_receivable_plan pl WHERE pl.contract_id = c.id) p
             WHERE c.state IN {effective}
               AND (c.amount_total > p.planned OR COALESCE(c.amount_outstanding, 0) > p.due)
            UNION ALL
            SELECT r.id * 10 + 2, 'payment', r.date, r.user_id, r.team_id, r.partner_id,
                   r.contract_id, FALSE, 0.0, 0.0, 0.0, r.amount
              FROM crm_receivable r WHERE r.state = 'approved'
        """.format(today=TODAY_SQL, effective=EFFECTIVE_CONTRACT_SQL)
