# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    """"My to-do": quotes waiting for my approval (the same inbox as contracts)."""
    _inherit = 'crm.todo'

    quotation_review_count = fields.Integer('Quotations waiting for my approval',
                                            compute='_compute_quotation_counts')
    quotation_review_ids = fields.Many2many('crm.quotation',
                                            string='Quotations waiting for my approval',
                                            compute='_compute_quotation_counts')

    @api.model
    def _crm_todo_visibility(self):
        res = super(CrmTodo, self)._crm_todo_visibility()
        Quote = self.env['crm.quotation']
        res['quotation_review'] = self.env.user._crm_is_leader() or bool(
            Quote.check_access_rights('read', raise_exception=False) and
            Quote.search_count([('crm_my_turn', '=', True)]))
        return res

    def _compute_quotation_counts(self):
        Quote = self.env['crm.quotation']
        domain = [('crm_my_turn', '=', True)]
        readable = Quote.check_access_rights('read', raise_exception=False)
        count = Quote.search_count(domain) if readable else 0
        ids = Quote.search(domain, limit=LIST_LIMIT) if readable else Quote
        for rec in self:
            rec.quotation_review_count = count
            rec.quotation_review_ids = ids

    @api.multi
    def action_open_quotation_review(self):
        return self._list_action('crm_quotation.crm_quotation_action',
                                 _('Quotations Waiting for My Approval'),
                                 [('crm_my_turn', '=', True)])
