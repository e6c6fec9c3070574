# -*- coding: utf-8 -*-
"""Bypasses that actions grant themselves, which no client can send.

An action that has made its own checks (the caller may approve this tier, may share
this record, may move this customer) and must then write what a user may not write
directly marks the records it works on with a *grant*::

    from odoo.addons.crm_sales.grant import grant, granted

    grant(record, 'action_write').write({'state': 'approved'})   # a flag
    grant(partners, owner_reason='claim').write({'user_id': uid}) # a value
    if granted(self, 'action_write'): ...                        # the guarded layer

A grant travels in the environment's context under one key (``GRANT_KEY``), as an
instance of a class private to this module, compared by identity: XML-RPC, JSON-RPC
and URLs carry strings, numbers, lists and dictionaries, never such an object, so a
context sent by a client grants nothing, whatever its keys and values say. Grants add
up (a granted environment granting more keeps the first ones) and end with the
environment they were given to. A granted environment never holds the ``default_<field>``
keys no client may send (``crm.guard._clean_client_context``): a granted action creates
nothing from a client's defaults. The superuser (``sudo()``) is not implicitly granted:
layers decide themselves whether sudo is enough (``privileged``).

Grants of the project (name: who gives it, what it lets through):

* ``action_write``: actions of every module; writing the fields only actions may
  change (``_crm_action_fields``), the reviews of an approval, edits of an approved
  document.
* ``approval``: ``crm.approval.mixin``; creating / writing ``tier.review`` and asking
  OCA's tier validation for the reviews.
* ``no_bus``: ``crm.approval.mixin``; the approval counter is sent once, at the end.
* ``share``: ``crm.share.mixin`` and transfers; writing the share members.
* ``set_owner`` / ``owner_reason``: ``res.partner._crm_set_owner``; an owner change
  with its reason for the log.
* ``end_status_write``: the won / lost / invalid actions of opportunities.
* ``stage_group_inverse``: a status group assigning its teams.
* ``pool_skip_transfer_check`` / ``pool_transfer_uid``: crm_pool's offboarding.
* ``pool_skip_offboard``: crm_pool, a user archived by the offboarding itself.
* ``sla_applying`` / ``sla_start``: crm_service, an SLA being (re)applied.
* ``copy_source``: ``crm.guard.mixin.copy``; the record being duplicated.
* ``own_values``: ``crm.guard.mixin._crm_own_values``; {model: field names} of the
  action-only values a model's own ``create`` / ``write`` fills in (a timestamp).
* ``no_mail``: actions posting a notice whose kind the CRM administrator switched off
  (``crm.notify.kind``); ``res.partner._notify`` sends no e-mail for the message.
* ``held_reply``: crm_service, the note of a reply held for staff; ``mail.message.write``
  drops the recipients the mail gateway writes on it.
* ``acting_uid``: ``acting()``; the id of the user who acts, kept across ``sudo()`` so
  that what an action writes as superuser (the operation log) names the real user
  (``acting_uid()``). It lets nothing through.
"""
import weakref

from odoo import SUPERUSER_ID

GRANT_KEY = 'crm_grant'


class _Grant(object):
    """The grants of one environment: {name: value}. Equality is identity, so an
    environment holding a grant never equals one built from a client's context."""
    __slots__ = ('values', '__weakref__')

    def __init__(self, values):
        self.values = values

    def __repr__(self):
        return '<crm grant %s>' % ', '.join(sorted(self.values))


# Equal grants of plain values share one instance: the environment granted is then the
# same each time (Odoo keeps every environment of a transaction and looks an environment
# up among them: a new one per granted call made long transactions, imports, quadratic).
_SHARED = weakref.WeakValueDictionary()
_PLAIN = (bool, int, float, str, type(None))


def _plain(value):
    if isinstance(value, (tuple, frozenset)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return isinstance(value, _PLAIN)


def _make_grant(values):
    if not all(_plain(v) for v in values.values()):
        return _Grant(values)
    key = repr(sorted((k, sorted(v.items()) if isinstance(v, dict) else v)
                      for k, v in values.items()))
    shared = _SHARED.get(key)
    if shared is None:
        shared = _SHARED[key] = _Grant(values)
    return shared


def _env(target):
    return getattr(target, 'env', target)


def _current(env):
    value = env.context.get(GRANT_KEY)
    return value.values if isinstance(value, _Grant) else {}


def grant(records, *names, **values):
    """``records`` in an environment that also holds the grants ``names`` (True) and
    ``values`` ({name: value})."""
    env = records.env
    merged = dict(_current(env))
    merged.update(dict.fromkeys(names, True))
    merged.update(values)
    context = dict(env.context)
    if 'crm.guard' in env.registry:
        context = env['crm.guard']._clean_client_context(context)
    context[GRANT_KEY] = _make_grant(merged)
    return records.with_context(context)


def granted(target, name, default=None):
    """The value of the grant ``name`` in the environment of ``target`` (records or an
    environment), ``default`` when it holds none."""
    return _current(_env(target)).get(name, default)


def privileged(target, name='action_write'):
    """True for the superuser or an environment granted ``name`` (the flag itself, not
    a value)."""
    env = _env(target)
    return env.uid == SUPERUSER_ID or granted(env, name) is True


def strip_grant(context):
    """A copy of ``context`` without the grant (for contexts handed back to a client,
    e.g. in an action's ``context``)."""
    return {k: v for k, v in (context or {}).items() if k != GRANT_KEY}


def acting(records):
    """``records`` remembering who acts now (the grant ``acting_uid``), to keep across
    ``sudo()``: an action calls ``acting(self).sudo()`` where it would call
    ``self.sudo()``, and the logs it writes in sudo name the user (``acting_uid``). A
    grant already there (an outer action) is kept."""
    if granted(records, 'acting_uid'):
        return records
    return grant(records, acting_uid=records.env.uid)


def acting_uid(target):
    """The id of the user who acts in the environment of ``target`` (records or an
    environment): the one remembered by ``acting()`` before a ``sudo()``, else the
    environment's user."""
    return granted(target, 'acting_uid') or _env(target).uid
