# -*- coding: utf-8 -*-
"""The RPC boundary of the CRM (XML-RPC ``execute_kw`` and the web client's
``/web/dataset/call_kw``), in databases where ``crm_sales`` is installed:

* the call runs in the caller's language (and timezone) when the caller gave no
  context, so every message comes back in the user's language;
* on the CRM's models (any model a ``crm_*`` module defines or extends), the ids are
  checked to be integers, the arguments to fit the method's signature, and the values
  of ``create`` / ``write`` / ``load`` to be well-typed, existing, bounded and not
  fields only actions may change: bad input gets a clear ``UserError`` or
  ``AccessError`` instead of a traceback.
"""
import datetime
import inspect

import psycopg2

from odoo import api, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.addons.web.controllers import main as web_main

_original_call_kw = api.call_kw
# methods reading or writing a model's table: an abstract model (a mixin, crm.clock) has none
_TABLE_METHODS = ('create', 'search', 'search_read', 'search_count', 'read_group',
                  'name_search', 'name_create', 'load', 'export_data', 'read', 'write',
                  'unlink', 'copy')
_signatures = {}


def _is_crm_model(model):
    cls = type(model)
    return any(getattr(klass, '__module__', '').startswith('odoo.addons.crm_')
               for klass in cls.__mro__)


def _signature(cls, name, method):
    key = (cls, name)
    if key not in _signatures:
        try:
            _signatures[key] = inspect.signature(method)
        except (TypeError, ValueError):
            _signatures[key] = None
    return _signatures[key]


def _check_call(model, name, args, kwargs):
    guard = model.env['crm.guard']
    method = getattr(type(model), name, None)
    if method is None or not callable(method):
        return
    is_model = getattr(method, '_api', None) == 'model'
    if model._abstract and (not is_model or name in _TABLE_METHODS):
        guard._raise_bad_call(name, 'abstract model %s' % model._name)
    args = list(args)
    if not is_model:
        if not args:
            guard._raise_bad_call(name, 'ids')
        guard._check_rpc_ids(args[0])
        if not model._abstract and args[0]:
            guard._check_ids_exist(model, args[0])
        call_args = args[1:]
    else:
        call_args = args
    # as Odoo does: a positional argument past the method's own is the context
    # (the web client's buttons pass it that way)
    context, call_args, kw = api.split_context(method, list(call_args), dict(kwargs))
    if context is not None and not isinstance(context, dict):
        guard._raise_bad_call(name, 'context')
    sig = _signature(type(model), name, method)
    if sig is not None:
        try:
            sig.bind(model, *call_args, **kw)
        except TypeError as e:
            guard._raise_bad_call(name, str(e))
    if name == 'create' and call_args:
        guard._check_vals(model._name, call_args[0])
    elif name == 'write' and call_args:
        guard._check_vals(model._name, call_args[0], records=model.browse(args[0]).exists())
    elif name == 'load' and call_args:
        guard._check_load_fields(model._name, call_args[0])


def guarded_call_kw(model, name, args, kwargs):
    if 'crm.guard' not in model.env.registry:
        return _original_call_kw(model, name, args, kwargs)
    model, args, kwargs = _prepare_call(model, name, args, kwargs)
    try:
        return _original_call_kw(model, name, args, kwargs)
    except ValueError as e:
        if str(e).startswith('Expected singleton'):
            model.env['crm.guard']._raise_bad_call(name, 'one record')
        raise


def xmlrpc_call_kw(model, name, args, kwargs):
    """XML-RPC: Odoo 11 sends a ValidationError as a traceback (it is no UserError);
    an integrator gets its message, as for every other business error."""
    try:
        result = guarded_call_kw(model, name, args, kwargs)
    except ValidationError as e:
        if 'crm.guard' not in model.env.registry:
            raise
        raise UserError(e.name)
    except psycopg2.IntegrityError:
        if 'crm.guard' not in model.env.registry:
            raise
        model.env.cr.rollback()
        model.env['crm.guard']._raise_integrity_error()
    # XML-RPC cannot marshal dates (crm.clock.now() / today() return them to Python)
    if isinstance(result, datetime.datetime):
        return fields.Datetime.to_string(result)
    if isinstance(result, datetime.date):
        return fields.Date.to_string(result)
    return result


def _prepare_call(model, name, args, kwargs):
    if not isinstance(args, (list, tuple)) or not isinstance(kwargs, dict) or \
            not isinstance(kwargs.get('context') or {}, dict):
        model.env['crm.guard']._raise_bad_call(name, 'args')
    context = kwargs.get('context')
    if not model.env.context.get('lang') and not (isinstance(context, dict) and context.get('lang')):
        user = model.env['res.users'].sudo().browse(model.env.uid)
        model = model.with_context(lang=user.lang or 'en_US', tz=user.tz or False)
        if isinstance(context, dict):
            kwargs = dict(kwargs, context=dict(context, lang=model.env.context['lang']))
    if _is_crm_model(model) and not name.startswith('_'):
        _check_call(model, name, args, kwargs)
    return model, args, kwargs


api.call_kw = xmlrpc_call_kw


class DataSet(web_main.DataSet):
    """The web client's calls go through the same boundary."""

    def _call_kw(self, model, method, args, kwargs):
        web_main.check_method_name(method)
        return guarded_call_kw(http.request.env[model], method, args, kwargs)
