# -*- coding: utf-8 -*-
from odoo import _, api, models


class CrmReportExport(models.TransientModel):
    _inherit = 'crm.report.export'

    @api.model
    def _report_selection(self):
        return super(CrmReportExport, self)._report_selection() + [
            ('lifecycle', _('Customer Lifecycle Funnel')),
            ('churn_lost', _('Lost Customer Analysis'))]
