# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmErpOrderLine(models.Model):
    """A line of an ERP order: the product by its code (``product_id`` when the code is
    in the catalogue; the code stays when it is not), quantity, unit price and amount.
    Its customer is stored too, so its data scope follows the customer like the
    order's (crm.scope.mixin)."""
    _name = 'crm.erp.order.line'
    _description = 'ERP Order Line'
    _inherit = ['crm.scope.mixin']
    _order = 'order_id, sequence, id'
    _crm_scope_owner_field = 'partner_id.crm_owner_id'
    _crm_scope_team_field = 'partner_id.crm_team_id'

    order_id = fields.Many2one('crm.erp.order', 'Order', required=True, index=True,
                               ondelete='cascade', readonly=True)
    partner_id = fields.Many2one(related='order_id.partner_id', store=True, index=True,
                                 readonly=True, string='Customer')
    sequence = fields.Integer('Sequence', default=10, readonly=True)
    product_code = fields.Char('Product Code', readonly=True)
    product_id = fields.Many2one('product.product', 'Product', ondelete='set null',
                                 index=True, readonly=True)
    name = fields.Char('Description', readonly=True)
    quantity = fields.Float('Quantity', digits=(16, 2), readonly=True)
    currency_id = fields.Many2one(related='order_id.currency_id', readonly=True)
    price_unit = fields.Monetary('Unit Price', readonly=True)
    amount = fields.Monetary('Amount', readonly=True)
