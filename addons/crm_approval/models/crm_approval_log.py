# -*- coding: utf-8 -*-
from odoo import fields, models

ACTIONS = [
    ('submit', 'Submitted'),
    ('approve', 'Approve'),
    ('reject', 'Reject'),
    ('return', 'Return'),
    ('handover', 'Handed over'),
    ('add', 'Added a reviewer'),
]


class CrmApprovalLog(models.Model):
    """One step of an approval (who did what, when, with which comment): the timeline
    of a document's "Review History". Written by the approval actions only (as
    superuser) and read through the document (``crm_approval_timeline``)."""
    _name = 'crm.approval.log'
    _description = 'Approval Step'
    _order = 'date, id'

    res_model = fields.Char('Document Model', required=True, index=True)
    res_id = fields.Integer('Document ID', required=True, index=True)
    action = fields.Selection(ACTIONS, 'Step', required=True)
    user_id = fields.Many2one('res.users', 'By', required=True, ondelete='restrict')
    date = fields.Datetime('On', required=True)
    tier_sequence = fields.Integer('Tier')
    tier_name = fields.Char('Tier Name')
    target_user_ids = fields.Many2many('res.users', 'crm_approval_log_user_rel', 'log_id',
                                       'user_id', string='To')
    comment = fields.Text('Comment')
