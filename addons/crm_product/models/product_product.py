# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ProductProduct(models.Model):
    """Prices of the catalogue for a customer (its price list) and the sellable check,
    implementing crm_sales' extension points ``_crm_prices`` / ``_crm_check_sellable``."""
    _name = 'product.product'
    _inherit = ['product.product', 'crm.guard.mixin']

    crm_stock_qty = fields.Float('ERP Stock', digits=(16, 2), readonly=True, copy=False,
                                 help='Stock level last pushed by the ERP.')
    crm_stock_synced_at = fields.Datetime('Stock Synced At', readonly=True, copy=False,
                                          help='When the ERP last pushed the stock level.')

    def _crm_action_fields(self):
        # written by crm_push_stock only (the ERP), never by a form or an import
        return super(ProductProduct, self)._crm_action_fields() + (
            'crm_stock_qty', 'crm_stock_synced_at')

    @api.constrains('default_code')
    def _check_crm_code_unique(self):
        codes = [p.default_code for p in self if p.default_code]
        if not codes:
            return
        self.env.cr.execute(
            'SELECT default_code FROM product_product WHERE default_code = ANY(%s) '
            'GROUP BY default_code HAVING count(*) > 1 LIMIT 1', (codes,))
        row = self.env.cr.fetchone()
        if row:
            raise ValidationError(_('The product code %s is already used by another product.')
                                  % row[0])

    # ------------------------------------------------------------------ extension points
    @api.multi
    def _crm_check_sellable(self):
        # only the two fields read (the default prefetch reads every field of the
        # products and their templates: most of the time of pricing a long quote)
        for product in self.sudo().with_context(prefetch_fields=False):
            if not product.active or not product.sale_ok:
                raise UserError(_('"%s" is off sale: it cannot be put on an opportunity, a '
                                  'quote or a contract.') % product.display_name)
        return True

    @api.multi
    def _crm_prices(self, partner, quantities=None, date=None):
        """See crm_sales. The customer's price list (``res.partner._crm_pricelist``: its
        own, else its level's) prices every product in one pass of Odoo's
        ``_compute_price_rule`` (its rules in one query, quantity breaks and validity
        dates included); without one, the price is the list price. Each product's dict
        also holds ``floor_price`` (0.0: none) and ``pricelist_id`` (False: none)."""
        quantities = quantities or {}
        products = self.sudo().with_context(prefetch_fields=True)
        if date and not isinstance(date, str):
            date = fields.Date.to_string(date)
        date = date or self.env['crm.clock'].today_str()
        pricelist = partner.sudo()._crm_pricelist() if partner else \
            self.env['product.pricelist']
        prices = {}
        if pricelist and products:
            rows = [(product, quantities.get(product.id, 1.0) or 1.0,
                     partner.sudo().commercial_partner_id) for product in products]
            prices = {pid: price for pid, (price, _rule) in
                      pricelist._compute_price_rule(rows, date=date).items()}
        result = {}
        for product in products:
            list_price = product.lst_price
            result[product.id] = {
                'list_price': list_price,
                'price': prices.get(product.id, list_price),
                'floor_price': product.floor_price,
                'pricelist_id': pricelist.id or False,
            }
        return result
