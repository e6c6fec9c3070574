# -*- coding: utf-8 -*-
from odoo import fields, models

from odoo.addons.crm_reports.models.crm_report_sql import local_date, selection_of

# the rates of the quotation analysis, recomputed per group from the sums of its rows
# (crm.report.sql._ratio_measures): rate -> (numerator, denominator)
QUOTATION_RATES = {
    'acceptance_rate': ('accepted_count', 'sent_count'),
    'answered_acceptance_rate': ('accepted_count', 'answered_count'),
    'contract_rate': ('contract_count', 'sent_count'),
    'discount_rate': ('discount_amount', 'list_amount'),
}
# SQL: the Beijing day a quote (alias q) was sent; a contract (alias c) counts from its
# sign date (its creation day while it has none)
SENT_DAY_SQL = local_date('q.sent_at')
CONTRACT_DAY_SQL = 'COALESCE(c.sign_date, %s)' % local_date('c.create_date')


class CrmReportQuotation(models.Model):
    """Quotation analysis (报价分析): one row per version of a quote sent to the customer
    (V1, V2... each sent one counts: each went to the customer and got its own answer),
    dated the day it was sent, for its owner and team; what became of it (accepted,
    declined, expired, revised, still waiting), its amounts against the list prices
    (the discount), and the days from its sending to the contract made from it."""
    _name = 'crm.report.quotation'
    _inherit = 'crm.report.sql'
    _description = 'Quotation Analysis'
    _auto = False
    _order = 'date desc'

    date = fields.Date(string='Sent On')
    user_id = fields.Many2one(string='Salesperson')
    team_id = fields.Many2one(string='Sales Team')
    period = fields.Char(string='Month')
    quotation_id = fields.Many2one('crm.quotation', 'Quotation', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    lead_id = fields.Many2one('crm.lead', 'Opportunity', readonly=True)
    contract_id = fields.Many2one('crm.contract', 'Contract', readonly=True)
    state = fields.Selection(selection_of('crm.quotation', 'state'), 'Status', readonly=True)
    sent_count = fields.Integer('Quotes Sent', readonly=True)
    accepted_count = fields.Integer('Accepted', readonly=True)
    declined_count = fields.Integer('Declined', readonly=True)
    expired_count = fields.Integer('Expired', readonly=True)
    revised_count = fields.Integer('Revised', readonly=True,
                                   help='Sent, then replaced by a new version.')
    open_count = fields.Integer('Awaiting Answer', readonly=True)
    answered_count = fields.Integer('Answered', readonly=True,
                                    help='Accepted or declined by the customer.')
    contract_count = fields.Integer('With a Contract', readonly=True)
    amount = fields.Float('Quoted Amount', digits=(16, 2), readonly=True)
    list_amount = fields.Float('List Price Amount', digits=(16, 2), readonly=True)
    discount_amount = fields.Float('Discount Amount', digits=(16, 2), readonly=True,
                                   help='List price amount less the quoted amount.')
    accepted_amount = fields.Float('Accepted Amount', digits=(16, 2), readonly=True)
    days_to_contract = fields.Float(
        'Days from Sending to Contract', digits=(16, 1), readonly=True, group_operator='avg',
        help='Average over the quotes with a contract: days from the day this version was '
             'sent to the contract\'s sign date.')
    days_first_to_contract = fields.Float(
        'Days from First Version to Contract', digits=(16, 1), readonly=True,
        group_operator='avg',
        help='Average over the quotes with a contract: days from the day the first version '
             'of the quote was sent to the contract\'s sign date.')
    # rates (%), recomputed per group (see crm.report.sql._ratio_measures)
    acceptance_rate = fields.Float(
        'Acceptance Rate (%)', digits=(16, 2), readonly=True,
        help='Of the quotes sent in the period, the share the customer accepted (whenever).')
    answered_acceptance_rate = fields.Float(
        'Accepted of Answered (%)', digits=(16, 2), readonly=True,
        help='Of the quotes sent in the period that the customer answered (accepted or '
             'declined), the share accepted.')
    contract_rate = fields.Float(
        'Quotes to Contract (%)', digits=(16, 2), readonly=True,
        help='Of the quotes sent in the period, the share with a contract made from them.')
    discount_rate = fields.Float(
        'Average Discount (%)', digits=(16, 2), readonly=True,
        help='How far the quoted amounts are below their list prices: the discount amount '
             'over the list price amount of the quotes in the group.')

    _ratio_measures = QUOTATION_RATES

    def _source_indexes(self):
        return [('crm_reports_quotation_sent_day_idx', 'crm_quotation', local_date('sent_at'),
                 'sent_at IS NOT NULL')]

    def _query(self):
        return """
            SELECT q.id, q.id AS quotation_id, {sent_day} AS date, q.user_id, q.team_id,
                   q.partner_id, q.lead_id, c.id AS contract_id, q.state,
                   1 AS sent_count,
                   (q.state = 'accepted')::int AS accepted_count,
                   (q.state = 'declined')::int AS declined_count,
                   (q.state = 'expired')::int AS expired_count,
                   (q.state = 'superseded')::int AS revised_count,
                   (q.state = 'sent')::int AS open_count,
                   (q.state IN ('accepted', 'declined'))::int AS answered_count,
                   (c.id IS NOT NULL)::int AS contract_count,
                   COALESCE(q.amount_total, 0) AS amount,
                   COALESCE(q.amount_list, 0) AS list_amount,
                   COALESCE(q.amount_list, 0) - COALESCE(q.amount_total, 0) AS discount_amount,
                   CASE WHEN q.state = 'accepted' THEN COALESCE(q.amount_total, 0) ELSE 0 END
                       AS accepted_amount,
                   CASE WHEN c.id IS NOT NULL THEN {contract_day} - {sent_day} END
                       AS days_to_contract,
                   CASE WHEN c.id IS NOT NULL THEN {contract_day} - (
                       SELECT {first_day} FROM crm_quotation f
                        WHERE f.id = COALESCE(q.root_id, q.id)
                           OR f.root_id = COALESCE(q.root_id, q.id)) END
                       AS days_first_to_contract,
                   {rates}
              FROM crm_quotation q
              LEFT JOIN crm_contract c ON c.id = q.contract_id AND c.state != 'cancelled'
             WHERE q.sent_at IS NOT NULL
        """.format(sent_day=SENT_DAY_SQL, contract_day=CONTRACT_DAY_SQL,
                   first_day=local_date('min(f.sent_at)'),
                   rates=', '.join('NULL::float AS %s' % name for name in sorted(QUOTATION_RATES)))
