# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmReportExport(models.TransientModel):
    _inherit = 'crm.report.export'

    report = fields.Selection(selection_add=[('service', 'Service Analysis')])
