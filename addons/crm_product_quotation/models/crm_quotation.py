# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmQuotation(models.Model):
    _inherit = 'crm.quotation'

    stock_short = fields.Boolean(
        'Short of Stock', compute='_compute_stock_short',
        help='A product is wanted in a larger quantity than the stock the ERP last pushed.')

    @api.depends('line_ids.quantity', 'line_ids.product_id')
    def _compute_stock_short(self):
        for rec in self:
            rec.stock_short = any(rec.line_ids.mapped('stock_short'))
