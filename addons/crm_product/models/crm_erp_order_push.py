# -*- coding: utf-8 -*-
import datetime
import math

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

MAX_ORDERS = 100000
MAX_LINES = 1000000
MAX_ORDER_LINES = 10000
MAX_CODE = 64
MAX_TEXT = 256
MAX_AMOUNT = 1e12


class CrmErpOrder(models.Model):
    """Orders pushed by the company's ERP (XML-RPC), in bulk, in the style of
    ``product.product.crm_push_stock``: rows checked in Python, then a few set-based SQL
    statements whatever the number of orders. Each bad row is reported back with its
    reason; the good ones are kept."""
    _inherit = 'crm.erp.order'

    @api.model
    def _crm_may_push_orders(self):
        user = self.env.user
        return user._crm_is_admin() or user.has_group('crm_product.group_crm_erp_sync')

    # ------------------------------------------------------------------ checks
    @staticmethod
    def _crm_number(value):
        """A finite number (not a boolean) below 10^12, else None."""
        if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                not math.isfinite(value) or abs(value) >= MAX_AMOUNT:
            return None
        return float(value)

    @staticmethod
    def _crm_text(value, size):
        """A stripped non-empty string of at most ``size`` characters, else None."""
        if not isinstance(value, str) or not value.strip() or len(value) > size:
            return None
        return value.strip()

    @api.model
    def _crm_order_date(self, value):
        if isinstance(value, str) and len(value) >= 10:
            try:
                return datetime.datetime.strptime(value[:10], '%Y-%m-%d').date().isoformat()
            except ValueError:
                pass
        return None

    @api.model
    def _crm_check_order_line(self, line, index):
        """(values, None) of one line of an order, or (None, reason)."""
        if not isinstance(line, dict):
            return None, _('line %d is not {"code": product code, "qty": quantity, '
                           '"price": unit price}') % index
        code = line.get('code')
        code = self._crm_text(code, MAX_CODE) if code not in (None, False, '') else False
        name = line.get('name')
        name = self._crm_text(name, MAX_TEXT) if name not in (None, False, '') else False
        if code is None:
            return None, _('line %d has no valid product code') % index
        if name is None:
            return None, _('line %d has no valid description') % index
        if not code and not name:
            return None, _('line %d has neither a product code nor a description') % index
        qty = self._crm_number(line.get('qty'))
        if qty is None:
            return None, _('line %d (%s) has no valid quantity') % (index, code or name)
        price = self._crm_number(line.get('price'))
        if price is None:
            return None, _('line %d (%s) has no valid unit price') % (index, code or name)
        if line.get('amount') is not None:
            amount = self._crm_number(line['amount'])
            if amount is None:
                return None, _('line %d (%s) has no valid amount') % (index, code or name)
        else:
            amount = round(qty * price, 2)
        return {'code': code or None, 'name': name or None, 'qty': qty, 'price': price,
                'amount': amount}, None

    @api.model
    def _crm_check_order_row(self, row):
        """(order values, None) of one pushed order, or (None, reason): the customer is
        given by ``customer_code`` or ``customer_id`` and resolved later."""
        if not isinstance(row, dict):
            return None, _('not an order {"number": ..., "customer_code": ..., "date": ..., '
                           '"lines": [...]}')
        number = self._crm_text(row.get('number'), MAX_CODE)
        if number is None:
            return None, _('no valid order number')
        code, customer_id = row.get('customer_code'), row.get('customer_id')
        if code not in (None, False, ''):
            code = self._crm_text(code, MAX_CODE)
            if code is None:
                return None, _('the customer code is not valid')
        else:
            code = None
        if customer_id not in (None, False):
            if isinstance(customer_id, bool) or not isinstance(customer_id, int) or \
                    not 0 < customer_id < 2 ** 31:
                return None, _('the customer id is not valid')
        else:
            customer_id = None
        if code is None and customer_id is None:
            return None, _('no customer: give its customer code (customer_code) or its id '
                           '(customer_id)')
        date = self._crm_order_date(row.get('date'))
        if date is None:
            return None, _('no valid order date (YYYY-MM-DD)')
        state = row.get('state')
        if state not in (None, False, ''):
            state = self._crm_text(state, MAX_CODE)
            if state is None:
                return None, _('the status is not valid (text of at most 64 characters)')
        else:
            state = None
        lines = row.get('lines') or []
        if not isinstance(lines, (list, tuple)):
            return None, _('the lines are not a list')
        if len(lines) > MAX_ORDER_LINES:
            return None, _('more than %d lines') % MAX_ORDER_LINES
        checked = []
        for index, line in enumerate(lines, 1):
            values, reason = self._crm_check_order_line(line, index)
            if reason:
                return None, reason
            checked.append(values)
        if row.get('amount') is not None:
            amount = self._crm_number(row['amount'])
            if amount is None:
                return None, _('no valid amount')
        else:
            amount = round(sum(line['amount'] for line in checked), 2)
        return {'number': number, 'customer_code': code, 'customer_id': customer_id,
                'date': date, 'state': state, 'amount': amount, 'lines': checked}, None

    @api.model
    def _crm_resolve_customers(self, orders, errors):
        """Set ``partner_id`` (the commercial customer) of each order from its customer
        code or id, in two queries; an order whose customer is unknown, or not a CRM
        customer, goes to ``errors``. Returns the orders kept."""
        cr = self.env.cr
        codes = sorted({o['customer_code'] for o in orders if o['customer_code']})
        ids = sorted({o['customer_id'] for o in orders if o['customer_id']})
        by_code, by_id = {}, {}
        if codes:
            cr.execute("""
                SELECT p.customer_code, c.id
                  FROM res_partner p JOIN res_partner c ON c.id = p.commercial_partner_id
                 WHERE p.customer_code = ANY(%s) AND c.is_crm_customer""", (codes,))
            by_code = dict(cr.fetchall())
        if ids:
            cr.execute("""
                SELECT p.id, c.id
                  FROM res_partner p JOIN res_partner c ON c.id = p.commercial_partner_id
                 WHERE p.id = ANY(%s) AND c.is_crm_customer""", (ids,))
            by_id = dict(cr.fetchall())
        kept = []
        for order in orders:
            code, customer_id = order['customer_code'], order['customer_id']
            partner = by_code.get(code) if code else None
            if code and not partner:
                errors.append((order, _('no CRM customer has the customer code %s') % code))
                continue
            if customer_id:
                other = by_id.get(customer_id)
                if not other:
                    errors.append((order, _('no CRM customer has the id %d') % customer_id))
                    continue
                if partner and partner != other:
                    errors.append((order, _('the customer code %s and the customer id %d name '
                                            'two different customers') % (code, customer_id)))
                    continue
                partner = other
            order['partner_id'] = partner
            kept.append(order)
        return kept

    # ------------------------------------------------------------------ the push
    @api.model
    def crm_push_orders(self, rows):
        """The ERP pushes orders: ``rows`` = [{'number': order number, 'customer_code':
        the CRM's customer code (or 'customer_id': the customer's id), 'date':
        'YYYY-MM-DD', 'amount': total (default: the lines' sum), 'state': the ERP's status
        text, 'lines': [{'code': product code, 'name': description, 'qty': quantity,
        'price': unit price, 'amount': line amount (default qty * price)}, ...]}, ...].
        An order number already in the CRM is replaced (its lines too): pushing the same
        orders again changes nothing but their sync time. A number given twice keeps its
        last row. Each bad row is reported with its reason; the others are written, in a
        few SQL statements. Allowed to the CRM administrator and the "ERP integration"
        group. Returns {'created': n, 'updated': n, 'errors': [{'row': position (from 1),
        'number': order number or False, 'reason': why}], 'unknown_products': [line
        codes matching no product: the lines keep their code], 'synced_at': 'YYYY-MM-DD
        HH:MM:SS'} (UTC)."""
        if not self._crm_may_push_orders():
            raise AccessError(_('Only the CRM administrator or the ERP integration user may '
                                'push orders.'))
        if not isinstance(rows, (list, tuple)):
            raise UserError(_('Orders must be a list of {"number": order number, '
                              '"customer_code": customer code, "date": order date, '
                              '"lines": [...]}.'))
        if len(rows) > MAX_ORDERS:
            raise UserError(_('At most %d orders per call: split the list.') % MAX_ORDERS)
        errors, orders = [], {}
        total_lines = 0
        for index, row in enumerate(rows, 1):
            order, reason = self._crm_check_order_row(row)
            if reason:
                number = row.get('number') if isinstance(row, dict) else None
                errors.append(({'row': index, 'number': number if isinstance(number, str)
                                else False}, reason))
                continue
            order['row'] = index
            total_lines += len(order['lines'])
            if total_lines > MAX_LINES:
                raise UserError(_('At most %d order lines per call: split the list.')
                                % MAX_LINES)
            orders.pop(order['number'], None)
            orders[order['number']] = order
        kept = self._crm_resolve_customers(list(orders.values()), errors)
        now = self.env['crm.clock'].now_str()
        created, updated, unknown = self._crm_write_orders(kept, now)
        return {
            'created': created,
            'updated': updated,
            'errors': sorted(({'row': order['row'], 'number': order['number'] or False,
                               'reason': reason} for order, reason in errors),
                             key=lambda e: e['row']),
            'unknown_products': unknown,
            'synced_at': now,
        }

    @api.model
    def _crm_write_orders(self, orders, now):
        """Upsert the checked ``orders`` by number (one INSERT ... ON CONFLICT), replace
        the lines of those that existed (one DELETE) and insert every line (one INSERT);
        the customer's owner and team go into the scope columns in the same statements.
        Returns (created, updated, sorted unknown product codes)."""
        if not orders:
            return 0, 0, []
        cr, uid = self.env.cr, self.env.uid
        orders = sorted(orders, key=lambda o: o['number'])   # one lock order: no deadlock
        codes = sorted({line['code'] for o in orders for line in o['lines'] if line['code']})
        products = {}
        if codes:
            cr.execute('SELECT default_code, id FROM product_product '
                       'WHERE default_code = ANY(%s)', (codes,))
            products = dict(cr.fetchall())
        currency = self.env.user.company_id.currency_id.id
        cr.execute("""
            INSERT INTO crm_erp_order (name, partner_id, date_order, amount_total, state,
                                       currency_id, synced_at, crm_scope_user_id,
                                       crm_scope_team_id, create_uid, create_date,
                                       write_uid, write_date)
            SELECT v.name, v.partner_id, v.date_order, v.amount, v.state, %s, %s,
                   p.crm_owner_id, p.crm_team_id, %s, now() AT TIME ZONE 'UTC',
                   %s, now() AT TIME ZONE 'UTC'
              FROM unnest(%s::varchar[], %s::int[], %s::date[], %s::numeric[], %s::varchar[])
                   AS v(name, partner_id, date_order, amount, state)
              JOIN res_partner p ON p.id = v.partner_id
            ON CONFLICT (name) DO UPDATE
               SET partner_id = EXCLUDED.partner_id, date_order = EXCLUDED.date_order,
                   amount_total = EXCLUDED.amount_total, state = EXCLUDED.state,
                   currency_id = EXCLUDED.currency_id, synced_at = EXCLUDED.synced_at,
                   crm_scope_user_id = EXCLUDED.crm_scope_user_id,
                   crm_scope_team_id = EXCLUDED.crm_scope_team_id,
                   write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
            RETURNING id, name, xmax = 0""",
                   (currency, now, uid, uid,
                    [o['number'] for o in orders], [o['partner_id'] for o in orders],
                    [o['date'] for o in orders], [o['amount'] for o in orders],
                    [o['state'] for o in orders]))
        ids, existed = {}, []
        for order_id, number, inserted in cr.fetchall():
            ids[number] = order_id
            if not inserted:
                existed.append(order_id)
        if existed:
            cr.execute('DELETE FROM crm_erp_order_line WHERE order_id = ANY(%s)', (existed,))
        columns = ([], [], [], [], [], [], [], [])
        for order in orders:
            for sequence, line in enumerate(order['lines'], 1):
                for column, value in zip(columns, (
                        ids[order['number']], sequence, line['code'],
                        products.get(line['code']), line['name'], line['qty'],
                        line['price'], line['amount'])):
                    column.append(value)
        if columns[0]:
            cr.execute("""
                INSERT INTO crm_erp_order_line (order_id, partner_id, sequence, product_code,
                                                product_id, name, quantity, price_unit, amount,
                                                crm_scope_user_id, crm_scope_team_id,
                                                create_uid, create_date, write_uid, write_date)
                SELECT v.order_id, o.partner_id, v.seq, v.code, v.product_id, v.name, v.qty,
                       v.price, v.amount, o.crm_scope_user_id, o.crm_scope_team_id,
                       %s, now() AT TIME ZONE 'UTC', %s, now() AT TIME ZONE 'UTC'
                  FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::int[], %s::varchar[],
                              %s::numeric[], %s::numeric[], %s::numeric[])
                       AS v(order_id, seq, code, product_id, name, qty, price, amount)
                  JOIN crm_erp_order o ON o.id = v.order_id""", (uid, uid) + columns)
        self.invalidate_cache()
        self.env['crm.erp.order.line'].invalidate_cache()
        self.env['res.partner'].invalidate_cache(['crm_erp_order_ids'])
        unknown = sorted(code for code in codes if code not in products)
        return len(ids) - len(existed), len(existed), unknown
