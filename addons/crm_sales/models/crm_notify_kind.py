# -*- coding: utf-8 -*-
"""The kinds of e-mail notice the CRM sends, each switched on or off by the CRM
administrator (CRM > 配置 > 通知设置), and the log that makes a notice go out once."""
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class CrmNotifyKind(models.Model):
    """One kind of notice (an approval request, an assignment, a follow-up reminder...).
    Modules declare theirs as data (``code`` unique); the administrator switches the
    e-mail of a kind on or off. A switched-off kind still leaves its message in the
    chatter and the inbox: only the e-mail is not sent."""
    _name = 'crm.notify.kind'
    _description = 'Notice Kind'
    _order = 'sequence, id'

    name = fields.Char('Notice', required=True, translate=True)
    code = fields.Char('Code', required=True, readonly=True)
    description = fields.Text('Who Receives It', translate=True, readonly=True)
    sequence = fields.Integer(default=10)
    mail_enabled = fields.Boolean('Send E-mail', default=True,
                                  help='Untick to stop this kind of e-mail; the message '
                                       'still shows in the chatter and the inbox.')

    _sql_constraints = [('code_unique', 'unique(code)', 'A notice kind is declared once.')]

    @api.multi
    def write(self, vals):
        """The administrator switches kinds on and off (and renames them); what a kind
        is (its code, who receives it) belongs to the module declaring it."""
        if not self.env.user._is_superuser() and set(vals) - {'mail_enabled', 'sequence', 'name'}:
            raise UserError(_('Only "Send E-mail", the order and the name of a notice can be '
                              'changed.'))
        return super(CrmNotifyKind, self).write(vals)

    @api.model
    def _crm_mail_on(self, code):
        """True if the e-mails of kind ``code`` are sent (an unknown kind: yes)."""
        kind = self.sudo().search([('code', '=', code)], limit=1)
        return kind.mail_enabled if kind else True


class CrmNotifyLog(models.Model):
    """One row per notice sent for a dated item (a follow-up due at a time...): a
    second run, a manual run racing the cron, sends nothing twice (unique key)."""
    _name = 'crm.notify.log'
    _description = 'Notice Sent'
    _order = 'id desc'

    code = fields.Char('Notice', required=True, readonly=True)
    res_model = fields.Char('Document Model', required=True, readonly=True)
    res_id = fields.Integer('Document ID', required=True, readonly=True)
    key = fields.Char('Occurrence', required=True, readonly=True)
    user_id = fields.Many2one('res.users', 'Recipient', readonly=True, ondelete='cascade')

    _sql_constraints = [('item_unique', 'unique(code, res_model, res_id, key)',
                         'A notice goes out once per item.')]

    @api.model
    def _crm_sent_keys(self, code, records):
        """{(res_id, key)} of the notices ``code`` already sent for ``records`` (one
        query: a run with nothing new to send costs no work per item)."""
        if not records:
            return set()
        self.env.cr.execute(
            "SELECT res_id, key FROM crm_notify_log WHERE code = %s AND res_model = %s "
            "AND res_id = ANY(%s)", (code, records._name, records.ids))
        return set(self.env.cr.fetchall())

    @api.model
    def _crm_claim(self, code, record, key, user):
        """Record that notice ``code`` for ``record`` at ``key`` goes out now; False if
        it already went out (or is going out in a concurrent transaction)."""
        self.env.cr.execute(
            "INSERT INTO crm_notify_log (code, res_model, res_id, key, user_id, create_date, "
            "write_date, create_uid, write_uid) VALUES (%s, %s, %s, %s, %s, now() at time zone "
            "'UTC', now() at time zone 'UTC', %s, %s) ON CONFLICT DO NOTHING RETURNING id",
            (code, record._name, record.id, key, user.id or None, self.env.uid, self.env.uid))
        return bool(self.env.cr.fetchone())
