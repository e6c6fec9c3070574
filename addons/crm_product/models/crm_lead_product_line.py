# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmLeadProductLine(models.Model):
    """An opportunity's product line shows the customer's price-list price beside the
    list price and the offered price, and warns when the quantity exceeds the stock
    the ERP pushed."""
    _name = 'crm.lead.product.line'
    _inherit = ['crm.lead.product.line', 'crm.stock.line.mixin']

    pricelist_price = fields.Float(
        'Price-list Price', digits=(16, 2), readonly=True,
        help="Unit price of the customer's price list for this quantity when the line was "
             "priced (the list price when the customer has no price list).")
    def _crm_line_prices(self, product, partner, quantity):
        return product._crm_prices(partner, {product.id: quantity or 1.0})[product.id]

    @api.onchange('product_id')
    def _onchange_product_id(self):
        super(CrmLeadProductLine, self)._onchange_product_id()
        if self.product_id:
            self.pricelist_price = self._crm_line_prices(
                self.product_id, self.lead_id.partner_id, self.quantity)['price']

    @api.onchange('quantity')
    def _onchange_quantity_price_stock(self):
        """Quantity breaks: a new quantity takes the price list's price for it (and the
        offered price follows while it was the price-list price); a quantity above the
        stock warns."""
        if not self.product_id:
            return
        prices = self._crm_line_prices(self.product_id, self.lead_id.partner_id,
                                       self.quantity)
        if self.offer_price == self.pricelist_price:
            self.offer_price = prices['price']
        self.pricelist_price = prices['price']
        return self._crm_stock_warning()

    # the price-list price is the server's: computed from the product, the customer and
    # the quantity on every create and on a change of product or quantity, never sent
    @api.model
    def create(self, vals):
        vals = dict(vals)
        vals.pop('pricelist_price', None)
        if vals.get('product_id'):
            product = self.env['product.product'].browse(vals['product_id'])
            lead = self.env['crm.lead'].browse(vals.get('lead_id'))
            vals['pricelist_price'] = self._crm_line_prices(
                product, lead.partner_id, vals.get('quantity', 1.0))['price']
        return super(CrmLeadProductLine, self).create(vals)

    @api.multi
    def write(self, vals):
        vals = dict(vals)
        vals.pop('pricelist_price', None)
        res = super(CrmLeadProductLine, self).write(vals)
        if {'product_id', 'quantity', 'lead_id'} & set(vals):
            for line in self:
                price = self._crm_line_prices(line.product_id, line.lead_id.partner_id,
                                              line.quantity)['price']
                if line.pricelist_price != price:
                    super(CrmLeadProductLine, line).write({'pricelist_price': price})
        return res
