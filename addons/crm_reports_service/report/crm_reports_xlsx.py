# -*- coding: utf-8 -*-
from odoo import _, models


class CrmReportsXlsx(models.AbstractModel):
    _inherit = 'report.crm_reports.crm_reports_xlsx'

    def _xlsx_service(self, workbook, wizard):
        sheet = self._sheet(workbook, _('Service Analysis'), self._period_text(wizard))
        measures = [('nbr', 'int'), ('resolved_count', 'int'), ('response_hours', 'money'),
                    ('resolution_hours', 'money'), ('sla_breached', 'int'),
                    ('rated_count', 'int'), ('satisfaction', 'money')]
        domain = wizard._date_domain()
        row = self._grouped(sheet, 3, 'crm.report.service', domain, 'type_id', measures,
                            title=_('By Service Type'),
                            chart=(workbook, 'column', 1, _('Tickets by Service Type')))
        row = max(row, 20)
        row = self._grouped(sheet, row, 'crm.report.service', domain, 'handler_id', measures,
                            title=_('By Handler'))
        self._grouped(sheet, row, 'crm.report.service', domain, 'period', measures,
                      title=_('By Month'))
