# -*- coding: utf-8 -*-
from odoo import _, models


class CrmReportsXlsx(models.AbstractModel):
    _inherit = 'report.crm_reports.crm_reports_xlsx'

    def _xlsx_lifecycle(self, workbook, wizard):
        self._grouped_sheet(
            workbook, wizard, _('Customer Lifecycle Funnel'), 'crm.report.lifecycle',
            [('nbr', 'int'), ('worked_count', 'int'), ('opportunity_count', 'int'),
             ('deal_count', 'int'), ('repurchase_count', 'int'), ('churned_count', 'int')],
            [('lifecycle_stage', _('By Current Stage')), ('period', _('By Month')),
             ('team_id', _('By Sales Team')), ('user_id', _('By Owner'))],
            chart=('column', 1, _('Customers by Lifecycle Stage')))

    def _xlsx_churn_lost(self, workbook, wizard):
        self._grouped_sheet(
            workbook, wizard, _('Lost Customer Analysis'), 'crm.report.churn',
            [('nbr', 'int'), ('order_count', 'int'), ('contract_amount', 'money'),
             ('days_since_order', 'number')],
            [('reason_id', _('By Churn Reason')), ('user_id', _('By Owner')),
             ('partner_id', _('By Customer')), ('period', _('By Month'))],
            chart=('pie', 1, _('Lost Customers by Reason')))
