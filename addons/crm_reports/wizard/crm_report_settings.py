# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

MAX_CHURN_DAYS = 3650


class CrmReportSettings(models.TransientModel):
    """Report settings for CRM administrators and sales managers (Odoo's own Settings
    page is for system administrators only): the churn-warning delay, and when the
    customer analysis was last recomputed."""
    _name = 'crm.report.settings'
    _description = 'Report Settings'

    churn_days = fields.Integer(
        'Churn Warning after (days)', required=True,
        default=lambda self: self.env['crm.report.customer']._churn_days(),
        help='A customer with no contract, payment or follow-up for this many days and no '
             'open opportunity gets a churn warning.')
    customer_refreshed_at = fields.Datetime(
        'Customer Analysis Updated', readonly=True,
        default=lambda self: self.env['crm.report.customer']._refreshed_at(),
        help='Contract, payment, follow-up and opportunity totals of the customer analysis '
             'are recomputed every hour; owners, levels and churn warnings are always current.')

    summary_refreshed_at = fields.Datetime(
        'Funnel and Performance Summaries Updated', readonly=True,
        default=lambda self: self.env['crm.report.sql']._summaries_refreshed_at(),
        help='The sales funnel and performance read the days before this refresh from a daily '
             'summary (every hour); what was entered since shows at once, a change to an '
             'earlier record after the next refresh.')

    @api.model
    def _check_may_configure(self):
        if not self.env.user._crm_is_manager():
            raise AccessError(_('Only sales managers and CRM administrators can change the '
                                'report settings.'))

    @api.constrains('churn_days')
    def _check_churn_days(self):
        for settings in self:
            if not 1 <= settings.churn_days <= MAX_CHURN_DAYS:
                raise ValidationError(_('The churn warning delay must be between 1 and %d days '
                                        '(got %d).') % (MAX_CHURN_DAYS, settings.churn_days))

    @api.model
    def create(self, vals):
        self._check_may_configure()
        return super(CrmReportSettings, self).create(vals)

    @api.multi
    def action_save(self):
        self.ensure_one()
        self._check_may_configure()
        self.env['crm.report.customer']._set_churn_days(self.churn_days)
        return {'type': 'ir.actions.act_window_close'}

    @api.multi
    def action_refresh_customers(self):
        self.ensure_one()
        self.env['crm.report.customer'].action_refresh_facts()
        self.customer_refreshed_at = self.env['crm.report.customer']._refreshed_at()
        return self._reopen()

    @api.multi
    def action_refresh_summaries(self):
        self.ensure_one()
        self.env['crm.report.funnel'].action_refresh_summaries()
        self.summary_refreshed_at = self.env['crm.report.sql']._summaries_refreshed_at()
        return self._reopen()

    def _reopen(self):
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': self.id,
                'view_mode': 'form', 'target': 'new', 'name': _('Report Settings')}
