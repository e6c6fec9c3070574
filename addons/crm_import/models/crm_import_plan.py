# -*- coding: utf-8 -*-
"""The preview: each row of a file becomes a planned action (create, update, skip) or a
list of errors, checked as the importing user: the owner and team rules of crm_sales,
duplicates of existing records (skip or update), values of the right type."""
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.crm_sales.models.res_partner import normalize_name, normalize_phone

from .crm_import_columns import norm


class CrmImportPlan(models.AbstractModel):
    _name = 'crm.import.plan'
    _description = 'CRM Import Preview'

    @api.model
    def _check_kind_allowed(self, kind):
        """``AccessError`` when the user may not import ``kind`` at all."""
        user = self.env.user
        user._crm_check_can_act()
        model = self.env[self.env['crm.import.columns']._kind_model(kind)]
        if not model.check_access_rights('create', raise_exception=False):
            raise AccessError(_('You may not create %s, so you cannot import them.')
                              % self.env['ir.model']._get(model._name).name)
        return True

    @api.model
    def _plan(self, kind, header, rows, duplicate_mode='skip'):
        """[item] for the rows [(line, cells)]: item = {'row', 'cells', 'action'
        ('create' / 'update' / 'skip' / 'error'), 'target' (record id to update or
        skipped), 'vals', 'contact' (the customer's primary contact), 'owner' (new owner
        of an updated customer), 'errors' [text], 'note' (text)}."""
        Columns = self.env['crm.import.columns']
        Reader = self.env['crm.import.reader']
        keys = Columns._match_header(kind, header)
        columns = {c['key']: c for c in Columns._columns(kind)}
        labels = Columns._labels(kind)
        missing = [labels[k] for k, c in columns.items() if c['required'] and k not in keys]
        if missing:
            raise UserError(_('The file has no column %s: fill in the template downloaded '
                              'from this screen.') % _('、').join('「%s」' % m for m in missing))
        tables = Columns._lookup_tables(kind)
        selections = {}
        main = self.env[Columns._kind_model(kind)]
        items = []
        for line, cells in rows:
            item = {'row': line, 'cells': [Reader._cell_text(c) for c in cells], 'errors': [],
                    'vals': {}, 'contact': {}, 'raw': {}, 'action': 'create', 'target': False,
                    'owner': False, 'note': ''}
            for idx, key in enumerate(keys):
                if key is None or idx >= len(cells) or not Reader._present(cells[idx]):
                    continue
                column = columns[key]
                if key == 'parent_id':
                    item['raw'][key] = Reader._cell_text(cells[idx]).strip()
                    continue
                model = column['model'] or main._name
                field = self.env[model]._fields[column['field']]
                value, error = Columns._convert(field, cells[idx], labels[key], tables,
                                                selections, model)
                if error:
                    item['errors'].append(error)
                    continue
                (item['contact'] if column['model'] else item['vals'])[column['field']] = value
            for key, column in columns.items():
                present = item['raw'].get(key) if key == 'parent_id' else \
                    (item['contact'] if column['model'] else item['vals']).get(column['field'])
                if column['required'] and not present and not any(
                        '「%s」' % labels[key] in e for e in item['errors']):
                    item['errors'].append(_('「%s」 is required.') % labels[key])
            items.append(item)
        getattr(self, '_plan_%s' % kind)(items, duplicate_mode)
        for item in items:
            if item['errors']:
                item['action'] = 'error'
        return items

    # ------------------------------------------------------------------ owners
    @api.model
    def _may_give_to(self, owner):
        """True when the importing user may give a record to ``owner``: herself; a
        leader the members of the teams in her scope; a sales manager anyone."""
        user = self.env.user
        if owner == user or user._crm_scope_level() == 'all':
            return True
        return bool(owner.sale_team_id) and owner.sale_team_id in user.crm_led_team_ids

    @api.model
    def _plan_owner(self, item):
        """Owner and team of a new record (row's or the importer's), with errors."""
        vals = item['vals']
        item['owner_given'] = bool(vals.get('user_id'))
        Users = self.env['res.users'].sudo()
        owner = Users.browse(vals.get('user_id') or self.env.uid)
        if vals.get('user_id') and not self._may_give_to(owner):
            item['errors'].append(_('You may not give records to %s: a salesperson imports '
                                    'her own records, a leader those of her teams.') % owner.name)
            return owner
        team = self.env['crm.team'].sudo().browse(vals.get('team_id'))
        if team and not self.env.user._crm_may_use_team(team, owner):
            item['errors'].append(_('"%s" is not a team of %s.') % (team.name, owner.name))
        elif not team and owner.sale_team_id:
            vals['team_id'] = owner.sale_team_id.id
        vals['user_id'] = owner.id
        return owner

    @api.model
    def _in_file_duplicates(self, items, key_of, what):
        seen = {}
        for item in items:
            key = key_of(item)
            if not key or item['errors']:
                continue
            if key in seen:
                item['errors'].append(_('Same %s as row %d of this file.') % (what, seen[key]))
            else:
                seen[key] = item['row']

    @api.model
    def _plan_duplicate(self, item, target, reason, mode):
        """Skip or update ``target`` (an existing record the row duplicates)."""
        item['target'] = target.id
        if mode != 'update':
            item['action'] = 'skip'
            item['note'] = _('Skipped: %s') % reason
            return False
        try:
            target.sudo(self.env.uid).check_access_rule('write')
            target.sudo(self.env.uid).check_access_rights('write')
        except AccessError:
            item['errors'].append(_('%s, which you may not change.') % reason)
            return False
        item['action'] = 'update'
        item['note'] = _('Update: %s') % reason
        return True

    # ------------------------------------------------------------------ kinds
    @api.model
    def _plan_customer(self, items, mode):
        Partner = self.env['res.partner'].sudo().with_context(active_test=False)
        for item in items:
            item['vals'].update(is_company=True, customer=True)
            if not item['errors']:
                self._plan_owner(item)
            if item['contact'] and not item['contact'].get('name'):
                item['errors'].append(_('Give the contact\'s name, or leave every contact '
                                        'column empty.'))
        self._in_file_duplicates(items, lambda i: normalize_name(i['vals'].get('name')),
                                 _('customer name'))
        names = {normalize_name(i['vals'].get('name')) for i in items} - {False}
        by_name = {p.name_normalized: p for p in Partner.search(
            [('name_normalized', 'in', list(names)), ('is_crm_customer', '=', True)])} \
            if names else {}
        phones_of = {}
        for item in items:
            keys = {normalize_phone(v) for v in (item['vals'].get('phone'), item['vals'].get('mobile'),
                                                 item['contact'].get('phone'), item['contact'].get('mobile'))}
            phones_of[item['row']] = keys - {False}
        all_phones = set().union(*phones_of.values()) if phones_of else set()
        by_phone = {}
        if all_phones:
            for p in Partner.search(['|', ('phone_normalized', 'in', list(all_phones)),
                                     ('mobile_normalized', 'in', list(all_phones))]):
                customer = p.commercial_partner_id
                if not customer.is_crm_customer:
                    continue
                for key in (p.phone_normalized, p.mobile_normalized):
                    if key:
                        by_phone.setdefault(key, customer)
        for item in items:
            if item['errors']:
                continue
            target = by_name.get(normalize_name(item['vals'].get('name')))
            reason = None
            if target:
                reason = _('a customer named "%s" exists (owner: %s)') % (
                    target.name, target.user_id.name or _('no owner'))
            else:
                target = next((by_phone[k] for k in sorted(phones_of[item['row']]) if k in by_phone), None)
                if target:
                    reason = _('customer "%s" (owner: %s) has the same phone') % (
                        target.name, target.user_id.name or _('no owner'))
            if not target or not self._plan_duplicate(item, target, reason, mode):
                continue
            vals = item['vals']
            for name in ('name', 'is_company', 'customer'):
                vals.pop(name, None)
            owner_given = self.env['res.users'].browse(vals.pop('user_id'))
            team_given = vals.pop('team_id', False)
            if item.get('owner_given') and owner_given != target.user_id:
                user = self.env.user
                if target.user_id == user or user._crm_scope_level() == 'all' or (
                        target.team_id and target.team_id in user.crm_led_team_ids):
                    item['owner'] = owner_given.id
                else:
                    item['errors'].append(_('Only the owner of "%s", the leader of its team '
                                            'or a sales manager may give it to %s.')
                                          % (target.name, owner_given.name))
            elif team_given and team_given != target.team_id.id and \
                    self.env.user._crm_may_use_team(self.env['crm.team'].browse(team_given), target.user_id):
                vals['team_id'] = team_given
            if item['contact']:
                same = target.child_ids.filtered(
                    lambda c: normalize_name(c.name) == normalize_name(item['contact']['name']))
                item['contact_target'] = same[:1].id

    @api.model
    def _plan_contact(self, items, mode):
        raw = {i['raw'].get('parent_id') for i in items} - {None, ''}
        Partner = self.env['res.partner']
        customers = Partner.search(['|', ('name_normalized', 'in', [normalize_name(r) for r in raw]),
                                    ('customer_code', 'in', list(raw)),
                                    ('is_crm_customer', '=', True)]) if raw else Partner
        table = {}
        for customer in customers:
            try:
                customer.check_access_rule('write')
            except AccessError:
                continue
            table[normalize_name(customer.name)] = customer
            if customer.customer_code:
                table[normalize_name(customer.customer_code)] = customer
        for item in items:
            text = item['raw'].get('parent_id')
            if not text:
                continue
            customer = table.get(normalize_name(text))
            if not customer:
                item['errors'].append(_('Customer "%s" is unknown or not yours to change: '
                                        'write its name or customer code.') % text)
                continue
            item['vals'].update(parent_id=customer.id, type='contact')
        self._in_file_duplicates(
            items, lambda i: i['vals'].get('parent_id') and
            (i['vals']['parent_id'], normalize_name(i['vals'].get('name'))), _('contact of this customer'))
        for item in items:
            if item['errors']:
                continue
            customer = Partner.sudo().browse(item['vals']['parent_id'])
            phones = {normalize_phone(item['vals'].get(f)) for f in ('phone', 'mobile')} - {False}
            key = normalize_name(item['vals'].get('name'))
            target = customer.child_ids.filtered(lambda c: normalize_name(c.name) == key)[:1]
            if not target and phones:
                target = customer.child_ids.filtered(
                    lambda c: {c.phone_normalized, c.mobile_normalized} & phones)[:1]
            if target:
                reason = _('"%s" is already a contact of %s') % (target.name, customer.name)
                if self._plan_duplicate(item, target, reason, mode):
                    for name in ('name', 'parent_id', 'type'):
                        item['vals'].pop(name, None)

    @api.model
    def _plan_lead(self, items, mode):
        for item in items:
            item['vals']['type'] = 'lead'
            if not item['errors']:
                self._plan_owner(item)

    @api.model
    def _plan_product(self, items, mode):
        Product = self.env['product.template'].sudo()
        self._in_file_duplicates(items, lambda i: norm(i['vals'].get('default_code')), _('internal reference'))
        self._in_file_duplicates(items, lambda i: norm(i['vals'].get('name')), _('product name'))
        existing = Product.search([])
        by_code = {norm(p.default_code): p for p in existing if p.default_code}
        by_name = {norm(p.name): p for p in existing}
        for item in items:
            if item['errors']:
                continue
            code = norm(item['vals'].get('default_code'))
            target = (code and by_code.get(code)) or by_name.get(norm(item['vals'].get('name')))
            if target:
                reason = _('product "%s" exists') % target.display_name
                if self._plan_duplicate(item, target, reason, mode):
                    item['vals'].pop('name', None)
