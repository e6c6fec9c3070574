# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..models.crm_mail_failure import MAX_RETRY_HOURS, RETRY_HOURS_PARAM


class CrmMailRetrySettings(models.TransientModel):
    """How long a failed e-mail is retried (CRM administrator; Odoo's Settings page is
    for system administrators only)."""
    _name = 'crm.mail.retry.settings'
    _description = 'E-mail Retry Settings'

    retry_hours = fields.Integer(
        'Retry Failed E-mails for (hours)', required=True,
        default=lambda self: self.env['crm.mail.failure']._crm_retry_hours(),
        help='An e-mail the mail server refused is sent again after 5 minutes, 15 minutes, '
             '1 hour, then every 4 hours, for this many hours; after that it is listed under '
             'Failed E-mails until you retry it.')
    failed_count = fields.Integer(
        'E-mails Given Up', readonly=True,
        default=lambda self: self.env['crm.mail.failure'].sudo().search_count([('state', '=', 'failed')]))
    retrying_count = fields.Integer(
        'E-mails Being Retried', readonly=True,
        default=lambda self: self.env['crm.mail.failure'].sudo().search_count([('state', '=', 'retrying')]))

    @api.constrains('retry_hours')
    def _check_retry_hours(self):
        for settings in self:
            if not 1 <= settings.retry_hours <= MAX_RETRY_HOURS:
                raise ValidationError(_('Failed e-mails are retried for 1 to %d hours (got %d).')
                                      % (MAX_RETRY_HOURS, settings.retry_hours))

    @api.model
    def create(self, vals):
        self.env['crm.mail.failure']._crm_check_admin()
        return super(CrmMailRetrySettings, self).create(vals)

    @api.multi
    def action_save(self):
        self.ensure_one()
        self.env['crm.mail.failure']._crm_check_admin()
        self.env['ir.config_parameter'].sudo().set_param(RETRY_HOURS_PARAM, str(self.retry_hours))
        return {'type': 'ir.actions.act_window_close'}
