# -*- coding: utf-8 -*-
from odoo import models


class ResUsers(models.Model):
    """The executive lands on the reports dashboard (crm_sales' ``_crm_home_action``)."""
    _inherit = 'res.users'

    def _crm_home_action(self):
        action = super(ResUsers, self)._crm_home_action()
        if self._crm_is_executive() and not self._crm_is_salesperson():
            return 'crm_reports.crm_report_dashboard_action'
        return action
