# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

from ..grant import grant, granted
from .crm_guard import export_rows_masked


class CrmGuardMixin(models.AbstractModel):
    """Checks of ``create`` / ``write`` / ``copy`` of a CRM model, whoever calls them:

    * fields only actions may change (``_crm_action_fields()``) are refused unless the
      environment is privileged (``crm_guard_action.py``); ``default_<field>`` of the
      context never fills them;
    * records pointed at (``_crm_target_fields()``: {field: 'write' | 'read'}) must be
      ones the user may work on / read, attachments ones they may read;
    * a model naming ``_crm_owner_team_fields`` (owner field, team field) is filed
      under a team of its owner (``res.users._crm_may_use_team``);
    * fields naming who filed the record (``_crm_author_fields()``: the author of a
      report, the publisher of a notice) may name only the current user on ``create``
      and never change on ``write``. Unlike action-only fields they keep their
      ``default_<field>`` (names such as ``user_id`` are ones other models let users
      choose: action-only names are refused as defaults for every model).

    A layer of a model that itself puts action-only fields into ``vals`` passes them
    with ``grant(self, 'action_write')`` after checking the caller's values."""
    _name = 'crm.guard.mixin'
    _description = 'CRM Input Checks (model)'
    _crm_owner_team_fields = None

    def _crm_action_fields(self):
        return ()

    def _crm_target_fields(self):
        return {}

    def _crm_author_fields(self):
        return ()

    def _crm_check_author_fields(self, vals, creating):
        names = [n for n in self._crm_author_fields() if n in vals]
        if creating:
            wrong = [n for n in names if vals[n] and vals[n] != self.env.uid]
        else:
            wrong = [n for n in names
                     if any(rec[n].id != vals[n] for rec in self.sudo())]
        if wrong:
            labels = _(', ').join(self._fields[n].get_description(self.env)['string']
                                  for n in wrong)
            raise AccessError(_('%s is who files the record: it is you when you create it, '
                                'and it does not change afterwards.') % labels)

    @api.model
    def _crm_guard_vals(self, vals):
        Guard = self.env['crm.guard']
        Guard._check_targets(self._name, vals)
        Guard._check_attachments(self._name, vals)

    @api.model
    def _crm_guard_vals_many(self, vals_list):
        """``_crm_guard_vals`` for many records' values at once."""
        Guard = self.env['crm.guard']
        Guard._check_targets_many(self._name, vals_list)
        for vals in vals_list:
            Guard._check_attachments(self._name, vals)

    def _crm_guard_unprivileged(self, vals, creating):
        Guard = self.env['crm.guard']
        Guard._check_action_fields(self, vals, creating=creating)
        self._crm_check_author_fields(vals, creating)
        if self._crm_owner_team_fields:
            Guard._check_owner_team(self, vals)

    @api.model
    def _crm_guard_unprivileged_many(self, vals_list):
        """``_crm_guard_unprivileged`` for many new records' values (``create`` of each):
        the owner's team is checked once for each (owner, team) the rows name."""
        Guard = self.env['crm.guard']
        seen = set()
        for vals in vals_list:
            Guard._check_action_fields(self, vals, creating=True)
            self._crm_check_author_fields(vals, creating=True)
            if self._crm_owner_team_fields:
                key = tuple((name in vals, repr(vals.get(name)))
                            for name in self._crm_owner_team_fields)
                if key not in seen:
                    seen.add(key)
                    Guard._check_owner_team(self, vals)

    def _crm_own_values(self, vals, creating=False, **own):
        """``(records, vals)`` for a layer of ``create`` / ``write`` that fills action-only
        fields itself (``own``: {field: value}, e.g. a timestamp): the caller's ``vals``
        are checked first, then ``self`` is granted to pass exactly those fields."""
        Guard = self.env['crm.guard']
        Guard._check_action_fields(self, vals, creating=creating)
        mine = dict(granted(self, 'own_values') or {})
        mine[self._name] = tuple(set(mine.get(self._name, ())) | set(own))
        return grant(self, own_values=mine), dict(vals, **own)

    @api.model
    def create(self, vals):
        Guard = self.env['crm.guard']
        if not Guard._is_privileged():
            context = Guard._clean_client_context(dict(self.env.context))
            if len(context) != len(self.env.context):
                self = self.with_context(context)
            self._crm_guard_unprivileged(vals, creating=True)
        self._crm_guard_vals(vals)
        return super(CrmGuardMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        if not self.env['crm.guard']._is_privileged():
            self._crm_guard_unprivileged(vals, creating=False)
        self._crm_guard_vals(vals)
        return super(CrmGuardMixin, self).write(vals)

    @api.multi
    @api.returns('self', lambda value: value.id)
    def copy(self, default=None):
        """A duplicate keeps the values copied from the original (its action-only
        fields included: grant ``copy_source``); ``default`` is checked like the values
        of ``create``."""
        self.ensure_one()
        default = self.env['crm.guard']._check_copy_default(self, default)
        new = super(CrmGuardMixin, grant(self, copy_source=self)).copy(default)
        return new.with_env(self.env)

    # ------------------------------------------------------------------ related values
    #: models whose records have their own CRM data scope (related fields through them
    #: are blanked for a reader who may not read the record they come from)
    _crm_scoped_targets = ('res.partner', 'crm.lead')
    _crm_guard_related = True

    @api.model
    def _crm_guarded_related_fields(self, names=None):
        """{field: first hop} of the related fields reaching into a scoped record."""
        found = {}
        for name, field in self._fields.items():
            if names is not None and name not in names:
                continue
            related = field.related
            if not related or len(related) < 2:
                continue
            hop = self._fields.get(related[0])
            if hop is not None and hop.type == 'many2one' and \
                    hop.comodel_name in self._crm_scoped_targets:
                found[name] = related[0]
        return found

    def _crm_hidden_related(self, names=None):
        """{record id: {field names}} of related values the current user may not see:
        Odoo reads related fields as superuser, so an opportunity would show the e-mail of
        a customer the reader may not read."""
        if not self._crm_guard_related or self.env.uid == SUPERUSER_ID or not self:
            return {}
        guarded = self._crm_guarded_related_fields(names)
        if not guarded:
            return {}
        targets = {}
        for rec in self.sudo():
            for fname, hop in guarded.items():
                target = rec[hop]
                if target:
                    targets.setdefault((target._name, target.id), []).append((rec.id, fname))
        hidden = {}
        by_model = {}
        for model, target_id in targets:
            by_model.setdefault(model, set()).add(target_id)
        for model, ids in by_model.items():
            visible = set(self.env[model].with_context(active_test=False).search(
                [('id', 'in', list(ids))]).ids)
            for target_id in ids - visible:
                for rec_id, fname in targets[(model, target_id)]:
                    hidden.setdefault(rec_id, set()).add(fname)
        return hidden

    @api.multi
    def read(self, fields=None, load='_classic_read'):
        result = super(CrmGuardMixin, self).read(fields=fields, load=load)
        hidden = self._crm_hidden_related(fields) if result else {}
        for values in result:
            for fname in hidden.get(values['id'], ()):
                values[fname] = False
        return result

    def _export_rows(self, fields, *args, **kwargs):
        names = {path[0] for path in fields if len(path) == 1}
        if not self._crm_guard_related or not self._crm_guarded_related_fields(names):
            return super(CrmGuardMixin, self)._export_rows(fields, *args, **kwargs)
        hidden = self._crm_hidden_related(names)
        masks = {rec_id: [i for i, path in enumerate(fields)
                          if len(path) == 1 and path[0] in fnames]
                 for rec_id, fnames in hidden.items()}
        return export_rows_masked(
            self, lambda recs: super(CrmGuardMixin, recs)._export_rows(fields, *args, **kwargs),
            masks, False)

    @api.multi
    def _crm_check_target_access(self, mode, source, field):
        """Raise an AccessError unless the current user may ``mode`` ('read'/'write')
        these records (pointed at by ``field`` of a ``source`` record)."""
        try:
            self.check_access_rights(mode)
            self.check_access_rule(mode)
            return
        except AccessError:
            pass   # name the first record refused
        for record in self:
            try:
                record.check_access_rights(mode)
                record.check_access_rule(mode)
            except AccessError:
                raise AccessError(_('"%s" is not yours to work on, so you cannot link a %s '
                                    'to it (its owner may share it with you for writing).')
                                  % (record.sudo().display_name, source))
