# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmQuotationLine(models.Model):
    """A quotation line shows the customer's price-list price (crm_product) beside the
    list price and the offered price, and warns when its quantity exceeds the stock the
    ERP last pushed."""
    _name = 'crm.quotation.line'
    _inherit = ['crm.quotation.line', 'crm.stock.line.mixin']

    pricelist_price = fields.Monetary(
        'Price-list Price', readonly=True,
        help="Unit price of the customer's price list for this quantity on the quotation "
             "date (the list price when the customer has no price list).")

    # the price-list price comes with the list and floor prices from the pricing point
    # (crm_quotation prices a quote's lines together), never from a client
    @api.model
    def _crm_priced_values(self, price):
        values = super(CrmQuotationLine, self)._crm_priced_values(price)
        values['pricelist_price'] = float(price['price'] or 0.0)
        return values

    @api.model
    def _crm_priced_fields(self):
        return super(CrmQuotationLine, self)._crm_priced_fields() + ('pricelist_price',)

    @api.onchange('product_id', 'quantity')
    def _onchange_product_id(self):
        result = super(CrmQuotationLine, self)._onchange_product_id()
        if not self.product_id:
            return result
        quote = self.quotation_id
        self.pricelist_price = self.product_id._crm_prices(
            quote.partner_id, {self.product_id.id: self.quantity or 1.0},
            quote.date or None)[self.product_id.id]['price']
        return self._crm_stock_warning() or result
