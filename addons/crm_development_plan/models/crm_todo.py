# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    """"My to-do": the overdue steps of the development plans of my opportunities
    (planned before today by crm.clock, no result yet, plan in progress)."""
    _inherit = 'crm.todo'

    plan_step_overdue_count = fields.Integer('Overdue plan steps',
                                             compute='_compute_plan_step_counts')
    plan_step_overdue_ids = fields.Many2many(
        'crm.development.plan.step', string='Overdue plan steps',
        compute='_compute_plan_step_counts',
        help='Steps of the development plans of your opportunities that were planned before '
             'today and have no result yet appear here: record their result or move them.')

    @api.model
    def _domain_plan_step_overdue(self):
        return [('crm_scope_user_id', '=', self.env.uid), ('is_overdue', '=', True)]

    def _compute_plan_step_counts(self):
        Step = self.env['crm.development.plan.step']
        readable = Step.check_access_rights('read', raise_exception=False)
        domain = self._domain_plan_step_overdue()
        count = Step.search_count(domain) if readable else 0
        steps = Step.search(domain, limit=LIST_LIMIT) if readable else Step
        for rec in self:
            rec.plan_step_overdue_count = count
            rec.plan_step_overdue_ids = steps

    @api.multi
    def action_open_plan_step_overdue(self):
        return self._list_action('crm_development_plan.crm_development_plan_step_action',
                                 _('Overdue plan steps'), self._domain_plan_step_overdue())
