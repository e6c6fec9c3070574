# -*- coding: utf-8 -*-
from odoo import api, models


class CrmReportCustomer(models.Model):
    """One churn setting, not two: the customer analysis's churn warning (no contract,
    payment or follow-up for N days) counts with the churn worklist's "no follow-up for
    M days" (流失预警设置), so that changing either screen changes both."""
    _inherit = 'crm.report.customer'

    @api.model
    def _churn_days_param(self):
        return self.env['crm.churn.settings']._follow_up_days_param()[0]

    @api.model
    def _churn_days_default(self):
        return self.env['crm.churn.settings']._follow_up_days_param()[1]
