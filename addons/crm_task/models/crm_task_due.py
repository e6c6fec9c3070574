# -*- coding: utf-8 -*-
"""When a task falls due, from ``crm.clock`` (the user's day): the search filters
overdue / today / tomorrow / this week and the overdue flag of the screens."""
from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

from .crm_task import OPEN_STATES

DUE = [('overdue', 'Overdue'), ('today', 'Due Today'), ('tomorrow', 'Due Tomorrow'),
       ('week', 'Due This Week')]


class CrmTaskDue(models.Model):
    _inherit = 'crm.task'

    deadline_due = fields.Selection(
        DUE, 'Due', compute='_compute_deadline_due', search='_search_deadline_due',
        help='Overdue: an open task whose deadline was before today. Due today / tomorrow / '
             'this week: its deadline is today, tomorrow, or in this week (Monday to Sunday).')
    is_overdue = fields.Boolean('Overdue', compute='_compute_deadline_due')

    @api.model
    def _crm_due_bounds(self):
        """{kind: (first day, day after the last)} as date strings, from crm.clock."""
        today = self.env['crm.clock'].today()
        monday = today - timedelta(days=today.weekday())
        day = fields.Date.to_string
        return {
            'today': (day(today), day(today + timedelta(days=1))),
            'tomorrow': (day(today + timedelta(days=1)), day(today + timedelta(days=2))),
            'week': (day(monday), day(monday + timedelta(days=7))),
        }

    @api.depends('date_deadline', 'state')
    def _compute_deadline_due(self):
        bounds = self._crm_due_bounds()
        for task in self:
            due = False
            deadline = task.date_deadline
            if deadline and task.state in OPEN_STATES:
                if deadline < bounds['today'][0]:
                    due = 'overdue'
                else:
                    due = next((kind for kind in ('today', 'tomorrow', 'week')
                                if bounds[kind][0] <= deadline < bounds[kind][1]), False)
            task.deadline_due = due
            task.is_overdue = due == 'overdue'

    def _search_deadline_due(self, operator, value):
        bounds = self._crm_due_bounds()
        if value == 'overdue':
            domain = [('state', 'in', list(OPEN_STATES)),
                      ('date_deadline', '<', bounds['today'][0])]
        elif value in bounds:
            domain = [('state', 'in', list(OPEN_STATES)),
                      ('date_deadline', '>=', bounds[value][0]),
                      ('date_deadline', '<', bounds[value][1])]
        else:
            return [('id', '=', 0)] if operator == '=' else []
        domain = expression.normalize_domain(domain)
        if operator == '=':
            return domain
        if operator == '!=':
            return ['!'] + domain
        return [('id', '=', 0)]
