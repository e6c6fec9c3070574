# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.grant import granted, privileged


class CrmContractLine(models.Model):
    """A product line of a contract: list price, contract price, quantity."""
    _name = 'crm.contract.line'
    _description = 'Contract Product Line'
    _inherit = ['crm.scope.mixin']
    _crm_scope_owner_field = 'contract_id.user_id'
    _crm_scope_team_field = 'contract_id.team_id'
    _order = 'contract_id, sequence, id'

    sequence = fields.Integer(default=10)
    contract_id = fields.Many2one('crm.contract', 'Contract', required=True, index=True,
                                  ondelete='cascade',
                                  auto_join=True)
    product_id = fields.Many2one('product.product', 'Product', required=True,
                                 ondelete='restrict')
    currency_id = fields.Many2one(related='contract_id.currency_id', readonly=True)
    list_price = fields.Monetary('List Price')
    price_unit = fields.Monetary('Contract Price')
    quantity = fields.Float('Quantity', digits=(16, 2), default=1.0)
    subtotal = fields.Monetary('Subtotal', compute='_compute_subtotal', store=True)

    @api.depends('price_unit', 'quantity')
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.currency_id.round(line.price_unit * line.quantity) \
                if line.currency_id else line.price_unit * line.quantity

    @api.onchange('product_id')
    def _onchange_product_id(self):
        if self.product_id:
            prices = self.product_id._crm_prices(
                self.contract_id.partner_id, {self.product_id.id: self.quantity or 1.0},
                self.contract_id.sign_date or None)[self.product_id.id]
            self.list_price = prices['list_price']
            if not self.price_unit:
                self.price_unit = prices['price']

    @api.constrains('quantity', 'price_unit', 'list_price')
    def _check_values(self):
        # the subtotal is checked as price x quantity: reading the computed field here
        # would compute it for every line of the contract at each line's creation
        for line in self:
            line.contract_id._crm_check_size(line.price_unit, line.list_price, line.quantity,
                                             line.price_unit * line.quantity)
            if line.quantity <= 0:
                raise ValidationError(_('The quantity of %s must be greater than zero.')
                                      % line.product_id.display_name)
            if line.price_unit < 0 or line.list_price < 0:
                raise ValidationError(_('The prices of %s cannot be negative.')
                                      % line.product_id.display_name)

    def _check_contract_draft(self, contracts):
        if granted(self, 'action_write'):
            return
        for contract in contracts:
            if contract.state != 'draft':
                raise UserError(_('The products of "%s" cannot change: it is no longer a draft '
                                  '(use "Change" to make a new version).') % contract.display_name)

    def _check_computed(self, vals):
        """The subtotal is price x quantity: written directly, it would change the
        contract amount (and so its approval tiers) behind its products."""
        if 'subtotal' in vals and not privileged(self):
            raise AccessError(_('The subtotal is computed from the price and the quantity: '
                                'change those instead.'))

    @api.model
    def create(self, vals):
        self._check_computed(vals)
        if vals.get('contract_id'):
            self._check_contract_draft(self.env['crm.contract'].browse(vals['contract_id']))
        if vals.get('product_id'):
            vals = dict(vals)
            product = self.env['product.product'].browse(vals['product_id'])
            product._crm_check_sellable()
            if 'list_price' not in vals or 'price_unit' not in vals:
                contract = self.env['crm.contract'].browse(vals.get('contract_id'))
                prices = product._crm_prices(
                    contract.partner_id, {product.id: vals.get('quantity', 1.0)},
                    contract.sign_date or None)[product.id]
                price = vals.get('list_price', prices['price'])
                vals.setdefault('list_price', prices['list_price'])
                vals.setdefault('price_unit', price)
        line = super(CrmContractLine, self).create(vals)
        line.contract_id._crm_sync_amount()
        return line

    @api.multi
    def write(self, vals):
        self._check_computed(vals)
        if vals.get('product_id'):
            self.env['product.product'].browse(vals['product_id'])._crm_check_sellable()
        self._check_contract_draft(self.mapped('contract_id'))
        if vals.get('contract_id'):
            self._check_contract_draft(self.env['crm.contract'].browse(vals['contract_id']))
        contracts = self.mapped('contract_id')
        res = super(CrmContractLine, self).write(vals)
        (contracts | self.mapped('contract_id'))._crm_sync_amount()
        return res

    @api.multi
    def unlink(self):
        self._check_contract_draft(self.mapped('contract_id'))
        contracts = self.mapped('contract_id')
        res = super(CrmContractLine, self).unlink()
        contracts.exists()._crm_sync_amount()
        return res
