# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmReportExport(models.TransientModel):
    """Export a report to Excel (xlsx, OCA report_xlsx) for a period, with the figures
    the user may see."""
    _name = 'crm.report.export'
    _description = 'Export a Report to Excel'

    report = fields.Selection('_report_selection', 'Report', required=True, default='funnel')
    date_from = fields.Date('From', required=True,
                            default=lambda self: self.env['crm.clock'].today().replace(
                                month=1, day=1))
    date_to = fields.Date('To', required=True,
                          default=lambda self: self.env['crm.clock'].today())
    year = fields.Integer('Year', required=True,
                          default=lambda self: self.env['crm.clock'].today().year,
                          help='Performance by month: the year to compare with its targets, '
                               'the month before and the same month a year earlier.')
    top_n = fields.Integer('Top N', default=20, help='Customer contribution: how many customers.')

    @api.model
    def _report_selection(self):
        """The reports that export; modules add theirs (crm_reports_service: service)."""
        return [
            ('funnel', _('Sales Funnel')),
            ('opportunity', _('Opportunity Funnel by Stage')),
            ('performance', _('Performance against Targets (by Month)')),
            ('completion', _('Target Completion by Salesperson and Team')),
            ('ranking', _('Rankings')),
            ('receivable', _('Receivables')),
            ('customer', _('Customer Growth and Composition')),
            ('contribution', _('Customer Contribution')),
            ('churn', _('Churn Warnings and Lost Customers')),
            ('rfm', _('RFM Segments')),
            ('product', _('Product Sales and Deal Cycle')),
            ('follow_up', _('Follow-ups')),
            ('pool', _('Public Pool')),
        ]

    @api.constrains('date_from', 'date_to', 'year', 'top_n')
    def _check_period(self):
        for wizard in self:
            if wizard.date_from and wizard.date_to and wizard.date_from > wizard.date_to:
                raise ValidationError(_('The start of the period must be before its end.'))
            if not 2000 <= wizard.year <= 2100:
                raise ValidationError(_('The year must be between 2000 and 2100.'))
            if wizard.top_n < 1 or wizard.top_n > 10000:
                raise ValidationError(_('Top N must be between 1 and 10,000.'))

    @api.multi
    def action_export(self):
        self.ensure_one()
        action = self.env.ref('crm_reports.action_report_crm_reports_xlsx').report_action(self)
        # no None values: the action also travels over XML-RPC
        return {key: value for key, value in action.items() if value is not None}

    def _date_domain(self, field='date'):
        return [(field, '>=', self.date_from), (field, '<=', self.date_to)]
