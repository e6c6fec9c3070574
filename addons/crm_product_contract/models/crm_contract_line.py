# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmContractLine(models.Model):
    """A contract line shows the customer's price-list price (crm_product) beside the
    list price and the contract price."""
    _inherit = 'crm.contract.line'

    pricelist_price = fields.Monetary(
        'Price-list Price', readonly=True,
        help="Unit price of the customer's price list for this quantity on the signing day "
             "(the list price when the customer has no price list).")

    def _crm_pricelist_price(self, product, contract, quantity):
        return product._crm_prices(contract.partner_id, {product.id: quantity or 1.0},
                                   contract.sign_date or None)[product.id]['price']

    @api.onchange('product_id', 'quantity')
    def _onchange_pricelist_price(self):
        if self.product_id:
            self.pricelist_price = self._crm_pricelist_price(
                self.product_id, self.contract_id, self.quantity)

    # computed by the server on create and on a change of product or quantity, never sent
    @api.model
    def create(self, vals):
        vals = dict(vals)
        vals.pop('pricelist_price', None)
        if vals.get('product_id'):
            vals['pricelist_price'] = self._crm_pricelist_price(
                self.env['product.product'].browse(vals['product_id']),
                self.env['crm.contract'].browse(vals.get('contract_id')),
                vals.get('quantity', 1.0))
        return super(CrmContractLine, self).create(vals)

    @api.multi
    def write(self, vals):
        vals = dict(vals)
        vals.pop('pricelist_price', None)
        res = super(CrmContractLine, self).write(vals)
        if {'product_id', 'quantity', 'contract_id'} & set(vals):
            for line in self:
                price = self._crm_pricelist_price(line.product_id, line.contract_id,
                                                  line.quantity)
                if line.pricelist_price != price:
                    super(CrmContractLine, line).write({'pricelist_price': price})
        return res
