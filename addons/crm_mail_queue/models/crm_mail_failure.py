# -*- coding: utf-8 -*-
"""Outgoing e-mails that failed (``mail.mail`` in state *exception*, e.g. "Connection
refused"): one row each, with what the CRM administrator needs to see (recipients,
subject, record, reason, retries) but not the body (a closing e-mail's feedback link
stays with service staff). The rows are written by the retry cron and the retry button
only (``crm_mail_failure_retry.py``)."""
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import decode_smtp_header

RETRY_HOURS_PARAM = 'crm_mail_queue.retry_hours'
DEFAULT_RETRY_HOURS = 48
MAX_RETRY_HOURS = 720
# minutes to wait before the 1st, 2nd, 3rd... retry; the last one repeats
BACKOFF_MINUTES = (5, 15, 60, 240)


class CrmMailFailure(models.Model):
    _name = 'crm.mail.failure'
    _description = 'Failed E-mail'
    _order = 'state desc, failed_at desc, id desc'
    _rec_name = 'subject'

    mail_id = fields.Many2one('mail.mail', 'E-mail', required=True, ondelete='cascade',
                              index=True, readonly=True)
    subject = fields.Char('Subject', readonly=True)
    email_from = fields.Char('From', readonly=True)
    recipients = fields.Char('Recipients', readonly=True)
    model = fields.Char('Document Model', readonly=True)
    res_id = fields.Integer('Document ID', readonly=True)
    record_name = fields.Char('Record', readonly=True)
    model_label = fields.Char('Record Type', compute='_compute_model_label')
    reason = fields.Text('Reason', readonly=True)
    failed_at = fields.Datetime('Failed At', readonly=True,
                                help='When the e-mail failed first (or when it was retried by '
                                     'hand): it is retried for the configured time from then.')
    last_tried_at = fields.Datetime('Last Retry', readonly=True)
    next_retry_at = fields.Datetime('Next Retry', readonly=True)
    retry_count = fields.Integer('Retries', readonly=True)
    state = fields.Selection([('retrying', 'Retrying'), ('failed', 'Given Up')], 'Status',
                             required=True, default='retrying', readonly=True)
    gave_up_at = fields.Datetime('Given Up At', readonly=True)

    _sql_constraints = [('mail_unique', 'unique (mail_id)', 'An e-mail has one failure row.')]

    @api.depends('model')
    def _compute_model_label(self):
        for row in self:
            model = row.model and self.env['ir.model']._get(row.model)
            row.model_label = model.name if model else False

    # ------------------------------------------------------------------ settings
    @api.model
    def _crm_retry_hours(self):
        value = self.env['ir.config_parameter'].sudo().get_param(RETRY_HOURS_PARAM)
        try:
            hours = int(value)
        except (TypeError, ValueError):
            return DEFAULT_RETRY_HOURS
        return hours if 1 <= hours <= MAX_RETRY_HOURS else DEFAULT_RETRY_HOURS

    @api.model
    def _crm_backoff(self, retries):
        """The wait after ``retries`` retries (0: after the first failure)."""
        return datetime.timedelta(minutes=BACKOFF_MINUTES[min(retries, len(BACKOFF_MINUTES) - 1)])

    @api.model
    def _crm_check_admin(self):
        user = self.env.user
        if not (user._is_superuser() or user._crm_is_admin() or user.has_group('base.group_system')):
            raise AccessError(_('Only the CRM administrator can see and retry failed e-mails or '
                                'run the e-mail queue.'))

    # ------------------------------------------------------------------ rows
    @api.model
    def _crm_mail_values(self, mail):
        """What a row shows of ``mail`` (read as superuser)."""
        recipients = [decode_smtp_header(e) for e in (mail.email_to or '').split(',') if e.strip()]
        # "名字 <address>" as a reader writes it (email_formatted encodes the name, RFC 2047)
        recipients += ['%s <%s>' % (p.name, p.email) if p.email else p.name
                       for p in mail.recipient_ids]
        record_name = mail.record_name
        if not record_name and mail.model and mail.res_id and mail.model in self.env:
            record = self.env[mail.model].sudo().browse(mail.res_id).exists()
            record_name = record.display_name if record else False
        return {
            'subject': mail.subject or mail.mail_message_id.subject or False,
            'email_from': mail.email_from,
            'recipients': ', '.join(r.strip() for r in recipients)[:1000] or False,
            'model': mail.model or False,
            'res_id': mail.res_id or 0,
            'record_name': record_name or False,
            'reason': mail.failure_reason or False,
        }

    @api.model
    def _crm_sync_failures(self, retry_now=False):
        """A row for each e-mail in exception that has none (first retry after the first
        back-off step, or at the next run with ``retry_now``); the rows of e-mails sent or
        cancelled since are dropped. Returns the new rows."""
        now = self.env['crm.clock'].now()
        cr = self.env.cr
        cr.execute("""SELECT m.id FROM mail_mail m
                       WHERE m.state = 'exception'
                         AND NOT EXISTS (SELECT 1 FROM crm_mail_failure f WHERE f.mail_id = m.id)
                       ORDER BY m.id""")
        mail_ids = [r[0] for r in cr.fetchall()]
        Rows = self.sudo()
        new = Rows.browse()
        first = now if retry_now else now + self._crm_backoff(0)
        for mail in self.env['mail.mail'].sudo().browse(mail_ids):
            vals = self._crm_mail_values(mail)
            vals.update(mail_id=mail.id, failed_at=fields.Datetime.to_string(now),
                        next_retry_at=fields.Datetime.to_string(first), state='retrying')
            new |= Rows.create(vals)
        cr.execute("""DELETE FROM crm_mail_failure f USING mail_mail m
                       WHERE f.mail_id = m.id AND m.state IN ('sent', 'cancel', 'received')""")
        if cr.rowcount:
            self.invalidate_cache()
        return new

    @api.model
    def _crm_retry_all_soon(self):
        """Every failed e-mail (given up included) due at the next run, with a new retry
        period: the mail server configuration changed."""
        moment = fields.Datetime.to_string(self.env['crm.clock'].now())
        self._crm_sync_failures()
        self.sudo().search([]).write({'state': 'retrying', 'failed_at': moment,
                                      'next_retry_at': moment, 'gave_up_at': False})
