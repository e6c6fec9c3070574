# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    """"My to-do": my tasks overdue and due today (deadline from crm.clock)."""
    _inherit = 'crm.todo'

    task_overdue_count = fields.Integer('Overdue tasks', compute='_compute_task_counts')
    task_overdue_ids = fields.Many2many(
        'crm.task', string='Overdue tasks', compute='_compute_task_counts',
        help='Open tasks assigned to you whose deadline has passed appear here.')
    task_today_count = fields.Integer('Tasks due today', compute='_compute_task_counts')
    task_today_ids = fields.Many2many(
        'crm.task', string='Tasks due today', compute='_compute_task_counts',
        help='Open tasks assigned to you whose deadline is today appear here.')

    @api.model
    def _domain_task(self, due):
        uid = self.env.uid
        return ['&', '|', ('assignee_id', '=', uid), ('assignee_ids', 'in', [uid]),
                ('deadline_due', '=', due)]

    def _compute_task_counts(self):
        Task = self.env['crm.task']
        readable = Task.check_access_rights('read', raise_exception=False)
        values = {}
        for due in ('overdue', 'today'):
            domain = self._domain_task(due)
            values[due] = (Task.search_count(domain) if readable else 0,
                           Task.search(domain, limit=LIST_LIMIT) if readable else Task)
        for rec in self:
            rec.task_overdue_count, rec.task_overdue_ids = values['overdue']
            rec.task_today_count, rec.task_today_ids = values['today']

    @api.multi
    def action_open_task_overdue(self):
        return self._list_action('crm_task.crm_task_action_my', _('Overdue tasks'),
                                 self._domain_task('overdue'))

    @api.multi
    def action_open_task_today(self):
        return self._list_action('crm_task.crm_task_action_my', _('Tasks due today'),
                                 self._domain_task('today'))
