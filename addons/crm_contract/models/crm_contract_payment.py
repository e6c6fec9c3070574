# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmContract(models.Model):
    """What a contract has received: payment plans, payments and their totals."""
    _inherit = 'crm.contract'

    plan_ids = fields.One2many('crm.receivable.plan', 'contract_id', 'Payment Plans')
    receivable_ids = fields.One2many('crm.receivable', 'contract_id', 'Payments')
    amount_received = fields.Monetary('Received', compute='_compute_amount_received',
                                      store=True)
    amount_in_review = fields.Monetary('In Review', compute='_compute_amount_received',
                                       store=True)
    amount_outstanding = fields.Monetary('Outstanding', compute='_compute_amount_received',
                                         store=True)
    amount_overdue = fields.Monetary('Overdue', compute='_compute_amount_overdue')
    plan_count = fields.Integer('Plans', compute='_compute_counts')
    receivable_count = fields.Integer('Payments', compute='_compute_counts')
    has_overdue = fields.Boolean('Payments Overdue', compute='_compute_amount_overdue',
                                 search='_search_has_overdue')

    @api.depends('state', 'amount_total', 'receivable_ids.amount', 'receivable_ids.state')
    def _compute_amount_received(self):
        for rec in self:
            payments = rec.receivable_ids
            received = sum(payments.filtered(lambda p: p.state == 'approved').mapped('amount'))
            rec.amount_received = received
            rec.amount_in_review = sum(payments.filtered(
                lambda p: p.state == 'waiting').mapped('amount'))
            rec.amount_outstanding = max(rec.amount_total - received, 0.0) \
                if rec.state in ('approved', 'expired') else 0.0

    def _compute_amount_overdue(self):
        for rec in self:
            overdue = rec.sudo().plan_ids.filtered('is_overdue')
            rec.amount_overdue = sum(overdue.mapped('amount_due'))
            rec.has_overdue = bool(overdue)

    @api.model
    def _search_has_overdue(self, operator, value):
        sql = ("SELECT contract_id FROM crm_receivable_plan "
               "WHERE amount_due > 0 AND date_planned < %s")
        positive = (operator == '=') == bool(value)
        return [('id', 'inselect' if positive else 'not inselect',
                 (sql, (self.env['crm.clock'].today_str(),)))]

    def _crm_plans_total(self):
        self.ensure_one()
        return sum(self.sudo().plan_ids.mapped('amount'))

    def _compute_counts(self):
        for rec in self:
            rec.plan_count = len(rec.plan_ids)
            rec.receivable_count = len(rec.receivable_ids)

    @api.multi
    def action_view_plans(self):
        self.ensure_one()
        action = self.env.ref('crm_contract.crm_receivable_plan_action').read()[0]
        action.update({'domain': [('contract_id', '=', self.id)],
                       'context': {'default_contract_id': self.id}})
        return action

    @api.multi
    def action_view_receivables(self):
        self.ensure_one()
        action = self.env.ref('crm_contract.crm_receivable_action').read()[0]
        action.update({'domain': [('contract_id', '=', self.id)],
                       'context': {'default_contract_id': self.id}})
        return action

    @api.multi
    def action_view_versions(self):
        self.ensure_one()
        action = self.env.ref('crm_contract.crm_contract_action').read()[0]
        action.update({'domain': [('id', 'in', self.version_ids.ids)], 'context': {}})
        return action

    @api.multi
    def action_new_receivable(self):
        """Open a new payment for this approved contract."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Register Payment'),
            'res_model': 'crm.receivable',
            'view_mode': 'form',
            'target': 'current',
            'context': {'default_contract_id': self.id, 'default_amount': self.amount_outstanding
                        - self.amount_in_review},
        }
