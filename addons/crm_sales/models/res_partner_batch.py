# -*- coding: utf-8 -*-
"""Creating many customers or contacts at once (imports): ``_crm_create_batch``.

Odoo 11 creates records one at a time; for a customer with its contact that is a few
hundred queries (defaults, the guard, the parent's commercial fields, stored computed
fields, constraints, record rules), and 10,000 rows take minutes. The batch path makes
the same checks and gives the same records, for the whole list at once:

* as ``create``: access rights; the guard (``crm.guard.mixin``: action-only fields and
  targets one may not work on); the default owner and team (``_crm_default_owner_vals``);
  the first contact of a customer is its primary contact; a contact takes its
  customer's commercial fields and address (``_fields_sync``);
* one INSERT per call (with the stored computed values that follow from the row and
  its customer: ``_crm_batch_precompute``), then the other stored computed fields of
  the new records computed together and written with the customer codes in one UPDATE,
  record rules and Python constraints checked for all of them;
* no chatter (as Odoo's import with ``tracking_disable``);
* ``_crm_created_in_batch(records)``: what other modules do for records created this
  way (crm_audit logs them as it logs a create).

Values this path does not take (one2many / many2many lists, a customer code, translated
or non-stored fields, a field with an inverse) make it fall back to ``create`` per
record, so the result never depends on the path. A refusal raises as ``create`` would;
the caller's savepoint keeps a half-written batch out."""
from odoo import api, models
from odoo.models import MAGIC_COLUMNS

from .res_partner import normalize_name, normalize_phone

# what the import path never takes from a row
BATCH_REFUSED_FIELDS = ('customer_code', 'parent_left', 'parent_right')


def _id(value):
    """A many2one column value: an id or None."""
    if isinstance(value, models.BaseModel):
        return value.id or None
    return value or None


class ResPartner(models.Model):
    _inherit = 'res.partner'

    @api.model
    def _crm_create_batch(self, vals_list):
        """The partners created from ``vals_list`` (dicts as for ``create``), in order."""
        vals_list = [dict(vals) for vals in vals_list]
        if not vals_list:
            return self.browse()
        if not all(self._crm_batch_takes(vals) for vals in vals_list):
            return self._crm_create_each(vals_list)
        self.check_access_rights('create')
        this = self._crm_batch_checked_env()
        rows = this._crm_batch_rows(vals_list)
        records = this.browse(this._crm_batch_insert(rows))
        this._crm_batch_finish(records, rows)
        this._crm_created_in_batch(records)
        return self.browse(records.ids)

    @api.model
    def _crm_create_each(self, vals_list):
        records = self.browse()
        for vals in vals_list:
            records |= self.create(vals)
        return records

    @api.model
    def _crm_created_in_batch(self, records):
        """Hook: ``records`` were just created by ``_crm_create_batch``'s INSERT (not by
        ``create``). Modules that act on every create extend it."""
        return records

    # ------------------------------------------------------------------ checks
    @api.model
    def _crm_batch_takes(self, vals):
        for name in vals:
            field = self._fields.get(name)
            if field is None or name in BATCH_REFUSED_FIELDS or not field.store \
                    or not field.column_type or field.compute or field.inverse \
                    or field.translate:
                return False
        return True

    @api.model
    def _crm_batch_checked_env(self):
        """The model in the environment ``create`` would use: the client's defaults
        dropped (as ``crm.guard.mixin.create``), no chatter."""
        Guard = self.env['crm.guard']
        context = dict(self.env.context, tracking_disable=True)
        if not Guard._is_privileged():
            context = Guard._clean_client_context(context)
        return self.with_context(context)

    @api.model
    def _crm_batch_rows(self, vals_list):
        """The complete column values of each new partner, checked as ``create``."""
        if not self.env['crm.guard']._is_privileged():
            self._crm_guard_unprivileged_many(vals_list)
        self._crm_guard_vals_many(vals_list)
        now = self.env['crm.clock'].now_str()
        defaults = self._crm_batch_defaults(vals_list)
        # the parents passed the guard: read as superuser, as create's own layers do
        parents = self.sudo().with_context(prefetch_fields=False).browse(
            {v['parent_id'] for v in vals_list if v.get('parent_id')})
        parent_values = self._crm_batch_parent_values(parents)
        has_primary = set(parents.filtered(
            lambda p: p.child_ids.filtered('is_primary_contact')).ids)
        rows = []
        for vals in vals_list:
            vals = self._crm_default_owner_vals(vals)
            if vals.get('user_id') and not vals.get('owner_assigned_at'):
                vals['owner_assigned_at'] = now
            if self._crm_is_contact_vals(vals):
                if 'is_primary_contact' not in vals:
                    vals['is_primary_contact'] = vals['parent_id'] not in has_primary
                if vals.get('is_primary_contact'):
                    has_primary.add(vals['parent_id'])
            if vals.get('parent_id'):
                vals = dict(parent_values[vals['parent_id']](vals), **vals)
            row = dict(defaults, **vals)
            for name in MAGIC_COLUMNS:
                row.pop(name, None)
            rows.append(row)
        self._crm_batch_ids(rows, parents)
        return rows

    @api.model
    def _crm_batch_ids(self, rows, parents):
        """The ids of the new partners, taken from the sequence now, and their commercial
        partner (``_compute_commercial_partner``: themselves, or their parent's), which
        the other computed fields read."""
        self.env.cr.execute('SELECT nextval(%s) FROM generate_series(1, %s)',
                            (self._sequence, len(rows)))
        new_ids = [new_id for (new_id,) in self.env.cr.fetchall()]
        parents = parents.sudo().with_context(prefetch_fields=False)
        commercial = {p.id: p.commercial_partner_id for p in parents}
        companies = {}
        for company in parents.mapped('commercial_partner_id'):
            companies[company.id] = self._crm_batch_company_values(company)
        for row, new_id in zip(rows, new_ids):
            row['id'] = new_id
            parent = row.get('parent_id')
            if row.get('is_company') or not parent:
                row['commercial_partner_id'] = new_id
                company = row
            else:
                row['commercial_partner_id'] = commercial[parent].id
                company = companies[commercial[parent].id]
            self._crm_batch_precompute(row, company)

    @api.model
    def _crm_batch_precomputed(self):
        """The stored computed fields ``_crm_batch_precompute`` gives (the ORM does not
        compute them again for the new records). A module that extends one extends the
        other; ``test_partner_batch`` compares the result with ``create``'s."""
        return ('commercial_partner_id', 'is_crm_customer', 'name_normalized',
                'phone_normalized', 'mobile_normalized', 'crm_owner_id', 'crm_team_id',
                'is_crm_scoped')

    @api.model
    def _crm_batch_company_values(self, company):
        """What ``_crm_batch_precompute`` reads of an existing customer (as it reads it
        of a new row): {field: column value}."""
        return {'id': company.id, 'user_id': company.user_id.id, 'team_id': company.team_id.id,
                'is_company': company.is_company, 'customer': company.customer}

    @api.model
    def _crm_batch_precompute(self, row, company):
        """Stored computed values of a new partner's ``row`` (column values, its id and
        commercial partner given), from the row and its commercial partner's values
        (``company``: the row itself, or ``_crm_batch_company_values`` of its customer):
        the same as the computations (``_compute_crm_owner``...), without their cost
        for thousands of rows."""
        row['is_crm_customer'] = bool(row.get('is_company') and row.get('customer'))
        row['name_normalized'] = normalize_name(row.get('name'))
        row['phone_normalized'] = normalize_phone(row.get('phone'))
        row['mobile_normalized'] = normalize_phone(row.get('mobile'))
        row['crm_owner_id'] = _id(company.get('user_id'))
        row['crm_team_id'] = _id(company.get('team_id'))
        row['is_crm_scoped'] = row['is_crm_customer'] or bool(
            company.get('is_company') and company.get('customer'))

    @api.model
    def _crm_batch_defaults(self, vals_list):
        names = set()
        for vals in vals_list:
            names.update(vals)
        missing = [n for n, f in self._fields.items()
                   if n not in names and f.store and f.column_type and not f.compute]
        defaults = self.default_get(missing)
        return {k: v for k, v in defaults.items() if self._crm_batch_takes({k: v})}

    @api.model
    def _crm_batch_parent_values(self, parents):
        """{parent id: f(vals) -> the values a new child takes from it}: the commercial
        fields always, the address for a contact when the parent has one (Odoo's
        ``_fields_sync`` / ``onchange_parent_id``)."""
        commercial = self._commercial_fields()
        address = self._address_fields()
        parents = parents.sudo().with_context(prefetch_fields=False)
        stored = [name for name in set(commercial) | set(address) | {'commercial_partner_id'}
                  if self._fields[name].store and self._fields[name].column_type]
        parents._read_from_database(stored)
        parents.mapped('commercial_partner_id')._read_from_database(
            [name for name in commercial if name in stored])
        result = {}
        for parent in parents:
            company = parent.commercial_partner_id
            common = company._update_fields_values(commercial)
            addr = parent._update_fields_values(address) \
                if any(parent[key] for key in address) else {}

            def values(vals, common=common, addr=addr):
                out = dict(common)
                if vals.get('type', 'contact') == 'contact':
                    out.update(addr)
                return {k: v for k, v in out.items() if self._crm_batch_takes({k: v})}
            result[parent.id] = values
        return result

    # ------------------------------------------------------------------ writing
    @api.model
    def _crm_batch_insert(self, rows):
        """One INSERT of ``rows`` (their ids given); the ids."""
        columns = set()
        for row in rows:
            columns.update(row)
        for name, field in self._fields.items():
            if field.type == 'boolean' and field.store and not field.compute:
                columns.add(name)
        columns.discard('id')
        columns = sorted(columns)
        fields_ = [self._fields[name] for name in columns]
        empty = self.browse()
        params, values_sql = [], []
        row_sql = '(%%s, %s, %%s, %%s, %s, %s)' % (
            ', '.join(f.column_format for f in fields_),
            "(now() at time zone 'UTC')", "(now() at time zone 'UTC')")
        for row in rows:
            params.append(row['id'])
            for name, field in zip(columns, fields_):
                value = row.get(name, False if field.type == 'boolean' else None)
                if value is not None and getattr(field, 'selection', None) and value:
                    self._check_selection_field_value(name, value)
                params.append(field.convert_to_column(value, empty, row)
                              if value is not None else None)
            params.extend([self._uid, self._uid])
            values_sql.append(row_sql)
        query = 'INSERT INTO "%s" (id, %s, create_uid, write_uid, create_date, write_date) ' \
                'VALUES %s RETURNING id' % (
                    self._table, ', '.join('"%s"' % c for c in columns), ', '.join(values_sql))
        self.env.cr.execute(query, params)
        return [row['id'] for row in rows]

    @api.model
    def _crm_batch_finish(self, records, rows):
        """What ``_create`` does after its INSERT, once for all ``records``."""
        names = set()
        for row in rows:
            names.update(row)
        self.invalidate_cache()
        # computing a field of the new records reads one field at a time: the whole
        # prefetch (every field of every new record, through the read overrides) per
        # access makes the computation quadratic
        records = records.with_context(prefetch_fields=False)
        # computed as superuser (the rules were checked above and are checked below):
        # the computation reads the values of the customers above the new contacts,
        # which are read beforehand in that one environment
        records.sudo().modified(self._fields)
        for name in self._crm_batch_precomputed():
            records.sudo()._recompute_done(self._fields[name])
        self._crm_batch_store_computed(records)
        # the rules first (``_create`` checks them last): the constraints read the new
        # records as the user, and a record she may not create is refused as such
        records.check_access_rule('create')
        records._validate_fields(names)
        records.recompute()

    @api.model
    def _crm_batch_store_computed(self, records):
        """The stored computed fields of the new records, and the customers' codes:
        computed together (in the cache) and written with one UPDATE. ``recompute``
        would write them grouped by value, that is record by record here, and an UPDATE
        per field writes each row again as many times."""
        recs = records.sudo()
        computed = [f for f in self._fields.values() if f.store and f.compute and f.column_type
                    and recs._recompute_check(f)]
        self._crm_batch_read_dependencies(recs, computed)
        columns = {f.name: {rec.id: f.convert_to_column(f.convert_to_write(rec[f.name], rec), rec)
                            for rec in recs} for f in computed}
        codes = self._crm_batch_codes(recs)
        if codes:
            columns['customer_code'] = codes
        self._crm_batch_update(recs, columns)
        for field in computed:
            recs._recompute_done(field)
        if codes:
            coded = recs.browse(list(codes))
            coded.invalidate_cache(['customer_code'])
            coded.modified(['customer_code'])

    @api.model
    def _crm_batch_read_dependencies(self, recs, computed):
        """What the computations read, read beforehand: the new records' own columns
        and the values of the customers above the new contacts, one query each
        (reading them one field at a time goes through every module's ``read()``)."""
        parents = recs.mapped('parent_id') | recs.mapped('commercial_partner_id')
        upstream = {dep.split('.')[1] for f in computed for dep in f.depends
                    if dep.split('.')[0] in ('parent_id', 'commercial_partner_id') and '.' in dep}
        parents = parents - recs
        if parents and upstream:
            parents._read_from_database([n for n in upstream if self._fields[n].store])
        own = {dep.split('.')[0] for f in computed for dep in f.depends}
        recs._read_from_database([n for n in own if n in self._fields and self._fields[n].store
                                  and self._fields[n].column_type and not self._fields[n].compute])

    @api.model
    def _crm_batch_codes(self, recs):
        """{id: customer code} for the new customers without one, from the sequence
        (``_crm_assign_code`` takes them one by one)."""
        customers = recs.filtered(lambda p: p.is_crm_customer and not p.customer_code)
        numbers = self.env['ir.sequence'].sudo()._crm_next_many_by_code(
            'crm.customer.code', len(customers))
        return dict(zip(customers.ids, numbers))

    @api.model
    def _crm_batch_update(self, recs, columns):
        """One UPDATE of ``columns`` ({field: {id: column value}}) on ``recs``."""
        if not columns or not recs:
            return
        names = sorted(columns)
        params = []
        for rec_id in recs.ids:
            params.append(rec_id)
            params.extend(columns[name].get(rec_id) for name in names)
        row = '(%s)' % ', '.join(['%s'] * (len(names) + 1))
        # a column given for some records only keeps the others' values
        casts = ', '.join(
            ('"{0}" = v."{0}"::{1}' if len(columns[n]) == len(recs) else
             '"{0}" = COALESCE(v."{0}"::{1}, "{2}"."{0}")').format(
                n, self._fields[n].column_type[1], self._table) for n in names)
        self.env.cr.execute('UPDATE "%s" SET %s FROM (VALUES %s) AS v(id, %s) WHERE "%s".id = v.id'
                            % (self._table, casts, ', '.join([row] * len(recs)),
                               ', '.join('"%s"' % n for n in names), self._table), params)

    # ------------------------------------------------------------------ constraints, batched
    @api.multi
    def _check_recursion(self, parent=None):
        """Odoo's check follows each record's parents one query a step (two queries a
        contact): for many records, one recursive query follows them all."""
        if len(self) < 2 or (parent or self._parent_name) != 'parent_id':
            return super(ResPartner, self)._check_recursion(parent)
        self.env.cr.execute("""
            WITH RECURSIVE chain(start, cur, depth) AS (
                SELECT id, parent_id, 1 FROM res_partner WHERE id IN %s
              UNION ALL
                SELECT c.start, p.parent_id, c.depth + 1
                  FROM chain c JOIN res_partner p ON p.id = c.cur
                 WHERE c.cur != c.start AND c.depth < 1000)
            SELECT 1 FROM chain WHERE cur = start OR depth >= 1000 LIMIT 1""", (tuple(self.ids),))
        return not self.env.cr.fetchone()
