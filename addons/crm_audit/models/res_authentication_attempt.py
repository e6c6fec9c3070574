# -*- coding: utf-8 -*-
"""The login log (OCA ``auth_brute_force``) with the CRM's lock-out:

* a login is locked from an IP address after ``auth_brute_force.max_by_ip_user``
  failures (default 5) within ``crm_audit.lockout_minutes`` (default 15, "now" from
  ``crm.clock``) since its last success or unlock; an IP address after
  ``auth_brute_force.max_by_ip`` failures (default 30) for any login, unless it is in
  ``auth_brute_force.whitelist_remotes`` (default ``127.0.0.1,::1``: a server behind a
  proxy without ``proxy_mode`` sees every user from there). A whitelisted address is
  still subject to the per-login lock.
* a locked attempt is refused with the usual wrong-password answer and recorded as
  "banned"; the lock ends when the failures leave the window, or when a CRM
  administrator unlocks the login (``action_crm_unlock``).
* attempts are recorded only by the authentication itself; nobody changes or deletes
  them (the purge excepted); no remote lookup of IP metadata is made.
"""
import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .crm_login_unlock import _TOKEN
from .res_users import is_recording

_logger = logging.getLogger(__name__)

LOCK_MINUTES_PARAM = 'crm_audit.lockout_minutes'
DEFAULTS = {'auth_brute_force.max_by_ip_user': 5, 'auth_brute_force.max_by_ip': 30,
            LOCK_MINUTES_PARAM: 15}


class ResAuthenticationAttempt(models.Model):
    _inherit = 'res.authentication.attempt'

    crm_locked = fields.Boolean('Locked Now', compute='_compute_crm_locked',
                                help='This login is locked from this IP address now.')

    @api.model_cr
    def init(self):
        self.env.cr.execute("""CREATE INDEX IF NOT EXISTS res_authentication_attempt_crm_date_idx
                                   ON res_authentication_attempt (create_date)""")

    # ------------------------------------------------------------------ immutability
    @api.model
    def create(self, vals):
        if not is_recording():
            raise AccessError(_('The audit trail cannot be changed or deleted.'))
        return super(ResAuthenticationAttempt, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_recording() or set(vals) - {'login', 'result'} or any(a.result for a in self):
            raise AccessError(_('The audit trail cannot be changed or deleted.'))
        return super(ResAuthenticationAttempt, self).write(vals)

    @api.multi
    def unlink(self):
        raise AccessError(_('The audit trail cannot be changed or deleted.'))

    @api.multi
    def copy(self, default=None):
        raise AccessError(_('The audit trail cannot be changed or deleted.'))

    @api.multi
    def _compute_metadata(self):
        """No request to an outside geolocation service: the log shows the address."""
        for attempt in self:
            attempt.remote_metadata = False

    # ------------------------------------------------------------------ lock-out
    @api.model
    def _crm_param(self, name):
        value = self.env['ir.config_parameter'].sudo().get_param(name)
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return DEFAULTS[name]

    @api.model
    def _crm_failures(self, remote, login=None):
        """Failures of ``login`` (any login if None) from ``remote`` within the lock-out
        window, since the last success and the last unlock."""
        now = self.env['crm.clock'].now()
        start = fields.Datetime.to_string(now - timedelta(minutes=self._crm_param(LOCK_MINUTES_PARAM)))
        cr = self.env.cr
        login_sql = ' AND login = %(login)s' if login is not None else ''
        cr.execute("""
            SELECT GREATEST(%(start)s::timestamp,
                   (SELECT max(create_date) FROM res_authentication_attempt
                     WHERE remote = %(remote)s AND result = 'successful'""" + login_sql + """),
                   (SELECT max(date) FROM crm_login_unlock
                     WHERE (remote = %(remote)s OR remote IS NULL)""" + login_sql + """))""",
                   {'start': start, 'remote': remote, 'login': login})
        since = cr.fetchone()[0]
        cr.execute("""
            SELECT count(*) FROM res_authentication_attempt
             WHERE remote = %(remote)s AND result IN ('failed', 'banned')
               AND create_date > %(since)s""" + login_sql,
                   {'since': since, 'remote': remote, 'login': login})
        return cr.fetchone()[0]

    @api.model
    def _trusted(self, remote, login):
        if not remote:
            return True
        if remote not in self._whitelist_remotes() and \
                self._crm_failures(remote) >= self._crm_param('auth_brute_force.max_by_ip'):
            _logger.warning("Authentication refused: remote %s is locked (login tried: %r)",
                            remote, login)
            return False
        if self._crm_failures(remote, login) >= self._crm_param('auth_brute_force.max_by_ip_user'):
            _logger.warning("Authentication refused: login %r is locked from %s", login, remote)
            return False
        return True

    def _whitelist_remotes(self):
        return {r.strip() for r in super(ResAuthenticationAttempt, self)._whitelist_remotes() if r.strip()}

    @api.depends('login', 'remote')
    def _compute_crm_locked(self):
        for attempt in self:
            attempt.crm_locked = bool(attempt.remote and attempt.login) and \
                not attempt.sudo()._trusted(attempt.remote, attempt.login)

    @api.multi
    def action_crm_unlock(self):
        """Unlock the login (and the IP address) of these attempts now."""
        if not self.env.user._crm_is_admin():
            raise AccessError(_('Only CRM administrators may unlock a login.'))
        self.check_access_rule('read')
        # compared with the attempts' own (real) times
        now = fields.Datetime.now()
        Unlock = self.env['crm.login.unlock'].sudo().with_context(crm_audit_unlock_token=_TOKEN)
        done = set()
        for attempt in self.sudo():
            key = (attempt.login or '', attempt.remote or False)
            if key in done or not attempt.login:
                continue
            done.add(key)
            unlock = Unlock.create({'login': attempt.login, 'remote': attempt.remote or False,
                                    'user_id': self.env.uid, 'date': now})
            # to the microsecond, as the attempts' times: after every failure so far
            self.env.cr.execute("UPDATE crm_login_unlock SET date = clock_timestamp() AT TIME ZONE 'UTC'"
                                " WHERE id = %s", (unlock.id,))
        Unlock.invalidate_cache(['date'])
        return True
