# -*- coding: utf-8 -*-
"""Retrying failed e-mails: the cron (every 5 minutes) retries each one when its back-off
is over (5 min, 15 min, 1 h, then every 4 h after the first failure, by ``crm.clock``)
until the configured time (``crm_mail_queue.retry_hours``, default 48 h) has passed
since it failed; then the row stays *Given Up* for the CRM administrator, who retries it
by hand (``action_retry``, which starts a new period). Each e-mail is retried under a
row lock (a manual retry racing the cron sends it once) and in a savepoint of its own
(one broken e-mail does not stop the others)."""
import datetime
import logging
import threading

from odoo import _, api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class CrmMailFailureRetry(models.Model):
    _inherit = 'crm.mail.failure'

    @api.model
    def _crm_auto_commit(self):
        return not getattr(threading.currentThread(), 'testing', False)

    @api.model
    def _crm_lock(self, row_id):
        """True if this transaction now holds the row (False: gone, or being retried)."""
        self.env.cr.execute('SELECT id FROM crm_mail_failure WHERE id = %s FOR UPDATE SKIP LOCKED',
                            (row_id,))
        return bool(self.env.cr.fetchone())

    @api.multi
    def _crm_give_up(self, now):
        self.write({'state': 'failed', 'gave_up_at': fields.Datetime.to_string(now),
                    'next_retry_at': False})
        for row in self:
            _logger.warning('E-mail %s to %s given up after %d retries: %s', row.mail_id.id,
                            row.recipients, row.retry_count, row.reason)

    @api.multi
    def _crm_retry_one(self, now):
        """Send the row's e-mail again (superuser); afterwards the row is gone (sent) or
        holds the new reason and the next retry."""
        self.ensure_one()
        self.invalidate_cache()
        mail = self.mail_id
        if mail.state in ('sent', 'cancel', 'received'):
            self.unlink()
            return True
        self.write({'retry_count': self.retry_count + 1, 'state': 'retrying',
                    'last_tried_at': fields.Datetime.to_string(now),
                    'gave_up_at': False})
        mail.write({'state': 'outgoing'})
        mail.send(auto_commit=False)
        row = self.exists()        # an e-mail sent and auto-deleted takes its row along
        if not row:
            return True
        mail.invalidate_cache()
        if mail.state != 'exception':
            row.unlink()
            return True
        deadline = as_datetime(row.failed_at) + datetime.timedelta(hours=self._crm_retry_hours())
        following = now + self._crm_backoff(row.retry_count)
        row.write({'reason': mail.failure_reason or row.reason,
                   'next_retry_at': fields.Datetime.to_string(min(following, max(deadline, now)))})
        return False

    @api.model
    def _cron_retry_failed_mails(self, limit=1000):
        """Record new failures, retry those due, give up those past the retry time.
        Returns {'retried': n, 'sent': n, 'given_up': n, 'errors': n}."""
        Rows = self.sudo()
        Rows._crm_sync_failures()
        now = self.env['crm.clock'].now()
        window = datetime.timedelta(hours=self._crm_retry_hours())
        due = Rows.search([('state', '=', 'retrying'),
                           ('next_retry_at', '<=', fields.Datetime.to_string(now))],
                          order='next_retry_at, id', limit=limit)
        counts = dict(retried=0, sent=0, given_up=0, errors=0)
        for row_id in due.ids:
            try:
                with self.env.cr.savepoint():
                    if not Rows._crm_lock(row_id):
                        continue
                    row = Rows.browse(row_id)
                    row.invalidate_cache()
                    if row.state != 'retrying' or as_datetime(row.next_retry_at) > now:
                        continue
                    if as_datetime(row.failed_at) + window <= now:
                        row._crm_give_up(now)
                        counts['given_up'] += 1
                        continue
                    counts['retried'] += 1
                    if row._crm_retry_one(now):
                        counts['sent'] += 1
            except Exception:
                counts['errors'] += 1
                _logger.exception('Retrying the failed e-mail row %s failed', row_id)
            if self._crm_auto_commit():
                self.env.cr.commit()
        if any(counts.values()):
            _logger.info('Failed e-mails: %s', counts)
        return counts

    @api.multi
    def action_retry(self):
        """The CRM administrator's "Retry": send now, and if it fails again retry for the
        configured time from now."""
        self._crm_check_admin()
        if not self:
            raise UserError(_('Choose the failed e-mails to retry.'))
        now = self.env['crm.clock'].now()
        Rows = self.sudo()
        for row_id in self.ids:
            if not Rows._crm_lock(row_id):
                continue      # the cron is retrying it right now
            row = Rows.browse(row_id)
            moment = fields.Datetime.to_string(now)
            row.write({'failed_at': moment, 'state': 'retrying', 'next_retry_at': moment})
            row._crm_retry_one(now)
        return True


def as_datetime(value):
    return fields.Datetime.from_string(value) if isinstance(value, str) else value
