# -*- coding: utf-8 -*-
from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.crm_sales.grant import grant, granted


class CrmQuotation(models.Model):
    """Pricing: every price of a quote comes from crm_sales' pricing point
    ``product.product._crm_prices(partner, quantities, date)`` -- one call for all the
    lines of a quote, whatever their number -- and its floor price, when a pricing
    module (crm_product) answers one, from ``.get('floor_price')``."""
    _inherit = 'crm.quotation'

    @api.model
    def _crm_prices_for(self, partner, date, pairs):
        """{product id: prices} for ``pairs`` [(product, quantity)]: one call; a product
        on several lines is priced for their total quantity."""
        quantities = {}
        for product, quantity in pairs:
            quantities[product.id] = quantities.get(product.id, 0.0) + (quantity or 1.0)
        products = self.env['product.product'].browse(list(quantities))
        if not products:
            return {}
        products._crm_check_sellable()
        return products._crm_prices(partner, quantities, date or None)

    @api.model
    def _crm_price_new_lines(self, vals):
        """``(self, vals)`` where the new lines of ``vals`` ((0, 0, values) commands) carry
        their list and floor price (and the customer's price when none is offered),
        priced in one call. The caller's values are checked first: list and floor prices
        are never taken from a client."""
        commands = vals.get('line_ids')
        if not isinstance(commands, (list, tuple)):
            return self, vals
        new = [c for c in commands if isinstance(c, (list, tuple)) and len(c) == 3
               and c[0] == 0 and isinstance(c[2], dict)]
        if not new:
            return self, vals
        Line = self.env['crm.quotation.line']
        for command in new:
            Line._crm_check_priced(command[2])
        Partner = self.env['res.partner']
        if vals.get('partner_id') and isinstance(vals['partner_id'], int):
            partner = Partner.browse(vals['partner_id'])
            date = vals.get('date')
        else:
            partner = self[:1].partner_id
            date = self[:1].date
        pairs = []
        for command in new:
            product = command[2].get('product_id')
            if product and isinstance(product, int):
                pairs.append((self.env['product.product'].browse(product),
                              command[2].get('quantity', 1.0)))
        prices = self._crm_prices_for(partner, date, pairs)
        lines, new_ids = [], {id(c) for c in new}
        for command in commands:
            if id(command) in new_ids and command[2].get('product_id') in prices:
                values = dict(command[2])
                price = prices[values['product_id']]
                values.update(Line._crm_priced_values(price))
                if not values.get('price_unit') and 'discount' not in values:
                    values['price_unit'] = price['price']
                command = (0, command[1], values)
            lines.append(command)
        mine = dict(granted(self, 'own_values') or {})
        mine[Line._name] = tuple(set(mine.get(Line._name, ())) | set(Line._crm_priced_fields()))
        return grant(self, own_values=mine), dict(vals, line_ids=lines)

    def _crm_reprice(self, lines=None):
        """Take the list and floor prices of ``lines`` (default: all lines) again from the
        pricing point: one ``_crm_prices`` call per quote and one UPDATE for all its
        lines, which also sets their stored discount and below-floor flag (the same
        formulas as ``_compute_discount`` / ``_compute_below_floor``); the quote's totals
        are then recomputed once."""
        Line, Product = self.env['crm.quotation.line'], self.env['product.product']
        for rec in self:
            # the lines' products and quantities only (the ORM would read every field of
            # every line, and of their quote, for these two)
            self.env.cr.execute(
                'SELECT id, product_id, quantity FROM crm_quotation_line '
                'WHERE quotation_id = %s AND (%s OR id = ANY(%s))',
                (rec.id, lines is None, lines.ids if lines is not None else []))
            todo = self.env.cr.fetchall()
            prices = rec._crm_prices_for(rec.partner_id, rec.date,
                                         [(Product.browse(p), q) for _id, p, q in todo])
            ids, rows = [], []
            for line_id, product_id, _quantity in todo:
                price = prices.get(product_id)
                if price:
                    ids.append(line_id)
                    rows.append(Line._crm_priced_values(price))
            if not rows:
                continue
            # the column names come from the models' own code, never from a client
            names = sorted(rows[0])
            self.env.cr.execute("""
                UPDATE crm_quotation_line l
                   SET {sets},
                       discount = CASE WHEN v.list_price > 0
                                       THEN round(((1 - l.price_unit / v.list_price) * 100)::numeric, 2)
                                       ELSE 0 END,
                       below_floor = (v.floor_price > 0 AND v.floor_price - l.price_unit *
                                      (1 - coalesce(q.discount, 0) / 100.0) > 0.005),
                       write_uid = %s, write_date = now() at time zone 'UTC'
                  FROM (SELECT unnest(%s::int[]) AS id, {columns}) v, crm_quotation q
                 WHERE l.id = v.id AND q.id = l.quotation_id""".format(
                    sets=', '.join('%s = v.%s' % (n, n) for n in names),
                    columns=', '.join('unnest(%%s::float8[]) AS %s' % n for n in names)),
                [self.env.uid, ids] + [[row[n] for row in rows] for n in names])
            Line.invalidate_cache(names + ['discount', 'below_floor'], ids)
            quote = rec.sudo()
            for name in ('amount_list', 'amount_lines', 'amount_total', 'discount_total',
                         'below_floor'):
                self.env.add_todo(quote._fields[name], quote)
            quote.recompute()
        return True

    @api.multi
    def action_reprice(self):
        """重新取价: list and floor prices of a draft's lines from the catalogue again
        (the offered prices stay)."""
        self.env.user._crm_check_can_act()
        self.check_access_rights('write')
        self.check_access_rule('write')
        for rec in self:
            if rec.state != 'draft':
                raise UserError(_('"%s" is no longer a draft: its prices are frozen.')
                                % rec.display_name)
        self._crm_reprice()
        return True
