# -*- coding: utf-8 -*-
from odoo import fields, models

from odoo.addons.crm_reports.models.crm_report_sql import selection_of

from .crm_report_quotation import SENT_DAY_SQL

# rate -> (numerator, denominator), per group (crm.report.sql._ratio_measures)
PRODUCT_RATES = {
    'discount_rate': ('discount_amount', 'list_amount'),
    'acceptance_rate': ('accepted_count', 'nbr'),
}


class CrmReportQuotationProduct(models.Model):
    """Quoted products (报价产品分析): one row per product line of every quote version
    sent to the customer (as in the quotation analysis), dated the day it was sent:
    quantity, list price amount, the amount offered after the line's and the quote's
    extra discount, hence the discount by product, and whether the quote was accepted."""
    _name = 'crm.report.quotation.product'
    _inherit = 'crm.report.sql'
    _description = 'Quoted Products'
    _auto = False
    _order = 'date desc'

    date = fields.Date(string='Sent On')
    user_id = fields.Many2one(string='Salesperson')
    team_id = fields.Many2one(string='Sales Team')
    period = fields.Char(string='Month')
    quotation_id = fields.Many2one('crm.quotation', 'Quotation', readonly=True)
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    product_id = fields.Many2one('product.product', 'Product', readonly=True)
    categ_id = fields.Many2one('product.category', 'Product Category', readonly=True)
    state = fields.Selection(selection_of('crm.quotation', 'state'), 'Status', readonly=True)
    nbr = fields.Integer('Quote Lines', readonly=True)
    accepted_count = fields.Integer('Accepted Lines', readonly=True)
    quantity = fields.Float('Quantity', digits=(16, 2), readonly=True)
    list_amount = fields.Float('List Price Amount', digits=(16, 2), readonly=True)
    amount = fields.Float('Quoted Amount', digits=(16, 2), readonly=True,
                          help='The line\'s subtotal less the quote\'s extra discount.')
    discount_amount = fields.Float('Discount Amount', digits=(16, 2), readonly=True)
    accepted_amount = fields.Float('Accepted Amount', digits=(16, 2), readonly=True)
    discount_rate = fields.Float(
        'Average Discount (%)', digits=(16, 2), readonly=True,
        help='How far the quoted amounts are below their list prices (with the quotes\' '
             'extra discounts): the discount amount over the list price amount.')
    acceptance_rate = fields.Float(
        'Acceptance Rate (%)', digits=(16, 2), readonly=True,
        help='Of the quote lines sent in the period, the share on quotes the customer '
             'accepted.')

    _ratio_measures = PRODUCT_RATES

    def _query(self):
        return """
            SELECT l.id, l.quotation_id, {sent_day} AS date, q.user_id, q.team_id,
                   q.partner_id, l.product_id, pt.categ_id, q.state,
                   1 AS nbr, (q.state = 'accepted')::int AS accepted_count,
                   COALESCE(l.quantity, 0) AS quantity,
                   x.list_amount, x.amount, x.list_amount - x.amount AS discount_amount,
                   CASE WHEN q.state = 'accepted' THEN x.amount ELSE 0 END AS accepted_amount,
                   {rates}
              FROM crm_quotation_line l
              JOIN crm_quotation q ON q.id = l.quotation_id
              LEFT JOIN product_product pp ON pp.id = l.product_id
              LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
             CROSS JOIN LATERAL (SELECT
                   COALESCE(l.list_price, 0) * COALESCE(l.quantity, 0) AS list_amount,
                   COALESCE(l.subtotal, 0) * (1 - COALESCE(q.discount, 0) / 100.0) AS amount) x
             WHERE q.sent_at IS NOT NULL
        """.format(sent_day=SENT_DAY_SQL,
                   rates=', '.join('NULL::float AS %s' % name for name in sorted(PRODUCT_RATES)))
