# -*- coding: utf-8 -*-
from odoo import fields, models

from .crm_report_funnel import EFFECTIVE_CONTRACT_SQL
from .crm_report_sql import local_date, selection_of


class CrmReportProduct(models.Model):
    """Product sales (产品销售): the product lines of effective contracts by product and
    category, with the deal cycle (days from the customer's creation to its first
    approved contract) of the customers who bought them."""
    _name = 'crm.report.product'
    _inherit = 'crm.report.sql'
    _description = 'Product Sales'
    _auto = False
    _order = 'date desc'

    date = fields.Date(string='Sign Date')
    partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)
    region = fields.Selection(selection_of('res.partner', 'region'),
                              'Region', readonly=True)
    contract_id = fields.Many2one('crm.contract', 'Contract', readonly=True)
    product_id = fields.Many2one('product.product', 'Product', readonly=True)
    categ_id = fields.Many2one('product.category', 'Product Category', readonly=True)
    quantity = fields.Float('Quantity', digits=(16, 2), readonly=True)
    amount = fields.Float('Sales Amount', digits=(16, 2), readonly=True)
    deal_days = fields.Integer('Days to First Contract', readonly=True, group_operator='avg')

    def _query(self):
        return """
            WITH fc AS (SELECT partner_id, min(COALESCE(sign_date, {c_date})) AS first_date
                          FROM crm_contract
                         WHERE state IN ('approved', 'expired', 'superseded')
                         GROUP BY partner_id)
            SELECT cl.id, COALESCE(c.sign_date, {cc_date}) AS date, c.user_id, c.team_id,
                   c.partner_id, p.region, c.id AS contract_id, cl.product_id, pt.categ_id,
                   COALESCE(cl.quantity, 0) AS quantity, COALESCE(cl.subtotal, 0) AS amount,
                   fc.first_date - {p_date} AS deal_days
              FROM crm_contract_line cl
              JOIN crm_contract c ON c.id = cl.contract_id
              JOIN res_partner p ON p.id = c.partner_id
              LEFT JOIN product_product pp ON pp.id = cl.product_id
              LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
              LEFT JOIN fc ON fc.partner_id = c.partner_id
             WHERE c.state IN {effective}
        """.format(c_date=local_date('create_date'), cc_date=local_date('c.create_date'),
                   p_date=local_date('p.create_date'), effective=EFFECTIVE_CONTRACT_SQL)
