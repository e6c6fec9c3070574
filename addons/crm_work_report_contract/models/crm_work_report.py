# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmWorkReport(models.Model):
    """A report's figures also count the contracts its author owns that were created in
    the period (counted with the others, when the report is created or refreshed)."""
    _inherit = 'crm.work.report'

    new_contract_count = fields.Integer('New Contracts', readonly=True)
    new_contract_ids = fields.Many2many('crm.contract', 'crm_work_report_contract_rel',
                                        'report_id', 'contract_id', 'New Contracts List',
                                        readonly=True)
    currency_id = fields.Many2one('res.currency', compute='_compute_new_contract_amount')
    new_contract_amount = fields.Monetary('New Contracts Amount',
                                          compute='_compute_new_contract_amount')

    @api.model
    def _crm_figure_fields(self):
        return super(CrmWorkReport, self)._crm_figure_fields() + (
            'new_contract_count', 'new_contract_ids')

    @api.model
    def _crm_figure_domains(self, user, start, end):
        domains = super(CrmWorkReport, self)._crm_figure_domains(user, start, end)
        domains['new_contract'] = ('crm.contract', [('user_id', '=', user.id),
                                                    ('create_date', '>=', start),
                                                    ('create_date', '<', end)])
        return domains

    @api.depends('new_contract_ids')
    def _compute_new_contract_amount(self):
        # the figures were counted for whoever may read the report: its reader need not
        # read each contract (a leader's report on a contract moved to another team)
        for rec in self:
            contracts = rec.sudo().new_contract_ids
            rec.currency_id = self.env.user.company_id.currency_id
            rec.new_contract_amount = sum(contracts.mapped('amount_total'))
