# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    """The CRM catalogue is Odoo's product: code, name, category, unit, list price,
    description and image as Odoo keeps them, plus a floor price, on sale / off sale
    (Odoo's ``sale_ok``), datasheets and the stock the ERP pushed."""
    _inherit = 'product.template'

    sale_ok = fields.Boolean(string='On Sale',
                             help='Off sale products cannot be put on an opportunity, a quote '
                                  'or a contract.')
    floor_price = fields.Float(
        'Floor Price', digits=(16, 2), default=0.0, track_visibility='onchange',
        help='Lowest unit price a salesperson may offer without approval (0: none).')
    attachment_ids = fields.Many2many('ir.attachment', 'crm_product_attachment_rel',
                                      'product_tmpl_id', 'attachment_id', string='Datasheets')
    crm_stock_qty = fields.Float('ERP Stock', digits=(16, 2),
                                 compute='_compute_crm_stock',
                                 help='Stock level last pushed by the ERP (all variants).')
    crm_stock_synced_at = fields.Datetime('Stock Synced At', compute='_compute_crm_stock',
                                          help='When the ERP last pushed the stock level.')

    @api.depends('product_variant_ids.crm_stock_qty', 'product_variant_ids.crm_stock_synced_at')
    def _compute_crm_stock(self):
        for template in self:
            variants = template.with_context(active_test=False).product_variant_ids
            template.crm_stock_qty = sum(variants.mapped('crm_stock_qty'))
            synced = [d for d in variants.mapped('crm_stock_synced_at') if d]
            template.crm_stock_synced_at = max(synced) if synced else False

    @api.constrains('list_price', 'floor_price')
    def _check_crm_prices(self):
        for template in self:
            if template.list_price < 0 or template.floor_price < 0:
                raise ValidationError(_('The prices of "%s" cannot be negative.')
                                      % template.name)
            if template.floor_price > template.list_price:
                raise ValidationError(_('The floor price of "%s" (%.2f) cannot be above its '
                                        'list price (%.2f).')
                                      % (template.name, template.floor_price,
                                         template.list_price))

    @api.multi
    def action_crm_put_on_sale(self):
        self.write({'sale_ok': True})
        return True

    @api.multi
    def action_crm_take_off_sale(self):
        self.write({'sale_ok': False})
        return True
