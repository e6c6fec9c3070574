# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    """A customer's own price list (a distributor's), over its level's."""
    _inherit = 'res.partner'

    crm_pricelist_id = fields.Many2one(
        'product.pricelist', 'Own Price List', ondelete='set null',
        track_visibility='onchange',
        help="Prices of this customer, instead of its level's price list. Only sales "
             "managers and CRM administrators may change it.")
    crm_effective_pricelist_id = fields.Many2one(
        'product.pricelist', 'Price List', compute='_compute_crm_effective_pricelist',
        help="The customer's own price list, else its level's; none: list prices.")

    @api.depends('crm_pricelist_id', 'customer_level_id.pricelist_id',
                 'commercial_partner_id')
    def _compute_crm_effective_pricelist(self):
        for partner in self:
            partner.crm_effective_pricelist_id = partner.sudo()._crm_pricelist().id

    @api.multi
    def _crm_pricelist(self):
        """The price list this customer (a contact: its company) buys at: its own, else
        its level's; an empty recordset when neither (the list prices apply)."""
        self.ensure_one()
        customer = self.commercial_partner_id
        for pricelist in (customer.crm_pricelist_id, customer.customer_level_id.pricelist_id):
            if pricelist and pricelist.active:
                return pricelist
        return self.env['product.pricelist']

    def _crm_check_pricelist_access(self, vals):
        if 'crm_pricelist_id' in vals and not self.env.user._crm_is_manager():
            raise AccessError(_("Only sales managers and CRM administrators may change a "
                                "customer's own price list."))

    @api.model
    def create(self, vals):
        if vals.get('crm_pricelist_id'):
            self._crm_check_pricelist_access(vals)
        return super(ResPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        self._crm_check_pricelist_access(vals)
        return super(ResPartner, self).write(vals)
