# -*- coding: utf-8 -*-
from odoo import _, models


class CrmReportsXlsx(models.AbstractModel):
    _inherit = 'report.crm_reports.crm_reports_xlsx'

    def _xlsx_service(self, workbook, wizard):
        self._grouped_sheet(
            workbook, wizard, _('Service Analysis'), 'crm.report.service',
            [('nbr', 'int'), ('resolved_count', 'int'), ('response_hours', 'number'),
             ('resolution_hours', 'number'), ('sla_breached', 'int'), ('rated_count', 'int'),
             ('satisfaction', 'number')],
            [('type_id', _('By Service Type')), ('handler_id', _('By Handler')),
             ('period', _('By Month'))],
            chart=('column', 1, _('Tickets by Service Type')))
