# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmStockLineMixin(models.AbstractModel):
    """A product line (``product_id``, ``quantity``) that shows the stock the ERP last
    pushed and warns when its quantity exceeds it (never before a first push).
    Opportunity lines use it here; a bridge gives it to other lines (quotation lines:
    crm_product_quotation)."""
    _name = 'crm.stock.line.mixin'
    _description = 'Product Line with ERP Stock'

    # declared for the fields below; the line's own definitions of both apply
    product_id = fields.Many2one('product.product', 'Product')
    quantity = fields.Float('Quantity')
    stock_qty = fields.Float('ERP Stock', related='product_id.crm_stock_qty', readonly=True,
                             related_sudo=True)
    stock_short = fields.Boolean(
        'Short of Stock', compute='_compute_stock_short',
        help='The quantity exceeds the stock the ERP last pushed.')

    @api.depends('quantity', 'product_id')
    def _compute_stock_short(self):
        for line in self:
            line.stock_short = line._crm_stock_short()

    def _crm_stock_short(self):
        product = self.product_id.sudo()
        return bool(product and product.crm_stock_synced_at and
                    self.quantity > product.crm_stock_qty)

    def _crm_stock_warning(self):
        """The form's warning (an onchange result) when the quantity exceeds the stock."""
        if not self._crm_stock_short():
            return {}
        product = self.product_id.sudo()
        synced = fields.Datetime.context_timestamp(
            self, fields.Datetime.from_string(product.crm_stock_synced_at))
        return {'warning': {
            'title': _('Short of stock'),
            'message': _('%s: %s wanted, %s in stock (ERP, %s).') % (
                product.display_name, self.quantity, product.crm_stock_qty,
                fields.Datetime.to_string(synced)[:16]),
        }}
