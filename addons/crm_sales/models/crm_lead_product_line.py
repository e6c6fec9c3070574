# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmLeadProductLine(models.Model):
    """A product offered in an opportunity (商机产品)."""
    _name = 'crm.lead.product.line'
    _description = 'Opportunity Product Line'
    _inherit = ['crm.scope.mixin']
    _crm_scope_owner_field = 'lead_id.user_id'
    _crm_scope_team_field = 'lead_id.team_id'
    _order = 'lead_id, sequence, id'

    sequence = fields.Integer(default=10)
    lead_id = fields.Many2one('crm.lead', string='Opportunity', required=True,
                              index=True, ondelete='cascade')
    product_id = fields.Many2one('product.product', string='Product', required=True,
                                 ondelete='restrict')
    list_price = fields.Float('List Price', digits=(16, 2),
                              help='Price of the product in the catalogue.')
    offer_price = fields.Float('Offered Price', digits=(16, 2),
                               help='Unit price offered to the customer in this opportunity.')
    quantity = fields.Float('Quantity', digits=(16, 2), default=1.0)
    subtotal = fields.Float('Subtotal', compute='_compute_subtotal', store=True, digits=(16, 2))
    currency_id = fields.Many2one('res.currency', related='lead_id.company_currency',
                                  readonly=True, string='Currency')

    @api.depends('offer_price', 'quantity')
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.offer_price * line.quantity

    @api.onchange('product_id')
    def _onchange_product_id(self):
        if self.product_id:
            prices = self.product_id._crm_prices(
                self.lead_id.partner_id, {self.product_id.id: self.quantity or 1.0})
            self.list_price = prices[self.product_id.id]['list_price']
            self.offer_price = prices[self.product_id.id]['price']

    @api.constrains('quantity', 'offer_price', 'list_price')
    def _check_amounts(self):
        for line in self.sudo():
            if line.quantity <= 0:
                raise ValidationError(_('The quantity of "%s" must be greater than zero.')
                                      % line.product_id.display_name)
            if line.offer_price < 0 or line.list_price < 0:
                raise ValidationError(_('The price of "%s" cannot be negative.')
                                      % line.product_id.display_name)

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get('product_id'):
            product = self.env['product.product'].browse(vals['product_id'])
            product._crm_check_sellable()
            if 'list_price' not in vals or 'offer_price' not in vals:
                lead = self.env['crm.lead'].browse(vals.get('lead_id'))
                prices = product._crm_prices(
                    lead.partner_id, {product.id: vals.get('quantity', 1.0)})[product.id]
                price = vals.get('list_price', prices['price'])
                vals.setdefault('list_price', prices['list_price'])
                vals.setdefault('offer_price', price)
        line = super(CrmLeadProductLine, self).create(vals)
        line.lead_id._crm_sync_planned_revenue()
        return line

    @api.multi
    def write(self, vals):
        if vals.get('product_id'):
            self.env['product.product'].browse(vals['product_id'])._crm_check_sellable()
        leads = self.mapped('lead_id')
        res = super(CrmLeadProductLine, self).write(vals)
        (leads | self.mapped('lead_id'))._crm_sync_planned_revenue()
        return res

    @api.multi
    def unlink(self):
        leads = self.mapped('lead_id')
        res = super(CrmLeadProductLine, self).unlink()
        for lead in leads.exists():
            if lead.product_line_ids:
                lead._crm_sync_planned_revenue()
            else:
                lead.write({'planned_revenue': 0.0})
        return res
