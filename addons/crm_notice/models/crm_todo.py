# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from odoo.addons.crm_sales.models.crm_todo import LIST_LIMIT


class CrmTodo(models.TransientModel):
    """Unread notices on "my to-do" (kind ``notice_unread``: a counter, a tab and the
    menu's number) for every user, and the banner of the pinned ones above the counters."""
    _inherit = 'crm.todo'

    notice_unread_count = fields.Integer('Unread notices', compute='_compute_notices')
    notice_unread_ids = fields.Many2many(
        'crm.notice', string='Unread notices', compute='_compute_notices',
        help='Notices published to you or your team that you have not marked read appear here.')
    notice_banner_ids = fields.Many2many('crm.notice', string='Pinned notices',
                                         compute='_compute_notices')

    @api.model
    def _crm_todo_visibility(self):
        res = super(CrmTodo, self)._crm_todo_visibility()
        # salespeople always; any other user while a notice waits for her
        res['notice_unread'] = self.env.user._crm_is_salesperson() or bool(
            self.env['crm.notice'].search_count(self.env['crm.notice']._crm_domain_unread()))
        return res

    def _compute_notices(self):
        Notice = self.env['crm.notice']
        domain = Notice._crm_domain_unread()
        count = Notice.search_count(domain)
        rows = Notice.search(domain, limit=LIST_LIMIT)
        banner = rows.filtered('pinned')
        for todo in self:
            todo.notice_unread_count = count
            todo.notice_unread_ids = rows
            todo.notice_banner_ids = banner

    @api.multi
    def action_open_notice_unread(self):
        return self._list_action('crm_notice.crm_notice_action', _('Unread Notices'),
                                 self.env['crm.notice']._crm_domain_unread())
