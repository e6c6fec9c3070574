# -*- coding: utf-8 -*-
from odoo import api, models


class IrMailServer(models.Model):
    """A mail server added or changed (an administrator fixed the configuration): every
    failed e-mail, given up or not, is retried at the cron's next run, for the configured
    time from now."""
    _inherit = 'ir.mail_server'

    @api.model
    def create(self, vals):
        server = super(IrMailServer, self).create(vals)
        if server.active:
            self.env['crm.mail.failure']._crm_retry_all_soon()
        return server

    @api.multi
    def write(self, vals):
        res = super(IrMailServer, self).write(vals)
        if self.filtered('active'):
            self.env['crm.mail.failure']._crm_retry_all_soon()
        return res
