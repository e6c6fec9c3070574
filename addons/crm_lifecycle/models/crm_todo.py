# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    """"My to-do": the churn warnings of my customers."""
    _inherit = 'crm.todo'

    churn_warning_count = fields.Integer('Churn warnings', compute='_compute_churn_warnings')
    churn_warning_ids = fields.Many2many(
        'crm.churn.warning', string='Churn warnings', compute='_compute_churn_warnings',
        help='Your customers who bought before and have not ordered or been followed up for '
             'too long appear here: defer the churn with what you did, or ask your sales '
             'manager to confirm it.')

    @api.model
    def _domain_churn_warning(self):
        return [('user_id', '=', self.env.uid)]

    def _compute_churn_warnings(self):
        Warning = self.env['crm.churn.warning']
        readable = Warning.check_access_rights('read', raise_exception=False)
        domain = self._domain_churn_warning()
        count = Warning.search_count(domain) if readable else 0
        rows = Warning.search(domain, limit=LIST_LIMIT) if readable else Warning
        for rec in self:
            rec.churn_warning_count = count
            rec.churn_warning_ids = rows

    @api.multi
    def action_open_churn_warning(self):
        return self._list_action('crm_lifecycle.crm_churn_warning_action', _('Churn warnings'),
                                 self._domain_churn_warning())
