# -*- coding: utf-8 -*-
"""Validation at the boundary: every public method, ``create`` and ``write`` of the CRM
checks what it is given before anything is written, and answers bad input with a
``UserError`` / ``AccessError`` in the caller's language instead of a traceback.

``crm.guard`` holds the checks (argument parsers for public methods, the vals checker
used by the RPC boundary in ``rpc_guard.py``, the target and attachment checks, the
action-only fields). ``crm.guard.mixin`` plugs the model-level checks into a model's
``create`` / ``write``; ``res.partner``, ``crm.lead``, ``crm.follow.up`` and every model
of the modules that follow inherit it.
"""
import datetime
import math

from odoo import _, api, models
from odoo.exceptions import AccessError, MissingError, UserError


MAX_CHAR = 4096
MAX_TEXT = 100000
MAX_REASON = 2000
MAX_NUMBER = 1e15
INT_MAX = 2 ** 31 - 1


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def export_rows_masked(records, export, masks, value):
    """Export ``records`` with ``export(recordset)`` (the overridden ``_export_rows``),
    replacing in the first line of each record of ``masks`` ({id: column indexes}) the
    non-empty cells of those columns by ``value``. Export reads values directly, not
    through ``read()``; only a record's first line holds its own values, so masked records
    are exported one by one and the others in runs."""
    lines, run = [], []
    for record in records:
        if record.id not in masks:
            run.append(record.id)
            continue
        if run:
            lines.extend(export(records.browse(run)))
            run = []
        rows = export(record)
        for i in masks[record.id]:
            if rows and rows[0][i]:
                rows[0][i] = value
        lines.extend(rows)
    if run:
        lines.extend(export(records.browse(run)))
    return lines


class CrmGuard(models.AbstractModel):
    _name = 'crm.guard'
    _description = 'CRM Input Checks'

    # ------------------------------------------------------------------ arguments
    @api.model
    def _arg_id(self, value, what, required=True):
        """An integer id from an argument (int, numeric string or [id, name]); False when
        empty and not required."""
        if isinstance(value, (list, tuple)) and len(value) in (1, 2) and _is_int(value[0]):
            value = value[0]
        if isinstance(value, str) and value.strip().isdigit() and len(value) < 11:
            value = int(value)
        if value in (False, None, 0, '') and not isinstance(value, float):
            if required:
                raise UserError(_('Choose %s.') % what)
            return False
        if not _is_int(value) or value <= 0 or value > INT_MAX:
            raise UserError(_('"%s" is not a valid choice for %s.') % (
                self._short(value), what))
        return value

    @api.model
    def _arg_record(self, model, value, what, required=True):
        """The existing record of ``model`` (sudo) an argument designates."""
        record_id = self._arg_id(value, what, required=required)
        if not record_id:
            return self.env[model].sudo().browse()
        record = self.env[model].sudo().with_context(active_test=False).browse(record_id).exists()
        if not record:
            raise UserError(_('The chosen %s does not exist (any more).') % what)
        return record

    @api.model
    def _arg_ids(self, value, what):
        """A list of ids (a single id is accepted too)."""
        if _is_int(value) or isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            raise UserError(_('"%s" is not a valid choice for %s.') % (self._short(value), what))
        return [self._arg_id(v, what) for v in value]

    @api.model
    def _arg_text(self, value, what, required=True, max_len=MAX_REASON):
        """Free text from an argument: stripped, at most ``max_len`` characters."""
        if value in (False, None):
            value = ''
        if not isinstance(value, str):
            raise UserError(_('%s must be text.') % what)
        value = value.strip()
        if required and not value:
            raise UserError(_('Please enter %s.') % what)
        if len(value) > max_len:
            raise UserError(_('%s is too long: at most %d characters (got %d).')
                            % (what, max_len, len(value)))
        return value

    @api.model
    def _arg_choice(self, value, choices, what):
        if not isinstance(value, str) or value not in choices:
            raise UserError(_('"%s" is not a valid choice for %s: use %s.') % (
                self._short(value), what, _(', ').join(choices)))
        return value

    @api.model
    def _arg_datetime(self, value, what, date_only=False):
        """A date / datetime string ("2026-12-01" / "2026-12-01 08:00:00") -> date /
        datetime; a clear error for anything else."""
        parsed = None
        if isinstance(value, str) and 8 <= len(value.strip()) <= 26:
            text = value.strip()
            for fmt in (('%Y-%m-%d',) if date_only else
                        ('%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d')):
                try:
                    parsed = datetime.datetime.strptime(text[:19] if 'S' in fmt else text, fmt)
                    break
                except ValueError:
                    continue
        if parsed is None or not 1900 <= parsed.year <= 2999:
            example = '2026-12-01' if date_only else '2026-12-01 08:00:00'
            raise UserError(_('"%s" is not a valid %s (expected for example %s).')
                            % (self._short(value), what, example))
        return parsed.date() if date_only else parsed

    @api.model
    def _short(self, value):
        text = '%s' % (value,)
        return text if len(text) <= 40 else text[:37] + '...'

    # ------------------------------------------------------------------ RPC boundary
    @api.model
    def _raise_bad_call(self, method, detail):
        raise UserError(_('The call of "%s" is malformed (%s): check the arguments against '
                          'the method described in the module README.') % (
                              self._short(method), self._short(detail)))

    @api.model
    def _check_rpc_ids(self, ids):
        if _is_int(ids):
            ids = [ids]
        if not isinstance(ids, (list, tuple)) or not all(_is_int(i) and 0 < i <= INT_MAX
                                                         for i in ids):
            raise UserError(_('"%s" are not valid record ids: give a list of numbers.')
                            % self._short(ids))

    @api.model
    def _check_ids_exist(self, records, ids):
        ids = [ids] if _is_int(ids) else list(ids)
        found = records.browse(ids).exists()
        if len(found) != len(set(ids)):
            raise MissingError(_('The record you are working on does not exist any more '
                                 '(it may have been deleted): refresh the page.'))

    @api.model
    def _raise_integrity_error(self):
        raise UserError(_('The record could not be saved: a required value is missing, or it '
                          'refers to a record that does not exist (any more).'))

    @api.model
    def _check_load_fields(self, model, field_paths):
        """Import: the columns may not name fields only actions may change."""
        if self._is_privileged() or not isinstance(field_paths, (list, tuple)):
            return
        Model = self.env[model]
        action = set(Model._crm_action_fields()) if hasattr(Model, '_crm_action_fields') else set()
        names = {str(path).split('/')[0].split(':')[0].split('.')[0] for path in field_paths}
        hit = sorted(names & action)
        if hit:
            raise AccessError(_('%s cannot be imported: only the corresponding buttons '
                                '(actions) change them.') % _(', ').join(
                                    self._field_label(Model._fields[n]) for n in hit))

    @api.model
    def _check_vals(self, model, vals, depth=0, records=None):
        """Check ``vals`` of ``create`` / ``write`` (of ``records``) on ``model`` before
        the ORM sees them: unknown fields, wrong types, ids that do not exist, numbers out
        of range, unknown selection values, text too long, malformed x2many commands, and
        fields only actions may change."""
        if not isinstance(vals, dict):
            raise UserError(_('The values to save must be a dictionary of field names.'))
        Model = self.env[model]
        for name, value in vals.items():
            field = Model._fields.get(name) if isinstance(name, str) else None
            if field is None:
                raise UserError(_('"%s" has no field "%s".') % (
                    self._model_label(Model), self._short(name)))
            self._check_value(field, value, depth)
        if hasattr(Model, '_crm_action_fields'):
            self._check_action_fields(records if records is not None else Model, vals,
                                      creating=records is None)

    def _field_label(self, field):
        return '"%s"' % (field._description_string(self.env) or field.name)

    def _check_value(self, field, value, depth):
        label = self._field_label(field)
        ftype = field.type
        if value is None:
            return
        bad = lambda: UserError(_('%s: "%s" is not a valid value.') % (label, self._short(value)))
        if ftype == 'many2one':
            if value is False:
                return
            if isinstance(value, (list, tuple)) and len(value) == 2 and _is_int(value[0]):
                value = value[0]
            if not _is_int(value) or value <= 0 or value > INT_MAX:
                raise bad()
            if not self.env[field.comodel_name].sudo().with_context(active_test=False).browse(
                    value).exists():
                raise UserError(_('%s: the chosen record does not exist (any more).') % label)
        elif ftype == 'integer':
            if value is False:
                return
            if not _is_int(value) or abs(value) > INT_MAX:
                raise bad()
        elif ftype in ('float', 'monetary'):
            if value is False:
                return
            if not isinstance(value, (int, float)) or isinstance(value, bool) or \
                    math.isnan(value) or math.isinf(value) or abs(value) > MAX_NUMBER:
                raise bad()
        elif ftype == 'boolean':
            if not isinstance(value, (bool, int)):
                raise bad()
        elif ftype == 'selection':
            if value is False or value == '':
                return
            allowed = [k for k, _v in field._description_selection(self.env)]
            if isinstance(value, (list, dict)) or value not in allowed:
                raise UserError(_('%s: "%s" is not one of the allowed values (%s).') % (
                    label, self._short(value), _(', ').join(str(a) for a in allowed)))
        elif ftype in ('char', 'text', 'html', 'date', 'datetime', 'reference'):
            if value is False or value == '':
                return
            if not isinstance(value, str):
                raise bad()
            limit = (field.size or MAX_CHAR) if ftype in ('char', 'reference') else \
                (MAX_TEXT if ftype == 'text' else MAX_TEXT * 10)
            if len(value) > limit:
                raise UserError(_('%s is too long: at most %d characters (got %d).')
                                % (label, limit, len(value)))
            if ftype in ('date', 'datetime'):
                self._arg_datetime(value, label, date_only=(ftype == 'date'))
        elif ftype in ('many2many', 'one2many'):
            self._check_commands(field, value, depth)

    def _check_commands(self, field, value, depth):
        label = self._field_label(field)
        if value is False:
            return
        if not isinstance(value, (list, tuple)):
            raise UserError(_('%s: expected a list of commands.') % label)
        comodel = self.env[field.comodel_name].sudo().with_context(active_test=False)

        def check_ids(ids):
            if not isinstance(ids, (list, tuple)) or not all(_is_int(i) and 0 < i <= INT_MAX
                                                             for i in ids):
                raise UserError(_('%s: expected a list of record ids.') % label)
            if len(comodel.browse(list(ids)).exists()) != len(set(ids)):
                raise UserError(_('%s: some of the chosen records do not exist.') % label)

        if all(_is_int(v) for v in value):
            return check_ids(value)
        for command in value:
            if not isinstance(command, (list, tuple)) or not command or \
                    not _is_int(command[0]) or not 0 <= command[0] <= 6:
                raise UserError(_('%s: "%s" is not a valid command.') % (label, self._short(command)))
            code = command[0]
            if code in (0, 1) and (len(command) < 3 or not isinstance(command[2], dict)):
                raise UserError(_('%s: "%s" is not a valid command.') % (label, self._short(command)))
            if code in (1, 2, 3, 4):
                if len(command) < 2:
                    raise UserError(_('%s: "%s" is not a valid command.') % (label, self._short(command)))
                check_ids([command[1]])
            if code in (0, 1) and depth < 2:
                self._check_vals(field.comodel_name, command[2], depth + 1,
                                 records=comodel.browse(command[1]) if code == 1 else None)
            if code == 6:
                if len(command) < 3:
                    raise UserError(_('%s: "%s" is not a valid command.') % (label, self._short(command)))
                check_ids(command[2] or [])

    # ------------------------------------------------------------------ model-level checks
    @api.model
    def _check_targets(self, model, vals):
        """Creating or editing a record that points at a customer, contact, lead or
        opportunity needs the right to work on that target, not only to name it:
        ``model._crm_target_fields()`` maps field -> 'write' or 'read'."""
        self._check_targets_many(model, [vals])

    @api.model
    def _check_targets_many(self, model, vals_list):
        """``_check_targets`` for the values of many records at once (imports): each
        field's targets, all rows together, checked once."""
        if self._is_privileged():
            return
        Model = self.env[model]
        for name, mode in Model._crm_target_fields().items():
            field = Model._fields[name]
            ids = set()
            for vals in vals_list:
                if vals.get(name):
                    ids.update(i for i in (self._command_ids(vals[name]) if field.type in (
                        'many2many', 'one2many') else [vals[name]]) if _is_int(i))
            targets = self.env[field.comodel_name].browse(sorted(ids)).exists()
            if targets:
                targets._crm_check_target_access(mode, self._model_label(Model), field)

    @api.model
    def _command_ids(self, commands):
        """Ids added by x2many ``commands`` (4 and 6; 0 creates, checked by its own rules)."""
        ids = []
        for command in commands or []:
            if _is_int(command):
                ids.append(command)
            elif isinstance(command, (list, tuple)) and command:
                if command[0] == 4 and len(command) > 1:
                    ids.append(command[1])
                elif command[0] == 6 and len(command) > 2:
                    ids.extend(command[2] or [])
        return ids

    @api.model
    def _check_attachments(self, model, vals):
        """Attachment fields accept only attachments the user may already read: attached
        to a record they can read, or an unattached upload of their own (another user's
        unattached upload would otherwise move onto this record)."""
        if self._is_privileged():
            return
        Model = self.env[model]
        for name, field in Model._fields.items():
            if name not in vals or field.type not in ('many2many', 'one2many') or \
                    field.comodel_name != 'ir.attachment':
                continue
            ids = [i for i in self._command_ids(vals[name]) if _is_int(i)]
            for att in self.env['ir.attachment'].sudo().browse(ids).exists():
                if not att.res_id or not att.res_model:
                    if att.create_uid.id != self.env.uid:
                        raise AccessError(_('The file "%s" was uploaded by someone else: '
                                            'upload your own copy.') % att.name)
                    continue
                try:
                    att.sudo(self.env.uid).check('read')
                except AccessError:
                    raise AccessError(_('You cannot use the file "%s": it belongs to a record '
                                        'you may not read.') % att.name)
