# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductPricelist(models.Model):
    """Which customer levels and how many customers buy at a price list."""
    _inherit = 'product.pricelist'

    crm_level_ids = fields.One2many('crm.customer.level', 'pricelist_id', 'Customer Levels')
    crm_partner_count = fields.Integer('Own Customers', compute='_compute_crm_partner_count',
                                       help='Customers having this price list as their own.')

    def _compute_crm_partner_count(self):
        data = self.env['res.partner'].sudo().read_group(
            [('crm_pricelist_id', 'in', self.ids)], ['crm_pricelist_id'], ['crm_pricelist_id'])
        counts = {d['crm_pricelist_id'][0]: d['crm_pricelist_id_count'] for d in data}
        for pricelist in self:
            pricelist.crm_partner_count = counts.get(pricelist.id, 0)


class ProductPricelistItem(models.Model):
    _inherit = 'product.pricelist.item'

    @api.constrains('date_start', 'date_end', 'min_quantity', 'fixed_price', 'percent_price')
    def _check_crm_rule(self):
        for item in self:
            if item.date_start and item.date_end and item.date_end < item.date_start:
                raise ValidationError(_('A price rule of "%s" ends (%s) before it starts (%s).')
                                      % (item.pricelist_id.name, item.date_end, item.date_start))
            if item.min_quantity < 0 or item.fixed_price < 0:
                raise ValidationError(_('A price rule of "%s" has a negative minimum quantity '
                                        'or price.') % item.pricelist_id.name)
            if not 0 <= item.percent_price <= 100:
                raise ValidationError(_('The discount of a price rule of "%s" must be between 0 '
                                        'and 100%%.') % item.pricelist_id.name)
