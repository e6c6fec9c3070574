# -*- coding: utf-8 -*-
"""Fields only actions may change, enforced by the ORM on every path.

A model of ``crm.guard.mixin`` names them in ``_crm_action_fields()``. ``create``,
``write`` and ``copy`` refuse them unless the environment is privileged (the superuser
or an action that granted itself ``action_write``, see ``crm_sales/grant.py``):
whatever reaches those methods (XML-RPC, JSON-RPC, the web client, ``copy()`` values,
``message_new`` / ``message_update`` values, import) is checked. ``default_<field>``
keys of the context never fill them: the RPC boundary drops them, and ``create``
ignores them.
"""
from odoo import SUPERUSER_ID, _, api, models, tools
from odoo.exceptions import AccessError

from ..grant import granted, privileged
from .crm_scope_mixin import SCOPE_FIELDS

SEQUENCE_DATE_KEYS = ('ir_sequence_date', 'ir_sequence_date_range')


def _is_empty(value):
    """A write value that sets nothing: False, '', 0, an empty list or x2many commands
    that link nothing."""
    if not value:
        return True
    if isinstance(value, (list, tuple)):
        return all(isinstance(c, (list, tuple)) and c and (
            c[0] == 5 or (c[0] == 6 and not (c[2] if len(c) > 2 else None))) for c in value)
    return False


class CrmGuard(models.AbstractModel):
    _inherit = 'crm.guard'

    @api.model
    def _is_privileged(self):
        """The superuser, or an action that granted itself ``action_write``: nothing a
        client sends makes this true."""
        return privileged(self)

    @api.model
    def action_fields_map(self):
        """{model: [field names]} of the fields only actions may change, per model
        (documentation for integrators and the fuzz suite; changes nothing)."""
        return {name: sorted(fields_) for name, fields_ in self._action_fields_by_model().items()}

    @tools.ormcache()
    def _action_fields_by_model(self):
        result = {}
        for name in self.env.registry:
            Model = self.env[name]
            if Model._abstract or not hasattr(Model, '_crm_action_fields'):
                continue
            names = tuple(Model._crm_action_fields())
            if names:
                result[name] = names
        return result

    @tools.ormcache()
    def _forbidden_default_names(self):
        """Field names whose ``default_<name>`` a client may not send: every action-only
        field of every model, the data-scope fields, and what modules add in
        ``_crm_forbidden_defaults``."""
        names = set(SCOPE_FIELDS)
        for fields_ in self._action_fields_by_model().values():
            names.update(fields_)
        names.update(self._crm_forbidden_defaults())
        return frozenset(names)

    @api.model
    def _crm_forbidden_defaults(self):
        """Extension point: other field names no client-sent default may fill (e.g. the
        status of an approval review)."""
        return set()

    @api.model
    def _clean_client_context(self, context):
        """``context`` without the defaults no client may send (see
        ``_forbidden_default_names``), nor a ``force_company`` that is not one of the
        user's companies, nor the date a sequence numbers for."""
        if not isinstance(context, dict):
            return context
        forbidden = self._forbidden_default_names()
        clean = {k: v for k, v in context.items()
                 if not (isinstance(k, str) and k.startswith('default_')
                         and k[8:] in forbidden)}
        if 'force_company' in clean and not self._is_own_company(clean['force_company']):
            del clean['force_company']   # computes and sequences of a company not one's own
        for key in SEQUENCE_DATE_KEYS:
            # the day a number is dated: a client would backdate contract and quote numbers
            # (or crash the sequence with a value that is no date)
            clean.pop(key, None)
        return clean

    @api.model
    def _is_own_company(self, value):
        """True if ``value`` is the id of one of the current user's companies."""
        return isinstance(value, int) and not isinstance(value, bool) and \
            value in self.env['res.users'].sudo().browse(self.env.uid).company_ids.ids

    @api.model
    def _check_mail_gateway_call(self, method):
        """``message_new`` / ``message_update`` / ``message_process``... make records from
        an incoming e-mail: over RPC they are for the mail gateway's account (a system
        administrator), not for users, who use ``create`` / ``write``."""
        if not self.env.user._is_superuser() and not self.env.user.has_group('base.group_system'):
            raise AccessError(_('"%s" is for incoming e-mail only (the mail gateway): use '
                                'create / write instead.') % method)

    @api.model
    def _plain_default(self, records, name):
        """The field's own default (never a ``default_<name>`` of the context, nor a
        user-set default), in write format."""
        field = records._fields[name]
        if not field.default:
            return False
        empty = records.browse()
        value = field.convert_to_cache(field.default(empty), empty, validate=False)
        return field.convert_to_write(field.convert_to_record(value, empty), empty)

    @api.model
    def _check_action_fields(self, records, vals, creating=False):
        """Refuse ``vals`` setting fields only actions may change on ``records`` (the
        model when ``creating``): on create a value equal to the field's own default
        passes (the web client sends the form's defaults), and so does, in a copy
        (grant ``copy_source``), the duplicated record's value of a field copied; on
        write an unchanged value passes."""
        if self._is_privileged() or not isinstance(vals, dict):
            return
        own = (granted(self, 'own_values') or {}).get(records._name, ())
        names = [n for n in records._crm_action_fields() if n in vals and n not in own]
        if not names:
            return
        if creating:
            names = [n for n in names if not self._allowed_on_create(records, n, vals[n])]
        else:
            names = [n for n in names if any(
                records._fields[n].convert_to_write(rec[n], rec) != vals[n]
                and not (not rec[n] and _is_empty(vals[n])) for rec in records.sudo())]
        if names:
            labels = _(', ').join(self._field_label(records._fields[n]) for n in names)
            raise AccessError(_('%s cannot be changed directly: use the corresponding '
                                'button (action) instead.') % labels)

    def _allowed_on_create(self, records, name, value):
        if _is_empty(value):
            return True
        if value == self._plain_default(records, name):
            return True
        source = granted(self, 'copy_source')
        field = records._fields[name]
        if source is not None and source._name == records._name and field.copy:
            return any(field.convert_to_write(rec[name], rec) == value for rec in source.sudo())
        return False

    @api.model
    def _check_copy_default(self, records, default):
        """``copy(default)``: a dictionary of values checked like those of ``create``
        (fields only actions may change refused unless equal to the field's own
        default)."""
        if default is None:
            return None
        if not isinstance(default, dict):
            self._raise_bad_call('copy', 'default')
        self._check_vals(records._name, default)
        return default

    @api.model
    def _check_owner_team(self, records, vals):
        """A record filed under a sales team (``records._crm_owner_team_fields``:
        (owner field, team field)) goes to a team its owner belongs to (member or
        leader): whoever approves or reads it by team follows from the owner. A sales
        manager may file it under any team."""
        owner_field, team_field = records._crm_owner_team_fields
        if self._is_privileged() or self.env.uid == SUPERUSER_ID:
            return
        if team_field in vals:
            team_id = vals[team_field]
        elif not records and 'default_%s' % team_field in self.env.context:
            team_id = self.env.context['default_%s' % team_field]
        else:
            return
        if isinstance(team_id, (list, tuple)) and team_id:
            team_id = team_id[0]
        if not team_id or not isinstance(team_id, int):
            return
        team = self.env['crm.team'].sudo().browse(team_id).exists()
        user = self.env.user
        for rec in (records.sudo() or [None]):
            if rec is not None and rec[team_field].id == team_id:
                continue
            owner_id = vals.get(owner_field) if owner_field in vals else (
                rec[owner_field].id if rec is not None else user.id)
            owner = self.env['res.users'].sudo().browse(owner_id or user.id)
            if not user._crm_may_use_team(team, owner):
                raise AccessError(_('"%s" is not a team of %s: a record is filed under its '
                                    'owner\'s team (a sales manager may choose another).')
                                  % (team.display_name, owner.name))
