# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    _inherit = 'crm.todo'

    contract_review_count = fields.Integer('Contracts waiting for my approval',
                                           compute='_compute_contract_counts')
    contract_expiring_count = fields.Integer('My contracts expiring soon',
                                             compute='_compute_contract_counts')
    receivable_review_count = fields.Integer('Payments waiting for my approval',
                                             compute='_compute_contract_counts')
    plan_overdue_count = fields.Integer('My overdue payment plans',
                                        compute='_compute_contract_counts')

    contract_review_ids = fields.Many2many('crm.contract', string='Contracts waiting for my approval',
                                           compute='_compute_contract_counts')
    contract_expiring_ids = fields.Many2many('crm.contract', string='My contracts expiring soon',
                                             compute='_compute_contract_counts')
    receivable_review_ids = fields.Many2many('crm.receivable', string='Payments waiting for my approval',
                                             compute='_compute_contract_counts')
    plan_overdue_ids = fields.Many2many('crm.receivable.plan', string='My overdue payment plans',
                                        compute='_compute_contract_counts')

    @api.model
    def _crm_todo_visibility(self):
        """Approval queues for those who review (leaders and managers, or anyone with a
        document waiting for them); the other contract counters are sales work."""
        res = super(CrmTodo, self)._crm_todo_visibility()
        user = self.env.user
        for kind, model in (('contract_review', 'crm.contract'), ('receivable_review', 'crm.receivable')):
            Model = self.env[model]
            res[kind] = user._crm_is_leader() or bool(
                Model.check_access_rights('read', raise_exception=False) and
                Model.search_count([('crm_my_turn', '=', True)]))
        return res

    @api.model
    def _domain_contract_expiring(self):
        return [('user_id', '=', self.env.uid), ('is_expiring', '=', True)]

    @api.model
    def _domain_plan_overdue(self):
        return [('user_id', '=', self.env.uid), ('is_overdue', '=', True),
                ('contract_id.state', 'in', ('approved', 'expired'))]

    def _compute_contract_counts(self):
        kinds = {
            'contract_review': ('crm.contract', [('crm_my_turn', '=', True)]),
            'contract_expiring': ('crm.contract', self._domain_contract_expiring()),
            'receivable_review': ('crm.receivable', [('crm_my_turn', '=', True)]),
            'plan_overdue': ('crm.receivable.plan', self._domain_plan_overdue()),
        }
        values = {}
        for kind, (model, domain) in kinds.items():
            values[kind + '_count'] = self.env[model].search_count(domain)
            values[kind + '_ids'] = self.env[model].search(domain, limit=LIST_LIMIT)
        for rec in self:
            rec.update(values)

    @api.multi
    def action_open_contract_review(self):
        return self._list_action('crm_contract.crm_contract_action', _('Waiting for My Approval'),
                                 [('crm_my_turn', '=', True)])

    @api.multi
    def action_open_contract_expiring(self):
        return self._list_action('crm_contract.crm_contract_action', _('My Contracts Expiring Soon'),
                                 self._domain_contract_expiring())

    @api.multi
    def action_open_receivable_review(self):
        return self._list_action('crm_contract.crm_receivable_action',
                                 _('Payments Waiting for My Approval'), [('crm_my_turn', '=', True)])

    @api.multi
    def action_open_plan_overdue(self):
        return self._list_action('crm_contract.crm_receivable_plan_action',
                                 _('My Overdue Payment Plans'), self._domain_plan_overdue())
