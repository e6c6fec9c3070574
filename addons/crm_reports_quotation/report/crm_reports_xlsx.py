# -*- coding: utf-8 -*-
from odoo import _, models


class CrmReportsXlsx(models.AbstractModel):
    _inherit = 'report.crm_reports.crm_reports_xlsx'

    def _xlsx_quotation(self, workbook, wizard):
        """Two sheets: the quotation analysis by salesperson, team and month (quotes sent,
        their outcomes, acceptance rate, amounts, average discount, contracts and the
        average days to them), and the quoted products by product and category."""
        self._grouped_sheet(
            workbook, wizard, _('Quotation Analysis'), 'crm.report.quotation',
            [('sent_count', 'int'), ('accepted_count', 'int'), ('declined_count', 'int'),
             ('expired_count', 'int'), ('revised_count', 'int'), ('open_count', 'int'),
             ('acceptance_rate', 'pct'), ('amount', 'money'), ('list_amount', 'money'),
             ('discount_amount', 'money'), ('discount_rate', 'pct'),
             ('contract_count', 'int'), ('days_to_contract', ('avg', 'contract_count'))],
            [('user_id', _('By Salesperson')), ('team_id', _('By Sales Team')),
             ('period', _('By Month'))],
            chart=('column', 1, _('Quotes Sent by Salesperson')))
        self._grouped_sheet(
            workbook, wizard, _('Quoted Products'), 'crm.report.quotation.product',
            [('nbr', 'int'), ('quantity', 'number'), ('list_amount', 'money'),
             ('amount', 'money'), ('discount_amount', 'money'), ('discount_rate', 'pct'),
             ('accepted_count', 'int'), ('acceptance_rate', 'pct')],
            [('product_id', _('By Product'), 'amount desc, product_id'),
             ('categ_id', _('By Product Category')), ('user_id', _('By Salesperson'))],
            chart=('bar', 4, _('Quoted Amount by Product')))
