# -*- coding: utf-8 -*-
"""日志设置: retention of the logs and the login lock-out (CRM administrator), the
password policy of the company (system administrator only: OCA ``password_security``)."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .auditlog_autovacuum import MIN_RETENTION_DAYS, RETENTION_PARAM, DEFAULT_RETENTION_DAYS
from .res_authentication_attempt import DEFAULTS, LOCK_MINUTES_PARAM

PARAMS = {
    'log_retention_days': (RETENTION_PARAM, DEFAULT_RETENTION_DAYS),
    'lockout_login_failures': ('auth_brute_force.max_by_ip_user', DEFAULTS['auth_brute_force.max_by_ip_user']),
    'lockout_ip_failures': ('auth_brute_force.max_by_ip', DEFAULTS['auth_brute_force.max_by_ip']),
    'lockout_minutes': (LOCK_MINUTES_PARAM, DEFAULTS[LOCK_MINUTES_PARAM]),
}
POLICY = ('password_length', 'password_lower', 'password_upper', 'password_numeric',
          'password_special', 'password_expiration', 'password_history')


class CrmAuditSettings(models.TransientModel):
    _name = 'crm.audit.settings'
    _description = 'Audit Trail Settings'

    log_retention_days = fields.Integer('Keep Logs for (days)', help='Older data-change logs and login records are purged every night (at least %d days).' % MIN_RETENTION_DAYS)
    lockout_login_failures = fields.Integer('Failed Logins Before a Lock', help='Wrong passwords for one login from one IP address within the lock period.')
    lockout_ip_failures = fields.Integer('Failed Logins Before an IP Address Is Locked')
    lockout_minutes = fields.Integer('Lock Period (minutes)')
    lockout_whitelist = fields.Char('IP Addresses Never Locked as a Whole', help='Comma-separated; a login is still locked after repeated failures from them.')
    password_length = fields.Integer('Minimum Password Length')
    password_lower = fields.Integer('Lowercase Letters Required')
    password_upper = fields.Integer('Uppercase Letters Required')
    password_numeric = fields.Integer('Digits Required')
    password_special = fields.Integer('Special Characters Required')
    password_expiration = fields.Integer('Password Validity (days)', help='0: passwords never expire.')
    password_history = fields.Integer('Previous Passwords Not Reused')
    can_edit_policy = fields.Boolean(compute='_compute_can_edit_policy')

    def _compute_can_edit_policy(self):
        for settings in self:
            settings.can_edit_policy = self.env.user.has_group('base.group_system')

    @api.model
    def _crm_check_admin(self):
        if not self.env.user._crm_is_admin():
            raise AccessError(_('Only CRM administrators may change the audit trail settings.'))

    @api.model
    def default_get(self, fields_list):
        res = super(CrmAuditSettings, self).default_get(fields_list)
        get = self.env['ir.config_parameter'].sudo().get_param
        for name, (param, default) in PARAMS.items():
            try:
                res[name] = int(get(param, default))
            except (TypeError, ValueError):
                res[name] = default
        res['lockout_whitelist'] = get('auth_brute_force.whitelist_remotes', '')
        company = self.env.user.company_id.sudo()
        for name in POLICY:
            res[name] = company[name]
        return res

    @api.multi
    def action_save(self):
        """Save the settings (the password policy only for a system administrator)."""
        self._crm_check_admin()
        self.ensure_one()
        if self.log_retention_days < MIN_RETENTION_DAYS:
            raise ValidationError(_('Logs are kept at least %d days.') % MIN_RETENTION_DAYS)
        for name in ('lockout_login_failures', 'lockout_ip_failures', 'lockout_minutes'):
            if not 1 <= self[name] <= 100000:
                raise ValidationError(_('The lock-out numbers must be between 1 and 100000.'))
        for name in POLICY:
            if not 0 <= self[name] <= 10000:
                raise ValidationError(_('The password policy numbers must be between 0 and 10000.'))
        set_param = self.env['ir.config_parameter'].sudo().set_param
        for name, (param, _default) in PARAMS.items():
            set_param(param, str(self[name]))
        whitelist = ','.join(r.strip() for r in (self.lockout_whitelist or '').split(',') if r.strip())
        set_param('auth_brute_force.whitelist_remotes', whitelist)
        company = self.env.user.company_id.sudo()
        changed = {name: self[name] for name in POLICY if company[name] != self[name]}
        if changed:
            if not self.env.user.has_group('base.group_system'):
                raise AccessError(_('Only the system administrator may change the password policy.'))
            company.write(changed)
        return {'type': 'ir.actions.client', 'tag': 'reload'}
