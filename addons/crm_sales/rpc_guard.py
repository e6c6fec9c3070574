# -*- coding: utf-8 -*-
"""The RPC boundary of the CRM (XML-RPC ``execute_kw`` and the web client's
``/web/dataset/call_kw``), in databases where ``crm_sales`` is installed:

* the call runs in the language of its context, else in the user's (put into the
  call's context too: Odoo's ``call_kw`` replaces the environment's context by it), so
  every message and label comes back in the user's language, over JSON-RPC (odoorpc)
  as over XML-RPC;
* on every model, the query arguments (domain, order, limit / offset, fields,
  group-bys, ``copy`` defaults) are checked first (``models/crm_guard_query.py``), and
  an ORM error on them answers as a bad request (traceback in the server log only);
  ``/web/dataset/search_read`` gets the same checks; a JSON-RPC business error carries
  no traceback;
* on the CRM's models (any model a ``crm_*`` module defines or extends), the ids are
  checked to be integers, the arguments to fit the method's signature, and the values
  of ``create`` / ``write`` / ``load`` to be well-typed, existing, bounded and not
  fields only actions may change: bad input gets a clear ``UserError`` or
  ``AccessError`` instead of a traceback.
"""
import datetime
import inspect
import logging

import psycopg2

from odoo import api, fields, http
from odoo.exceptions import AccessDenied, UserError, ValidationError, except_orm
from odoo.addons.web.controllers import main as web_main

_original_call_kw = api.call_kw
# methods reading or writing a model's table: an abstract model (a mixin, crm.clock) has none
_TABLE_METHODS = ('create', 'search', 'search_read', 'search_count', 'read_group',
                  'name_search', 'name_create', 'load', 'export_data', 'read', 'write',
                  'unlink', 'copy')
_signatures = {}
_logger = logging.getLogger(__name__)
# methods whose arguments are queries (domain, order, limits, fields, group-bys): checked
# on every model (``crm.guard._check_query_args``); an error of the ORM on arguments the
# checks missed answers as a bad request, with the traceback in the server log only
_QUERY_METHODS = ('search', 'search_read', 'search_count', 'read_group', 'name_search',
                  'name_create', 'export_data', 'read', 'copy')
_BAD_REQUEST_ERRORS = (ValueError, TypeError, KeyError, IndexError, AssertionError,
                       AttributeError, psycopg2.DataError, psycopg2.ProgrammingError)
# the mail gateway's entry points: records from an incoming e-mail, not an API
MAIL_GATEWAY_METHODS = ('message_new', 'message_update', 'message_process', 'message_route',
                        'message_route_process', 'message_route_verify')


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
            bound = sig.bind(model, *call_args, **kw)
        except TypeError as e:
            guard._raise_bad_call(name, str(e))
        guard._check_query_args(model, name, bound.arguments)
    if name == 'create' and call_args:
        guard._check_vals(model._name, call_args[0])
        guard._check_context_defaults(model, dict(model.env.context, **(context or {})))
    elif name == 'write' and call_args:
        guard._check_vals(model._name, call_args[0], records=model.browse(args[0]).exists())
    elif name == 'load' and call_args:
        guard._check_load_fields(model._name, call_args[0])
        guard._check_load_values(model, call_args[0], call_args[1] if len(call_args) > 1 else None)


def guarded_call_kw(model, name, args, kwargs):
    if 'crm.guard' not in model.env.registry:
        return _original_call_kw(model, name, args, kwargs)
    model, args, kwargs = _prepare_call(model, name, args, kwargs)
    try:
        return _original_call_kw(model, name, args, kwargs)
    except _BAD_REQUEST_ERRORS as e:
        if isinstance(e, ValueError) and str(e).startswith('Expected singleton'):
            model.env['crm.guard']._raise_bad_call(name, 'one record')
        if name not in _QUERY_METHODS:
            raise
        _logger.warning('%s.%s: bad request refused', model._name, name, exc_info=True)
        if isinstance(e, psycopg2.Error):
            model.env.cr.rollback()
        raise model.env['crm.guard']._bad_request(name) from None


def xmlrpc_call_kw(model, name, args, kwargs):
    """XML-RPC: Odoo 11 sends a ValidationError as a traceback (it is no UserError);
    an integrator gets its message, as for every other business error."""
    # Odoo retries a call that lost a serialization race on a new cursor, but keeps the
    # recomputations its failed attempt left pending on the closed one ("Unable to use a
    # closed cursor"): a call starts with none
    model.env.all.todo.clear()
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
    if name == 'read_group' and 'crm.guard' in model.env.registry:
        result = model.env['crm.guard']._marshalable_groups(result)
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
    if not callable(getattr(type(model), name, None)):
        model.env['crm.guard']._raise_bad_call(name, 'no such method')
    if name in MAIL_GATEWAY_METHODS:
        model.env['crm.guard']._check_mail_gateway_call(name)
    args, kwargs = _clean_call_context(model, name, args, kwargs)
    model, args, kwargs = _call_in_language(model, name, args, kwargs)
    if _is_crm_model(model) and not name.startswith('_'):
        _check_call(model, name, args, kwargs)
    elif name in _QUERY_METHODS:
        _check_query_call(model, name, args, kwargs)
    return model, args, kwargs


def _context_index(model, name, args):
    """Index in ``args`` of a context passed positionally (past the method's own
    arguments, as the web client's buttons do), or None."""
    method = getattr(type(model), name, None)
    if not callable(method):
        return None
    try:
        pos = len(inspect.getfullargspec(method).args) - 1
    except TypeError:
        return None
    pos += 0 if getattr(method, '_api', None) == 'model' else 1    # args[0]: the ids
    return pos if 0 <= pos < len(args) and isinstance(args[pos], dict) else None


def _call_in_language(model, name, args, kwargs):
    """The call runs in the language of its context, else in the user's, so messages
    and labels (``fields_get``) come back translated. Odoo's ``call_kw`` replaces the
    environment's context by the call's: the language goes into both."""
    index = _context_index(model, name, args)
    context = args[index] if index is not None else kwargs.get('context')
    lang = (context or {}).get('lang') or model.env.context.get('lang')
    if lang:
        model = model.with_context(lang=lang)
    else:
        user = model.env['res.users'].sudo().browse(model.env.uid)
        model = model.with_context(lang=user.lang or 'en_US', tz=user.tz or False)
    if not (context or {}).get('lang'):
        context = dict(context or {}, lang=model.env.context['lang'])
        if index is not None:
            args = list(args[:index]) + [context] + list(args[index + 1:])
        else:
            kwargs = dict(kwargs, context=context)
    return model, args, kwargs


def _check_query_call(model, name, args, kwargs):
    """The query arguments of a call on any model (``_check_call`` does it, and more,
    on the CRM's)."""
    method = getattr(type(model), name, None)
    sig = _signature(type(model), name, method) if callable(method) else None
    if sig is None:
        return
    multi = getattr(method, '_api', None) != 'model'
    call_args = list(args[1:] if multi else args)
    _context, call_args, kw = api.split_context(method, call_args, dict(kwargs))
    try:
        bound = sig.bind(model, *call_args, **kw)
    except TypeError:
        return      # Odoo answers it
    model.env['crm.guard']._check_query_args(model, name, bound.arguments)


def _clean_call_context(model, name, args, kwargs):
    """The context of the call (keyword or, as the web client's buttons send it, the
    positional argument past the method's own) without the ``default_<field>`` keys no
    client may send (``crm.guard._clean_client_context``)."""
    Guard = model.env['crm.guard']
    if isinstance(kwargs.get('context'), dict):
        kwargs = dict(kwargs, context=Guard._clean_client_context(kwargs['context']))
    index = _context_index(model, name, args)
    if index is not None:
        args = list(args[:index]) + [Guard._clean_client_context(args[index])] + \
            list(args[index + 1:])
    return args, kwargs


api.call_kw = xmlrpc_call_kw
_original_serialize_exception = http.serialize_exception


def serialize_exception(error):
    """JSON-RPC: a business error reaches the caller as its message; the traceback
    Odoo attaches for the web client's "details" stays in the server log."""
    data = _original_serialize_exception(error)
    if isinstance(error, (except_orm, AccessDenied)):
        data['debug'] = ''
    return data


http.serialize_exception = serialize_exception


class DataSet(web_main.DataSet):
    """The web client's calls go through the same boundary."""

    def _call_kw(self, model, method, args, kwargs):
        web_main.check_method_name(method)
        return guarded_call_kw(http.request.env[model], method, args, kwargs)

    def do_search_read(self, model, fields=False, offset=0, limit=False, domain=None,
                       sort=None):
        """The web client's lists (``/web/dataset/search_read``): the checks of a call of
        ``search_read``."""
        env = http.request.env
        if 'crm.guard' not in env.registry or model not in env.registry:
            return super(DataSet, self).do_search_read(model, fields, offset, limit, domain, sort)
        env['crm.guard']._check_query_args(env[model], 'search_read', {
            'domain': domain, 'fields': fields, 'offset': offset, 'limit': limit,
            'order': sort})
        try:
            return super(DataSet, self).do_search_read(model, fields, offset, limit, domain, sort)
        except _BAD_REQUEST_ERRORS as e:
            _logger.warning('%s.search_read: bad request refused', model, exc_info=True)
            if isinstance(e, psycopg2.Error):
                env.cr.rollback()
            raise env['crm.guard']._bad_request('search_read') from None
