# -*- coding: utf-8 -*-
import math

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

MAX_ROWS = 500000
MAX_CODE = 64


class ProductProduct(models.Model):
    """Stock levels pushed by the company's ERP (XML-RPC), by product code, in bulk."""
    _inherit = 'product.product'

    @api.model
    def _crm_may_push_stock(self):
        user = self.env.user
        return user._crm_is_admin() or user.has_group('crm_product.group_crm_erp_sync')

    @api.model
    def _crm_stock_rows(self, rows):
        """{code: quantity} of ``rows``: [{'code': str, 'qty': number}, ...] or, lighter
        to send, {code: quantity}; a bad row refuses the whole call, naming it. A code
        given twice in a list keeps its last quantity."""
        if isinstance(rows, dict):
            pairs = list(rows.items())
        elif isinstance(rows, (list, tuple)):
            pairs = None
        else:
            raise UserError(_('Stock levels must be a list of {"code": product code, '
                              '"qty": quantity}.'))
        if len(rows) > MAX_ROWS:
            raise UserError(_('At most %d stock levels per call: split the list.') % MAX_ROWS)
        if pairs is None:
            pairs = []
            for index, row in enumerate(rows, 1):
                if not isinstance(row, dict):
                    raise UserError(_('Stock level %d is not {"code": product code, "qty": '
                                      'quantity}.') % index)
                pairs.append((row.get('code'), row.get('qty')))
        levels = {}
        for index, (code, qty) in enumerate(pairs, 1):
            if not isinstance(code, str) or not code.strip() or len(code) > MAX_CODE:
                raise UserError(_('Stock level %d has no valid product code.') % index)
            if isinstance(qty, bool) or not isinstance(qty, (int, float)) or \
                    not math.isfinite(qty) or abs(qty) >= 1e12:
                raise UserError(_('Stock level %d (%s) has no valid quantity.')
                                % (index, code))
            levels[code.strip()] = float(qty)
        return levels

    @api.model
    def crm_push_stock(self, rows):
        """The ERP pushes stock levels: ``rows`` = [{'code': product code (default_code),
        'qty': quantity}, ...] or {product code: quantity} (half the XML-RPC payload and
        parsing for a big push). Every product with that code gets the quantity and the
        sync time (``crm.clock``) in one SQL statement. Allowed to the CRM administrator
        and the "ERP integration" group. Returns {'updated': number of products,
        'unknown': [codes matching no product], 'synced_at': 'YYYY-MM-DD HH:MM:SS'}."""
        if not self._crm_may_push_stock():
            raise AccessError(_('Only the CRM administrator or the ERP integration user may '
                                'push stock levels.'))
        levels = self._crm_stock_rows(rows)
        now = self.env['crm.clock'].now_str()
        updated = set()
        if levels:
            codes = list(levels)
            self.env.cr.execute("""
                UPDATE product_product p
                   SET crm_stock_qty = v.qty, crm_stock_synced_at = %s,
                       write_date = now() AT TIME ZONE 'UTC', write_uid = %s
                  FROM unnest(%s::varchar[], %s::float8[]) AS v(code, qty)
                 WHERE p.default_code = v.code
             RETURNING p.default_code""",
                (now, self.env.uid, codes, [levels[c] for c in codes]))
            updated = [r[0] for r in self.env.cr.fetchall()]
            self.invalidate_cache(['crm_stock_qty', 'crm_stock_synced_at'])
            self.env['product.template'].invalidate_cache(['crm_stock_qty',
                                                           'crm_stock_synced_at'])
        found = set(updated)
        return {
            'updated': len(updated),
            'unknown': sorted(code for code in levels if code not in found),
            'synced_at': now,
        }
