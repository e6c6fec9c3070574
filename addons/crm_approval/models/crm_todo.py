# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    """"My to-do": approval requests waiting for my approval (the same inbox as
    contracts and quotations)."""
    _inherit = 'crm.todo'

    approval_request_review_count = fields.Integer('Requests waiting for my approval',
                                                   compute='_compute_approval_request_counts')
    approval_request_review_ids = fields.Many2many(
        'crm.approval.request', string='Requests waiting for my approval',
        compute='_compute_approval_request_counts',
        help='Expense, trip, leave and other requests whose current tier waits for you.')

    @api.model
    def _crm_todo_visibility(self):
        res = super(CrmTodo, self)._crm_todo_visibility()
        Request = self.env['crm.approval.request']
        res['approval_request_review'] = self.env.user._crm_is_leader() or bool(
            Request.check_access_rights('read', raise_exception=False) and
            Request.search_count([('crm_my_turn', '=', True)]))
        return res

    def _compute_approval_request_counts(self):
        Request = self.env['crm.approval.request']
        domain = [('crm_my_turn', '=', True)]
        readable = Request.check_access_rights('read', raise_exception=False)
        count = Request.search_count(domain) if readable else 0
        ids = Request.search(domain, limit=LIST_LIMIT) if readable else Request
        for rec in self:
            rec.approval_request_review_count = count
            rec.approval_request_review_ids = ids

    @api.multi
    def action_open_approval_request_review(self):
        return self._list_action('crm_approval.crm_approval_request_action',
                                 _('Requests Waiting for My Approval'),
                                 [('crm_my_turn', '=', True)])
