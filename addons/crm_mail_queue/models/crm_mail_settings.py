# -*- coding: utf-8 -*-
from odoo import api, models


class CrmMailSettings(models.TransientModel):
    _inherit = 'crm.mail.settings'

    @api.multi
    def action_send_test(self):
        """A test mail that went out proves the server works (also one configured in
        odoo.conf, which no ``ir.mail_server`` change announces): every failed e-mail,
        given up ones included, is retried at the next run."""
        result = super(CrmMailSettings, self).action_send_test()
        self.env['crm.mail.failure'].sudo()._crm_retry_all_soon()
        return result
