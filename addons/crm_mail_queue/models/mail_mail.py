# -*- coding: utf-8 -*-
"""The e-mail queue over XML-RPC: Odoo 11's ``process_email_queue`` and ``send`` return
``None`` (an XML-RPC caller got a traceback, "cannot marshal None"); here they return
True. Running the whole queue is for the CRM administrator (and the system's cron);
bad arguments get a clear error."""
from odoo import _, api, models
from odoo.exceptions import UserError


class MailMail(models.Model):
    _inherit = 'mail.mail'

    @api.model
    def process_email_queue(self, ids=None):
        self.env['crm.mail.failure']._crm_check_admin()
        if ids is not None and ids is not False and not (
                isinstance(ids, list) and ids and
                all(isinstance(i, int) and not isinstance(i, bool) and i > 0 for i in ids)):
            raise UserError(_('Give the ids of the e-mails to send (a list of numbers), or '
                              'nothing to send the whole queue.'))
        # the whole queue, the e-mails of tickets too (hidden from most readers)
        super(MailMail, self.sudo()).process_email_queue(ids=ids or None)
        return True

    @api.multi
    def send(self, auto_commit=False, raise_exception=False):
        if not isinstance(auto_commit, bool) or not isinstance(raise_exception, bool):
            raise UserError(_('"auto_commit" and "raise_exception" are true or false.'))
        super(MailMail, self).send(auto_commit=auto_commit, raise_exception=raise_exception)
        return True
