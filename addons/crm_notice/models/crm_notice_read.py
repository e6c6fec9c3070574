# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmNoticeRead(models.Model):
    """A read receipt: ``user_id`` read ``notice_id`` at ``read_at`` (CRM clock). Written
    only by ``crm.notice.action_mark_read`` of the reader herself (no one has create or
    write rights on it); the reader sees her own, the publisher and sales managers those
    of their notices."""
    _name = 'crm.notice.read'
    _description = 'Announcement Read Receipt'
    _order = 'read_at desc, id desc'

    notice_id = fields.Many2one('crm.notice', 'Announcement', required=True, index=True,
                                ondelete='cascade', readonly=True)
    user_id = fields.Many2one('res.users', 'Reader', required=True, index=True,
                              ondelete='cascade', readonly=True)
    read_at = fields.Datetime('Read On', required=True, readonly=True)

    _sql_constraints = [
        ('notice_user_uniq', 'unique(notice_id, user_id)', 'A reader reads a notice once.'),
    ]
