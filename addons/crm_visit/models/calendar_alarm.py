# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CalendarAlarm(models.Model):
    """Which reminders a new visit gets: data the CRM administrator ticks in
    CRM > 配置 > CRM 设置 > 拜访提醒 (shipped: a notification 1 hour before)."""
    _inherit = 'calendar.alarm'

    crm_visit_default = fields.Boolean(
        'Default for Visits',
        help='New customer visits get this reminder unless the salesperson chooses others.')

    @api.model
    def _crm_visit_default_alarms(self):
        return self.sudo().search([('crm_visit_default', '=', True)])
