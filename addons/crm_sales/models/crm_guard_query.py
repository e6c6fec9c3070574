# -*- coding: utf-8 -*-
"""The arguments of the ORM's reading methods at the RPC boundary (``rpc_guard.py``):
search filters (domains), sort orders, limits, field lists, group-bys, export columns,
``name_search`` operators and ``copy()`` defaults are checked against the model before
the ORM sees them, so that a bad request gets a ``UserError`` in the caller's language
instead of a traceback. Also: numbers within bounds and names not blank, whatever path
the values come by (``default_<field>`` of the context, imported rows)."""
import math
import re

from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.models import fix_import_export_id_paths
from odoo.osv import expression
from odoo.tools import pycompat

from .crm_guard import INT_MAX, MAX_NUMBER, _is_int

#: parameters of the ORM's methods, by name, and what each holds
QUERY_PARAMS = {
    'search': {'args': 'domain', 'offset': 'offset', 'limit': 'limit', 'order': 'order'},
    'search_count': {'args': 'domain'},
    'search_read': {'domain': 'domain', 'fields': 'fields', 'offset': 'offset',
                    'limit': 'limit', 'order': 'order'},
    'read_group': {'domain': 'domain', 'fields': 'fields', 'offset': 'offset',
                   'limit': 'limit'},
    'name_search': {'name': 'name', 'args': 'domain', 'operator': 'name_operator',
                    'limit': 'limit'},
    'read': {'fields': 'fields'},
    'export_data': {'fields_to_export': 'export_fields'},
}
DOMAIN_OPERATORS = expression.DOMAIN_OPERATORS
TERM_OPERATORS = expression.TERM_OPERATORS + ('<>',)
LIKE_OPERATORS = ('like', 'not like', 'ilike', 'not ilike', '=like', '=ilike')
HIERARCHY_OPERATORS = ('child_of', 'parent_of')
NAME_SEARCH_OPERATORS = ('=', '!=', '=?') + LIKE_OPERATORS
GRANULARITIES = ('day', 'week', 'month', 'quarter', 'year')
RELATIONAL = ('many2one', 'one2many', 'many2many')
NUMERIC = ('integer', 'float', 'monetary')
ORDER_PART = re.compile(r'^\s*"?([a-z0-9_]+)"?(?::([a-z]+))?(?:\s+(asc|desc))?\s*$', re.I)
MAX_DOMAIN = 10000


def _is_scalar(value):
    return value is None or isinstance(value, (bool, int, float) + pycompat.string_types)


class CrmGuard(models.AbstractModel):
    _inherit = 'crm.guard'

    # ------------------------------------------------------------------ dispatch
    @api.model
    def _check_query_args(self, model, method, arguments):
        """Check the bound ``arguments`` ({parameter: value}) of a call of ``method`` on
        ``model`` (a recordset) for the parameters the ORM reads as queries."""
        for param, kind in QUERY_PARAMS.get(method, {}).items():
            if param in arguments:
                getattr(self, '_check_query_' + kind)(model, arguments[param])
        if method == 'read_group':
            self._check_query_groupby(model, arguments.get('groupby'), arguments.get('fields'),
                                      lazy=arguments.get('lazy', True))
            self._check_query_order(model, arguments.get('orderby'), grouped=True)
        elif method == 'copy':
            self._check_query_copy_default(model, arguments.get('default'))
        elif method == 'name_create' and model._rec_name:
            self._check_blank_names(model._name, {model._rec_name: arguments.get('name')})

    @api.model
    def _model_label(self, model):
        """The model's name in the user's language (合同, not Contract)."""
        lang = self.env.lang or self.env.user.lang
        return (self.env['ir.model'].sudo().with_context(lang=lang)._get(model._name).name
                or model._description)

    # ------------------------------------------------------------------ domains
    @api.model
    def _check_query_domain(self, model, domain):
        if domain is None or domain is False:
            return
        if not isinstance(domain, (list, tuple)) or len(domain) > MAX_DOMAIN:
            raise UserError(_('The search filter must be a list of conditions such as '
                              '[["name", "ilike", "abc"]] (got "%s").') % self._short(domain))
        expected = 1
        for token in domain:
            if expected == 0:       # [A, B] means [&, A, B]
                expected = 1
            if isinstance(token, pycompat.string_types) and token in DOMAIN_OPERATORS:
                expected += 0 if token == '!' else 1
                continue
            self._check_query_leaf(model, token)
            expected -= 1
        if domain and expected != 0:
            raise UserError(_('The search filter is incomplete: "&" and "|" join the two '
                              'conditions after them, "!" negates the one after it.'))

    def _raise_bad_leaf(self, leaf):
        raise UserError(_('"%s" is not a valid search condition: write [field, operator, '
                          'value], conditions joined by "&", "|" or "!".') % self._short(leaf))

    @api.model
    def _check_query_leaf(self, model, leaf):
        if not isinstance(leaf, (list, tuple)) or len(leaf) != 3:
            self._raise_bad_leaf(leaf)
        left, operator, right = leaf
        if tuple(leaf) in (expression.TRUE_LEAF, expression.FALSE_LEAF):
            return
        if not isinstance(left, pycompat.string_types) or not left:
            self._raise_bad_leaf(leaf)
        if not isinstance(operator, pycompat.string_types) or operator not in TERM_OPERATORS:
            raise UserError(_('"%s" is not a valid operator in a search condition: use one '
                              'of %s.') % (self._short(operator), ' '.join(TERM_OPERATORS[:-1])))
        field = self._query_path_field(model, left)
        self._check_query_value(field, operator, right)

    @api.model
    def _query_path_field(self, model, path, separator='.', searching=True):
        """The field a path ("partner_id.user_id.name") ends on, every hop checked."""
        names = path.split(separator)
        for i, name in enumerate(names):
            field = model._fields.get(name)
            if field is None:
                raise UserError(_('"%s" has no field "%s".') % (
                    self._model_label(model), self._short(name)))
            if searching and not field.store and not field.search:
                raise UserError(_('%s cannot be used to search records.')
                                % self._field_label(field))
            if i < len(names) - 1:
                if field.type not in RELATIONAL:
                    raise UserError(_('%s: "%s" is not a valid field path.') % (
                        self._model_label(model), self._short(path)))
                model = self.env[field.comodel_name]
        return field

    def _raise_bad_query_value(self, field, operator, value):
        raise UserError(_('%s: "%s" is not a valid value to search for with "%s".') % (
            self._field_label(field), self._short(value), operator))

    @api.model
    def _check_query_value(self, field, operator, value):
        if operator in ('in', 'not in'):
            if isinstance(value, bool):
                return
            # Odoo reads a single id or name after "in" on an x2many, a name on a many2one
            single = field.type in ('one2many', 'many2many') or (
                field.type == 'many2one' and isinstance(value, pycompat.string_types))
            if not isinstance(value, (list, tuple)) and not single:
                self._raise_bad_query_value(field, operator, value)
            values = value if isinstance(value, (list, tuple)) else [value]
        elif operator in HIERARCHY_OPERATORS:
            if field.type not in RELATIONAL and field.name != 'id':
                self._raise_bad_query_value(field, operator, value)
            values = value if isinstance(value, (list, tuple)) else [value]
        else:
            values = [value]
        for item in values:
            if not _is_scalar(item):
                self._raise_bad_query_value(field, operator, value)
            if item is None or item is False or operator in LIKE_OPERATORS:
                continue
            self._check_query_scalar(field, operator, item, value)

    def _check_query_scalar(self, field, operator, item, value):
        ftype = 'many2one' if operator in HIERARCHY_OPERATORS else field.type
        if ftype in NUMERIC:
            number = self._query_number(item, integer=ftype == 'integer')
            if number is None or (ftype == 'integer' and abs(number) > INT_MAX):
                self._raise_bad_query_value(field, operator, value)
        elif ftype in RELATIONAL:
            if isinstance(item, bool) or (isinstance(item, (int, float)) and
                                          not (_is_int(item) and abs(item) <= INT_MAX)):
                self._raise_bad_query_value(field, operator, value)
        elif ftype in ('date', 'datetime'):
            self._arg_datetime(item, self._field_label(field))

    @api.model
    def _query_number(self, item, integer=False):
        """The number the ORM makes of a value compared with a number field (it converts
        numeric text too), or None."""
        try:
            number = (int if integer else float)(item)
        except (TypeError, ValueError, OverflowError):
            return None
        return None if isinstance(number, float) and (
            math.isnan(number) or math.isinf(number)) else number

    # ------------------------------------------------------------------ order, limits
    @api.model
    def _check_query_order(self, model, order, grouped=False):
        if order is None or order is False or order == '':
            return
        parts = order.split(',') if isinstance(order, pycompat.string_types) else [None]
        for part in parts:
            match = ORDER_PART.match(part or '')
            name = match and match.group(1)
            known = match and (name in model._fields or (grouped and name.endswith('_count')))
            if not known or (match.group(2) and not (
                    grouped and match.group(2) in GRANULARITIES)):
                raise UserError(_('"%s" is not a valid sort order: give fields of %s, each '
                                  'optionally followed by asc or desc, separated by commas.')
                                % (self._short(order), self._model_label(model)))

    @api.model
    def _check_query_limit(self, model, value, what='limit'):
        if value is None or value is False:
            return
        if not _is_int(value) or not 0 <= value <= INT_MAX:
            raise UserError(_('%s must be a whole number, 0 or more (got "%s").')
                            % (what, self._short(value)))

    @api.model
    def _check_query_offset(self, model, value):
        self._check_query_limit(model, value, what='offset')

    # ------------------------------------------------------------------ fields, group-bys
    @api.model
    def _check_query_fields(self, model, names):
        if names is None or names is False:
            return
        if not isinstance(names, (list, tuple)) or not all(
                isinstance(n, pycompat.string_types) for n in names):
            raise UserError(_('The fields to read must be a list of field names (got "%s").')
                            % self._short(names))
        for name in names:
            # "__count": the web client's pivot and graph views ask for the group counts
            if not name.startswith('__') and name.split(':')[0] not in model._fields:
                raise UserError(_('"%s" has no field "%s".') % (
                    self._model_label(model), self._short(name)))

    @api.model
    def _check_query_export_fields(self, model, paths):
        if not isinstance(paths, (list, tuple)) or not all(
                isinstance(p, pycompat.string_types) and p for p in paths):
            raise UserError(_('The fields to read must be a list of field names (got "%s").')
                            % self._short(paths))
        for path in paths:
            names = fix_import_export_id_paths(path)
            if names[-1] in ('id', '.id'):
                names = names[:-1]
            if names:
                self._query_path_field(model, '/'.join(names), separator='/', searching=False)

    @api.model
    def _check_query_groupby(self, model, groupby, fields, lazy=True):
        specs = [groupby] if isinstance(groupby, pycompat.string_types) else groupby
        if not specs:
            return
        if not isinstance(specs, (list, tuple)):
            specs = [specs]
        for index, spec in enumerate(specs):
            name, _sep, granularity = spec.partition(':') if isinstance(
                spec, pycompat.string_types) else ('', '', '')
            field = model._fields.get(name)
            if field is None or (granularity and (
                    field.type not in ('date', 'datetime') or granularity not in GRANULARITIES)):
                raise UserError(_('"%s" is not a valid grouping: give a field of %s, for a '
                                  'date optionally followed by :day, :week, :month, :quarter '
                                  'or :year.') % (self._short(spec), self._model_label(model)))
            if name == 'id' or not (field.base_field.store and field.base_field.column_type):
                raise UserError(_('%s cannot be used to group records.')
                                % self._field_label(field))
            # lazy: Odoo groups by the first now (which must be read), the others later
            if fields and name not in fields and not (lazy and index):
                raise UserError(_('To group by %s, also list it in the fields to read.')
                                % self._field_label(field))

    @api.model
    def _check_query_name(self, model, name):
        if name not in (None, False) and not isinstance(name, pycompat.string_types):
            raise UserError(_('%s must be text.') % 'name')

    @api.model
    def _check_query_name_operator(self, model, operator):
        if not isinstance(operator, pycompat.string_types) or \
                operator not in NAME_SEARCH_OPERATORS:
            raise UserError(_('"%s" is not a valid operator in a search condition: use one '
                              'of %s.') % (self._short(operator), ' '.join(NAME_SEARCH_OPERATORS)))

    # ------------------------------------------------------------------ values
    @api.model
    def _check_query_copy_default(self, model, default):
        """``copy(default)``: a dictionary of known fields with well-typed values."""
        if default is None or default is False:
            return
        if not isinstance(default, dict):
            raise UserError(_('The values of the copy must be a dictionary of field names '
                              '(got "%s").') % self._short(default))
        for name, value in default.items():
            field = model._fields.get(name) if isinstance(name, pycompat.string_types) else None
            if field is None:
                raise UserError(_('"%s" has no field "%s".') % (
                    self._model_label(model), self._short(name)))
            self._check_value(field, value, 0)
        self._check_blank_names(model._name, default)

    @api.model
    def _check_vals(self, model, vals, depth=0, records=None):
        super(CrmGuard, self)._check_vals(model, vals, depth=depth, records=records)
        self._check_blank_names(model, vals)

    @api.model
    def _check_blank_names(self, model, vals):
        """The name of a record (its ``_rec_name`` char field, or any required char
        field) may not be only spaces."""
        Model = self.env[model]
        for name, value in vals.items():
            field = Model._fields.get(name) if isinstance(name, pycompat.string_types) else None
            if field is None or field.type != 'char' or not isinstance(
                    value, pycompat.string_types) or value.strip():
                continue
            if field.required or (name == Model._rec_name and value):
                raise UserError(_('Please enter %s.') % self._field_label(field))

    @api.model
    def _check_context_defaults(self, model, context):
        """``default_<field>`` values of the context fill the record created: numbers
        within bounds, names not blank. (Only those: the web client's contexts carry
        defaults meant for other models, which Odoo ignores.) A many2one default names a
        record that exists."""
        for key, value in (context or {}).items():
            if not isinstance(key, pycompat.string_types) or not key.startswith('default_'):
                continue
            field = model._fields.get(key[8:])
            if field is not None and field.type in NUMERIC + ('many2one',):
                self._check_value(field, value, 0)
            elif field is not None and field.type == 'char':
                self._check_blank_names(model._name, {field.name: value})

    @api.model
    def _check_load_values(self, model, field_paths, rows):
        """Import (``load``): numbers within bounds and names not blank, in the columns
        naming a field of the model itself."""
        if not isinstance(field_paths, (list, tuple)) or not isinstance(rows, (list, tuple)):
            return
        for index, path in enumerate(field_paths):
            field = model._fields.get(path) if isinstance(path, pycompat.string_types) else None
            if field is None or field.type not in NUMERIC + ('char',):
                continue
            for row in rows:
                cell = row[index] if isinstance(row, (list, tuple)) and index < len(row) else None
                if not isinstance(cell, pycompat.string_types) or not cell.strip():
                    if field.type == 'char':
                        self._check_blank_names(model._name, {path: cell})
                    continue
                if field.type == 'char':
                    continue
                try:
                    number = float(cell.replace(',', ''))
                except ValueError:
                    continue    # the import reports the cell it cannot read
                if math.isnan(number) or math.isinf(number) or abs(number) > MAX_NUMBER:
                    raise UserError(_('%s: "%s" is not a valid value.') % (
                        self._field_label(field), self._short(cell)))

    # ------------------------------------------------------------------ results, errors
    @api.model
    def _marshalable_groups(self, result):
        """``read_group`` without a group-by answers one row whose aggregates are None
        on an empty set: XML-RPC cannot send None, so they become False (as Odoo does
        for the rows of a group-by)."""
        if not isinstance(result, list):
            return result
        return [{k: (False if v is None else v) for k, v in row.items()}
                if isinstance(row, dict) else row for row in result]

    @api.model
    def _bad_request(self, method):
        """The error answering a call the ORM could not run with its arguments (the
        checks above missed the reason): the traceback goes to the server log."""
        return UserError(_('The request could not be processed: check the search filter, '
                          'fields, sort order, grouping and limits of the call of "%s".')
                        % self._short(method))
