# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_sales.grant import granted, privileged

#: line fields only the pricing (or their computation) writes. Not declared as
#: ``_crm_action_fields``: those names are refused as ``default_<name>`` on every model,
#: and other lines (contracts, opportunities) let users type a list price.
PRICED_FIELDS = ('list_price', 'floor_price', 'subtotal', 'below_floor')


class CrmQuotationLine(models.Model):
    """A product line of a quotation: the list price and the floor price come from the
    CRM pricing point (``product.product._crm_prices``, never typed), the offered price
    is the salesperson's (the customer's price by default), the discount is how far it
    is below the list price (typing a discount sets the offered price)."""
    _name = 'crm.quotation.line'
    _description = 'Quotation Line'
    _inherit = ['crm.guard.mixin', 'crm.scope.mixin']
    _crm_scope_owner_field = 'quotation_id.user_id'
    _crm_scope_team_field = 'quotation_id.team_id'
    _order = 'quotation_id, sequence, id'

    sequence = fields.Integer(default=10)
    quotation_id = fields.Many2one('crm.quotation', 'Quotation', required=True, index=True,
                                   ondelete='cascade', auto_join=True)
    product_id = fields.Many2one('product.product', 'Product', required=True,
                                 ondelete='restrict')
    currency_id = fields.Many2one(related='quotation_id.currency_id', readonly=True)
    quantity = fields.Float('Quantity', digits=(16, 2), default=1.0)
    list_price = fields.Monetary('List Price', readonly=True,
                                 help='The catalogue price (from the product).')
    floor_price = fields.Monetary('Floor Price', readonly=True,
                                  help='The lowest price allowed without approval (0: none).')
    price_unit = fields.Monetary('Offered Price')
    discount = fields.Float('Discount (%)', digits=(5, 2), compute='_compute_discount',
                            inverse='_inverse_discount', store=True,
                            help='How far the offered price is below the list price.')
    subtotal = fields.Monetary('Subtotal', compute='_compute_subtotal', store=True)
    below_floor = fields.Boolean('Below Floor', compute='_compute_below_floor', store=True)

    @api.depends('price_unit', 'quantity')
    def _compute_subtotal(self):
        for line in self:
            amount = line.price_unit * line.quantity
            line.subtotal = line.currency_id.round(amount) if line.currency_id else amount

    @api.depends('price_unit', 'list_price')
    def _compute_discount(self):
        for line in self:
            line.discount = round((1 - line.price_unit / line.list_price) * 100.0, 2) \
                if line.list_price > 0 else 0.0

    def _inverse_discount(self):
        for line in self:
            current = round((1 - line.price_unit / line.list_price) * 100.0, 2) \
                if line.list_price > 0 else 0.0
            if line.list_price > 0 and abs(current - (line.discount or 0.0)) >= 0.005:
                price = line.list_price * (1 - (line.discount or 0.0) / 100.0)
                line.price_unit = line.currency_id.round(price) if line.currency_id else price

    @api.depends('price_unit', 'floor_price', 'quotation_id.discount')
    def _compute_below_floor(self):
        for line in self:
            effective = line.price_unit * (1 - (line.quotation_id.discount or 0.0) / 100.0)
            line.below_floor = bool(line.floor_price > 0 and
                                    line.floor_price - effective > 0.005)

    @api.onchange('product_id', 'quantity')
    def _onchange_product_id(self):
        if self.product_id:
            quote = self.quotation_id
            prices = self.product_id._crm_prices(
                quote.partner_id, {self.product_id.id: self.quantity or 1.0},
                quote.date or None)[self.product_id.id]
            self.list_price = prices['list_price']
            self.floor_price = prices.get('floor_price') or 0.0
            if not self.price_unit:
                self.price_unit = prices['price']

    @api.constrains('quantity', 'price_unit', 'list_price')
    def _check_values(self):
        # the subtotal is checked as price x quantity: reading the computed field here
        # would compute it for every line of the quote at each line's creation
        for line in self:
            line.quotation_id._crm_check_size(line.price_unit, line.list_price, line.quantity,
                                              line.price_unit * line.quantity)
            if line.quantity <= 0:
                raise ValidationError(_('The quantity of %s must be greater than zero.')
                                      % line.product_id.display_name)
            if line.price_unit < 0:
                raise ValidationError(_('The offered price of %s cannot be negative.')
                                      % line.product_id.display_name)

    @api.model
    def _crm_priced_values(self, price):
        """Extension point: the line values taken from the pricing point's answer for one
        product (``price``: a dict of ``product.product._crm_prices``), numbers only,
        never from a client. A pricing module adds its own (crm_product_quotation: the
        price-list price) and names them in ``_crm_priced_fields``."""
        return {'list_price': float(price['list_price'] or 0.0),
                'floor_price': float(price.get('floor_price') or 0.0)}

    @api.model
    def _crm_priced_fields(self):
        """The line fields only the pricing (or their computation) writes."""
        return PRICED_FIELDS

    def _crm_check_priced(self, vals):
        """Refuse ``vals`` setting a price only the pricing point gives (an unchanged
        value passes, as the web client may send it)."""
        if privileged(self) or not isinstance(vals, dict):
            return
        own = (granted(self, 'own_values') or {}).get(self._name, ())
        names = [n for n in self._crm_priced_fields() if n in vals and n not in own and (
            not self or any(line[n] != vals[n] for line in self.sudo()))]
        if names and not self and all(not vals[n] for n in names):
            names = []
        if names:
            labels = _(', ').join(self._fields[n].get_description(self.env)['string']
                                  for n in names)
            raise AccessError(_('%s cannot be changed directly: the prices come from the '
                                'product catalogue ("Update Prices").') % labels)

    def _check_quote_draft(self, quotes):
        if granted(self, 'action_write'):
            return
        for quote in quotes:
            if quote.state != 'draft':
                raise UserError(_('The products of "%s" cannot change: it is no longer a draft '
                                  '(use "Revise" to make a new version).') % quote.display_name)

    @api.model
    def create(self, vals):
        self._crm_check_priced(vals)
        if vals.get('quotation_id'):
            self._check_quote_draft(self.env['crm.quotation'].browse(vals['quotation_id']))
        own = (granted(self, 'own_values') or {}).get(self._name, ())
        if vals.get('product_id') and 'list_price' not in own:
            # a line created on its own: priced here (a quote's lines are priced together)
            self._crm_check_priced(vals)
            quote = self.env['crm.quotation'].browse(vals.get('quotation_id'))
            product = self.env['product.product'].browse(vals['product_id'])
            product._crm_check_sellable()
            prices = product._crm_prices(quote.partner_id, {product.id: vals.get('quantity', 1.0)},
                                         quote.date or None)[product.id]
            priced = self._crm_priced_values(prices)
            if not vals.get('price_unit') and 'discount' not in vals:
                vals = dict(vals, price_unit=prices['price'])
            self, vals = self._crm_own_values(vals, creating=True, **priced)
        return super(CrmQuotationLine, self).create(vals)

    @api.multi
    def write(self, vals):
        self._crm_check_priced(vals)
        if vals.get('product_id'):
            self.env['product.product'].browse(vals['product_id'])._crm_check_sellable()
        self._check_quote_draft(self.mapped('quotation_id'))
        if vals.get('quotation_id'):
            self._check_quote_draft(self.env['crm.quotation'].browse(vals['quotation_id']))
        res = super(CrmQuotationLine, self).write(vals)
        if ('product_id' in vals or 'quantity' in vals) and not granted(self, 'action_write'):
            self.mapped('quotation_id')._crm_reprice(self)
        return res

    @api.multi
    def unlink(self):
        self._check_quote_draft(self.mapped('quotation_id'))
        return super(CrmQuotationLine, self).unlink()
