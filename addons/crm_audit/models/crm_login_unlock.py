# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class CrmLoginUnlock(models.Model):
    """An administrator's unlock of a login (from an IP address): the failures before it
    no longer count. Written only by ``res.authentication.attempt.action_crm_unlock``;
    never changed or deleted (except by the purge)."""
    _name = 'crm.login.unlock'
    _description = 'Login Unlock'
    _order = 'date desc, id desc'

    login = fields.Char('Login', required=True, index=True, readonly=True)
    remote = fields.Char('IP Address', index=True, readonly=True)
    user_id = fields.Many2one('res.users', 'Unlocked by', readonly=True, ondelete='set null')
    date = fields.Datetime('Unlocked on', required=True, index=True, readonly=True)

    @api.model
    def create(self, vals):
        if self.env.context.get('crm_audit_unlock_token') is not _TOKEN:
            raise AccessError(_('Logins are unlocked from the login log, by a CRM administrator.'))
        return super(CrmLoginUnlock, self).create(vals)

    @api.multi
    def write(self, vals):
        raise AccessError(_('The audit trail cannot be changed or deleted.'))

    @api.multi
    def unlink(self):
        raise AccessError(_('The audit trail cannot be changed or deleted.'))


class _Token(object):
    """Private to this module: XML-RPC / JSON-RPC cannot send it."""


_TOKEN = _Token()
