# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    """"Failed e-mails" on the CRM administrator's to-do (counter, tab, and the menu's
    number): every e-mail being retried or given up."""
    _inherit = 'crm.todo'

    mail_failed_count = fields.Integer('Failed e-mails', compute='_compute_mail_failed')
    mail_failed_ids = fields.Many2many('crm.mail.failure', string='Failed e-mails',
                                       compute='_compute_mail_failed')

    @api.model
    def _crm_todo_visibility(self):
        res = super(CrmTodo, self)._crm_todo_visibility()
        res['mail_failed'] = self._crm_sees_mail_failures()
        return res

    @api.model
    def _crm_sees_mail_failures(self):
        user = self.env.user
        return user._crm_is_admin() or user.has_group('base.group_system')

    def _compute_mail_failed(self):
        Rows = self.env['crm.mail.failure']
        if self._crm_sees_mail_failures():
            count, rows = Rows.search_count([]), Rows.search([], limit=LIST_LIMIT)
        else:
            count, rows = 0, Rows
        for todo in self:
            todo.mail_failed_count = count
            todo.mail_failed_ids = rows

    @api.multi
    def action_open_mail_failed(self):
        self.env['crm.mail.failure']._crm_check_admin()
        return self.env.ref('crm_mail_queue.crm_mail_failure_action').read()[0]
