# -*- coding: utf-8 -*-
"""Login attempts are recorded by OCA ``auth_brute_force`` in a cursor of their own; the
records it creates and completes are the only ones any path may create or change: the
recording marks its thread while it does so (nothing a client sends can set it)."""
import contextlib
from threading import current_thread

import odoo
from odoo import models

RECORDING = 'crm_audit_recording'


@contextlib.contextmanager
def recording():
    thread = current_thread()
    previous = getattr(thread, RECORDING, False)
    setattr(thread, RECORDING, True)
    try:
        yield
    finally:
        setattr(thread, RECORDING, previous)


def is_recording():
    return getattr(current_thread(), RECORDING, False)


class ResUsers(models.Model):
    _inherit = 'res.users'

    @classmethod
    def _login(cls, db, login, password):
        # XML-RPC's login / authenticate skip the cache signaling the object service and
        # the web client do: see the clock and the lock-out settings another worker set
        odoo.registry(db).check_signaling()
        return super(ResUsers, cls)._login(db, login, password)

    @classmethod
    def authenticate(cls, db, login, password, user_agent_env):
        odoo.registry(db).check_signaling()
        return super(ResUsers, cls).authenticate(db, login, password, user_agent_env)

    @classmethod
    def _auth_attempt_new(cls, login):
        with recording():
            return super(ResUsers, cls)._auth_attempt_new(login)

    @classmethod
    def _auth_attempt_update(cls, values):
        with recording():
            return super(ResUsers, cls)._auth_attempt_update(values)
